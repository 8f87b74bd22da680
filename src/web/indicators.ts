/**
 * Which series the simulator charts and which targets it checks. A model's profile decides; without
 * one, the project's stable headline names (issue 5) are preferred, then the model's end results
 * (variables nothing else uses) and its stocks.
 */
import type { IndicatorSpec, ModelProfile } from '../server/api-types.js';
import type { VariableInfo } from './model/model-info.js';

/** Headline series every IGEM model of Peru names the same way. */
export const HEADLINE_NAMES = [
  'Real GDP',
  'Total GHG Emissions',
  'Fossil CO2 Emissions',
  'Total Population',
  'Electricity Generation',
  'Primary Energy Demand',
  'Forest Area',
  'Formal Employment',
  'Informal Employment',
];

/**
 * Targets known for the headline names. Peru's updated NDC (2020) caps national GHG emissions in
 * 2030 at 208.8 MtCO2e (unconditional) and 179.0 MtCO2e (conditional on international support).
 */
export const KNOWN_INDICATORS: IndicatorSpec[] = [
  {
    name: 'Total GHG Emissions',
    sdg: '13.2',
    target: { year: 2030, value: 208.8, direction: 'max' },
    targets: [{ year: 2030, value: 179.0, direction: 'max', label: { en: 'NDC conditional', es: 'NDC condicional' } }],
  },
];

const key = (name: string) => name.toLowerCase().replace(/[_\s]+/g, ' ').trim();

export function defaultCharts(variables: readonly VariableInfo[], outputNames: readonly string[], profile: ModelProfile, max = 4): string[] {
  const outputs = new Map(outputNames.map((n) => [key(n), n]));
  const pick = (names: readonly string[]) => names.map((n) => outputs.get(key(n))).filter((n): n is string => n !== undefined);
  if (profile.charts?.length) return pick(profile.charts);
  const headline = pick(HEADLINE_NAMES);
  const dynamic = variables.filter((v) => outputs.has(v.key) && v.kind !== 'constant' && v.kind !== 'lookup' && v.key !== 'time');
  const ends = dynamic.filter((v) => v.uses.length === 0 && v.causes.length > 0);
  const stocks = dynamic.filter((v) => v.kind === 'stock');
  const busiest = [...dynamic].sort((a, b) => b.uses.length - a.uses.length);
  const chosen = [...new Set([...headline, ...[...ends, ...stocks, ...busiest].map((v) => outputs.get(v.key)!)])];
  return chosen.slice(0, max);
}

export interface Target {
  year: number;
  value: number;
  direction: 'max' | 'min';
  label?: IndicatorSpec['label'];
}

export interface Indicator {
  name: string;
  label?: IndicatorSpec['label'];
  sdg?: string;
  targets: Target[];
}

/** Profile indicators, known ones the model has, then the charted series without targets. */
export function indicatorsFor(outputNames: readonly string[], profile: ModelProfile, charts: readonly string[]): Indicator[] {
  const outputs = new Map(outputNames.map((n) => [key(n), n]));
  const out: Indicator[] = [];
  const seen = new Set<string>();
  const add = (spec: IndicatorSpec) => {
    const name = outputs.get(key(spec.name));
    if (!name || seen.has(key(name))) return;
    seen.add(key(name));
    out.push({ name, label: spec.label, sdg: spec.sdg, targets: [...(spec.target ? [spec.target] : []), ...(spec.targets ?? [])] });
  };
  for (const s of profile.indicators ?? []) add(s);
  for (const s of KNOWN_INDICATORS) add(s);
  for (const c of charts) add({ name: c });
  return out;
}

/** The series' value at a time, interpolating linearly between saved points; NaN outside. */
export function valueAt(time: ArrayLike<number>, series: ArrayLike<number>, at: number): number {
  const n = time.length;
  if (n === 0 || at < time[0]! - 1e-9 || at > time[n - 1]! + 1e-9) return NaN;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (time[mid]! <= at) lo = mid;
    else hi = mid;
  }
  const t0 = time[lo]!;
  const t1 = time[hi]!;
  if (Math.abs(at - t0) < 1e-9 || t1 === t0) return series[lo]!;
  if (Math.abs(at - t1) < 1e-9) return series[hi]!;
  return series[lo]! + ((series[hi]! - series[lo]!) * (at - t0)) / (t1 - t0);
}

export function targetMet(value: number, t: Target): boolean | undefined {
  if (Number.isNaN(value)) return undefined;
  return t.direction === 'max' ? value <= t.value : value >= t.value;
}
