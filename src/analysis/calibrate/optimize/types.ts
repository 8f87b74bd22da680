/**
 * Optimizers work on the unit box [0, 1]^n: the caller maps each coordinate to its parameter's
 * bounds. Bounds are kept by projecting trial points onto the box.
 */

/** Returns the value to minimise; +Infinity when the point cannot be evaluated. */
export type Objective = (u: Float64Array) => number;

export interface StopRules {
  /** Most objective evaluations this optimizer may spend. */
  maxEvaluations: number;
  /** Relative change of the objective counted as converged. */
  ftol: number;
  /** Absolute change of the objective counted as converged (matters near a perfect fit). */
  ftolAbs: number;
  /** Spread of the points (in unit-box coordinates) counted as converged. */
  xtol: number;
}

export const DEFAULT_STOP: StopRules = { maxEvaluations: 2000, ftol: 1e-10, ftolAbs: 1e-14, xtol: 1e-7 };

export interface OptimizeResult {
  x: Float64Array;
  f: number;
  evaluations: number;
  /** Why it stopped: the tolerances were met, or the budget ran out. */
  stop: 'tolerance' | 'budget';
}

export function clampUnit<T extends Float64Array>(x: T): T {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    x[i] = v < 0 ? 0 : v > 1 ? 1 : Number.isNaN(v) ? 0.5 : v;
  }
  return x;
}

/** Counts evaluations and remembers the best point seen, so a budget stop still returns the best. */
export class CountedObjective {
  evaluations = 0;
  bestF = Infinity;
  bestX: Float64Array;
  constructor(
    private readonly f: Objective,
    n: number,
  ) {
    this.bestX = new Float64Array(n).fill(0.5);
  }
  eval(x: Float64Array): number {
    this.evaluations++;
    let v = this.f(x);
    if (Number.isNaN(v)) v = Infinity;
    if (v < this.bestF) {
      this.bestF = v;
      this.bestX = Float64Array.from(x);
    }
    return v;
  }
}
