/**
 * Nelder–Mead simplex search on the unit box, with trial points projected onto the box and the
 * dimension-adapted coefficients of Gao & Han (2012, Comput. Optim. Appl. 51:259–277), which keep
 * the method effective beyond a handful of parameters. A converged simplex is restarted once
 * around its best point, because projection can flatten a simplex against a bound.
 */
import { clampUnit, CountedObjective, type Objective, type OptimizeResult, type StopRules } from './types.js';

export interface NelderMeadOptions extends StopRules {
  /** Edge of the starting simplex, in unit-box coordinates. */
  initialStep?: number;
  /** Restarts allowed after convergence while they still improve the best value. */
  restarts?: number;
}

function simplexAround(x0: Float64Array, step: number): Float64Array[] {
  const n = x0.length;
  const pts: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] = x0[i] + step <= 1 ? x0[i] + step : x0[i] - step;
    pts.push(clampUnit(p));
  }
  return pts;
}

/** One Nelder–Mead descent from a simplex; returns when converged or out of budget. */
function descend(obj: CountedObjective, start: Float64Array[], opts: StopRules): 'tolerance' | 'budget' {
  const n = start[0].length;
  const alpha = 1;
  // For one parameter the adaptive values degenerate (delta = 0); use the classic ones there.
  const beta = n >= 2 ? 1 + 2 / n : 2;
  const gamma = n >= 2 ? 0.75 - 1 / (2 * n) : 0.5;
  const delta = n >= 2 ? 1 - 1 / n : 0.5;
  const pts: Float64Array[] = start.map((p) => Float64Array.from(p));
  const fs = pts.map((p) => obj.eval(p));
  const order = pts.map((_, i) => i);
  const centroid = new Float64Array(n);
  const along = (from: Float64Array, to: Float64Array, t: number): Float64Array => {
    const r = new Float64Array(n);
    for (let j = 0; j < n; j++) r[j] = from[j] + t * (to[j] - from[j]);
    return clampUnit(r);
  };
  while (true) {
    order.sort((a, b) => fs[a] - fs[b]);
    const best = order[0];
    const worst = order[n];
    const second = order[n - 1];
    let spread = 0;
    for (const i of order) for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(pts[i][j] - pts[best][j]));
    const fSpread = fs[worst] - fs[best];
    if (fSpread <= opts.ftolAbs + opts.ftol * Math.abs(fs[best]) && spread <= opts.xtol) return 'tolerance';
    if (spread <= opts.xtol * 1e-3) return 'tolerance';
    if (obj.evaluations >= opts.maxEvaluations) return 'budget';
    centroid.fill(0);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) centroid[j] += pts[order[k]][j] / n;
    // Reflection goes from the worst point through the centroid.
    const xr = along(centroid, pts[worst], -alpha);
    const fr = obj.eval(xr);
    if (fr < fs[best]) {
      const xe = along(centroid, xr, beta);
      const fe = obj.eval(xe);
      if (fe < fr) [pts[worst], fs[worst]] = [xe, fe];
      else [pts[worst], fs[worst]] = [xr, fr];
      continue;
    }
    if (fr < fs[second]) {
      [pts[worst], fs[worst]] = [xr, fr];
      continue;
    }
    const outside = fr < fs[worst];
    const xc = outside ? along(centroid, xr, gamma) : along(centroid, pts[worst], gamma);
    const fc = obj.eval(xc);
    if (outside ? fc <= fr : fc < fs[worst]) {
      [pts[worst], fs[worst]] = [xc, fc];
      continue;
    }
    for (let k = 1; k <= n; k++) {
      const i = order[k];
      pts[i] = along(pts[best], pts[i], delta);
      fs[i] = obj.eval(pts[i]);
      if (obj.evaluations >= opts.maxEvaluations) break;
    }
  }
}

export function nelderMead(f: Objective, x0: ArrayLike<number>, options: NelderMeadOptions): OptimizeResult {
  const n = x0.length;
  const obj = new CountedObjective(f, n);
  const start = clampUnit(Float64Array.from(x0));
  const step = options.initialStep ?? 0.1;
  let stop = descend(obj, simplexAround(start, step), options);
  const restarts = options.restarts ?? 2;
  for (let r = 0; r < restarts && stop === 'tolerance'; r++) {
    const before = obj.bestF;
    stop = descend(obj, simplexAround(obj.bestX, step / 4), options);
    if (before - obj.bestF <= options.ftolAbs + options.ftol * Math.abs(before)) break;
  }
  return { x: obj.bestX, f: obj.bestF, evaluations: obj.evaluations, stop };
}
