/**
 * Non-negative stocks read from XMILE (`<non_negative/>` on a stock, XMILE 1.0 §4.2), found back
 * in the IR so that the writer can write them as the source had them: the reader (stock-rates.ts)
 * gave such a stock the rate `#nnrate(stock, inflows, outflows)`, each inflow the flow or
 * `flow × multiplier`, and wrapped each flow it limits in `#nnout(equation, stock, …)`. Writing
 * the stock's lists with `<non_negative/>`, and each limited flow's own equation, lets the reader
 * build all of it again from the same lists, so the run is identical.
 */
import type { Equation, Expr } from '../ir/model.js';

export interface NonNegativeStock {
  inflows: string[];
  outflows: string[];
}

export interface NonNegativeStocks {
  stocks: Map<string, NonNegativeStock>;
  /** `<multiplier>` of the flows that fill a non-negative stock with one. */
  multipliers: Map<string, Expr>;
}

type Term = { name: string; multiplier?: Expr };

/** The terms of a sum as the reader builds it (ir-build.ts sum: 0 when empty, else left to right). */
function terms(e: Expr): Term[] | undefined {
  if (e.kind === 'num' && e.value === 0) return [];
  const out: Term[] = [];
  let rest = e;
  for (;;) {
    const t = rest.kind === 'binary' && rest.op === '+' ? rest.right : rest;
    if (t.kind === 'ref' && t.subs.length === 0) out.unshift({ name: t.name });
    else if (t.kind === 'binary' && t.op === '*' && t.left.kind === 'ref' && t.left.subs.length === 0) out.unshift({ name: t.left.name, multiplier: t.right });
    else return undefined;
    if (rest.kind !== 'binary' || rest.op !== '+') return out;
    rest = rest.left;
  }
}

const sameTerms = (a: NonNegativeStock, b: NonNegativeStock) => a.inflows.join('\u0000') === b.inflows.join('\u0000') && a.outflows.join('\u0000') === b.outflows.join('\u0000');

/** The lists of one stock equation `INTEG(#nnrate(stock, inflows, outflows), init)`. */
function listsOf(key: string, q: Equation, multipliers: Map<string, Expr>): NonNegativeStock | undefined {
  const rate = q.expr?.kind === 'call' && q.expr.fn === 'INTEG' ? q.expr.args[0] : undefined;
  if (rate?.kind !== 'apply' || rate.name !== '#nnrate' || rate.args.length !== 3) return undefined;
  const [stock, ins, outs] = rate.args as [Expr, Expr, Expr];
  if (stock.kind !== 'ref' || stock.name !== key || stock.subs.length) return undefined;
  const inflows = terms(ins);
  const outflows = terms(outs);
  if (!inflows || !outflows || outflows.some((t) => t.multiplier)) return undefined;
  for (const t of inflows) if (t.multiplier) multipliers.set(t.name, t.multiplier);
  return { inflows: inflows.map((t) => t.name), outflows: outflows.map((t) => t.name) };
}

/** Stocks whose every equation is a non-negative stock's, with the same lists. */
export function nonNegativeStocks(byVar: ReadonlyMap<string, Equation[]>): NonNegativeStocks {
  const stocks = new Map<string, NonNegativeStock>();
  const multipliers = new Map<string, Expr>();
  for (const [key, eqs] of byVar) {
    const lists = eqs.map((q) => listsOf(key, q, multipliers));
    const first = lists[0];
    const flowsOk = (f: string) => f !== key && !!byVar.get(f)?.every((q) => q.kind !== 'lookup' && q.kind !== 'data' && q.kind !== 'lookup-data' && q.expr && !(q.expr.kind === 'call' && q.expr.fn === 'INTEG'));
    if (first && lists.every((l) => l && sameTerms(l, first)) && [...first.inflows, ...first.outflows].every(flowsOk)) stocks.set(key, first);
  }
  return { stocks, multipliers };
}

/** A limited flow's own equation: `#nnout(equation, stock, …)` without the limit of the stock it drains. */
export function withoutStockLimit(e: Expr, drains: (stock: string) => boolean): Expr {
  if (e.kind === 'apply' && e.name === '#nnout' && e.args.length === 4 && e.args[1]!.kind === 'ref' && drains(e.args[1]!.name)) return e.args[0]!;
  return e;
}
