/**
 * The sampling interval of a percentile (bands.ts percentileInterval) and the "on the edge" flag of
 * target verdicts (scenarios/uncertainty.ts): checked on samples whose percentiles are known.
 */
import { describe, expect, it } from 'vitest';
import { percentileInterval, percentileOfSorted } from './bands.js';
import { onTheEdge } from '../scenarios/uncertainty.js';

/** 0, 1, …, n-1: the q-th percentile of the uniform population on [0, n) is n·q/100. */
const ramp = (n: number) => Float64Array.from({ length: n }, (_, i) => i);

/** A seeded uniform sample (xorshift32), sorted. */
function uniformSample(n: number, seed: number): Float64Array {
  let x = seed >>> 0 || 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x / 2 ** 32;
  }
  return out.sort();
}

describe('percentileInterval', () => {
  it('brackets the sample percentile with ranks about 1.645 binomial standard errors either side', () => {
    const s = ramp(500);
    const [lo, hi] = percentileInterval(s, 5);
    // n p = 25, 1.645 sqrt(n p (1 - p)) = 8.02: ranks floor(16.98) = 16 and ceil(33.02) = 34 (values 15 and 33)
    expect([lo, hi]).toEqual([15, 33]);
    expect(lo).toBeLessThan(percentileOfSorted(s, 5));
    expect(hi).toBeGreaterThan(percentileOfSorted(s, 5));
    const [lo95, hi95] = percentileInterval(s, 95);
    expect([lo95, hi95]).toEqual([465, 483]);
  });

  it('narrows as the sample grows', () => {
    const w = (n: number) => {
      const [lo, hi] = percentileInterval(ramp(n), 5);
      return (hi - lo) / n;
    };
    expect(w(5000)).toBeLessThan(w(500) / 2.5);
  });

  it('covers the true 5th percentile of a uniform population in about 90 % of samples of 500', () => {
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const [lo, hi] = percentileInterval(uniformSample(500, 7919 * (t + 1)), 5);
      if (lo <= 0.05 && 0.05 <= hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.85);
    expect(covered / trials).toBeLessThan(0.97);
  });

  it('stays inside the sample for tiny samples', () => {
    expect(percentileInterval(Float64Array.of(3), 5)).toEqual([3, 3]);
    expect(percentileInterval(new Float64Array(0), 5).every(Number.isNaN)).toBe(true);
  });
});

describe('onTheEdge', () => {
  const b = { p5Interval: [178.5, 180.2] as [number, number], p95Interval: [223, 228] as [number, number] };
  it('flags a cap inside the sampling interval of p5 or p95', () => {
    expect(onTheEdge(179, b)).toBe(true);
    expect(onTheEdge(225, b)).toBe(true);
  });
  it('does not flag a band of identical runs that sits on the limit (the verdict is exact)', () => {
    expect(onTheEdge(0, { p5Interval: [0, 0], p95Interval: [0, 0] })).toBe(false);
  });
  it('does not flag a cap well away from both', () => {
    expect(onTheEdge(208.8, b)).toBe(false);
    expect(onTheEdge(170, b)).toBe(false);
    expect(onTheEdge(240, b)).toBe(false);
  });
});
