import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';
import { causalGraph } from '../analyze/structure/causal-graph.js';
import { feedbackLoops } from '../analyze/structure/feedback-loops.js';
import { dominanceOf } from './test-support/dominance.js';

const dominance = (text: string) => dominanceOf(text);

const settings = (end: number, dt: number) => `
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = ${end} ~ Year ~|
TIME STEP = ${dt} ~ Year ~|
SAVEPER = ${dt} ~ Year ~|
`;

// A capacity that adjusts toward a target read from itself; ACTIVE INITIAL breaks the simultaneous
// initial values (the stock's initial value reads the target, the target the stock).
const capacity = `
cap = INTEG(adj, target) ~ u ~|
adj = (target - cap) / tau ~ u/Year ~|
target = ACTIVE INITIAL(cap * g, 100) ~ u ~|
tau = 2 ~ Year ~|
g = 1.1 ~ Dmnl ~|
${settings(6, 1)}`;

describe('loop scores through ACTIVE INITIAL (its active expression during the run)', () => {
  it('scores the links of the active expression, worked out by hand', () => {
    // From the start target = 1.1·cap and adj = (1.1·cap − cap)/2 = 0.05·cap, so over a step
    // Δadj = 0.05·Δcap. cap → target: target's only input, 1. target → adj: Δtarget/2 = 0.55·Δcap,
    // |0.55/0.05| = 11, positive. cap → adj: −Δcap/2, |−0.5/0.05| = 10, negative. adj → cap: the
    // only flow, 1. R (cap → target → adj) = 11, B (cap → adj) = −10, relative 11/21 and −10/21.
    // The link target → cap sets only cap's initial value: no loop goes through it.
    const d = dominance(capacity);
    expect(d.notScored).toEqual([]);
    expect(d.loops.map((l) => `${l.polarity}:${l.variables.join(',')}`).sort()).toEqual(['B:cap,adj', 'R:cap,target,adj']);
    const R = d.loops.find((l) => l.polarity === 'R')!;
    const B = d.loops.find((l) => l.polarity === 'B')!;
    expect(d.time.length).toBe(7);
    for (let k = 0; k < d.time.length; k++) {
      expect(R.score[k]).toBeCloseTo(11, 9);
      expect(B.score[k]).toBeCloseTo(-10, 9);
      expect(R.relative[k]).toBeCloseTo(11 / 21, 9);
      expect(B.relative[k]).toBeCloseTo(-10 / 21, 9);
    }
    expect(d.periods.map((p) => p.loop)).toEqual([R.id]);
  });

  it('scores each element loop of the same model through arrays as the scalar loop', () => {
    const d = dominance(`
dim: A1, A2 ~~|
cap[dim] = INTEG(adj[dim], target[dim]) ~ u ~|
adj[dim] = (target[dim] - cap[dim]) / tau ~ u/Year ~|
target[dim] = ACTIVE INITIAL(cap[dim] * g, 100) ~ u ~|
tau = 2 ~ Year ~|
g = 1.1 ~ Dmnl ~|
${settings(6, 1)}`);
    expect(d.notScored).toEqual([]);
    const R = d.loops.filter((l) => l.polarity === 'R');
    expect(R.map((l) => l.id).sort()).toEqual(['R1[A1]', 'R1[A2]']);
    for (const l of R) l.score.forEach((x) => expect(x).toBeCloseTo(11, 9));
  });

  it('gives the same loop scores as the model with the active expression in its place', () => {
    // pressure's initial expression gives the active one's value at the start (s starts at 10), so
    // both runs are the same, and m, initialised from pressure, uses the initial expression.
    const model = (pressure: string) => `
s = INTEG(growth - loss, 10) ~ u ~|
growth = r * s ~ u/Year ~|
loss = s * m / tau ~ u/Year ~|
pressure = ${pressure} ~ Dmnl ~|
m = INTEG((pressure - m) / 3, pressure) ~ Dmnl ~|
s init = 10 ~ u ~|
cap ref = 40 ~ u ~|
r = 0.3 ~ 1/Year ~|
tau = 2 ~ Year ~|
${settings(20, 0.25)}`;
    const withActive = dominance(model('ACTIVE INITIAL(s / cap ref, s init / cap ref)'));
    const plain = dominance(model('s / cap ref'));
    expect(withActive.notScored).toEqual([]);
    // growth (R), loss (B), m adjusting to pressure (B) and s → pressure → m → loss (B).
    expect(withActive.loops.length).toBe(4);
    const view = (d: ReturnType<typeof dominance>) => d.loops.map((l) => ({ id: l.id, polarity: l.polarity, variables: l.variables, score: Array.from(l.score), relative: Array.from(l.relative) }));
    expect(view(withActive)).toEqual(view(plain));
    expect(withActive.periods).toEqual(plain.periods);
    // The loop through pressure and m is scored (not zero throughout).
    const through = withActive.loops.find((l) => l.variables.includes('pressure'))!;
    expect(through.score.some((x) => Math.abs(x) > 1e-3)).toBe(true);
  });

  it('closes no loop through an input read only by the initial expression', () => {
    // s → z only gives z a value should a stock's initialisation need it: during the run z is `base`, so
    // s → z → inflow → s is no feedback loop (as for INITIAL's argument, causal-graph.ts).
    const text = `
s = INTEG(inflow, 50) ~ u ~|
inflow = z / 10 ~ u/Year ~|
z = ACTIVE INITIAL(base, s) ~ u ~|
base = 5 ~ u ~|
${settings(4, 1)}`;
    const { ir } = compileVensim(text);
    const graph = causalGraph(ir);
    expect(graph.links.find((l) => l.from === 's' && l.to === 'z')?.initialOnly).toBe(true);
    expect(feedbackLoops(graph).loops).toEqual([]);
    const d = dominance(text);
    expect(d.loops).toEqual([]);
    expect(d.notScored).toEqual([]);
  });
});
