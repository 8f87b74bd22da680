/**
 * GET TIME VALUE(relativeto, offset, measure), from Vensim's page
 * (https://www.vensim.com/documentation/fn_get_time_value.html): relativeto 0 takes the current
 * simulation time, 1 the initial simulation time, 2 the computer clock (offset ignored); measure 0
 * is the model's own time units (relativeto 0 and 1 only), 1-10 calendar and clock measures.
 * Computed here: measure 0 with relativeto 0 or 1, and the clock's year, quarter, month, day of
 * month, day of week, hour, minute and second (measures 1-5, 7-9 with relativeto 2). Refused:
 * calendar measures of simulation time (they follow the time labeling of Vensim's Model Settings,
 * which the model text does not give here), days since 1 BC and elapsed seconds (the page leaves
 * their origin open), codes outside the lists, and codes that change during the run.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import type { Ctx, ExpanderApi } from './context.js';
import type { SExpr } from './scalar-model.js';

export function checkGetTimeValue(x: ExpanderApi, resolved: SExpr[], args: Expr[], ctx: Ctx): void {
  const code = (i: number, what: string): number => {
    if (!x.isRunConstant(resolved[i]!)) {
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `${ctx.owner.name}: the ${what} of GET TIME VALUE must be a constant; one that changes during the run is not supported`,
          es: `${ctx.owner.name}: el argumento ${what} de GET TIME VALUE debe ser constante; no se admite uno que cambie durante la simulación`,
        },
        args[i]!.loc,
      );
    }
    return x.constantValue(resolved[i]!, args[i]!.loc, { en: `the ${what} of GET TIME VALUE`, es: `el argumento ${what} de GET TIME VALUE` });
  };
  const relativeTo = code(0, 'relativeto');
  const measure = code(2, 'measure');
  const fail = (c: 'E_ARGUMENT' | 'E_UNSUPPORTED', i: number, message: { en: string; es: string }): never => {
    const page = '(documentation/fn_get_time_value.html)';
    throw ModelError.at(c, { en: `${ctx.owner.name}: GET TIME VALUE ${message.en} ${page}`, es: `${ctx.owner.name}: GET TIME VALUE: ${message.es} ${page}` }, args[i]!.loc);
  };
  if (![0, 1, 2].includes(relativeTo)) fail('E_ARGUMENT', 0, { en: `relativeto must be 0 (simulation time), 1 (initial time) or 2 (computer clock); it is ${relativeTo}`, es: `relativeto debe ser 0 (tiempo de simulación), 1 (tiempo inicial) o 2 (reloj del computador); es ${relativeTo}` });
  if (!(Number.isInteger(measure) && measure >= 0 && measure <= 10)) fail('E_ARGUMENT', 2, { en: `measure must be a whole number from 0 to 10; it is ${measure}`, es: `measure debe ser un número entero de 0 a 10; es ${measure}` });
  if (measure === 0 && relativeTo === 2) fail('E_ARGUMENT', 2, { en: 'measure 0 (units of Time) is only for relativeto 0 and 1', es: 'measure 0 (unidades de Time) solo vale con relativeto 0 y 1' });
  if (measure !== 0 && relativeTo !== 2) {
    fail('E_UNSUPPORTED', 2, {
      en: `measure ${measure} of simulation time is not supported: it follows the time labeling of Vensim's Model Settings (Time Bounds), which the model text does not give here`,
      es: `measure ${measure} del tiempo de simulación no se admite: sigue el rotulado del tiempo de Model Settings de Vensim (Time Bounds), que el texto del modelo no da aquí`,
    });
  }
  if (measure === 6 || measure === 10) {
    const named = measure === 6 ? { en: 'days since Jan 1, 1 BC', es: 'días desde el 1 de enero del año 1 BC (antes de nuestra era)' } : { en: 'elapsed seconds modulo 500,000', es: 'segundos transcurridos módulo 500 000' };
    fail('E_UNSUPPORTED', 2, {
      en: `measure ${measure} (${named.en}) is not supported: the page does not fix its origin`,
      es: `measure ${measure} (${named.es}) no se admite: la página no fija su origen`,
    });
  }
}
