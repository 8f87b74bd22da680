/**
 * Inflows that must leave a non-negative stock's outflow limit because they depend on that
 * outflow through auxiliaries (start = MIN(spare places, waiting), spare places = … + finish):
 * counting them would make the limit part of a loop with no stock in it. See stock-rates.ts.
 *
 * The dependency graph is read from the translated equations: a stock's equation and the
 * arguments of stateful functions hold state and carry no same-step dependency. Limit edges are
 * tried in model order and each one dropped only while it still closes a loop, so no more
 * inflows leave than needed. A loop that does not pass through a limit is left for the
 * analyzer to report.
 */
import { BUILTINS, CONVEYOR_ARGS, CONVEYOR_OUTFLOW } from '../ir/builtins.js';
import type { Equation, Expr } from '../ir/model.js';

/** Internal macros (internal-macros.ts) whose output holds state. */
const STATEFUL_INTERNAL = new Set(['#smthn', '#delayn', '#forcst']);

function collectRefs(e: Expr, out: Set<string>): void {
  switch (e.kind) {
    case 'ref':
      out.add(e.name);
      return;
    case 'call':
      if (BUILTINS.get(e.fn)?.stateful) return;
      // A conveyor's outflow reads its belt, not this step's inflow; in the step it reads only
      // its leak fractions (conveyors.ts). A leak reads its conveyor's outflow.
      if (e.fn === CONVEYOR_OUTFLOW) {
        for (const a of e.args.slice(CONVEYOR_ARGS.fractions)) collectRefs(a, out);
        return;
      }
      for (const a of e.args) collectRefs(a, out);
      return;
    case 'apply':
      if (STATEFUL_INTERNAL.has(e.name)) return;
      out.add(e.name);
      for (const a of e.args) collectRefs(a, out);
      return;
    case 'unary':
      collectRefs(e.arg, out);
      return;
    case 'binary':
      collectRefs(e.left, out);
      collectRefs(e.right, out);
      return;
    default:
      return;
  }
}

export function loopClosingInflows(equations: readonly Equation[], limitInflows: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>();
  for (const eq of equations) {
    if (!eq.expr) continue;
    const set = deps.get(eq.lhs.name) ?? new Set<string>();
    collectRefs(eq.expr, set);
    deps.set(eq.lhs.name, set);
  }
  const omit = new Map<string, Set<string>>();
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>([from]);
    const stack = [from];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === to) return true;
      for (const d of deps.get(n) ?? []) {
        if (omit.get(n)?.has(d) || seen.has(d)) continue;
        seen.add(d);
        stack.push(d);
      }
    }
    return false;
  };
  for (const [flow, inflows] of limitInflows) {
    for (const g of inflows) {
      if (!deps.get(flow)?.has(g) || !reaches(g, flow)) continue;
      const set = omit.get(flow) ?? new Set<string>();
      set.add(g);
      omit.set(flow, set);
    }
  }
  return omit;
}
