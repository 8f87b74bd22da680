/**
 * Loop scores against the published Loops That Matter results, on models built here from the
 * papers' equations:
 * - Schoenberg, Davidsen & Eberlein (2020), "Understanding model behavior using the Loops that
 *   Matter method", System Dynamics Review 36(2): the Bass diffusion model (Fig. 2) with its link
 *   and loop scores in Table 3; the yeast alcohol model (Fig. 5) with its four dominance phases
 *   (Table 4, Fig. 6);
 * - Schoenberg, Hayward & Eberlein (2023), "Improving Loops that Matter", SDR 39(2): the
 *   flow-to-stock link score that does not depend on how flows are drawn (Tables 1–2), and the
 *   loop score as a weighted loop gain (eqs. 13–14);
 * - Schoenberg & Eberlein (2020), "Seamlessly integrating Loops That Matter into model development
 *   and analysis": the births-and-deaths population (R1 +67 %, B1 −33 % with an average lifetime
 *   of 20; no loop reported at the equilibrium lifetime of 10);
 * - Eberlein & Schoenberg (2020), "Finding the loops that matter": the three-party arms race has
 *   8 loops (3 balancing, 5 reinforcing), two of them over the same variables;
 * - Schoenberg (2020), PhD thesis, article 3 (Table 1): a three-stock oscillator with 4 loops,
 *   all balancing.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';
import { causalGraph } from '../analyze/structure/causal-graph.js';
import { feedbackLoops } from '../analyze/structure/feedback-loops.js';
import { dominanceOf as dominance } from './test-support/dominance.js';
import { loopDominance } from './loop-dominance.js';

const settings = (end: number, dt: number) => `
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = ${end} ~ Year ~|
TIME STEP = ${dt} ~ Year ~|
SAVEPER = ${dt} ~ Year ~|
`;

const at = (time: Float64Array, t: number) => time.findIndex((x) => Math.abs(x - t) < 1e-9);
const through = (variables: string[], name: string) => variables.includes(name);

describe('Loops That Matter: the published examples', () => {
  it('reproduces Table 3 of the 2020 paper (Bass diffusion, dt 1/16) to its printed digits', () => {
    // Fig. 2: market size 1,000,000, 1 initial adopter, contact rate 100, adoption fraction 0.015, 0–15.
    const d = dominance(`
Potential Adopters = INTEG(-adopting, market size - initial adopters) ~ people ~|
Adopters = INTEG(adopting, initial adopters) ~ people ~|
adopting = adoption from word of mouth ~ people/Year ~|
adoption from word of mouth = potentials contacts with adopters * adoption fraction ~ people/Year ~|
potentials contacts with adopters = adopter contacts * probability of contact with potentials ~ contacts/Year ~|
adopter contacts = Adopters * contact rate ~ contacts/Year ~|
probability of contact with potentials = Potential Adopters / market size ~ Dmnl ~|
market size = 1e+06 ~ people ~|
initial adopters = 1 ~ people ~|
contact rate = 100 ~ contacts/person/Year ~|
adoption fraction = 0.015 ~ Dmnl ~|
${settings(15, 0.0625)}`);
    expect(d.notScored).toEqual([]);
    const R1 = d.loops.find((l) => through(l.variables, 'adopter contacts'))!;
    const B1 = d.loops.find((l) => through(l.variables, 'probability of contact with potentials'))!;
    expect([R1.polarity, B1.polarity]).toEqual(['R', 'B']);
    // Table 3: time, B1 loop score, B1 relative, R1 loop score, R1 relative.
    const table: [number, number, number, number, number][] = [
      [1, 0, 0, 1, 1],
      [9.5, -9.958, -0.465, 11.46, 0.535],
      [9.5625, -9358, -0.488, 9806, 0.512],
      [9.625, -10.91, -0.512, 10.41, 0.488],
      [15, -1, -1, 0, 0],
    ];
    for (const [t, b, bRel, r, rRel] of table) {
      const k = at(d.time, t);
      // Printed to 4 significant digits (or 3 decimals): half a unit in the last printed place.
      const close = (x: number, printed: number) => expect(Math.abs(x - printed)).toBeLessThanOrEqual(Math.max(5e-4, Math.abs(printed) * 5e-4));
      close(B1.score[k]!, b);
      close(B1.relative[k]!, bRel);
      close(R1.score[k]!, r);
      close(R1.relative[k]!, rRel);
    }
    // Dominance passes from R1 to B1 between 9.5625 and 9.625 (the inflection point).
    expect(d.periods.map((p) => [p.loop, p.from, p.to])).toEqual([
      [R1.id, 0, 9.5625],
      [B1.id, 9.625, 15],
    ]);
  });

  // The yeast alcohol model as the 2020 paper gives it (Fig. 5): B = C·(1.1 − 0.1·A)/b1,
  // D = C·EXP(A − 11)/d1, dA/dt = p·C; b1 16, d1 30, p 0.01, A(0) 0, C(0) 1, dt 0.5, 0–100.
  const yeast = `
C = INTEG(B - D, 1) ~ cells ~|
A = INTEG(production, 0) ~ alcohol ~|
B = C * (1.1 - 0.1 * A) / b1 ~ cells/Year ~|
D = C * EXP(A - 11) / d1 ~ cells/Year ~|
production = p * C ~ alcohol/Year ~|
b1 = 16 ~ Year ~|
d1 = 30 ~ Year ~|
p = 0.01 ~ alcohol/cells/Year ~|
${settings(100, 0.5)}`;

  it('finds the four yeast phases of the 2020 paper in its order: R, B2, B3, B1', () => {
    for (const flowToStock of ['value', 'change'] as const) {
      const d = dominance(yeast, { flowToStock });
      expect(d.notScored).toEqual([]);
      const name = (id: string) => {
        const l = d.loops.find((x) => x.id === id)!;
        if (!through(l.variables, 'a')) return through(l.variables, 'b') ? 'R' : 'B1';
        return through(l.variables, 'b') ? 'B2' : 'B3';
      };
      // Table 4: R 0–51.5, B2 52–66, B3 66.5–75, B1 75.5–100. The order is reproduced; the times
      // here are 2.5–4.5 later (R to 54, B2 to 68–69.5, B3 to 79), with either flow-to-stock formula:
      // the paper does not print the model's equations in full, and no initial value alone moves
      // all three switches onto the published times.
      expect(d.periods.map((p) => name(p.loop))).toEqual(['R', 'B2', 'B3', 'B1']);
      const [r, b2, b3] = d.periods;
      expect(r!.to).toBeGreaterThanOrEqual(51.5);
      expect(r!.to).toBeLessThan(56);
      expect(b2!.to).toBeGreaterThanOrEqual(66);
      expect(b2!.to).toBeLessThan(71);
      expect(b3!.to).toBeGreaterThanOrEqual(75);
      expect(b3!.to).toBeLessThan(80);
      // The formulation flaw the paper points out: once A > 11 births turn negative, and the
      // births loop (structurally undetermined here) acts as a balancing loop.
      const R = d.loops.find((l) => name(l.id) === 'R')!;
      expect(R.polarity).toBe('U');
      expect(R.relative[at(d.time, 90)]!).toBeLessThan(0);
      expect(R.relative[at(d.time, 10)]!).toBeGreaterThan(0.9);
    }
  });

  it('gives births +2/3 and deaths −1/3 with an average lifetime of 20, and nothing at equilibrium', () => {
    const population = (lifetime: number) => `
Population = INTEG(births - deaths, 100) ~ people ~|
births = Population * birth rate ~ people/Year ~|
deaths = Population / average lifetime ~ people/Year ~|
birth rate = 0.1 ~ 1/Year ~|
average lifetime = ${lifetime} ~ Year ~|
${settings(50, 0.25)}`;
    for (const flowToStock of ['value', 'change'] as const) {
      const d = dominance(population(20), { flowToStock });
      const R = d.loops.find((l) => l.polarity === 'R')!;
      const B = d.loops.find((l) => l.polarity === 'B')!;
      for (let k = 0; k < d.time.length; k++) {
        expect(R.relative[k]).toBeCloseTo(2 / 3, 10);
        expect(B.relative[k]).toBeCloseTo(-1 / 3, 10);
      }
      const eq = dominance(population(10), { flowToStock });
      expect(eq.loops.every((l) => l.score.every((s) => s === 0))).toBe(true);
      expect(eq.periods).toEqual([]);
    }
  });

  it('scores flows the same whether drawn apart or summed into one net flow (2023, Tables 1–2)', () => {
    // The 2023 paper's point: with the 2020 formula (flow value over net flow) splitting a net
    // flow into an inflow and an outflow changes the loop scores; with the corrected one (change
    // in the flow over change in the net flow) it does not.
    const apart = `
S = INTEG(inflow - outflow, 100) ~ u ~|
inflow = 0.05 * S ~ u/Year ~|
outflow = 2 + 0.01 * S + 0.00001 * S * S ~ u/Year ~|
${settings(30, 0.25)}`;
    const together = `
S = INTEG(net, 100) ~ u ~|
net = inflow - outflow ~ u/Year ~|
inflow = 0.05 * S ~ u/Year ~|
outflow = 2 + 0.01 * S + 0.00001 * S * S ~ u/Year ~|
${settings(30, 0.25)}`;
    const rel = (text: string, flowToStock: 'value' | 'change') => {
      const d = dominance(text, { flowToStock });
      const R = d.loops.find((l) => l.polarity === 'R')!;
      return R.relative;
    };
    const a = rel(apart, 'change');
    const b = rel(together, 'change');
    for (let k = 0; k < a.length; k++) expect(a[k]).toBeCloseTo(b[k]!, 9);
    // The 2020 formula differs between the two drawings (here by more than 0.1 in relative score).
    const a0 = rel(apart, 'value');
    const b0 = rel(together, 'value');
    expect(Math.max(...a0.map((x, k) => Math.abs(x - b0[k]!)))).toBeGreaterThan(0.1);
  });

  const armsRace = (tau: number) => `
A = INTEG(change in A, 50) ~ arms ~|
B = INTEG(change in B, 100) ~ arms ~|
C = INTEG(change in C, 150) ~ arms ~|
change in A = (target A - A) / adjustment time ~ arms/Year ~|
change in B = (target B - B) / adjustment time ~ arms/Year ~|
change in C = (target C - C) / adjustment time ~ arms/Year ~|
target A = B + 0.9 * C ~ arms ~|
target B = A + 1.1 * C ~ arms ~|
target C = 1.1 * A + 0.9 * B ~ arms ~|
adjustment time = ${tau} ~ Year ~|
${settings(100, 0.125)}`;

  it('counts the 8 loops of the three-party arms race, and scores them as weighted loop gains', () => {
    // A targets B + 0.9·C, B targets A + 1.1·C, C targets 1.1·A + 0.9·B; A, B, C start at 50, 100, 150.
    const tau = 5;
    const d = dominance(armsRace(tau));
    expect(d.report.loops).toHaveLength(8);
    expect(d.report.loops.filter((l) => l.polarity === 'B')).toHaveLength(3);
    expect(d.report.loops.filter((l) => l.polarity === 'R')).toHaveLength(5);
    // 2023, eqs. 13–14: a loop's score is its loop gain G weighted by |Ṡ/S̈| of each stock on it.
    // Growing along the dominant eigenvector (rate λ), |Ṡ/S̈| = 1/λ for every stock, so a loop
    // through k stocks scores G/λᵏ. The gains: −1/τ (one stock), (coefficient product)/τᵏ.
    const M = [
      [-1, 1, 0.9],
      [1, -1, 1.1],
      [1.1, 0.9, -1],
    ];
    let v = [1, 1, 1];
    let lambda = 0;
    for (let i = 0; i < 200; i++) {
      const w = M.map((row, r) => row.reduce((s, m, j) => s + m * v[j]!, 0) + 3 * v[r]!);
      lambda = Math.hypot(...w) / Math.hypot(...v) - 3;
      v = w.map((x) => x / Math.hypot(...w));
    }
    lambda /= tau;
    // coef[xy]: the coefficient of x in y's target.
    const coef: Record<string, number> = { ab: 1, ba: 1, ac: 1.1, ca: 0.9, bc: 0.9, cb: 1.1 };
    const stocks = ['a', 'b', 'c'];
    const expected = d.loops.map((l) => {
      const s = l.variables.filter((x) => stocks.includes(x));
      if (s.length === 1) return -1 / tau / lambda;
      let g = 1;
      for (let i = 0; i < s.length; i++) g *= coef[`${s[i]}${s[(i + 1) % s.length]}`]! / tau;
      return g / lambda ** s.length;
    });
    const total = expected.reduce((x, y) => x + Math.abs(y), 0);
    const k = at(d.time, 100);
    d.loops.forEach((l, i) => expect(l.relative[k]).toBeCloseTo(expected[i]! / total, 6));
    // The two three-party loops pass through the same variables but score differently
    // (gains 0.81/τ³ and 1.21/τ³).
    const three = d.loops.filter((l) => l.variables.filter((x) => stocks.includes(x)).length === 3);
    expect(three).toHaveLength(2);
    expect(Math.abs(three[0]!.relative[k]! - three[1]!.relative[k]!)).toBeGreaterThan(0.04);
  });

  it('normalizes within each cycle partition: an independent loop keeps its own profile', () => {
    // A goal-seeking stock next to an unconnected logistic one: two cycle partitions.
    const d = dominance(`
s = INTEG(births - deaths, 1) ~ u ~|
births = 0.5 * s ~ u/Year ~|
deaths = 0.5 * s * s / 1000 ~ u/Year ~|
e = INTEG((10 - e) / 3, 0) ~ u ~|
${settings(40, 0.125)}`);
    const partitions = new Set(d.loops.map((l) => l.partition));
    expect(partitions.size).toBe(2);
    for (const p of partitions) {
      const group = d.loops.filter((l) => l.partition === p);
      for (let k = 0; k < d.time.length - 1; k++) {
        const sum = group.reduce((x, l) => x + Math.abs(l.relative[k]!), 0);
        expect(sum).toBeCloseTo(1, 9);
      }
    }
    const lone = d.loops.find((l) => through(l.variables, 'e'))!;
    expect(lone.relative.every((x) => Math.abs(x + 1) < 1e-12)).toBe(true);
    // Each partition has its own dominance periods: the logistic one hands R → B.
    const logistic = d.periods.filter((p) => p.partition !== lone.partition).map((p) => d.loops.find((l) => l.id === p.loop)!.polarity);
    expect(logistic).toEqual(['R', 'B']);
  });

  it('finds the loops by strongest paths where all of them can be listed (as the 2020 search paper checks)', () => {
    // Eberlein & Schoenberg (2020) check the search against full enumeration on models small
    // enough: all 19 loops of the market growth model found; 28 of the 38 loops above 0.01 % of
    // the service quality model, the missed ones "siblings" of found ones. Here: a limit of 1
    // makes the listing stop, so the loops are found from the run's link scores instead.
    const search = (text: string) => {
      const { model, ir } = compileVensim(text);
      const graph = causalGraph(ir);
      const limited = feedbackLoops(graph, { limit: 1 });
      expect(limited.method).toBe('shortest-per-link');
      const found = loopDominance(model, ir, graph, limited);
      expect(found.report?.method).toBe('strongest-path');
      expect(found.exhausted).toBe(false);
      const all = loopDominance(model, ir, graph, feedbackLoops(graph));
      const key = (l: { variables: string[] }) => l.variables.join(' ');
      // Every loop found is a loop of the model, with the same scores where all loops are found.
      for (const f of found.loops) expect(all.loops.map(key)).toContain(key(f));
      const missed = all.loops.filter((l) => !found.loops.some((f) => key(f) === key(l)));
      return { found, all, missed };
    };
    for (const text of [yeast]) {
      const { found, all, missed } = search(text);
      expect(missed).toEqual([]);
      for (const l of all.loops) expect([...found.loops.find((f) => f.variables.join(' ') === l.variables.join(' '))!.relative]).toEqual([...l.relative]);
    }
    // The arms race: the search alone finds 7 of its 8 loops. It maximizes a product of link
    // scores that can exceed 1, so a longer path to a variable can prune a shorter one that closes
    // a loop — the failure the paper describes (its figure 7). Missed: the B–C pair, a sibling of
    // the two other pairs, 12 % of the behaviour (seen when this was written); the listed shortest loops, added to what the
    // search finds, bring it back.
    const { found, missed } = search(armsRace(5));
    expect(found.searched).toBe(7);
    expect(found.loops).toHaveLength(8);
    expect(missed).toEqual([]);
  });

  it('counts the 4 balancing loops of the thesis three-stock oscillator', () => {
    // Table 1 of the thesis' article 3: flow_1 = (g − f(State_3))/t, flow_i = State_(i−1)/t for
    // i = 2…4, t 5, g 75, f a sigmoid over [0, 100] through (50, 50); each flow drains one state
    // into the next (State_1 gains flow_1 and loses flow_2, and so on), which is the reading under
    // which the paper's "4 feedback loops, all balancing" holds. The sigmoid's exact table is not
    // printed; it does not change the structure.
    const d = dominance(`
State 1 = INTEG(flow 1 - flow 2, 29) ~ Units ~|
State 2 = INTEG(flow 2 - flow 3, 96) ~ Units ~|
State 3 = INTEG(flow 3 - flow 4, 4) ~ Units ~|
flow 1 = (g - f(State 3)) / t ~ Units/Year ~|
flow 2 = State 1 / t ~ Units/Year ~|
flow 3 = State 2 / t ~ Units/Year ~|
flow 4 = State 3 / t ~ Units/Year ~|
f([(0,0)-(100,100)],(0,0),(20,5),(35,20),(50,50),(65,80),(80,95),(100,100)) ~ Units ~|
t = 5 ~ Year ~|
g = 75 ~ Units ~|
${settings(100, 0.25)}`);
    expect(d.report.loops).toHaveLength(4);
    expect(d.report.loops.every((l) => l.polarity === 'B')).toBe(true);
    expect(d.notScored).toEqual([]);
  });
});
