/**
 * CES and CET blocks in calibrated share form (MODEL.md, notation section): price indices are 1 at
 * base prices, so base prices need not be 1, and σ = 1 (Cobb–Douglas), σ = 0 (Leontief) are exact.
 */
import { D, div, exp, lin, log, mul, pow, scale } from './dual.js';

/** CES unit-cost index Σβ(p/p0)^(1−σ))^(1/(1−σ)); σ = 1 gives Π (p/p0)^β. */
export function cesIndex(p: D[], p0: number[], beta: number[], sigma: number): D {
  const terms: D[] = [];
  const coefs: number[] = [];
  if (Math.abs(sigma - 1) < 1e-12) {
    for (let k = 0; k < p.length; k++) {
      if (beta[k] === 0) continue;
      terms.push(log(scale(1 / p0[k]!, p[k]!)));
      coefs.push(beta[k]!);
    }
    return exp(lin(coefs, terms));
  }
  for (let k = 0; k < p.length; k++) {
    if (beta[k] === 0) continue;
    terms.push(pow(scale(1 / p0[k]!, p[k]!), 1 - sigma));
    coefs.push(beta[k]!);
  }
  return pow(lin(coefs, terms), 1 / (1 - sigma));
}

/** CET unit-revenue index: a CES index with elasticity −Ω (transformation, Ω ≥ 0). */
export function cetIndex(p: D[], p0: number[], gamma: number[], omega: number): D {
  return cesIndex(p, p0, gamma, -omega);
}

/**
 * Conditional demand (Shephard) for input k of a CES aggregate of level Q:
 * q_k = q0_k · (Q/Q0) · (index / (p_k/p0_k))^σ. For a CET supply use σ = −Ω.
 */
export function cesDemand(q0: number, levelRel: D, index: D, pk: D, p0k: number, sigma: number): D {
  if (sigma === 0) return scale(q0, levelRel);
  const rel = div(index, scale(1 / p0k, pk));
  return scale(q0, mul(levelRel, pow(rel, sigma)));
}
