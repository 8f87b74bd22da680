/**
 * Vensim's :NA: is not IEEE NaN but an ordinary finite number, −2^109 (= −6.490371073168535e32):
 * vensim.com/documentation/na.html gives that value, and its example tests for missing data with
 * `IF THEN ELSE(x = :NA:, …)`, an equality that only a finite number can satisfy. Every function
 * that returns "no value" (GET DATA BETWEEN TIMES over no points, a lookup inverse with no answer,
 * QUEUE AGE IN RANGE's open bound …) uses this one number, and Vensim's tables show it as blank.
 */
export const VENSIM_NA = -(2 ** 109);

/** True for exactly Vensim's :NA: (NA + 1 is still NA in doubles; NA × 2 is not). */
export function isVensimNA(v: number): boolean {
  return v === VENSIM_NA;
}
