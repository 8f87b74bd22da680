/**
 * Figures published beside a charted series — a statistics office's estimates and its projection
 * (the profile's `references`) — placed on the run's saved times and labelled in the user's language.
 */
import type { ModelBundle, ObservedData } from '../server/api-types.js';
import { seriesKey } from './calibration-fit.js';
import { localized, t } from './i18n.js';
import { COLORS, type ChartLine } from './ui/line-chart.js';

/** A series' values at the run's saved times (null where it has none); undefined when it has none at all. */
export function valuesOnTimes(time: ArrayLike<number>, o: Pick<ObservedData, 'time' | 'value'>): (number | null)[] | undefined {
  const at = new Map(o.time.map((tm, i) => [Math.round(tm * 1e6), o.value[i]!]));
  const values = Array.from(time, (tm) => at.get(Math.round(tm * 1e6)) ?? null);
  return values.some((v) => v !== null) ? values : undefined;
}

/** Lines for the reference figures of one charted variable: estimates as markers, projections as a dashed line. */
export function referenceLines(references: ModelBundle['references'], time: ArrayLike<number>, name: string): ChartLine[] {
  const key = seriesKey(name);
  const lines: ChartLine[] = [];
  for (const r of references ?? []) {
    const o = r.series.find((s) => seriesKey(s.name) === key);
    const values = o && valuesOnTimes(time, o);
    if (!values) continue;
    const source = localized(r.label);
    if (r.kind === 'projection') lines.push({ label: t('referenceProjection', { source }), values, color: COLORS.reference, dash: [3, 3], width: 2 });
    else lines.push({ label: t('referenceEstimate', { source }), values, color: COLORS.reference, points: true });
  }
  return lines;
}
