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

/**
 * Calls `f` on every node of `e`. An index loop over the arguments, not forEach: whole models are
 * walked this way before V8 optimises the walk, and a closure per call node with forEach's call
 * per argument made the expander's walk for macro outputs take 10-18 ms on MEDEAS.
 */
export function visitExpr(e: Expr, f: (x: Expr) => void): void {
  f(e);
  switch (e.kind) {
    case 'call':
    case 'apply': {
      const args = e.args;
      for (let i = 0; i < args.length; i++) visitExpr(args[i]!, f);
      break;
    }
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

/** Whether some node of `e` satisfies `test`, visited in visitExpr's order and stopping at the first that does. */
export function someExpr(e: Expr, test: (x: Expr) => boolean): boolean {
  if (test(e)) return true;
  switch (e.kind) {
    case 'call':
    case 'apply': {
      const args = e.args;
      for (let i = 0; i < args.length; i++) if (someExpr(args[i]!, test)) return true;
      return false;
    }
    case 'unary':
      return someExpr(e.arg, test);
    case 'binary':
      return someExpr(e.left, test) || someExpr(e.right, test);
    default:
      return false;
  }
}
