/**
 * Functions the engine knows under one table for both formats (ir/builtins.ts) that only XMILE has.
 * INIT is XMILE's value-at-the-start; Vensim's reference has no INIT (neither its Summary List of
 * Functions, documentation/22300.html, nor a page of its own): its function is INITIAL (fn_initial),
 * which must be the whole right-hand side. A .mdl that calls INIT is refused at the call, pointing
 * to INITIAL; the XMILE reader keeps INIT, and the .mdl writer writes it as INITIAL
 * (initial-variables.ts).
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';

/** Refuses, at the call, an XMILE-only function in `name`'s equation read from a .mdl. */
export function checkNoXmileOnly(rhs: Expr, name: string): void {
  visitExpr(rhs, (e) => {
    if (e.kind !== 'call' || e.fn !== 'INIT') return;
    throw ModelError.at(
      'E_UNKNOWN_FUNCTION',
      {
        en: `${name}'s equation calls INIT, which is XMILE's function, not Vensim's (Vensim's reference has no INIT); Vensim's is INITIAL (page fn_initial), which must be the whole right-hand side: write ${name} = INITIAL(…), or give INITIAL(…) a variable of its own and use that variable here`,
        es: `la ecuación de ${name} llama a INIT, que es una función de XMILE y no de Vensim (la referencia de Vensim no tiene INIT); la de Vensim es INITIAL (página fn_initial), que debe ser todo el lado derecho: escriba ${name} = INITIAL(…), o dé a INITIAL(…) una variable propia y use esa variable aquí`,
      },
      e.loc,
    );
  });
}
