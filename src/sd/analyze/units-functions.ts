/**
 * Units of the built-in functions, each from the "Units:" line of its Vensim reference page
 * (fn_smooth, fn_delay_fixed, fn_trend: `TREND(units,time,1/time) --> 1/time`, fn_forecast:
 * `FORECAST(units,time,time) --> units`, fn_step, fn_ramp, fn_pulse, fn_get_data_min, fn_time_base,
 * fn_npv, fn_delay_conveyor, fn_shift_if_true, fn_queue_age_in_range …) or, for XMILE-only functions, from the XMILE
 * standard. Time arguments must be in the model's time unit; a number written there is taken
 * as a time (see units-terms.ts).
 */
import type { Expr } from '../ir/model.js';
import type { BilingualText } from '../ir/diagnostics.js';
import { HISTORY, XMILE_ELEMENT, XMILE_RANK } from '../ir/builtins.js';
import { combine, formatDim, power, type Dim } from './units-dim.js';
import { agree, asDim, divide, expectUnits, flexible, multiply, NUM, report, type Ctx, type Inferred } from './units-terms.js';

type Call = Extract<Expr, { kind: 'call' }>;

/** (input, delay time[, initial value[, order]]) → the input's units. */
const DELAYS = new Set(['SMOOTH', 'SMOOTH3', 'SMOOTHI', 'SMOOTH3I', 'DELAY1', 'DELAY1I', 'DELAY3', 'DELAY3I', 'DELAY FIXED', 'DELAY N', 'SMOOTH N', 'DELAY INFORMATION', 'DELAY']);
/** The units of the first argument; SUM and the vector statistics keep the element units. */
const SAME_AS_FIRST = new Set(['ABS', 'SUM', 'VMIN', 'VMAX', 'INITIAL', 'INIT', 'INTEGER', 'INT', 'GET DATA AT TIME', 'GET DATA BETWEEN TIMES', 'LOOKUP EXTRAPOLATE', 'LOOKUP FORWARD', 'LOOKUP BACKWARD']);
/** Arguments that must agree; the result has their units. */
const AGREEING = new Set(['MIN', 'MAX', 'MODULO', 'QUANTUM', 'ACTIVE INITIAL']);
const DIMENSIONLESS_RESULT = new Set(['PULSE', 'PULSE TRAIN', 'ELMCOUNT', XMILE_RANK]);
const DATA_STATISTICS = new Set(['GET DATA MAX', 'GET DATA MIN', 'GET DATA MEAN']);

const txt = (en: string, es: string): BilingualText => ({ en, es });

/** A rate × time (RAMP's slope, INTEG's flow, NPV's stream); a number written as the rate stands for any rate. */
const perTimeTimes = (rate: Inferred, time: Dim): Inferred => (flexible(rate) ? rate : multiply(rate, time));

function mustBeDimensionless(ctx: Ctx, e: Call, arg: Inferred, what: BilingualText): void {
  const d = asDim(arg);
  if (d !== null && d.size > 0) report(ctx, e.loc, { en: `${what.en} of ${formatDim(d)} (must be dimensionless)`, es: `${what.es} de ${formatDim(d)} (debe ser adimensional)` });
}

/** The units of a call, given its arguments' units; reports arguments in the wrong units. */
export function callUnits(e: Call, args: Inferred[], ctx: Ctx): Inferred {
  const fn = e.fn;
  const time = ctx.time;
  const timeArg = (i: number, what: BilingualText): void => expectUnits(ctx, e.loc, args[i] ?? NUM, time, what);
  if (fn === 'IF THEN ELSE') return agree(ctx, txt('IF THEN ELSE branches', 'ramas de IF THEN ELSE'), e.loc, [args[1]!, args[2]!]);
  if (AGREEING.has(fn)) return agree(ctx, txt(fn, fn), e.loc, args);
  if (fn === 'EXP' || fn === 'LN' || fn === 'LOG') {
    mustBeDimensionless(ctx, e, args[0]!, txt(fn, fn));
    return new Map();
  }
  if (fn === 'SQRT') return flexible(args[0]!) ? args[0]! : power(args[0]!, 0.5);
  if (fn === 'POWER') return args[0] === NUM ? NUM : asDim(args[0]!)?.size === 0 ? new Map() : e.args[1]!.kind === 'num' ? power(asDim(args[0]!), e.args[1]!.value) : null;
  if (fn === 'ZIDZ') return divide(args[0]!, args[1]!);
  if (fn === 'XIDZ' || fn === 'SAFEDIV') {
    const q = divide(args[0]!, args[1]!);
    return args.length > 2 ? agree(ctx, txt(`${fn} quotient and value on zero`, `cociente y valor ante cero de ${fn}`), e.loc, [q, args[2]!]) : q;
  }
  if (DIMENSIONLESS_RESULT.has(fn)) {
    // PULSE(start, width) and PULSE TRAIN(start, width, between, end): times in, dmnl out.
    if (fn === 'PULSE' || fn === 'PULSE TRAIN') for (let i = 0; i < args.length; i++) timeArg(i, txt(`${fn} time`, `tiempo de ${fn}`));
    return new Map();
  }
  // STEP(height, step time): the height's units (fn_step: units, time → units).
  if (fn === 'STEP') {
    timeArg(1, txt('STEP time', 'tiempo de STEP'));
    return args[0]!;
  }
  // RAMP(slope, start, end) is slope × time (fn_ramp: units/time, time, time → units).
  if (fn === 'RAMP') {
    timeArg(1, txt('RAMP start', 'inicio de RAMP'));
    if (args.length > 2) timeArg(2, txt('RAMP end', 'fin de RAMP'));
    return perTimeTimes(args[0]!, time);
  }
  if (fn === 'INTEG') return perTimeTimes(args[0]!, time);
  // An element picked by computed subscripts (XMILE) has the array's units.
  if (fn === XMILE_ELEMENT) return args[0]!;
  if (fn === HISTORY) {
    timeArg(1, txt('HISTORY time', 'tiempo de HISTORY'));
    return args[0]!;
  }
  if (DELAYS.has(fn)) {
    timeArg(1, txt(`${fn} delay time`, `tiempo de retardo de ${fn}`));
    if (args.length > 2) agree(ctx, txt(`${fn} input and initial value`, `entrada y valor inicial de ${fn}`), e.loc, [args[0]!, args[2]!]);
    return args[0]!;
  }
  // TREND(input, average time, initial trend) → 1/time, the initial trend too (fn_trend).
  if (fn === 'TREND') {
    timeArg(1, txt('TREND average time', 'tiempo de promedio de TREND'));
    const perTime = power(time, -1);
    expectUnits(ctx, e.loc, args[2]!, perTime, txt('TREND initial trend', 'tendencia inicial de TREND'));
    return perTime;
  }
  // FORECAST(input, average time, horizon) → the input's units; both times in time units (fn_forecast).
  if (fn === 'FORECAST') {
    timeArg(1, txt('FORECAST average time', 'tiempo de promedio de FORECAST'));
    timeArg(2, txt('FORECAST horizon', 'horizonte de FORECAST'));
    return args[0]!;
  }
  // SAMPLE IF TRUE(condition, input, initial): the input or the initial value; the condition is a truth value.
  if (fn === 'SAMPLE IF TRUE') return agree(ctx, txt(`${fn} input and initial value`, `entrada y valor inicial de ${fn}`), e.loc, [args[1]!, args[2]!]);
  // GET DATA MAX / MIN / MEAN(data, start, end): the data's units (fn_get_data_min: units, time, time → units).
  if (DATA_STATISTICS.has(fn)) {
    timeArg(1, txt(`${fn} start time`, `tiempo inicial de ${fn}`));
    timeArg(2, txt(`${fn} end time`, `tiempo final de ${fn}`));
    return args[0]!;
  }
  // GET DATA FIRST / LAST TIME(data): a time.
  if (fn === 'GET DATA FIRST TIME' || fn === 'GET DATA LAST TIME') return time;
  // TIME SHIFT(data, shift): the data's units, the shift in time units (fn_time_shift).
  if (fn === 'TIME SHIFT') {
    timeArg(1, txt(`${fn} shift`, `desplazamiento de ${fn}`));
    return args[0]!;
  }
  // TIME BASE(START, SLOPE) is START + Time × SLOPE (fn_time_base: newtime, newtime/time → newtime).
  if (fn === 'TIME BASE') return agree(ctx, txt(`${fn} START and SLOPE × Time`, `START y SLOPE × Time de ${fn}`), e.loc, [args[0]!, multiply(args[1]!, time)]);
  // DERIVN(input, order): the order-th time derivative, input / time^order (order written as a number).
  if (fn === 'DERIVN') {
    const order = e.args[1]!;
    return flexible(args[0]!) ? args[0]! : order.kind === 'num' ? divide(args[0]!, power(time, order.value)) : null;
  }
  // SHIFT IF TRUE(var, cond, size, accum, inval) (fn_shift_if_true: units, dmnl, dmnl, dmnl, units → units).
  if (fn === 'SHIFT IF TRUE') {
    for (const [i, what] of [[1, txt('SHIFT IF TRUE condition', 'la condición de SHIFT IF TRUE')], [2, txt('SHIFT IF TRUE size', 'el tamaño de SHIFT IF TRUE')], [3, txt('SHIFT IF TRUE accum', 'accum de SHIFT IF TRUE')]] as const) {
      expectUnits(ctx, e.loc, args[i]!, new Map(), { en: `${what.en} (must be dimensionless)`, es: `${what.es} (debe ser adimensional)` });
    }
    return agree(ctx, txt(`${fn} level and inval`, `nivel e inval de ${fn}`), e.loc, [args[0]!, args[4]!]);
  }
  // DELAY CONVEYOR (fn_delay_conveyor): units, time, 1/time, dmnl, units*time, time → units.
  if (fn === 'DELAY CONVEYOR') {
    timeArg(1, txt(`${fn} conveyance time`, `tiempo de transporte de ${fn}`));
    expectUnits(ctx, e.loc, args[2]!, power(time, -1), txt(`${fn} leak`, `fuga de ${fn}`));
    if (!flexible(args[0]!)) expectUnits(ctx, e.loc, args[4]!, combine(args[0]!, time, 1), txt(`${fn} initial total`, `total inicial de ${fn}`));
    timeArg(5, txt(`${fn} initial conveyance time`, `tiempo de transporte inicial de ${fn}`));
    return args[0]!;
  }
  // QUEUE FIFO(inflow, outflow, profile, initial, age range) is a level (fn_queue_fifo: "the same
  // as a Level defined using an INTEG equation"): flows in units/time agree, the initial content
  // has the level's units, the age range is a time; the profile is a lookup (mgu09_queues' example).
  if (fn === 'QUEUE FIFO') {
    const flow = agree(ctx, txt(`${fn} inflow and outflow`, `flujo de entrada y de salida de ${fn}`), e.loc, [args[0]!, args[1]!]);
    timeArg(4, txt(`${fn} age range`, `rango de edades de ${fn}`));
    const level = perTimeTimes(flow, time);
    return agree(ctx, txt(`${fn} level and initial content`, `nivel y contenido inicial de ${fn}`), e.loc, [level, args[3]!]);
  }
  // QUEUE AGE IN RANGE(queue, minage, maxage) (fn_queue_age_in_range: queue units → queue units); the ages are times.
  if (fn === 'QUEUE AGE IN RANGE') {
    timeArg(1, txt(`${fn} minimum age`, `edad mínima de ${fn}`));
    timeArg(2, txt(`${fn} maximum age`, `edad máxima de ${fn}`));
    return args[0]!;
  }
  // DEPRECIATE STRAIGHTLINE (fn_depreciate_straightline: units/time, time, ftime/time, units/time →
  // units/time): the output and init in str's units, dtime a time; fisc's "ftime/time" is not checked.
  if (fn === 'DEPRECIATE STRAIGHTLINE') {
    timeArg(1, txt(`${fn} dtime`, `dtime de ${fn}`));
    return agree(ctx, txt(`${fn} str and init`, `str e init de ${fn}`), e.loc, [args[0]!, args[3]!]);
  }
  // NPV and NPVE (fn_npv): units, 1/time, units*time, dmnl → units*time.
  if (fn === 'NPV' || fn === 'NPVE') return perTimeTimes(args[0]!, time);
  if (SAME_AS_FIRST.has(fn)) return args[0]!;
  // PROD multiplies the elements: dimensionless only when they are.
  if (fn === 'PROD') return flexible(args[0]!) || (args[0] !== null && args[0]!.size === 0) ? args[0]! : null;
  return null;
}
