/**
 * Subscripted Reality Check entries. A Constraint written over a dimension (`c[dim] :THE CONDITION:
 * …`) states one check for each element: it becomes one Constraint per element, `c[e]`, with `dim`
 * read as `e` everywhere in its condition and consequence, and each is run and reported on its own.
 * A subscripted Test Input used as `ti[e]` binds its own subscripts to those elements the same way.
 * The help pages (20965-20980) show no subscripted example; this is our reading of "holds for each
 * element", and it is what the only subscripted model at hand (sd-test-models reality_checks) needs.
 */
import { ModelError, type SourceLocation } from '../ir/diagnostics.js';
import type { ConstraintDecl, Expr, ModelIR, SubscriptRef } from '../ir/model.js';
import { mapExpr } from '../ir/walk.js';

/** The elements of a dimension, sub-dimensions and equivalences followed; undefined when not a dimension. */
export function elementsOf(ir: ModelIR, dim: string, seen = new Set<string>()): { name: string; display: string }[] | undefined {
  const d = ir.dimensions.find((x) => x.name === dim);
  if (!d || seen.has(dim)) return undefined;
  seen.add(dim);
  if (d.equivalentTo) return elementsOf(ir, d.equivalentTo, seen);
  return d.members.flatMap((m) => elementsOf(ir, m.name, seen) ?? [m]);
}

/** `e` with every subscript named in `binding` replaced by its element. */
export function bindSubscripts(e: Expr, binding: ReadonlyMap<string, SubscriptRef>): Expr {
  const sub = (subs: SubscriptRef[]) => subs.map((s) => binding.get(s.name) ?? s);
  return mapExpr(e, (x) => (x.kind === 'ref' || x.kind === 'apply' ? { ...x, subs: sub(x.subs) } : x));
}

export const subscriptText = (subs: readonly SubscriptRef[]): string => (subs.length ? `[${subs.map((s) => s.display).join(',')}]` : '');

/** One Constraint per element of a subscripted Constraint (the Constraint itself when it has none). */
export function constraintInstances(ir: ModelIR, c: ConstraintDecl): ConstraintDecl[] {
  if (!c.subs?.length) return [c];
  let combos: SubscriptRef[][] = [[]];
  for (const s of c.subs) {
    const els = elementsOf(ir, s.name);
    if (els && els.length === 0) throw noElements(c, s);
    const here: SubscriptRef[] = els ? els.map((e) => ({ name: e.name, display: e.display, bang: false, loc: s.loc })) : [s];
    combos = combos.flatMap((combo) => here.map((e) => [...combo, e]));
  }
  return combos.map((combo) => {
    const binding = new Map(c.subs!.map((s, i) => [s.name, combo[i]!]));
    const { subs: _subs, ...rest } = c;
    const suffix = subscriptText(combo);
    return {
      ...rest,
      name: `${c.name}${suffix.toLowerCase()}`,
      display: `${c.display}${suffix}`,
      ...(c.condition ? { condition: bindSubscripts(c.condition, binding) } : {}),
      consequence: bindSubscripts(c.consequence, binding),
    };
  });
}

function noElements(c: ConstraintDecl, s: SubscriptRef): ModelError {
  const at: SourceLocation = s.loc;
  return ModelError.at('E_REALITY_CHECK', { en: `constraint ${c.display}: the range ${s.display} has no elements to check`, es: `restricción ${c.display}: el rango ${s.display} no tiene elementos que probar` }, at);
}
