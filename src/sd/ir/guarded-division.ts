/**
 * Vensim's XIDZ and ZIDZ (fn_xidz, fn_zidz): A/B, except that a divisor smaller than 1E-6 in
 * magnitude counts as zero and gives X (0 for ZIDZ). The pages say so: "Same as
 * IF THEN ELSE(ABS(B) < 1E-6, X, A/B)".
 */
export const ZERO_DIVISOR_BELOW = 1e-6;

export const xidz = (a: number, b: number, x: number): number => (Math.abs(b) < ZERO_DIVISOR_BELOW ? x : a / b);

export const zidz = (a: number, b: number): number => xidz(a, b, 0);
