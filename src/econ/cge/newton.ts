/**
 * Newton's method with a backtracking line search on the square CGE system (MODEL.md). The
 * Jacobian comes from forward-mode automatic differentiation (dual.ts); the linear step uses the
 * LU decomposition of ml-matrix (a maintained library; no hand-written inverse).
 */
import { LuDecomposition, Matrix } from 'ml-matrix';
import type { D } from './dual.js';
import type { Equation } from './equations.js';

export interface NewtonOptions {
  tol?: number;
  maxIter?: number;
}
export interface NewtonResult {
  x: Float64Array;
  converged: boolean;
  iterations: number;
  maxResidual: number;
  /** The equations with the largest residuals at the end (for messages). */
  worst: { equation: Equation; residual: number }[];
}

const maxAbs = (r: D[]) => r.reduce((m, d) => Math.max(m, Math.abs(d.v)), 0);
const sumSq = (r: D[]) => r.reduce((s, d) => s + d.v * d.v, 0);

export function newton(
  f: (x: Float64Array, seed: boolean) => D[],
  x0: Float64Array,
  equations: Equation[],
  opts: NewtonOptions = {},
): NewtonResult {
  const tol = opts.tol ?? 1e-9;
  const maxIter = opts.maxIter ?? 60;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let r = f(x, false);
  let it = 0;
  while (maxAbs(r) > tol && it < maxIter) {
    it++;
    const rj = f(x, true);
    const J = Matrix.zeros(n, n);
    const b = new Matrix(n, 1);
    for (let k = 0; k < n; k++) {
      const d = rj[k]!;
      b.set(k, 0, -d.v);
      if (d.i) for (let q = 0; q < d.i.length; q++) J.set(k, d.i[q]!, d.g![q]!);
    }
    const lu = new LuDecomposition(J);
    if (lu.isSingular()) break;
    const dx = lu.solve(b).getColumn(0);
    if (!dx.every(Number.isFinite)) break;
    // Backtracking on ½‖F‖², keeping every unknown that starts positive from jumping below zero by damping.
    const f0 = sumSq(rj);
    let lambda = 1;
    for (let q = 0; q < n; q++) {
      if (x[q]! > 0 && x[q]! + dx[q]! <= 0) lambda = Math.min(lambda, (0.9 * x[q]!) / -dx[q]!);
    }
    let accepted = false;
    for (let ls = 0; ls < 30; ls++) {
      const xt = new Float64Array(n);
      for (let q = 0; q < n; q++) xt[q] = x[q]! + lambda * dx[q]!;
      const rt = f(xt, false);
      const ft = sumSq(rt);
      if (Number.isFinite(ft) && ft <= (1 - 1e-4 * lambda) * f0) {
        x = xt;
        r = rt;
        accepted = true;
        break;
      }
      lambda *= 0.5;
    }
    if (!accepted) break;
  }
  const maxResidual = maxAbs(r);
  const worst = r
    .map((d, k) => ({ equation: equations[k]!, residual: d.v }))
    .filter((w) => Number.isFinite(w.residual))
    .sort((a, b) => Math.abs(b.residual) - Math.abs(a.residual))
    .slice(0, 5);
  return { x, converged: maxResidual <= tol, iterations: it, maxResidual, worst };
}
