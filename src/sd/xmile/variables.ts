/**
 * Stocks, flows, auxiliaries and graphical functions of a `<variables>` block → IR equations.
 *
 * - A stock becomes `INTEG(net rate, initial value)`: its `<eqn>` is the initial value.
 * - A flow or auxiliary becomes an ordinary equation; a non-negative flow is `MAX(0, eqn)`.
 * - A graphical function without an equation is a lookup, callable as `name(x)`. With an
 *   equation (`<eqn>x</eqn><gf>…</gf>`) the variable's value is the function at x; its table
 *   becomes a lookup named `name#gf` so the variable itself stays an ordinary output.
 * - Arrays: `<dimensions>` with one `<eqn>` is apply-to-all (the IR equation is defined over
 *   the dimensions); `<element subscript="a, b">` entries define single elements.
 */
import { ModelError, type SourceLocation } from '../ir/diagnostics.js';
import type { Equation, EquationLhs, Expr, LookupTable, SubscriptRef } from '../ir/model.js';
import { canonicalName } from '../ir/names.js';
import { nonNegativeFlag, type Behavior } from './behavior.js';
import { bindPositions, hasPositions } from './dimension-position.js';
import { displayOf, displayOfDecoded, parseEquation, type EquationScope, type GfRef, type ParseEnv } from './expr-parser.js';
import { gfType, readGraphicalFunction } from './graphical-function.js';
import { apply, call, num } from './ir-build.js';
import type { SourceText } from './source-text.js';
import { attr, child, children, type XmlElement } from './xml-tree.js';

export type VarKind = 'stock' | 'flow' | 'aux' | 'gf';

export interface VarSpec {
  kind: VarKind;
  el: XmlElement;
  name: string;
  display: string;
  dims: string[];
  /** For a variable with a graphical function: how calls `name(x)` reach its table. */
  gf?: GfRef;
  /** The name of a `<gf name="…">` defined inside this flow or aux, also callable as `that(x)`. */
  gfName?: string;
  /** `<gf name="…"/>` refers to another variable's function: this variable writes no table. */
  gfShared?: boolean;
  /** Whether an equation is given (at the variable or in its elements). */
  hasEqn: boolean;
  nonNegative: boolean;
  /** XMILE 1.0, Submodels: a module's `access="input"` or `"output"` (`autoexport="true"` is an output). */
  access?: 'input' | 'output';
  loc: SourceLocation;
}

const VARIABLE_TAGS = new Set(['stock', 'flow', 'aux', 'gf']);

/** Unescapes an XMILE name attribute or flow reference (`\n`, `\"`, `\\`) and strips its quotes. */
export function nameOf(raw: string): { name: string; display: string } {
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1);
  s = s.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? ' ' : c));
  return { name: canonicalName(s), display: displayOfDecoded(s) };
}

/** The structure of every variable, read before any equation so that parsing knows all arrays. */
export function collectVariables(block: XmlElement, src: SourceText, behavior: Behavior, dims: ReadonlyMap<string, unknown>): VarSpec[] {
  const out: VarSpec[] = [];
  const seen = new Map<string, VarSpec>();
  for (const el of block.children) {
    const tag = el.name.toLowerCase();
    const loc = src.loc(el.start);
    // <module> elements are read by module-tree.ts.
    if (!VARIABLE_TAGS.has(tag)) continue;
    const raw = attr(el, 'name');
    if (raw === undefined || raw.trim() === '') throw ModelError.at('E_XMILE', { en: `a <${el.name}> has no name`, es: `un <${el.name}> no tiene nombre` }, loc);
    const { name, display } = nameOf(raw);
    if (dims.has(name)) throw ModelError.at('E_REDEFINED', { en: `${display} is the name of a dimension; XMILE keeps variable and dimension names distinct`, es: `${display} es el nombre de una dimensión; en XMILE los nombres de variables y de dimensiones son distintos` }, loc);
    const prior = seen.get(name);
    if (prior) throw ModelError.at('E_REDEFINED', { en: `${display} is defined twice (first at line ${prior.loc.line})`, es: `${display} está definida dos veces (primero en la línea ${prior.loc.line})` }, loc);
    const dimsEl = child(el, 'dimensions');
    const varDims = dimsEl
      ? children(dimsEl, 'dim').map((d) => {
          const dn = canonicalName(attr(d, 'name') ?? '');
          if (!dims.has(dn)) throw ModelError.at('E_DIMENSION', { en: `${display} uses dimension "${attr(d, 'name') ?? ''}", which is not defined`, es: `${display} usa la dimensión "${attr(d, 'name') ?? ''}", que no está definida` }, src.loc(d.start));
          return dn;
        })
      : [];
    const elements = children(el, 'element');
    const hasEqn = tag !== 'gf' && (hasText(child(el, 'eqn'), src) || elements.some((e) => hasText(child(e, 'eqn'), src)));
    const gfEl = tag === 'gf' ? el : child(el, 'gf') ?? elements.map((e) => child(e, 'gf')).find((g) => g);
    const flag = tag === 'stock' || tag === 'flow' ? nonNegativeFlag(el, src) : undefined;
    const nonNegative = flag ?? (tag === 'stock' ? behavior.stock : tag === 'flow' ? behavior.flow : false);
    const spec: VarSpec = { kind: tag as VarKind, el, name, display, dims: varDims, hasEqn, nonNegative, loc };
    const access = accessOf(el, src);
    if (access) spec.access = access;
    if (gfEl && tag !== 'stock') {
      spec.gf = hasEqn ? { lookup: `${name}#gf`, display: `${display}#gf`, type: gfType(gfEl, src) } : { lookup: name, display, type: gfType(gfEl, src) };
      const inner = tag !== 'gf' && gfEl === child(el, 'gf') ? attr(gfEl, 'name') : undefined;
      if (inner !== undefined && inner.trim() !== '') spec.gfName = nameOf(inner).name;
      // Its y-values, for g[3] and MIN(g) (§3.7.1.3), when the variable is only the function (a
      // variable with an equation has a value of its own: MAX(effect, 0) compares that value).
      if (!hasEqn && varDims.length === 0 && elements.length === 0 && child(gfEl, 'ypts')) spec.gf.points = readGraphicalFunction(gfEl, src, display).table.y;
    }
    seen.set(name, spec);
    out.push(spec);
  }
  resolveNamedGfs(out, src);
  return out;
}

/**
 * XMILE 1.0 §4.1.3: "A named graphical function (whether defined stand alone or within a variable)
 * can then be directly referred to in a variable: <gf name="rising"/>". A `<gf name>` without
 * points is such a reference: the variable evaluates that function at its equation.
 */
function resolveNamedGfs(vars: VarSpec[], src: SourceText): void {
  const defined = new Map<string, GfRef>();
  for (const v of vars) {
    if (v.kind === 'gf' && v.gf) defined.set(v.name, v.gf);
    if (v.gfName && child(child(v.el, 'gf')!, 'ypts')) defined.set(v.gfName, v.gf!);
  }
  for (const v of vars) {
    const gfEl = v.kind === 'gf' ? undefined : child(v.el, 'gf');
    if (!v.gfName || !gfEl || child(gfEl, 'ypts')) continue;
    const target = defined.get(v.gfName);
    if (!target) {
      const shown = attr(gfEl, 'name')!.trim();
      throw ModelError.at(
        'E_GF',
        { en: `${v.display} refers to the graphical function ${shown}, which is not defined (no <gf name="${shown}"> with <ypts>)`, es: `${v.display} se refiere a la función gráfica ${shown}, que no está definida (ningún <gf name="${shown}"> con <ypts>)` },
        src.loc(gfEl.start),
      );
    }
    v.gf = target;
    v.gfShared = true;
    delete v.gfName;
  }
}

/** How `name(x)` reaches each graphical function: by its variable's name, and by an inner `<gf name>`. */
export function gfCallNames(vars: readonly VarSpec[]): [string, GfRef][] {
  return vars.flatMap((v): [string, GfRef][] => (v.gf ? [[v.name, v.gf], ...(v.gfName ? [[v.gfName, v.gf] as [string, GfRef]] : [])] : []));
}

function accessOf(el: XmlElement, src: SourceText): 'input' | 'output' | undefined {
  const a = attr(el, 'access')?.trim().toLowerCase();
  if (a === 'input' || a === 'output') return a;
  if (a !== undefined && a !== '' && a !== 'none') {
    throw ModelError.at('E_XMILE', { en: `access="${a}" must be "input" or "output" (XMILE 1.0, Submodels)`, es: `access="${a}" debe ser "input" u "output" (XMILE 1.0, Submodels)` }, src.loc(el.start));
  }
  return attr(el, 'autoexport')?.trim().toLowerCase() === 'true' ? 'output' : undefined;
}

function hasText(el: XmlElement | undefined, src: SourceText): boolean {
  return !!el && src.elementText(el.start).text.trim() !== '';
}

export interface TranslateContext {
  src: SourceText;
  env: ParseEnv;
  /** Net rate of each stock, and the flows limited by a non-negative stock (stock-rates.ts). */
  rates: ReadonlyMap<string, Expr>;
  limits?: ReadonlyMap<string, (raw: Expr) => Expr>;
  group?: (name: string) => string | undefined;
  /** Equations of conveyor outflows and leaks, which the belt computes (conveyors.ts). */
  conveyorFlows?: ReadonlyMap<string, Expr>;
  /** What each queue outflow releases (queues.ts), before a downstream conveyor's limit. */
  queueFlows?: ReadonlyMap<string, Expr>;
}

/** Elements named in `subscript="a, b"` (names, or 1-based indices into the dimension). */
function elementSubs(v: VarSpec, el: XmlElement, ctx: TranslateContext): SubscriptRef[] {
  const loc = ctx.src.loc(el.start);
  const raw = attr(el, 'subscript');
  if (raw === undefined) throw ModelError.at('E_XMILE', { en: `an <element> of ${v.display} has no subscript attribute`, es: `un <element> de ${v.display} no tiene el atributo subscript` }, loc);
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length !== v.dims.length) {
    throw ModelError.at('E_DIMENSION', { en: `element [${raw}] of ${v.display} has ${parts.length} subscripts but the variable has ${v.dims.length} dimensions`, es: `el elemento [${raw}] de ${v.display} tiene ${parts.length} subíndices, pero la variable tiene ${v.dims.length} dimensiones` }, loc);
  }
  return parts.map((p, i) => {
    const info = ctx.env.dims.get(v.dims[i]!)!;
    let name = canonicalName(p);
    if (!info.elements.includes(name)) {
      const k = Number(p);
      if (Number.isInteger(k) && k >= 1 && k <= info.elements.length) name = info.elements[k - 1]!;
      else throw ModelError.at('E_DIMENSION', { en: `"${p}" is not an element of dimension ${info.display} (in ${v.display})`, es: `"${p}" no es un elemento de la dimensión ${info.display} (en ${v.display})` }, loc);
    }
    return { name, display: displayOf(p), bang: false, loc };
  });
}

function dimSubs(v: VarSpec, ctx: TranslateContext): SubscriptRef[] {
  return v.dims.map((d) => ({ name: d, display: ctx.env.dims.get(d)!.display, bang: false, loc: v.loc }));
}

function textOf(el: XmlElement | undefined, ctx: TranslateContext): string {
  return el ? ctx.src.elementText(el.start).text : '';
}

function parseEqn(eqnEl: XmlElement, v: VarSpec, lhsDims: string[], ctx: TranslateContext): Expr {
  const scope: EquationScope = { lhsDims, self: { name: v.name, display: v.display }, perElement: lhsDims.length > 0 };
  return parseEquation(ctx.src.elementText(eqnEl.start), ctx.src, ctx.env, scope);
}

/** The variable's value at x through its graphical function, by the function's type. */
function throughGf(gf: GfRef, x: Expr): Expr {
  const table: Expr = { kind: 'ref', name: gf.lookup, display: gf.display, subs: [], loc: x.loc };
  if (gf.type === 'extrapolate') return call('LOOKUP EXTRAPOLATE', [table, x], x.loc);
  if (gf.type === 'discrete') return call('LOOKUP BACKWARD', [table, x], x.loc);
  return apply(gf.lookup, [x], x.loc, gf.display);
}

export function translateVariable(v: VarSpec, ctx: TranslateContext): Equation[] {
  const el = v.el;
  const units = textOf(child(el, 'units'), ctx).trim();
  const doc = textOf(child(el, 'doc'), ctx).replace(/\s+/g, ' ').trim();
  const rangeEl = child(el, 'range');
  const range = rangeEl ? { min: numberOrUndefined(attr(rangeEl, 'min')), max: numberOrUndefined(attr(rangeEl, 'max')) } : undefined;
  const group = ctx.group?.(v.name);
  const make = (lhs: EquationLhs, kind: Equation['kind'], body: { expr?: Expr; lookup?: LookupTable }, loc: SourceLocation): Equation => ({
    lhs,
    kind,
    ...body,
    units,
    range,
    doc,
    group,
    loc,
  });
  // Each position keeps its declared dimension: `subscript="1, 2"` over size-based N and M is
  // N's 1 and M's 2, not whichever range holding "1" comes first.
  const lhsOf = (name: string, display: string, subs: SubscriptRef[]): EquationLhs => ({ name, display, subs, except: [], ...(v.dims.length ? { dims: v.dims } : {}), loc: v.loc });
  const elements = children(el, 'element');
  const out: Equation[] = [];

  const belt = ctx.conveyorFlows?.get(v.name);
  if (belt) return [make(lhsOf(v.name, v.display, dimSubs(v, ctx)), 'aux', { expr: belt }, v.loc)];
  const released = ctx.queueFlows?.get(v.name);
  if (released) {
    const limit = ctx.limits?.get(v.name);
    return [make(lhsOf(v.name, v.display, dimSubs(v, ctx)), 'aux', { expr: limit ? limit(released) : released }, v.loc)];
  }

  // Lookup tables: one for the whole array, or one per element.
  if (v.gf) {
    const lookupLhs = (subs: SubscriptRef[]) => lhsOf(v.gf!.lookup, v.gf!.display, subs);
    const whole = v.kind === 'gf' ? el : child(el, 'gf');
    if (whole && !v.gfShared) out.push(make(lookupLhs(dimSubs(v, ctx)), 'lookup', { lookup: readGraphicalFunction(whole, ctx.src, v.display).table }, ctx.src.loc(whole.start)));
    for (const e of elements) {
      const g = child(e, 'gf');
      if (g) out.push(make(lookupLhs(elementSubs(v, e, ctx)), 'lookup', { lookup: readGraphicalFunction(g, ctx.src, v.display).table }, ctx.src.loc(g.start)));
    }
  }
  if (v.kind === 'gf' || (v.gf && !v.hasEqn)) {
    if (v.kind === 'flow') throw ModelError.at('E_NO_EQUATION', { en: `flow ${v.display} has a graphical function but no equation for its input`, es: `el flujo ${v.display} tiene una función gráfica, pero ninguna ecuación para su entrada` }, v.loc);
    return out;
  }
  if (!v.hasEqn) throw ModelError.at('E_NO_EQUATION', { en: `${v.display} has no equation`, es: `${v.display} no tiene ecuación` }, v.loc);

  const value = (eqnEl: XmlElement, lhsDims: string[], initEl?: XmlElement): Expr => {
    let e = parseEqn(eqnEl, v, lhsDims, ctx);
    if (v.gf) e = throughGf(v.gf, e);
    if (v.kind === 'flow' && v.nonNegative) e = call('MAX', [num(0, e.loc), e], e.loc);
    const limit = v.kind === 'stock' ? undefined : ctx.limits?.get(v.name);
    if (limit) e = limit(e);
    if (v.kind === 'stock') e = call('INTEG', [ctx.rates.get(v.name) ?? num(0, v.loc), e], v.loc);
    // XMILE 1.0 <init_eqn>: the value at the start comes from it, later values from <eqn>
    // (Vensim's ACTIVE INITIAL).
    else if (initEl && hasText(initEl, ctx.src)) e = call('ACTIVE INITIAL', [e, parseEqn(initEl, v, lhsDims, ctx)], e.loc);
    return e;
  };
  const wholeEqn = child(el, 'eqn');
  const elementEqns = elements.filter((e) => hasText(child(e, 'eqn'), ctx.src));
  const eqns = children(el, 'eqn');
  if (eqns.length > 1 && elements.length === 0) {
    // Vensim's XMILE export writes an array defined element by element as one <eqn> per
    // element, in row-major order, without <element> tags (the suite's arithmetics_exp).
    const tuples = elementTuples(v, ctx);
    if (tuples.length !== eqns.length) {
      throw ModelError.at('E_DIMENSION', { en: `${v.display} has ${eqns.length} equations but ${tuples.length} elements`, es: `${v.display} tiene ${eqns.length} ecuaciones pero ${tuples.length} elementos` }, ctx.src.loc(eqns[0]!.start));
    }
    eqns.forEach((eqnEl, i) => out.push(make(lhsOf(v.name, v.display, tuples[i]!), 'aux', { expr: value(eqnEl, []) }, ctx.src.loc(eqnEl.start))));
  } else if (elementEqns.length > 0) {
    // Non-apply-to-all: each element has its own equation.
    for (const e of elementEqns) {
      const eqnEl = child(e, 'eqn')!;
      out.push(make(lhsOf(v.name, v.display, elementSubs(v, e, ctx)), 'aux', { expr: value(eqnEl, [], child(e, 'init_eqn') ?? child(el, 'init_eqn')) }, ctx.src.loc(eqnEl.start)));
    }
    if (hasText(wholeEqn, ctx.src) && !v.gf) {
      throw ModelError.at('E_XMILE', { en: `${v.display} has both an equation for the whole array and equations for its elements`, es: `${v.display} tiene a la vez una ecuación para todo el arreglo y ecuaciones para sus elementos` }, ctx.src.loc(wholeEqn!.start));
    }
  } else {
    const expr = value(wholeEqn!, v.dims, child(el, 'init_eqn'));
    const loc = ctx.src.loc(wholeEqn!.start);
    // `@n` over a dimension the array has twice: one equation per element (dimension-position.ts).
    if (hasPositions(expr)) for (const tuple of elementTuples(v, ctx)) out.push(make(lhsOf(v.name, v.display, tuple), 'aux', { expr: bindPositions(expr, tuple) }, loc));
    else out.push(make(lhsOf(v.name, v.display, dimSubs(v, ctx)), 'aux', { expr }, loc));
  }
  return out;
}

/** Every element of the variable's array, first dimension slowest (row-major). */
function elementTuples(v: VarSpec, ctx: TranslateContext): SubscriptRef[][] {
  let tuples: SubscriptRef[][] = [[]];
  for (const d of v.dims) {
    const info = ctx.env.dims.get(d)!;
    tuples = tuples.flatMap((t) => info.elements.map((e) => [...t, { name: e, display: e, bang: false, loc: v.loc }]));
  }
  return tuples;
}

function numberOrUndefined(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined;
  const v = Number(s);
  return Number.isNaN(v) ? undefined : v;
}
