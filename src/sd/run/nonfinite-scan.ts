/**
 * The first value that is not a finite number (NaN, +∞ or -∞) in each saved column of a finished
 * run. Vensim stops a run at a floating-point error (its "Simulation Error Messages" page: errors end
 * the simulation; its XIDZ tutorial: a division by 0 "causes an error"), so a column with such a value
 * holds numbers Vensim would not have given. The scan reads the saved rows after the run (or block by
 * block beside a streamed run's sink): the run's own loop is unchanged. :NA: is the finite number
 * VENSIM_NA in this engine (src/sd/ir/na.ts), so it is never counted here.
 */
import type { RunResult, SavedRows, SaveSink } from './types.js';

/** A column's first saved value that is not finite. */
export interface FirstNonFinite {
  /** Position of the column in the run's names. */
  column: number;
  name: string;
  /** Saved row (in the whole run) and its time. */
  row: number;
  time: number;
  value: number;
}

/** Collects each column's first non-finite value as saved rows pass by. */
export class NonFiniteScan {
  private names: readonly string[] = [];
  private seen = new Uint8Array(0);
  private readonly hits: FirstNonFinite[] = [];

  begin(names: readonly string[]): void {
    this.names = names;
    this.seen = new Uint8Array(names.length);
    this.hits.length = 0;
  }

  /** Reads a block of saved rows (its `first` is the block's first row in the whole run). */
  observe(block: SavedRows): void {
    for (let j = 0; j < block.series.length; j++) {
      if (this.seen[j]) continue;
      const s = block.series[j]!;
      for (let i = 0; i < block.rows; i++) {
        const x = s[i]!;
        // x - x is 0 for every finite x, NaN for NaN and ±∞: one compare per value.
        if (x - x !== 0) {
          this.seen[j] = 1;
          this.hits.push({ column: j, name: this.names[j]!, row: block.first + i, time: block.time[i]!, value: x });
          break;
        }
      }
    }
  }

  /** Every column with a non-finite value, in column order. */
  found(): FirstNonFinite[] {
    return [...this.hits].sort((a, b) => a.column - b.column);
  }
}

/** The first non-finite value of each column of a run held in memory. */
export function scanResult(r: RunResult): FirstNonFinite[] {
  const scan = new NonFiniteScan();
  scan.begin(r.names);
  scan.observe({ first: 0, rows: r.time.length, time: r.time, series: r.series });
  return scan.found();
}

/** A sink that hands each block to `sink` after `scan` reads it. */
export function scanningSink(sink: SaveSink, scan: NonFiniteScan): SaveSink {
  return {
    begin(names) {
      scan.begin(names);
      sink.begin(names);
    },
    rows(block) {
      scan.observe(block);
      sink.rows(block);
    },
  };
}
