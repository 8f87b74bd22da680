/**
 * XMILE built-ins whose meaning differs from the Vensim function of the same or a similar name
 * are written as small macros in the IR. A macro's parameters become nodes of their own when
 * inlined, so an argument is computed once even when the formula uses it twice (and a RANDOM
 * argument is drawn once). The reader adds only the macros a model uses; their names start
 * with `#`, which no XMILE identifier can.
 */
import type { SourceLocation } from '../ir/diagnostics.js';
import type { Equation, Expr, MacroDecl } from '../ir/model.js';
import { bin, call, dtRef, num, ref, stopRef } from './ir-build.js';

export type InternalMacro = '#int' | '#mod' | '#pulse' | '#lognormal' | '#lognormals' | '#smthn' | '#delayn' | '#forcst' | '#nnrate' | '#nnout';

const LOC: SourceLocation = { file: '<XMILE built-in>', line: 1, column: 1 };
const p = (name: string): Expr => ref(name, LOC);
const ifThen = (c: Expr, a: Expr, b: Expr): Expr => call('IF THEN ELSE', [c, a, b], LOC);

function equation(name: string, expr: Expr): Equation {
  return { lhs: { name, display: name, subs: [], except: [], loc: LOC }, kind: 'aux', expr, units: '', doc: '', loc: LOC };
}

function macro(name: InternalMacro, params: string[], out: Expr, locals: Record<string, Expr> = {}): MacroDecl {
  const equations = Object.entries(locals).map(([n, e]) => equation(n, e));
  equations.push(equation(name, out));
  return { name, params, outputs: [], equations, loc: LOC };
}

const DEFINITIONS: Record<InternalMacro, () => MacroDecl> = {
  // XMILE 1.0 §3.5.1: INT is the next integer less than or equal to x (floor, not truncation).
  // The suite's rounding case expects Vensim's truncation (INT(-9.9) = -9) and so fails for
  // XMILE; see src/conformance/known-failures-xmile.json.
  '#int': () => macro('#int', ['x'], bin('-', call('INTEGER', [p('x')], LOC), ifThen(bin('<', p('x'), call('INTEGER', [p('x')], LOC)), num(1, LOC), num(0, LOC)))),
  // XMILE 1.0 §3.3.1: MOD is the floored modulus, its sign follows the divisor (Vensim's MODULO truncates).
  '#mod': () =>
    macro('#mod', ['a', 'b'], ifThen(bin('and', bin('<>', p('r'), num(0, LOC)), bin('<>', bin('<', p('r'), num(0, LOC)), bin('<', p('b'), num(0, LOC)))), bin('+', p('r'), p('b')), p('r')), {
      r: call('MODULO', [p('a'), p('b')], LOC),
    }),
  // XMILE 1.0 §3.5.4: a one-DT pulse of height magnitude/DT at `first`, repeated every `interval` when it is > 0.
  '#pulse': () =>
    macro(
      '#pulse',
      ['magnitude', 'first', 'interval'],
      bin('*', bin('/', p('magnitude'), dtRef(LOC)), ifThen(bin('>', p('interval'), num(0, LOC)), call('PULSE TRAIN', [p('first'), dtRef(LOC), p('interval'), stopRef(LOC)], LOC), call('PULSE', [p('first'), dtRef(LOC)], LOC))),
    ),
  // XMILE LOGNORMAL takes the mean and standard deviation of the distribution itself; Vensim's
  // RANDOM LOGNORMAL those of the underlying normal: sigma² = ln(1 + (s/m)²), mu = ln(m) − sigma²/2.
  '#lognormal': () =>
    macro(
      '#lognormal',
      ['m', 's'],
      call('RANDOM LOGNORMAL', [num(0, LOC), num(Infinity, LOC), bin('-', call('LN', [p('m')], LOC), bin('/', p('v'), num(2, LOC))), call('SQRT', [p('v')], LOC)], LOC),
      { v: call('LN', [bin('+', num(1, LOC), bin('^', bin('/', p('s'), p('m')), num(2, LOC)))], LOC) },
    ),
  // LOGNORMAL(mean, sd, seed): the same draw from the seed's own stream (XMILE 1.0 §3.5.2, "If seed is
  // provided, the sequence of numbers will always be identical"), as NORMAL's seed does.
  '#lognormals': () =>
    macro(
      '#lognormals',
      ['m', 's', 'seed'],
      call('RANDOM LOGNORMAL', [num(0, LOC), num(Infinity, LOC), bin('-', call('LN', [p('m')], LOC), bin('/', p('v'), num(2, LOC))), call('SQRT', [p('v')], LOC), p('seed')], LOC),
      { v: call('LN', [bin('+', num(1, LOC), bin('^', bin('/', p('s'), p('m')), num(2, LOC)))], LOC) },
    ),
  // Without an initial value SMTHN and DELAYN start from the input's initial value.
  '#smthn': () => macro('#smthn', ['input', 't', 'n'], call('SMOOTH N', [p('input'), p('t'), p('input'), p('n')], LOC)),
  '#delayn': () => macro('#delayn', ['input', 't', 'n'], call('DELAY N', [p('input'), p('t'), p('input'), p('n')], LOC)),
  // FORCST(input, averaging time, horizon, initial trend) = input × (1 + TREND × horizon).
  '#forcst': () =>
    macro('#forcst', ['input', 't', 'h', 'init'], bin('*', p('input'), bin('+', num(1, LOC), bin('*', call('TREND', [p('input'), p('t'), p('init')], LOC), p('h'))))),
  // Non-negative stocks (see stock-rates.ts): the stock's net rate, clamped so that its
  // outflows take at most what it holds plus this step's inflows; and one outflow limited to
  // what is left after the outflows listed before it (`before` is their sum).
  // A negative inflow (a biflow running backwards) takes the stock at most to zero: the net rate
  // is never below −stock/DT (never forced upward when the stock is already below zero).
  '#nnrate': () =>
    macro(
      '#nnrate',
      ['stock', 'inflow', 'outflow'],
      call('MAX', [bin('-', p('inflow'), call('MIN', [p('outflow'), p('avail')], LOC)), call('MIN', [num(0, LOC), bin('/', { kind: 'unary', op: '-', arg: p('stock'), loc: LOC }, dtRef(LOC))], LOC)], LOC),
      { avail: call('MAX', [num(0, LOC), bin('+', bin('/', p('stock'), dtRef(LOC)), p('inflow'))], LOC) },
    ),
  '#nnout': () =>
    macro(
      '#nnout',
      ['flow', 'stock', 'inflow', 'before'],
      call('MIN', [p('flow'), call('MAX', [num(0, LOC), bin('-', bin('+', bin('/', p('stock'), dtRef(LOC)), p('inflow')), p('before'))], LOC)], LOC),
    ),
};

export function internalMacro(name: InternalMacro): MacroDecl {
  return DEFINITIONS[name]();
}
