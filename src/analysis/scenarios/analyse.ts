/**
 * One call from a project and scenario names to everything the reports need: the compiled model,
 * one run per scenario, green jobs through the IO link (when the project has one) and the
 * indicator table.
 */
import { loadModel } from '../../sd/node/load.js';
import type { Model } from '../../sd/run/types.js';
import { greenJobsOf, loadGreenJobsContext, type GreenJobsSeries } from './green-jobs.js';
import { indicatorTable, type IndicatorTable } from './indicators.js';
import { pickScenarios, type ScenarioProject } from './project.js';
import { runScenarios, type ScenarioRun } from './run.js';

export interface ScenarioAnalysis {
  project: ScenarioProject;
  model: Model;
  runs: ScenarioRun[];
  jobs: Map<string, GreenJobsSeries>;
  table: IndicatorTable;
  /** Milliseconds spent loading and compiling the model. */
  compileMillis: number;
}

export function analyseScenarios(project: ScenarioProject, names: string[], model?: Model): ScenarioAnalysis {
  const t0 = performance.now();
  const m = model ?? loadModel(project.modelPath);
  const compileMillis = performance.now() - t0;
  const runs = runScenarios(m, pickScenarios(project, names));
  // Baseline-relative targets need the baseline run even when it is not one of those shown.
  const needsBaseline = project.indicators.some((i) => i.targets.some((t) => t.relativeToBaseline !== undefined));
  const baseline = runs.find((r) => r.scenario.name === project.baseline) ?? (needsBaseline ? runScenarios(m, pickScenarios(project, [project.baseline]))[0] : undefined);
  const jobs = new Map<string, GreenJobsSeries>();
  const needsJobs = project.indicators.some((i) => i.source !== 'model');
  if (project.greenJobs && needsJobs) {
    const ctx = loadGreenJobsContext(project.greenJobs);
    for (const r of baseline && !runs.includes(baseline) ? [...runs, baseline] : runs) jobs.set(r.scenario.name, greenJobsOf(ctx, r.result));
  }
  const table = indicatorTable(project.indicators, runs, project.years, jobs, baseline);
  return { project, model: m, runs, jobs, table, compileMillis };
}

/** Every scenario of the project, the baseline first. */
export function allScenarioNames(project: ScenarioProject): string[] {
  return [project.baseline, ...project.scenarios.map((s) => s.name).filter((n) => n !== project.baseline)];
}
