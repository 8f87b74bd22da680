/**
 * The subscript element a run-time vector error is about (argument-error.ts VectorElement), from the
 * names the lowering recorded on the `vec` nodes of its function computed for the failing node.
 */
import type { ScalarModel, SExpr } from '../analyze/scalar-model.js';
import type { VectorArgumentError } from './argument-error.js';

/** The element's display name; undefined when no `vec` node records one, or two name it differently. */
export function vectorElementName(model: ScalarModel, e: VectorArgumentError): string | undefined {
  const at = e.element;
  if (!at) return undefined;
  const found = new Set<string>();
  const visit = (x: SExpr | undefined): void => {
    if (!x) return;
    switch (x.k) {
      case 'un':
        return visit(x.a);
      case 'bin':
        visit(x.a);
        return visit(x.b);
      case 'lookup':
        return visit(x.x);
      case 'call':
        return x.args.forEach(visit);
      case 'vec': {
        const name = x.owner === e.node && x.fn === e.fn ? x.names?.[at.list]?.[at.index] : undefined;
        if (name !== undefined) found.add(name);
        x.vecs.forEach((v) => v.forEach(visit));
        return x.scalars.forEach(visit);
      }
      default:
        return;
    }
  };
  // Every node, not only the failing one: a vector inside SMOOTH or DELAY sits in a hidden node
  // while its owner is the variable's. Only when a run stops, so the walk costs nothing otherwise.
  for (const n of model.nodes) {
    visit(n.expr);
    visit(n.init);
    n.args?.forEach(visit);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
