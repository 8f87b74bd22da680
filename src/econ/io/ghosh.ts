/**
 * The Ghosh supply-side model (Miller & Blair 2009 section 12.1): allocation coefficients
 * B = x̂⁻¹·Z, Ghosh inverse G = (I − B)⁻¹ = x̂⁻¹·L·x̂, and outputs x' = v'·G for primary inputs v.
 * Through the identity G = x̂⁻¹·L·x̂ it reuses the Leontief LU: (v'·G)_j = ((v/x)'·L)_j · x_j.
 */
import type { LeontiefModel } from './leontief.js';

export function allocationCoefficients(Z: number[][], x: number[]): number[][] {
  return Z.map((row, i) => row.map((z) => (x[i] === 0 ? 0 : z / x[i])));
}

/** Change in each sector's output when primary inputs change by dv (supply-driven). */
export function ghoshOutputFor(model: LeontiefModel, dv: number[]): number[] {
  const w = dv.map((v, i) => v / model.x[i]);
  return model.rowTimesInverse(w).map((v, j) => v * model.x[j]);
}

export function ghoshInverse(model: LeontiefModel): number[][] {
  const L = model.inverse();
  return L.map((row, i) => row.map((l, j) => (l * model.x[j]) / model.x[i]));
}
