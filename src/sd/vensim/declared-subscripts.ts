/**
 * A model read from XMILE declares each array's dimensions; a `.mdl` cannot. An array defined
 * element by element over two ranges that share element names (size-based N and M, both 1, 2) is
 * read back from a `.mdl` as [N, N], and a bare reference to it then has no single meaning (the
 * analyzer stops with E_DIMENSION). Writing such references with the declared dimensions,
 * `s` → `s[N,M]`, keeps the meaning: each subscript is bound by its range's name.
 */
import type { Equation, Expr, ModelIR, SubscriptRef } from '../ir/model.js';
import { mapExpr } from '../ir/walk.js';

export function nameDeclaredSubscripts(ir: ModelIR): Equation[] {
  const dimNames = new Map(ir.dimensions.map((d) => [d.name, d.display]));
  // Arrays with declared dimensions and at least one equation for single elements.
  const declared = new Map<string, string[]>();
  for (const eq of ir.equations) {
    const dims = eq.lhs.dims;
    if (dims && eq.lhs.subs.some((s) => !dimNames.has(s.name))) declared.set(eq.lhs.name, dims);
  }
  if (declared.size === 0) return ir.equations;
  const rewrite = (e: Expr): Expr => {
    if (e.kind !== 'ref' || e.subs.length) return e;
    const dims = declared.get(e.name);
    if (!dims) return e;
    const subs: SubscriptRef[] = dims.map((d) => ({ name: d, display: dimNames.get(d) ?? d, bang: false, loc: e.loc }));
    return { ...e, subs };
  };
  return ir.equations.map((eq) => (eq.expr ? { ...eq, expr: mapExpr(eq.expr, rewrite) } : eq));
}
