/**
 * Workloads for the benchmark runner (bench/ calls these; nothing here asserts a speed):
 * - benchCalibration: fit N constants of a model to M series that the model itself generated
 *   from perturbed constants, timing the calibration (not the screening of constants before it);
 * - benchEnsemble: a Latin-hypercube ensemble of R runs through a given evaluator (local by
 *   default; a worker pool can be passed in to compare throughput on identical work).
 */
import { InputError } from '../sd/ir/diagnostics.js';
import type { Model, ParameterInfo } from '../sd/run/types.js';
import { calibrate, type OptimizerName } from './calibrate/calibrate.js';
import type { ParameterBound } from './calibrate/parameters.js';
import type { HistoricalData } from './data/types.js';
import { nameKey } from './names.js';
import { uniformStream } from './random.js';
import type { EvaluateRuns } from './sensitivity/ensemble.js';
import { monteCarlo } from './sensitivity/monte-carlo.js';

const TIME_SETTINGS = new Set(['initial time', 'final time', 'time step', 'saveper']);

/** Constants worth varying: not time settings, nonzero and finite. */
function varyingCandidates(model: Model): ParameterInfo[] {
  return model.parameters.filter((p) => !TIME_SETTINGS.has(nameKey(p.name)) && p.value !== 0 && Number.isFinite(p.value));
}

/** Outputs that are not constants and change over the run. */
function changingOutputs(model: Model, count: number): string[] {
  const constants = new Set(model.parameters.map((p) => nameKey(p.name)));
  const run = model.run();
  const out: string[] = [];
  run.names.forEach((name, i) => {
    const s = run.series[i];
    if (out.length < count && !constants.has(nameKey(name)) && s.every(Number.isFinite) && Math.max(...s) > Math.min(...s)) out.push(name);
  });
  return out;
}

export interface CalibrationBenchOptions {
  parameters?: number;
  series?: number;
  method?: OptimizerName;
  starts?: number;
  seed?: number;
}

export interface CalibrationBenchResult {
  seconds: number;
  runs: number;
  runsPerSecond: number;
  payoff: number;
  /** Largest |fitted / true - 1| over the fitted constants. */
  maxRelativeError: number;
  parameters: string[];
  series: string[];
}

/**
 * The first `count` candidates that visibly move the observed series (a +10% change shifts some
 * value by more than 1e-4 relative): fitting constants the data cannot see measures nothing.
 */
function influentialConstants(model: Model, series: string[], count: number, maxScreened = 200): ParameterInfo[] {
  const base = model.run({ columns: series });
  const out: ParameterInfo[] = [];
  for (const p of varyingCandidates(model).slice(0, maxScreened)) {
    if (out.length >= count) break;
    const moved = model.run({ params: { [p.name]: p.value * 1.1 }, columns: series });
    const visible = base.series.some((s, i) =>
      s.some((v, t) => Math.abs(moved.series[i][t] - v) > 1e-4 * Math.max(Math.abs(v), 1e-12)),
    );
    if (visible) out.push(p);
  }
  return out;
}

export function benchCalibration(model: Model, opts: CalibrationBenchOptions = {}): CalibrationBenchResult {
  const nParams = opts.parameters ?? 10;
  const nSeries = opts.series ?? 5;
  const series = changingOutputs(model, nSeries);
  const chosen = influentialConstants(model, series, nParams);
  if (chosen.length === 0 || series.length === 0) throw new InputError('bench', { en: 'the model has no constants to fit or no changing outputs', es: 'el modelo no tiene constantes que ajustar o no tiene salidas que cambien' });
  // The truth lies up to 10% away from the model's values; bounds are ±50% of the model's values.
  const rng = uniformStream(opts.seed ?? 1);
  const truth: Record<string, number> = {};
  const bounds: ParameterBound[] = chosen.map((p) => {
    truth[p.name] = p.value * (1 + 0.2 * (rng.next() - 0.5));
    const [lo, hi] = [p.value * 0.5, p.value * 1.5].sort((a, b) => a - b);
    return { name: p.name, lo, hi };
  });
  const run = model.run({ params: truth, columns: series });
  const data: HistoricalData = {
    source: 'bench',
    series: series.map((name, i) => ({ name, where: `bench:${name}`, time: Float64Array.from(run.time), value: Float64Array.from(run.series[i]) })),
  };
  const started = performance.now();
  const result = calibrate(model, { parameters: bounds, data }, { method: opts.method, starts: opts.starts ?? 1, seed: opts.seed ?? 1 });
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    runs: result.evaluations,
    runsPerSecond: result.evaluations / seconds,
    payoff: result.payoff,
    maxRelativeError: Math.max(...result.parameters.map((p) => Math.abs(p.value / truth[p.name] - 1))),
    parameters: chosen.map((p) => p.name),
    series,
  };
}

export interface EnsembleBenchOptions {
  runs?: number;
  parameters?: number;
  columns?: number;
  seed?: number;
  evaluate?: EvaluateRuns;
}

export interface EnsembleBenchResult {
  seconds: number;
  runs: number;
  runsPerSecond: number;
  /** A digest of the bands, equal for equal results (to check a pool against local runs). */
  checksum: number;
}

export async function benchEnsemble(model: Model, opts: EnsembleBenchOptions = {}): Promise<EnsembleBenchResult> {
  const runs = opts.runs ?? 10000;
  const chosen = varyingCandidates(model).slice(0, opts.parameters ?? 10);
  const columns = changingOutputs(model, opts.columns ?? 5);
  const parameters = chosen.map((p) => {
    const [lo, hi] = [p.value * 0.9, p.value * 1.1].sort((a, b) => a - b);
    return { name: p.name, distribution: { kind: 'uniform' as const, lo, hi }, where: `bench:${p.name}` };
  });
  const started = performance.now();
  const result = await monteCarlo(model, { parameters, columns }, { runs, seed: opts.seed ?? 1, sampling: 'lhs', evaluate: opts.evaluate });
  const seconds = (performance.now() - started) / 1000;
  let checksum = 0;
  for (const c of result.bands.columns) for (let i = 0; i < c.length; i++) checksum += Number.isFinite(c[i]) ? c[i] * ((i % 7) + 1) : 0;
  return { seconds, runs, runsPerSecond: runs / seconds, checksum };
}
