/**
 * Lowering of the priority-profile functions: the profile argument names its first field
 * (`priority[branch, ptype]`) and the others (ppriority, pwidth) follow it in its range
 * (https://www.vensim.com/documentation/24335.html). ALLOCATE AVAILABLE reads a profile per
 * requester; FIND MARKET PRICE reads the demanders' and the suppliers' curves, each side named by
 * its first element (documentation/fn_find_market_price.html); DEMAND AT PRICE and SUPPLY AT PRICE
 * read one curve, the element's (fn_demand_at_price.html, fn_supply_at_price.html). The run time
 * computes them (run/market-price.ts); constant profile types are checked here, by the rule the
 * run time applies to the others (priority-profile.ts).
 */
import { ModelError, type BilingualText, type SourceLocation } from '../ir/diagnostics.js';
import type { Expr, SubscriptRef } from '../ir/model.js';
import type { Ctx, ExpanderApi as Expander } from './context.js';
import type { SExpr } from './scalar-model.js';
import { priorityProfileProblem } from './priority-profile.js';
import type { OptionProblem } from './vector-options.js';

type Ref = Expr & { kind: 'ref' };

/** The variable a node belongs to, without the element (`shipments`, not `shipments[Boston]`). */
export function equationName(ctx: Ctx): string {
  return ctx.owner.name.replace(/\[[^\]]*\]$/, '');
}

/**
 * An option problem found when the model is built, in both languages, naming the variable (and
 * `about` it, e.g. a requester). `whole` problems concern the equation's whole vector (ALLOCATE's
 * requesters, size and width; a market's curves), the same for every element: named by the
 * variable alone, the expander's deduplication reports them once per equation, not per element.
 */
export function optionError(p: OptionProblem, ctx: Ctx, loc: SourceLocation, about?: BilingualText, whole = false): ModelError {
  const text = about ? { en: `${about.en}: ${p.en}`, es: `${about.es}: ${p.es}` } : p;
  const who = whole ? equationName(ctx) : ctx.owner.name;
  return ModelError.at(p.code, { en: `${who}: ${text.en}`, es: `${who}: ${text.es}` }, loc);
}

const sub = (like: SubscriptRef, name: string): SubscriptRef => ({ ...like, name, display: name, bang: false });

/** `e` with its last subscript replaced (or its last two, with `before` for the second to last). */
export function withLast(e: Ref, last: string, before?: string): Ref {
  const n = e.subs.length;
  const subs = before === undefined ? [...e.subs.slice(0, -1), sub(e.subs[n - 1]!, last)] : [...e.subs.slice(0, -2), sub(e.subs[n - 2]!, before), sub(e.subs[n - 1]!, last)];
  return { ...e, subs };
}

/** The profile variable reference and its fields ptype, ppriority, pwidth (and pextra when present), in order. */
export function profileFields(x: Expander, pp: Expr, ctx: Ctx, fn: string): { ref: Ref; fields: string[] } {
  if (pp.kind !== 'ref' || pp.subs.length === 0) {
    throw ModelError.at('E_ARGUMENT', { en: `${fn} needs a priority profile variable`, es: `${fn} necesita una variable de perfil de prioridad` }, pp.loc);
  }
  const last = pp.subs[pp.subs.length - 1]!;
  const isRange = x.dims.isDimension(last.name);
  const profileDim = isRange ? x.dims.get(last.name)! : x.dims.dimsContaining(last.name).sort((a, b) => b.elements.length - a.elements.length)[0];
  if (!profileDim) {
    throw ModelError.at('E_ARGUMENT', { en: `the priority profile of ${fn} names no profile range`, es: `el perfil de prioridad de ${fn} no nombra ningún rango de perfil` }, pp.loc);
  }
  const start = isRange ? 0 : profileDim.elements.indexOf(last.name);
  const fields = profileDim.elements.slice(start, start + 4);
  if (fields.length < 3) {
    const from = fields[0] ?? last.name;
    throw ModelError.at('E_ARGUMENT', {
      en: `${equationName(ctx)}: the priority profile of ${fn} needs ptype, ppriority and pwidth (three elements of ${profileDim.name} from ${from}); it has ${fields.length}`,
      es: `${equationName(ctx)}: el perfil de prioridad de ${fn} necesita ptype, ppriority y pwidth (tres elementos de ${profileDim.name} desde ${from}); tiene ${fields.length}`,
    }, pp.loc);
  }
  return { ref: pp, fields };
}

/** Refuses, now, a constant profile type (with its width) the run time would refuse. */
export function checkConstantProfile(x: Expander, type: SExpr, width: SExpr, at: Expr, ctx: Ctx, fn: string, about: BilingualText, whole: boolean): void {
  if (!x.isRunConstant(type)) return;
  const t = x.constantValue(type, at.loc, { en: `the priority type of ${fn}`, es: `el tipo de prioridad de ${fn}` });
  const w = t >= 1 && x.isRunConstant(width) ? x.constantValue(width, at.loc, { en: `the priority width of ${fn}`, es: `el ancho de prioridad de ${fn}` }) : undefined;
  const p = priorityProfileProblem(t, w);
  if (p) throw optionError(p, ctx, at.loc, about, whole);
}

/** DEMAND AT PRICE(q, pp, price) and SUPPLY AT PRICE(q, pp, price): one curve, this element's. */
export function lowerCurveAtPrice(x: Expander, fn: string, args: Expr[], ctx: Ctx): SExpr {
  const [q, pp, price] = args as [Expr, Expr, Expr];
  const { ref, fields } = profileFields(x, pp, ctx, fn);
  // fn_demand_at_price: "the subscripts for pp must be the subscripts for q followed by a pprofile subscript".
  if (q.kind === 'ref' && (ref.subs.length !== q.subs.length + 1 || q.subs.some((s, i) => s.name !== ref.subs[i]!.name))) {
    const want = [...q.subs.map((s) => s.display), fields[0]!].join(',');
    throw ModelError.at('E_ARGUMENT', {
      en: `${ctx.owner.name}: the profile of ${fn} must have the subscripts of its quantity followed by the profile element (${ref.display}[${want}]; documentation/${fn === 'DEMAND AT PRICE' ? 'fn_demand_at_price' : 'fn_supply_at_price'}.html)`,
      es: `${ctx.owner.name}: el perfil de ${fn} debe tener los subíndices de su cantidad seguidos del elemento del perfil (${ref.display}[${want}]; documentation/${fn === 'DEMAND AT PRICE' ? 'fn_demand_at_price' : 'fn_supply_at_price'}.html)`,
    }, pp.loc);
  }
  const [type, priority, width] = fields.slice(0, 3).map((f) => x.resolve(withLast(ref, f), ctx)) as [SExpr, SExpr, SExpr];
  checkConstantProfile(x, type, width, pp, ctx, fn, { en: fn, es: fn }, false);
  // The curve's element, for a run-time message: the quantity's subscripts as this node binds them.
  const v = q.kind === 'ref' ? x.vars.get(q.name) : undefined;
  const key = q.kind === 'ref' && v && q.subs.length > 0 ? x.elementKey(v, q.subs, ctx, q.loc) : [];
  const names = key.length > 0 ? [[key.map((el) => x.dims.displayOf(el)).join(',')]] : undefined;
  return { k: 'vec', fn, vecs: [[x.resolve(q, ctx)], [type], [priority], [width]], scalars: [x.resolve(price, ctx)], index: 0, names };
}

/** FIND MARKET PRICE(dq, dp, sq, sp): the demanders' curves, then the suppliers'. */
export function lowerFindMarketPrice(x: Expander, args: Expr[], ctx: Ctx): SExpr {
  const fn = 'FIND MARKET PRICE';
  const demand = marketSide(x, args[0]!, args[1]!, ctx, { en: 'demander', es: 'demandante' });
  const supply = marketSide(x, args[2]!, args[3]!, ctx, { en: 'supplier', es: 'oferente' });
  return { k: 'vec', fn, vecs: [...demand.curves, ...supply.curves], scalars: [], index: 0, names: [demand.names, supply.names] };
}

/**
 * One side of the market: [quantities, types, priorities, widths] over the range whose first
 * element names it ("the arguments must be passed with the first element in the Subscript Range
 * rather than the name of the Subscript Range", fn_find_market_price.html), the range being the
 * quantity variable's last subscript.
 */
function marketSide(x: Expander, q: Expr, pp: Expr, ctx: Ctx, side: BilingualText): { curves: SExpr[][]; names: string[] } {
  const fn = 'FIND MARKET PRICE';
  const page = 'documentation/fn_find_market_price.html';
  const v = q.kind === 'ref' ? x.vars.get(q.name) : undefined;
  if (q.kind !== 'ref' || !v || v.positions.length === 0 || q.subs.length !== v.positions.length) {
    throw ModelError.at('E_ARGUMENT', {
      en: `${equationName(ctx)}: ${fn} needs the ${side.en}s' quantities as a subscripted variable named by its first element (${page})`,
      es: `${equationName(ctx)}: ${fn} necesita las cantidades de los ${side.es}s como una variable con subíndices, nombrada por su primer elemento (${page})`,
    }, q.loc);
  }
  const range = v.positions[v.positions.length - 1]!;
  const first = q.subs[q.subs.length - 1]!;
  if (first.name !== range[0]) {
    const shown = x.dims.displayOf(range[0]!);
    throw ModelError.at('E_ARGUMENT', {
      en: `${equationName(ctx)}: ${fn} takes the ${side.en}s by the first element of their range, ${shown}, not ${first.display} (${page})`,
      es: `${equationName(ctx)}: ${fn} toma a los ${side.es}s por el primer elemento de su rango, ${shown}, no ${first.display} (${page})`,
    }, first.loc);
  }
  const { ref, fields } = profileFields(x, pp, ctx, fn);
  if (ref.subs.length !== q.subs.length + 1 || q.subs.some((s, i) => s.name !== ref.subs[i]!.name)) {
    throw ModelError.at('E_ARGUMENT', {
      en: `${equationName(ctx)}: the ${side.en}s' profile of ${fn} must have the subscripts of their quantity followed by the profile element (${ref.display}[${[...q.subs.map((s) => s.display), fields[0]!].join(',')}]; ${page})`,
      es: `${equationName(ctx)}: el perfil de los ${side.es}s de ${fn} debe tener los subíndices de su cantidad seguidos del elemento del perfil (${ref.display}[${[...q.subs.map((s) => s.display), fields[0]!].join(',')}]; ${page})`,
    }, pp.loc);
  }
  const quantities = range.map((el) => x.resolve(withLast(q, el), ctx));
  const [types, priorities, widths] = fields.slice(0, 3).map((f) => range.map((el) => x.resolve(withLast(ref, f, el), ctx))) as [SExpr[], SExpr[], SExpr[]];
  types.forEach((t, i) => {
    const el = x.dims.displayOf(range[i]!);
    checkConstantProfile(x, t, widths[i]!, pp, ctx, fn, { en: `${fn}, ${side.en} ${el}`, es: `${fn}, ${side.es} ${el}` }, true);
  });
  return { curves: [quantities, types, priorities, widths], names: range.map((el) => x.dims.displayOf(el)) };
}
