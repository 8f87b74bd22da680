/**
 * When an expression may be written more than once in place of once. The writers write an offset or
 * a computed subscript several times (a range check, then each subscript: vensim/computed-subscripts.ts,
 * xmile/writer-vector-elm-map.ts); that keeps the value only if every copy computes the same number
 * at the same point of the run. That holds for a function of its arguments' values alone, and fails
 * for a function with state of its own (each copy would be another stock or memory, started and
 * stepped on its own) and for a random draw (each copy draws again).
 *
 * The rule: every call is a known built-in (ir/builtins.ts) that is neither stateful nor random; a
 * lookup is a function of its input; a macro is repeatable when all its equations are (a stock in it
 * is an INTEG, which is stateful) and the call defines no extra outputs (a second copy would define
 * them twice). A call of a name the engine does not know as a built-in (an XMILE conveyor, say) is
 * not taken as repeatable.
 */
import { BUILTINS } from './builtins.js';
import type { Expr, MacroDecl } from './model.js';
import { someExpr } from './walk.js';

export function repeatable(e: Expr, macros: ReadonlyMap<string, MacroDecl>): boolean {
  return repeatableIn(e, macros, new Set());
}

function repeatableIn(e: Expr, macros: ReadonlyMap<string, MacroDecl>, seen: Set<string>): boolean {
  return !someExpr(e, (x) => {
    if (x.kind === 'call') {
      const info = BUILTINS.get(x.fn);
      return !info || !!info.stateful || !!info.random;
    }
    if (x.kind !== 'apply') return false;
    if (x.outputs?.length) return true;
    const m = macros.get(x.name);
    // A macro already being checked: its equations are judged where it was first met.
    if (!m || seen.has(m.name)) return false;
    seen.add(m.name);
    return !m.equations.every((q) => !q.expr || repeatableIn(q.expr, macros, seen));
  });
}
