/**
 * Lookups over plain (x, y) point lists, for tables that are computed rather than declared
 * (VECTOR LOOKUP); pure, shared by the expander (which modes exist) and the runtime. Each
 * follows the Vensim function its mode names (fn_vector_lookup):
 * 0 LOOKUP, 1 LOOKUP AREA from the first x, 2 LOOKUP BACKWARD, 3 LOOKUP EXTRAPOLATE,
 * 4 LOOKUP FORWARD, 5 LOOKUP INVERT, 6 LOOKUP SLOPE, 7 area with extrapolation, 9 LOOKUP SLOPE
 * with extrapolation.
 */
import { VENSIM_NA } from '../ir/na.js';

/** The index i of the segment [xs[i], xs[i+1]] holding x (the last one at the right end). */
export function segment(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

function interpolate(xs: ArrayLike<number>, ys: ArrayLike<number>, i: number, x: number): number {
  const x0 = xs[i]!;
  const x1 = xs[i + 1]!;
  return x1 === x0 ? ys[i + 1]! : ys[i]! + ((ys[i + 1]! - ys[i]!) * (x - x0)) / (x1 - x0);
}

function slopeOf(xs: ArrayLike<number>, ys: ArrayLike<number>, i: number): number {
  const dx = xs[i + 1]! - xs[i]!;
  return dx === 0 ? 0 : (ys[i + 1]! - ys[i]!) / dx;
}

/** Modes this module computes (the others are refused where the model is read). */
export const TABLE_LOOKUP_MODES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 9]);

/**
 * The signed area under the table from its first x to x: the ordinary lookup (held flat past
 * the ends) or, with `extrapolate`, the end segments continued. Negative for x before the start.
 */
export function tableArea(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number, extrapolate: boolean): number {
  const n = xs.length;
  if (n === 0) return NaN;
  const x0 = xs[0]!;
  if (n === 1) return ys[0]! * (x - x0);
  // ∫ of a line through (a, ya) with slope s from a to b.
  const piece = (a: number, ya: number, s: number, b: number) => ya * (b - a) + (s * (b - a) * (b - a)) / 2;
  if (x <= x0) return piece(x0, ys[0]!, extrapolate ? slopeOf(xs, ys, 0) : 0, x);
  let area = 0;
  for (let i = 0; i < n - 1; i++) {
    const b = Math.min(x, xs[i + 1]!);
    area += piece(xs[i]!, ys[i]!, slopeOf(xs, ys, i), b);
    if (x <= xs[i + 1]!) return area;
  }
  return area + piece(xs[n - 1]!, ys[n - 1]!, extrapolate ? slopeOf(xs, ys, n - 2) : 0, x);
}

/**
 * Vensim's LOOKUP SLOPE (fn_lookup_slope): between points the segment's slope; at a point the
 * mean of the slopes before and after it (:NA: where two points share that x); outside the
 * table 0, the end segment's slope (`outside` 'extrapolate') or :NA: ('na').
 */
export function tableSlopeAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number, outside: 'zero' | 'extrapolate' | 'na'): number {
  const NA = VENSIM_NA;
  const n = xs.length;
  if (n === 0) return NaN;
  if (n === 1) return outside === 'na' && x !== xs[0] ? NA : 0;
  if (x < xs[0]! || x > xs[n - 1]!) return outside === 'zero' ? 0 : outside === 'na' ? NA : slopeOf(xs, ys, x < xs[0]! ? 0 : n - 2);
  const at = [];
  for (let i = 0; i < n; i++) if (xs[i] === x) at.push(i);
  if (at.length > 1) return NA;
  if (at.length === 0) return slopeOf(xs, ys, segment(xs, x));
  const i = at[0]!;
  // At an end point the one segment there: assumed, the page does not say (the slope beyond
  // is not part of the table).
  if (i === 0) return slopeOf(xs, ys, 0);
  if (i === n - 1) return slopeOf(xs, ys, n - 2);
  return (slopeOf(xs, ys, i - 1) + slopeOf(xs, ys, i)) / 2;
}

/**
 * Vensim's LOOKUP INVERT (fn_lookup_invert): the smallest x at which the table reaches y
 * (interpolated), and :NA: when y lies outside the table's y values.
 */
export function tableInvert(xs: ArrayLike<number>, ys: ArrayLike<number>, y: number): number {
  const n = xs.length;
  if (n === 0) return NaN;
  if (n === 1) return y === ys[0] ? xs[0]! : VENSIM_NA;
  for (let i = 0; i < n - 1; i++) {
    const y0 = ys[i]!;
    const y1 = ys[i + 1]!;
    if ((y >= y0 && y <= y1) || (y <= y0 && y >= y1)) return y1 === y0 ? xs[i]! : xs[i]! + ((xs[i + 1]! - xs[i]!) * (y - y0)) / (y1 - y0);
  }
  return VENSIM_NA;
}

export function tableLookup(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number, mode: number): number {
  const n = xs.length;
  if (n === 0) return NaN;
  if (n === 1) return mode === 6 || mode === 9 ? 0 : mode === 5 ? tableInvert(xs, ys, x) : ys[0]!;
  const first = xs[0]!;
  const last = xs[n - 1]!;
  switch (mode) {
    case 0:
      return x <= first ? ys[0]! : x >= last ? ys[n - 1]! : interpolate(xs, ys, segment(xs, x), x);
    case 3:
      return x < first ? interpolate(xs, ys, 0, x) : x > last ? interpolate(xs, ys, n - 2, x) : interpolate(xs, ys, segment(xs, x), x);
    case 2: {
      // The y of the last point at or before x.
      for (let i = n - 1; i >= 0; i--) if (xs[i]! <= x) return ys[i]!;
      return ys[0]!;
    }
    case 4: {
      // The y of the first point at or after x.
      for (let i = 0; i < n; i++) if (xs[i]! >= x) return ys[i]!;
      return ys[n - 1]!;
    }
    case 5:
      return tableInvert(xs, ys, x);
    case 6:
      // The slope of the (held-flat) table: 0 outside its x range.
      return x < first || x > last ? 0 : slopeOf(xs, ys, segment(xs, x));
    case 1:
    case 7:
      return tableArea(xs, ys, x, mode === 7);
    case 9:
      return x < first ? slopeOf(xs, ys, 0) : x > last ? slopeOf(xs, ys, n - 2) : slopeOf(xs, ys, segment(xs, x));
    default:
      return NaN;
  }
}
