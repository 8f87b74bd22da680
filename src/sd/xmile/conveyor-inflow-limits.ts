/**
 * A conveyor's capacity (`<capacity>`, an amount) and inflow limit (`<in_limit>`, a rate), XMILE
 * 1.0 §4.2.1. isee's STELLA manual (Technical Documentation, ch. 4 "Conveyors", in the book's
 * online extras at https://extras.springer.com/downloads/springer-extras/2004/978-1-4757-7865-6)
 * says "Both Capacity and Inflow Limit can constrain entry to a Conveyor" and that when either
 * comes into play, the inflows "will be allowed to enter the Conveyor in their order of
 * priority". XMILE gives flows no priority number; its order of a stock's flows is their
 * priority (§4.2, as for a non-negative stock's outflows), so inflows are served in the order
 * the conveyor lists them. Each inflow's own equation is limited, so it reports what entered
 * and the stock it drains gives up only that:
 *   inflow k = MIN(its equation, MAX(0, room − inflows before k)),
 *   room = MIN(in_limit, (capacity − conveyor) / DT + outflow + leaks),
 * the capacity term keeping the belt at or below its capacity after the step (our reading: the
 * documents do not say whether this DT's outflow frees room; we count it, as a non-negative stock
 * counts this DT's inflows). A `<multiplier>` on an inflow converts: the conveyor receives
 * flow × multiplier, so the room is divided by it.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { parseEquation, type ParseEnv } from './expr-parser.js';
import { bin, call, dtRef, num, ref, sum } from './ir-build.js';
import type { SourceText } from './source-text.js';
import type { FlowTerms } from './stock-rates.js';
import type { VarSpec } from './variables.js';
import { child, type XmlElement } from './xml-tree.js';

export interface LimitedConveyor {
  stock: VarSpec;
  el: XmlElement;
  inflows: string[];
  /** The outflow and the leaks: what leaves the belt this DT. */
  leaving: VarSpec[];
}

/** A conveyor's `<capacity>` or `<in_limit>` equation; undefined when absent or empty. */
export function conveyorOption(c: Pick<LimitedConveyor, 'stock' | 'el'>, tag: 'capacity' | 'in_limit', src: SourceText, env: ParseEnv): Expr | undefined {
  const el = child(c.el, tag);
  const text = el ? src.elementText(el.start) : undefined;
  return text && text.text.trim() !== '' ? parseEquation(text, src, env, { lhsDims: c.stock.dims }) : undefined;
}

/** The limit wrapping each inflow's equation, by flow name; none when the conveyor has neither option. */
export function conveyorInflowLimits(
  c: LimitedConveyor,
  flows: ReadonlyMap<string, FlowTerms>,
  beltFlows: ReadonlySet<string>,
  byName: ReadonlyMap<string, VarSpec>,
  src: SourceText,
  env: ParseEnv,
): Map<string, (raw: Expr) => Expr> {
  const limits = new Map<string, (raw: Expr) => Expr>();
  const capacity = conveyorOption(c, 'capacity', src, env);
  const inLimit = conveyorOption(c, 'in_limit', src, env);
  if (!capacity && !inLimit) return limits;
  const loc = c.stock.loc;
  const room = (): Expr => {
    const terms: Expr[] = [];
    if (capacity) {
      const leaving = sum(c.leaving.map((f) => ref(f.name, loc, f.display)), loc);
      terms.push(bin('+', bin('/', bin('-', capacity, ref(c.stock.name, loc, c.stock.display), loc), dtRef(loc), loc), leaving, loc));
    }
    if (inLimit) terms.push(inLimit);
    return terms.length === 1 ? terms[0]! : call('MIN', terms, loc);
  };
  const received = (f: string): Expr => {
    const m = flows.get(f)?.multiplier;
    const r = ref(f, loc, flows.get(f)?.display ?? f);
    return m ? bin('*', r, m, loc) : r;
  };
  c.inflows.forEach((name, k) => {
    const f = byName.get(name);
    if (beltFlows.has(name)) {
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `${f?.display ?? name} leaves another conveyor and fills conveyor ${c.stock.display}, which has a capacity or inflow limit; the documents do not say what becomes of material that arrives at the end of a conveyor when the next one cannot take it`,
          es: `${f?.display ?? name} sale de otra cinta transportadora y llena la cinta ${c.stock.display}, que tiene capacidad o límite de entrada; los documentos no dicen qué pasa con el material que llega al final de una cinta cuando la siguiente no puede recibirlo`,
        },
        f?.loc ?? loc,
      );
    }
    const before = c.inflows.slice(0, k);
    const m = flows.get(name)?.multiplier;
    limits.set(name, (raw) => {
      let left: Expr = call('MAX', [num(0, raw.loc), bin('-', room(), sum(before.map(received), raw.loc), raw.loc)], raw.loc);
      if (m) left = bin('/', left, m, raw.loc);
      return call('MIN', [raw, left], raw.loc);
    });
  });
  return limits;
}
