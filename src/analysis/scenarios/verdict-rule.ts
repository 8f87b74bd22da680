/**
 * The rule that turns a 5-95 % band into a target verdict, shared by the scenario report and the
 * web simulator (pure, no imports, so the browser page can load it). "met" only when the whole band
 * is on the right side of the limit (p95 at or below a cap, p5 at or above a floor), "missed" when
 * the whole band is on the wrong side, otherwise "uncertain".
 */
export type Verdict = 'met' | 'missed' | 'uncertain';

/** ~90 % sampling intervals of the band's two percentiles (sensitivity/bands.ts percentileInterval). */
export interface PercentileIntervals {
  p5Interval: [number, number];
  p95Interval: [number, number];
}

export function verdictOf(op: '<=' | '>=', limit: number, p5: number, p95: number): Verdict {
  if (op === '<=') return p95 <= limit ? 'met' : p5 > limit ? 'missed' : 'uncertain';
  return p5 >= limit ? 'met' : p95 < limit ? 'missed' : 'uncertain';
}

/** Inside a sampling interval of some width (a band of identical runs, e.g. a policy that leaves the indicator exactly as it was, is not uncertain). */
const inside = (x: number, [lo, hi]: [number, number]): boolean => lo < hi && x >= lo && x <= hi;

/**
 * Whether the limit lies inside the sampling interval of either percentile the verdict rests on:
 * another seed or more runs could then give another verdict.
 */
export function onTheEdge(limit: number, b: PercentileIntervals): boolean {
  return inside(limit, b.p5Interval) || inside(limit, b.p95Interval);
}
