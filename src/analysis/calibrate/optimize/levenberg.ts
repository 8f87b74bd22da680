/**
 * Levenberg–Marquardt for least-squares payoffs, by ml-levenberg-marquardt. The library fits a
 * curve y = f(x); we hand it the residual vector as the "curve" over point indices and zeros as
 * the data, so it minimises the sum of squared residuals. It runs in chunks of iterations so that
 * we can stop on a relative tolerance and on the evaluation budget, which it lacks.
 */
import { levenbergMarquardt as mlLevenbergMarquardt } from 'ml-levenberg-marquardt';
import { clampUnit, CountedObjective, type OptimizeResult, type StopRules } from './types.js';

/** Weighted residuals at a unit-box point, or null when the model cannot be evaluated there. */
export type Residuals = (u: Float64Array) => Float64Array | null;

export interface LevenbergOptions extends StopRules {
  /** Forward-difference step for the Jacobian, in unit-box coordinates. */
  gradientStep?: number;
}

const CHUNK = 10;

export function levenbergMarquardt(residuals: Residuals, x0: ArrayLike<number>, opts: LevenbergOptions): OptimizeResult {
  const n = x0.length;
  // Remember the last evaluation: the library computes the same point twice per iteration.
  let lastX: Float64Array | null = null;
  let lastR: Float64Array | null = null;
  const cached = (u: Float64Array): Float64Array | null => {
    if (lastX && lastX.every((v, i) => v === u[i])) return lastR;
    lastX = Float64Array.from(u);
    lastR = residuals(lastX);
    counter.eval(lastX);
    return lastR;
  };
  const ssq = (r: Float64Array | null): number => {
    if (!r) return Infinity;
    let s = 0;
    for (let i = 0; i < r.length; i++) s += r[i] * r[i];
    return s;
  };
  // The counter's objective is only called from `cached`, which has just computed the residuals.
  const counter = new CountedObjective(() => ssq(lastR), n);
  let x: Float64Array = clampUnit(Float64Array.from(x0));
  const r0 = cached(x);
  if (!r0) return { x, f: Infinity, evaluations: counter.evaluations, stop: 'tolerance' };
  const m = r0.length;
  const points = { x: Array.from({ length: m }, (_, i) => i), y: new Array<number>(m).fill(0) };
  const curve = (params: number[]) => {
    const r = cached(Float64Array.from(params));
    return (i: number): number => (r ? r[i] : NaN);
  };
  let fx = counter.bestF;
  let stop: 'tolerance' | 'budget' = 'budget';
  while (counter.evaluations < opts.maxEvaluations) {
    const perIteration = n + 2;
    const iterations = Math.max(1, Math.min(CHUNK, Math.floor((opts.maxEvaluations - counter.evaluations) / perIteration)));
    const fit = mlLevenbergMarquardt(points, curve, {
      initialValues: Array.from(x),
      minValues: new Array<number>(n).fill(0),
      maxValues: new Array<number>(n).fill(1),
      gradientDifference: opts.gradientStep ?? 1e-6,
      maxIterations: iterations,
      errorTolerance: 0,
      damping: 1e-2,
    });
    const next = clampUnit(Float64Array.from(fit.parameterValues));
    const fNext = ssq(cached(next));
    const improved = fx - fNext;
    if (fNext < fx) {
      x = next;
      fx = fNext;
    }
    if (!(improved > opts.ftolAbs + opts.ftol * Math.abs(fx))) {
      stop = 'tolerance';
      break;
    }
  }
  return { x: counter.bestX, f: counter.bestF, evaluations: counter.evaluations, stop };
}
