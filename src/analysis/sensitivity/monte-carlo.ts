/**
 * Monte Carlo sensitivity: sample the uncertain constants (random or Latin hypercube, seeded),
 * run the ensemble, and summarise each chosen output per saved time as percentile bands.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Model } from '../../sd/run/types.js';
import { unitPoints, type SamplingMethod } from '../sampling.js';
import { checkPercentiles, computeBands, DEFAULT_PERCENTILES, type Table } from './bands.js';
import { csvField, csvNumber } from './csv.js';
import { localEvaluator, runEnsemble, type EnsembleCollector, type EvaluateControl, type EvaluateRuns, type RunJob } from './ensemble.js';
import { jobsFromUnitPoints, resolveSetup, type ResolvedSetup, type SensitivitySetup } from './setup.js';

export interface MonteCarloOptions {
  runs: number;
  seed?: number;
  sampling?: SamplingMethod;
  percentiles?: number[];
  /** Replaces local evaluation (e.g. by a worker pool); results do not depend on it. */
  evaluate?: EvaluateRuns;
  control?: EvaluateControl;
}

export interface MonteCarloResult {
  setup: ResolvedSetup;
  jobs: RunJob[];
  ensemble: EnsembleCollector;
  bands: Table;
}

export function checkRuns(runs: number, min = 1, where = '--runs'): number {
  if (!(Number.isInteger(runs) && runs >= min)) throw new InputError(where, { en: `must be a whole number >= ${min}, got ${runs}`, es: `debe ser un número entero >= ${min}, se recibió ${runs}` });
  return runs;
}

export async function monteCarlo(model: Model, setup: SensitivitySetup, opts: MonteCarloOptions): Promise<MonteCarloResult> {
  const resolved = resolveSetup(model, setup);
  const runs = checkRuns(opts.runs, 2);
  const seed = opts.seed ?? 1;
  const percentiles = checkPercentiles(opts.percentiles ?? DEFAULT_PERCENTILES);
  const points = unitPoints(opts.sampling ?? 'lhs', runs, resolved.parameters.length, seed);
  const jobs = jobsFromUnitPoints(resolved, points, seed);
  const evaluate = opts.evaluate ?? localEvaluator(model);
  const ensemble = await runEnsemble(evaluate, { columns: resolved.columns, runOptions: resolved.runOptions, jobs }, opts.control);
  return { setup: resolved, jobs, ensemble, bands: computeBands(ensemble, percentiles) };
}

/** Every run, one line per run and saved time: `Run`, the varied constants, `Time`, the outputs. */
export function* runsCsvLines(result: MonteCarloResult): Generator<string> {
  const { setup, jobs, ensemble } = result;
  yield [...['Run', ...setup.parameters.map((p) => p.name), 'Time', ...setup.columns].map(csvField)].join(',') + '\n';
  const time = ensemble.time ?? new Float64Array(0);
  for (const job of jobs) {
    const fixed = [String(job.index), ...setup.parameters.map((p) => csvNumber(job.params[p.name]))].join(',');
    const lines: string[] = [];
    for (let t = 0; t < time.length; t++) {
      const outs = setup.columns.map((_, c) => csvNumber(ensemble.value(c, t, job.index)));
      lines.push(`${fixed},${csvNumber(time[t])},${outs.join(',')}\n`);
    }
    yield lines.join('');
  }
}
