/**
 * Vensim's LOOKUP FORWARD(table, x) as an XMILE discrete graphical function (XMILE 1.0 §3.1.4).
 *
 * The engine (runtime-lib.ts `lookup_forward`) gives the y of the first point, in the table's order,
 * whose x is ≥ the input, and the last point's y when there is none (past the last point, or an input
 * that is NaN). A discrete function is read as LOOKUP BACKWARD (variables.ts), which the engine runs
 * as `lookup_backward`: the y of the last point whose x is ≤ the input, else the first point's y.
 * Over the mirrored table (−xₙ₋₁ … −x₀ with yₙ₋₁ … y₀) at −x, the last j with −xₙ₋₁₋ⱼ ≤ −x is the
 * smallest i = n − 1 − j with xᵢ ≥ x (negation is exact and turns ≥ into ≤, infinities and ±0
 * included; NaN compares false both ways), and the fallback, the mirrored first y, is yₙ₋₁. So
 * `copy(−x)` gives the same double for every input, whatever the order of the points. Refused (left
 * undefined): an empty table, and points that are not finite numbers (XMILE's point lists hold numbers).
 */
import type { Equation, LookupTable } from '../ir/model.js';

/** The table LOOKUP FORWARD reads mirrored for a discrete graphical function of −x, or undefined. */
export function forwardAsDiscrete(t: LookupTable): LookupTable | undefined {
  const x = Array.from(t.x);
  const y = Array.from(t.y);
  if (x.length === 0 || x.length !== y.length || ![...x, ...y].every(Number.isFinite)) return undefined;
  return { x: x.map((v) => -v).reverse(), y: y.reverse(), loc: t.loc };
}

/** The points of a variable that is one scalar lookup written in the model, or undefined. */
export function scalarLookupTable(eqs: readonly Equation[] | undefined): LookupTable | undefined {
  const q = eqs?.length === 1 ? eqs[0] : undefined;
  return q?.kind === 'lookup' && q.lhs.subs.length === 0 ? q.lookup : undefined;
}
