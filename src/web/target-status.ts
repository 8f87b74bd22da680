/**
 * Whether a target is met, and on what basis: the 5-95 % band of the uncertainty ensemble at the
 * target year when the bands are on and computed for the settings on screen (the same rule as the
 * scenario report: verdict-rule.ts), otherwise the central run alone.
 */
import { onTheEdge, verdictOf, type Verdict } from '../analysis/scenarios/verdict-rule.js';
import type { Target } from './indicators.js';
import { targetMet, valueAt } from './indicators.js';
import type { BandResult } from './model/ensemble-bands.js';

export type Basis = { kind: 'central' } | { kind: 'band'; runs: number; low: number; high: number };

export interface TargetStatus {
  /** undefined when the value (or band) at the target year is unknown. */
  verdict: Verdict | undefined;
  /** The limit lies inside a deciding percentile's sampling interval (band basis only). */
  edge: boolean;
}

export function centralStatus(value: number, t: Target): TargetStatus {
  const met = targetMet(value, t);
  return { verdict: met === undefined ? undefined : met ? 'met' : 'missed', edge: false };
}

/** The band's verdict for one series, or undefined when the band does not hold the series. */
export function bandStatus(b: BandResult, name: string, t: Target): TargetStatus | undefined {
  const j = b.names.indexOf(name);
  if (j < 0) return undefined;
  const at = (s: Float64Array[]) => valueAt(b.time, s[j]!, t.year);
  const p5 = at(b.low);
  const p95 = at(b.high);
  if (Number.isNaN(p5) || Number.isNaN(p95)) return { verdict: undefined, edge: false };
  const intervals = { p5Interval: [at(b.lowFrom), at(b.lowTo)] as [number, number], p95Interval: [at(b.highFrom), at(b.highTo)] as [number, number] };
  return { verdict: verdictOf(t.direction === 'max' ? '<=' : '>=', t.value, p5, p95), edge: onTheEdge(t.value, intervals) };
}

/**
 * Status of every target of one indicator, all on one basis: the band when it is given and holds
 * the series, otherwise the central run (mixing bases within a table would mislead).
 */
export function targetStatuses(
  name: string,
  targets: readonly Target[],
  centralAt: (year: number) => number,
  band: BandResult | undefined,
): { basis: Basis; statuses: TargetStatus[] } {
  const fromBand = band ? targets.map((t) => bandStatus(band, name, t)) : [];
  if (band && targets.length > 0 && fromBand.every((s) => s !== undefined)) {
    return { basis: { kind: 'band', runs: band.runs, low: band.percentiles[0], high: band.percentiles[1] }, statuses: fromBand as TargetStatus[] };
  }
  return { basis: { kind: 'central' }, statuses: targets.map((t) => centralStatus(centralAt(t.year), t)) };
}
