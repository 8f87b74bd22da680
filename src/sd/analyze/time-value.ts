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
      throw ModelError.at('E_UNSUPPORTED', `${ctx.owner.name}: the ${what} of GET TIME VALUE must be a constant; one that changes during the run is not supported`, args[i]!.loc);
    }
    return x.constantValue(resolved[i]!, args[i]!.loc, `the ${what} of GET TIME VALUE`);
  };
  const relativeTo = code(0, 'relativeto');
  const measure = code(2, 'measure');
  const fail = (c: string, i: number, message: string): never => {
    throw ModelError.at(c, `${ctx.owner.name}: GET TIME VALUE ${message} (documentation/fn_get_time_value.html)`, args[i]!.loc);
  };
  if (![0, 1, 2].includes(relativeTo)) fail('E_ARGUMENT', 0, `relativeto must be 0 (simulation time), 1 (initial time) or 2 (computer clock); it is ${relativeTo}`);
  if (!(Number.isInteger(measure) && measure >= 0 && measure <= 10)) fail('E_ARGUMENT', 2, `measure must be a whole number from 0 to 10; it is ${measure}`);
  if (measure === 0 && relativeTo === 2) fail('E_ARGUMENT', 2, 'measure 0 (units of Time) is only for relativeto 0 and 1');
  if (measure !== 0 && relativeTo !== 2) {
    fail('E_UNSUPPORTED', 2, `measure ${measure} of simulation time is not supported: it follows the time labeling of Vensim's Model Settings (Time Bounds), which the model text does not give here`);
  }
  if (measure === 6 || measure === 10) {
    fail('E_UNSUPPORTED', 2, `measure ${measure} (${measure === 6 ? 'days since Jan 1, 1 BC' : 'elapsed seconds modulo 500,000'}) is not supported: the page does not fix its origin`);
  }
}
