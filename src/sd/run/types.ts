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
