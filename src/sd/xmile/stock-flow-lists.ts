/**
 * Which stocks the XMILE writer can give inflow and outflow lists (XMILE 1.0 §3.1.1, §4.2) instead
 * of one generated net flow: those whose rate is, in every equation of the stock,
 * `f1 + … + fn − g1 − … − gm` or `−g1 − … − gm` (left to right) over auxiliaries subscripted
 * exactly as the stock, or the number 0 (a stock without flows, written with none). The XMILE reader
 * (stock-rates.ts) builds the rate back in that same form, so the run is identical, operation for
 * operation. A flow fills at most one stock and drains at most one (a flow has one source and one
 * destination); anything else keeps the net flow.
 */
import type { Equation, Expr } from '../ir/model.js';

export interface FlowLists {
  inflows: string[];
  outflows: string[];
}

type Ref = Extract<Expr, { kind: 'ref' }>;

/** A left-to-right chain of + and − as its first operand and the (operator, operand) pairs after it. */
function chain(e: Expr): { first: Expr; rest: { op: '+' | '-'; term: Expr }[] } {
  if (e.kind !== 'binary' || (e.op !== '+' && e.op !== '-')) return { first: e, rest: [] };
  const left = chain(e.left);
  return { first: left.first, rest: [...left.rest, { op: e.op, term: e.right }] };
}

/**
 * Inflows and outflows of a rate `f1 + … + fn − g1 − … − gm`, or `−g1 − … − gm`: the form the
 * XMILE reader builds (stock-rates.ts).
 */
function split(rate: Expr): { inflows: Ref[]; outflows: Ref[] } | undefined {
  // A stock without flows: the reader builds its rate as the number 0 (Object.is keeps −0 apart).
  if (rate.kind === 'num' && Object.is(rate.value, 0)) return { inflows: [], outflows: [] };
  const { first, rest } = chain(rate);
  const negated = first.kind === 'unary' && first.op === '-';
  const head = negated ? first.arg : first;
  if (head.kind !== 'ref' || rest.some((r) => r.term.kind !== 'ref')) return undefined;
  const inflows: Ref[] = negated ? [] : [head];
  const outflows: Ref[] = negated ? [head] : [];
  for (const { op, term } of rest) {
    if (op === '+' && outflows.length) return undefined; // an inflow after an outflow: another order of operations
    (op === '+' ? inflows : outflows).push(term as Ref);
  }
  return { inflows, outflows };
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => !!a && !!b && a.length > 0 && a.length === b.length && a.every((x, i) => x === b[i]);

const rateOf = (q: Equation): Expr | undefined => (q.expr?.kind === 'call' && q.expr.fn === 'INTEG' ? q.expr.args[0] : undefined);

/** Stock → its flow lists, for the stocks that can have them; `hasForm` marks conveyors and queues and their flows. */
export function stockFlowLists(byVar: ReadonlyMap<string, Equation[]>, hasForm: (key: string) => boolean): Map<string, FlowLists> {
  const lists = new Map<string, FlowLists>();
  for (const [key, eqs] of byVar) {
    if (hasForm(key) || !eqs.every((q) => rateOf(q) !== undefined)) continue;
    let found: FlowLists | undefined;
    const ok = eqs.every((q) => {
      const parts = split(rateOf(q)!);
      if (!parts) return false;
      const all = [...parts.inflows, ...parts.outflows];
      // A bare flow (as the XMILE reader builds rates) is the current element when the flow is
      // declared over the dimensions the stock's equation runs over.
      const bareOk = (r: Ref) => r.subs.length === 0 && sameList(byVar.get(r.name)?.[0]?.lhs.dims, q.lhs.dims) && sameList(q.lhs.dims, q.lhs.subs.map((s) => s.name));
      const sameSubs = all.every((r) => bareOk(r) || (r.subs.length === q.lhs.subs.length && r.subs.every((s, k) => !s.bang && s.name === q.lhs.subs[k]!.name)));
      const names = { inflows: parts.inflows.map((r) => r.name), outflows: parts.outflows.map((r) => r.name) };
      if (!sameSubs || new Set(all.map((r) => r.name)).size !== all.length) return false;
      if (found && (found.inflows.join('\u0000') !== names.inflows.join('\u0000') || found.outflows.join('\u0000') !== names.outflows.join('\u0000'))) return false;
      found = names;
      return true;
    });
    const flowOk = (f: string) =>
      f !== key && !hasForm(f) && !!byVar.get(f)?.every((q) => q.kind !== 'lookup' && q.kind !== 'data' && q.kind !== 'lookup-data' && q.expr && rateOf(q) === undefined && q.lhs.subs.length === eqs[0]!.lhs.subs.length);
    if (ok && found && [...found.inflows, ...found.outflows].every(flowOk)) lists.set(key, found);
  }
  // One destination and one source per flow: a flow that fills (or drains) two stocks keeps them on net flows.
  for (const side of ['inflows', 'outflows'] as const) {
    const users = new Map<string, string[]>();
    for (const [stock, l] of lists) for (const f of l[side]) users.set(f, [...(users.get(f) ?? []), stock]);
    for (const stocks of users.values()) if (stocks.length > 1) for (const s of stocks) lists.delete(s);
  }
  return lists;
}
