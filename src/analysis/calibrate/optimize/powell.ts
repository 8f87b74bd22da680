/**
 * Powell's conjugate-direction method (Powell 1964, Computer Journal 7:155–162) with the usual
 * rule for discarding the direction of largest decrease, on the unit box: each line search runs
 * over the part of the line that lies inside the box, so bounds hold without penalties.
 */
import { brentMinimize } from './line-search.js';
import { clampUnit, CountedObjective, type Objective, type OptimizeResult, type StopRules } from './types.js';

/** The interval of t for which x + t d stays inside [0, 1]^n. */
function feasibleSegment(x: Float64Array, d: Float64Array): [number, number] {
  let lo = -Infinity;
  let hi = Infinity;
  for (let j = 0; j < x.length; j++) {
    if (d[j] === 0) continue;
    const a = (0 - x[j]) / d[j];
    const b = (1 - x[j]) / d[j];
    lo = Math.max(lo, Math.min(a, b));
    hi = Math.min(hi, Math.max(a, b));
  }
  return [Math.min(lo, 0), Math.max(hi, 0)];
}

export function powell(f: Objective, x0: ArrayLike<number>, opts: StopRules): OptimizeResult {
  const n = x0.length;
  const obj = new CountedObjective(f, n);
  let x: Float64Array = clampUnit(Float64Array.from(x0));
  let fx = obj.eval(x);
  const dirs: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Float64Array(n);
    d[i] = 1;
    dirs.push(d);
  }
  // Line searches start coarse and tighten with the steps: exact searches far from the optimum
  // (and along directions the payoff does not depend on) waste model runs.
  const finestTol = Math.max(opts.xtol * 0.1, 1e-12);
  let lineTol = Math.max(finestTol, 1e-3);
  const lineBudget = 60;
  const point = (base: Float64Array, d: Float64Array, t: number): Float64Array => {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++) p[j] = base[j] + t * d[j];
    return clampUnit(p);
  };
  const lineMin = (base: Float64Array, fBase: number, d: Float64Array): [Float64Array, number] => {
    const [lo, hi] = feasibleSegment(base, d);
    if (hi - lo <= 0) return [base, fBase];
    const evalAt = (t: number): number => (obj.evaluations >= opts.maxEvaluations ? Infinity : obj.eval(point(base, d, t)));
    let { t, f: ft } = brentMinimize(evalAt, lo, hi, 0, fBase, lineTol, lineBudget);
    // A minimum on a bound should end exactly on it, so that it is reported as such.
    for (const end of [lo, hi]) {
      if (t !== end && Math.abs(t - end) <= 4 * lineTol * (1 + Math.abs(end))) {
        const fe = evalAt(end);
        if (fe <= ft) [t, ft] = [end, fe];
      }
    }
    return ft < fBase ? [point(base, d, t), ft] : [base, fBase];
  };
  let restarted = false;
  while (true) {
    const xStart = x;
    const fStart = fx;
    let biggest = 0;
    let biggestIndex = 0;
    for (let i = 0; i < n; i++) {
      const before = fx;
      [x, fx] = lineMin(x, fx, dirs[i]);
      if (before - fx > biggest) {
        biggest = before - fx;
        biggestIndex = i;
      }
      if (obj.evaluations >= opts.maxEvaluations) return { x: obj.bestX, f: obj.bestF, evaluations: obj.evaluations, stop: 'budget' };
    }
    let step = 0;
    for (let j = 0; j < n; j++) step = Math.max(step, Math.abs(x[j] - xStart[j]));
    const decrease = fStart - fx;
    if (2 * decrease <= opts.ftol * (Math.abs(fStart) + Math.abs(fx)) + opts.ftolAbs || step <= opts.xtol) {
      // A stall may come from coarse line searches or from a degenerate direction set: tighten
      // the searches first, then restart from the coordinate directions once, before stopping.
      if (lineTol > finestTol) {
        lineTol = Math.max(finestTol, lineTol * 1e-3);
        continue;
      }
      if (!restarted) {
        restarted = true;
        dirs.forEach((d, i) => {
          d.fill(0);
          d[i] = 1;
        });
        continue;
      }
      return { x: obj.bestX, f: obj.bestF, evaluations: obj.evaluations, stop: 'tolerance' };
    }
    restarted = false;
    lineTol = Math.max(finestTol, Math.min(1e-3, 0.05 * step));
    const dNew = new Float64Array(n);
    for (let j = 0; j < n; j++) dNew[j] = x[j] - xStart[j];
    const xe = point(x, dNew, 1);
    const fe = obj.eval(xe);
    if (fe < fStart) {
      const t = 2 * (fStart - 2 * fx + fe) * (fStart - fx - biggest) ** 2 - biggest * (fStart - fe) ** 2;
      if (t < 0) {
        [x, fx] = lineMin(x, fx, dNew);
        dirs.splice(biggestIndex, 1);
        dirs.push(dNew);
      }
    }
  }
}
