/**
 * Variance-based first-order and total indices with Saltelli's sampling scheme (Saltelli et al.
 * 2010, "Variance based sensitivity analysis of model output. Design and estimator for the total
 * sensitivity index", Comput. Phys. Commun. 181:259–270): two independent N × k matrices A and B
 * and, for each input i, A with its column i taken from B (A_B^i); N (k + 2) runs in all.
 *   S_i  = (1/N) Σ f(B) (f(A_B^i) − f(A)) / V            (Saltelli 2010, Table 2 (b))
 *   ST_i = (1/2N) Σ (f(A) − f(A_B^i))² / V                (Jansen 1999; Saltelli 2010 (f))
 * with V the variance of f over A and B together. f(B) is centred on the mean of f over A and B
 * in S_i: the expectation is unchanged (E[f(A_B^i) − f(A)] = 0) and the sampling error is
 * smaller when the mean of f is large against its spread. Confidence: 1.96 × the bootstrap standard
 * deviation over resampled rows (seeded).
 */
import type { Model } from '../../sd/run/types.js';
import { deriveSeed, uniformStream } from '../random.js';
import { unitPoints, type SamplingMethod } from '../sampling.js';
import { localEvaluator, runEnsemble, type EvaluateControl, type EvaluateRuns } from './ensemble.js';
import { checkRuns } from './monte-carlo.js';
import { jobsFromUnitPoints, resolveSetup, type ResolvedSetup, type SensitivitySetup } from './setup.js';
import { indexTargets } from './targets.js';

export interface SobolOptions {
  /** N, the rows of A and B. */
  baseSamples: number;
  seed?: number;
  /** How A and B are drawn (default random; 'lhs' draws [A B] as one 2k-dimensional hypercube). */
  sampling?: SamplingMethod;
  /** Bootstrap resamples for the confidence intervals (default 200; 0 for none). */
  bootstrap?: number;
  times?: number[];
  evaluate?: EvaluateRuns;
  control?: EvaluateControl;
}

export interface SobolIndex {
  output: string;
  time: number;
  parameter: string;
  s1: number;
  s1Conf: number;
  st: number;
  stConf: number;
}

export interface SobolResult {
  setup: ResolvedSetup;
  runs: number;
  baseSamples: number;
  indices: SobolIndex[];
}

/** Unit points of Saltelli's design, row j's block being A_j, B_j, A_B^1_j … A_B^k_j. */
export function saltelliPoints(n: number, k: number, seed: number, sampling: SamplingMethod = 'random'): Float64Array[] {
  const ab = unitPoints(sampling, n, 2 * k, seed);
  const points: Float64Array[] = [];
  for (const row of ab) {
    const a = row.slice(0, k);
    const b = row.slice(k);
    points.push(a, b);
    for (let i = 0; i < k; i++) {
      const abi = Float64Array.from(a);
      abi[i] = b[i];
      points.push(abi);
    }
  }
  return points;
}

/** First-order and total indices from outputs laid out as in `saltelliPoints`, for rows `rows`. */
export function sobolEstimates(y: ArrayLike<number>, n: number, k: number, rows?: Int32Array): { s1: number[]; st: number[] } {
  const stride = k + 2;
  const pick = (j: number) => (rows ? rows[j] : j);
  let mean = 0;
  for (let j = 0; j < n; j++) mean += y[pick(j) * stride] + y[pick(j) * stride + 1];
  mean /= 2 * n;
  let variance = 0;
  for (let j = 0; j < n; j++) variance += (y[pick(j) * stride] - mean) ** 2 + (y[pick(j) * stride + 1] - mean) ** 2;
  variance /= 2 * n;
  const s1: number[] = [];
  const st: number[] = [];
  for (let i = 0; i < k; i++) {
    let first = 0;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const base = pick(j) * stride;
      const fA = y[base];
      const fB = y[base + 1];
      const fABi = y[base + 2 + i];
      first += (fB - mean) * (fABi - fA);
      total += (fA - fABi) ** 2;
    }
    s1.push(first / n / variance);
    st.push(total / (2 * n) / variance);
  }
  return { s1, st };
}

const SALT_BOOTSTRAP = 31;

function sd(values: number[]): number {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
}

export async function sobol(model: Model, setup: SensitivitySetup, opts: SobolOptions): Promise<SobolResult> {
  const resolved = resolveSetup(model, setup);
  const n = checkRuns(opts.baseSamples, 2, '--runs');
  const seed = opts.seed ?? 1;
  const k = resolved.parameters.length;
  const jobs = jobsFromUnitPoints(resolved, saltelliPoints(n, k, seed, opts.sampling), seed);
  const ensemble = await runEnsemble(opts.evaluate ?? localEvaluator(model), { columns: resolved.columns, runOptions: resolved.runOptions, jobs }, opts.control);
  const resamples = opts.bootstrap ?? 200;
  const indices: SobolIndex[] = [];
  for (const target of indexTargets(ensemble, opts.times)) {
    const y = ensemble.across(target.column, target.timeIndex);
    const { s1, st } = sobolEstimates(y, n, k);
    const boot = { s1: s1.map(() => [] as number[]), st: st.map(() => [] as number[]) };
    for (let b = 0; b < resamples; b++) {
      const rng = uniformStream(deriveSeed(seed, b, SALT_BOOTSTRAP));
      const rows = Int32Array.from({ length: n }, () => Math.floor(rng.next() * n));
      const e = sobolEstimates(y, n, k, rows);
      e.s1.forEach((v, i) => boot.s1[i].push(v));
      e.st.forEach((v, i) => boot.st[i].push(v));
    }
    resolved.parameters.forEach((p, i) => {
      indices.push({
        output: target.name,
        time: target.time,
        parameter: p.name,
        s1: s1[i],
        s1Conf: resamples > 1 ? 1.96 * sd(boot.s1[i]) : NaN,
        st: st[i],
        stConf: resamples > 1 ? 1.96 * sd(boot.st[i]) : NaN,
      });
    });
  }
  return { setup: resolved, runs: jobs.length, baseSamples: n, indices };
}
