/**
 * XMILE's INT on its way to .mdl. XMILE 1.0 §3.5.1 INT is the floor; Vensim's INTEGER truncates
 * toward zero (vensim.com/documentation/fn_integer.html: "Truncates X to the integer nearest zero";
 * QUANTUM(X, 1) is the same), and we found no Vensim function that is the floor of x with x written
 * once. With x written twice it is
 *   INTEGER(x) - IF THEN ELSE(x < INTEGER(x), 1, 0)
 * for every x: a whole x, or x ≥ 0, is its own truncation's floor and x < INTEGER(x) is false; a
 * negative x with a fraction truncates one above its floor and x < INTEGER(x) is true (the 1 taken
 * from a whole number below 2^52 in magnitude is exact); NaN and ±∞ pass through INTEGER unchanged.
 * That is the body of the reader's `#int` macro (xmile/internal-macros.ts), which is written in
 * place of the call, so the value is the macro's; only where x is repeatable (ir/repeatable.ts),
 * since x is computed twice. Elsewhere (x with state or randomness) the macro stays: its parameter
 * computes x once.
 */
import type { Equation, Expr, ModelIR } from '../ir/model.js';
import { repeatable } from '../ir/repeatable.js';
import { mapExpr, someExpr } from '../ir/walk.js';

const INTERNAL_INT = '#int';

const isInt = (e: Expr): e is Extract<Expr, { kind: 'apply' }> => e.kind === 'apply' && e.name === INTERNAL_INT && e.args.length === 1 && !e.subs.length;
const usesInt = (eq: Equation): boolean => !!eq.expr && someExpr(eq.expr, isInt);

/** The model with each INT of a repeatable argument written with INTEGER; the `#int` macro kept only if still called. */
export function intAsExpression(ir: ModelIR): ModelIR {
  const own = ir.macros.find((m) => m.name === INTERNAL_INT);
  if (!own) return ir;
  const macros = new Map(ir.macros.map((m) => [m.name, m]));
  // The macro's own body with its parameter replaced by the argument, placed at the call.
  const body = own.equations.find((q) => q.lhs.name === own.name)?.expr;
  const param = own.params[0];
  const floor = (e: Expr): Expr => {
    if (!body || !isInt(e) || !repeatable(e.args[0]!, macros)) return e;
    const x = e.args[0]!;
    return mapExpr(body, (y) => (y.kind === 'ref' && y.name === param ? x : { ...y, loc: e.loc }));
  };
  const rewrite = (q: Equation): Equation => (usesInt(q) ? { ...q, expr: mapExpr(q.expr!, floor) } : q);
  const equations = ir.equations.map(rewrite);
  const others = ir.macros.filter((m) => m !== own).map((m) => ({ ...m, equations: m.equations.map(rewrite) }));
  const stillCalled = equations.some(usesInt) || others.some((m) => m.equations.some(usesInt));
  return { ...ir, equations, macros: ir.macros.flatMap((m) => (m === own ? (stillCalled ? [m] : []) : [others.find((o) => o.name === m.name)!])) };
}
