/**
 * The indicator table: for every scenario, indicator and report year, the value and whether each
 * of the indicator's targets is met.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { GreenJobsSeries } from './green-jobs.js';
import type { IndicatorSpec, IndicatorTarget } from './indicator-spec.js';
import type { ScenarioRun } from './run.js';
import { valueAtYear } from './run.js';

export interface TargetCheck {
  target: IndicatorTarget;
  /** The target value in this year (the baseline-relative ones computed from the baseline run). */
  value: number;
  /** undefined when the value is not a number. */
  met: boolean | undefined;
}

export interface IndicatorRow {
  scenario: string;
  scenarioTitle: string;
  indicator: IndicatorSpec;
  year: number;
  value: number;
  checks: TargetCheck[];
}

export interface IndicatorTable {
  scenarios: { name: string; title: string }[];
  indicators: IndicatorSpec[];
  years: number[];
  rows: IndicatorRow[];
}

export function targetApplies(target: IndicatorTarget, year: number): boolean {
  return target.years.length === 0 || target.years.includes(year);
}

export function meets(value: number, op: IndicatorTarget['op'], targetValue: number): boolean | undefined {
  if (!Number.isFinite(value) || !Number.isFinite(targetValue)) return undefined;
  return op === '<=' ? value <= targetValue : value >= targetValue;
}

function yearly(years: number[], values: number[], year: number): number {
  const i = years.indexOf(year);
  return i >= 0 ? values[i] : NaN;
}

export function indicatorValue(spec: IndicatorSpec, run: ScenarioRun, year: number, jobs?: GreenJobsSeries): number {
  if (spec.source === 'model') {
    const s = run.result.get(spec.variable!);
    if (!s) throw new InputError(`${spec.where}.variable`, { en: `the model has no variable "${spec.variable}"`, es: `el modelo no tiene la variable "${spec.variable}"` });
    return valueAtYear(run.result, s, year) * spec.scale;
  }
  if (!jobs) throw new InputError(`${spec.where}.source`, { en: `"${spec.source}" needs "greenJobs" in project.json`, es: `"${spec.source}" necesita "greenJobs" en project.json` });
  const values = spec.source === 'green jobs' ? jobs.green : jobs.transition;
  return yearly(jobs.years, values, year) * (spec.share?.value ?? 1) * spec.scale;
}

/**
 * `baseline` is the run that baseline-relative targets refer to (it need not be one of `runs`);
 * without it such targets are reported as not applicable.
 */
export function indicatorTable(
  indicators: IndicatorSpec[],
  runs: ScenarioRun[],
  years: number[],
  jobs: Map<string, GreenJobsSeries> = new Map(),
  baseline?: ScenarioRun,
): IndicatorTable {
  const rows: IndicatorRow[] = [];
  for (const run of runs) {
    for (const spec of indicators) {
      for (const year of years) {
        const value = indicatorValue(spec, run, year, jobs.get(run.scenario.name));
        const checks = spec.targets
          .filter((t) => targetApplies(t, year))
          .map((target) => {
            const base = target.relativeToBaseline === undefined ? NaN : baseline ? indicatorValue(spec, baseline, year, jobs.get(baseline.scenario.name)) : NaN;
            const targetValue = target.relativeToBaseline === undefined ? target.value : base * (1 + target.relativeToBaseline);
            return { target, value: targetValue, met: meets(value, target.op, targetValue) };
          });
        rows.push({ scenario: run.scenario.name, scenarioTitle: run.scenario.title, indicator: spec, year, value, checks });
      }
    }
  }
  return { scenarios: runs.map((r) => ({ name: r.scenario.name, title: r.scenario.title })), indicators, years, rows };
}

/** The row of one scenario, indicator and year. */
export function cell(table: IndicatorTable, scenario: string, indicator: string, year: number): IndicatorRow | undefined {
  return table.rows.find((r) => r.scenario === scenario && r.indicator.name === indicator && r.year === year);
}
