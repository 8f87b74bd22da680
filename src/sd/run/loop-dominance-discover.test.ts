import { describe, expect, it } from 'vitest';
import { discoverLoops, spreadOrder } from './loop-dominance-discover.js';
import { strongestLoops, type WeightedLink } from '../analyze/structure/test-support/strongest-loops-at.js';

describe('spreadOrder', () => {
  it('halves the gaps: the first, the middle, the quarters …, each index once', () => {
    expect(spreadOrder(8)).toEqual([0, 4, 2, 6, 1, 5, 3, 7]);
    expect(spreadOrder(5)).toEqual([0, 4, 2, 1, 3]);
    expect(spreadOrder(1)).toEqual([0]);
    expect([...spreadOrder(201)].sort((a, b) => a - b)).toEqual(Array.from({ length: 201 }, (_, i) => i));
  });
});

// A ring of stocks a → b → c → d → a with chords; which links are strong changes with time, so
// each time finds some loops of its own.
const links = new Map<string, Set<string>>([
  ['a', new Set(['b', 'c'])],
  ['b', new Set(['c', 'a'])],
  ['c', new Set(['d', 'a'])],
  ['d', new Set(['a', 'b'])],
]);
const weight = (from: string, to: string, k: number) => 1 + Math.sin(k * 0.7 + from.charCodeAt(0) * 1.3 + to.charCodeAt(0) * 2.1);

/** The search one time after the other, as it was done before the spread order. */
function oneAfterTheOther(n: number, samples: number): string[][] {
  const seen = new Set<string>();
  const loops: string[][] = [];
  const step = Math.max(1, Math.floor(n / samples));
  for (let k = 0; k < n; k += step) {
    const out = new Map<string, WeightedLink[]>([...links].map(([f, tos]) => [f, [...tos].map((to) => ({ to, weight: weight(f, to, k) }))]));
    loops.push(...strongestLoops(out, [...links.keys()], seen).loops);
  }
  return loops;
}

describe('discoverLoops', () => {
  it('finds the loops of the search one time after the other, in the same order', () => {
    const expected = oneAfterTheOther(40, 20);
    expect(expected.length).toBeGreaterThan(2);
    const found = discoverLoops(links, () => true, () => true, weight, 40, 20, 10, 1e9);
    expect(found.over).toBeUndefined();
    expect(found.loops).toEqual(expected);
  });

  it('counts a loop once though several stocks and times find it', () => {
    const pair = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a'])],
    ]);
    // a ⇄ b, found from a and from b at each of 4 times: 10 values and its 2 keys, once.
    const found = discoverLoops(pair, () => true, () => true, () => 1, 4, 4, 10, 12);
    expect(found.over).toBeUndefined();
    expect(found.loops).toEqual([['a', 'b']]);
    expect(discoverLoops(pair, () => true, () => true, () => 1, 4, 4, 10, 11).over).toEqual({ found: 1, times: 1, of: 4, values: 12 });
  });

  it('stops at the loop that passes the limit, counting each loop\'s values and its keys', () => {
    let calls = 0;
    const counted = (f: string, t: string, k: number) => (calls++, weight(f, t, k));
    // Loops of 2 to 4 keys at 10 values each: 12 to 14 values a loop, so 30 values hold 2 loops.
    const found = discoverLoops(links, () => true, () => true, counted, 40, 20, 10, 30);
    expect(found.over?.found).toBe(3);
    expect(found.over?.of).toBe(20);
    // Stopped within the first time (the first time alone finds more than 2): 8 links weighed once.
    expect(found.over?.times).toBe(1);
    expect(calls).toBe(8);
  });
});
