/**
 * Reads an XMILE model (`.xmile`, Stella's `.stmx` / `.itmx`) into the same IR the Vensim
 * reader produces, so the analyzer and compiler run it unchanged.
 *
 * Reading happens in two passes: first the structure (dimensions, every variable's dimensions,
 * graphical functions, macro names), then the equations, which need that structure to read
 * array subscripts and calls.
 */
import { ModelError, type Diagnostic } from '../ir/diagnostics.js';
import { resolveLimits, type ModelLimits } from '../ir/limits.js';
import type { Equation, Expr, MacroDecl, ModelIR, ModuleInstance, StockForm } from '../ir/model.js';
import { readBehavior, type Behavior } from './behavior.js';
import { flattenModules, type ModelBody } from './module-flatten.js';
import { readModelTree, type ModelDef } from './module-tree.js';
import { conveyorFlows } from './conveyors.js';
import { queueFlows } from './queues.js';
import { declareSubRange, readDimensions } from './dimensions.js';
import { parseEquation, type GfRef, type ParseEnv } from './expr-parser.js';
import { internalMacro, type InternalMacro } from './internal-macros.js';
import { CONTROL } from './ir-build.js';
import { macroNames, readMacro, rejectRecursion, withDefaults, type MacroDefaults } from './macros.js';
import { checkSubmodelSpecs, controlEquations, controlValue, readSimSpecs, type SimSpecs } from './sim-specs.js';
import { SourceText } from './source-text.js';
import { writtenByVensim } from './vensim-export-functions.js';
import { readModelUnits } from './model-units.js';
import { loopClosingInflows } from './stock-loops.js';
import { planStocks, type FlowTerms, type StockPlan } from './stock-rates.js';
import { collectVariables, gfCallNames, nameOf, translateVariable, type VarSpec } from './variables.js';
import { attr, child, children, parseXml, type XmlElement } from './xml-tree.js';

/**
 * The value of an array index out of range: XMILE 1.0 §2.2.1, `<header><options><uses_arrays
 * invalid_index_value="NaN"/>` ("with NaN/0 (default: 0)").
 */
function invalidIndexValue(root: XmlElement, src: SourceText): number {
  const header = child(root, 'header');
  const options = header ? child(header, 'options') : undefined;
  const arrays = options ? child(options, 'uses_arrays') : undefined;
  const v = arrays ? attr(arrays, 'invalid_index_value') : undefined;
  if (v === undefined || v.trim() === '0') return 0;
  if (v.trim().toLowerCase() === 'nan') return NaN;
  throw ModelError.at(
    'E_XMILE',
    { en: `invalid_index_value must be NaN or 0 (XMILE 1.0 §2.2.1) but is "${v}"`, es: `invalid_index_value debe ser NaN o 0 (XMILE 1.0 §2.2.1) pero es "${v}"` },
    src.loc(arrays!.start),
  );
}

/** True when a text looks like XML (an XMILE model) rather than Vensim. */
export function looksLikeXmile(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}

export function readXmile(source: string, file?: string, limitOptions?: Partial<ModelLimits>): ModelIR {
  const modelLimits = resolveLimits(limitOptions);
  const src = new SourceText(source.replace(/^\uFEFF/, ''), file);
  const root = parseXml(src);
  if (root.name.replace(/^.*:/, '').toLowerCase() !== 'xmile') {
    throw ModelError.at('E_FORMAT', { en: `not an XMILE file: the root element is <${root.name}>, not <xmile>`, es: `no es un archivo XMILE: el elemento raíz es <${root.name}>, no <xmile>` }, src.loc(root.start));
  }
  const models = children(root, 'model');
  if (models.length === 0) throw ModelError.at('E_XMILE', { en: 'the file has no <model>', es: 'el archivo no tiene <model>' }, src.loc(root.start));
  const tree = readModelTree(models, src);
  const model = tree.main.el;

  const specs = readSimSpecs(child(model, 'sim_specs') ?? child(root, 'sim_specs'), src, src.loc(root.start));
  for (const sub of tree.byName.values()) {
    const own = sub === tree.main ? undefined : child(sub.el, 'sim_specs');
    if (own) checkSubmodelSpecs(own, specs, sub.display, src);
  }
  const behavior = readBehavior([child(root, 'behavior'), child(model, 'behavior')].filter((b) => b !== undefined), src);
  const dimensions = readDimensions([child(root, 'dimensions'), child(model, 'dimensions')].filter((b) => b !== undefined), src, modelLimits.maxRangeSize);
  const macroEls = children(root, 'macro');
  const used = new Set<InternalMacro>();
  const shared: Shared = { src, specs, behavior, dimensions, macroNames: macroNames(macroEls), used, invalidIndexValue: invalidIndexValue(root, src), limits: modelLimits, vensimFunctions: writtenByVensim(root, src) };

  const defs = [tree.main, ...tree.byName.values()];
  const collected = new Map(defs.map((d) => [d.name, collectVariables(d.variablesEl, src, behavior, dimensions.info)]));
  const withModules = defs.length > 1 || tree.main.modules.length > 0;
  const bodies = new Map<string, ModelBody>();
  const groupNames: string[] = [];
  let env: ParseEnv | undefined;
  for (const d of defs) {
    const body = readModelBody(d, collected, tree.byName, shared, withModules);
    bodies.set(d.name, body);
    for (const g of body.groups) if (!groupNames.includes(g)) groupNames.push(g);
    env ??= body.env;
  }
  const control = controlEquations(specs);
  let equations: Equation[];
  let stockForms: StockForm[];
  let instances: ModuleInstance[] = [];
  if (withModules) {
    const globals = new Set<string>(['time', ...Object.values(CONTROL), ...dimensions.info.keys(), ...[...dimensions.info.values()].flatMap((i) => i.elements)]);
    const flat = flattenModules(tree, bodies, globals);
    ({ equations, stockForms, instances } = flat);
  } else {
    ({ equations, stockForms } = bodies.get('')!);
  }
  equations = [...control, ...equations];

  const defaults = new Map<string, MacroDefaults>();
  const macros: MacroDecl[] = [];
  for (const m of macroEls) {
    const r = readMacro(m, src, env!, behavior);
    const prior = macros.find((x) => x.name === r.decl.name);
    if (prior) refuseOverload(prior, r.decl);
    defaults.set(r.decl.name, r.defaults);
    macros.push(r.decl);
  }
  rejectRecursion(macros);
  const ir: ModelIR = { file, equations, dimensions: dimensions.decls, macros, groups: groupNames, sketch: '', settings: '', method: specs.method, dialect: 'xmile' };
  if (stockForms.length) ir.stockForms = stockForms;
  if (instances.length) ir.modules = instances;
  const unitSynonyms = readModelUnits(child(root, 'model_units'), src);
  if (unitSynonyms.length) ir.unitSynonyms = unitSynonyms;
  if (shared.invalidIndexValue !== 0) ir.invalidIndexValue = shared.invalidIndexValue;
  withDefaults(ir, defaults);
  for (const m of used) ir.macros.push(internalMacro(m));
  return ir;
}

/** What every model of a file shares while its equations are read. */
interface Shared {
  src: SourceText;
  specs: SimSpecs;
  behavior: Behavior;
  dimensions: ReturnType<typeof readDimensions>;
  macroNames: ParseEnv['macros'];
  used: Set<InternalMacro>;
  invalidIndexValue: number;
  limits: ModelLimits;
  vensimFunctions: boolean;
}

/**
 * One `<model>`'s equations with its own (unprefixed) names. In a file with modules, an input
 * without an equation is left out (its connection gives it one, module-flatten.ts), and the
 * parent's `Module.output` names are known with their dimensions so that subscripts on them parse.
 */
function readModelBody(def: ModelDef, collected: ReadonlyMap<string, VarSpec[]>, models: ReadonlyMap<string, ModelDef>, shared: Shared, withModules: boolean): ModelBody & { groups: string[]; env: ParseEnv } {
  const { src, specs, dimensions } = shared;
  const mine = collected.get(def.name)!;
  const varDims = new Map(mine.filter((v) => v.dims.length).map((v) => [v.name, v.dims]));
  for (const use of def.modules) {
    for (const v of collected.get(models.get(use.model)?.name ?? '\0') ?? []) if (v.dims.length && v.access === 'output') varDims.set(`${use.name}.${v.name}`, v.dims);
  }
  const gfs = new Map<string, GfRef>(gfCallNames(mine));
  const env: ParseEnv = {
    dims: dimensions.info,
    varDims,
    macros: shared.macroNames,
    gfs,
    useInternal: (m) => shared.used.add(m),
    subRange: (dim, lo, hi) => declareSubRange(dimensions, dim, lo, hi),
    invalidIndexValue: shared.invalidIndexValue,
    limits: shared.limits,
    modules: new Set(def.modules.map((m) => m.name)),
    beltsAndQueues: new Set(mine.filter((v) => v.kind === 'stock' && (child(v.el, 'conveyor') || child(v.el, 'queue'))).map((v) => v.name)),
    vensimFunctions: shared.vensimFunctions,
  };

  const groups = readGroups(children(def.variablesEl, 'group'));
  const flowTerms = flowsOf(mine, src, env);
  const queues = queueFlows(mine, flowTerms, specs, src);
  // What enters a queue is non-negative (queues.ts).
  const vars = mine.map((v) => (v.kind === 'flow' && queues.inflows.has(v.name) ? { ...v, nonNegative: true } : v));
  // A queue's outflows are its released batches (queues.ts), which one_at_a_time reads.
  const belts = conveyorFlows(vars, flowTerms, specs, src, env, new Set(queues.flows.keys()));
  // A conveyor's outflow and leaks come from its belt, and a queue's outflows release at most
  // what it holds: neither goes below zero.
  const beltStocks = new Set(belts.forms.map((f) => f.stock));
  const stockFlows = stocksOf(vars, src).map((s) => (queues.stocks.has(s.name) || beltStocks.has(s.name) ? { ...s, nonNegative: false } : s));
  const isMain = def.name === '';
  const modelVars = vars.filter((v) => !(isMain && isControlVariable(v, specs, src, env)) && !(withModules && v.access === 'input' && !v.hasEqn && !v.gf));
  const translate = (plan: StockPlan): Equation[] => {
    // Every variable without an equation is reported at once (an unfinished Stella model has
    // several), each at its own line; any other error stops at the first.
    const missing: Diagnostic[] = [];
    const out = modelVars.flatMap((v) => {
      try {
        return translateVariable(v, { src, env, rates: plan.rates, limits: withConveyorLimits(plan.limits, belts.inflowLimits), group: (n) => groups.byEntity.get(n), conveyorFlows: belts.flows, queueFlows: queues.flows });
      } catch (e) {
        if (!(e instanceof ModelError) || e.diagnostics.some((d) => d.code !== 'E_NO_EQUATION')) throw e;
        missing.push(...e.diagnostics);
        return [];
      }
    });
    if (missing.length) throw new ModelError(missing);
    return out;
  };
  const plan = planStocks(stockFlows, flowTerms, env.useInternal);
  let equations = translate(plan);
  // An inflow that reads its stock's limited outflow leaves that limit (stock-loops.ts): read again.
  const omit = loopClosingInflows(equations, plan.limitInflows);
  if (omit.size) equations = translate(planStocks(stockFlows, flowTerms, env.useInternal, omit));
  return { equations, stockForms: [...queues.forms, ...belts.forms], vars: new Map(mine.map((v) => [v.name, v])), groups: groups.names, env };
}

/**
 * A second `<macro>` of the same name: XMILE 1.0 §3.6.1 lets "the same macro … be defined multiple
 * times with a different number of arguments"; calls are not told apart by their argument count
 * here, so the second definition is refused where it is rather than silently replacing the first.
 */
function refuseOverload(prior: MacroDecl, again: MacroDecl): never {
  const n = (m: MacroDecl) => m.params.length;
  const what =
    n(prior) === n(again)
      ? { en: `with the same ${n(again)} parameter(s)`, es: `con los mismos ${n(again)} parámetro(s)` }
      : { en: `with ${n(again)} parameter(s) after one with ${n(prior)} (line ${prior.loc.line}); macros overloaded by their number of arguments (XMILE 1.0 §3.6.1) are not supported: give each its own name`, es: `con ${n(again)} parámetro(s) después de una con ${n(prior)} (línea ${prior.loc.line}); no se admiten macros sobrecargadas por su número de argumentos (XMILE 1.0 §3.6.1): dé a cada una su propio nombre` };
  const shown = again.equations[0]?.lhs.display ?? again.name;
  throw ModelError.at('E_REDEFINED', { en: `macro ${shown} is defined again ${what.en}`, es: `la macro ${shown} se define de nuevo ${what.es}` }, again.loc);
}

function stocksOf(vars: VarSpec[], src: SourceText) {
  const flowNames = (s: VarSpec, tag: string) => children(s.el, tag).map((f) => nameOf(src.elementText(f.start).text).name);
  return vars
    .filter((v) => v.kind === 'stock')
    .map((s) => ({ name: s.name, display: s.display, inflows: flowNames(s, 'inflow'), outflows: flowNames(s, 'outflow'), nonNegative: s.nonNegative, loc: s.loc }));
}

function flowsOf(vars: VarSpec[], src: SourceText, env: ParseEnv): Map<string, FlowTerms> {
  const out = new Map<string, FlowTerms>();
  for (const v of vars.filter((x) => x.kind === 'flow')) {
    const m = child(v.el, 'multiplier');
    const text = m ? src.elementText(m.start) : undefined;
    const multiplier: Expr | undefined = text && text.text.trim() !== '' ? parseEquation(text, src, env, { lhsDims: v.dims }) : undefined;
    out.set(v.name, { display: v.display, multiplier });
  }
  return out;
}

/** `<group name="…"><entity name="…"/></group>`: sector names and the group of each variable. */
function readGroups(groupEls: ReturnType<typeof children>): { names: string[]; byEntity: Map<string, string> } {
  const names: string[] = [];
  const byEntity = new Map<string, string>();
  for (const g of groupEls) {
    const name = nameOf(attr(g, 'name') ?? '').display;
    if (!name) continue;
    names.push(name);
    for (const e of children(g, 'entity')) byEntity.set(nameOf(attr(e, 'name') ?? '').name, name);
  }
  return { names, byEntity };
}

/**
 * Files converted from Vensim (xmutil) keep INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER as
 * ordinary auxiliaries. The IR takes the run's control values from these names, and
 * `<sim_specs>` is XMILE's authority for them; so a variable of such a name is dropped in
 * favour of the sim specs when it agrees with them, and is an error when it does not (except
 * SAVEPER, which sets the save interval when the sim specs give none).
 */
function isControlVariable(v: VarSpec, specs: SimSpecs, src: SourceText, env: ParseEnv): boolean {
  const want = controlValue(specs, v.name);
  if (want === undefined) return false;
  const eqn = child(v.el, 'eqn');
  let have: number | undefined;
  if (v.kind === 'aux' && v.dims.length === 0 && eqn && !v.gf) {
    have = constantOf(parseEquation(src.elementText(eqn.start), src, env, { lhsDims: [] }), specs);
  }
  if (have !== undefined && Math.abs(have - want) <= 1e-9 * Math.max(1, Math.abs(want))) return true;
  // XMILE has no standard save interval: without isee:save_interval, a SAVEPER variable states it.
  if (v.name === CONTROL.saveper && specs.saveInterval === undefined && have !== undefined && have > 0) {
    specs.saveInterval = have;
    return true;
  }
  const shown = have === undefined ? { en: 'is not a constant', es: 'no es una constante' } : { en: `is ${have}`, es: `es ${have}` };
  throw ModelError.at('E_SIM_SPECS', { en: `${v.display} ${shown.en} but <sim_specs> gives ${want}; IGEM takes the run's ${v.display} from <sim_specs>, so a variable of that name must agree with it`, es: `${v.display} ${shown.es}, pero <sim_specs> indica ${want}; IGEM toma de <sim_specs> el ${v.display} de la corrida, así que una variable con ese nombre debe coincidir con él` }, v.loc);
}

/** The value of a constant expression whose names are only control variables. */
function constantOf(e: Expr, specs: SimSpecs): number | undefined {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'ref':
      return e.subs.length === 0 && Object.values(CONTROL).includes(e.name as never) ? controlValue(specs, e.name) : undefined;
    case 'unary': {
      const a = constantOf(e.arg, specs);
      return a === undefined ? undefined : e.op === '-' ? -a : e.op === '+' ? a : undefined;
    }
    case 'binary': {
      const a = constantOf(e.left, specs);
      const b = constantOf(e.right, specs);
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        default: return undefined;
      }
    }
    default:
      return undefined;
  }
}

/** A stock's limits on a flow first, then those of the conveyors it fills (conveyor-inflow-limits.ts). */
function withConveyorLimits(limits: ReadonlyMap<string, (raw: Expr) => Expr>, conveyors: ReadonlyMap<string, (raw: Expr) => Expr>): ReadonlyMap<string, (raw: Expr) => Expr> {
  if (conveyors.size === 0) return limits;
  const both = new Map(limits);
  for (const [name, limit] of conveyors) {
    const first = limits.get(name);
    both.set(name, first ? (raw) => limit(first(raw)) : limit);
  }
  return both;
}
