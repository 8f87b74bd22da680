/**
 * Lowers Vensim's stateful functions into stocks and special nodes, following the equivalent
 * structures given in Vensim's reference (e.g. SMOOTH is a first-order stock adjusting toward
 * its input; DELAY3 is a cascade of three stocks each holding a third of the delay).
 */
import { CONVEYOR_LEAK, CONVEYOR_OUTFLOW, HISTORY } from '../ir/builtins.js';
import { ModelError, type BilingualText } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import type { Ctx, ExpanderApi as Expander } from './context.js';
import { lowerDepreciateStraightline } from './depreciate.js';
import { lowerQueueFifo } from './queue.js';
import type { ScalarNode, SExpr } from './scalar-model.js';
import { VENSIM_NA } from '../ir/na.js';

/** Functions that, as the whole right-hand side, make the variable itself the state. */
export const TOP_LEVEL_STATEFUL = new Set([
  'INTEG', 'INITIAL', 'INIT', 'REINITIAL', 'ACTIVE INITIAL', 'SAMPLE IF TRUE', 'DELAY FIXED', 'DELAY INFORMATION', 'DELAY',
  'SMOOTH', 'SMOOTHI', 'SMOOTH3', 'SMOOTH3I', 'SMOOTH N', 'DELAY1', 'DELAY1I', 'DELAY3', 'DELAY3I', 'DELAY N',
  'TREND', 'FORECAST', 'NPV', 'NPVE', 'SINTEG', 'DELAY MATERIAL', 'DERIVN', 'DELAY CONVEYOR', 'QUEUE FIFO', 'DEPRECIATE STRAIGHTLINE',
  CONVEYOR_OUTFLOW, CONVEYOR_LEAK,
]);

const num = (v: number): SExpr => ({ k: 'num', v });
/** What the expander makes of :NA:. */
const NA = VENSIM_NA;
const ref = (n: ScalarNode): SExpr => ({ k: 'ref', id: n.id });
const bin = (op: string, a: SExpr, b: SExpr): SExpr => ({ k: 'bin', op, a, b });

/**
 * Makes `node` compute `fn(args)`. Hidden helper nodes are created for stocks and for
 * argument expressions used more than once.
 */
export function lowerStateful(x: Expander, fn: string, args: Expr[], ctx: Ctx, node: ScalarNode): void {
  const arity: Record<string, number> = {
    INTEG: 2, INITIAL: 1, INIT: 1, REINITIAL: 1, 'ACTIVE INITIAL': 2, 'SAMPLE IF TRUE': 3, 'DELAY FIXED': 3,
    'DELAY INFORMATION': 3, SMOOTH: 2, SMOOTHI: 3, SMOOTH3: 2, SMOOTH3I: 3, 'SMOOTH N': 4, DELAY1: 2,
    DELAY1I: 3, DELAY3: 2, DELAY3I: 3, 'DELAY N': 4, TREND: 3, FORECAST: 3, NPV: 4, NPVE: 4, SINTEG: 7, 'DELAY MATERIAL': 4, DERIVN: 2,
    'DELAY CONVEYOR': 6, 'QUEUE FIFO': 5, 'DEPRECIATE STRAIGHTLINE': 4,
  };
  const want = arity[fn];
  if (fn === 'DELAY') {
    if (args.length < 2 || args.length > 3) {
      throw ModelError.at('E_ARITY', { en: `DELAY takes 2 or 3 arguments but was given ${args.length}`, es: `DELAY admite 2 o 3 argumentos, pero recibió ${args.length}` }, ctx.loc);
    }
  } else if (want !== undefined && args.length !== want) {
    throw ModelError.at('E_ARITY', { en: `${fn} takes ${want} arguments but was given ${args.length}`, es: `${fn} admite ${want} argumentos, pero recibió ${args.length}` }, ctx.loc);
  }
  const r = (i: number): SExpr => x.resolve(args[i]!, ctx);
  /** An argument as a node reference when it is used several times. */
  const shared = (i: number, what: string): SExpr => {
    const e = r(i);
    if (e.k === 'num' || e.k === 'ref' || e.k === 'time') return e;
    const h = x.hiddenNode(node, what, ctx.loc);
    h.expr = e;
    return ref(h);
  };
  const stock = (target: ScalarNode | undefined, rate: (self: SExpr) => SExpr, init: SExpr, what: string): ScalarNode => {
    const s = target ?? x.hiddenNode(node, what, ctx.loc);
    s.kind = 'stock';
    s.expr = rate(ref(s));
    s.init = init;
    return s;
  };

  switch (fn) {
    case 'INTEG':
      node.kind = 'stock';
      node.expr = r(0);
      node.init = r(1);
      return;
    case 'INITIAL':
    case 'INIT':
    case 'REINITIAL':
      node.kind = 'initial';
      node.expr = r(0);
      return;
    case 'ACTIVE INITIAL':
      node.kind = 'active-initial';
      node.expr = r(0);
      node.init = r(1);
      return;
    case 'SAMPLE IF TRUE':
      node.kind = 'sample';
      node.args = [r(0), r(1)];
      node.init = r(2);
      node.expr = num(0);
      return;
    case 'SINTEG': {
      // Vensim reference (fn_sinteg): the integral of rate, never below min or above max, always
      // a multiple of quant, and spec whenever it would be within thresh of spec (:NA: lifts a
      // restriction). Written as a stock whose Euler step lands on the restricted value:
      // rate' = (restrict(S + dt·rate) − S)/dt; the initial value is restricted too.
      const [min, max, quant, spec, thresh] = [2, 3, 4, 5, 6].map((i) => {
        const v = x.constantValue(r(i), args[i]!.loc, { en: `argument ${i + 1} of SINTEG`, es: `el argumento ${i + 1} de SINTEG` });
        return v === NA ? undefined : v;
      });
      const restrict = (v: SExpr): SExpr => {
        let e = v;
        // QUANTUM's rule (a multiple of quant, toward zero), then the snap to spec, then the bounds.
        if (quant !== undefined && quant !== 0) e = bin('*', num(quant), { k: 'call', fn: 'INTEGER', args: [bin('/', e, num(quant))] });
        if (spec !== undefined && thresh !== undefined) {
          e = { k: 'call', fn: 'IF THEN ELSE', args: [bin('<', { k: 'call', fn: 'ABS', args: [bin('-', e, num(spec))] }, num(thresh)), num(spec), e] };
        }
        if (min !== undefined) e = { k: 'call', fn: 'MAX', args: [e, num(min)] };
        if (max !== undefined) e = { k: 'call', fn: 'MIN', args: [e, num(max)] };
        return e;
      };
      const rate = shared(0, 'sinteg rate');
      const dt: SExpr = { k: 'dt' };
      stock(node, (self) => bin('/', bin('-', restrict(bin('+', self, bin('*', dt, rate))), self), dt), restrict(r(1)), 'sinteg');
      return;
    }
    case 'DELAY MATERIAL': {
      // Vensim reference (fn_delay_material): DELAY FIXED with a delay time that may vary; each
      // step's input leaves after the delay time it found, inputs leaving in one step are added,
      // and a step with nothing leaving gives missval (which must be known at the start).
      node.kind = 'delay-fixed';
      node.expr = shared(0, 'delay input');
      const missval = x.constantValue(r(3), args[3]!.loc, { en: 'the missing value of DELAY MATERIAL', es: 'el valor faltante de DELAY MATERIAL' });
      node.args = [r(1), num(2), num(missval)];
      node.init = r(2);
      return;
    }
    case 'DELAY CONVEYOR':
      lowerDelayConveyor(x, args, ctx, node, shared(0, 'conveyor input'));
      return;
    case 'QUEUE FIFO':
      lowerQueueFifo(x, args, ctx, node, shared(0, 'queue inflow'));
      return;
    case 'DEPRECIATE STRAIGHTLINE':
      lowerDepreciateStraightline(x, args, ctx, node, shared(0, 'depreciated stream'));
      return;
    case 'DELAY FIXED':
    case 'DELAY INFORMATION':
    case 'DELAY': {
      node.kind = 'delay-fixed';
      node.expr = shared(0, 'delay input');
      node.args = [r(1), num(fn === 'DELAY INFORMATION' ? 1 : 0)];
      node.init = args.length > 2 ? r(2) : node.expr;
      return;
    }
    case 'SMOOTH':
    case 'SMOOTHI': {
      const input = shared(0, 'smooth input');
      const t = shared(1, 'smooth time');
      stock(node, (s) => bin('/', bin('-', input, s), t), fn === 'SMOOTHI' ? r(2) : input, 'smooth');
      return;
    }
    case 'SMOOTH3':
    case 'SMOOTH3I':
    case 'SMOOTH N': {
      const input = shared(0, 'smooth input');
      const t = shared(1, 'smooth time');
      // Vensim's reference: SMOOTH N's order is reduced, like DELAY N's, to fit the TIME STEP.
      const order = fn === 'SMOOTH N' ? reducedOrder(x, orderOf(x, r(3), ctx), t, ctx) : 3;
      const init = fn === 'SMOOTH3' ? input : shared(2, 'smooth init');
      const stageTime = bin('/', t, num(order));
      // fn_smooth_n: SMOOTH N "is treated as a discrete delay function, so that its output is constant
      // for each Time Step", under Runge-Kutta too, "different from functions such as SMOOTH3". Its
      // stages are stepwise (ScalarNode.stepwise): held through the stages, moved by Euler's rule. XMILE's
      // SMTHN is a smooth like SMTH3 (the standard says nothing of the kind) and stays integrated.
      const stepwise = fn === 'SMOOTH N' && x.dialect === 'vensim';
      let prev = input;
      for (let k = 1; k <= order; k++) {
        const p = prev;
        const s = stock(k === order ? node : undefined, (self) => bin('/', bin('-', p, self), stageTime), init, `smooth stage ${k}`);
        if (stepwise) s.stepwise = true;
        prev = ref(s);
      }
      return;
    }
    case 'DELAY1':
    case 'DELAY1I':
    case 'DELAY3':
    case 'DELAY3I':
    case 'DELAY N': {
      const input = shared(0, 'delay input');
      const d = shared(1, 'delay time');
      let order = fn === 'DELAY N' ? orderOf(x, r(3), ctx) : fn.startsWith('DELAY3') ? 3 : 1;
      if (fn === 'DELAY N') order = reducedOrder(x, order, d, ctx);
      const initOut = fn === 'DELAY1' || fn === 'DELAY3' ? input : shared(2, 'delay init');
      // Vensim's reference: DELAY N's output depends only on the values delay time had in
      // previous time steps (DELAY3I's also on the current one), so a varying delay time is
      // read one step late: the value it had at the previous step (its own value at the start).
      // XMILE's DELAYN is not Vensim's: XMILE 1.0 §3.5.3 makes it the Nth-order material delay of
      // the family of DELAY1 and DELAY3 and says nothing of a late delay time, so it reads the
      // current one, and DELAYN(x, t, 3) runs as DELAY3(x, t) (delay-varying-time.test.ts).
      const lateDelayTime = fn === 'DELAY N' && x.dialect === 'vensim' && d.k !== 'num';
      const dUsed = lateDelayTime ? ref(previousStep(x, node, d, ctx)) : d;
      const stageTime = order === 1 ? dUsed : bin('/', dUsed, num(order));
      let inflow = input;
      let last: ScalarNode | undefined;
      for (let k = 1; k <= order; k++) {
        const inF = inflow;
        const s = stock(undefined, (self) => bin('-', inF, bin('/', self, stageTime)), bin('*', initOut, stageTime), `delay stage ${k}`);
        inflow = bin('/', ref(s), stageTime);
        last = s;
      }
      node.kind = 'aux';
      node.expr = bin('/', ref(last!), stageTime);
      return;
    }
    case 'TREND':
    case 'FORECAST': {
      const input = shared(0, 'trend input');
      const t = shared(1, 'trend time');
      const initTrend = fn === 'TREND' ? r(2) : num(0);
      // average = INTEG((input - average)/t, input / (1 + initial trend * t))
      const avg = stock(undefined, (s) => bin('/', bin('-', input, s), t), bin('/', input, bin('+', num(1), bin('*', initTrend, t))), 'trend average');
      // fn_trend divides by average time * ABS(avval); fn_forecast's TRD by average time * AV, without
      // ABS, so a negative average turns the sign of FORECAST's trend (found by the differential tests).
      const scale = fn === 'TREND' ? { k: 'call' as const, fn: 'ABS', args: [ref(avg)] } : ref(avg);
      const trend: SExpr = { k: 'call', fn: 'ZIDZ', args: [bin('-', input, ref(avg)), bin('*', t, scale)] };
      node.kind = 'aux';
      node.expr = fn === 'TREND' ? trend : bin('*', input, bin('+', num(1), bin('*', trend, r(2))));
      return;
    }
    case 'NPV':
    case 'NPVE': {
      // Vensim reference: NPV = (accum + stream*TIME STEP*df)*factor;
      // accum = INTEG(stream*df, init); df = INTEG(-df*rate/(1+rate*TIME STEP), 1).
      // NPVE (fn_npve, end-of-period valuation) is the same with df starting at 1/(1+rate*TIME STEP).
      const stream = shared(0, 'npv stream');
      const rate = shared(1, 'npv rate');
      const dt: SExpr = { k: 'dt' };
      const df0 = fn === 'NPVE' ? bin('/', num(1), bin('+', num(1), bin('*', rate, dt))) : num(1);
      const df = stock(undefined, (s) => bin('/', { k: 'un', op: '-', a: bin('*', s, rate) }, bin('+', num(1), bin('*', rate, dt))), df0, 'npv discount');
      const accum = stock(undefined, () => bin('*', stream, ref(df)), r(2), 'npv accum');
      node.kind = 'aux';
      node.expr = bin('*', bin('+', ref(accum), bin('*', bin('*', stream, dt), ref(df))), r(3));
      return;
    }
    case 'DERIVN': {
      // Vensim (fn_derivn) and Stella: the order-th time derivative of x, order a positive
      // integer. Each order is the backward difference of the one below over one TIME STEP,
      // (d(t) − d(t − DT)) / DT, and is 0 at the initial time (no earlier value to compare).
      const order = derivativeOrder(x, r(1), ctx);
      let below = shared(0, 'derivative input');
      for (let k = 1; k <= order; k++) {
        const previous = x.hiddenNode(node, `derivative ${k} previous`, ctx.loc);
        previous.kind = 'delay-fixed';
        previous.expr = below;
        previous.args = [{ k: 'dt' }, num(0)];
        previous.init = below;
        const d = k === order ? node : x.hiddenNode(node, `derivative ${k}`, ctx.loc);
        d.kind = 'aux';
        d.expr = bin('/', bin('-', below, ref(previous)), { k: 'dt' });
        below = ref(d);
      }
      return;
    }
    case HISTORY: {
      // XMILE HISTORY (src/sd/xmile/functions.ts): the runtime keeps the input of every step.
      node.kind = 'history';
      node.expr = shared(0, 'history input');
      node.args = [r(1)];
      return;
    }
    case CONVEYOR_OUTFLOW: {
      // The belt itself is in the runtime (src/sd/run/conveyor-belt.ts).
      node.kind = 'conveyor';
      node.expr = r(0);
      node.args = args.slice(1).map((_, i) => r(i + 1));
      return;
    }
    case CONVEYOR_LEAK: {
      const out = r(0);
      if (out.k !== 'ref') throw ModelError.at('E_XMILE', { en: 'a conveyor leak must name its conveyor outflow', es: 'una fuga de un transportador (conveyor) debe nombrar el flujo de salida de su transportador' }, ctx.loc);
      node.kind = 'conveyor-leak';
      node.args = [out];
      node.data = x.constantValue(r(1), ctx.loc, { en: 'the leak index', es: 'el índice de la fuga' });
      node.expr = num(0);
      return;
    }
    default:
      throw ModelError.at('E_UNSUPPORTED', { en: `${fn} is not supported`, es: `${fn} no se admite` }, ctx.loc);
  }
}

/**
 * DELAY CONVEYOR(input, ctime, leak, initprofile, inittot, initctime), from Vensim's reference
 * (https://www.vensim.com/documentation/fn_delay_conveyor.html, and the release note of 4.1 at
 * https://www.vensim.com/documentation/function_changes.html):
 *  - the output is the input delayed by the conveyance time ctime;
 *  - while on the conveyor material leaks at the fraction `leak` per unit of time,
 *    proportionally across the whole conveyor including the input just added; the page's
 *    leakage structure (total leakage = (convey total + TIME STEP × (input − output)) × leak)
 *    makes each TIME STEP: take off what leaves, add input × TIME STEP, then scale everything
 *    on the belt by (1 − leak × TIME STEP);
 *  - the initial material inittot is spread by the profile initprofile over initctime, and the
 *    first output is inittot / initctime.
 * So the belt has ctime / TIME STEP slots, the output is the first slot / TIME STEP, and
 * material entering at t leaves at t + ctime, having been scaled ctime / TIME STEP times.
 * What the pages leave open is refused (E_UNSUPPORTED): a ctime that changes during the run
 * (the page says it speeds or slows the conveyor but not how material already on it moves), a
 * ctime that is not a whole number of TIME STEPs, a profile that is not flat (how it is sampled
 * into TIME STEP slots, by area or by point, is not given), and initctime different from ctime.
 */
function lowerDelayConveyor(x: Expander, args: Expr[], ctx: Ctx, node: ScalarNode, input: SExpr): void {
  const r = (i: number): SExpr => x.resolve(args[i]!, ctx);
  const refuse = (what: BilingualText, at = ctx.loc): never => {
    throw ModelError.at('E_UNSUPPORTED', { en: `DELAY CONVEYOR ${what.en}`, es: `DELAY CONVEYOR ${what.es}` }, at);
  };
  const ctime = r(1);
  if (!x.isRunConstant(ctime)) {
    refuse(
      {
        en: 'with a conveyance time that changes during the run is not supported: Vensim says this speeds or slows the conveyor but does not document how material already on it moves (use a constant ctime, or DELAY MATERIAL)',
        es: 'con un tiempo de transporte que cambia durante la corrida no se admite: Vensim dice que eso acelera o frena la cinta, pero no documenta cómo se mueve el material que ya está en ella (use un ctime constante, o DELAY MATERIAL)',
      },
      args[1]!.loc,
    );
  }
  const ts = x.scalarId('time step');
  const dtRef: SExpr | undefined = ts === undefined ? undefined : { k: 'ref', id: ts };
  if (dtRef === undefined || !x.isRunConstant(dtRef)) refuse({ en: 'needs a constant TIME STEP', es: 'necesita un TIME STEP constante' });
  const c = x.constantValue(ctime, args[1]!.loc, { en: 'the conveyance time of DELAY CONVEYOR', es: 'el tiempo de transporte de DELAY CONVEYOR' });
  const dt = x.constantValue(dtRef!, ctx.loc, { en: 'TIME STEP', es: 'TIME STEP' });
  const slots = c / dt;
  if (!(Math.abs(slots - Math.round(slots)) < 1e-9 * Math.max(1, slots) && Math.round(slots) >= 1)) {
    refuse(
      {
        en: `with a conveyance time of ${c}, not a whole number of TIME STEPs (${dt}), is not supported: how Vensim spreads material over part of a step is not documented`,
        es: `con un tiempo de transporte de ${c}, que no es un número entero de TIME STEP (${dt}), no se admite: no está documentado cómo reparte Vensim el material en una fracción de paso`,
      },
      args[1]!.loc,
    );
  }
  const table = x.lookups[x.lookupTableOf(args[3]!, ctx)]!;
  if (!(table.y.length > 0 && table.y.every((v) => v === table.y[0]) && table.y[0]! > 0)) {
    refuse(
      {
        en: `with initial profile ${table.name}, which is not flat, is not supported: how Vensim samples a profile into TIME STEP slots (by area or by point) is not documented`,
        es: `con el perfil inicial ${table.name}, que no es plano, no se admite: no está documentado cómo muestrea Vensim un perfil en los intervalos de TIME STEP (por área o por punto)`,
      },
      args[3]!.loc,
    );
  }
  const initctime = r(5);
  if (!x.isRunConstant(initctime) || x.constantValue(initctime, args[5]!.loc, { en: 'the initial conveyance time of DELAY CONVEYOR', es: 'el tiempo de transporte inicial de DELAY CONVEYOR' }) !== c) {
    refuse(
      {
        en: 'with an initial conveyance time different from ctime is not supported: where that material sits on a conveyor of another length is not documented',
        es: 'con un tiempo de transporte inicial distinto de ctime no se admite: no está documentado dónde queda ese material en una cinta de otra longitud',
      },
      args[5]!.loc,
    );
  }
  node.kind = 'delay-fixed';
  node.expr = input;
  node.args = [ctime, num(3), r(2)];
  node.init = bin('/', r(4), initctime);
}

/** A hidden node holding `e`'s value at the previous time step (at the first step, its own). */
function previousStep(x: Expander, owner: ScalarNode, e: SExpr, ctx: Ctx): ScalarNode {
  const h = x.hiddenNode(owner, 'previous delay time', ctx.loc);
  h.kind = 'delay-fixed';
  h.expr = e;
  h.args = [{ k: 'dt' }, num(0)];
  h.init = e;
  return h;
}

/**
 * Vensim reduces DELAY N's and SMOOTH N's order so that delay time ≥ order × TIME STEP (its reference says so,
 * and the suite's delay_pipeline case shows a third-order delay of 2.5 steps running as second order).
 */
function reducedOrder(x: Expander, order: number, delayTime: SExpr, ctx: Ctx): number {
  let d: number;
  let dt: number;
  try {
    d = x.constantValue(delayTime, ctx.loc, { en: 'delay time', es: 'el tiempo de retardo' });
    const ts = x.scalarId('time step');
    dt = ts === undefined ? NaN : x.constantValue({ k: 'ref', id: ts }, ctx.loc, { en: 'TIME STEP', es: 'TIME STEP' });
  } catch {
    return order;
  }
  if (!(d > 0 && dt > 0)) return order;
  const fits = Math.floor(d / dt + 1e-9);
  return Math.max(1, Math.min(order, fits));
}

function orderOf(x: Expander, e: SExpr, ctx: Ctx): number {
  const v = x.constantValue(e, ctx.loc, { en: 'the order of a DELAY N or SMOOTH N', es: 'el orden de un DELAY N o SMOOTH N' });
  const n = Math.round(v);
  if (!(n >= 1)) throw ModelError.at('E_ARGUMENT', { en: `the order of a DELAY N or SMOOTH N must be at least 1 (it is ${v})`, es: `el orden de un DELAY N o SMOOTH N debe ser al menos 1 (es ${v})` }, ctx.loc);
  return n;
}

function derivativeOrder(x: Expander, e: SExpr, ctx: Ctx): number {
  const v = x.constantValue(e, ctx.loc, { en: 'the order of DERIVN', es: 'el orden de DERIVN' });
  if (!(Number.isInteger(v) && v >= 1)) throw ModelError.at('E_ARGUMENT', { en: `the order of DERIVN must be a whole number of at least 1 (it is ${v})`, es: `el orden de DERIVN debe ser un número entero de al menos 1 (es ${v})` }, ctx.loc);
  return v;
}
