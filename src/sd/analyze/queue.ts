/**
 * Vensim's QUEUE FIFO and QUEUE AGE IN RANGE, for the part their reference pages settle
 * (https://www.vensim.com/documentation/fn_queue_fifo.html, fn_queue_age_in_range.html):
 *  - the queue is a level with the inflow and outflow given whose value changes only once per
 *    TIME STEP; what enters in one step is one entry, TIME STEP old at the next time, and what
 *    leaves is taken from the oldest entries first;
 *  - a negative inflow is an outflow and a negative outflow an inflow; a queue that goes negative
 *    holds entries of the previous TIME STEP only;
 *  - QUEUE AGE IN RANGE(queue, minage, maxage) is the content at least minage and at most maxage
 *    old, :NA: lifting either bound, and :NA: when its first argument is not a queue.
 * Refused, because the page leaves it open: initial content other than 0 (how it is spread over
 * the ages), and a negative queue coming back above 0 (which entries the negative content cancels;
 * checked while running: runtime-lib.ts queueInit, run/fifo-queue.ts). The profile and age range shape only the
 * initial content, so with 0 they are checked (a lookup, an expression) and not used.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import type { Ctx, ExpanderApi as Expander } from './context.js';
import type { ScalarNode, SExpr } from './scalar-model.js';

/** A delay-fixed node with this kind (args[1]) is a queue: the runtime keeps its entries. */
export const QUEUE_KIND = 4;

/** QUEUE FIFO(inflow, outflow, profile, initial, age range) defining `node`. */
export function lowerQueueFifo(x: Expander, args: Expr[], ctx: Ctx, node: ScalarNode, inflow: SExpr): void {
  const initial = x.resolve(args[3]!, ctx);
  if (initial.k === 'num' && initial.v !== 0) {
    throw ModelError.at('E_UNSUPPORTED', {
      en: `QUEUE FIFO with an initial content of ${initial.v} is not supported: fn_queue_fifo spreads it over ages TIME STEP to age range + TIME STEP by the profile renormalized to an area of 1, but does not say whether each TIME STEP age takes the area under the profile over its interval or its value at one point (use 0 as the initial content)`,
      es: `QUEUE FIFO con un contenido inicial de ${initial.v} no se admite: fn_queue_fifo lo reparte entre las edades TIME STEP y age range + TIME STEP según el perfil renormalizado a un área de 1, pero no dice si cada edad de TIME STEP recibe el área bajo el perfil en su intervalo o su valor en un punto (use 0 como contenido inicial)`,
    }, args[3]!.loc);
  }
  x.lookupTableOf(args[2]!, ctx);
  x.resolve(args[4]!, ctx);
  node.kind = 'delay-fixed';
  node.expr = inflow;
  node.args = [{ k: 'num', v: 0 }, { k: 'num', v: QUEUE_KIND }, x.resolve(args[1]!, ctx)];
  node.init = initial;
}

/** QUEUE AGE IN RANGE(queue, minage, maxage): the queue as a reference (its node), the bounds. */
export function resolveQueueAgeInRange(x: Expander, args: Expr[], ctx: Ctx): SExpr {
  const q = args[0]!;
  if (q.kind !== 'ref') {
    throw ModelError.at('E_ARGUMENT', {
      en: 'the first argument of QUEUE AGE IN RANGE must be the name of a variable defined with QUEUE FIFO (fn_queue_age_in_range)',
      es: 'el primer argumento de QUEUE AGE IN RANGE debe ser el nombre de una variable definida con QUEUE FIFO (fn_queue_age_in_range)',
    }, q.loc);
  }
  return { k: 'call', fn: 'QUEUE AGE IN RANGE', args: [x.resolve(q, ctx), x.resolve(args[1]!, ctx), x.resolve(args[2]!, ctx)] };
}
