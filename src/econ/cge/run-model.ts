/**
 * Running a CGE model directory for a scenario: baseline (tracking the GDP path) then the scenario
 * with the baseline's productivity path, and the results with EV against the baseline.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { loadModelDir, readJson, type LoadedModel } from './model-dir.js';
import { runRecursive, type ExogenousPaths, type RecursiveRun } from './recursive.js';
import { collectResults, type CgeResults } from './results.js';
import { parseScenario, type Scenario } from './scenario.js';

export function loadScenario(model: LoadedModel, name: string): Scenario {
  const file = join(model.dir, 'scenarios', `${name}.json`);
  if (!existsSync(file)) throw new InputError(file, { en: `unknown scenario "${name}"`, es: `escenario desconocido "${name}"` });
  return parseScenario(readJson(file), file, name, model.cal);
}

export interface CgeRunOptions {
  scenario?: string;
  closureFile?: string;
  years?: [number, number];
  paths?: ExogenousPaths;
  /** A baseline already run with the same paths (reused by the SD link). */
  baseline?: RecursiveRun;
}

export function runCgeModel(dir: string, opts: CgeRunOptions = {}): { results: CgeResults; baseline: RecursiveRun; run: RecursiveRun; model: LoadedModel } {
  const model = loadModelDir(dir, opts.closureFile);
  return runLoaded(model, opts);
}

export function runLoaded(model: LoadedModel, opts: CgeRunOptions = {}) {
  const name = opts.scenario ?? 'base';
  return runScenario(model, name === 'base' ? null : loadScenario(model, name), opts);
}

/** Runs a scenario given as an object (e.g. built from the simulator's levers); null is the baseline. */
export function runScenario(model: LoadedModel, sc: Scenario | null, opts: Omit<CgeRunOptions, 'scenario'> = {}) {
  const name = sc?.name ?? 'base';
  const baseline = opts.baseline ?? runRecursive(model, { years: opts.years, paths: opts.paths });
  const run = sc ? runRecursive(model, { years: opts.years, scenario: sc, tfpPath: baseline.tfpPath, gsavPath: baseline.gsavPath, startFrom: baseline, paths: opts.paths }) : baseline;
  const results = collectResults(model.cal, run, name, baseline);
  return { results, baseline, run, model };
}
