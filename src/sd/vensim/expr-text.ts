/**
 * IR expressions printed in Vensim's notation: the explorer shows XMILE equations this way, and
 * the .mdl writer (writer.ts) writes models with it. Names that Vensim could not read unquoted
 * are quoted; negative literals are parenthesised so `a ^ (-2)` reads back the same.
 */
import type { BinaryOp, Equation, Expr, LookupTable, SubscriptRef } from '../ir/model.js';

/** Binding strength, loosest first; `^` binds tighter than unary minus, as in Vensim (-x^2 = -(x^2)). */
const PRECEDENCE: Record<BinaryOp, number> = {
  or: 1,
  and: 2,
  '=': 3,
  '<>': 3,
  '<': 3,
  '>': 3,
  '<=': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '^': 7,
};
const UNARY = 6;

const OP_TEXT: Partial<Record<BinaryOp, string>> = { and: ':AND:', or: ':OR:' };

/**
 * A name as Vensim reads it: unquoted when it is letters, digits, spaces, `_`, `$`, `'`, `&` or `%`,
 * starting with a letter (the characters the .mdl reader takes in a bare name, scanner.ts); anything
 * else is quoted, as Vensim writes `"Quanta Size 0.8"` — a bare `.` would end the name (also in an XMILE module path, `Cash.cost`).
 */
export function vensimName(display: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_ $'&%]*$/u.test(display) && !/\s$/.test(display)) return display;
  // Inside quotes only `\"` is an escape (the reader keeps other backslashes as written).
  return `"${display.replace(/"/g, '\\"')}"`;
}

function subs(s: readonly SubscriptRef[]): string {
  return s.length ? `[${s.map((x) => vensimName(x.display) + (x.bang ? '!' : '')).join(',')}]` : '';
}

/** A number as Vensim reads it back exactly (shortest round-trip form; no literal for ±∞ or NaN). */
export function numberText(v: number): string {
  if (Number.isNaN(v)) return ':NA:';
  if (v === Infinity) return '1e+309';
  if (v === -Infinity) return '(-1e+309)';
  return v < 0 || Object.is(v, -0) ? `(${String(v)})` : String(v);
}

export function table(t: LookupTable): string {
  const range = t.range ? `[(${t.range.xmin},${t.range.ymin})-(${t.range.xmax},${t.range.ymax})],` : '';
  return `(${range}${t.x.map((x, i) => `(${x},${t.y[i]})`).join(',')})`;
}

function print(e: Expr, outer: number): string {
  switch (e.kind) {
    case 'num':
      return numberText(e.value);
    case 'str':
      return `'${e.value}'`;
    case 'na':
      return ':NA:';
    case 'ref':
      return vensimName(e.display) + subs(e.subs);
    case 'call':
      // XMILE-only functions have `#` IR names (HISTORY, conveyors): shown without it; the .mdl
      // writer refuses them before printing.
      return `${e.fn.replace(/^#/, '')}(${e.args.map((a) => print(a, 0)).join(', ')})`;
    case 'apply':
      return `${vensimName(e.display)}${subs(e.subs)}(${e.args.map((a) => print(a, 0)).join(', ')})`;
    case 'lookup':
      return table(e.table);
    case 'list':
      return e.rows.map((r) => r.join(',')).join(';');
    case 'unary': {
      const s = e.op === 'not' ? `:NOT: ${print(e.arg, UNARY)}` : `${e.op}${print(e.arg, UNARY)}`;
      return outer > UNARY ? `(${s})` : s;
    }
    case 'binary': {
      const p = PRECEDENCE[e.op];
      // `^` groups right to left, the others left to right.
      const right = e.op === '^' ? p : p + 1;
      const left = e.op === '^' ? p + 1 : p;
      const s = `${print(e.left, left)} ${OP_TEXT[e.op] ?? e.op} ${print(e.right, right)}`;
      return p < outer ? `(${s})` : s;
    }
  }
}

export function exprText(e: Expr): string {
  return print(e, 0);
}

/** One equation as `lhs = expression` (or a lookup's table), in Vensim's notation. */
export function equationFromIR(eq: Equation): string {
  const lhs = vensimName(eq.lhs.display) + subs(eq.lhs.subs);
  if (eq.kind === 'lookup' && eq.lookup) return `${lhs}(${table(eq.lookup).slice(1, -1)})`;
  if (!eq.expr) return `${lhs} :=`;
  return `${lhs} = ${exprText(eq.expr)}`;
}
