/**
 * `igem calibrate` and `igem sensitivity`: thin shells over src/analysis that read the inputs,
 * call the analysis and write the outputs. Files are written whole (temporary file, then
 * rename), so an interrupted command leaves nothing half-written.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { calibrate, calibratedParams, OPTIMIZERS, type OptimizerName } from '../analysis/calibrate/calibrate.js';
import { parseBoundSpec, type ParameterBound } from '../analysis/calibrate/parameters.js';
import { calibrationHtml, calibrationJson, calibrationMarkdown, calibrationText } from '../analysis/calibrate/report.js';
import { readCalibrationSpec, type CalibrationSpec } from '../analysis/calibrate/spec.js';
import { readHistoricalData } from '../analysis/data/read.js';
import { nameKey } from '../analysis/names.js';
import { parseSeed } from '../analysis/random.js';
import { tableCsv } from '../analysis/sensitivity/csv.js';
import { parseVary, type VariedParameter } from '../analysis/sensitivity/distributions.js';
import type { EvaluateControl } from '../analysis/sensitivity/ensemble.js';
import { monteCarlo, runsCsvLines } from '../analysis/sensitivity/monte-carlo.js';
import { morris } from '../analysis/sensitivity/morris.js';
import { morrisCsv, morrisText, sobolCsv, sobolText } from '../analysis/sensitivity/report.js';
import { sobol } from '../analysis/sensitivity/sobol.js';
import { readSensitivitySpec, SENSITIVITY_METHODS, type SensitivityMethod, type SensitivitySpec } from '../analysis/sensitivity/spec.js';
import { InputError } from '../sd/ir/diagnostics.js';
import { loadModel } from '../sd/node/load.js';
import { openEnsemble, queueOption, workersOption, type EnsembleCliOptions } from './ensemble-commands.js';
import { action } from './exit.js';
import { writeFileAtomic } from './output-writers.js';

/** Writes a file whole: to a temporary name first, then renamed into place. */
function writeWhole(path: string, content: string | Iterable<string>): void {
  writeFileAtomic(path, typeof content === 'string' ? content : [...content].join(''));
}

/** Splits `A,B[x,y],C` on commas outside brackets. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '[') depth++;
    if (ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

function numberList(text: string, where: string): number[] {
  return splitList(text).map((t) => {
    const v = Number(t);
    if (t === '' || !Number.isFinite(v)) throw new InputError(where, { en: `"${t}" is not a number`, es: `"${t}" no es un número` });
    return v;
  });
}

function wholeNumber(text: string, where: string, min: number): number {
  const v = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || v < min) throw new InputError(where, { en: `must be a whole number >= ${min}, got "${text}"`, es: `debe ser un número entero >= ${min}, se recibió "${text}"` });
  return v;
}

/** Later entries replace earlier ones of the same name (command line over spec file). */
function mergeByName<T extends { name: string }>(base: T[], extra: T[]): T[] {
  const out = base.slice();
  for (const e of extra) {
    const i = out.findIndex((b) => nameKey(b.name) === nameKey(e.name));
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

function progressControl(label: string): { control: EvaluateControl; stop: () => void } {
  if (!process.stderr.isTTY) return { control: {}, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} runs  {eta_formatted} left`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    control: {
      onProgress: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done); // cli-progress limits redraws itself; pools report whole chunks
      },
    },
    stop: () => started && bar.stop(),
  };
}

interface CalibrateCliOptions {
  data?: string;
  vary?: string[];
  spec?: string;
  method?: string;
  starts?: string;
  seed?: string;
  maxEvals?: string;
  relative?: boolean;
  outParams?: string;
  report?: string;
  json?: boolean;
}

export async function calibrateCommand(modelPath: string, opts: CalibrateCliOptions): Promise<void> {
  const spec: CalibrationSpec = opts.spec ? readCalibrationSpec(opts.spec) : { parameters: [], time: {} };
  const dataPath = opts.data ?? spec.data;
  if (!dataPath) throw new InputError('--data', { en: 'give the historical data with --data FILE (or "data" in the spec)', es: 'indique los datos históricos con --data FILE (o "data" en la especificación)' });
  if (opts.method !== undefined && !OPTIMIZERS.includes(opts.method as OptimizerName)) {
    throw new InputError('--method', { en: `unknown optimizer "${opts.method}" (use ${OPTIMIZERS.join(', ')})`, es: `optimizador desconocido "${opts.method}" (use ${OPTIMIZERS.join(', ')})` });
  }
  if (opts.report && !/\.(md|markdown|html?)$/i.test(opts.report)) {
    throw new InputError('--report', { en: `"${opts.report}" must end in .md or .html`, es: `"${opts.report}" debe terminar en .md o .html` });
  }
  const parameters: ParameterBound[] = mergeByName(spec.parameters, (opts.vary ?? []).map(parseBoundSpec));
  const seed = opts.seed !== undefined ? parseSeed(opts.seed, '--seed') : spec.seed;
  const starts = opts.starts !== undefined ? wholeNumber(opts.starts, '--starts', 1) : spec.starts;
  const maxEvaluations = opts.maxEvals !== undefined ? wholeNumber(opts.maxEvals, '--max-evals', 1) : spec.maxEvaluations;
  const model = loadModel(modelPath);
  const data = readHistoricalData(dataPath);
  const verbose = process.stderr.isTTY;
  const result = calibrate(
    model,
    { parameters, data, weights: spec.weights, relativeErrors: opts.relative ?? spec.relativeErrors, runOptions: spec.time },
    {
      method: (opts.method as OptimizerName | undefined) ?? spec.method,
      starts,
      seed,
      maxEvaluations,
      ftol: spec.ftol,
      xtol: spec.xtol,
      onStart: verbose ? (done, total, best) => process.stderr.write(`start ${done}/${total}: best payoff ${best}\n`) : undefined,
    },
  );
  if (opts.outParams) writeWhole(opts.outParams, JSON.stringify(calibratedParams(result), null, 2) + '\n');
  if (opts.report) {
    const title = `Calibration of ${modelPath}`;
    writeWhole(opts.report, /\.html?$/i.test(opts.report) ? calibrationHtml(result, title) : calibrationMarkdown(result, title));
  }
  process.stdout.write(opts.json ? JSON.stringify(calibrationJson(result), null, 2) + '\n' : calibrationText(result) + '\n');
}

interface SensitivityCliOptions extends EnsembleCliOptions {
  vary?: string[];
  spec?: string;
  runs?: string;
  seed?: string;
  method?: string;
  columns?: string;
  percentiles?: string;
  times?: string;
  levels?: string;
  out?: string;
  runsOut?: string;
  json?: boolean;
}

export async function sensitivityCommand(modelPath: string, opts: SensitivityCliOptions): Promise<void> {
  const spec: SensitivitySpec = opts.spec ? readSensitivitySpec(opts.spec) : { parameters: [], time: {} };
  const method = (opts.method ?? spec.method ?? 'lhs') as SensitivityMethod;
  if (!SENSITIVITY_METHODS.includes(method)) {
    throw new InputError('--method', { en: `unknown method "${method}" (use ${SENSITIVITY_METHODS.join(', ')})`, es: `método desconocido "${method}" (use ${SENSITIVITY_METHODS.join(', ')})` });
  }
  const parameters: VariedParameter[] = mergeByName(spec.parameters, (opts.vary ?? []).map((v) => parseVary(v)));
  const runs = opts.runs !== undefined ? wholeNumber(opts.runs, '--runs', 1) : spec.runs;
  if (runs === undefined) throw new InputError('--runs', { en: 'give the number of runs with --runs N', es: 'indique el número de corridas con --runs N' });
  const seed = opts.seed !== undefined ? parseSeed(opts.seed, '--seed') : (spec.seed ?? 1);
  const columns = opts.columns !== undefined ? splitList(opts.columns) : spec.columns;
  const percentiles = opts.percentiles !== undefined ? numberList(opts.percentiles, '--percentiles') : spec.percentiles;
  const times = opts.times !== undefined ? numberList(opts.times, '--times') : spec.times;
  const levels = opts.levels !== undefined ? wholeNumber(opts.levels, '--levels', 2) : spec.levels;
  if (opts.runsOut && (method === 'morris' || method === 'sobol')) {
    throw new InputError('--runs-out', { en: 'every-run output is for the random and lhs methods', es: 'la salida de cada corrida es para los métodos random y lhs' });
  }
  const setup = { parameters, columns, runOptions: spec.time };
  const k = parameters.length;
  const model = loadModel(modelPath);
  const progress = progressControl(method);
  const ensemble = await openEnsemble(modelPath, opts, progress.control);
  try {
    if (method === 'random' || method === 'lhs') {
      const result = await monteCarlo(model, setup, { runs, seed, sampling: method, percentiles, evaluate: ensemble.evaluate, control: ensemble.control });
      progress.stop();
      if (opts.runsOut) writeWhole(opts.runsOut, runsCsvLines(result));
      const csv = tableCsv(result.bands);
      if (opts.out) writeWhole(opts.out, csv);
      else process.stdout.write(csv);
      return;
    }
    if (method === 'morris') {
      const trajectories = Math.floor(runs / (k + 1));
      if (trajectories < 2) throw new InputError('--runs', { en: `Morris with ${k} parameters needs at least ${2 * (k + 1)} runs (2 trajectories of ${k + 1})`, es: `Morris con ${k} parámetros necesita al menos ${2 * (k + 1)} corridas (2 trayectorias de ${k + 1})` });
      const result = await morris(model, setup, { trajectories, levels, seed, times, evaluate: ensemble.evaluate, control: ensemble.control });
      progress.stop();
      if (opts.out) writeWhole(opts.out, morrisCsv(result));
      process.stdout.write(opts.json ? JSON.stringify(result.indices, null, 2) + '\n' : morrisText(result) + '\n');
      return;
    }
    const baseSamples = Math.floor(runs / (k + 2));
    if (baseSamples < 2) throw new InputError('--runs', { en: `Sobol with ${k} parameters needs at least ${2 * (k + 2)} runs (N × ${k + 2}, N >= 2)`, es: `Sobol con ${k} parámetros necesita al menos ${2 * (k + 2)} corridas (N × ${k + 2}, N >= 2)` });
    const result = await sobol(model, setup, { baseSamples, seed, times, bootstrap: spec.bootstrap, evaluate: ensemble.evaluate, control: ensemble.control });
    progress.stop();
    if (opts.out) writeWhole(opts.out, sobolCsv(result));
    process.stdout.write(opts.json ? JSON.stringify(result.indices, null, 2) + '\n' : sobolText(result) + '\n');
  } finally {
    progress.stop();
    await ensemble.close();
  }
}

export function registerAnalysisCommands(program: Command): void {
  program
    .command('calibrate')
    .description('fit constants of a model to historical data (weighted least squares) and report the fit')
    .argument('<model>', 'model file (.mdl)')
    .option('--data <file>', 'historical data: .csv, .tsv or .xlsx, wide (Time + one column per variable) or long (time,variable,value)')
    .option('--vary <NAME=LO:HI...>', 'a constant to calibrate and its bounds (repeatable)')
    .option('--spec <file.json>', 'calibration spec: parameters, weights, optimizer settings, time settings')
    .option('--method <name>', `optimizer: ${OPTIMIZERS.join(', ')} (default lm)`)
    .option('--starts <n>', 'number of starts: the model values, then Latin-hypercube points (default 4)')
    .option('--seed <s>', 'seed for the starting points (default 1)')
    .option('--max-evals <n>', 'model runs allowed per start')
    .option('--relative', 'use relative errors (S - A) / |A| in the payoff')
    .option('--out-params <file.json>', 'write the calibrated constants as { "Name": value }')
    .option('--report <file>', 'write a report with one plot per series (.md or .html)')
    .option('--json', 'print the result as JSON')
    .action(action(calibrateCommand));

  program
    .command('sensitivity')
    .description('Monte Carlo bands, Morris elementary effects or Sobol indices over uncertain constants')
    .argument('<model>', 'model file (.mdl)')
    .option('--vary <NAME=DIST...>', 'uncertain constant (repeatable); DIST: uniform(LO,HI), normal(MEAN,SD[,LO,HI]), triangular(LO,MODE,HI), lognormal(MU,SIGMA), discrete(V1,V2,...)')
    .option('--spec <file.json>', 'sensitivity spec: parameters, runs, method, columns, percentiles, times')
    .option('--runs <n>', 'number of model runs')
    .option('--seed <s>', 'seed (default 1)')
    .option('--method <name>', `${SENSITIVITY_METHODS.join(', ')} (default lhs)`)
    .option('--columns <A,B>', 'outputs to keep (default: every output that is not a constant)')
    .option('--percentiles <list>', 'percentiles for the bands (default 5,25,50,75,95)')
    .option('--times <list>', 'times at which Morris/Sobol indices are computed (default: final time)')
    .option('--levels <p>', 'Morris grid levels (even, default 4)')
    .option('--out <file.csv>', 'write the bands (or the indices) to this CSV file')
    .option('--runs-out <file.csv>', 'also write every run (random and lhs methods)')
    .option('--json', 'print Morris/Sobol indices as JSON')
    .addOption(workersOption())
    .addOption(queueOption())
    .action(action(sensitivityCommand));
}
