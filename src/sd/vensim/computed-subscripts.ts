/**
 * XMILE computed subscripts on their way to .mdl. Vensim has no numeric subscripts; a computed
 * position is written with VECTOR ELM MAP (vensim.com/documentation/fn_vector_elm_map.html), the
 * element a flat offset after a given one, the last subscript fastest.
 *
 * The reader keeps `x[…, i, …]` (XMILE 1.0 §3.7.1) as `#ELEMENT(x[…], invalid, position, index, …)`
 * (ir/builtins.ts), each computed position written at its dimension's first element (a flat index
 * `x(i)`, §3.3.2, is position FLAT_INDEX over all of x: VECTOR ELM MAP from x's first element); the engine
 * takes k = trunc(i) and gives `invalid` (0, or NaN where the header asks) unless 1 ≤ k ≤ n. With n
 * the position's size and S its stride over all of x's positions, that is, for i in [1, n + 1):
 *   IF i >= 1 :AND: i < n + 1 :AND: … THEN VECTOR ELM MAP(x[…], (INTEGER(i) − 1) × S + …) ELSE invalid
 * INTEGER truncates as trunc does, the offset is a whole number inside x, so VECTOR ELM MAP reads the
 * engine's element. The engine's IF THEN ELSE is a conditional (compile/codegen.ts) and never asks the
 * map for an element outside; Vensim may compute both branches and issue its out-of-range message,
 * but the value is the branch taken. Left for the writer to refuse: an
 * invalid value of NaN (Vensim's :NA: is a number, not NaN), a variable whose dimensions the model
 * does not declare, and an index that is not repeatable (ir/repeatable.ts: it is written twice).
 */
import { FLAT_INDEX, XMILE_ELEMENT } from '../ir/builtins.js';
import type { Equation, Expr, ModelIR, SubscriptRef } from '../ir/model.js';
import { repeatable } from '../ir/repeatable.js';
import { mapExpr, someExpr } from '../ir/walk.js';

/** The model with each computed subscript that has an exact VECTOR ELM MAP form written in it. */
export function computedSubscriptsAsElmMap(ir: ModelIR): ModelIR {
  const decls = new Map(ir.dimensions.map((d) => [d.name, d]));
  const members = (d: string): { name: string; display: string }[] => {
    const decl = decls.get(d);
    if (!decl) return [];
    if (decl.equivalentTo) return members(decl.equivalentTo);
    return decl.members.flatMap((m) => (decls.has(m.name) ? members(m.name) : [m]));
  };
  const dimsOf = new Map<string, string[] | undefined>();
  for (const q of ir.equations) if (!dimsOf.has(q.lhs.name)) dimsOf.set(q.lhs.name, q.lhs.dims);
  const macros = new Map(ir.macros.map((m) => [m.name, m]));

  const form = (e: Extract<Expr, { kind: 'call' }>): Expr | undefined => {
    const [ref, invalid] = e.args;
    const dims = ref?.kind === 'ref' ? dimsOf.get(ref.name) : undefined;
    if (ref?.kind !== 'ref' || invalid?.kind !== 'num' || !Number.isFinite(invalid.value) || !dims || dims.length !== ref.subs.length) return undefined;
    const lists = dims.map(members);
    if (lists.some((l) => !l.length)) return undefined;
    const sizes = lists.map((l) => l.length);
    const strides = sizes.map((_, i) => sizes.slice(i + 1).reduce((a, n) => a * n, 1));
    const computed: { p: number; i: Expr }[] = [];
    for (let k = 2; k + 1 < e.args.length; k += 2) computed.push({ p: (e.args[k] as { value: number }).value, i: e.args[k + 1]! });
    const loc = e.loc;
    const num = (value: number): Expr => ({ kind: 'num', value, loc });
    const bin = (op: Extract<Expr, { kind: 'binary' }>['op'], left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, loc });
    const at = (p: number, k: number): SubscriptRef => ({ name: lists[p]![k]!.name, display: lists[p]![k]!.display, bang: false, loc: ref.subs[p]!.loc });
    const flat = computed.find((c) => c.p === FLAT_INDEX);
    if (flat) {
      // x(i), a flat row-major index over all of x (XMILE 1.0 §3.3.2): the offset from x's first element.
      if (computed.length !== 1 || !repeatable(flat.i, macros)) return undefined;
      const total = sizes.reduce((a, n) => a * n, 1);
      const first: Expr = { ...ref, subs: ref.subs.map((_, p) => at(p, 0)) };
      const inside = bin('and', bin('>=', flat.i, num(1)), bin('<', flat.i, num(total + 1)));
      const offset = bin('-', { kind: 'call', fn: 'INTEGER', args: [flat.i], loc }, num(1));
      return { kind: 'call', fn: 'IF THEN ELSE', args: [inside, { kind: 'call', fn: 'VECTOR ELM MAP', args: [first, offset], loc }, invalid], loc };
    }
    // The base: each computed position at its first element.
    const base: Expr = { ...ref, subs: ref.subs.map((s, p) => (computed.some((c) => c.p === p) ? at(p, 0) : s)) };
    if (!computed.every((c) => repeatable(c.i, macros))) return undefined;
    const guard = computed
      .map((c) => bin('and', bin('>=', c.i, num(1)), bin('<', c.i, num(sizes[c.p]! + 1))))
      .reduce((a, g) => bin('and', a, g));
    const offset = computed
      .map((c) => {
        const zeroBased = bin('-', { kind: 'call', fn: 'INTEGER', args: [c.i], loc }, num(1));
        return strides[c.p] === 1 ? zeroBased : bin('*', zeroBased, num(strides[c.p]!));
      })
      .reduce((a, t) => bin('+', a, t));
    return { kind: 'call', fn: 'IF THEN ELSE', args: [guard, { kind: 'call', fn: 'VECTOR ELM MAP', args: [base, offset], loc }, invalid], loc };
  };

  const rewrite = (list: Equation[]): Equation[] =>
    list.map((q) => (q.expr && hasElement(q.expr) ? { ...q, expr: mapExpr(q.expr, (x) => (x.kind === 'call' && x.fn === XMILE_ELEMENT ? (form(x) ?? x) : x)) } : q));
  return { ...ir, equations: rewrite(ir.equations), macros: ir.macros.map((m) => ({ ...m, equations: rewrite(m.equations) })) };
}

const hasElement = (e: Expr): boolean => someExpr(e, (x) => x.kind === 'call' && x.fn === XMILE_ELEMENT);
