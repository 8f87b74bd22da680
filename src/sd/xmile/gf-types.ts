/**
 * The `type` a graphical function is written with (XMILE 1.0 §3.1.4: continuous, extrapolate or
 * discrete), from how the model uses the lookup. The reader (expr-parser.ts, variables.ts) reads
 * a use of an extrapolate function as Vensim's LOOKUP EXTRAPOLATE(table, x) and of a discrete one
 * as LOOKUP BACKWARD(table, x), so a lookup used only one of those ways is written as a function of
 * that type called as `table(x)`, and reads back as the same calls. XMILE's type belongs to the
 * function, not to the call: a lookup used in several ways keeps the continuous type, and the other
 * calls stay refused. LOOKUP FORWARD reads a mirrored copy of its own (writer-lookup-forward.ts), so
 * it does not count as a use of the lookup's type.
 */
import type { Equation } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';

export type GfType = 'continuous' | 'extrapolate' | 'discrete';

/** The Vensim call a use of a typed graphical function is read as (the reader, expr-parser.ts) and written from. */
export const GF_TYPE_CALL: Readonly<Record<Exclude<GfType, 'continuous'>, string>> = { extrapolate: 'LOOKUP EXTRAPOLATE', discrete: 'LOOKUP BACKWARD' };

const CALL_TYPE: Record<string, GfType> = Object.fromEntries(Object.entries(GF_TYPE_CALL).map(([type, fn]) => [fn, type as GfType]));

/** Lookup → the one type all its uses share; lookups used otherwise or in several ways are absent (continuous). */
export function gfTypes(equations: readonly Equation[]): Map<string, GfType> {
  const lookups = new Set(equations.filter((q) => q.kind === 'lookup').map((q) => q.lhs.name));
  const uses = new Map<string, Set<GfType | 'other'>>();
  const use = (name: string, t: GfType | 'other') => {
    if (lookups.has(name)) uses.set(name, (uses.get(name) ?? new Set()).add(t));
  };
  for (const q of equations) {
    if (!q.expr) continue;
    const asTable = new Set<unknown>();
    visitExpr(q.expr, (e) => {
      if (e.kind === 'call' && CALL_TYPE[e.fn] && e.args[0]?.kind === 'ref' && e.args[0].subs.length === 0) {
        asTable.add(e.args[0]);
        use(e.args[0].name, CALL_TYPE[e.fn]!);
      } else if (e.kind === 'call' && e.fn === 'LOOKUP FORWARD' && e.args[0]?.kind === 'ref' && e.args[0].subs.length === 0) asTable.add(e.args[0]);
      else if (e.kind === 'apply') use(e.name, e.subs.length === 0 ? 'continuous' : 'other');
      else if (e.kind === 'ref' && !asTable.has(e)) use(e.name, 'other');
    });
  }
  const types = new Map<string, GfType>();
  for (const [name, ts] of uses) {
    const [only] = ts;
    if (ts.size === 1 && only !== 'other' && only !== 'continuous') types.set(name, only!);
  }
  return types;
}
