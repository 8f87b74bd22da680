/**
 * The run loop scores read (loop-dominance.ts). A link score at time t reads the values at t and
 * at t + dt only, so the scores at some times need only those rows: every TIME STEP when the run
 * can keep them all, or, when that is more than a run may keep (FeliX algae: 1,091 columns ×
 * 25,002 steps), the rows at each SAVEPER time and the step after it, taken from a streamed run
 * (CompiledModel.stream) that holds one block of rows at a time. Each score is the same either
 * way; the second gives them at the saved times only.
 */
import { canonicalColumn } from '../ir/names.js';
import type { Model, RunOptions, RunResult, SaveSink } from './types.js';

export interface ScoreRows {
  time: Float64Array;
  names: string[];
  series: Float64Array[];
  get(name: string): Float64Array | undefined;
  /**
   * Rows from one score time to the next: 1 when every step is kept; 2 when only each saved
   * time and the step after it are (rows 2p and 2p + 1 are score time p and its next step).
   */
  stride: 1 | 2;
}

type Streaming = Model & { stream?(sink: SaveSink, options: Omit<RunOptions, 'into'>): unknown };

/**
 * Runs `model` saving every TIME STEP (`options.saveper` must be dt) and keeps every row, or with
 * `every` > 1 the rows r with r mod every ∈ {0, 1}: each saved time and the step after it.
 */
export function scoreRows(model: Model, options: RunOptions, every = 1): ScoreRows {
  const streaming = model as Streaming;
  if (every <= 1 || !streaming.stream) return { ...whole(model.run(options)), stride: 1 };
  let names: string[] = [];
  const time: number[] = [];
  let kept: number[][] = [];
  streaming.stream(
    {
      begin(columns) {
        names = [...columns];
        kept = names.map(() => []);
      },
      rows(block) {
        for (let i = 0; i < block.rows; i++) {
          if ((block.first + i) % every > 1) continue;
          time.push(block.time[i]!);
          for (let j = 0; j < kept.length; j++) kept[j]!.push(block.series[j]![i]!);
        }
      },
    },
    options,
  );
  const series = kept.map((s) => Float64Array.from(s));
  const index = new Map(names.map((n, j) => [canonicalColumn(n), j]));
  return { time: Float64Array.from(time), names, series, get: (n) => series[index.get(canonicalColumn(n)) ?? -1], stride: 2 };
}

function whole(r: RunResult): Omit<ScoreRows, 'stride'> {
  return { time: r.time, names: r.names, series: r.series, get: (n) => r.get(n) };
}
