/**
 * Running scenarios: the model is compiled once and run once per scenario with its levers as
 * constant overrides. Lever names are checked against the model's constants first, so a typo in a
 * scenario file is reported with its file and field instead of being silently ignored.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { ModelNames } from '../model-names.js';
import type { ScenarioSpec } from './scenario-spec.js';

export interface ScenarioRun {
  scenario: ScenarioSpec;
  result: RunResult;
  /** Wall-clock time of the run, in milliseconds. */
  millis: number;
}

/** Throws an InputError at the lever's field when a lever is not a constant of the model. */
export function checkLevers(model: Model, scenario: ScenarioSpec): void {
  const names = new ModelNames(model);
  for (const name of Object.keys(scenario.levers)) {
    try {
      names.constant(name, scenario.where[name] ?? scenario.file);
    } catch (err) {
      // Name the lever's field instead of the name lookup's own `where`.
      if (err instanceof InputError) {
        const bare = (text: string) => text.replace(/^.*?: /, '');
        throw new InputError(scenario.where[name] ?? scenario.file, { en: bare(err.message), es: bare(err.messageEs) });
      }
      throw err;
    }
  }
}

export function runScenario(model: Model, scenario: ScenarioSpec, columns?: string[]): ScenarioRun {
  checkLevers(model, scenario);
  const t0 = performance.now();
  const result = model.run({ params: scenario.levers, columns });
  return { scenario, result, millis: performance.now() - t0 };
}

export function runScenarios(model: Model, scenarios: ScenarioSpec[], columns?: string[]): ScenarioRun[] {
  for (const s of scenarios) checkLevers(model, s);
  return scenarios.map((s) => runScenario(model, s, columns));
}

/** The value of a saved series at `year` (linear between saved times), or NaN outside the run. */
/** A named variable's value in a year; throws naming the variable when the run does not have it. */
export function variableAtYear(result: RunResult, name: string, year: number): number {
  const series = result.get(name);
  if (!series) throw new Error(`no variable ${name} in the run`);
  return valueAtYear(result, series, year);
}

export function valueAtYear(result: RunResult, series: ArrayLike<number>, year: number): number {
  const t = result.time;
  if (t.length === 0 || year < t[0] - 1e-9 || year > t[t.length - 1] + 1e-9) return NaN;
  let i = 0;
  while (i < t.length - 1 && t[i + 1] <= year + 1e-9) i++;
  if (Math.abs(t[i] - year) <= 1e-9 || i === t.length - 1) return series[i];
  const w = (year - t[i]) / (t[i + 1] - t[i]);
  return series[i] + w * (series[i + 1] - series[i]);
}
