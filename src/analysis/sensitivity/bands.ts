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

export function checkPercentiles(ps: readonly number[], where = '--percentiles'): number[] {
  if (ps.length === 0) throw InputError.englishOnly(where, 'give at least one percentile');
  for (const p of ps) if (!(p >= 0 && p <= 100)) throw InputError.englishOnly(where, `percentile ${p} is not between 0 and 100`);
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
