/**
 * Morris elementary effects (Morris 1991, Technometrics 33:161–174) with the mean of absolute
 * effects μ* (Campolongo, Cariboni & Saltelli 2007). Each trajectory starts on a p-level grid and
 * moves one constant at a time by half the grid, in random order and direction. Grid levels sit
 * at the centres of p equal-probability cells, (l + ½)/p, so that unbounded distributions are
 * never asked for their 0 or 1 quantile; a step is therefore ½ in probability units, and an
 * effect is Δoutput / ½ (for a uniform input: the change per whole range).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Model } from '../../sd/run/types.js';
import { deriveSeed, uniformStream } from '../random.js';
import { localEvaluator, runEnsemble, type EvaluateControl, type EvaluateRuns } from './ensemble.js';
import { jobsFromUnitPoints, resolveSetup, type ResolvedSetup, type SensitivitySetup } from './setup.js';
import { indexTargets } from './targets.js';

export interface MorrisOptions {
  trajectories: number;
  /** Grid levels p, even (default 4). */
  levels?: number;
  seed?: number;
  /** Times at which to compute effects (default: the final saved time). */
  times?: number[];
  evaluate?: EvaluateRuns;
  control?: EvaluateControl;
}

export interface MorrisIndex {
  output: string;
  time: number;
  parameter: string;
  /** Mean elementary effect. */
  mu: number;
  /** Mean absolute elementary effect. */
  muStar: number;
  /** Standard deviation of the effects (n - 1): nonlinearity or interactions. */
  sigma: number;
}

export interface MorrisResult {
  setup: ResolvedSetup;
  runs: number;
  trajectories: number;
  levels: number;
  indices: MorrisIndex[];
}

interface Trajectory {
  points: Float64Array[];
  /** Which parameter moves at each step, and in which direction (+1 / -1). */
  order: Int32Array;
  sign: Int8Array;
}

const SALT_MORRIS = 21;

/** Trajectory j depends only on the seed and j. */
export function morrisTrajectory(k: number, levels: number, seed: number, j: number): Trajectory {
  const rng = uniformStream(deriveSeed(seed, j, SALT_MORRIS));
  const half = levels / 2;
  const level = new Int32Array(k);
  const sign = new Int8Array(k);
  for (let i = 0; i < k; i++) {
    sign[i] = rng.next() < 0.5 ? 1 : -1;
    const base = Math.floor(rng.next() * half);
    level[i] = sign[i] > 0 ? base : base + half;
  }
  const order = Int32Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const s = Math.floor(rng.next() * (i + 1));
    [order[i], order[s]] = [order[s], order[i]];
  }
  const toUnit = () => Float64Array.from(level, (l) => (l + 0.5) / levels);
  const points = [toUnit()];
  for (const i of order) {
    level[i] += sign[i] * half;
    points.push(toUnit());
  }
  return { points, order, sign };
}

export async function morris(model: Model, setup: SensitivitySetup, opts: MorrisOptions): Promise<MorrisResult> {
  const resolved = resolveSetup(model, setup);
  const levels = opts.levels ?? 4;
  if (!(Number.isInteger(levels) && levels >= 2 && levels % 2 === 0)) {
    throw new InputError('--levels', { en: `Morris levels must be an even whole number >= 2, got ${levels}`, es: `los niveles de Morris deben ser un número entero par >= 2, se recibió ${levels}` });
  }
  const r = opts.trajectories;
  if (!(Number.isInteger(r) && r >= 2)) throw new InputError('--runs', { en: `Morris needs at least 2 trajectories, got ${r}`, es: `Morris necesita al menos 2 trayectorias, se recibió ${r}` });
  const seed = opts.seed ?? 1;
  const k = resolved.parameters.length;
  const trajectories = Array.from({ length: r }, (_, j) => morrisTrajectory(k, levels, seed, j));
  const jobs = jobsFromUnitPoints(resolved, trajectories.flatMap((t) => t.points), seed);
  const ensemble = await runEnsemble(opts.evaluate ?? localEvaluator(model), { columns: resolved.columns, runOptions: resolved.runOptions, jobs }, opts.control);
  const step = 0.5; // half the grid in probability units
  const indices: MorrisIndex[] = [];
  for (const target of indexTargets(ensemble, opts.times)) {
    const y = ensemble.across(target.column, target.timeIndex);
    const effects = resolved.parameters.map(() => [] as number[]);
    trajectories.forEach((t, j) => {
      const base = j * (k + 1);
      t.order.forEach((i, s) => effects[i].push((y[base + s + 1] - y[base + s]) / (t.sign[i] * step)));
    });
    resolved.parameters.forEach((p, i) => {
      const e = effects[i];
      const mu = e.reduce((a, b) => a + b, 0) / e.length;
      const muStar = e.reduce((a, b) => a + Math.abs(b), 0) / e.length;
      const sigma = Math.sqrt(e.reduce((a, b) => a + (b - mu) ** 2, 0) / (e.length - 1));
      indices.push({ output: target.name, time: target.time, parameter: p.name, mu, muStar, sigma });
    });
  }
  return { setup: resolved, runs: jobs.length, trajectories: r, levels, indices };
}
