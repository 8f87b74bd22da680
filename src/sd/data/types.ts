/**
 * External data as Vensim's GET DIRECT … / GET XLS … functions see it: a sheet of cells addressed
 * by 0-based row and column. Hosts (Node, browser) turn files into sheets; the readers in this
 * folder turn sheets into numbers and never touch files themselves.
 */

/** A rectangle of cells, 0-based and inclusive at both ends. */
export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Sheet {
  /** Names the sheet in messages, e.g. `inputs.xlsx!Sheet1` or `data.csv`. */
  readonly label: string;
  /** Extent of the cells that hold anything (not the sheet's declared size). */
  readonly rowCount: number;
  readonly colCount: number;
  /** 0-based; numbers (also numbers stored as text) come back as numbers; empty → undefined. */
  cell(row: number, col: number): number | string | undefined;
  /** A workbook- or sheet-scoped defined name that points into this sheet. */
  namedRange?(name: string): CellRange | undefined;
}

export interface DataHost {
  /**
   * `file` exactly as written in the model ('?tag' or a path relative to the model's folder);
   * `tab` is the sheet name for .xls/.xlsx, or the delimiter (',' '\t' …) for text files.
   * Throws InputError (src/sd/ir/diagnostics.ts) naming the file/sheet when it cannot.
   */
  readSheet(file: string, tab: string): Sheet;
  /**
   * Told before any read which sheets of `file` the model names, so that a host can parse those
   * alone rather than every sheet of the workbook. A hint: sheets not announced are still read.
   */
  expectSheets?(file: string, tabs: readonly string[]): void;
}

/** Time (or x) values along one axis, and one series per element; blanks are NaN. */
export interface DataSeries {
  times: Float64Array;
  values: Float64Array[];
}

export interface LookupSeries {
  x: Float64Array;
  values: Float64Array[];
}
