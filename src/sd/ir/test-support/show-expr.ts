/** Prints an IR expression fully parenthesised, for parser tests: `!` marks an iterated subscript. */
import type { Expr } from '../model.js';

export function showExpr(e: Expr | undefined): string {
  if (!e) return '';
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'ref':
      return e.name + (e.subs.length ? `[${e.subs.map((s) => s.name + (s.bang ? '!' : '')).join(',')}]` : '');
    case 'unary':
      return `(${e.op}${e.op === 'not' ? ' ' : ''}${showExpr(e.arg)})`;
    case 'binary':
      return `(${showExpr(e.left)} ${e.op} ${showExpr(e.right)})`;
    case 'call':
      return `${e.fn}(${e.args.map(showExpr).join(', ')})`;
    case 'apply':
      return `${e.name}(${e.args.map(showExpr).join(', ')})`;
    case 'list':
      return JSON.stringify(e.rows);
    default:
      return e.kind;
  }
}
