/**
 * Calibration: minimise the payoff from several starting points (the model's own values, then
 * Latin-hypercube points), keep the best fit, and describe it series by series.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Model } from '../../sd/run/types.js';
import { latinHypercube } from '../sampling.js';
import { fitStatistics, type FitStatistics } from './fit-stats.js';
import { levenbergMarquardt } from './optimize/levenberg.js';
import { nelderMead } from './optimize/nelder-mead.js';
import { powell } from './optimize/powell.js';
import { DEFAULT_STOP, type OptimizeResult, type StopRules } from './optimize/types.js';
import { CalibrationProblem, type CalibrationSetup } from './problem.js';

export const OPTIMIZERS = ['lm', 'powell', 'nelder-mead'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface CalibrateOptions {
  /**
   * Default 'lm': the payoff is a sum of squares, and on Earth4All (10 constants, 5 series) it
   * reached an exact fit in 224 runs where Powell was still at payoff 0.05 after 3,500. The
   * derivative-free methods remain for models whose payoff is not smooth in the constants.
   */
  method?: OptimizerName;
  /** Number of starts: the first from the model's values, the others from a Latin hypercube. Default 4. */
  starts?: number;
  seed?: number;
  /** Model runs allowed per start. Default 500 + 300 per parameter. */
  maxEvaluations?: number;
  ftol?: number;
  xtol?: number;
  /** Called after each start, e.g. for progress output. */
  onStart?: (done: number, total: number, best: number) => void;
}

export interface CalibratedParameter {
  name: string;
  value: number;
  lo: number;
  hi: number;
  initial: number;
  /** Set when the value ends within 1e-4 of the range from a bound: the bound may be too tight. */
  atBound: 'lower' | 'upper' | null;
}

export interface StartOutcome {
  /** Parameter values this start began from. */
  from: number[];
  payoff: number;
  evaluations: number;
  stop: 'tolerance' | 'budget';
}

export interface SeriesFit {
  name: string;
  column: string;
  weight: number;
  weightSource: string;
  ignored: number;
  stats: FitStatistics;
  time: number[];
  observed: number[];
  /** The simulated trajectory at every saved time, for plots. */
  simulated: { time: number[]; value: number[] };
}

export interface CalibrationResult {
  method: OptimizerName;
  seed: number;
  payoff: number;
  parameters: CalibratedParameter[];
  starts: StartOutcome[];
  bestStart: number;
  series: SeriesFit[];
  /** Model runs in total, including setup and the final report run. */
  evaluations: number;
  observations: number;
}

const BOUND_TOLERANCE = 1e-4;

export function calibrate(model: Model, setup: CalibrationSetup, options: CalibrateOptions = {}): CalibrationResult {
  const method = options.method ?? 'lm';
  if (!OPTIMIZERS.includes(method)) throw new InputError('method', { en: `unknown optimizer "${method}" (use ${OPTIMIZERS.join(', ')})`, es: `optimizador desconocido "${method}" (use ${OPTIMIZERS.join(', ')})` });
  const starts = options.starts ?? 4;
  if (!(Number.isInteger(starts) && starts >= 1)) throw new InputError('starts', { en: `must be a whole number >= 1, got ${starts}`, es: `debe ser un número entero >= 1, se recibió ${starts}` });
  const seed = options.seed ?? 1;
  const problem = new CalibrationProblem(model, setup);
  const n = problem.parameters.length;
  const stop: StopRules = {
    ...DEFAULT_STOP,
    maxEvaluations: options.maxEvaluations ?? 500 + 300 * n,
    ftol: options.ftol ?? DEFAULT_STOP.ftol,
    xtol: options.xtol ?? DEFAULT_STOP.xtol,
  };
  const startPoints = [problem.toUnit(problem.parameters.map((p) => p.initial)), ...latinHypercube(starts - 1, n, seed)];
  const outcomes: StartOutcome[] = [];
  let best: OptimizeResult | null = null;
  let bestStart = 0;
  startPoints.forEach((u0, i) => {
    const r = optimize(problem, method, u0, stop);
    outcomes.push({ from: Array.from(problem.toValues(u0)), payoff: r.f, evaluations: r.evaluations, stop: r.stop });
    if (!best || r.f < best.f) {
      best = r;
      bestStart = i;
    }
    options.onStart?.(i + 1, startPoints.length, (best as OptimizeResult).f);
  });
  const winner = best as unknown as OptimizeResult;
  if (!Number.isFinite(winner.f)) {
    throw new InputError('calibration', { en: 'the model could not be run at any point tried: every payoff was infinite or NaN', es: 'el modelo no se pudo correr en ningún punto probado: cada valor de la función objetivo fue infinito o NaN' });
  }
  const values = problem.toValues(winner.x);
  const parameters = problem.parameters.map((p, i) => {
    const tol = BOUND_TOLERANCE * (p.hi - p.lo);
    const atBound = values[i] - p.lo <= tol ? 'lower' : p.hi - values[i] <= tol ? 'upper' : null;
    return { name: p.name, value: values[i], lo: p.lo, hi: p.hi, initial: p.initial, atBound } as CalibratedParameter;
  });
  return {
    method,
    seed,
    payoff: winner.f,
    parameters,
    starts: outcomes,
    bestStart,
    series: describeFit(problem, values),
    evaluations: problem.evaluations,
    observations: problem.observationCount,
  };
}

function optimize(problem: CalibrationProblem, method: OptimizerName, u0: Float64Array, stop: StopRules): OptimizeResult {
  const payoff = (u: Float64Array) => problem.payoff(problem.toValues(u));
  if (method === 'nelder-mead') return nelderMead(payoff, u0, stop);
  if (method === 'powell') return powell(payoff, u0, stop);
  return levenbergMarquardt((u) => problem.residuals(problem.toValues(u)), u0, stop);
}

/** Fit statistics and trajectories of each series at the calibrated values. */
export function describeFit(problem: CalibrationProblem, values: ArrayLike<number>): SeriesFit[] {
  const result = problem.runWith(values);
  const sims = problem.simulatedAtObservations(result);
  return problem.series.map((s, i) => ({
    name: s.name,
    column: s.column,
    weight: s.weight,
    weightSource: s.weightSource,
    ignored: s.ignored,
    stats: fitStatistics(sims[i], s.observed),
    time: Array.from(s.time),
    observed: Array.from(s.observed),
    simulated: { time: Array.from(result.time), value: Array.from(result.get(s.column) ?? []) },
  }));
}

/** `{ "Name": value }`, as `igem run --params FILE.json` reads it. */
export function calibratedParams(result: CalibrationResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of result.parameters) out[p.name] = p.value;
  return out;
}
