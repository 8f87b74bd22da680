/**
 * Functions that Vensim's reference pages say must be the whole right-hand side: they "must
 * directly follow the equal sign" and cannot be part of a larger expression (`L = A + INTEG(R, 0)`
 * is the page's own invalid example). Each entry names the page that says so; a function whose
 * page does not (DELAY CONVEYOR, SMOOTH, DELAY1 …) may stand anywhere. XMILE's INIT may stand
 * anywhere (XMILE 1.0 puts no such rule on it): the XMILE reader does not call this, and the .mdl
 * writer gives an INIT or INITIAL inside an expression a variable of its own (initial-variables.ts).
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';

const STANDALONE: ReadonlyMap<string, string> = new Map([
  ['INTEG', 'fn_integ'],
  ['INITIAL', 'fn_initial'],
  ['SINTEG', 'fn_sinteg'],
  ['DELAY FIXED', 'fn_delay_fixed'],
  ['DELAY INFORMATION', 'fn_delay_information'],
  ['DELAY MATERIAL', 'fn_delay_material'],
  ['DELAY N', 'fn_delay_n'],
  ['ACTIVE INITIAL', 'fn_active_initial'],
  ['SAMPLE IF TRUE', 'fn_sample_if_true'],
  ['GET DIRECT CONSTANTS', 'fn_get_direct_constants'],
]);

/** Refuses, at the call, a standalone function written inside a larger right-hand side of `name`'s equation. */
export function checkStandalone(rhs: Expr, name: string): void {
  const visit = (e: Expr, whole: boolean): void => {
    switch (e.kind) {
      case 'call': {
        const page = STANDALONE.get(e.fn);
        if (page && !whole) {
          throw ModelError.at(
            'E_SYNTAX',
            {
              en: `${e.fn} must be the whole right-hand side of ${name}'s equation, not part of a larger expression (Vensim's page ${page}: it must directly follow the equal sign); give it a variable of its own and use that variable here`,
              es: `${e.fn} debe ser todo el lado derecho de la ecuación de ${name}, no parte de una expresión mayor (página ${page} de Vensim: debe seguir directamente al signo igual); dele una variable propia y use esa variable aquí`,
            },
            e.loc,
          );
        }
        for (const a of e.args) visit(a, false);
        return;
      }
      case 'unary':
        return visit(e.arg, false);
      case 'binary':
        visit(e.left, false);
        return visit(e.right, false);
      case 'apply':
        for (const a of e.args) visit(a, false);
        return;
      default:
        return; // names, numbers, lists and lookups hold no calls
    }
  };
  visit(rhs, true);
}
