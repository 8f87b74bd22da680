/** The (output, time) pairs at which global sensitivity indices are computed. */
import type { EnsembleCollector } from './ensemble.js';
import { savedTimeIndex } from './setup.js';

export interface IndexTarget {
  column: number;
  name: string;
  timeIndex: number;
  time: number;
}

/** Every kept column at each given time (default: the final saved time). */
export function indexTargets(ens: EnsembleCollector, times?: readonly number[]): IndexTarget[] {
  const time = ens.time ?? new Float64Array(0);
  const tIdx = times?.length ? times.map((t) => savedTimeIndex(time, t, `--times ${t}`)) : [time.length - 1];
  return ens.columns.flatMap((name, column) => tIdx.map((timeIndex) => ({ column, name, timeIndex, time: time[timeIndex] })));
}
