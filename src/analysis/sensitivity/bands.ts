/**
 * Percentile bands across an ensemble, per saved time. Percentiles interpolate linearly between
 * order statistics (Hyndman & Fan 1996 type 7, the default of R and NumPy); sd divides by n - 1.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { EnsembleCollector } from './ensemble.js';

export const DEFAULT_PERCENTILES = [5, 25, 50, 75, 95];

/** A table ready for CSV: `Time`, then for each variable X: `X p5` … `X mean`, `X sd`. */
export interface Table {
  headers: string[];
  columns: Float64Array[];
}

/** The q-th percentile (0..100) of ascending values. */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * (q / 100);
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * A distribution-free confidence interval for the q-th percentile of the population a sample of
 * ascending values was drawn from: the order statistics whose ranks lie z binomial standard errors
 * either side of n·q/100 (normal approximation to the binomial count of values below the
 * percentile; Conover, Practical Nonparametric Statistics, 3rd ed., §3.2). It assumes independent
 * draws; a Latin hypercube sample usually estimates a percentile at least as well, so for it the
 * interval errs on the wide side. z = 1.645 gives about 90 %.
 */
export function percentileInterval(sorted: ArrayLike<number>, q: number, z = 1.645): [number, number] {
  const n = sorted.length;
  if (n === 0) return [NaN, NaN];
  const p = q / 100;
  const half = z * Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(n * p - half) - 1);
  const hi = Math.min(n - 1, Math.ceil(n * p + half) - 1);
  return [sorted[lo], sorted[hi]];
}

export function checkPercentiles(ps: readonly number[], where = '--percentiles'): number[] {
  if (ps.length === 0) throw new InputError(where, { en: 'give at least one percentile', es: 'indique al menos un percentil' });
  for (const p of ps) if (!(p >= 0 && p <= 100)) throw new InputError(where, { en: `percentile ${p} is not between 0 and 100`, es: `el percentil ${p} no está entre 0 y 100` });
  return [...ps];
}

export function percentileLabel(q: number): string {
  return `p${String(q)}`;
}

export function computeBands(ens: EnsembleCollector, percentiles: readonly number[] = DEFAULT_PERCENTILES): Table {
  const time = ens.time ?? new Float64Array(0);
  const nt = time.length;
  const headers = ['Time'];
  const columns: Float64Array[] = [Float64Array.from(time)];
  const scratch = new Float64Array(ens.runs);
  ens.columns.forEach((name, c) => {
    const stats = [...percentiles.map(() => new Float64Array(nt)), new Float64Array(nt), new Float64Array(nt)];
    for (let t = 0; t < nt; t++) {
      scratch.set(ens.across(c, t));
      let mean = 0;
      for (let r = 0; r < scratch.length; r++) mean += scratch[r];
      mean /= scratch.length;
      let ss = 0;
      for (let r = 0; r < scratch.length; r++) ss += (scratch[r] - mean) ** 2;
      scratch.sort();
      percentiles.forEach((q, k) => (stats[k][t] = percentileOfSorted(scratch, q)));
      stats[percentiles.length][t] = mean;
      stats[percentiles.length + 1][t] = scratch.length > 1 ? Math.sqrt(ss / (scratch.length - 1)) : NaN;
    }
    headers.push(...percentiles.map((q) => `${name} ${percentileLabel(q)}`), `${name} mean`, `${name} sd`);
    columns.push(...stats);
  });
  return { headers, columns };
}
