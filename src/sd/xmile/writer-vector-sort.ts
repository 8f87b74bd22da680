/**
 * Vensim's VECTOR SORT ORDER written with XMILE 1.0's RANK (§3.7.1.3), computing what the engine
 * computes.
 *
 * The engine (analyze/array-functions.ts, run/vector-functions.ts sortOrder) takes the vector along
 * one range (the first marked `!`, else the last range named), sorts its 0-based positions with the
 * comparator v[a] − v[b] (ascending, direction > 0) or v[b] − v[a] (descending), ties by position,
 * and gives the element at this element's place on that range. XMILE's RANK(array, n) as the engine
 * reads it (run/xmile-rank.ts) sorts the positions with v[a] − v[b], ties by position, and gives the
 * 1-based position of rank n: the same sort of the same array, so RANK(v[*], n) − 1 is the
 * ascending order's n-th. Descending: (−v[a]) − (−v[b]) is v[b] − v[a] exactly (negation is exact
 * and IEEE subtraction is symmetric under it), so RANK(−v[*], n) − 1. Where the vector holds NaN
 * the engine's sort still gives an order and RANK stops the run with a located error (an ascending
 * order of NaN is undefined): the same numbers wherever both runs give numbers.
 *
 * VECTOR RANK gives the 1-based rank of this element in the same sort (the inverse of the order):
 * the k whose RANK(v[*], k) is this element's place, found over the size ranks (vectorRankForm).
 */
import type { Expr } from '../ir/model.js';
import { mapExpr, visitExpr } from '../ir/walk.js';
import { XMILE_RANK } from '../ir/builtins.js';
import { bin, call, neg, num } from './ir-build.js';

/** The range the engine sorts along, and the argument with every mention of it iterated (`!`). */
export function sortAxis(arg: Expr, isDim: (name: string) => boolean): { axis: string; array: Expr } | undefined {
  const bangs: string[] = [];
  const named: string[] = [];
  visitExpr(arg, (x) => {
    if (x.kind !== 'ref' && x.kind !== 'apply') return;
    for (const s of x.subs) {
      if (s.bang && !bangs.includes(s.name)) bangs.push(s.name);
      if (isDim(s.name) && !named.includes(s.name)) named.push(s.name);
    }
  });
  const axis = bangs[0] ?? named[named.length - 1];
  if (axis === undefined) return undefined;
  const array = mapExpr(arg, (x) => ((x.kind === 'ref' || x.kind === 'apply') && x.subs.some((s) => s.name === axis) ? { ...x, subs: x.subs.map((s) => (s.name === axis ? { ...s, bang: true } : s)) } : x));
  return { axis, array };
}

/** Ascending or descending by the direction (a number written, or a choice in the run). */
function byDirection(direction: Expr, form: (array: Expr) => Expr, array: Expr): Expr {
  const loc = direction.loc;
  const d = direction.kind === 'num' ? direction.value : direction.kind === 'unary' && direction.op === '-' && direction.arg.kind === 'num' ? -direction.arg.value : undefined;
  if (d !== undefined) return d > 0 ? form(array) : form(neg(array));
  return call('IF THEN ELSE', [bin('>', direction, num(0, loc), loc), form(array), form(neg(array))], loc);
}

/** VECTOR SORT ORDER at 1-based place `n` on its axis as RANK(…) − 1, by the direction. */
export function sortOrderForm(array: Expr, n: Expr, direction: Expr): Expr {
  const loc = direction.loc;
  return byDirection(direction, (a) => bin('-', call(XMILE_RANK, [a, n], loc), num(1, loc), loc), array);
}

/**
 * VECTOR RANK at 1-based place `n` (the engine: 1 + the index of n − 1 in the same sort) as the
 * rank k whose RANK(…, k) is n: 0 + Σₖ (IF RANK(v[*], k) = n THEN k ELSE 0), one term not 0 (exact).
 */
export function vectorRankForm(array: Expr, n: Expr, direction: Expr, size: number): Expr {
  const loc = direction.loc;
  const form = (a: Expr) => Array.from({ length: size }, (_, i) => i + 1).reduce<Expr>((acc, k) => bin('+', acc, call('IF THEN ELSE', [bin('=', call(XMILE_RANK, [a, num(k, loc)], loc), n, loc), num(k, loc), num(0, loc)], loc), loc), num(0, loc));
  return byDirection(direction, form, array);
}
