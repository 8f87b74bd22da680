/**
 * Macros named as an XMILE built-in function. Converted Vensim models carry such macros
 * (`:MACRO: INT(IN)  INT = INTEGER(IN)`, `LOG10`) whether or not any equation calls them. In
 * XMILE a macro's name is a function name (XMILE 1.0 §3.6), and a reader that lets the macro take
 * the name over reads the built-in calls of its body (`INT(…)`, the XMILE form of INTEGER) as
 * calls of the macro itself. A macro no equation calls is left out: it changes no value. One that
 * is called is refused at its definition, since its calls and the built-in's cannot be told apart.
 */
import type { BilingualText, SourceLocation } from '../ir/diagnostics.js';
import type { Expr, ModelIR } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';
import { builtinSpec, functionKey, ZERO_ARGUMENT } from './functions.js';

export type MacroNameProblem = { text: BilingualText; loc: SourceLocation };

const isBuiltinName = (name: string): boolean => {
  const key = functionKey(name);
  return builtinSpec(key) !== undefined || ZERO_ARGUMENT.has(key);
};

/** The macros to leave out of the XMILE text, or the problem with one that is called. */
export function builtinNamedMacros(ir: ModelIR): Set<string> | MacroNameProblem {
  const named = ir.macros.filter((m) => isBuiltinName(m.name));
  if (named.length === 0) return new Set();
  const called = new Set<string>();
  const look = (e: Expr | undefined) => e && visitExpr(e, (x) => x.kind === 'apply' && called.add(x.name));
  for (const eq of ir.equations) look(eq.expr);
  // A call from another macro's body counts; the macro's own body names the built-in.
  for (const m of ir.macros) for (const eq of m.equations) if (!named.includes(m)) look(eq.expr);
  const used = named.find((m) => called.has(m.name));
  if (used) {
    const n = used.name.toUpperCase();
    return {
      text: { en: `macro ${n} has the name of an XMILE built-in function, and the model calls it (an XMILE reader would take its calls, or the built-in's, for the other): rename the macro`, es: `la macro ${n} tiene el nombre de una función predefinida de XMILE y el modelo la llama (un lector XMILE confundiría sus llamadas con las de la función): cambie el nombre de la macro` },
      loc: used.loc,
    };
  }
  return new Set(named.map((m) => m.name));
}
