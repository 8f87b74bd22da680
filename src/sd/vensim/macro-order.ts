/**
 * Vensim's one ordering rule: "The macro definition must occur before the macro is referenced ...
 * If you do not define a macro before you use it, you will receive a syntax error message"
 * (vensim.com/documentation/macros.html). The engine still runs such a model, with a located warning
 * at each use: reading the macro from further down gives the same numbers (a macro has no order
 * of its own), the shared conformance suite has a case with Vensim output that defines its macro
 * after the use (macro_trailing_definition), and refusing would turn a model Vensim may run into
 * an error. The reader notes each `name(...)` call whose name is not yet a declared macro; once the
 * whole file is read, those that name a macro declared later are uses before the definition.
 */
import { warningAt, type Diagnostic } from '../ir/diagnostics.js';
import type { Expr, MacroDecl } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';

type Apply = Extract<Expr, { kind: 'apply' }>;

/** A W_MACRO_ORDER warning at every call in `early` (calls read before their name was a declared macro) that names a macro of `macros`. */
export function macroUsesBeforeDefinition(early: readonly Apply[], macros: readonly MacroDecl[]): Diagnostic[] {
  if (early.length === 0 || macros.length === 0) return [];
  const byName = new Map(macros.map((m) => [m.name, m]));
  const out: Diagnostic[] = [];
  for (const call of early) {
    const m = byName.get(call.name);
    if (!m) continue;
    const where = m.loc.line;
    out.push(
      warningAt(
        'W_MACRO_ORDER',
        {
          en: `macro ${call.display} is used before its definition (:MACRO: at line ${where}); Vensim's reference requires the definition to come first (macros.html) and may report a syntax error, so move the :MACRO: block above this line; the engine runs it as if it did`,
          es: `la macro ${call.display} se usa antes de su definición (:MACRO: en la línea ${where}); la referencia de Vensim exige que la definición esté antes (macros.html) y puede dar un error de sintaxis, así que mueva el bloque :MACRO: antes de esta línea; el motor lo ejecuta como si lo estuviera`,
        },
        call.loc,
      ),
    );
  }
  return out;
}

/**
 * The macros in an order a .mdl file can list them: each after the macros its equations call
 * (a model read from XMILE, which has no such rule, may list them otherwise). Macros in a ring
 * cannot all come first; compiling names the ring.
 */
export function macrosInDefinitionOrder(macros: readonly MacroDecl[]): MacroDecl[] {
  const byName = new Map(macros.map((m) => [m.name, m]));
  const out: MacroDecl[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const place = (m: MacroDecl): void => {
    if (state.has(m.name)) return;
    state.set(m.name, 'open');
    for (const eq of m.equations) {
      if (!eq.expr) continue;
      visitExpr(eq.expr, (x) => {
        const callee = x.kind === 'apply' ? byName.get(x.name) : undefined;
        if (callee && callee !== m) place(callee);
      });
    }
    state.set(m.name, 'done');
    out.push(m);
  };
  for (const m of macros) place(m);
  return out;
}
