/** Historical data as the analyses use it: one series per variable, observed at its own times. */

export interface ObservedSeries {
  /** The variable's name as written in the data file. */
  name: string;
  /** Ascending, distinct observation times (gaps simply have no entry). */
  time: Float64Array;
  value: Float64Array;
  /** Where the series was declared, for error messages (e.g. `hist.csv:1:3`). */
  where: string;
}

export interface HistoricalData {
  /** The file (or label) the data came from. */
  source: string;
  series: ObservedSeries[];
}

/** A table of raw cells with a way to name each cell's location in its file. */
export interface Grid {
  source: string;
  /** Row-major cells; `null` is an empty cell. Rows may differ in length. */
  rows: (string | number | null)[][];
  /** `file:line:column` (text files) or `file:Sheet!A1` (workbooks), for 0-based row and column. */
  where(row: number, col: number): string;
}
