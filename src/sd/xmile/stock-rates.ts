/**
 * The net rate of each stock from its inflow and outflow lists (XMILE 1.0 §3.1.1, §4.2), with
 * unit-conversion multipliers (§4.3: the downstream stock receives flow × multiplier) and
 * non-negative stocks.
 *
 * Non-negative stocks, by transforming the IR (no compiler support needed): the stock's
 * outflows, in the order listed (their priority, §4.2), together take at most what the stock
 * holds plus this step's inflows, `max(0, stock/DT + inflows)`; so with Euler the stock stops
 * at zero. The limit is applied where flows meet stocks, not to the flow variable itself:
 * - the drained stock's rate is `inflows − min(outflows, available)`;
 * - a stock that receives such an outflow as its inflow receives the limited amount (mass is
 *   conserved along a chain, as in Stella), computed as that outflow's share after the
 *   higher-priority outflows;
 * - the flow variable keeps its own value, as the suite's non_negative_all case shows (OutFlow
 *   reads 8 at Time 28 while TestStock0 sits at 0; OutFlow also drains TestStock1, so it could
 *   not be limited for one stock alone).
 * Inflows are not limited. A flow drained from several non-negative stocks reaches a
 * downstream stock unlimited (there is no single stock to limit it by).
 */
import type { SourceLocation } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { apply, bin, num, ref, sum } from './ir-build.js';
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

export function stockRates(stocks: StockFlows[], flows: ReadonlyMap<string, FlowTerms>, useInternal: (m: InternalMacro) => void): Map<string, Expr> {
  const flowRef = (f: string, loc: SourceLocation): Expr => ref(f, loc, flows.get(f)?.display ?? f);
  const inflowMemo = new Map<string, Expr>();
  const visiting = new Set<string>();

  /** The non-negative stock a flow drains, when exactly one does. */
  const drainedFrom = (flow: string, receiver: string): StockFlows | undefined => {
    const from = stocks.filter((s) => s.nonNegative && s.name !== receiver && s.outflows.includes(flow));
    return from.length === 1 ? from[0] : undefined;
  };

  const inflowSum = (s: StockFlows): Expr => {
    const memo = inflowMemo.get(s.name);
    if (memo) return memo;
    visiting.add(s.name);
    const terms = s.inflows.map((f) => {
      let term = flowRef(f, s.loc);
      const source = drainedFrom(f, s.name);
      // A loop of non-negative stocks feeding each other takes the raw flow where it closes.
      if (source && !visiting.has(source.name)) term = limitedOutflow(source, f, s.loc);
      const m = flows.get(f)?.multiplier;
      return m ? bin('*', term, m, s.loc) : term;
    });
    visiting.delete(s.name);
    const total = sum(terms, s.loc);
    inflowMemo.set(s.name, total);
    return total;
  };

  const limitedOutflow = (source: StockFlows, flow: string, loc: SourceLocation): Expr => {
    const k = source.outflows.indexOf(flow);
    const before = sum(source.outflows.slice(0, k).map((f) => flowRef(f, loc)), loc);
    useInternal('#nnout');
    return apply('#nnout', [ref(source.name, loc, source.display), inflowSum(source), before, flowRef(flow, loc)], loc);
  };

  const rates = new Map<string, Expr>();
  for (const s of stocks) {
    const inflow = inflowSum(s);
    const outflow = sum(s.outflows.map((f) => flowRef(f, s.loc)), s.loc);
    if (s.nonNegative && s.outflows.length > 0) {
      useInternal('#nnrate');
      rates.set(s.name, apply('#nnrate', [ref(s.name, s.loc, s.display), inflow, outflow], s.loc));
    } else if (s.outflows.length === 0) {
      rates.set(s.name, inflow);
    } else if (s.inflows.length === 0) {
      rates.set(s.name, outflow.kind === 'num' ? num(0, s.loc) : { kind: 'unary', op: '-', arg: outflow, loc: s.loc });
    } else {
      rates.set(s.name, bin('-', inflow, outflow, s.loc));
    }
  }
  return rates;
}
