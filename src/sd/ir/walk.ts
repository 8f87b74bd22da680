/** Bottom-up rewriting and visiting of IR expressions. */
import type { Expr } from './model.js';

/** Rebuilds `e` with `f` applied to every node after its children. */
export function mapExpr(e: Expr, f: (x: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'call':
      return f({ ...e, args: e.args.map((a) => mapExpr(a, f)) });
    case 'apply':
      return f({ ...e, args: e.args.map((a) => mapExpr(a, f)) });
    case 'unary':
      return f({ ...e, arg: mapExpr(e.arg, f) });
    case 'binary':
      return f({ ...e, left: mapExpr(e.left, f), right: mapExpr(e.right, f) });
    default:
      return f(e);
  }
}

/** Calls `f` on every node of `e`. */
export function visitExpr(e: Expr, f: (x: Expr) => void): void {
  f(e);
  switch (e.kind) {
    case 'call':
    case 'apply':
      e.args.forEach((a) => visitExpr(a, f));
      break;
    case 'unary':
      visitExpr(e.arg, f);
      break;
    case 'binary':
      visitExpr(e.left, f);
      visitExpr(e.right, f);
      break;
    default:
      break;
  }
}
