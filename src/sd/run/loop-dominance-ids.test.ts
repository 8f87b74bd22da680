import { describe, expect, it } from 'vitest';
import { dominanceOf } from './test-support/dominance.js';
import { compileVensim } from './engine.js';
import { causalGraph } from '../analyze/structure/causal-graph.js';
import { feedbackLoops } from '../analyze/structure/feedback-loops.js';
import { loopDominance } from './loop-dominance.js';

const settings = `
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 20 ~ Year ~|
TIME STEP = 0.25 ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

/** A pipeline whose delay time depends on the stock it drains: the loop through the delay time reaches the outflow by four paths (DELAY3's output and each of its stocks reads the delay time). */
const delayOnItself = `
s = INTEG(inflow - outflow, 100) ~ u ~|
inflow = 10 ~ u/Year ~|
outflow = DELAY3(s / 5, delay time) ~ u/Year ~|
delay time = 1 + s / 50 ~ Year ~|
${settings}`;

const dominance = (text: string, discover: boolean) => dominanceOf(text, { discover });

describe('ids of the loops scored through a smooth or delay by several stock paths', () => {
  for (const discover of [false, true]) {
    it(`numbers each path of one loop apart, unique within the result (${discover ? 'strongest-path search' : 'listed loops'})`, () => {
      const d = dominance(delayOnItself, discover);
      const ids = d.loops.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      // The loop through the delay time reaches the outflow directly (its stage time) and through stage 1, 2 or 3.
      const viaTime = d.loops.filter((l) => l.variables.includes('delay time'));
      expect(viaTime.length).toBe(4);
      const base = viaTime[0]!.loop;
      expect(viaTime.every((l) => l.loop === base)).toBe(true);
      expect(viaTime.map((l) => l.id)).toEqual([1, 2, 3, 4].map((k) => `${base}.${k}`));
      // Shortest first: each later path passes one more stock.
      const lengths = viaTime.map((l) => l.elements.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
      expect(new Set(lengths).size).toBe(4);
      // Periods name a scored loop by its own id.
      for (const p of d.periods) expect(ids).toContain(p.loop);
    });
  }

  it('keeps the numbered paths of a scalar loop when the element loops through arrays are left out for want of room', () => {
    // Three arrayed decays beside the delay: with room for few values, only the arrayed element loops go.
    const text = `${delayOnItself.replace(settings, '')}
dim: A1, A2, A3 ~~|
a[dim] = INTEG(-out[dim], 100) ~ u ~|
out[dim] = a[dim] / 4 ~ u/Year ~|
INITIAL TIME = 0 ~~| FINAL TIME = 4 ~~| TIME STEP = 1 ~~| SAVEPER = 1 ~~|`;
    const { model, ir } = compileVensim(text);
    const graph = causalGraph(ir);
    const roomy = loopDominance(model, ir, graph, feedbackLoops(graph), { discover: false });
    const tight = loopDominance(model, ir, graph, feedbackLoops(graph), { discover: false, maxValues: 50 });
    const arrayedLoop = roomy.loops.find((l) => l.id.includes('['))!.loop;
    expect(tight.notScored.map((x) => x.id)).toEqual([arrayedLoop]);
    expect(tight.loops.map((l) => l.id)).toEqual(roomy.loops.filter((l) => l.loop !== arrayedLoop).map((l) => l.id));
    expect(tight.loops.filter((l) => /^U\d+\.\d$/.test(l.id))).toHaveLength(4);
  });
});

describe('one id per path, in the listed loops and in the strongest-path search', () => {
  // Two pipelines in a row, each with its delay time on the loop: the loop s → T → y → T2 → outflow
  // enters y's DELAY3 at 4 places and outflow's at 4, 16 paths, several of one length, so the
  // order among equal lengths decides their numbers (comparePaths: by node ids after length).
  const twoDelays = `
s = INTEG(inflow - outflow, 100) ~ u ~|
inflow = 10 ~ u/Year ~|
T = 1 + s / 50 ~ Year ~|
y = DELAY3(s / 5, T) ~ u/Year ~|
T2 = 1 + y / 20 ~ Year ~|
outflow = DELAY3(y, T2) ~ u/Year ~|
${settings}`;

  it('numbers each path the same way in both', () => {
    const listed = dominance(twoDelays, false);
    const searched = dominance(twoDelays, true);
    const paths = (d: ReturnType<typeof dominance>) => {
      const through = d.loops.filter((l) => l.variables.length === 5);
      return new Map(through.map((l) => [l.elements.join(' → '), l.id.slice(l.loop.length)]));
    };
    const a = paths(listed);
    const b = paths(searched);
    expect(a.size).toBe(16);
    // The search may find only some of the paths; each it finds has the listed path's number.
    expect(b.size).toBeGreaterThan(1);
    for (const [path, suffix] of b) expect([path, suffix]).toEqual([path, a.get(path)]);
    // Equal lengths are there to order: 16 paths over fewer lengths.
    const lengths = new Set(listed.loops.filter((l) => l.variables.length === 5).map((l) => l.elements.length));
    expect(lengths.size).toBeLessThan(16);
    expect([...a.values()].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)))).toEqual(Array.from({ length: 16 }, (_, i) => `.${i + 1}`));
  });
});
