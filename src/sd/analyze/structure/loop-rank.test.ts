import { describe, expect, it } from 'vitest';
import { readVensim } from '../../vensim/reader.js';
import { causalGraph } from './causal-graph.js';
import { feedbackLoops } from './feedback-loops.js';
import { loopCounts, rankLoops } from './loop-rank.js';

// Counted by hand. Links: S→a +, b→a +, S→b +, a→b +, a→S +, b→S +, S→d +, d→S −, T→e +, e→T −, S→e +.
// Elementary cycles: S→a→S, S→b→S, a→b→a, S→a→b→S, S→b→a→S (the same variables as the one
// before, another order), S→d→S (balancing), T→e→T (balancing). Six loops once the repeat is folded:
// R: {S,a}, {S,b}, {a,b}, {S,a,b}; B: {S,d}, {T,e}.
// Families (polarity and set of stocks): R through S (3 loops), R through no stock ({a,b}), B through S, B through T.
const ir = readVensim(`
S = INTEG(a + b - d, 1) ~ u ~|
a = S * 0.1 + b * 0.5 ~ u ~|
b = S * 0.2 + a * 0.5 ~ u ~|
d = S / 10 ~ u ~|
T = INTEG(-e, 5) ~ u ~|
e = T * 0.1 + S * 0 ~ u ~|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 10 ~ Year ~|
TIME STEP = 1 ~ Year ~|
SAVEPER = TIME STEP ~ Year ~|
`);

describe('feedback loops: folding and families', () => {
  const report = feedbackLoops(causalGraph(ir), { fold: true });

  it('keeps loops over the same variables in another order apart unless asked to fold them', () => {
    const all = feedbackLoops(causalGraph(ir));
    expect(loopCounts(all)).toEqual({ loops: 7, R: 5, B: 2, U: 0, families: 4, scored: 0 });
    expect(all.loops.filter((l) => l.variables.length === 3).map((l) => l.variables.join(' '))).toHaveLength(2);
    expect(all.loops.every((l) => l.variants === 1)).toBe(true);
  });

  it('folds loops over the same variables and classifies the rest', () => {
    expect(report.method).toBe('all');
    expect(loopCounts(report)).toEqual({ loops: 6, R: 4, B: 2, U: 0, families: 4, scored: 0 });
    const abc = report.loops.find((l) => l.variables.length === 3)!;
    expect(abc.polarity).toBe('R');
    expect(abc.variants).toBe(2);
    expect(report.loops.filter((l) => l.variants === 1)).toHaveLength(5);
  });

  it('groups loops by polarity and the set of stocks they pass through', () => {
    const fam = report.families.map((f) => `${f.polarity}:${f.stocks.join(',')}:${f.loops.length}`).sort();
    expect(fam).toEqual(['B:s:1', 'B:t:1', 'R::1', 'R:s:3']);
    // Every loop points at the family that lists it.
    for (const l of report.loops) expect(report.families[l.family]!.loops).toContain(l.id);
  });

  it('ranks by share of behaviour where computed, then by length', () => {
    const byLength = rankLoops(report.loops);
    expect(byLength.map((l) => l.variables.length)).toEqual([2, 2, 2, 2, 2, 3]);
    const b = report.loops.find((l) => l.polarity === 'B' && l.variables.includes('t'))!;
    const abc = report.loops.find((l) => l.variables.length === 3)!;
    const shares = new Map([
      [abc.id, 0.2],
      [b.id, 0.7],
    ]);
    const ranked = rankLoops(report.loops, shares);
    expect(ranked.slice(0, 2).map((l) => l.id)).toEqual([b.id, abc.id]);
    expect(ranked.slice(2).every((l) => l.variables.length === 2)).toBe(true);
    expect(loopCounts(report, shares).scored).toBe(2);
  });
});
