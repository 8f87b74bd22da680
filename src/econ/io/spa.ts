/**
 * Structural path analysis (Defourny & Thorbecke 1984; Lenzen 2003): the total effect q'·L·f is
 * the sum over supply-chain paths of q_i·a(i,k_m)···a(k_1,j)·f_j, i.e. final demand for j, bought
 * by j from k_1, … , finally produced in i with intensity q_i. Paths are enumerated depth first;
 * a branch is cut when everything below it (q'L at its node times the flow reaching it) is smaller
 * than the threshold, so the listed paths are exactly the largest ones above the threshold.
 */
import type { LeontiefModel } from './leontief.js';

export interface StructuralPath {
  /** Sector indices from the final-demand sector to the sector where the effect occurs. */
  path: number[];
  names: string[];
  value: number;
  /** value / total effect. */
  share: number;
}

export interface SpaResult {
  total: number;
  paths: StructuralPath[];
  /** Share of the total covered by the listed paths. */
  coverage: number;
}

export interface SpaOptions {
  /** Longest path, in links (default 8). */
  maxDepth?: number;
  /** Paths (and branches) smaller than this share of the total are dropped (default 1e-4). */
  threshold?: number;
  /** How many paths to return, largest first (default 20). */
  top?: number;
  /** Stop after this many paths were visited (default 1e6), a guard for dense tables. */
  maxVisits?: number;
}

export function structuralPaths(model: LeontiefModel, intensity: number[], finalDemand: number[], options: SpaOptions = {}): SpaResult {
  const { maxDepth = 8, threshold = 1e-4, top = 20, maxVisits = 1e6 } = options;
  const n = model.n;
  const qL = model.rowTimesInverse(intensity);
  const total = finalDemand.reduce((a, f, j) => a + qL[j] * f, 0);
  const cut = Math.abs(total) * threshold;
  const found: { path: number[]; value: number }[] = [];
  let visits = 0;
  const walk = (path: number[], flow: number): void => {
    if (++visits > maxVisits) return;
    const node = path[path.length - 1];
    const value = intensity[node] * flow;
    if (Math.abs(value) >= cut && value !== 0) found.push({ path: [...path], value });
    if (path.length > maxDepth) return;
    for (let i = 0; i < n; i++) {
      const next = model.A[i][node] * flow;
      if (next === 0 || Math.abs(qL[i] * next) < cut) continue;
      path.push(i);
      walk(path, next);
      path.pop();
    }
  };
  for (let j = 0; j < n; j++) if (finalDemand[j] !== 0 && Math.abs(qL[j] * finalDemand[j]) >= cut) walk([j], finalDemand[j]);
  found.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const paths = found.slice(0, top).map((p) => ({
    path: p.path, names: p.path.map((i) => model.sectors[i]), value: p.value, share: total === 0 ? 0 : p.value / total,
  }));
  return { total, paths, coverage: paths.reduce((a, p) => a + p.share, 0) };
}
