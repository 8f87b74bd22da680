/**
 * XMILE 1.0 built-in functions (§3.5) and how each becomes an IR (Vensim-named) call.
 * Array functions (SUM, MEAN, MIN/MAX of an array, SIZE, STDDEV, PROD) and LOOKUP need the
 * parser's knowledge of arrays and graphical functions, so the parser handles them itself.
 *
 * Where Stella and Vensim differ, the XMILE meaning wins (see internal-macros.ts):
 * INT is floor, MOD is floored, PULSE(magnitude, first, interval) is an impulse of
 * magnitude/DT, RAMP has no end, LOGNORMAL takes the distribution's own mean and deviation.
 * DELAY is Vensim's DELAY FIXED (the suite's delay_xmile case: DELAY(Stock_1, 1) at the first
 * time is the input's initial value, DELAY(Stock_1, 1, 0) is 0). SMTH1/SMTH3/DELAY1/DELAY3
 * without an initial value start from the input's initial value, as the spec says and as
 * Vensim's SMOOTH/DELAY1 do.
 *
 * Without a seed the random functions draw from the run's own seeded stream (RunOptions.seed), as
 * for Vensim models; with one (§3.5.2: "If seed is provided, the sequence of numbers will always be
 * identical") from a stream of that seed alone, as a Vensim stream ID does (run/random.ts).
 */
import type { SourceLocation } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { HISTORY } from '../ir/builtins.js';
import { call, dtRef, num, startRef, stopRef } from './ir-build.js';
import type { InternalMacro } from './internal-macros.js';

export interface FunctionContext {
  loc: SourceLocation;
  /** A call of one of the reader's own macros (recorded so the reader adds its definition). */
  internal(name: InternalMacro, args: Expr[]): Expr;
}

interface FunctionSpec {
  min: number;
  max: number;
  build(a: Expr[], c: FunctionContext): Expr;
}

const same = (fn: string, n: number): FunctionSpec => ({ min: n, max: n, build: (a, c) => call(fn, a, c.loc) });
const INF = (c: FunctionContext) => num(Infinity, c.loc);

/** With an initial value the Vensim `…I` form, without it the plain one. */
const withInit = (plain: string, withInitial: string): FunctionSpec => ({
  min: 2,
  max: 3,
  build: (a, c) => call(a.length === 3 ? withInitial : plain, a, c.loc),
});

const SPECS: Record<string, FunctionSpec> = {
  // Mathematical (§3.5.1).
  ...Object.fromEntries(['ABS', 'SQRT', 'EXP', 'LN', 'SIN', 'COS', 'TAN', 'ARCSIN', 'ARCCOS', 'ARCTAN', 'SINH', 'COSH', 'TANH'].map((f) => [f, same(f, 1)])),
  LOG10: { min: 1, max: 1, build: (a, c) => call('LOG', [a[0]!, num(10, c.loc)], c.loc) },
  INT: { min: 1, max: 1, build: (a, c) => c.internal('#int', a) },
  PI: { min: 0, max: 0, build: (_a, c) => num(Math.PI, c.loc) },
  INF: { min: 0, max: 0, build: (_a, c) => INF(c) },
  // Statistical (§3.5.2).
  // The optional seed gives the call a stream of its own, as a Vensim stream ID does (run/random.ts).
  RANDOM: { min: 2, max: 3, build: (a, c) => call('RANDOM UNIFORM', a.slice(0, 3), c.loc) },
  NORMAL: { min: 2, max: 3, build: (a, c) => call('RANDOM NORMAL', [num(-Infinity, c.loc), INF(c), ...a.slice(0, 3)], c.loc) },
  EXPRND: { min: 1, max: 2, build: (a, c) => call('RANDOM EXPONENTIAL', [num(0, c.loc), INF(c), num(0, c.loc), a[0]!, ...a.slice(1, 2)], c.loc) },
  POISSON: { min: 1, max: 2, build: (a, c) => call('RANDOM POISSON', [num(0, c.loc), INF(c), a[0]!, num(0, c.loc), num(1, c.loc), ...a.slice(1, 2)], c.loc) },
  LOGNORMAL: { min: 2, max: 3, build: (a, c) => (a.length === 3 ? c.internal('#lognormals', a) : c.internal('#lognormal', a)) },
  // Delays and smooths (§3.5.3).
  DELAY: { min: 2, max: 3, build: (a, c) => call('DELAY', a, c.loc) },
  DELAY1: withInit('DELAY1', 'DELAY1I'),
  DELAY3: withInit('DELAY3', 'DELAY3I'),
  DELAYN: { min: 3, max: 4, build: (a, c) => (a.length === 4 ? call('DELAY N', [a[0]!, a[1]!, a[3]!, a[2]!], c.loc) : c.internal('#delayn', a)) },
  SMTH1: withInit('SMOOTH', 'SMOOTHI'),
  SMTH3: withInit('SMOOTH3', 'SMOOTH3I'),
  SMTHN: { min: 3, max: 4, build: (a, c) => (a.length === 4 ? call('SMOOTH N', [a[0]!, a[1]!, a[3]!, a[2]!], c.loc) : c.internal('#smthn', a)) },
  TREND: { min: 2, max: 3, build: (a, c) => call('TREND', [a[0]!, a[1]!, a[2] ?? num(0, c.loc)], c.loc) },
  // DERIVN(input, order): the order-th time derivative (see the IR's DERIVN in stateful.ts).
  DERIVN: same('DERIVN', 2),
  FORCST: { min: 3, max: 4, build: (a, c) => c.internal('#forcst', [a[0]!, a[1]!, a[2]!, a[3] ?? num(0, c.loc)]) },
  // Test inputs (§3.5.4). Stella also accepts PULSE(magnitude) and RAMP(slope): from the start time.
  PULSE: { min: 1, max: 3, build: (a, c) => c.internal('#pulse', [a[0]!, a[1] ?? startRef(c.loc), a[2] ?? num(0, c.loc)]) },
  // A third argument (Vensim's RAMP(slope, start, end), kept by translations) ends the ramp.
  RAMP: { min: 1, max: 3, build: (a, c) => call('RAMP', [a[0]!, a[1] ?? startRef(c.loc), a[2] ?? stopRef(c.loc)], c.loc) },
  STEP: same('STEP', 2),
  // Time (§3.5.5).
  DT: { min: 0, max: 0, build: (_a, c) => dtRef(c.loc) },
  STARTTIME: { min: 0, max: 0, build: (_a, c) => startRef(c.loc) },
  STOPTIME: { min: 0, max: 0, build: (_a, c) => stopRef(c.loc) },
  TIME: { min: 0, max: 0, build: (_a, c) => ({ kind: 'ref', name: 'time', display: 'Time', subs: [], loc: c.loc }) },
  // Miscellaneous (§3.5.6). PREVIOUS(x, init) is x one DT ago: a fixed delay of DT.
  INIT: same('INIT', 1),
  PREVIOUS: { min: 1, max: 2, build: (a, c) => call('DELAY', [a[0]!, dtRef(c.loc), ...a.slice(1)], c.loc) },
  SAFEDIV: { min: 2, max: 3, build: (a, c) => call('SAFEDIV', a, c.loc) },
  // HISTORY(input, time): the input's value at a past time. No vendor text says how a time
  // between two DTs is read; we interpolate linearly between the two saved steps (runtime-lib.ts).
  HISTORY: { min: 2, max: 2, build: (a, c) => call(HISTORY, a, c.loc) },
  // Functions that translations of Vensim models keep under Vensim's name and meaning:
  // MODULO (the remainder with the dividend's sign) and NPV(stream, rate, initial, factor),
  // the initial value 0 and factor 1 when left out.
  MODULO: same('MODULO', 2),
  NPV: { min: 2, max: 4, build: (a, c) => call('NPV', [a[0]!, a[1]!, a[2] ?? num(0, c.loc), a[3] ?? num(1, c.loc)], c.loc) },
  'IF THEN ELSE': same('IF THEN ELSE', 3),
};

/** Upper case, `_` as space, without a leading `std.` namespace. */
export function functionKey(raw: string): string {
  return raw
    .replace(/^std\./i, '')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toUpperCase();
}

export function builtinSpec(key: string): FunctionSpec | undefined {
  return SPECS[key];
}

/** Names usable without parentheses (XMILE writes `TIME`, `DT`, `PI`, not `PI()`). */
export const ZERO_ARGUMENT = new Set(['TIME', 'DT', 'STARTTIME', 'STOPTIME', 'PI', 'INF']);

/** Array built-ins (§3.7.1.3), handled by the parser. */
export const ARRAY_BUILTINS = new Set(['SUM', 'PROD', 'MEAN', 'SIZE', 'STDDEV', 'MIN', 'MAX']);

/**
 * Vensim's vector, allocation and market functions, read under their own names and meaning (the
 * parser's vectorCall), as translations of Vensim models keep them (FIND_MARKET_PRICE, …).
 */
export const VENSIM_VECTOR_FUNCTIONS = new Set([
  'VECTOR SELECT', 'VECTOR ELM MAP', 'VECTOR SORT ORDER', 'VECTOR RANK', 'VECTOR REORDER', 'VECTOR LOOKUP',
  'ALLOCATE AVAILABLE', 'ALLOCATE BY PRIORITY', 'FIND MARKET PRICE', 'DEMAND AT PRICE', 'SUPPLY AT PRICE',
]);
