/**
 * Forward-mode automatic differentiation with sparse gradients, for the CGE Jacobian.
 * A value carries its derivative with respect to the solver's unknowns as sorted index/value
 * pairs; most model quantities depend on few unknowns, so sparse lists keep a Jacobian pass cheap.
 * With no unknown seeded (plain evaluation for the line search) every gradient is null and the
 * arithmetic costs what plain numbers cost.
 */
export class D {
  constructor(
    readonly v: number,
    readonly i: Int32Array | null = null,
    readonly g: Float64Array | null = null,
  ) {}
}

const EMPTY_I = new Int32Array(0);
const EMPTY_G = new Float64Array(0);

/** Scratch accumulator shared by the linear combinations (sized by `ensureScratch`). */
let acc = new Float64Array(16);
let mark = new Int32Array(16);
let stamp = 1;
let touched = new Int32Array(16);

export function ensureScratch(n: number): void {
  if (acc.length < n) {
    acc = new Float64Array(n);
    mark = new Int32Array(n);
    touched = new Int32Array(n);
    stamp = 1;
  }
}

export const c = (v: number): D => new D(v);

/** The k-th unknown with value v (gradient seeded when `seed`). */
export function variable(k: number, v: number, seed: boolean): D {
  return seed ? new D(v, Int32Array.of(k), Float64Array.of(1)) : new D(v);
}

/** Σ coef_k · x_k + constant: the one primitive that merges gradients. */
export function lin(coefs: ArrayLike<number>, xs: ArrayLike<D>, constant = 0): D {
  let v = constant;
  let nt = 0;
  let any = false;
  stamp++;
  if (stamp > 2_000_000_000) {
    mark.fill(0);
    stamp = 1;
  }
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k]!;
    const a = coefs[k]!;
    v += a * x.v;
    const xi = x.i;
    if (xi === null || a === 0) continue;
    any = true;
    const xg = x.g!;
    for (let q = 0; q < xi.length; q++) {
      const j = xi[q]!;
      if (mark[j] !== stamp) {
        mark[j] = stamp;
        acc[j] = 0;
        touched[nt++] = j;
      }
      acc[j] = acc[j]! + a * xg[q]!;
    }
  }
  if (!any) return new D(v);
  if (nt === 0) return new D(v, EMPTY_I, EMPTY_G);
  const idx = touched.slice(0, nt).sort();
  const g = new Float64Array(nt);
  for (let q = 0; q < nt; q++) g[q] = acc[idx[q]!]!;
  return new D(v, idx, g);
}

/** a·x (scale; gradient scaled, no merge). */
export function scale(a: number, x: D): D {
  if (x.i === null) return new D(a * x.v);
  const g = new Float64Array(x.g!.length);
  for (let q = 0; q < g.length; q++) g[q] = a * x.g![q]!;
  return new D(a * x.v, x.i, g);
}

/** f(x) with derivative d: chain rule for a unary function. */
function unary(x: D, v: number, d: number): D {
  if (x.i === null) return new D(v);
  const g = new Float64Array(x.g!.length);
  for (let q = 0; q < g.length; q++) g[q] = d * x.g![q]!;
  return new D(v, x.i, g);
}

export const add = (a: D, b: D): D => lin([1, 1], [a, b]);
export const sub = (a: D, b: D): D => lin([1, -1], [a, b]);
export const addc = (a: D, k: number): D => (a.i === null ? new D(a.v + k) : new D(a.v + k, a.i, a.g));
export function sum(xs: D[]): D {
  return lin(new Float64Array(xs.length).fill(1), xs);
}
export function mul(a: D, b: D): D {
  if (a.i === null) return scale(a.v, b);
  if (b.i === null) return scale(b.v, a);
  return lin([b.v, a.v], [a, b], -a.v * b.v);
}
export function div(a: D, b: D): D {
  if (b.i === null) return scale(1 / b.v, a);
  const q = a.v / b.v;
  // d(a/b) = da/b − q db/b
  const r = lin([1 / b.v, -q / b.v], [a, b]);
  return new D(q, r.i, r.g);
}
export function pow(x: D, e: number): D {
  if (e === 1) return x;
  if (e === 0) return new D(1);
  const v = Math.pow(x.v, e);
  return unary(x, v, e * Math.pow(x.v, e - 1));
}
export const exp = (x: D): D => {
  const v = Math.exp(x.v);
  return unary(x, v, v);
};
export const log = (x: D): D => unary(x, Math.log(x.v), 1 / x.v);
