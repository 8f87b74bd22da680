import { describe, expect, it } from 'vitest';
import { eulerOrder, type EulerPlan } from './euler-order.js';

/** Replays a plan: every rate must be evaluated once, before any stock it reads has changed. */
function violations(reads: number[][], plan: EulerPlan): string[] {
  const bad: string[] = [];
  const updated = new Set<number>();
  const seen = new Set<number>();
  for (const { k, deferred } of plan.steps) {
    if (seen.has(k)) bad.push(`rate ${k} twice`);
    seen.add(k);
    for (const j of reads[k]!) if (updated.has(j)) bad.push(`rate ${k} reads stock ${j} after its update`);
    if (!deferred) updated.add(k);
  }
  for (const k of plan.deferred) {
    if (!plan.steps.some((s) => s.k === k && s.deferred)) bad.push(`stock ${k} updated from d without its rate there`);
    updated.add(k);
  }
  if (seen.size !== reads.length || updated.size !== reads.length) bad.push('not every stock handled');
  return bad;
}

describe('in-place Euler order', () => {
  it('keeps the given order when no rate reads another stock', () => {
    const plan = eulerOrder([[0], [1], [], [3]]);
    expect(plan.steps.map((s) => s.k)).toEqual([0, 1, 2, 3]);
    expect(plan.deferred).toEqual([]);
  });

  it('updates a stock only after the rates that read it', () => {
    // Rate 0 reads stock 1 (SMOOTH-like: the signal's rate reads its input stock).
    const reads = [[1, 0], [1]];
    const plan = eulerOrder(reads);
    expect(plan.steps.map((s) => s.k)).toEqual([0, 1]);
    const chain = [[], [0], [1], [2]];
    const p2 = eulerOrder(chain);
    expect(p2.steps.map((s) => s.k)).toEqual([3, 2, 1, 0]);
    expect(violations(chain, p2)).toEqual([]);
  });

  it('defers one stock of a cycle to the end and nothing else', () => {
    const reads = [[1], [0], []];
    const plan = eulerOrder(reads);
    expect(plan.deferred).toEqual([0]);
    expect(plan.steps.filter((s) => s.deferred).map((s) => s.k)).toEqual([0]);
    expect(violations(reads, plan)).toEqual([]);
  });

  it('never lets a rate read a stock already updated, on random read graphs', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rand() * 30);
      const density = rand() * 0.3;
      const reads = Array.from({ length: n }, () => Array.from({ length: n }, (_, j) => j).filter(() => rand() < density));
      expect(violations(reads, eulerOrder(reads)), `trial ${trial}: ${JSON.stringify(reads)}`).toEqual([]);
    }
  });
});
