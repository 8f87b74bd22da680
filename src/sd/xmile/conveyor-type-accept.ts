/**
 * Two XMILE conveyor options (XMILE 1.0 §4.2.1: `discrete`, `one_at_a_time`) whose rule isee's
 * help gives for part of their use: there we run them, elsewhere we stop with a located error.
 *
 * Source: isee's "Equation tab" help, conveyor options "Type" and "Accept"
 * (https://www.iseesystems.com/resources/help/v2/Content/08-Reference/01-ObjectsAndProperties/01-BuildingBlocks/07-SharedProperties/Equation_tab.htm;
 * the same text in v1-2 … v1-7 and v3):
 * - Type, Continuous or Discrete, is the option "to select how the initial value is calculated
 *   for the conveyor". Discrete separates the initial value into "packages" that "are stacked
 *   in the last DT of each conveyor slat". So the type changes nothing but the initial layout:
 *   a discrete conveyor that starts empty runs as a continuous one. With an initial value the
 *   rule is not complete: isee's conveyor computation help calls a slat one DT's worth of
 *   material, so "the last DT of each slat" does not say how many packages there are nor when
 *   each leaves; that case stops with E_UNSUPPORTED.
 * - Accept, Single batch (older help: "One at a time") or Multiple batches ("As much as
 *   possible"), "applies only to inflows from queues. Any inflows from a cloud stock, oven, or
 *   conveyor will be treated as if Multiple batches is selected". So `one_at_a_time` on a
 *   conveyor none of whose inflows leaves a queue changes nothing. With a queue upstream the
 *   conveyor "will take the next batch in one of the queues each DT, subject to the inflow limit
 *   and capacity constraint"; the help does not say which queue when there are several, nor
 *   whether part of a batch enters when the room is smaller than the batch, and our queues
 *   (queues.ts) keep no batches; that case stops with E_UNSUPPORTED.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { SourceText } from './source-text.js';
import type { VarSpec } from './variables.js';
import { optionFlag } from './xml-flags.js';
import { child, type XmlElement } from './xml-tree.js';

/** Throws a located E_UNSUPPORTED where `discrete` or `one_at_a_time` needs a rule isee's help does not give. */
export function checkTypeAndAccept(stock: VarSpec, el: XmlElement, inflows: readonly string[], fromQueues: ReadonlySet<string>, src: SourceText): void {
  const discrete = optionFlag(el, 'discrete', src);
  if (discrete) {
    const eqn = child(stock.el, 'eqn');
    const text = eqn ? src.elementText(eqn.start).text.trim() : '';
    if (text === '' || Number(text) !== 0) {
      // the same placeholder in both languages; an initial value given element by element shows none
      const shown = text ? ` (${text})` : '';
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `${stock.display} is a discrete conveyor with an initial value${shown}, which is not supported: isee's help says a discrete conveyor's initial value is split into packages "stacked in the last DT of each conveyor slat", but it calls a slat one DT's worth, so it does not say how many packages there are nor when each leaves; a discrete conveyor whose initial value is 0 runs (its type changes only the initial value)`,
          es: `${stock.display} es una cinta transportadora discreta con valor inicial${shown}, lo que no se admite: la ayuda de isee dice que el valor inicial de una cinta discreta se divide en paquetes "apilados en el último DT de cada listón", pero llama listón a lo de un DT, así que no dice cuántos paquetes hay ni cuándo sale cada uno; una cinta discreta con valor inicial 0 sí corre (su tipo solo cambia el valor inicial)`,
        },
        src.loc(discrete.start),
      );
    }
  }
  const single = optionFlag(el, 'one_at_a_time', src);
  const queued = inflows.filter((f) => fromQueues.has(f));
  if (single && queued.length) {
    throw ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `${stock.display} takes one batch at a time (one_at_a_time) from queue outflow ${queued.join(', ')}, which is not supported: isee's help says the conveyor then takes "the next batch in one of the queues each DT", but not which queue when there are several nor whether part of a batch enters when the room is smaller, and this engine's queues keep no batches; without a queue upstream the option changes nothing and runs`,
        es: `${stock.display} toma un lote a la vez (one_at_a_time) de la salida de cola ${queued.join(', ')}, lo que no se admite: la ayuda de isee dice que la cinta toma entonces "el siguiente lote de una de las colas en cada DT", pero no de qué cola si hay varias ni si entra parte de un lote cuando el espacio es menor, y las colas de este motor no guardan lotes; sin una cola aguas arriba la opción no cambia nada y corre`,
      },
      src.loc(single.start),
    );
  }
}
