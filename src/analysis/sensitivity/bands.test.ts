/**
 * Percentile bands of a linear model, Stock(t) = 10 + rate × t, against their analytic values.
 * With n independent runs, the standard error of the q-quantile is √(q(1-q)/n) / density at the
 * quantile, of the mean sd/√n, and of the sd about sd √((κ - 1)/(4n)) with κ the kurtosis.
 * Each estimate must fall within four standard errors.
 */
import jstatPkg from 'jstat';
import { describe, expect, it } from 'vitest';
import { toyModel } from '../testing/toy-model.js';
import { parseVary } from './distributions.js';
import { monteCarlo } from './monte-carlo.js';

const { jStat } = jstatPkg;

const linear = () =>
  toyModel({
    constants: { rate: 2 },
    initial: () => ({ Stock: 10 }),
    derivatives: (_s, c) => ({ Stock: c.rate }),
    time: { start: 0, end: 10, dt: 1, saveper: 1 },
  });

const N = 4000;
const Q = [5, 25, 50, 75, 95];

function column(headers: string[], name: string): number {
  const i = headers.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
}

describe('percentile bands', () => {
  it('match the analytic percentiles of a uniform rate within sampling error', async () => {
    const r = await monteCarlo(linear(), { parameters: [parseVary('rate=uniform(1,3)')], columns: ['Stock'] }, { runs: N, seed: 5, sampling: 'random' });
    const h = r.bands.headers;
    expect(h).toEqual(['Time', 'Stock p5', 'Stock p25', 'Stock p50', 'Stock p75', 'Stock p95', 'Stock mean', 'Stock sd']);
    for (const t of [1, 5, 10]) {
      // Stock(t) = 10 + rate t with rate ~ U(1,3): quantile 10 + t (1 + 2q), density 1/(2t).
      for (const q of Q) {
        const exact = 10 + t * (1 + (2 * q) / 100);
        const se = 2 * t * Math.sqrt(((q / 100) * (1 - q / 100)) / N);
        expect(Math.abs(r.bands.columns[column(h, `Stock p${q}`)][t] - exact)).toBeLessThan(4 * se);
      }
      const sd = (2 * t) / Math.sqrt(12);
      expect(Math.abs(r.bands.columns[column(h, 'Stock mean')][t] - (10 + 2 * t))).toBeLessThan((4 * sd) / Math.sqrt(N));
      // Kurtosis of a uniform is 1.8.
      expect(Math.abs(r.bands.columns[column(h, 'Stock sd')][t] - sd)).toBeLessThan(4 * sd * Math.sqrt(0.8 / (4 * N)));
    }
    // At t = 0 every run starts at 10.
    expect(r.bands.columns[column(h, 'Stock p5')][0]).toBe(10);
    expect(r.bands.columns[column(h, 'Stock sd')][0]).toBe(0);
  });

  it('match the analytic percentiles of a normal rate, with Latin hypercube sampling', async () => {
    const r = await monteCarlo(
      linear(),
      { parameters: [parseVary('rate=normal(2,0.5)')], columns: ['stock'] },
      { runs: N, seed: 9, sampling: 'lhs', percentiles: [2.5, 50, 97.5] },
    );
    const h = r.bands.headers;
    const t = 10;
    for (const q of [2.5, 50, 97.5]) {
      const z = jStat.normal.inv(q / 100, 0, 1);
      const exact = 10 + t * (2 + 0.5 * z);
      const density = jStat.normal.pdf(z, 0, 1) / (0.5 * t);
      // The random-sampling error bounds the (smaller) Latin-hypercube error.
      const se = Math.sqrt(((q / 100) * (1 - q / 100)) / N) / density;
      expect(Math.abs(r.bands.columns[column(h, `Stock p${q}`)][t] - exact)).toBeLessThan(4 * se);
    }
  });
});
