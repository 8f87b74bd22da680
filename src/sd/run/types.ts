/**
 * The public contract of a compiled model: what `loadModel` returns and what every analysis
 * (calibration, sensitivity, scenarios, the web app) builds on.
 */

export type IntegrationMethod = 'euler' | 'rk2' | 'rk4';

/** A replacement lookup table: x values ascending, y values of the same length. */
export interface LookupOverride {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

export interface RunOptions {
  /**
   * Overrides of constants or lookups, keyed by the model's name for them: `Name` for a scalar
   * or a whole array (a number sets every element), `Name[elem1,elem2]` for one element.
   * Matching ignores case, and treats `_` and runs of spaces alike, as Vensim does.
   */
  params?: Record<string, number | LookupOverride>;
  /** Output columns to keep (names as in `Model.outputNames`, or a whole array's name). Default: all. */
  columns?: string[];
  /**
   * Nodes of the expanded model (ids into its `scalar.nodes`, hidden ones included) to keep too,
   * after the columns, each named by its node name: for analyses that need the internal stocks a
   * SMOOTH3 or DELAY1 stands for (loop scores). A model without an expanded form ignores them.
   */
  nodes?: readonly number[];
  start?: number;
  end?: number;
  dt?: number;
  saveper?: number;
  method?: IntegrationMethod;
  /** Seed of the run's random stream (RANDOM functions); the same seed gives the same run. */
  seed?: number;
  /**
   * An earlier result of this model with the same columns whose arrays this run may overwrite
   * instead of allocating new ones (for loops of many runs, e.g. calibration or Monte Carlo).
   */
  into?: RunResult;
}

export interface RunResult {
  /** The saved times. */
  time: Float64Array;
  /** Column names, in Vensim's spelling: `Name` or `Name[elem1,elem2]`. */
  names: string[];
  /** One series per name, each as long as `time`. */
  series: Float64Array[];
  /** The series of one column (by its output name, matched as Vensim matches names), or undefined. */
  get(name: string): Float64Array | undefined;
}

/**
 * One block of consecutive saved rows, handed to a `SaveSink`. The arrays are column-major views
 * into the run's save buffer: valid only during the call, overwritten by the next block.
 */
export interface SavedRows {
  /** Index, in the whole run, of this block's first row. */
  first: number;
  /** Rows in this block (every array below is this long). */
  rows: number;
  time: Float64Array;
  /** One series per column, in the order of the names given to `begin`. */
  series: Float64Array[];
}

/**
 * Where a streamed run sends its saved rows as it goes (e.g. a file writer), so that memory holds
 * one block of rows, not the whole run. Browser-safe: the sink decides where the rows go.
 */
export interface SaveSink {
  /** Called once before the first block, with the column names (Vensim's spelling). */
  begin(names: readonly string[]): void;
  /** Called with each block of saved rows, in time order; must consume them before returning. */
  rows(block: SavedRows): void;
}

export interface StreamOptions extends Omit<RunOptions, 'into'> {
  /** Saved rows per block handed to the sink (default: about 2 MB of values per block). */
  blockRows?: number;
}

/** What a streamed run reports once every block was handed over. */
export interface StreamSummary {
  names: string[];
  /** Saved rows in all. */
  rows: number;
}

/** A constant the user may change between runs (calibration, sliders, sensitivity). */
export interface ParameterInfo {
  /** Output name: `Name` or `Name[elem]`. */
  name: string;
  value: number;
  units?: string;
  doc?: string;
  /** `[min,max,step]` from the model's units annotation, when given. */
  range?: { min?: number; max?: number; step?: number };
}

export interface Model {
  /** Every column `run` can write, in output order. */
  readonly outputNames: readonly string[];
  /** Constants that `params` may override, with their default values. */
  readonly parameters: readonly ParameterInfo[];
  /** The model's own time settings. */
  readonly time: { start: number; end: number; dt: number; saveper: number; method: IntegrationMethod };
  /** Runs one simulation; compiling happened once, when the model was loaded. */
  run(options?: RunOptions): RunResult;
}
