/**
 * Target verdicts under uncertainty: a Monte Carlo (Latin hypercube, seeded, the existing ensemble
 * code) over the uncertain assumptions listed in a file, run for each scenario with the same sample,
 * so run i of every scenario shares its assumptions with run i of the baseline. A target is "met"
 * only when the whole 5-95 % band is on the right side: the 95th percentile below a cap, the 5th
 * above a floor; "missed" when the whole band is on the wrong side; otherwise "uncertain".
 * Targets relative to the baseline compare each run with the baseline run of the same sample.
 *
 * File (JSON): { "runs": 500, "seed": 11,
 *   "parameters": [ { "name": "Conservation Effectiveness", "distribution": "uniform(0.2,0.7)", "source": "…" } ] }
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Model, RunOptions, RunResult } from '../../sd/run/types.js';
import { percentileInterval, percentileOfSorted } from '../sensitivity/bands.js';
import { parseVary, type VariedParameter } from '../sensitivity/distributions.js';
import { checkRuns, monteCarlo } from '../sensitivity/monte-carlo.js';
import { savedTimeIndex } from '../sensitivity/setup.js';
import type { IndicatorSpec } from './indicator-spec.js';
import type { ScenarioSpec } from './scenario-spec.js';
import { onTheEdge, verdictOf, type PercentileIntervals, type Verdict } from './verdict-rule.js';

export interface UncertaintySpec {
  runs: number;
  seed: number;
  parameters: (VariedParameter & { source: string })[];
  file: string;
}

/** Guards the cost of a user's file before anything is allocated. */
export const MAX_UNCERTAINTY_RUNS = 20_000;

export function readUncertainty(path: string, runsOverride?: number): UncertaintySpec {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError(path, { en: `not valid JSON: ${(err as Error).message}`, es: `no es JSON válido: ${(err as Error).message}` });
  }
  const o = raw as { runs?: unknown; seed?: unknown; parameters?: unknown };
  if (typeof o !== 'object' || o === null || !Array.isArray(o.parameters)) throw new InputError(path, { en: 'expected { "runs", "seed", "parameters": [...] }', es: 'se esperaba { "runs", "seed", "parameters": [...] }' });
  const runs = checkRuns(runsOverride ?? Number(o.runs), 2, `${path}: runs`);
  if (runs > MAX_UNCERTAINTY_RUNS) throw new InputError(`${path}: runs`, { en: `at most ${MAX_UNCERTAINTY_RUNS} runs, got ${runs}`, es: `como máximo ${MAX_UNCERTAINTY_RUNS} corridas, se recibió ${runs}` });
  const seed = o.seed === undefined ? 1 : Number(o.seed);
  if (!Number.isInteger(seed)) throw new InputError(`${path}: seed`, { en: 'must be a whole number', es: 'debe ser un número entero' });
  const parameters = o.parameters.map((p: unknown, i: number) => {
    const where = `${path}: parameters[${i}]`;
    const q = p as { name?: unknown; distribution?: unknown; source?: unknown };
    if (typeof q?.name !== 'string' || typeof q.distribution !== 'string') throw new InputError(where, { en: 'needs "name" and "distribution" strings', es: 'necesita los textos "name" y "distribution"' });
    if (typeof q.source !== 'string' || q.source.trim() === '') throw new InputError(`${where}.source`, { en: 'every uncertain assumption needs its source or reason', es: 'cada supuesto incierto necesita su fuente o justificación' });
    return { ...parseVary(`${q.name}=${q.distribution}`, where), source: q.source };
  });
  return { runs, seed, parameters, file: path };
}

export type { Verdict } from './verdict-rule.js';
export { onTheEdge } from './verdict-rule.js';

export interface UncertainCheck {
  scenario: string;
  indicator: string;
  target: string;
  year: number;
  op: '<=' | '>=';
  /** Target value in indicator units (for relative targets: the relative margin, e.g. 0.1 = +10 %). */
  value: number;
  relative: boolean;
  p5: number;
  p50: number;
  p95: number;
  verdict: Verdict;
  /**
   * True when the cap or floor lies inside the ~90 % sampling interval of the percentile that decides
   * the verdict (p95 for "met", p5 for "missed", under a cap; the other way round over a floor): another
   * seed or more runs could give another verdict, so the verdict is reported as on the edge.
   */
  edge: boolean;
}

/** A model whose runs always carry the scenario's levers under the sampled assumptions. */
function withLevers(model: Model, levers: Record<string, number>): Model {
  const wrapped = Object.create(model) as Model;
  wrapped.run = (o?: RunOptions): RunResult => model.run({ ...o, params: { ...levers, ...(o?.params ?? {}) } });
  return wrapped;
}

interface Band extends PercentileIntervals {
  p5: number;
  p50: number;
  p95: number;
}

function band(values: Float64Array): Band {
  const s = Float64Array.from(values).sort();
  return {
    p5: percentileOfSorted(s, 5),
    p50: percentileOfSorted(s, 50),
    p95: percentileOfSorted(s, 95),
    p5Interval: percentileInterval(s, 5),
    p95Interval: percentileInterval(s, 95),
  };
}

/** Verdicts for every model-variable target of `indicators`, per scenario (baseline first). */
export async function uncertainVerdicts(
  model: Model,
  scenarios: ScenarioSpec[],
  baseline: string,
  indicators: IndicatorSpec[],
  years: number[],
  spec: UncertaintySpec,
): Promise<UncertainCheck[]> {
  const specs = indicators.filter((i) => i.source === 'model' && i.variable);
  const columns = [...new Set(specs.map((i) => i.variable!))];
  const byScenario = new Map<string, { values: (c: number, t: number) => Float64Array; time: Float64Array }>();
  for (const s of scenarios) {
    const r = await monteCarlo(withLevers(model, s.levers), { parameters: spec.parameters, columns }, { runs: spec.runs, seed: spec.seed, sampling: 'lhs' });
    r.ensemble.checkComplete();
    byScenario.set(s.name, { values: (c, t) => r.ensemble.across(c, t), time: r.ensemble.time! });
  }
  const base = byScenario.get(baseline);
  const out: UncertainCheck[] = [];
  for (const s of scenarios) {
    const e = byScenario.get(s.name)!;
    for (const ind of specs) {
      const c = columns.indexOf(ind.variable!);
      for (const t of ind.targets) {
        for (const year of t.years.length ? t.years : years) {
          const ti = savedTimeIndex(e.time, year, `${ind.name} ${year}`);
          const v = e.values(c, ti).map((x) => x * ind.scale);
          const relative = t.relativeToBaseline !== undefined;
          if (relative && (!base || s.name === baseline)) continue;
          // Relative targets: the run's ratio to the baseline run with the same assumptions, minus 1.
          const series = relative ? v.map((x, i) => x / (base!.values(c, ti)[i] * ind.scale) - 1) : v;
          const limit = relative ? t.relativeToBaseline! : t.value;
          const b = band(series);
          const { p5, p50, p95 } = b;
          out.push({ scenario: s.name, indicator: ind.name, target: t.label, year, op: t.op, value: limit, relative, p5, p50, p95, verdict: verdictOf(t.op, limit, p5, p95), edge: onTheEdge(limit, b) });
        }
      }
    }
  }
  return out;
}
