/**
 * XMILE queues: a stock with `<queue/>` (XMILE 1.0, http://docs.oasis-open.org/xmile/xmile/v1.0/xmile-v1.0.html,
 * §4.2 stocks, §4.3 flows: `<overflow/>`). The rules, and where we take them from:
 * - Batches, FIFO. isee's "Queue Computation" help
 *   (https://ssl.iseesystems.com/resources/help/v3/Content/08-Reference/05-Computational_Details/Queues.htm):
 *   a batch is what one flow delivers in one DT; with several inflows "each nonzero inflow will
 *   deliver a batch", the highest-priority inflow (the one connected first; in XMILE the first
 *   listed) first; batches leave in the order they were added; "a queue is never inflow
 *   constrained". STELLA's manual (Technical Documentation ch. 4, "Queue", in the book's extras
 *   at https://extras.springer.com/downloads/springer-extras/2004/978-1-4757-7865-6): queues are
 *   FIFO; inflows and outflows are uniflows (non-negative); unit conversion (`<multiplier>`) is
 *   allowed on the flows that connect a queue to other stocks.
 * - Release. The same manual: the queue "wants" to flow everything through its outflows, and is
 *   held back only by an inflow-limited or capacity-constrained conveyor (or an oven, which
 *   XMILE does not have) immediately downstream. isee's "Flow prioritization" help (same folder,
 *   Flow_prioritization.htm) gives what a stock can release in a DT as stock/DT + total inflow,
 *   shared among outflows in priority order. So outflow k releases
 *     avail_k = MAX(0, Q/DT + inflows − outflows before k),
 *   limited, when it fills a conveyor with `<capacity>` or `<in_limit>`, by that conveyor's room
 *   (conveyor-inflow-limits.ts). An outflow to a cloud or an ordinary stock therefore empties the
 *   queue every DT, that DT's arrivals included (our reading of "wants to flow everything").
 * - Overflow. The manual: "When a higher-priority flow is blocked because of capacity
 *   constraints, the flow will be routed through the overflow". An outflow marked `<overflow/>`
 *   takes avail_k, what the outflows above it left; an unconstrained outflow above it leaves
 *   nothing, a blocked one leaves what its conveyor had no room for.
 * - Splitting. isee's help leaves to the downstream conveyor whether a batch may be split and
 *   whether several batches may enter in one DT (XMILE's `batch_integrity` and `one_at_a_time`).
 *   Without them (their default) a conveyor takes any amount from the front, so no value depends
 *   on where one batch ends and the next begins, and the queue needs no state beyond the stock.
 *   With a queue upstream those two options stop with a located error (conveyors.ts,
 *   conveyor-type-accept.ts), as does reading a queue's batches.
 * A queue outflow keeps no equation of its own (the queue computes it, as a conveyor computes
 * its outflow). Refused with E_UNSUPPORTED, as the documents we found leave them open:
 * Runge-Kutta with a queue (its batches are per DT), and a second outflow that is not an
 * overflow (STELLA's manual defers how ordinary outflows share a queue to its chapter 14, which
 * we could not read).
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Expr, StockForm } from '../ir/model.js';
import { bin, call, dtRef, num, ref, sum } from './ir-build.js';
import type { SimSpecs } from './sim-specs.js';
import type { SourceText } from './source-text.js';
import { formInflows, receivedTotal, type FlowTerms } from './stock-rates.js';
import { nameOf, type VarSpec } from './variables.js';
import { childFlag } from './xml-flags.js';
import { child, children } from './xml-tree.js';

export interface QueueEquations {
  /** What each queue outflow releases before a downstream conveyor's limit, by flow name. */
  flows: Map<string, Expr>;
  /** Queue stocks: their outflows already keep them at or above zero. */
  stocks: Set<string>;
  /** Flows into a queue, which are non-negative. */
  inflows: Set<string>;
  /** Each queue as the file wrote it, for the writers. */
  forms: StockForm[];
}

/** The queues' outflow equations; throws a located error for what is not supported. */
export function queueFlows(vars: VarSpec[], flows: ReadonlyMap<string, FlowTerms>, specs: SimSpecs, src: SourceText): QueueEquations {
  const out: QueueEquations = { flows: new Map(), stocks: new Set(), inflows: new Set(), forms: [] };
  const byName = new Map(vars.map((v) => [v.name, v]));
  const overflowOwners = new Set<string>();
  for (const q of vars) {
    const el = q.kind === 'stock' ? childFlag(q.el, 'queue', src) : undefined;
    if (!el) continue;
    const at = src.loc(el.start);
    if (child(q.el, 'conveyor')) throw ModelError.at('E_XMILE', { en: `${q.display} is marked both as a queue and as a conveyor; a stock is one or the other`, es: `${q.display} está marcado a la vez como cola y como cinta transportadora; un stock es lo uno o lo otro` }, at);
    if (specs.method !== 'euler') {
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `${q.display} is a queue; queues run with Euler integration only (the standard describes them by the batches that enter each DT), and <sim_specs> asks for ${specs.method}`,
          es: `${q.display} es una cola; las colas solo corren con integración de Euler (el estándar las describe por los lotes que entran en cada DT), y <sim_specs> pide ${specs.method}`,
        },
        at,
      );
    }
    out.stocks.add(q.name);
    const inflowNames = children(q.el, 'inflow').map((i) => nameOf(src.elementText(i.start).text).name);
    for (const name of inflowNames) out.inflows.add(name);
    const outflows = children(q.el, 'outflow')
      .map((o) => byName.get(nameOf(src.elementText(o.start).text).name))
      .filter((f): f is VarSpec => f?.kind === 'flow');
    out.forms.push({
      kind: 'queue',
      stock: q.name,
      display: q.display,
      inflows: formInflows(inflowNames, flows),
      outflows: outflows.map((f) => ({ name: f.name, display: f.display })),
      loc: q.loc,
    });
    outflows.forEach((f, k) => {
      if (f.dims.join() !== q.dims.join()) {
        const [fd, qd] = [f.dims.join(', ') || '—', q.dims.join(', ') || '—'];
        throw ModelError.at(
          'E_UNSUPPORTED',
          {
            en: `${f.display} flows out of queue ${q.display} with other dimensions (${fd}) than the queue's (${qd}); each element of a queue is its own queue, so its outflows need the same dimensions`,
            es: `${f.display} sale de la cola ${q.display} con dimensiones (${fd}) distintas de las de la cola (${qd}); cada elemento de una cola es su propia cola, así que sus salidas necesitan las mismas dimensiones`,
          },
          f.loc,
        );
      }
      const overflow = childFlag(f.el, 'overflow', src);
      if (overflow) overflowOwners.add(f.name);
      if (k === 0 && overflow) {
        throw ModelError.at('E_XMILE', { en: `${f.display} is the first outflow of queue ${q.display} and is marked <overflow/>; an overflow takes what a higher-priority outflow could not, and the first outflow has none above it`, es: `${f.display} es la primera salida de la cola ${q.display} y está marcada <overflow/>; un desborde toma lo que una salida de mayor prioridad no pudo tomar, y la primera salida no tiene ninguna por encima` }, src.loc(overflow.start));
      }
      if (k > 0 && !overflow) {
        throw ModelError.at(
          'E_UNSUPPORTED',
          {
            en: `${f.display} is a second outflow of queue ${q.display} and is not an overflow (<overflow/>); the documents we follow (XMILE 1.0, isee's queue help, STELLA's manual) say how an overflow takes what a blocked higher-priority outflow could not, not how two ordinary outflows share a queue; mark it <overflow/> if that is what it is`,
            es: `${f.display} es una segunda salida de la cola ${q.display} y no es un desborde (<overflow/>); los documentos que seguimos (XMILE 1.0, la ayuda de isee sobre colas, el manual de STELLA) dicen cómo un desborde toma lo que una salida de mayor prioridad bloqueada no pudo tomar, no cómo dos salidas ordinarias se reparten una cola; márquela <overflow/> si eso es`,
          },
          f.loc,
        );
      }
      const loc = f.loc;
      const arriving = receivedTotal(inflowNames, flows, loc);
      const before = sum(outflows.slice(0, k).map((g) => ref(g.name, loc, g.display)), loc);
      const held = bin('+', bin('/', ref(q.name, loc, q.display), dtRef(loc), loc), arriving, loc);
      out.flows.set(f.name, call('MAX', [num(0, loc), k === 0 ? held : bin('-', held, before, loc)], loc));
    });
  }
  for (const f of vars) {
    const overflow = f.kind === 'flow' && !overflowOwners.has(f.name) ? childFlag(f.el, 'overflow', src) : undefined;
    if (overflow) throw ModelError.at('E_XMILE', { en: `${f.display} is marked <overflow/> but is not an outflow of a queue`, es: `${f.display} está marcado <overflow/>, pero no es una salida de una cola` }, src.loc(overflow.start));
  }
  return out;
}
