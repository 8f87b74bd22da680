/**
 * A small evaluator of one scalar equation's right-hand side from given input values, for the
 * loop scores: "what would z have been had only x changed" needs z's equation evaluated with x at
 * its new value and every other input at its old one. Only what that needs: arithmetic,
 * comparisons, the memoryless functions, the functions of time and lookups. Anything else (stateful functions,
 * subscripts, macros) is reported as not evaluable, and the caller says so for that link.
 */
import type { Expr } from '../../ir/model.js';
import type { BilingualText } from '../../ir/diagnostics.js';
import { xidz, zidz } from '../../ir/guarded-division.js';
import { timeFunction } from '../../ir/time-functions.js';

/** What the loop-score evaluators cannot compute; `what` names it in both languages ("function SMOOTH"). */
export class NotEvaluable extends Error {
  constructor(
    readonly what: BilingualText,
    /** The function refused, as functionNamed names it, when a function is what is not covered. */
    readonly fn?: string,
  ) {
    super(what.en);
  }

  /** A call of a function this evaluator does not cover (the callers give their own reasons by its name). */
  static function(fn: string): NotEvaluable {
    return new NotEvaluable(functionNamed(fn), fn.replace(/^#/, ''));
  }
}

export interface EvalEnv {
  value(name: string): number;
  /** The time at the start of the step; STEP, RAMP, PULSE and PULSE TRAIN read it (with `dt`). */
  time: number;
  /** TIME STEP; without it, STEP, RAMP, PULSE and PULSE TRAIN are not evaluable. */
  dt?: number;
  /** A lookup's points: declared in the model, or read from data (GET … LOOKUPS) when the model was expanded. */
  lookup(name: string): LookupPoints | undefined;
  /**
   * The values at the run's start, where INITIAL and INIT read their argument: their output is
   * that one value for the whole run, so it moves with no input and a link score holds it fixed.
   * Without it, INITIAL is not evaluable.
   */
  initial?: EvalEnv;
}

/** A lookup table's points, x ascending. */
export interface LookupPoints {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** Functions whose output is their argument's value at the start of the run. */
export const AT_START = new Set(['INITIAL', 'INIT']);

/**
 * Vensim's ACTIVE INITIAL(active, initial) (fn_active_initial): the initial expression is used only
 * to compute the initial values of stocks; the variable's own value, from the initial time on, is
 * the active expression (the run records that one at the start too). So a link score evaluates the
 * active expression, and an input read only in the initial one moves nothing during the run (a
 * link that acts only at the start, causal-graph.ts).
 */
export const ACTIVE_INITIAL = 'ACTIVE INITIAL';

/** A normal (clamped, linear) table lookup. */
export function interpolate(t: LookupPoints, x: number): number {
  const xs = t.x;
  const ys = t.y;
  const n = xs.length;
  if (n === 0) return NaN;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[n - 1]!) return ys[n - 1]!;
  let i = 1;
  while (xs[i]! < x) i++;
  const x0 = xs[i - 1]!;
  const x1 = xs[i]!;
  return ys[i - 1]! + ((ys[i]! - ys[i - 1]!) * (x - x0)) / (x1 - x0);
}

/**
 * A table read with its own rule (Vensim's LOOKUP EXTRAPOLATE, LOOKUP FORWARD, LOOKUP BACKWARD;
 * XMILE's extrapolate and discrete graphical functions read as the first and the last), as the
 * run computes it (runtime-lib.ts): EXTRAPOLATE continues the first or last segment's line past the
 * ends; FORWARD is the y of the first point at or after x (the last y past the end); BACKWARD the
 * y of the last point at or before x (the first y before the start). No interpolation for these two.
 */
export type LookupRule = 'normal' | 'extrapolate' | 'forward' | 'backward';

export function lookupBy(rule: LookupRule, t: LookupPoints, x: number): number {
  const xs = t.x;
  const ys = t.y;
  const n = xs.length;
  if (n === 0) return NaN;
  switch (rule) {
    case 'normal':
      return interpolate(t, x);
    case 'extrapolate':
      if (n < 2) return interpolate(t, x);
      if (x < xs[0]!) return ys[0]! + ((ys[1]! - ys[0]!) * (x - xs[0]!)) / (xs[1]! - xs[0]!);
      if (x > xs[n - 1]!) return ys[n - 1]! + ((ys[n - 1]! - ys[n - 2]!) * (x - xs[n - 1]!)) / (xs[n - 1]! - xs[n - 2]!);
      return interpolate(t, x);
    case 'forward':
      for (let i = 0; i < n; i++) if (xs[i]! >= x) return ys[i]!;
      return ys[n - 1]!;
    case 'backward':
      for (let i = n - 1; i >= 0; i--) if (xs[i]! <= x) return ys[i]!;
      return ys[0]!;
  }
}

/** The rule of a table-reading call (`LOOKUP FORWARD` → 'forward'), or undefined for another function. */
export const LOOKUP_CALLS: Readonly<Record<string, LookupRule>> = { 'LOOKUP EXTRAPOLATE': 'extrapolate', 'LOOKUP FORWARD': 'forward', 'LOOKUP BACKWARD': 'backward' };

export const UNARY: Record<string, (x: number) => number> = {
  ABS: Math.abs, SQRT: Math.sqrt, EXP: Math.exp, LN: Math.log, SIN: Math.sin, COS: Math.cos, TAN: Math.tan,
  ARCSIN: Math.asin, ARCCOS: Math.acos, ARCTAN: Math.atan, SINH: Math.sinh, COSH: Math.cosh, TANH: Math.tanh,
  INTEGER: Math.trunc, INT: Math.trunc,
};

/** "function X" in both languages, for a function the evaluators do not compute (`#` marks internal ones). */
export function functionNamed(fn: string): BilingualText {
  const name = fn.replace(/^#/, '');
  return { en: `function ${name}`, es: `la función ${name}` };
}

/** Evaluates `e`; throws NotEvaluable for what this evaluator does not cover. */
export function evaluate(e: Expr, env: EvalEnv): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'ref':
      if (e.subs.length > 0) throw new NotEvaluable({ en: `subscripted reference ${e.display}`, es: `la referencia con subíndices ${e.display}` });
      return e.name === 'time' ? env.time : env.value(e.name);
    case 'unary': {
      const a = evaluate(e.arg, env);
      return e.op === '-' ? -a : e.op === '+' ? a : a === 0 ? 1 : 0;
    }
    case 'binary': {
      const a = evaluate(e.left, env);
      const b = evaluate(e.right, env);
      return binaryOp(e.op, a, b) ?? NaN;
    }
    case 'apply': {
      const t = env.lookup(e.name);
      if (!t || e.args.length !== 1 || e.subs.length > 0) throw new NotEvaluable({ en: `call of ${e.display}`, es: `la llamada a ${e.display}` });
      return interpolate(t, evaluate(e.args[0]!, env));
    }
    case 'call': {
      const f = UNARY[e.fn];
      const arg = (i: number) => evaluate(e.args[i]!, env);
      if (f) return f(arg(0));
      const v = callOp(e.fn, arg, e.args.length);
      if (v !== undefined) return v;
      if (env.dt !== undefined) {
        const w = timeFunction(e.fn, arg, env.time, env.dt);
        if (w !== undefined) return w;
      }
      if (AT_START.has(e.fn) && env.initial && e.args.length === 1) return evaluate(e.args[0]!, env.initial);
      if (e.fn === ACTIVE_INITIAL && e.args.length === 2) return arg(0);
      const rule = LOOKUP_CALLS[e.fn];
      const table = e.args[0];
      if (rule && table?.kind === 'ref' && table.subs.length === 0 && e.args.length === 2) {
        const t = env.lookup(table.name);
        if (t) return lookupBy(rule, t, arg(1));
      }
      switch (e.fn) {
        case 'PI': return Math.PI;
        case 'WITH LOOKUP':
          if (e.args[1]?.kind === 'lookup') return interpolate(e.args[1].table, arg(0));
          break;
        default:
          break;
      }
      throw NotEvaluable.function(e.fn);
    }
    default:
      throw new NotEvaluable({ en: `expression of kind ${e.kind}`, es: `la expresión de tipo ${e.kind}` });
  }
}

/** Vensim's binary operators on two numbers (comparisons and logic give 1 or 0); undefined for an unknown operator. */
export function binaryOp(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '^': return a ** b;
    case '=': return a === b ? 1 : 0;
    case '<>': return a !== b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case 'and': return a !== 0 && b !== 0 ? 1 : 0;
    case 'or': return a !== 0 || b !== 0 ? 1 : 0;
  }
  return undefined;
}

/**
 * The functions of several arguments both evaluators compute, from `arg(i)` (the i-th argument's
 * value) and the argument count; undefined for any other function.
 */
export function callOp(fn: string, arg: (i: number) => number, count: number): number | undefined {
  switch (fn) {
    // VMIN and VMAX expand to MIN and MAX of every element, so MIN and MAX take any count.
    case 'MIN': return Math.min(...Array.from({ length: count }, (_, i) => arg(i)));
    case 'MAX': return Math.max(...Array.from({ length: count }, (_, i) => arg(i)));
    case 'IF THEN ELSE': return arg(0) !== 0 ? arg(1) : arg(2);
    case 'XIDZ': return xidz(arg(0), arg(1), arg(2));
    case 'ZIDZ': return zidz(arg(0), arg(1));
    case 'MODULO': return arg(0) % arg(1);
    case 'POWER': return arg(0) ** arg(1);
    case 'LOG': return Math.log(arg(0)) / Math.log(arg(1));
  }
  return undefined;
}
