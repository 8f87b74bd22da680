/**
 * `<macro>` definitions (XMILE 1.0 §3.6, §4.8) → IR macros. A macro has parameters (`<parm>`,
 * optionally with a `default="…"` expression of earlier parameters), an output equation, and
 * optionally its own stocks, flows and auxiliaries, each instantiated per call by the analyzer.
 * Not supported (a located error instead): macros with their own `<sim_specs>` (run-to-
 * completion loops), recursive macros, and option filters.
 */
import { ModelError } from '../ir/diagnostics.js';
import type { Equation, Expr, MacroDecl, ModelIR } from '../ir/model.js';
import { parseEquation, type GfRef, type ParseEnv } from './expr-parser.js';
import { mapExpr, visitExpr } from '../ir/walk.js';
import type { Behavior } from './behavior.js';
import { planStocks, type FlowTerms } from './stock-rates.js';
import type { SourceText } from './source-text.js';
import { collectVariables, gfCallNames, nameOf, translateVariable } from './variables.js';
import { attr, child, children, type XmlElement } from './xml-tree.js';

export interface MacroDefaults {
  params: string[];
  /** Default expression of each parameter (in terms of the parameters before it). */
  defaults: (Expr | undefined)[];
}

export function macroNames(blocks: XmlElement[]): Set<string> {
  return new Set(blocks.map((m) => nameOf(attr(m, 'name') ?? '').name).filter((n) => n !== ''));
}

export function readMacro(m: XmlElement, src: SourceText, base: ParseEnv, behavior: Behavior): { decl: MacroDecl; defaults: MacroDefaults } {
  const loc = src.loc(m.start);
  const rawName = attr(m, 'name');
  if (!rawName) throw ModelError.at('E_MACRO', { en: 'a <macro> has no name', es: 'un <macro> no tiene nombre' }, loc);
  const { name, display } = nameOf(rawName);
  if (attr(m, 'filter')) {
    throw ModelError.at('E_UNSUPPORTED', { en: `macro ${display} is an option filter; option filters are not supported`, es: `la macro ${display} es un filtro de opciones; los filtros de opciones no se admiten` }, loc);
  }
  if (child(m, 'sim_specs')) {
    throw ModelError.at('E_UNSUPPORTED', { en: `macro ${display} has its own <sim_specs>; such macros are not supported`, es: `la macro ${display} tiene su propio <sim_specs>; esas macros no se admiten` }, loc);
  }
  const parms = children(m, 'parm');
  const params = parms.map((p) => nameOf(src.elementText(p.start).text).name);
  const block = child(m, 'variables');
  const locals = block ? collectVariables(block, src, behavior, base.dims) : [];
  const gfs = new Map<string, GfRef>(base.gfs);
  for (const [n, g] of gfCallNames(locals)) gfs.set(n, g);
  const env: ParseEnv = { ...base, varDims: new Map(locals.filter((v) => v.dims.length).map((v) => [v.name, v.dims])), gfs };
  const defaults = parms.map((p) => {
    const text = attr(p, 'default');
    if (text === undefined) return undefined;
    // The attribute's text has no position of its own inside the tag; point at the <parm>.
    const offsets = Array.from({ length: text.length + 1 }, () => p.start);
    return parseEquation({ text, offsets }, src, env, { lhsDims: [] });
  });
  const eqnEl = child(m, 'eqn');
  if (!eqnEl || src.elementText(eqnEl.start).text.trim() === '') throw ModelError.at('E_MACRO', { en: `macro ${display} has no <eqn>`, es: `la macro ${display} no tiene <eqn>` }, loc);
  const output: Equation = {
    lhs: { name, display, subs: [], except: [], loc },
    kind: 'aux',
    expr: parseEquation(src.elementText(eqnEl.start), src, env, { lhsDims: [] }),
    units: '',
    doc: '',
    loc: src.loc(eqnEl.start),
  };
  const flows = new Map<string, FlowTerms>(locals.filter((v) => v.kind === 'flow').map((v) => [v.name, { display: v.display }]));
  const stocks = locals.filter((v) => v.kind === 'stock').map((s) => ({
    name: s.name,
    display: s.display,
    inflows: children(s.el, 'inflow').map((f) => nameOf(src.elementText(f.start).text).name),
    outflows: children(s.el, 'outflow').map((f) => nameOf(src.elementText(f.start).text).name),
    nonNegative: s.nonNegative,
    loc: s.loc,
  }));
  const { rates, limits } = planStocks(stocks, flows, base.useInternal);
  // A parameter may also be declared as one of the macro's flows (so that it can fill or drain
  // its stocks): that declaration has no equation of its own, the argument is its value.
  const isParam = (v: (typeof locals)[number]) => params.includes(v.name) && !v.hasEqn;
  const equations = [output, ...locals.filter((v) => !isParam(v)).flatMap((v) => translateVariable(v, { src, env, rates, limits }))];
  return { decl: { name, params, outputs: [], equations, loc }, defaults: { params, defaults } };
}

/** Calls that leave out trailing parameters get their defaults, written in terms of the given arguments. */
export function fillDefaults(e: Expr, macros: ReadonlyMap<string, MacroDefaults>): Expr {
  return mapExpr(e, (x) => {
    if (x.kind !== 'apply') return x;
    const m = macros.get(x.name);
    if (!m || x.args.length >= m.params.length) return x;
    const args = [...x.args];
    for (let i = args.length; i < m.params.length; i++) {
      const d = m.defaults[i];
      if (!d) return x; // no default: the analyzer reports the arity
      const bound = new Map(m.params.slice(0, i).map((p, k) => [p, args[k]!]));
      args.push(mapExpr(d, (y) => (y.kind === 'ref' && y.subs.length === 0 && bound.has(y.name) ? bound.get(y.name)! : y)));
    }
    return { ...x, args };
  });
}

/** A macro that calls itself, directly or through others, cannot be inlined: say so where. */
export function rejectRecursion(macros: MacroDecl[]): void {
  const names = new Set(macros.map((m) => m.name));
  const calls = new Map<string, Set<string>>();
  for (const m of macros) {
    const out = new Set<string>();
    for (const eq of m.equations) if (eq.expr) visitExpr(eq.expr, (x) => x.kind === 'apply' && names.has(x.name) && out.add(x.name));
    calls.set(m.name, out);
  }
  const state = new Map<string, 1 | 2>();
  const visit = (n: string, path: string[]): void => {
    if (state.get(n) === 2) return;
    if (state.get(n) === 1) {
      const m = macros.find((x) => x.name === n)!;
      const cycle = [...path.slice(path.indexOf(n)), n].join(' -> ');
      throw ModelError.at('E_UNSUPPORTED', { en: `recursive macros are not supported (${cycle})`, es: `las macros recursivas no se admiten (${cycle})` }, m.loc);
    }
    state.set(n, 1);
    for (const c of calls.get(n) ?? []) visit(c, [...path, n]);
    state.set(n, 2);
  };
  for (const m of macros) visit(m.name, []);
}

export function withDefaults(ir: Pick<ModelIR, 'equations' | 'macros'>, defaults: ReadonlyMap<string, MacroDefaults>): void {
  if (defaults.size === 0) return;
  const fill = (eq: Equation) => (eq.expr ? { ...eq, expr: fillDefaults(eq.expr, defaults) } : eq);
  ir.equations = ir.equations.map(fill);
  for (const m of ir.macros) m.equations = m.equations.map(fill);
}
