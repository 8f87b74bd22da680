/**
 * Brent's derivative-free minimisation on an interval (golden-section steps with parabolic
 * interpolation; Brent 1973, "Algorithms for Minimization without Derivatives", ch. 5), written
 * from the published description. It may start from a known point, here the current iterate.
 */

export interface LineMinimum {
  t: number;
  f: number;
}

const GOLD = 0.3819660112501051; // (3 - sqrt 5) / 2

/**
 * Minimises `f` over [a, b] starting at `x0` whose value `f0` is known.
 * Stops when the bracket is within `tol` of the best point or after `maxEvals` evaluations.
 */
export function brentMinimize(
  f: (t: number) => number,
  a: number,
  b: number,
  x0: number,
  f0: number,
  tol: number,
  maxEvals: number,
): LineMinimum {
  let x = x0;
  let w = x0;
  let v = x0;
  let fx = f0;
  let fw = f0;
  let fv = f0;
  let d = 0;
  let e = 0;
  let evals = 0;
  if (!(x > a && x < b)) {
    // Start on an end of the interval: take the first golden point instead.
    const g = x <= a ? a + GOLD * (b - a) : b - GOLD * (b - a);
    const fg = f(g);
    evals++;
    if (fg < fx) {
      v = w = x;
      fv = fw = fx;
      x = g;
      fx = fg;
    } else {
      v = w = g;
      fv = fw = fg;
    }
  }
  while (evals < maxEvals) {
    const m = 0.5 * (a + b);
    const tol1 = tol + 1.5e-8 * Math.abs(x);
    const tol2 = 2 * tol1;
    if (Math.abs(x - m) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      // Try a parabola through x, w, v.
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      const eOld = e;
      if (Math.abs(p) < Math.abs(0.5 * q * eOld) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < m ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x < m ? b - x : a - x;
      d = GOLD * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = f(u);
    evals++;
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { t: x, f: fx };
}
