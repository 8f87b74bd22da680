import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findLoops } from './cycles.js';

const graph = (pairs: [string, string][]) => {
  const m = new Map<string, string[]>();
  for (const [a, b] of pairs) m.set(a, [...(m.get(a) ?? []), b]);
  return m;
};

/** Brute force: every simple cycle, by extending paths from their smallest node. */
function bruteForce(edges: Map<string, string[]>): string[] {
  const out: string[] = [];
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flat()])].sort();
  for (const s of nodes) {
    const walk = (path: string[]) => {
      for (const w of edges.get(path[path.length - 1]!) ?? []) {
        if (w === s) out.push(path.join('>'));
        else if (w > s && !path.includes(w)) walk([...path, w]);
      }
    };
    walk([s]);
  }
  return out.sort();
}

describe('feedback loops', () => {
  it('finds the loops of a population model', () => {
    const r = findLoops(
      graph([
        ['population', 'births'],
        ['births', 'population'],
        ['population', 'deaths'],
        ['deaths', 'population'],
        ['birth rate', 'births'],
      ]),
    );
    expect(r.truncated).toBe(false);
    expect(r.loops.map((l) => l.join('>')).sort()).toEqual(['births>population', 'deaths>population']);
  });

  it('counts self-loops and stops at the limit', () => {
    expect(findLoops(graph([['a', 'a']])).loops).toEqual([['a']]);
    // A complete graph on 6 nodes has far more than 10 cycles.
    const pairs: [string, string][] = [];
    for (const a of 'abcdef') for (const b of 'abcdef') if (a !== b) pairs.push([a, b]);
    const r = findLoops(graph(pairs), 10);
    expect(r.loops).toHaveLength(10);
    expect(r.truncated).toBe(true);
  });

  it('agrees with brute force on random graphs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')), { maxLength: 14 }), (pairs) => {
        const unique = [...new Map(pairs.map((p) => [p.join(), p])).values()];
        const g = graph(unique);
        const found = findLoops(g, 100_000).loops.map((l) => l.join('>')).sort();
        expect(found).toEqual(bruteForce(g));
      }),
      { numRuns: 300 },
    );
  });
});
