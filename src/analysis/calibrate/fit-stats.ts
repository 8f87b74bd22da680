/**
 * Summary statistics of historical fit, after Sterman (1984), "Appropriate summary statistics for
 * evaluating the historical fit of system dynamics models", Dynamica 10(2):51–66. With S the
 * simulated and A the actual series over n points, means S̄, Ā, standard deviations s_S, s_A
 * (divisor n) and correlation r:
 *   MSE = (S̄ - Ā)² + (s_S - s_A)² + 2 (1 - r) s_S s_A
 * and Theil's inequality statistics split it into bias U^M, unequal variation U^S and unequal
 * covariation U^C, which sum to 1. R² is r², as in Sterman's paper.
 */

export interface FitStatistics {
  n: number;
  /** Mean absolute percent error, in percent, over the points with A ≠ 0. */
  mape: number;
  rmse: number;
  mse: number;
  /** Square of the correlation between S and A (NaN when either is constant). */
  r2: number;
  /** Theil bias fraction (S̄ - Ā)² / MSE. */
  um: number;
  /** Theil variance fraction (s_S - s_A)² / MSE. */
  us: number;
  /** Theil covariance fraction 2 (1 - r) s_S s_A / MSE. */
  uc: number;
  meanSimulated: number;
  meanObserved: number;
  sdSimulated: number;
  sdObserved: number;
}

export function fitStatistics(simulated: ArrayLike<number>, observed: ArrayLike<number>): FitStatistics {
  const n = observed.length;
  let sumS = 0;
  let sumA = 0;
  let ape = 0;
  let apeN = 0;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const s = simulated[i];
    const a = observed[i];
    sumS += s;
    sumA += a;
    sse += (s - a) ** 2;
    if (a !== 0) {
      ape += Math.abs((s - a) / a);
      apeN++;
    }
  }
  const meanS = sumS / n;
  const meanA = sumA / n;
  let varS = 0;
  let varA = 0;
  let cov = 0;
  for (let i = 0; i < n; i++) {
    const ds = simulated[i] - meanS;
    const da = observed[i] - meanA;
    varS += ds * ds;
    varA += da * da;
    cov += ds * da;
  }
  const sdS = Math.sqrt(varS / n);
  const sdA = Math.sqrt(varA / n);
  const r = sdS > 0 && sdA > 0 ? cov / n / (sdS * sdA) : NaN;
  const mse = sse / n;
  const um = (meanS - meanA) ** 2 / mse;
  const us = (sdS - sdA) ** 2 / mse;
  // With a constant series r is undefined; U^C is then what the other two leave.
  const uc = Number.isNaN(r) ? 1 - um - us : (2 * (1 - r) * sdS * sdA) / mse;
  return {
    n,
    mape: apeN > 0 ? (100 * ape) / apeN : NaN,
    rmse: Math.sqrt(mse),
    mse,
    r2: r * r,
    um: mse > 0 ? um : NaN,
    us: mse > 0 ? us : NaN,
    uc: mse > 0 ? uc : NaN,
    meanSimulated: meanS,
    meanObserved: meanA,
    sdSimulated: sdS,
    sdObserved: sdA,
  };
}
