/**
 * Vensim's one ordering rule: "The macro definition must occur before the macro is referenced ...
 * If you do not define a macro before you use it, you will receive a syntax error message"
 * (vensim.com/documentation/macros.html). The reader notes each `name(...)` call whose name is not
 * yet a declared macro; once the whole file is read, those that name a macro declared later are
 * uses before the definition, each reported at the call.
 */
import { ModelError, type Diagnostic } from '../ir/diagnostics.js';
import type { Expr, MacroDecl } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';

type Apply = Extract<Expr, { kind: 'apply' }>;

/** Throws E_MACRO at every call in `early` (calls read before their name was a declared macro) that names a macro of `macros`. */
export function checkMacrosDefinedBeforeUse(early: readonly Apply[], macros: readonly MacroDecl[]): void {
  if (early.length === 0 || macros.length === 0) return;
  const byName = new Map(macros.map((m) => [m.name, m]));
  const out: Diagnostic[] = [];
  for (const call of early) {
    const m = byName.get(call.name);
    if (!m) continue;
    const where = m.loc.line;
    out.push(
      ...ModelError.at(
        'E_MACRO',
        {
          en: `macro ${call.display} is used before its definition (:MACRO: at line ${where}); Vensim requires the macro definition to come before any use (macros.html), so move the :MACRO: block above this line`,
          es: `la macro ${call.display} se usa antes de su definición (:MACRO: en la línea ${where}); Vensim exige que la definición de la macro esté antes de cualquier uso (macros.html), así que mueva el bloque :MACRO: antes de esta línea`,
        },
        call.loc,
      ).diagnostics,
    );
  }
  if (out.length) throw new ModelError(out);
}

/**
 * The macros in an order a .mdl file can list them: each after the macros its equations call
 * (a model read from XMILE, which has no such rule, may list them otherwise). Macros in a ring
 * cannot all come first; the reader then reports the ring's use above its definition.
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
