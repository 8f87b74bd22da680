/**
 * Link polarity from an equation's structure: the sign of ∂(expression)/∂(a variable it reads),
 * found by sign rules on the expression tree, as a modeler reads a causal link off an equation.
 *
 * '+' the expression cannot fall when the variable rises (all else fixed), '-' it cannot rise,
 * '?' the sign depends on values (a product with a factor of unknown sign, a condition on the
 * variable, a non-monotonic lookup or function). Variables are taken as non-negative unless a
 * constant's value is negative, the usual reading of stock-and-flow models; the run-time loop
 * scores (loop-scores.ts) need no such assumption and report the observed sign.
 */
import type { Expr, LookupTable } from '../../ir/model.js';
import { someExpr } from '../../ir/walk.js';

export type Sign = '+' | '-' | '0' | '?';

/** Sign of a value or of a derivative. */
export const neg = (s: Sign): Sign => (s === '+' ? '-' : s === '-' ? '+' : s);

/** Sum of two signed terms. */
export function addSigns(a: Sign, b: Sign): Sign {
  if (a === '0') return b;
  if (b === '0') return a;
  return a === b ? a : '?';
}

/** Product of two signs. */
export function mulSigns(a: Sign, b: Sign): Sign {
  if (a === '0' || b === '0') return '0';
  if (a === '?' || b === '?') return '?';
  return a === b ? '+' : '-';
}

export interface SignContext {
  /** The sign of a variable's value ('+' for non-negative), by canonical name. */
  valueSign(name: string): Sign;
  /** A named lookup table, to read its monotonicity. */
  lookup(name: string): LookupTable | undefined;
  /** The value of a scalar variable defined by a number (`c = 0.4`), to sign `1 - c`. */
  constant?(name: string): number | undefined;
}

/** The number an expression of numbers and constants computes (+ − × ÷), or undefined. */
function numeric(e: Expr, ctx: SignContext): number | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'ref') return e.subs.length ? undefined : ctx.constant?.(e.name);
  if (e.kind === 'unary' && (e.op === '-' || e.op === '+')) {
    const v = numeric(e.arg, ctx);
    return v === undefined ? undefined : e.op === '-' ? -v : v;
  }
  if (e.kind !== 'binary' || !['+', '-', '*', '/'].includes(e.op)) return undefined;
  const l = numeric(e.left, ctx);
  const r = l === undefined ? undefined : numeric(e.right, ctx);
  if (l === undefined || r === undefined) return undefined;
  return e.op === '+' ? l + r : e.op === '-' ? l - r : e.op === '*' ? l * r : l / r;
}

/** The sign of `l op r` from its operands' signs (a power of a positive base is positive; comparisons and logic give 0 or 1). */
export function binarySign(op: string, l: Sign, r: Sign): Sign {
  if (op === '+') return addSigns(l, r);
  if (op === '-') return addSigns(l, neg(r));
  if (op === '*' || op === '/') return mulSigns(l, r);
  if (op === '^') return l === '+' ? '+' : '?';
  return '+';
}

/**
 * The sign of the change of `l op r` from its sides' changes `dl`, `dr` and values (asked only when
 * needed): each side's change times the other side's value, a side that does not change adding
 * nothing; a power rises with its base when the base is positive and the exponent does not move;
 * a comparison or logic jumps, so it has no sign.
 */
export function binaryDerivativeSign(op: string, dl: Sign, dr: Sign, leftValue: () => Sign, rightValue: () => Sign): Sign {
  const times = (d: Sign, other: () => Sign): Sign => (d === '0' ? '0' : mulSigns(d, other()));
  switch (op) {
    case '+':
      return addSigns(dl, dr);
    case '-':
      return addSigns(dl, neg(dr));
    case '*':
      return addSigns(times(dl, rightValue), times(dr, leftValue));
    case '/':
      // d(l/r) = dl/r − l·dr/r²
      return addSigns(times(dl, rightValue), neg(times(dr, leftValue)));
    case '^':
      return dr === '0' && leftValue() === '+' ? times(dl, rightValue) : '?';
    default:
      return '?';
  }
}

/** Monotonicity of a lookup table: '+' never decreasing, '-' never increasing, '0' flat. */
export function tableSlope(t: { readonly y: ArrayLike<number> }): Sign {
  let up = false;
  let down = false;
  for (let i = 1; i < t.y.length; i++) {
    if (t.y[i]! > t.y[i - 1]!) up = true;
    if (t.y[i]! < t.y[i - 1]!) down = true;
  }
  return up && down ? '?' : up ? '+' : down ? '-' : '0';
}

/** Sign of the value of an expression, as far as structure tells. */
export function valueSign(e: Expr, ctx: SignContext): Sign {
  switch (e.kind) {
    case 'num':
      return e.value > 0 ? '+' : e.value < 0 ? '-' : '0';
    case 'ref':
      return e.name === 'time' ? '+' : ctx.valueSign(e.name);
    case 'unary':
      return e.op === '-' ? neg(valueSign(e.arg, ctx)) : e.op === '+' ? valueSign(e.arg, ctx) : '+';
    case 'binary': {
      // A difference of constants (`1 - c`) has the sign of its value, not of its terms' signs.
      const v = numeric(e, ctx);
      if (v !== undefined && Number.isFinite(v)) return v > 0 ? '+' : v < 0 ? '-' : '0';
      return binarySign(e.op, valueSign(e.left, ctx), valueSign(e.right, ctx));
    }
    case 'call': {
      const a = e.args.map((x) => valueSign(x, ctx));
      switch (e.fn) {
        case 'EXP':
        case 'ABS':
        case 'SQRT':
          return '+';
        case 'MIN':
        case 'MAX':
        case 'SMOOTH':
        case 'SMOOTH3':
        case 'DELAY1':
        case 'DELAY3':
        case 'INTEG':
          return a.reduce(addSigns, '0' as Sign) === '+' ? '+' : a[0] ?? '?';
        case 'IF THEN ELSE':
          return a[1] === a[2] ? a[1]! : '?';
        // INITIAL's argument; ACTIVE INITIAL's active expression, its value from the initial time on (fn_active_initial).
        case 'INITIAL':
        case 'INIT':
        case 'ACTIVE INITIAL':
          return a[0] ?? '?';
        default:
          return '?';
      }
    }
    default:
      return '?';
  }
}

/** Whether `e` reads `name` anywhere (as a variable or a lookup call). */
function mentions(e: Expr, name: string): boolean {
  return someExpr(e, (x) => (x.kind === 'ref' || x.kind === 'apply') && x.name === name);
}

/** Functions whose output moves with their first argument (the input of a delay or smooth). */
const FOLLOWS_FIRST = new Set([
  'SMOOTH', 'SMOOTHI', 'SMOOTH3', 'SMOOTH3I', 'SMOOTH N', 'DELAY1', 'DELAY1I', 'DELAY3', 'DELAY3I', 'DELAY N',
  'DELAY FIXED', 'DELAY INFORMATION', 'DELAY', 'INTEGER', 'INT', 'SAMPLE IF TRUE', 'FORECAST', 'NPV', 'NPVE',
  // DERIVN(x, n): the n-th backward difference of x over TIME STEP, whose newest term is +x / TIME STEP^n.
  'DERIVN',
]);
/** Functions increasing in every argument. */
export const INCREASING = new Set(['MIN', 'MAX', 'SUM', 'VMIN', 'VMAX', 'EXP', 'LN', 'SQRT', 'SINH', 'TANH', 'ARCTAN']);

/** Sign of ∂e/∂name. */
export function derivativeSign(e: Expr, name: string, ctx: SignContext): Sign {
  if (!mentions(e, name)) return '0';
  switch (e.kind) {
    case 'ref':
      return '+';
    case 'unary':
      return e.op === '-' ? neg(derivativeSign(e.arg, name, ctx)) : e.op === '+' ? derivativeSign(e.arg, name, ctx) : '?';
    case 'binary': {
      const dl = derivativeSign(e.left, name, ctx);
      const dr = derivativeSign(e.right, name, ctx);
      return binaryDerivativeSign(e.op, dl, dr, () => valueSign(e.left, ctx), () => valueSign(e.right, ctx));
    }
    case 'apply': {
      // A lookup: the table's slope times the argument's sign.
      const table = ctx.lookup(e.name);
      if (!table || e.args.length !== 1) return '?';
      return mulSigns(tableSlope(table), derivativeSign(e.args[0]!, name, ctx));
    }
    case 'lookup':
      return '?';
    case 'call': {
      const d = e.args.map((a) => derivativeSign(a, name, ctx));
      const fn = e.fn;
      if (INCREASING.has(fn)) return d.reduce(addSigns, '0' as Sign);
      if (fn === 'INTEG') return d[0]!; // the rate; the initial value acts once
      // ACTIVE INITIAL is its active expression during the run; the initial one acts once.
      if (fn === 'ACTIVE INITIAL') return d[0]!;
      // INITIAL's output is its argument's value at the start, the same afterwards: no later change moves it.
      if (fn === 'INITIAL' || fn === 'INIT') return '0';
      if (FOLLOWS_FIRST.has(fn)) return d[0]!;
      if (fn === 'IF THEN ELSE') return d[0] !== '0' ? '?' : addSigns(d[1]!, d[2]!);
      if (fn === 'XIDZ' || fn === 'ZIDZ' || fn === 'SAFEDIV')
        return addSigns(mulSigns(d[0]!, valueSign(e.args[1]!, ctx)), neg(mulSigns(d[1]!, valueSign(e.args[0]!, ctx))));
      if (fn === 'WITH LOOKUP' && e.args[1]?.kind === 'lookup') return mulSigns(tableSlope(e.args[1].table), d[0]!);
      if (fn === 'LOOKUP EXTRAPOLATE' || fn === 'LOOKUP FORWARD' || fn === 'LOOKUP BACKWARD') {
        const t = e.args[0]?.kind === 'ref' ? ctx.lookup(e.args[0].name) : undefined;
        return t ? mulSigns(tableSlope(t), d[1]!) : '?';
      }
      if (fn === 'STEP' || fn === 'RAMP') return d[0]!;
      // SHIFT IF TRUE returns the last shifted element of its level when the condition holds and
      // accum is 0 (fn_shift_if_true), and 0 when accum is non-zero.
      if (fn === 'SHIFT IF TRUE') {
        if (d[1] !== '0' || d[2] !== '0' || d[3] !== '0') return '?';
        const accum = e.args[3]!;
        if (accum.kind !== 'num') return '?';
        return accum.value === 0 ? d[0]! : '0';
      }
      return '?';
    }
    default:
      return '?';
  }
}

/**
 * Sign of the effect of `name` on the level a SHIFT IF TRUE call shifts: inval becomes the first
 * element (its own sign); the condition, size and accum switch the shift on or change it (no sign).
 */
export function shiftedLevelSign(call: Expr & { kind: 'call' }, name: string, ctx: SignContext): Sign {
  if ([1, 2, 3].some((i) => mentions(call.args[i]!, name))) return '?';
  return derivativeSign(call.args[4]!, name, ctx);
}
