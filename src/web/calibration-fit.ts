/** Observed history matched to a run's outputs, with Sterman's fit statistics per series. */
import { fitStatistics, type FitStatistics } from '../analysis/calibrate/fit-stats.js';
import type { ObservedData } from '../server/api-types.js';
import { valueAt } from './indicators.js';

/** The run's saved times, names and series (what the model worker answers). */
export interface RunSeries {
  time: ArrayLike<number>;
  names: string[];
  series: ArrayLike<number>[];
}

/** Names compared as Vensim compares them: case, underscores, spaces and spaces around subscripts ignored. */
export const seriesKey = (name: string) => name.toLowerCase().replace(/[_\s]+/g, ' ').replace(/\s*([[\],])\s*/g, '$1').trim();

export interface CalibrationRow {
  observed: ObservedData;
  output: string;
  stats: FitStatistics;
}

/** Observed series matched to model outputs, with fit statistics over the times the run covers. */
export function calibrationRows(history: readonly ObservedData[], run: RunSeries): { rows: CalibrationRow[]; unmatched: string[] } {
  const outputs = new Map(run.names.map((n, j) => [seriesKey(n), j]));
  const rows: CalibrationRow[] = [];
  const unmatched: string[] = [];
  for (const o of history) {
    const j = outputs.get(seriesKey(o.name));
    if (j === undefined) {
      unmatched.push(o.name);
      continue;
    }
    const sim: number[] = [];
    const obs: number[] = [];
    o.time.forEach((tm, i) => {
      const s = valueAt(run.time, run.series[j]!, tm);
      if (!Number.isNaN(s) && Number.isFinite(o.value[i]!)) {
        sim.push(s);
        obs.push(o.value[i]!);
      }
    });
    rows.push({ observed: o, output: run.names[j]!, stats: fitStatistics(sim, obs) });
  }
  return { rows, unmatched };
}

