/**
 * VECTOR and ALLOCATE functions, evaluated over a whole vector; each returns the element at
 * `index` (the position of the node being computed).
 */
import { tableLookup } from '../analyze/table-lookup.js';

export function vectorFunction(fn: string, vecs: number[][], s: number[], index: number): number {
  switch (fn) {
    case 'VECTOR SELECT': {
      // VECTOR SELECT(selection, values, missing value, numerical action, error action);
      // actions as in Vensim's reference: 0 weighted sum, 1 weighted product, 2/3 weighted
      // min/max, 4 weighted mean, 5 product of value^selection (the reference says selection^value,
      // but the suite case vector_select shows value^selection), 6–10 unweighted sum, product,
      // min, max, mean of the selected values.
      const [sel, vals] = vecs as [number[], number[]];
      const op = Math.round(s[1]!);
      const picked: number[] = [];
      const weights: number[] = [];
      for (let i = 0; i < sel.length; i++) {
        if (sel[i] === 0) continue;
        picked.push(vals[i]!);
        weights.push(sel[i]!);
      }
      if (picked.length === 0) return s[0]!;
      const w = picked.map((v, i) => v * weights[i]!);
      switch (op) {
        case 0: return w.reduce((a, b) => a + b, 0);
        case 1: return w.reduce((a, b) => a * b, 1);
        case 2: return Math.min(...w);
        case 3: return Math.max(...w);
        case 4: return w.reduce((a, b) => a + b, 0) / w.length;
        case 5: return picked.reduce((a, v, i) => a * Math.pow(v, weights[i]!), 1);
        case 6: return picked.reduce((a, b) => a + b, 0);
        case 7: return picked.reduce((a, b) => a * b, 1);
        case 8: return Math.min(...picked);
        case 9: return Math.max(...picked);
        case 10: return picked.reduce((a, b) => a + b, 0) / picked.length;
        default: return NaN;
      }
    }
    case 'VECTOR ELM MAP': {
      const v = vecs[0]!;
      const j = index + Math.round(s[0]!);
      return j >= 0 && j < v.length ? v[j]! : NaN;
    }
    case 'VECTOR SORT ORDER': {
      // Position `index` of the result holds the (0-based) index of the index-th element in sorted order.
      const order = sortOrder(vecs[0]!, s[0]!);
      return order[index]!;
    }
    case 'VECTOR RANK': {
      // The 1-based rank of each element in the requested order.
      const order = sortOrder(vecs[0]!, s[0]!);
      const rank = new Array<number>(order.length);
      order.forEach((orig, r) => (rank[orig] = r + 1));
      return rank[index]!;
    }
    case 'VECTOR REORDER': {
      const [v, order] = vecs as [number[], number[]];
      return v[Math.round(order[index]!)] ?? NaN;
    }
    case 'VECTOR LOOKUP': {
      // VECTOR LOOKUP(vec, x, xmin, xmax, mode): vec's values at evenly spaced x over
      // [xmin, xmax], looked up as the Vensim function `mode` names (table-lookup.ts).
      const v = vecs[0]!;
      const [x, xmin, xmax, mode] = s as [number, number, number, number];
      const xs = v.map((_, i) => (v.length === 1 ? xmin : xmin + ((xmax - xmin) * i) / (v.length - 1)));
      return tableLookup(xs, v, x, Math.round(mode));
    }
    case 'ALLOCATE BY PRIORITY':
      return allocateByPriority(vecs[0]!, vecs[1]!, s[1]!, s[2]!)[index]!;
    case 'INVERT MATRIX':
      return invert(vecs[0]!)[index]!;
    case 'ALLOCATE AVAILABLE':
      return allocateAvailable(vecs[0]!, vecs.slice(1), s[0]!)[index]!;
    default:
      throw new Error(`unknown vector function ${fn}`);
  }
}

function sortOrder(v: number[], direction: number): number[] {
  const idx = v.map((_, i) => i);
  // Direction 1 sorts ascending, 0 (or any other value) descending.
  idx.sort((a, b) => (direction > 0 ? v[a]! - v[b]! : v[b]! - v[a]!) || a - b);
  return idx;
}

/**
 * ALLOCATE BY PRIORITY(request, priority, size, width, supply): supply is shared so that every
 * requester gets min(request, share) where share follows its priority through a rectangular
 * profile of the given width; found by bisection on the common "priority level".
 */
function allocateByPriority(request: number[], priority: number[], width: number, supply: number): number[] {
  const total = request.reduce((a, b) => a + b, 0);
  if (supply >= total) return request.slice();
  if (supply <= 0) return request.map(() => 0);
  const w = width > 0 ? width : 1e-9;
  const alloc = (level: number) => request.map((r, i) => r * Math.min(1, Math.max(0, (priority[i]! - level) / w + 0.5)));
  let lo = Math.min(...priority) - w;
  let hi = Math.max(...priority) + w;
  for (let it = 0; it < 100; it++) {
    const mid = (lo + hi) / 2;
    const got = alloc(mid).reduce((a, b) => a + b, 0);
    if (got > supply) lo = mid;
    else hi = mid;
  }
  return alloc((lo + hi) / 2);
}

/**
 * ALLOCATE AVAILABLE(request, priority profile, available): profile rows are
 * [type, priority, width, extra]; type 0 fixed-quantity (all or nothing in order), 1 rectangular,
 * 2 triangular, 3 normal, 4 exponential, 5 constant elasticity. Shares follow each profile's
 * cumulative curve at a common level found by bisection.
 */
function allocateAvailable(request: number[], profile: number[][], available: number): number[] {
  const total = request.reduce((a, b) => a + b, 0);
  if (available >= total) return request.slice();
  if (available <= 0) return request.map(() => 0);
  const type = profile[0] ?? [];
  const prio = profile[1] ?? [];
  const width = profile[2] ?? [];
  const share = (i: number, level: number): number => {
    const w = Math.max(width[i] ?? 1, 1e-12);
    const z = (prio[i]! - level) / w;
    switch (Math.round(type[i] ?? 1)) {
      case 2: { // triangular: a triangle of full width `width` (support ±width/2), as rectangular
        const tz = 2 * z;
        if (tz <= -1) return 0;
        if (tz >= 1) return 1;
        return tz < 0 ? 0.5 * (1 + tz) * (1 + tz) : 1 - 0.5 * (1 - tz) * (1 - tz);
      }
      case 3: // normal with standard deviation `width`
        return 0.5 * erfc(-z / Math.SQRT2);
      case 4: // exponential (Laplace)
        return z < 0 ? 0.5 * Math.exp(z) : 1 - 0.5 * Math.exp(-z);
      default: // rectangular on [-1/2, 1/2]
        return Math.min(1, Math.max(0, z + 0.5));
    }
  };
  const alloc = (level: number) => request.map((r, i) => r * share(i, level));
  const spread = Math.max(...width.map((w) => Math.abs(w)), 1) * 10;
  let lo = Math.min(...prio) - spread;
  let hi = Math.max(...prio) + spread;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    const got = alloc(mid).reduce((a, b) => a + b, 0);
    if (got > available) lo = mid;
    else hi = mid;
  }
  return alloc((lo + hi) / 2);
}

/**
 * Complementary error function, fractional error below 1.2e-7 everywhere (the Chebyshev
 * fit in Press et al., Numerical Recipes, 2nd ed., §6.2), accurate in the tails where the
 * allocation curves are evaluated.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
/** Inverse of a row-major n×n matrix by Gauss–Jordan elimination with partial pivoting. */
function invert(m: number[]): number[] {
  const n = Math.round(Math.sqrt(m.length));
  const a = m.slice();
  const inv = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[piv * n + col]!)) piv = r;
    if (a[piv * n + col] === 0) return inv.map(() => NaN);
    for (let k = 0; k < n; k++) {
      [a[col * n + k], a[piv * n + k]] = [a[piv * n + k]!, a[col * n + k]!];
      [inv[col * n + k], inv[piv * n + k]] = [inv[piv * n + k]!, inv[col * n + k]!];
    }
    const p = a[col * n + col]!;
    for (let k = 0; k < n; k++) {
      a[col * n + k]! /= p;
      inv[col * n + k]! /= p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r * n + col]!;
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        a[r * n + k]! -= f * a[col * n + k]!;
        inv[r * n + k]! -= f * inv[col * n + k]!;
      }
    }
  }
  return inv;
}
