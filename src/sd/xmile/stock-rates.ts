/**
 * The net rate of each stock from its inflow and outflow lists (XMILE 1.0 §3.1.1, §4.2), with
 * unit-conversion multipliers (§4.3: the downstream stock receives flow × multiplier) and
 * non-negative stocks, all by transforming the IR (no compiler support needed).
 *
 * A non-negative stock gives its outflows, in the order listed (their priority, §4.2), at
 * most what it holds plus this step's inflows: outflow k gets
 * `min(outflow k, max(0, stock/DT + inflows − outflows before k))`, so with Euler the stock
 * stops at zero.
 * - When a flow drains only this stock (the normal stock-and-flow topology), the limit is
 *   written into the flow's own equation: the flow reports what actually moved, as Stella's
 *   do, and the stock it fills receives exactly that (mass is conserved along a chain). Every
 *   flow is computed once, so long chains of non-negative stocks cost linear time.
 * - A flow that drains several stocks keeps its own value, and each non-negative stock clamps
 *   its net rate to `inflows − min(outflows, max(0, stock/DT + inflows))`. The suite's
 *   non_negative_all case shows this: OutFlow drains TestStock0 and TestStock1, reads 8 at
 *   Time 28 while TestStock0 sits at 0.
 * The rate clamp is also kept for stocks whose outflows are all limited, where it changes
 * nothing. Inflows are never limited, but the net rate is never below −stock/DT, so a negative
 * inflow (a biflow running backwards) empties the stock at most (outflows give way first). Where limited flows feed each other in a loop of
 * non-negative stocks, the inflow that closes the loop is left out of the availability (less
 * may move that step, the stock still cannot go negative). The same holds when the inflow
 * depends on the limited outflow through auxiliaries (stock-loops.ts): Stella's help gives the
 * limit as MIN(stock/DT + total inflow, outflow) and reports loops without a stock as errors,
 * while models saved and published from Stella have an inflow reading its stock's outflow (the
 * NHS service pathway in corpus/: places freed by today's finishers go to today's starters), so
 * Stella cannot count that inflow in the limit. This rule is inferred, not documented; it only
 * changes results on steps where the limit binds. The stock's net-rate clamp still keeps it
 * at or above zero.
 */
import type { SourceLocation } from '../ir/diagnostics.js';
import type { Expr, StockForm } from '../ir/model.js';
import { apply, bin, ref, sum } from './ir-build.js';
import type { InternalMacro } from './internal-macros.js';

export interface StockFlows {
  name: string;
  display: string;
  inflows: string[];
  outflows: string[];
  nonNegative: boolean;
  loc: SourceLocation;
}

export interface FlowTerms {
  display: string;
  /** `<multiplier>`: what the downstream stock receives per unit of flow. */
  multiplier?: Expr;
}

/** What a stock receives from these flows: each flow times its `<multiplier>`, summed. */
export function receivedTotal(names: string[], flows: ReadonlyMap<string, FlowTerms>, loc: SourceLocation): Expr {
  return sum(
    names.map((name) => {
      const terms = flows.get(name);
      const r = ref(name, loc, terms?.display ?? name);
      return terms?.multiplier ? bin('*', r, terms.multiplier, loc) : r;
    }),
    loc,
  );
}

/** A stock's inflows as StockForm keeps them: name, display and `<multiplier>`. */
export function formInflows(names: string[], flows: ReadonlyMap<string, FlowTerms>): StockForm['inflows'] {
  return names.map((name) => {
    const terms = flows.get(name);
    return { name, display: terms?.display ?? name, ...(terms?.multiplier ? { multiplier: terms.multiplier } : {}) };
  });
}

export interface StockPlan {
  /** Net rate of each stock. */
  rates: Map<string, Expr>;
  /** Flows limited by the one non-negative stock they drain: wraps the flow's own equation. */
  limits: Map<string, (raw: Expr) => Expr>;
  /** The inflows each limited flow's availability counts. */
  limitInflows: Map<string, string[]>;
}

/**
 * `omit` (flow → inflows) leaves further inflows out of a limited flow's availability: those
 * that depend on the flow through auxiliaries (see stock-loops.ts).
 */
export function planStocks(
  stocks: StockFlows[],
  flows: ReadonlyMap<string, FlowTerms>,
  useInternal: (m: InternalMacro) => void,
  omit: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): StockPlan {
  const flowRef = (f: string, loc: SourceLocation): Expr => ref(f, loc, flows.get(f)?.display ?? f);
  const received = (f: string, loc: SourceLocation): Expr => {
    const m = flows.get(f)?.multiplier;
    return m ? bin('*', flowRef(f, loc), m, loc) : flowRef(f, loc);
  };

  const drainedBy = new Map<string, StockFlows[]>();
  for (const s of stocks) for (const f of new Set(s.outflows)) drainedBy.set(f, [...(drainedBy.get(f) ?? []), s]);
  const sourceOf = new Map<string, StockFlows>();
  for (const [f, from] of drainedBy) if (from.length === 1 && from[0]!.nonNegative) sourceOf.set(f, from[0]!);

  // Limited flows depend on the limited inflows of their source; drop the edges that close a loop.
  const closing = new Set<string>();
  const state = new Map<string, 1 | 2>();
  const visit = (f: string): void => {
    state.set(f, 1);
    for (const g of sourceOf.get(f)!.inflows) {
      if (!sourceOf.has(g)) continue;
      if (state.get(g) === 1) closing.add(`${f}\u0000${g}`);
      else if (!state.has(g)) visit(g);
    }
    state.set(f, 2);
  };
  for (const f of sourceOf.keys()) if (!state.has(f)) visit(f);

  const limits = new Map<string, (raw: Expr) => Expr>();
  const limitInflows = new Map<string, string[]>();
  for (const [f, s] of sourceOf) {
    const k = s.outflows.indexOf(f);
    const counted = s.inflows.filter((g) => !closing.has(`${f}\u0000${g}`) && !omit.get(f)?.has(g));
    limitInflows.set(f, counted);
    limits.set(f, (raw) => {
      const loc = raw.loc;
      const inflow = sum(counted.map((g) => received(g, loc)), loc);
      const before = sum(s.outflows.slice(0, k).map((g) => flowRef(g, loc)), loc);
      useInternal('#nnout');
      return apply('#nnout', [raw, ref(s.name, loc, s.display), inflow, before], loc);
    });
  }

  const rates = new Map<string, Expr>();
  for (const s of stocks) {
    const inflow = sum(s.inflows.map((f) => received(f, s.loc)), s.loc);
    const outflow = sum(s.outflows.map((f) => flowRef(f, s.loc)), s.loc);
    if (s.nonNegative && (s.outflows.length > 0 || s.inflows.length > 0)) {
      // Also without outflows: a negative inflow must not take the stock below zero.
      useInternal('#nnrate');
      rates.set(s.name, apply('#nnrate', [ref(s.name, s.loc, s.display), inflow, outflow], s.loc));
    } else if (s.outflows.length === 0) {
      rates.set(s.name, inflow);
    } else {
      // Inflows summed, then each outflow subtracted in turn (−g1 − g2 … without inflows): the
      // order a Vensim rate `in1 + in2 − out1 − out2` computes in, so that a model written as
      // XMILE by the writer (stock-flow-lists.ts) runs to the same last bit.
      const outs = s.outflows.map((f) => flowRef(f, s.loc));
      const first: Expr = s.inflows.length ? bin('-', inflow, outs[0]!, s.loc) : { kind: 'unary', op: '-', arg: outs[0]!, loc: s.loc };
      rates.set(s.name, outs.slice(1).reduce((acc, g) => bin('-', acc, g, s.loc), first));
    }
  }
  return { rates, limits, limitInflows };
}
