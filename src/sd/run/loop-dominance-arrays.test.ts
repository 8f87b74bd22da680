/**
 * Loop scores through arrayed variables, element by element, on small models whose scores are
 * known by hand (loop-dominance.ts, analyze/structure/element-loops.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from './engine.js';
import { causalGraph } from '../analyze/structure/causal-graph.js';
import { feedbackLoops } from '../analyze/structure/feedback-loops.js';
import { dominanceOf as dominance } from './test-support/dominance.js';
import { loopDominance, loopShares } from './loop-dominance.js';

const settings = (end: number, dt: number) => `
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = ${end} ~ Year ~|
TIME STEP = ${dt} ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

const DECAY_WITH_SUM = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs><start>0</start><stop>4</stop><dt>0.5</dt></sim_specs>
  <dimensions><dim name="Region"><elem name="north"/><elem name="south"/></dim></dimensions>
  <model><variables>
    <stock name="s"><dimensions><dim name="Region"/></dimensions><eqn>100</eqn><outflow>outflow</outflow></stock>
    <flow name="outflow"><dimensions><dim name="Region"/></dimensions><eqn>s / tau + 0.01 * total</eqn></flow>
    <aux name="tau"><dimensions><dim name="Region"/></dimensions><element subscript="north"><eqn>2</eqn></element><element subscript="south"><eqn>5</eqn></element></aux>
    <aux name="total"><eqn>SUM(s[*])</eqn></aux>
  </variables></model>
</xmile>`;

const every = (xs: Float64Array, f: (x: number, k: number) => void) => xs.forEach((x, k) => f(x, k));

describe('loop dominance through arrays', () => {
  it('scores two independent arrayed first-order loops element by element, each alone in its partition', () => {
    // outflow[i] = s[i] / tau[i]: the link s[i] → outflow[i] explains all of Δoutflow[i] (+1) and
    // the outflow all of Δs[i]'s net flow (−1), whatever the gain 1/tau: each loop scores −1.
    const d = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(-outflow[dim], 100) ~ u ~|
outflow[dim] = s[dim] / tau[dim] ~ u/Year ~|
tau[dim] = 2, 5 ~ Year ~|
${settings(10, 0.25)}`);
    expect(d.notScored).toEqual([]);
    expect(d.report.loops.map((l) => l.id)).toEqual(['B1']);
    expect(d.loops.map((l) => [l.id, l.loop, l.elements])).toEqual([
      ['B1[A1]', 'B1', ['s[A1]', 'outflow[A1]']],
      ['B1[A2]', 'B1', ['s[A2]', 'outflow[A2]']],
    ]);
    expect(d.loops.map((l) => l.partition)).toEqual([0, 1]);
    for (const l of d.loops) {
      every(l.score, (x) => expect(x).toBeCloseTo(-1, 12));
      every(l.relative, (x) => expect(x).toBeCloseTo(-1, 12));
      expect(l.share).toBeCloseTo(1, 12);
    }
    expect(d.periods.map((p) => [p.partition, p.loop])).toEqual([
      [0, 'B1[A1]'],
      [1, 'B1[A2]'],
    ]);
    expect(loopShares(d.loops).get('B1')).toBeCloseTo(1, 12);
  });

  it('splits each element between its own loop and the loop through a SUM in the ratio of the gains', () => {
    // inflow[i] = a·s[i] + b·total, total = s[A1] + s[A2] (linear, so the differences are exact):
    // R1[i] (s → inflow → s) = a·Δs[i] / Δinflow[i] and R2[i] (s → total → inflow → s) =
    // b·ΔT/Δinflow[i] · Δs[i]/ΔT = b·Δs[i] / Δinflow[i]. With equal stocks Δinflow = (a + 2b)·Δs:
    // R1 = a / (a + 2b) = 0.5, R2 = b / (a + 2b) = 0.25; all four share one partition (through
    // total), so R1[i] is relative 0.5 / 1.5 = 1/3 and R2[i] 1/6.
    const model = (s0: string) => `
dim: A1, A2 ~~|
s[dim] = INTEG(inflow[dim], s0[dim]) ~ u ~|
s0[dim] = ${s0} ~ u ~|
inflow[dim] = a * s[dim] + b * total ~ u/Year ~|
total = SUM(s[dim!]) ~ u ~|
a = 0.1 ~ 1/Year ~|
b = 0.05 ~ 1/Year ~|
${settings(5, 0.125)}`;
    const d = dominance(model('10, 10'));
    expect(d.notScored).toEqual([]);
    expect(d.loops.map((l) => l.id)).toEqual(['R1[A1]', 'R1[A2]', 'R2[A1]', 'R2[A2]']);
    expect(d.loops.find((l) => l.id === 'R2[A2]')!.elements).toEqual(['s[A2]', 'total', 'inflow[A2]']);
    expect(new Set(d.loops.map((l) => l.partition))).toEqual(new Set([0]));
    const expected: Record<string, [number, number]> = { 'R1[A1]': [0.5, 1 / 3], 'R1[A2]': [0.5, 1 / 3], 'R2[A1]': [0.25, 1 / 6], 'R2[A2]': [0.25, 1 / 6] };
    for (const l of d.loops) {
      every(l.score, (x) => expect(x).toBeCloseTo(expected[l.id]![0], 9));
      every(l.relative, (x) => expect(x).toBeCloseTo(expected[l.id]![1], 9));
    }
    // Unequal stocks: each element's own loop still scores a/b = 2 times its SUM loop.
    const u = dominance(model('1, 30'));
    const score = (id: string) => u.loops.find((l) => l.id === id)!.score;
    for (const e of ['A1', 'A2']) every(score(`R1[${e}]`), (x, k) => expect(x / score(`R2[${e}]`)[k]!).toBeCloseTo(2, 9));
    every(score('R1[A1]'), (x, k) => expect(x).not.toBeCloseTo(score('R1[A2]')[k]!, 3));
    for (let k = 0; k < u.time.length; k++) expect(u.loops.reduce((t, l) => t + Math.abs(l.relative[k]!), 0)).toBeCloseTo(1, 12);
  });

  it('follows a loop that visits two elements of each variable before it closes', () => {
    // flow[A1] = −k·s[A2], flow[A2] = k·s[A1]: one loop s[A1] → flow[A2] → s[A2] → flow[A1] →
    // s[A1]; every link explains all of its target's change, one of them negatively: score −1.
    const d = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(flow[dim], 1) ~ u ~|
flow[A1] = -k * s[A2] ~ u/Year ~|
flow[A2] = k * s[A1] ~ u/Year ~|
k = 0.5 ~ 1/Year ~|
${settings(4, 0.125)}`);
    expect(d.notScored).toEqual([]);
    expect(d.loops).toHaveLength(1);
    const [l] = d.loops;
    expect(l!.elements).toEqual(['s[A1]', 'flow[A2]', 's[A2]', 'flow[A1]']);
    expect(l!.id).toBe(`${l!.loop}[A1 → A2 → A2 → A1]`);
    every(l!.score, (x) => expect(x).toBeCloseTo(-1, 12));
  });

  it('reads an XMILE array the same way: SUM(s[*]) closes one loop per element, in the ratio of the gains', () => {
    // outflow[r] = s[r] / tau[r] + 0.01·total: B1[r] / B2[r] = (Δs[r] / tau[r]) / (0.01·Δs[r]) = 1 / (0.01·tau[r]).
    const { model, ir } = compileXmile(DECAY_WITH_SUM);
    const graph = causalGraph(ir);
    const d = loopDominance(model, ir, graph, feedbackLoops(graph));
    expect(d.notScored).toEqual([]);
    expect(d.loops.map((l) => l.id)).toEqual(['B1[north]', 'B1[south]', 'B2[north]', 'B2[south]']);
    const score = (id: string) => d.loops.find((l) => l.id === id)!.score;
    for (const [r, tau] of [['north', 2], ['south', 5]] as const) every(score(`B1[${r}]`), (x, k) => expect(x / score(`B2[${r}]`)[k]!).toBeCloseTo(1 / (0.01 * tau), 9));
  });

  it('says when a variable loop closes on no elements', () => {
    // The graph of variables has s → f → s, but only f[A1] reads s (s[A2]) and s[A2]'s flow is constant.
    const d = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(f[dim], 1) ~ u ~|
f[A1] = 0.1 * s[A2] ~ u/Year ~|
f[A2] = 0.1 ~ u/Year ~|
${settings(2, 0.5)}`);
    expect(d.loops).toEqual([]);
    expect(d.notScored).toHaveLength(1);
    expect(d.notScored[0]!.reason.en).toMatch(/no loop element by element/);
  });

  it('names a loop through a partial SUM of a two-dimensional array by its fullest subscripts', () => {
    const d = dominance(`
r: R1, R2 ~~|
c: C1, C2 ~~|
s[r, c] = INTEG(inflow[r, c], 1) ~ u ~|
inflow[r, c] = 0.01 * row total[r] ~ u/Year ~|
row total[r] = SUM(s[r, c!]) ~ u ~|
${settings(2, 0.5)}`);
    expect(d.notScored).toEqual([]);
    expect(d.loops.map((l) => l.id)).toEqual(['R1[R1,C1]', 'R1[R1,C2]', 'R1[R2,C1]', 'R1[R2,C2]']);
    // Rows are independent: two partitions, two loops each; within a row the two are alike (1/2 each).
    expect(d.loops.map((l) => l.partition)).toEqual([0, 0, 1, 1]);
    for (const l of d.loops) every(l.relative, (x) => expect(x).toBeCloseTo(0.5, 12));
  });

  it('refuses a loop through a stateful function of an array, with the reason', () => {
    const d = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(inflow[dim], 1) ~ u ~|
inflow[dim] = held[dim] * 0.1 ~ u/Year ~|
held[dim] = SAMPLE IF TRUE(Time >= 1, s[dim], s[dim]) ~ u ~|
${settings(2, 0.5)}`);
    expect(d.loops).toEqual([]);
    expect(d.notScored[0]!.reason.en).toMatch(/^held: function SAMPLE IF TRUE \(a held sample: the method defines no link score for it\) is not scored/);
    expect(d.notScored[0]!.reason.es).toMatch(/^held: la función SAMPLE IF TRUE \(una muestra retenida: el método no define puntuación de enlace para ella\) no se puntúa/);
    // A smooth is scored through the stock it stands for, element by element.
    const smooth = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(inflow[dim], 1) ~ u ~|
inflow[dim] = SMOOTH(s[dim], 2) * 0.1 ~ u/Year ~|
${settings(2, 0.5)}`);
    expect(smooth.notScored).toEqual([]);
    expect(smooth.loops.map((l) => l.id)).toEqual(['R1[A1]', 'R1[A2]']);
  });
});

describe('loop dominance through arrays: element loop polarity from the element equations', () => {
  it('labels each element loop by its own links where the variable loop is undetermined', () => {
    // Two tanks that even out: transfer[A1] = (s[A1] − s[A2]) / tau reads s[A1] with + and s[A2]
    // with −, so the variable link s → transfer is '?' and the loop U1. Element by element each
    // tank's own loop is s[Ai] → transfer[Ai] (+) → s[Ai] (−): balancing; the loop through both
    // tanks has four negative links: reinforcing.
    const d = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(-transfer[dim], start[dim]) ~ u ~|
start[dim] = 100, 20 ~ u ~|
transfer[A1] = (s[A1] - s[A2]) / tau ~ u/Year ~|
transfer[A2] = (s[A2] - s[A1]) / tau ~ u/Year ~|
tau = 4 ~ Year ~|
${settings(4, 0.25)}`);
    expect(d.report.loops.map((l) => [l.id, l.polarity, l.variables])).toEqual([['U1', 'U', ['s', 'transfer']]]);
    expect(d.notScored).toEqual([]);
    expect(d.loops.map((l) => [l.elements.join(' → '), l.loop, l.polarity])).toEqual([
      ['s[A1] → transfer[A1]', 'U1', 'B'],
      ['s[A2] → transfer[A2]', 'U1', 'B'],
      ['s[A1] → transfer[A2] → s[A2] → transfer[A1]', 'U1', 'R'],
    ]);
    // The run agrees: each loop's score has the sign of its label at every scored step.
    for (const l of d.loops) every(l.score, (x) => expect(Math.sign(x)).toBe(l.polarity === 'B' ? -1 : 1));
  });

  it('reads each element its own constant where one negative value makes the variable link negative', () => {
    // k = −0.5, 0.2: the variable link k → flow reads −, so s → flow is − and the loop B1; the
    // element A2 grows (+0.2 s[A2]): reinforcing.
    const d = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(flow[dim], 10) ~ u ~|
flow[dim] = s[dim] * k[dim] ~ u/Year ~|
k[dim] = -0.5, 0.2 ~ 1/Year ~|
${settings(4, 0.25)}`);
    expect(d.report.loops.map((l) => [l.id, l.polarity])).toEqual([['B1', 'B']]);
    expect(d.loops.map((l) => [l.id, l.polarity])).toEqual([
      ['B1[A1]', 'B'],
      ['B1[A2]', 'R'],
    ]);
    for (const l of d.loops) every(l.score, (x) => expect(Math.sign(x)).toBe(l.polarity === 'B' ? -1 : 1));
  });

  it('keeps the variable link sign where the element equation does not settle it', () => {
    // A lookup that rises then falls: '?' for the element and for the variable, so U.
    const d = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(flow[dim], 1) ~ u ~|
flow[dim] = hump(s[dim]) ~ u/Year ~|
hump((0,0),(5,1),(10,0)) ~~|
${settings(2, 0.5)}`);
    expect(d.loops.map((l) => [l.id, l.polarity])).toEqual([
      ['U1[A1]', 'U'],
      ['U1[A2]', 'U'],
    ]);
  });
});

describe('loop dominance through arrays: element loops across listed loops', () => {
  it('numbers apart an element loop that combines two listed loops, with the polarity of its links', () => {
    // Variable loops B1: s → f → s and B2: s → g → s (both balancing), but f[A1] reads s[A2] and
    // g[A2] reads s[A1]: the only element loop is s[A1] → g[A2] → s[A2] → f[A1] → s[A1], through
    // a link of each. Each link explains all its target's change; f and g negative: score +1 (R).
    const d = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(f[dim] + g[dim], 1) ~ u ~|
f[A1] = -0.3 * s[A2] ~ u/Year ~|
f[A2] = 0.1 ~ u/Year ~|
g[A1] = 0.1 ~ u/Year ~|
g[A2] = -0.2 * s[A1] ~ u/Year ~|
${settings(4, 0.25)}`);
    expect(d.report.loops.map((l) => [l.id, l.variables])).toEqual([
      ['B1', ['s', 'f']],
      ['B2', ['s', 'g']],
    ]);
    expect(d.notScored.map((n) => n.id).sort()).toEqual(['B1', 'B2']);
    expect(d.loops.map((l) => [l.id, l.loop, l.polarity, l.elements])).toEqual([['E1[A1 → A2 → A2 → A1]', 'E1', 'R', ['s[A1]', 'g[A2]', 's[A2]', 'f[A1]']]]);
    // Δ of each flow is all from its one input, and the flows are the only changes of their stocks'
    // net flows (the other flow is constant): every link score is ±1.
    every(d.loops[0]!.score, (x) => expect(x).toBeCloseTo(1, 12));
  });

  it('says why the loops through arrays are not scored above the limit of element loops', () => {
    const d = dominance(
      `
dim: A1, A2, A3 ~~|
s[dim] = INTEG(-outflow[dim], 100) ~ u ~|
outflow[dim] = s[dim] / 4 ~ u/Year ~|
${settings(2, 0.5)}`,
      { elementLimit: 2 },
    );
    expect(d.loops).toEqual([]);
    expect(d.notScored).toEqual([{ id: 'B1', reason: { en: 'more than 2 loops element by element (the limit): none of them is scored', es: 'más de 2 bucles elemento por elemento (el límite): no se puntúa ninguno' } }]);
    expect(d.elementSearch).toBe('per-loop');
  });

  it('above the limit of element loops for all listed loops together, searches each listed loop on its own', () => {
    // R1 and R2 of the SUM coupling have two element loops each: four together, above a limit of 3.
    const text = `
dim: A1, A2 ~~|
s[dim] = INTEG(inflow[dim], 10) ~ u ~|
inflow[dim] = 0.1 * s[dim] + 0.05 * total ~ u/Year ~|
total = SUM(s[dim!]) ~ u ~|
${settings(2, 0.5)}`;
    const all = dominance(text);
    const each = dominance(text, { elementLimit: 3 });
    expect(all.elementSearch).toBeUndefined();
    expect(each.elementSearch).toBe('per-loop');
    expect(each.loops.map((l) => l.id)).toEqual(all.loops.map((l) => l.id));
    each.loops.forEach((l, i) => expect([...l.relative]).toEqual([...all.loops[i]!.relative]));
  });

  it('leaves the loops through arrays unscored, saying why, when their series would pass what a run keeps', () => {
    const text = `
dim: A1, A2 ~~|
s[dim] = INTEG(-outflow[dim], 100) ~ u ~|
outflow[dim] = s[dim] / 4 ~ u/Year ~|
t = INTEG(-out t, 100) ~ u ~|
out t = t / 2 ~ u/Year ~|
${settings(2, 0.5)}`;
    // 2 / 0.5 + 2 = 6 values per series; the element loops need s[A1], s[A2], outflow[A1], outflow[A2] besides t and out t.
    const d = dominance(text, { maxValues: 6 * 5 });
    expect(d.loops.map((l) => l.id)).toEqual(['B2']);
    expect(d.notScored.map((x) => [x.id, x.reason.en])).toEqual([['B1', 'the loops element by element need 6 series of 6 values together, more than the 30 values a run can keep here: not scored']]);
    expect(dominance(text, { maxValues: 6 * 6 }).loops.map((l) => l.id)).toEqual(['B1[A1]', 'B1[A2]', 'B2']);
  });

  it('does not search arrayed variables along strongest paths, and says why', () => {
    const d = dominance(
      `
dim: A1, A2 ~~|
s[dim] = INTEG(-outflow[dim], 100) ~ u ~|
outflow[dim] = s[dim] / 4 ~ u/Year ~|
${settings(2, 0.5)}`,
      { discover: true },
    );
    expect(d.loops).toEqual([]);
    expect(d.notSearched?.map((x) => x.en)).toEqual(['s is arrayed: loops through arrays are scored element by element only when every loop is listed (below the limit)', 'outflow is arrayed: loops through arrays are scored element by element only when every loop is listed (below the limit)']);
  });
});
