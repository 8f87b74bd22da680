/**
 * XMILE's SAFEDIV(a, b [, x]) on its way to .mdl. Vensim has no SAFEDIV; its XIDZ and ZIDZ count a
 * divisor below 1E-6 in magnitude as zero (fn_xidz, fn_zidz), where SAFEDIV gives x (default 0)
 * only when b is 0. So SAFEDIV is written as `IF THEN ELSE(b = 0, x, a / b)`, which computes the
 * same value for every b.
 */
import type { Equation, Expr, ModelIR } from '../ir/model.js';
import { mapExpr, someExpr } from '../ir/walk.js';

function asIfThenElse(e: Expr): Expr {
  if (e.kind !== 'call' || e.fn !== 'SAFEDIV') return e;
  const [a, b, x] = e.args;
  const loc = e.loc;
  const zero: Expr = { kind: 'num', value: 0, loc };
  return { kind: 'call', fn: 'IF THEN ELSE', args: [{ kind: 'binary', op: '=', left: b!, right: zero, loc }, x ?? zero, { kind: 'binary', op: '/', left: a!, right: b!, loc }], loc };
}

const usesSafeDiv = (eq: Equation): boolean => !!eq.expr && someExpr(eq.expr, (e) => e.kind === 'call' && e.fn === 'SAFEDIV');

const rewrite = (eq: Equation): Equation => (eq.expr && usesSafeDiv(eq) ? { ...eq, expr: mapExpr(eq.expr, asIfThenElse) } : eq);

/** The model with every SAFEDIV written as Vensim can read it. */
export function safeDivisionsAsIfThenElse(ir: ModelIR): ModelIR {
  if (!ir.equations.some(usesSafeDiv) && !ir.macros.some((m) => m.equations.some(usesSafeDiv))) return ir;
  return { ...ir, equations: ir.equations.map(rewrite), macros: ir.macros.map((m) => ({ ...m, equations: m.equations.map(rewrite) })) };
}
