/**
 * A thread of the results pool (piscina): the IO green-jobs results of an SD run and the CGE results
 * of a scenario, off the request thread. The SD model, the IO table with its link and green shares,
 * the CGE model and the baselines of both are loaded once per thread and kept.
 */
import { loadScenario, runLoaded, runScenario } from '../econ/cge/run-model.js';
import { loadModelDir, type LoadedModel } from '../econ/cge/model-dir.js';
import type { RecursiveRun } from '../econ/cge/recursive.js';
import type { CgeResults } from '../econ/cge/results.js';
import { scenarioFromLevers, type LeverLink, type LeverValues } from '../econ/cge/lever-scenario.js';
import type { Recycling } from '../econ/cge/scenario.js';
import { greenSpecFor } from '../econ/io/green-spec.js';
import type { GreenSpec } from '../econ/io/greenjobs.js';
import { jobsBySector, type JobsByYear } from '../econ/io/jobs-by-sector.js';
import { linkRunToIo, validateLinkMapping, type LinkMapping } from '../econ/io/link.js';
import { loadIoTable } from '../econ/io/load.js';
import { readJson } from '../econ/io/read-grid.js';
import type { IoTable } from '../econ/io/types.js';
import { InputError, ModelError, SimulationError, type Diagnostic } from '../sd/ir/diagnostics.js';
import { loadModel } from '../sd/node/load.js';
import type { CompiledModel } from '../sd/run/compiled-model.js';

export type ResultsTask =
  | { kind: 'ping' }
  | { kind: 'green-jobs'; modelPath: string; tablePath: string; mappingPath: string; params: Record<string, number> }
  | { kind: 'cge'; dir: string; named?: string; levers?: { link: LeverLink; used: LeverValues; recycling?: Recycling } };

/** The CGE series the web shows, for the scenario and its baseline. */
export interface CgeAnswer {
  years: number[];
  converged: boolean;
  maxResidual: number;
  maxWalras: number;
  recycling: Recycling;
  /** The price level held fixed (closure), e.g. 'cpi': its change is zero by construction. */
  numeraire: string;
  label?: { es: string; en: string };
  scenario: Record<string, number[]>;
  baseline: Record<string, number[]>;
  households: Record<string, { ev: number[]; evPct: number[] }>;
  /** Solve time of this answer's runs, ms. */
  ms: number;
}

export interface GreenJobsAnswer {
  scenario: JobsByYear;
  baseline: JobsByYear;
  basis: GreenSpec['basis'];
  notes: string[];
  ms: number;
}

export type ResultsAnswer =
  | { ok: true; cge?: CgeAnswer; jobs?: GreenJobsAnswer }
  | { ok: false; error: { kind: 'input' | 'simulation' | 'model' | 'other'; message: string; messageEs?: string; where?: string; diagnostics?: Diagnostic[] } };

const sdModels = new Map<string, { model: CompiledModel; baseline?: ReturnType<CompiledModel['run']> }>();
const ioSets = new Map<string, { table: IoTable; spec: GreenSpec; mapping: LinkMapping }>();
const cgeModels = new Map<string, { model: LoadedModel; baseline: RecursiveRun; baseResults: CgeResults }>();

function sdModel(path: string) {
  let m = sdModels.get(path);
  if (!m) sdModels.set(path, (m = { model: loadModel(path) }));
  return m;
}

function ioSet(tablePath: string, mappingPath: string) {
  const key = `${tablePath}|${mappingPath}`;
  let s = ioSets.get(key);
  if (!s) {
    const loaded = loadIoTable(tablePath);
    const mapping = validateLinkMapping(readJson(mappingPath), mappingPath, loaded.table.sectors);
    ioSets.set(key, (s = { table: loaded.table, spec: greenSpecFor(loaded), mapping }));
  }
  return s;
}

function cgeModel(dir: string) {
  let c = cgeModels.get(dir);
  if (!c) {
    const model = loadModelDir(dir);
    const { baseline, results } = runLoaded(model, { scenario: 'base' });
    cgeModels.set(dir, (c = { model, baseline, baseResults: results }));
  }
  return c;
}

const PICK = ['real_gdp', 'cpi', 'fuel_use', 'co2', 'government_savings'];

function pick(r: CgeResults): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(r.variables)) if (PICK.includes(k) || k.startsWith('revenue:')) out[k] = v;
  return out;
}

function greenJobs(task: Extract<ResultsTask, { kind: 'green-jobs' }>): GreenJobsAnswer {
  const t0 = performance.now();
  const sd = sdModel(task.modelPath);
  const io = ioSet(task.tablePath, task.mappingPath);
  sd.baseline ??= sd.model.run();
  const run = Object.keys(task.params).length ? sd.model.run({ params: task.params }) : sd.baseline;
  const ctx = { table: io.table, green: io.spec, where: task.mappingPath };
  const scenario = linkRunToIo(run, io.mapping, ctx);
  const baseline = run === sd.baseline ? scenario : linkRunToIo(sd.baseline, io.mapping, ctx);
  return { scenario: jobsBySector(scenario, io.spec), baseline: jobsBySector(baseline, io.spec), basis: io.spec.basis, notes: scenario.notes, ms: performance.now() - t0 };
}

function cge(task: Extract<ResultsTask, { kind: 'cge' }>): CgeAnswer {
  const t0 = performance.now();
  const c = cgeModel(task.dir);
  let results: CgeResults;
  let recycling: Recycling;
  let label: CgeAnswer['label'];
  if (task.levers) {
    const template = loadScenario(c.model, task.levers.link.template);
    const mapped = scenarioFromLevers(task.levers.link, task.levers.used, template, task.levers.recycling);
    recycling = mapped.recycling;
    results = mapped.scenario ? runScenario(c.model, mapped.scenario, { baseline: c.baseline }).results : c.baseResults;
  } else {
    const name = task.named ?? 'base';
    const sc = name === 'base' ? null : loadScenario(c.model, name);
    recycling = sc?.recycling ?? 'none';
    label = sc?.label;
    results = sc ? runLoaded(c.model, { scenario: name, baseline: c.baseline }).results : c.baseResults;
  }
  const households: CgeAnswer['households'] = {};
  for (const [h, e] of Object.entries(results.households)) households[h] = { ev: e.ev, evPct: e.ev_pct };
  return {
    years: results.years, converged: results.converged && c.baseResults.converged, maxResidual: Math.max(results.max_residual, c.baseResults.max_residual),
    maxWalras: Math.max(results.max_walras, c.baseResults.max_walras), recycling, numeraire: c.model.closure.numeraire, label, scenario: pick(results), baseline: pick(c.baseResults), households,
    ms: performance.now() - t0,
  };
}

export default function handle(task: ResultsTask): ResultsAnswer {
  if (task.kind === 'ping') return { ok: true };
  try {
    return task.kind === 'cge' ? { ok: true, cge: cge(task) } : { ok: true, jobs: greenJobs(task) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: { kind: 'input', message: e.message, messageEs: e.messageEs, where: e.where } };
    if (e instanceof SimulationError) return { ok: false, error: { kind: 'simulation', message: e.message, messageEs: e.messageEs } };
    if (e instanceof ModelError) return { ok: false, error: { kind: 'model', message: e.message, diagnostics: e.diagnostics } };
    return { ok: false, error: { kind: 'other', message: (e as Error)?.message ?? String(e) } };
  }
}
