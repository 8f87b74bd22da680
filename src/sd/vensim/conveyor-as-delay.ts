/**
 * XMILE conveyors and queues on their way to .mdl. Vensim's DELAY CONVEYOR
 * (https://www.vensim.com/documentation/fn_delay_conveyor.html) gives the input delayed by the
 * conveyance time, with the initial material spread by a profile over its own time, and one
 * leak fraction per unit of time over the whole belt, the input just added included. An XMILE
 * conveyor (XMILE 1.0 §4.2.1) runs the same only when nothing of the rest is used: no leak
 * flows (their fraction, linear or exponential, over a zone, is not Vensim's leak), no capacity
 * or inflow limit (Vensim has none), a transit time that is a number and a whole number of
 * TIME STEPs (the page leaves a changing or fractional conveyance time open), and no array (not
 * checked yet). That conveyor's outflow is written as
 *   DELAY CONVEYOR(what enters, transit, 0, flat profile, initial content, transit),
 * the flat profile being the XMILE conveyor's even spread of its initial content over the
 * transit time. Every other conveyor, and every queue (Vensim has no queue stock; its QUEUE
 * FIFO, fn_queue_fifo, orders and releases batches by rules of its own), is refused at the
 * stock with the reason.
 */
import { CONVEYOR_OUTFLOW } from '../ir/builtins.js';
import { ModelError, type BilingualText } from '../ir/diagnostics.js';
import type { Equation, Expr, ModelIR, StockForm } from '../ir/model.js';

const QUEUE_REASON = (name: string): BilingualText => ({
  en: `${name} is an XMILE queue (FIFO batches released whole, with overflow); Vensim has no queue stock, and its QUEUE FIFO (fn_queue_fifo) orders and releases batches by its own rules, so the model cannot be written as .mdl as the same queue`,
  es: `${name} es una cola XMILE (lotes FIFO que salen enteros, con desborde); Vensim no tiene un nivel de cola, y su QUEUE FIFO (fn_queue_fifo) ordena y entrega los lotes con reglas propias, así que el modelo no se puede escribir como .mdl como la misma cola`,
});

const conveyorReason = (name: string, why: BilingualText): BilingualText => ({
  en: `${name} is an XMILE conveyor ${why.en}; Vensim's DELAY CONVEYOR (fn_delay_conveyor) has one leak fraction per unit of time over the whole belt (the input just added included), no leak flows or zones, no capacity or inflow limit, and no rule for a conveyance time that changes or is not a whole number of TIME STEPs, so the model cannot be written as .mdl without running differently`,
  es: `${name} es una cinta transportadora (conveyor) XMILE ${why.es}; DELAY CONVEYOR de Vensim (fn_delay_conveyor) tiene una sola fracción de fuga por unidad de tiempo sobre toda la cinta (incluida la entrada recién agregada), no tiene flujos ni zonas de fuga, ni capacidad ni límite de entrada, ni regla para un tiempo de tránsito que cambia o no es un número entero de TIME STEP, así que el modelo no se puede escribir como .mdl sin que corra distinto`,
});

/** Why this conveyor has no DELAY CONVEYOR of the same meaning; undefined when it has one. */
function mismatch(c: NonNullable<StockForm['conveyor']>, dt: number | undefined, arrayed: boolean): BilingualText | undefined {
  if (c.leaks.length) return { en: 'with leaks', es: 'con fugas' };
  if (c.capacity || c.inLimit) return { en: 'with a capacity or inflow limit', es: 'con capacidad o límite de entrada' };
  if (arrayed) return { en: 'with subscripts (not written as DELAY CONVEYOR yet)', es: 'con subíndices (aún no se escribe como DELAY CONVEYOR)' };
  if (c.len.kind !== 'num' || dt === undefined || !(c.len.value > 0) || Math.abs(c.len.value / dt - Math.round(c.len.value / dt)) > 1e-9) {
    return { en: 'whose transit time is not a number that is a whole number of TIME STEPs', es: 'cuyo tiempo de tránsito no es un número que sea un número entero de TIME STEP' };
  }
  return undefined;
}

/** The model with each conveyor that maps written as DELAY CONVEYOR; throws at the first conveyor or queue that does not. */
export function conveyorsAsDelays(ir: ModelIR): ModelIR {
  const forms = ir.stockForms ?? [];
  if (!forms.length) return ir;
  const step = ir.equations.find((q) => q.lhs.name === 'time step')?.expr;
  const dt = step?.kind === 'num' ? step.value : undefined;
  const equations = [...ir.equations];
  for (const form of forms) {
    if (!form.conveyor) throw ModelError.at('E_UNSUPPORTED', QUEUE_REASON(form.display), form.loc);
    const stock = equations.filter((q) => q.lhs.name === form.stock);
    const outIdx = equations.findIndex((q) => q.expr?.kind === 'call' && q.expr.fn === CONVEYOR_OUTFLOW && q.expr.args[2]?.kind === 'ref' && q.expr.args[2].name === form.stock);
    const why = mismatch(form.conveyor, dt, stock.length !== 1 || stock[0]!.lhs.subs.length > 0 || outIdx < 0);
    if (why) throw ModelError.at('E_UNSUPPORTED', conveyorReason(form.display, why), form.loc);
    const init = (stock[0]!.expr as Extract<Expr, { kind: 'call' }>).args[1]!;
    const out = equations[outIdx]!;
    const belt = out.expr as Extract<Expr, { kind: 'call' }>;
    const loc = out.loc;
    const profile = `${form.display} initial profile`;
    if (equations.some((q) => q.lhs.name === profile.toLowerCase())) throw ModelError.at('E_UNSUPPORTED', conveyorReason(form.display, { en: `(a variable named '${profile}' already exists)`, es: `(ya existe una variable llamada '${profile}')` }), form.loc);
    const transit = belt.args[1]!;
    const delay: Expr = { kind: 'call', fn: 'DELAY CONVEYOR', args: [belt.args[0]!, transit, { kind: 'num', value: 0, loc }, { kind: 'ref', name: profile.toLowerCase(), display: profile, subs: [], loc }, init, transit], loc };
    equations[outIdx] = { ...out, expr: delay };
    const flat: Equation = {
      lhs: { name: profile.toLowerCase(), display: profile, subs: [], except: [], loc },
      kind: 'lookup',
      lookup: { x: [0, 1], y: [1, 1], loc },
      units: 'Dmnl',
      // One comment in both languages (a model's comment is one text: "en / es", as initial-variables.ts writes).
      doc: `The XMILE conveyor ${form.display} lays its initial content evenly over its transit time (written by IGEM). / La cinta transportadora de XMILE ${form.display} reparte su contenido inicial por igual a lo largo de su tiempo de tránsito (escrito por IGEM).`,
      loc,
    };
    equations.push(flat);
  }
  const { stockForms: _written, ...rest } = ir;
  return { ...rest, equations };
}
