/**
 * Functions the engine knows under one table for both formats (ir/builtins.ts) that only XMILE has.
 * Vensim's reference (its Summary List of Functions, documentation/22300.html, and the function
 * pages) has none of INIT, INT, SAFEDIV or a plain DELAY; it does have DERIVN (fn_derivn) and TIME
 * SHIFT (fn_time_shift), which stay. A .mdl that calls one of the four is refused at the call,
 * naming Vensim's nearest function:
 * - INIT → INITIAL (fn_initial), which must be the whole right-hand side;
 * - INT → INTEGER (fn_integer); XMILE's INT is floor, INTEGER truncates toward zero;
 * - SAFEDIV → XIDZ / ZIDZ (fn_xidz, fn_zidz), which count a divisor below 1E-6 in magnitude as zero;
 * - DELAY → DELAY FIXED (fn_delay_fixed), which must be the whole right-hand side and uses only the
 *   initial delay time.
 * No .mdl under models/, corpus/, the shared test and bench models calls any of them (checked when
 * they were added). The XMILE reader keeps them; the .mdl writer translates them (initial-variables.ts,
 * xmile-call-forms.ts).
 */
import { ModelError, type BilingualText } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { canonicalName } from '../ir/names.js';
import { mapExpr, someExpr } from '../ir/walk.js';

/** Why `fn` is refused in `name`'s equation, and what to write instead. */
const REFUSALS: ReadonlyMap<string, (name: string) => BilingualText> = new Map(Object.entries({
  INIT: (name) => ({
    en: `${name}'s equation calls INIT, which is XMILE's function, not Vensim's (Vensim's reference has no INIT); Vensim's is INITIAL (page fn_initial), which must be the whole right-hand side: write ${name} = INITIAL(…), or give INITIAL(…) a variable of its own and use that variable here`,
    es: `la ecuación de ${name} llama a INIT, que es una función de XMILE y no de Vensim (la referencia de Vensim no tiene INIT); la de Vensim es INITIAL (página fn_initial), que debe ser todo el lado derecho: escriba ${name} = INITIAL(…), o dé a INITIAL(…) una variable propia y use esa variable aquí`,
  }),
  INT: (name) => ({
    en: `${name}'s equation calls INT, which is XMILE's function, not Vensim's (Vensim's reference has no INT); Vensim's is INTEGER (page fn_integer), which truncates toward zero where XMILE's INT rounds down (INTEGER(-2.5) is -2, INT(-2.5) is -3)`,
    es: `la ecuación de ${name} llama a INT, que es una función de XMILE y no de Vensim (la referencia de Vensim no tiene INT); la de Vensim es INTEGER (página fn_integer), que trunca hacia cero donde INT de XMILE redondea hacia abajo (INTEGER(-2.5) es -2, INT(-2.5) es -3)`,
  }),
  SAFEDIV: (name) => ({
    en: `${name}'s equation calls SAFEDIV, which is XMILE's function, not Vensim's (Vensim's reference has no SAFEDIV); Vensim's are XIDZ(a, b, x) and ZIDZ(a, b) (pages fn_xidz, fn_zidz), which give x (or 0) when b is below 1E-6 in magnitude, not only when it is 0`,
    es: `la ecuación de ${name} llama a SAFEDIV, que es una función de XMILE y no de Vensim (la referencia de Vensim no tiene SAFEDIV); las de Vensim son XIDZ(a, b, x) y ZIDZ(a, b) (páginas fn_xidz, fn_zidz), que dan x (o 0) cuando b es menor que 1E-6 en magnitud, no solo cuando es 0`,
  }),
  DELAY: (name) => ({
    en: `${name}'s equation calls DELAY, which is XMILE's function, not Vensim's (Vensim's reference has no plain DELAY); Vensim's is DELAY FIXED(input, delay time, initial value) (page fn_delay_fixed), which must be the whole right-hand side and uses only the initial delay time`,
    es: `la ecuación de ${name} llama a DELAY, que es una función de XMILE y no de Vensim (la referencia de Vensim no tiene un DELAY sin más); la de Vensim es DELAY FIXED(entrada, tiempo de retardo, valor inicial) (página fn_delay_fixed), que debe ser todo el lado derecho y usa solo el tiempo de retardo inicial`,
  }),
}));

/**
 * `name`'s equation read from a .mdl, with each call to an XMILE-only function refused at the call,
 * unless the model declared a macro of that name before (a converted model may carry `:MACRO:
 * INT(x)`): that call is the macro's.
 */
export function checkNoXmileOnly(rhs: Expr, name: string, macros: ReadonlySet<string> = new Set()): Expr {
  // Most equations call none of them: look first, and copy the tree (mapExpr) only when one does
  // (copying every equation's tree made MEDEAS's parse about 10% slower).
  if (!someExpr(rhs, (e) => e.kind === 'call' && REFUSALS.has(e.fn))) return rhs;
  return mapExpr(rhs, (e) => {
    if (e.kind !== 'call') return e;
    const refusal = REFUSALS.get(e.fn);
    if (!refusal) return e;
    const macro = canonicalName(e.fn);
    if (macros.has(macro)) return { kind: 'apply', name: macro, display: e.fn, subs: [], args: e.args, loc: e.loc };
    throw ModelError.at('E_UNKNOWN_FUNCTION', refusal(name), e.loc);
  });
}
