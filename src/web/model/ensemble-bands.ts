/**
 * Uncertainty bands: a seeded Latin-hypercube ensemble over the model's uncertain parameters (the
 * same `NAME=distribution(…)` forms as `igem sensitivity`), run on top of the current lever
 * settings, and per-time percentiles of the chosen series, with each percentile's ~90 % sampling
 * interval (so the dashboard can say when a target verdict is on the edge, as the report does).
 */
import { latinHypercube } from '../../analysis/sampling.js';
import { percentileInterval, percentileOfSorted } from '../../analysis/sensitivity/bands.js';
import { parseVary, quantile } from '../../analysis/sensitivity/distributions.js';
import type { Model } from '../../sd/run/types.js';

export interface BandRequest {
  params: Record<string, number>;
  columns: string[];
  /** `NAME=uniform(LO,HI)` and the other distribution forms. */
  vary: string[];
  runs: number;
  seed: number;
  /** Lower and upper percentile, e.g. [5, 95]. */
  percentiles: [number, number];
}

export interface BandResult {
  time: Float64Array;
  names: string[];
  low: Float64Array[];
  high: Float64Array[];
  /** Ends of the ~90 % sampling interval of the low and the high percentile, per series and time. */
  lowFrom: Float64Array[];
  lowTo: Float64Array[];
  highFrom: Float64Array[];
  highTo: Float64Array[];
  runs: number;
  percentiles: [number, number];
}

/** Every typed array of a result, for a worker's transfer list. */
export function bandBuffers(b: BandResult): ArrayBuffer[] {
  const arrays = [b.time, ...b.low, ...b.high, ...b.lowFrom, ...b.lowTo, ...b.highFrom, ...b.highTo];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

export function ensembleBands(model: Model, req: BandRequest): BandResult {
  const varied = req.vary.map((v, i) => parseVary(v, `uncertainty.parameters[${i}]`));
  const points = latinHypercube(req.runs, varied.length, req.seed);
  let time: Float64Array = new Float64Array(0);
  let names: string[] = [];
  // samples[column][time][run]
  let samples: Float64Array[][] = [];
  points.forEach((u, r) => {
    const params = { ...req.params };
    varied.forEach((p, j) => (params[p.name] = quantile(p.distribution, u[j]!)));
    const res = model.run({ params, columns: req.columns });
    if (r === 0) {
      time = res.time;
      names = res.names;
      samples = res.series.map(() => Array.from(res.time, () => new Float64Array(req.runs)));
    }
    res.series.forEach((s, c) => s.forEach((x, i) => (samples[c]![i]![r] = x)));
  });
  const [lo, hi] = req.percentiles;
  for (const byTime of samples) for (const v of byTime) v.sort(); // typed arrays sort numerically
  const per = (f: (v: Float64Array) => number) => samples.map((byTime) => Float64Array.from(byTime, f));
  return {
    time,
    names,
    low: per((v) => percentileOfSorted(v, lo)),
    high: per((v) => percentileOfSorted(v, hi)),
    lowFrom: per((v) => percentileInterval(v, lo)[0]),
    lowTo: per((v) => percentileInterval(v, lo)[1]),
    highFrom: per((v) => percentileInterval(v, hi)[0]),
    highTo: per((v) => percentileInterval(v, hi)[1]),
    runs: req.runs,
    percentiles: [lo, hi],
  };
}
