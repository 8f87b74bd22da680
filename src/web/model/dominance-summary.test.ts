import { describe, expect, it } from 'vitest';
import { compileVensim } from '../../sd/run/engine.js';
import { causalGraph, feedbackLoops } from '../../sd/analyze/structure/index.js';
import { loopDominance } from '../../sd/run/loop-dominance.js';
import { dominanceSummary } from './dominance-summary.js';

describe('the explorer\'s loop dominance summary', () => {
  it('links each dominant path through a delay\'s stocks (U1.2) to its listed loop', () => {
    // The delay time depends on the stock the delay drains: one listed loop, four paths through DELAY3.
    const { model, ir } = compileVensim(`
s = INTEG(10 - outflow, 100) ~ u ~|
outflow = DELAY3(s / 5, delay time) ~ u/Year ~|
delay time = 1 + s / 50 ~ Year ~|
INITIAL TIME = 0 ~~| FINAL TIME = 20 ~~| TIME STEP = 0.25 ~~| SAVEPER = 1 ~~|`);
    const graph = causalGraph(ir);
    const report = feedbackLoops(graph);
    const d = loopDominance(model, ir, graph, report, { discover: false });
    const s = dominanceSummary(d, report);
    const listed = report.loops.map((l) => l.id);
    expect(Object.keys(s.shares).sort()).toEqual([...listed].sort());
    expect(s.scored).toBe(listed.length);
    expect(s.periods.length).toBeGreaterThan(0);
    const paths = new Set(d.loops.map((l) => l.id));
    for (const p of s.periods) {
      expect(paths).toContain(p.loop);
      expect(listed).toContain(p.listed);
    }
    // At least one period is won by a path whose id is not a listed loop's.
    expect(s.periods.some((p) => p.loop !== p.listed && /^U1\.\d$/.test(p.loop))).toBe(true);
  });
});
