import { describe, expect, it } from 'vitest';
import { cycleIds, cycleKey, indexLinks, searchCycles } from './strongest-loops.js';
import { strongestLoops, type WeightedLink } from './test-support/strongest-loops-at.js';

describe('indexLinks', () => {
  it('numbers nodes as first met and keeps each node\'s links in their given order', () => {
    const index = indexLinks([
      ['b', ['c', 'a']],
      ['a', ['b']],
    ]);
    expect(index.names).toEqual(['b', 'c', 'a']);
    // b → c, b → a; c has none; a → b.
    expect([...index.start]).toEqual([0, 2, 2, 3]);
    expect([...index.to]).toEqual([1, 2, 0]);
  });
});

describe('cycleIds', () => {
  it('turns a cycle of numbers as cycleKey turns its names, with a key of numbers', () => {
    const names = ['m', 'c', 'x', 'a'];
    const path = [0, 2, 3, 1];
    const { key, ids } = cycleIds(path, names);
    expect(ids.map((x) => names[x])).toEqual(cycleKey(path.map((x) => names[x]!)).cycle);
    expect(ids).toEqual([3, 1, 0, 2]);
    expect(key).toBe('3,1,0,2');
  });
});

describe('searchCycles', () => {
  const index = indexLinks([
    ['s', ['a', 'b', 'c']],
    ['a', ['s']],
    ['b', ['s']],
    ['c', ['s']],
  ]);
  const paths = (weights: number[]) => {
    const out: string[][] = [];
    searchCycles(index, Float64Array.from(weights), [0], 1000, (path) => (out.push(path.map((x) => index.names[x]!)), false));
    return out;
  };

  it('follows the strongest link first, equal weights in their given order, and none weighted 0 or NaN', () => {
    // Links: s→a, s→b, s→c, a→s, b→s, c→s.
    expect(paths([1, 3, 1, 1, 1, 1])).toEqual([
      ['s', 'b'],
      ['s', 'a'],
      ['s', 'c'],
    ]);
    expect(paths([2, 2, 0, 1, 1, 1])).toEqual([
      ['s', 'a'],
      ['s', 'b'],
    ]);
    expect(paths([NaN, 1, 1, 1, 1, 1])).toEqual([
      ['s', 'b'],
      ['s', 'c'],
    ]);
  });

  it('stops when asked', () => {
    let calls = 0;
    const found = searchCycles(index, Float64Array.from([1, 1, 1, 1, 1, 1]), [0, 1], 1000, () => ++calls === 2);
    expect(calls).toBe(2);
    expect(found.stopped).toBe(true);
  });
});

describe('strongestLoops', () => {
  it('gives each loop once, from its smallest key, skipping those already seen', () => {
    const out = new Map<string, WeightedLink[]>([
      ['x', [{ to: 'y', weight: 1 }]],
      ['y', [{ to: 'x', weight: 1 }, { to: 'z', weight: 2 }]],
      ['z', [{ to: 'y', weight: 1 }]],
    ]);
    const seen = new Set<string>();
    // From x and from y: x⇄y found from both, kept once.
    expect(strongestLoops(out, ['x', 'y'], seen).loops).toEqual([
      ['x', 'y'],
      ['y', 'z'],
    ]);
    expect(strongestLoops(out, ['x', 'y'], seen).loops).toEqual([]);
  });
});
