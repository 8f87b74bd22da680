/**
 * An independent standard normal CDF and its inverse for tests of the Peru household model, so that the model's
 * lookup tables (Standard Normal CDF, Inverse Normal) are checked against something they were not built from.
 */

/** erf by its Maclaurin series: accurate to ~1e-9 for |x| <= 4.5 (cancellation grows beyond), the range used here. */
export function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
    if (Math.abs(term) < 1e-16) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** Standard normal CDF. */
export const phi = (x: number): number => 0.5 * (1 + erf(x / Math.SQRT2));

/** Inverse of phi by bisection on [-6, 6]. */
export function invPhi(p: number): number {
  let lo = -6;
  let hi = 6;
  for (let k = 0; k < 100; k++) {
    const m = (lo + hi) / 2;
    if (phi(m) < p) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}
