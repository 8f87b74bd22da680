/**
 * Flattens XMILE modules (XMILE 1.0, section on submodels) into one model: each module instance becomes
 * a copy of its `<model>`'s equations with every name prefixed by the instance's path
 * (`Outer.Inner.var`), so two instances of one model are independent. A connected input
 * (`access="input"`) becomes an alias of its source; an input left unconnected keeps its own
 * equation (our reading: isee's help says an input must be assigned for the module to run; we
 * run one that has an equation on it, and stop on one that has none). The parent reads an instance's output as `Instance.var`, which is that copy's name.
 * The rest of the engine sees an ordinary model.
 */
import { ModelError, type SourceLocation } from '../ir/diagnostics.js';
import type { Equation, Expr, ModuleInstance, StockForm, SubscriptRef } from '../ir/model.js';
import type { ModelDef, ModelTree, QualifiedName } from './module-tree.js';
import type { VarSpec } from './variables.js';

/** One `<model>` read on its own, with its names unprefixed. */
export interface ModelBody {
  equations: Equation[];
  stockForms: StockForm[];
  vars: Map<string, VarSpec>;
}

export interface Flattened {
  equations: Equation[];
  stockForms: StockForm[];
  instances: ModuleInstance[];
}

interface Path {
  name: string;
  display: string;
}

const moduleError = (en: string, es: string, loc: SourceLocation) => ModelError.at('E_MODULE', { en, es }, loc);
const join = (p: Path | undefined, name: string, display: string): Path => (p ? { name: `${p.name}.${name}`, display: `${p.display}.${display}` } : { name, display });

/**
 * `globals`: names every model shares (TIME, the control variables, dimensions and elements).
 * `bodies` holds each model's equations by model name ('' for the main model).
 */
export function flattenModules(tree: ModelTree, bodies: ReadonlyMap<string, ModelBody>, globals: ReadonlySet<string>): Flattened {
  const out: Flattened = { equations: [], stockForms: [], instances: [] };
  const bodyOf = (def: ModelDef): ModelBody => bodies.get(def.name)!;

  /** Resolves a name read in `def` (at `path`) to its flattened name; checks `Module.output`. */
  const resolver = (def: ModelDef, path: Path | undefined) => {
    const body = bodyOf(def);
    const modules = new Map(def.modules.map((m) => [m.name, m]));
    return (q: QualifiedName, loc: SourceLocation): Path & { spec?: VarSpec } => {
      const [first, ...rest] = q.parts;
      const use = rest.length ? modules.get(first!) : undefined;
      if (use) {
        const sub = tree.byName.get(use.model)!;
        const varName = rest.join('.');
        const spec = bodyOf(sub).vars.get(varName);
        const shown = `${use.display}.${q.displays.slice(1).join('.')}`;
        if (!spec) throw moduleError(`${shown}: model ${sub.display} (module ${use.display}) has no variable ${q.displays.slice(1).join('.')}`, `${shown}: el modelo ${sub.display} (módulo ${use.display}) no tiene la variable ${q.displays.slice(1).join('.')}`, loc);
        if (spec.access !== 'output') throw moduleError(`${shown} is not an output of module ${use.display}: only variables with access="output" are seen outside it (XMILE 1.0, Submodels)`, `${shown} no es una salida del módulo ${use.display}: fuera de él solo se ven las variables con access="output" (XMILE 1.0, Submodels)`, loc);
        return { ...join(join(path, use.name, use.display), spec.name, spec.display), spec };
      }
      const name = q.parts.join('.');
      const display = q.displays.join('.');
      if (!path || globals.has(name)) return { name, display, spec: body.vars.get(name) };
      return { ...join(path, name, display), spec: body.vars.get(name) };
    };
  };

  const instantiate = (def: ModelDef, path: Path | undefined, inputs: Map<string, Expr>, stack: ModelDef[], at: SourceLocation): void => {
    const body = bodyOf(def);
    const resolve = resolver(def, path);
    const lookups = new Set(body.equations.filter((e) => e.kind === 'lookup').map((e) => e.lhs.name));
    const rename = (name: string, display: string, loc: SourceLocation): Path => {
      const q = { parts: [name], displays: [display] };
      const dot = name.indexOf('.');
      // `Module.var` (canonical names keep the dot; displays may not split the same way).
      if (dot > 0 && def.modules.some((m) => m.name === name.slice(0, dot))) {
        const dd = display.indexOf('.');
        q.parts = [name.slice(0, dot), name.slice(dot + 1)];
        q.displays = dd > 0 ? [display.slice(0, dd), display.slice(dd + 1)] : [name.slice(0, dot), name.slice(dot + 1)];
      }
      return resolve(q, loc);
    };
    const expr = (e: Expr): Expr => {
      switch (e.kind) {
        case 'ref': {
          const r = rename(e.name, e.display, e.loc);
          return { ...e, name: r.name, display: r.display };
        }
        case 'apply': {
          // A call of a graphical function of this model is renamed; a macro's name is global.
          const r = lookups.has(e.name) ? rename(e.name, e.display, e.loc) : { name: e.name, display: e.display };
          const outputs = e.outputs?.map((o) => ({ ...o, ...rename(o.name, o.display, o.loc) }));
          return { ...e, name: r.name, display: r.display, args: e.args.map(expr), ...(outputs ? { outputs } : {}) };
        }
        case 'call':
          return { ...e, args: e.args.map(expr) };
        case 'unary':
          return { ...e, arg: expr(e.arg) };
        case 'binary':
          return { ...e, left: expr(e.left), right: expr(e.right) };
        default:
          return e;
      }
    };
    if (path) {
      const withAccess = (a: 'input' | 'output') => [...body.vars.values()].filter((v) => v.access === a).map((v) => v.name);
      const connects = [...inputs].map(([to, e]) => ({ to, from: e.kind === 'ref' ? e.name : '' }));
      out.instances.push({ path: path.name, display: path.display, model: def.name, modelDisplay: def.display, inputs: withAccess('input'), outputs: withAccess('output'), connects, loc: at });
    }

    for (const eq of body.equations) {
      if (inputs.has(eq.lhs.name) || (path && globals.has(eq.lhs.name))) continue;
      const r = rename(eq.lhs.name, eq.lhs.display, eq.lhs.loc);
      out.equations.push({ ...eq, lhs: { ...eq.lhs, name: r.name, display: r.display }, ...(eq.expr ? { expr: expr(eq.expr) } : {}) });
    }
    for (const [name, source] of inputs) {
      const spec = body.vars.get(name)!;
      const r = rename(spec.name, spec.display, spec.loc);
      const subs = dimSubs(spec.dims, spec.loc);
      out.equations.push({ lhs: { name: r.name, display: r.display, subs, except: [], ...(spec.dims.length ? { dims: spec.dims } : {}), loc: spec.loc }, kind: 'aux', expr: source, units: '', doc: '', loc: source.loc });
    }
    for (const spec of body.vars.values()) {
      if (spec.access === 'input' && !spec.hasEqn && !spec.gf && !inputs.has(spec.name)) {
        const where = path ? { en: ` of module ${path.display}`, es: ` del módulo ${path.display}` } : undefined;
        throw moduleError(`input ${spec.display}${where?.en ?? ''} is not connected and has no equation of its own`, `la entrada ${spec.display}${where?.es ?? ''} no está conectada y no tiene ecuación propia`, path ? at : spec.loc);
      }
    }
    for (const f of body.stockForms) out.stockForms.push(renameForm(f, rename, expr));

    // Connections of this model's modules: Stella writes each link on both modules it joins,
    // with `to` qualified by the receiving module; the standard writes `to` unqualified.
    const byModule = new Map(def.modules.map((m) => [m.name, new Map<string, { from: string; expr: Expr }>()]));
    for (const use of def.modules) {
      for (const c of use.connects) {
        const qualifiedTo = c.to.parts.length > 1 && byModule.has(c.to.parts[0]!);
        const target = qualifiedTo ? def.modules.find((m) => m.name === c.to.parts[0])! : use;
        const toName = (qualifiedTo ? c.to.parts.slice(1) : c.to.parts).join('.');
        const toShown = `${target.display}.${(qualifiedTo ? c.to.displays.slice(1) : c.to.displays).join('.')}`;
        const sub = tree.byName.get(target.model);
        if (!sub) continue; // reported when the module is instantiated
        const spec = bodyOf(sub).vars.get(toName);
        if (!spec) throw moduleError(`connection to ${toShown}: model ${sub.display} has no variable of that name`, `conexión a ${toShown}: el modelo ${sub.display} no tiene una variable con ese nombre`, c.loc);
        if (spec.access !== 'input') throw moduleError(`connection to ${toShown}, which is not an input of its module (it needs access="input", XMILE 1.0, Submodels)`, `conexión a ${toShown}, que no es una entrada de su módulo (necesita access="input", XMILE 1.0, Submodels)`, c.loc);
        if (spec.kind === 'stock' && (hasChild(spec, 'inflow') || hasChild(spec, 'outflow'))) {
          throw ModelError.at('E_UNSUPPORTED', { en: `connection to ${toShown}: an input stock with flows of its own is not supported (which would set its value is ambiguous)`, es: `conexión a ${toShown}: no se admite una entrada que es un stock con flujos propios (no es claro qué fija su valor)` }, c.loc);
        }
        if (spec.gf) throw ModelError.at('E_UNSUPPORTED', { en: `connection to ${toShown}: an input with a graphical function is not supported`, es: `conexión a ${toShown}: no se admite una entrada con función gráfica` }, c.loc);
        const source = resolve(c.from, c.loc);
        if (!source.spec && !globals.has(c.from.parts.join('.'))) {
          const shown = c.from.displays.join('.');
          throw moduleError(`connection from ${shown}: ${def.display ? `model ${def.display}` : 'the main model'} has no variable of that name`, `conexión desde ${shown}: ${def.display ? `el modelo ${def.display}` : 'el modelo principal'} no tiene una variable con ese nombre`, c.loc);
        }
        const fromDims = source.spec?.dims ?? [];
        if (fromDims.join(',') !== spec.dims.join(',')) {
          throw ModelError.at('E_DIMENSION', { en: `connection ${c.from.displays.join('.')} → ${toShown} joins variables of different dimensions ([${fromDims.join(', ')}] and [${spec.dims.join(', ')}]); a module boundary passes an array only between the same dimensions`, es: `la conexión ${c.from.displays.join('.')} → ${toShown} une variables de distintas dimensiones ([${fromDims.join(', ')}] y [${spec.dims.join(', ')}]); un límite de módulo solo pasa un arreglo entre las mismas dimensiones` }, c.loc);
        }
        const links = byModule.get(target.name)!;
        const prior = links.get(spec.name);
        if (prior && prior.from !== source.name) {
          throw moduleError(`input ${toShown} is connected twice, from ${prior.from} and from ${source.display}`, `la entrada ${toShown} está conectada dos veces, desde ${prior.from} y desde ${source.display}`, c.loc);
        }
        links.set(spec.name, { from: source.name, expr: { kind: 'ref', name: source.name, display: source.display, subs: dimSubs(spec.dims, c.loc), loc: c.loc } });
      }
    }
    for (const use of def.modules) {
      const sub = tree.byName.get(use.model);
      if (!sub) throw moduleError(`module ${use.display} refers to model ${use.model}, which the file does not define`, `el módulo ${use.display} se refiere al modelo ${use.model}, que el archivo no define`, use.loc);
      if (sub === def || stack.includes(sub)) {
        const chain = [...stack, def, sub].map((d) => d.display || '(main)').join(' → ');
        throw moduleError(`module ${use.display} makes a cycle of models (${chain}): a model cannot contain itself`, `el módulo ${use.display} forma un ciclo de modelos (${chain}): un modelo no puede contenerse a sí mismo`, use.loc);
      }
      const linked = new Map([...byModule.get(use.name)!].map(([k, v]) => [k, v.expr]));
      instantiate(sub, join(path, use.name, use.display), linked, [...stack, def], use.loc);
    }
  };
  instantiate(tree.main, undefined, new Map(), [], tree.main.loc);
  return out;
}

function hasChild(spec: VarSpec, tag: string): boolean {
  return spec.el.children.some((c) => c.name.toLowerCase() === tag);
}

function dimSubs(dims: string[], loc: SourceLocation): SubscriptRef[] {
  return dims.map((d) => ({ name: d, display: d, bang: false, loc }));
}

function renameForm(f: StockForm, rename: (name: string, display: string, loc: SourceLocation) => Path, expr: (e: Expr) => Expr): StockForm {
  const n = (x: { name: string; display: string }) => rename(x.name, x.display, f.loc);
  const stock = n({ name: f.stock, display: f.display });
  const form: StockForm = {
    ...f,
    stock: stock.name,
    display: stock.display,
    inflows: f.inflows.map((i) => ({ ...i, ...n(i), ...(i.multiplier ? { multiplier: expr(i.multiplier) } : {}) })),
    outflows: f.outflows.map((o) => ({ ...o, ...n(o) })),
  };
  if (f.conveyor) {
    const c = f.conveyor;
    form.conveyor = { ...c, len: expr(c.len), ...(c.capacity ? { capacity: expr(c.capacity) } : {}), ...(c.inLimit ? { inLimit: expr(c.inLimit) } : {}), leaks: c.leaks.map((l) => ({ ...l, name: rename(l.name, l.name, f.loc).name, fraction: expr(l.fraction) })) };
  }
  return form;
}
