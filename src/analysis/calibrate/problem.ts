/**
 * The calibration problem: which constants move, which observations count and how much, and the
 * payoff — a weighted sum of squared errors between simulated and observed values at the observed
 * times only. The model was compiled once; every evaluation is one `run` with new constants.
 */
import { InputError, SimulationError } from '../../sd/ir/diagnostics.js';
import type { Model, RunOptions, RunResult } from '../../sd/run/types.js';
import type { HistoricalData } from '../data/types.js';
import { NameTable } from '../names.js';
import { ModelNames } from '../model-names.js';
import { resolveBounds, type ParameterBound, type ResolvedParameter } from './parameters.js';

export interface CalibrationSetup {
  parameters: readonly ParameterBound[];
  data: HistoricalData;
  /** Weight per data series (by name); a series without one gets the default weight. */
  weights?: Record<string, number>;
  /** Errors relative to the observation, (S - A) / |A|, instead of S - A. */
  relativeErrors?: boolean;
  /** Time settings for every run (start, end, dt, saveper, method). */
  runOptions?: Omit<RunOptions, 'params' | 'columns'>;
}

/** One observed series as the payoff uses it. */
export interface FittedSeries {
  /** The name in the data file. */
  name: string;
  /** The model output it is compared with. */
  column: string;
  where: string;
  /** Observations that fall within the simulated time. */
  time: Float64Array;
  observed: Float64Array;
  weight: number;
  /** How the weight was chosen, for the report. */
  weightSource: 'given' | '1/variance' | '1/mean^2' | '1';
  /** Observations outside the simulated time, left out. */
  ignored: number;
  /** Saved-time index at or below each observation, and the fraction towards the next saved time. */
  index: Int32Array;
  frac: Float64Array;
}

/** Default weight: 1/variance, so that series of different scale count alike. */
function defaultWeight(values: Float64Array, relative: boolean): [number, FittedSeries['weightSource']] {
  if (relative) return [1, '1'];
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v / n;
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2 / n;
  if (variance > 0) return [1 / variance, '1/variance'];
  // A flat series (or one point) has no variance: fall back on its level.
  return mean !== 0 ? [1 / (mean * mean), '1/mean^2'] : [1, '1'];
}

/** Locates each observation between saved times (observations may fall between saves). */
function placeOnGrid(grid: Float64Array, times: Float64Array): { index: Int32Array; frac: Float64Array; inside: boolean[] } {
  const last = grid.length - 1;
  const eps = 1e-9 * Math.max(1, Math.abs(grid[last] - grid[0]));
  const index = new Int32Array(times.length);
  const frac = new Float64Array(times.length);
  const inside: boolean[] = [];
  let k = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (t < grid[0] - eps || t > grid[last] + eps) {
      inside.push(false);
      continue;
    }
    inside.push(true);
    while (k < last && grid[k + 1] <= t + eps) k++;
    index[i] = k;
    frac[i] = k < last && Math.abs(t - grid[k]) > eps ? (t - grid[k]) / (grid[k + 1] - grid[k]) : 0;
  }
  return { index, frac, inside };
}

export class CalibrationProblem {
  readonly parameters: ResolvedParameter[];
  readonly series: FittedSeries[];
  readonly relativeErrors: boolean;
  /** Number of model runs so far. */
  evaluations = 0;
  private readonly columns: string[];
  private readonly runOptions: Omit<RunOptions, 'params' | 'columns'>;
  private readonly gridLength: number;

  constructor(
    readonly model: Model,
    setup: CalibrationSetup,
  ) {
    const names = new ModelNames(model);
    this.parameters = resolveBounds(names, setup.parameters);
    this.relativeErrors = setup.relativeErrors ?? false;
    this.runOptions = setup.runOptions ?? {};
    if (setup.data.series.length === 0) throw new InputError(setup.data.source, { en: 'the data file has no series', es: 'el archivo de datos no tiene series' });
    const columns = setup.data.series.map((s) => names.output(s.name, s.where));
    this.columns = [...new Set(columns)];
    const base = this.runWith(this.parameters.map((p) => p.initial));
    const grid = base.time;
    this.gridLength = grid.length;
    const weights = new NameTable(Object.entries(setup.weights ?? {}));
    const dataNames = new NameTable(setup.data.series.map((s) => [s.name, true] as const));
    for (const [name, w] of Object.entries(setup.weights ?? {})) {
      if (!dataNames.has(name)) throw new InputError(`weights.${name}`, { en: `no data series named "${name}"`, es: `no hay una serie de datos llamada "${name}"` });
      if (!(Number.isFinite(w) && w >= 0)) throw new InputError(`weights.${name}`, { en: `weight must be a number >= 0, got ${w}`, es: `el peso debe ser un número >= 0, se recibió ${w}` });
    }
    this.series = setup.data.series.map((s, i) => {
      const { index, frac, inside } = placeOnGrid(grid, s.time);
      const keep = inside.map((ok, j) => (ok ? j : -1)).filter((j) => j >= 0);
      if (keep.length === 0) {
        const span = s.time.length ? `${s.time[0]} to ${s.time[s.time.length - 1]}` : 'no values at all';
        const spanEs = s.time.length ? `${s.time[0]} a ${s.time[s.time.length - 1]}` : 'ningún valor';
        throw new InputError(s.where, {
          en: `no observation of "${s.name}" falls within the simulated time ${grid[0]} to ${grid[grid.length - 1]} (data: ${span})`,
          es: `ninguna observación de "${s.name}" cae dentro del tiempo simulado ${grid[0]} a ${grid[grid.length - 1]} (datos: ${spanEs})`,
        });
      }
      const observed = Float64Array.from(keep, (j) => s.value[j]);
      if (this.relativeErrors) {
        const zero = keep.find((j) => s.value[j] === 0);
        if (zero !== undefined) {
          throw new InputError(s.where, { en: `relative errors need nonzero observations; "${s.name}" is 0 at time ${s.time[zero]}`, es: `los errores relativos necesitan observaciones distintas de cero; "${s.name}" es 0 en el tiempo ${s.time[zero]}` });
        }
      }
      const given = weights.get(s.name);
      const [weight, weightSource] = given !== undefined ? [given, 'given' as const] : defaultWeight(observed, this.relativeErrors);
      return {
        name: s.name,
        column: columns[i],
        where: s.where,
        time: Float64Array.from(keep, (j) => s.time[j]),
        observed,
        weight,
        weightSource,
        ignored: s.time.length - keep.length,
        index: Int32Array.from(keep, (j) => index[j]),
        frac: Float64Array.from(keep, (j) => frac[j]),
      };
    });
  }

  /** Total number of observations that enter the payoff. */
  get observationCount(): number {
    return this.series.reduce((n, s) => n + s.time.length, 0);
  }

  /** Parameter values as the `params` of a run. */
  paramsOf(values: ArrayLike<number>): Record<string, number> {
    const params: Record<string, number> = {};
    this.parameters.forEach((p, i) => (params[p.name] = values[i]));
    return params;
  }

  /**
   * One run of the model with these parameter values (keeping only the compared columns);
   * `into`: an earlier result of this problem whose arrays the run may overwrite.
   */
  runWith(values: ArrayLike<number>, allColumns = false, into?: RunResult): RunResult {
    this.evaluations++;
    return this.model.run({ ...this.runOptions, params: this.paramsOf(values), columns: allColumns ? undefined : this.columns, into });
  }

  /** The last run of `residuals`: the next one writes into its arrays, as its values were already read. */
  private scratch?: RunResult;

  /** Simulated values at each series' observed times. */
  simulatedAtObservations(result: RunResult): Float64Array[] {
    if (result.time.length !== this.gridLength) {
      throw new InputError('run', { en: `the model saved ${result.time.length} times instead of ${this.gridLength}; time settings must not depend on parameters`, es: `el modelo guardó ${result.time.length} tiempos en lugar de ${this.gridLength}; la configuración de tiempo no debe depender de los parámetros` });
    }
    return this.series.map((s) => {
      const sim = result.get(s.column);
      if (!sim) throw new InputError('run', { en: `the run did not return "${s.column}"`, es: `la corrida no devolvió "${s.column}"` });
      const out = new Float64Array(s.time.length);
      for (let i = 0; i < out.length; i++) {
        const k = s.index[i];
        const f = s.frac[i];
        out[i] = f === 0 ? sim[k] : sim[k] + f * (sim[k + 1] - sim[k]);
      }
      return out;
    });
  }

  /**
   * Weighted residuals sqrt(w) (S - A) (or sqrt(w) (S - A) / |A|), all series in a row, so that
   * the payoff is their sum of squares. Null when the run fails or produces non-finite values.
   */
  residuals(values: ArrayLike<number>): Float64Array | null {
    let sims: Float64Array[];
    try {
      this.scratch = this.runWith(values, false, this.scratch);
      sims = this.simulatedAtObservations(this.scratch);
    } catch (err) {
      if (err instanceof SimulationError) return null;
      throw err;
    }
    const out = new Float64Array(this.observationCount);
    let k = 0;
    this.series.forEach((s, si) => {
      const root = Math.sqrt(s.weight);
      const sim = sims[si];
      for (let i = 0; i < sim.length; i++) {
        const err = sim[i] - s.observed[i];
        out[k++] = root * (this.relativeErrors ? err / Math.abs(s.observed[i]) : err);
      }
    });
    for (let i = 0; i < out.length; i++) if (!Number.isFinite(out[i])) return null;
    return out;
  }

  /** The payoff to minimise; +Infinity where the model cannot be run. */
  payoff(values: ArrayLike<number>): number {
    const r = this.residuals(values);
    if (!r) return Infinity;
    let s = 0;
    for (let i = 0; i < r.length; i++) s += r[i] * r[i];
    return s;
  }

  /** Unit-box coordinates to parameter values, and back. */
  toValues(u: ArrayLike<number>): Float64Array {
    return Float64Array.from(this.parameters, (p, i) => p.lo + u[i] * (p.hi - p.lo));
  }
  toUnit(values: ArrayLike<number>): Float64Array {
    return Float64Array.from(this.parameters, (p, i) => (values[i] - p.lo) / (p.hi - p.lo));
  }
}
