import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';
import { causalGraph } from '../analyze/structure/causal-graph.js';
import { feedbackLoops } from '../analyze/structure/feedback-loops.js';
import { loopDominance } from './loop-dominance.js';

function dominance(text: string) {
  const { model, ir } = compileVensim(text);
  const graph = causalGraph(ir);
  return loopDominance(model, ir, graph, feedbackLoops(graph));
}

const settings = (end: number, dt: number) => `
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = ${end} ~ Year ~|
TIME STEP = ${dt} ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

describe('loop dominance (loop scores)', () => {
  it('gives a lone balancing loop the whole behaviour', () => {
    const d = dominance(`
s = INTEG(-outflow, 100) ~ u ~|
outflow = s / tau ~ u/Year ~|
tau = 5 ~ Year ~|
${settings(10, 0.25)}`);
    expect(d.loops.map((l) => l.id)).toEqual(['B1']);
    const rel = d.loops[0]!.relative;
    for (let k = 1; k < rel.length; k++) expect(rel[k]).toBeCloseTo(-1, 12);
  });

  it('hands dominance from the reinforcing to the balancing loop at half the capacity (logistic growth)', () => {
    // births = r·s, deaths = r·s²/K: |R| / |B| = Δbirths / Δdeaths = K / (2s), so R dominates
    // while s < K/2 and B afterwards (the inflection point of the logistic curve).
    const text = `
s = INTEG(births - deaths, 1) ~ u ~|
births = r * s ~ u/Year ~|
deaths = r * s * s / K ~ u/Year ~|
r = 0.5 ~ 1/Year ~|
K = 1000 ~ u ~|
${settings(40, 0.0625)}`;
    const d = dominance(text);
    expect(d.notScored).toEqual([]);
    const R = d.loops.find((l) => l.polarity === 'R')!;
    const B = d.loops.find((l) => l.polarity === 'B')!;
    const s = compileVensim(text).model.run({ saveper: 0.0625, columns: ['s'] }).get('s')!;
    expect(s.length).toBe(d.time.length);
    let checked = 0;
    for (let k = 1; k < d.time.length; k++) {
      if (Math.abs(s[k]! - 500) < 20) continue; // near the switch the discrete differences blur it
      expect(Math.abs(R.relative[k]!) > Math.abs(B.relative[k]!)).toBe(s[k]! < 500);
      // The ratio itself: K / (2 s) up to the discrete step (terms in Δs²).
      if (s[k]! > 50 && s[k]! < 950) {
        expect(Math.abs(R.score[k]! / B.score[k]!) / (1000 / (2 * s[k]!))).toBeCloseTo(1, 1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(d.periods.map((p) => p.loop)).toEqual(['R1', 'B1']);
  });

  it('scores a loop through a variable that also reads an INITIAL value, holding that value at the start (as the run does)', () => {
    // crowding = s / s0 with s0 = INITIAL(s) (Vensim's INITIAL stands alone, fn_initial): s0 is s at
    // time 0 for the whole run, so the link s → crowding carries all of crowding's change (score 1)
    // and B2 is scored like any loop. Had s0 followed s, crowding would stay 1 and B2 score 0. The
    // link s → s0 acts only at the start, so no loop passes through it.
    const text = `
s = INTEG(growth - decline, 100) ~ u ~|
growth = r * s ~ u/Year ~|
decline = s * crowding / tau ~ u/Year ~|
crowding = s / s0 ~ Dmnl ~|
s0 = INITIAL(s) ~ u ~|
r = 0.1 ~ 1/Year ~|
tau = 20 ~ Year ~|
${settings(10, 0.5)}`;
    const d = dominance(text);
    expect(d.notScored).toEqual([]);
    expect(d.loops.map((l) => `${l.id}:${l.variables.join(',')}`).sort()).toEqual(['B1:s,decline', 'B2:s,crowding,decline', 'R1:s,growth']);
    const run = compileVensim(text).model.run({ saveper: 0.5, end: 10.5, columns: ['s', 'growth', 'decline', 'crowding'] });
    const [S, g, dec, c] = ['s', 'growth', 'decline', 'crowding'].map((n) => run.get(n)!);
    const B2 = d.loops.find((l) => l.id === 'B2')!;
    let checked = 0;
    for (let k = 0; k < d.time.length; k++) {
      const dNet = g![k + 1]! - dec![k + 1]! - (g![k]! - dec![k]!);
      // crowding → decline: decline had only crowding moved; decline → s: an outflow's part of the net flow's change.
      const part = (S![k]! * c![k + 1]!) / 20 - dec![k]!;
      const crowdingToDecline = Math.abs(part / (dec![k + 1]! - dec![k]!)) * Math.sign(part / (c![k + 1]! - c![k]!));
      const declineToS = -Math.abs((dec![k + 1]! - dec![k]!) / dNet);
      expect(B2.score[k]).toBeCloseTo(1 * crowdingToDecline * declineToS, 12);
      if (Math.abs(B2.score[k]!) > 0.01) checked++;
    }
    expect(checked).toBe(d.time.length);
    // The same model through arrays gives each element loop the scalar loop's scores.
    const arrayed = dominance(`
dim: A1, A2 ~~|
s[dim] = INTEG(growth[dim] - decline[dim], 100) ~ u ~|
growth[dim] = r * s[dim] ~ u/Year ~|
decline[dim] = s[dim] * crowding[dim] / tau ~ u/Year ~|
crowding[dim] = s[dim] / s0[dim] ~ Dmnl ~|
s0[dim] = INITIAL(s[dim]) ~ u ~|
r = 0.1 ~ 1/Year ~|
tau = 20 ~ Year ~|
${settings(10, 0.5)}`);
    expect(arrayed.notScored).toEqual([]);
    for (const id of ['B2[A1]', 'B2[A2]']) {
      const e = arrayed.loops.find((l) => l.id === id)!;
      e.score.forEach((x, k) => expect(x).toBeCloseTo(B2.score[k]!, 12));
    }
  });

  it('says why a loop is not scored', () => {
    const d = dominance(`
s = INTEG(inflow, 1) ~ u ~|
inflow = held * 0.1 ~ u/Year ~|
held = DELAY FIXED(s, 2, 1) ~ u ~|
${settings(5, 1)}`);
    expect(d.loops).toHaveLength(0);
    expect(d.notScored[0]!.reason.en).toMatch(/DELAY FIXED/);
  });

  it('lists a loop as not scored when a branch taken only during the run holds what it cannot evaluate', () => {
    // Every input is 1 in the first check, so the QUANTUM branch is reached only once s > 5.
    const d = dominance(`
s = INTEG(inflow, 1) ~ u ~|
inflow = IF THEN ELSE(s > 5, QUANTUM(s, 0.5) * 0.2, 0.5 * s) ~ u/Year ~|
t = INTEG(-outflow, 10) ~ u ~|
outflow = t / 4 ~ u/Year ~|
${settings(10, 0.25)}`);
    expect(d.notScored).toHaveLength(1);
    expect(d.notScored[0]!.reason.en).toMatch(/^inflow: function QUANTUM is not scored/);
    expect(d.loops.map((l) => l.polarity)).toEqual(['B']);
  });
});
