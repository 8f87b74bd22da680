/**
 * XMILE modules written back as modules (XMILE 1.0, Submodels): the reader flattened each module
 * instance into the model under its dot-qualified path (module-flatten.ts); here the flattened
 * equations are split again into one `<model name="…">` per model a module uses, with the names
 * of one instance unprefixed, `access="input"`/`"output"` on the model's inputs and outputs, and in
 * each parent model one `<module>` per instance with a `<connect to="input" from="source"/>` for
 * each connected input (`to` unqualified, inside the module; `from` in the parent, `Sibling.output`
 * for another module's output). A module named apart from its model gets `model_name`.
 *
 * Each model is written from its first instance. An input every instance connects is written
 * without an equation: the reader does not keep the input's own equation where a connection
 * replaces it (ModelIR.modules), and an input without one is what XMILE lets a module leave to
 * its connection.
 */
import type { Equation, Expr, ModelIR, ModuleInstance, StockForm } from '../ir/model.js';
import { mapExpr } from '../ir/walk.js';
import { nameOf } from './variables.js';

/** One `<model>` to write: its variables' equations under names of its own, and its modules. */
export interface ModelBlock {
  /** Display name of the model; '' for the main model. */
  display: string;
  equations: Equation[];
  stockForms: StockForm[];
  /** The access of the model's inputs and outputs, by canonical name inside the model. */
  access: Map<string, 'input' | 'output'>;
  /** Inputs written without an equation (every instance connects them): display and dimensions. */
  bareInputs: { display: string; dims: string[] }[];
  /** The `<module>` elements of the instances this model holds. */
  modules: string[];
  /** How a reference to a module's output (`inner.out`) is written (`Inner.out`), by canonical name. */
  qualified: Map<string, string>;
}

/** How names are written: in equations (quoted where needed) and in `name="…"` attributes. */
export interface NameWriters {
  xname(display: string): string;
  attrName(display: string): string;
  esc(text: string): string;
}

interface Scope {
  /** The instance this block is written from; undefined for the main model. */
  at?: ModuleInstance;
  path: string;
  display: string;
}

const under = (name: string, path: string) => (path === '' ? true : name.startsWith(`${path}.`));
const strip = (s: string, prefix: string) => (prefix === '' ? s : s.slice(prefix.length + 1));

/** Splits a flattened model into its main model and one block per model its modules use. */
export function moduleBlocks(ir: ModelIR, w: NameWriters): ModelBlock[] {
  const instances = ir.modules ?? [];
  /** The instance a flattened name lies in (the longest path before it), undefined for the main model. */
  const ownerOf = (name: string, self?: ModuleInstance): ModuleInstance | undefined => {
    let best: ModuleInstance | undefined;
    for (const i of instances) if (i !== self && name.startsWith(`${i.path}.`) && (!best || i.path.length > best.path.length)) best = i;
    return best;
  };
  const parentOf = new Map(instances.map((i) => [i, ownerOf(i.path, i)]));
  const displayOf = new Map(ir.equations.map((q) => [q.lhs.name, q.lhs.display]));
  const dimDisplay = new Map(ir.dimensions.map((d) => [d.name, d.display]));
  const scopes: Scope[] = [{ path: '', display: '' }];
  const firstOf = new Map<string, ModuleInstance>();
  for (const i of instances) {
    if (firstOf.has(i.model)) continue;
    firstOf.set(i.model, i);
    scopes.push({ at: i, path: i.path, display: i.display });
  }
  return scopes.map((s) => block(s));

  function block(s: Scope): ModelBlock {
    const qualified = new Map<string, string>();
    const childrenOf = (at: ModuleInstance | undefined) => instances.filter((i) => parentOf.get(i) === at);
    const local = (i: ModuleInstance, from: Scope) => ({ name: strip(i.path, from.path), display: strip(i.display, from.display) });
    /** Names seen from an instance of this block's model: its own, a child module's output (`inner.out`), or a global. */
    const renamer = (from: Scope) => {
      const children = childrenOf(from.at);
      const rename = (name: string, display: string): { name: string; display: string } => {
        if (!under(name, from.path) || (from.path === '' && !ownerOf(name))) return { name, display };
        const own = { name: strip(name, from.path), display: strip(display, from.display) };
        const child = children.find((c) => name.startsWith(`${c.path}.`));
        if (child) qualified.set(own.name, `${w.xname(local(child, from).display)}.${w.xname(strip(display, child.display))}`);
        return own;
      };
      const expr = (e: Expr): Expr =>
        mapExpr(e, (x) => {
          if (x.kind === 'ref') return { ...x, ...rename(x.name, x.display) };
          if (x.kind === 'apply') return { ...x, ...rename(x.name, x.display), ...(x.outputs ? { outputs: x.outputs.map((o) => ({ ...o, ...rename(o.name, o.display) })) } : {}) };
          return x;
        });
      const equation = (q: Equation): Equation => ({ ...q, lhs: { ...q.lhs, ...rename(q.lhs.name, q.lhs.display) }, ...(q.expr ? { expr: expr(q.expr) } : {}) });
      return { rename, expr, equation };
    };
    const here = renamer(s);

    const inBlock = (name: string) => ownerOf(name) === s.at;
    const connected = new Set(s.at?.connects.map((c) => c.to));
    const equations: Equation[] = [];
    const bareInputs: ModelBlock['bareInputs'] = [];
    const replaced = new Set<string>();
    for (const q of ir.equations) {
      if (!inBlock(q.lhs.name)) continue;
      const inner = strip(q.lhs.name, s.path);
      if (!connected.has(inner)) {
        equations.push(here.equation(q));
        continue;
      }
      if (replaced.has(inner)) continue;
      replaced.add(inner);
      // The input's own equation, from an instance of this model that leaves it unconnected.
      const other = instances.find((i) => i.model === s.at!.model && !i.connects.some((c) => c.to === inner));
      const own = other ? ir.equations.filter((x) => x.lhs.name === `${other.path}.${inner}`) : [];
      const there = other && renamer({ at: other, path: other.path, display: other.display });
      if (there && own.length) for (const x of own) equations.push(there.equation(x));
      else bareInputs.push({ display: strip(q.lhs.display, s.display), dims: (q.lhs.dims ?? []).map((d) => dimDisplay.get(d) ?? d) });
    }
    const stockForms = (ir.stockForms ?? []).filter((f) => inBlock(f.stock)).map((f) => renameForm(f, here.rename, here.expr));
    const access = new Map<string, 'input' | 'output'>();
    for (const n of s.at?.inputs ?? []) access.set(n, 'input');
    for (const n of s.at?.outputs ?? []) access.set(n, 'output');

    /** A connection's source as the parent names it: its own variable, `Sibling.output`, or a global. */
    const sourceText = (from: string): string => {
      const r = here.rename(from, displayOf.get(from) ?? from);
      return qualified.get(r.name) ?? w.xname(r.display);
    };
    const modules = childrenOf(s.at).map((c) => {
      const l = local(c, s);
      const model = c.model !== nameOf(l.display).name ? ` model_name="${w.attrName(c.modelDisplay)}"` : '';
      const links = c.connects.map((k) => {
        const to = strip(displayOf.get(`${c.path}.${k.to}`) ?? k.to, c.display);
        return `<connect to="${w.esc(w.xname(to))}" from="${w.esc(sourceText(k.from))}"/>`;
      });
      return `<module name="${w.attrName(l.display)}"${model}>${links.join('')}</module>`;
    });
    return { display: s.at?.modelDisplay ?? '', equations, stockForms, access, bareInputs, modules, qualified };
  }
}

function renameForm(f: StockForm, rename: (name: string, display: string) => { name: string; display: string }, expr: (e: Expr) => Expr): StockForm {
  const stock = rename(f.stock, f.display);
  const form: StockForm = {
    ...f,
    stock: stock.name,
    display: stock.display,
    inflows: f.inflows.map((i) => ({ ...i, ...rename(i.name, i.display), ...(i.multiplier ? { multiplier: expr(i.multiplier) } : {}) })),
    outflows: f.outflows.map((o) => ({ ...o, ...rename(o.name, o.display) })),
  };
  if (f.conveyor) {
    const c = f.conveyor;
    form.conveyor = { ...c, len: expr(c.len), ...(c.capacity ? { capacity: expr(c.capacity) } : {}), ...(c.inLimit ? { inLimit: expr(c.inLimit) } : {}), leaks: c.leaks.map((l) => ({ ...l, name: rename(l.name, l.name).name, fraction: expr(l.fraction) })) };
  }
  return form;
}

/** The `<model>` of a block: its variables (written by the writer) with their access, and its modules. */
export function modelXml(b: ModelBlock, vars: string[], w: NameWriters): string {
  const withAccess = vars.map((v) => {
    const m = /^<(\w+) name="([^"]*)"/.exec(v);
    const a = m ? b.access.get(nameOf(unescapeXml(m[2]!)).name) : undefined;
    return a ? `${m![0]} access="${a}"${v.slice(m![0].length)}` : v;
  });
  const bare = b.bareInputs.map((i) => `<aux name="${w.attrName(i.display)}" access="input">${i.dims.length ? `<dimensions>${i.dims.map((d) => `<dim name="${w.attrName(d)}"/>`).join('')}</dimensions>` : ''}</aux>`);
  const items = [...bare, ...withAccess, ...b.modules];
  const name = b.display ? ` name="${w.attrName(b.display)}"` : '';
  return `<model${name}>
    <variables>
      ${items.join('\n      ')}
    </variables>
  </model>`;
}

const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
