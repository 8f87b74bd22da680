/**
 * An arrayed equation resolved once, then instantiated per element by index arithmetic. Resolving
 * each element on its own (a binding Map per element, then per reference a subscript look-up
 * through it, an ordinal Map and a slot) was most of the expansion of MEDEAS's 70,000 nodes; most
 * equations read other variables through the equation's own subscripts, so each reference's slot
 * is a sum of per-position steps chosen by the element's digits.
 *
 * A plan covers only what resolves the same way for every element with no side effect: numbers,
 * Time, arithmetic, plain functions (PURE_CALLS), MIN and MAX of two, SUM, PROD, VMIN and VMAX over
 * ranges marked `!`, lookup calls, references whose subscripts are elements or ranges bound
 * directly (by the left side or by such a SUM), and as the whole right side INTEG and INITIAL of
 * those. Anything else (mapped or sub-ranges, other stateful and array functions, data, macros, a
 * range used as a value) has no plan, and an element whose reference finds no node gets none
 * either: those take Expander's own path, which also reports the errors. An instance equals what
 * that path builds (the same tree, the same shared leaves).
 */
import { BUILTINS } from '../ir/builtins.js';
import type { Equation, Expr, SubscriptRef } from '../ir/model.js';
import { ARRAY_FUNCTIONS, bangDims, fold } from './array-functions.js';
import type { VarInfo } from './context.js';
import type { DimensionTable } from '../ir/dimension-table.js';
import { ambiguousWhenBare, referenceForm } from './element-slots.js';
import type { NodeKind, SExpr } from './scalar-model.js';
import { VENSIM_NA } from '../ir/na.js';

/**
 * Functions Expander.resolveCall resolves by its default case alone (arguments resolved in turn,
 * nothing checked or made): a function given its own case there must not be listed here.
 */
const PURE_CALLS: ReadonlySet<string> = new Set([
  'ABS', 'SQRT', 'EXP', 'LN', 'LOG', 'SIN', 'COS', 'TAN', 'ARCSIN', 'ARCCOS', 'ARCTAN', 'SINH', 'COSH', 'TANH',
  'INTEGER', 'INT', 'MODULO', 'QUANTUM', 'POWER', 'XIDZ', 'ZIDZ', 'SAFEDIV', 'IF THEN ELSE', 'STEP', 'RAMP', 'PULSE', 'PULSE TRAIN',
]);

/** What a plan reads from the expander. */
export interface PlanHost {
  readonly vars: ReadonlyMap<string, VarInfo>;
  readonly dims: DimensionTable;
  readonly macros: ReadonlyMap<string, unknown>;
  /** The shared leaves (Expander.num, Expander.ref, TIME). */
  num(v: number): SExpr;
  ref(id: number): SExpr;
  readonly time: SExpr;
}

/** One element's expression from its digits (its place in each left-side list), or undefined: resolve it instead. */
type Inst = (digits: Int32Array) => SExpr | undefined;

/** A plan while it is built: a constant leaf (the same object for every element) or an instantiation. */
type Part = { leaf: SExpr } | { inst: Inst };

/** No plan for this expression. */
const NONE = undefined;

/** What a node of an arrayed equation becomes: its kind, expression and (for a stock) initial value. */
export interface PlannedNode {
  kind: NodeKind;
  expr: SExpr;
  init?: SExpr;
}

interface Plan {
  kind: NodeKind;
  expr: Inst;
  init: Inst | undefined;
  /** Lengths of the left side's lists; digits past them belong to SUMs. */
  lengths: number[];
  /** Digits used, the left side's and the SUMs'. */
  width: number;
}

/** Whole right sides whose lowering (stateful.ts) only sets the kind and resolves arguments in order: kind and arity. */
const TOP_LEVEL: ReadonlyMap<string, { kind: NodeKind; arity: number }> = new Map([
  ['INTEG', { kind: 'stock', arity: 2 }],
  ['INITIAL', { kind: 'initial', arity: 1 }],
  ['INIT', { kind: 'initial', arity: 1 }],
  ['REINITIAL', { kind: 'initial', arity: 1 }],
]);

export class EquationPlans {
  private readonly plans = new Map<Equation, Plan | null>();
  private digits = new Int32Array(8);
  /** Digits the plan being built uses (see Plan.width). */
  private width = 0;
  /** Elements instantiated so far. */
  instances = 0;

  constructor(private readonly host: PlanHost) {}

  /** Element `index` of `eq` (over `lists`) by its plan, or undefined when it has none. */
  instantiate(eq: Equation, v: VarInfo, index: number, lists: readonly string[][]): PlannedNode | undefined {
    let plan = this.plans.get(eq);
    if (plan === undefined) {
      plan = this.plan(eq, v, lists) ?? null;
      this.plans.set(eq, plan);
    }
    if (plan === null) return undefined;
    const { lengths } = plan;
    if (this.digits.length < plan.width) this.digits = new Int32Array(plan.width);
    const digits = this.digits;
    for (let p = lengths.length - 1; p >= 0; p--) {
      const d = index % lengths[p]!;
      digits[p] = d;
      index = (index - d) / lengths[p]!;
    }
    const expr = plan.expr(digits);
    const init = expr && plan.init?.(digits);
    if (expr === undefined || (plan.init && init === undefined)) return undefined;
    this.instances++;
    return init ? { kind: plan.kind, expr, init } : { kind: plan.kind, expr };
  }

  private plan(eq: Equation, v: VarInfo, lists: readonly string[][]): Plan | undefined {
    const e = eq.expr!;
    const keys = keysOf(this.host.dims, v, eq);
    this.width = lists.length;
    const lengths = lists.map((l) => l.length);
    const top = e.kind === 'call' ? TOP_LEVEL.get(e.fn) : undefined;
    if (e.kind === 'call' && top) {
      if (e.args.length !== top.arity) return undefined;
      const expr = this.part(e.args[0]!, keys, lists);
      const init = expr && top.arity === 2 ? this.part(e.args[1]!, keys, lists) : undefined;
      if (expr === NONE || (top.arity === 2 && init === NONE)) return undefined;
      return { kind: top.kind, expr: instOf(expr), init: init && instOf(init), lengths, width: this.width };
    }
    const expr = this.part(e, keys, lists);
    return expr && { kind: 'aux', expr: instOf(expr), init: undefined, lengths, width: this.width };
  }

  private part(e: Expr, keys: ReadonlyMap<string, number>, lists: readonly string[][]): Part | undefined {
    const host = this.host;
    switch (e.kind) {
      case 'num':
        return { leaf: host.num(e.value) };
      case 'na':
        return { leaf: host.num(VENSIM_NA) };
      case 'unary': {
        const a = this.part(e.arg, keys, lists);
        if (a === NONE || e.op === '+') return a;
        const op = e.op;
        if ('leaf' in a) {
          const x = a.leaf;
          if (x.k === 'num' && op === '-') return { leaf: host.num(-x.v) };
          return { inst: () => ({ k: 'un', op, a: x }) };
        }
        const fa = a.inst;
        return {
          inst: (d) => {
            const x = fa(d);
            return x && { k: 'un', op, a: x };
          },
        };
      }
      case 'binary': {
        const a = this.part(e.left, keys, lists);
        const b = a && this.part(e.right, keys, lists);
        if (a === NONE || b === NONE) return NONE;
        const op = e.op;
        if ('leaf' in a && 'leaf' in b && a.leaf.k === 'num' && b.leaf.k === 'num') {
          // Folded as resolve folds two literals.
          const x = a.leaf.v;
          const y = b.leaf.v;
          switch (op) {
            case '+': return { leaf: host.num(x + y) };
            case '-': return { leaf: host.num(x - y) };
            case '*': return { leaf: host.num(x * y) };
            case '/': return { leaf: host.num(x / y) };
            case '^': return { leaf: host.num(Math.pow(x, y)) };
          }
        }
        const fa = instOf(a);
        const fb = instOf(b);
        return {
          inst: (d) => {
            const x = fa(d);
            const y = x && fb(d);
            return y && { k: 'bin', op, a: x!, b: y };
          },
        };
      }
      case 'ref': {
        if (e.name === 'time') return { leaf: host.time };
        const v = host.vars.get(e.name);
        if (!v || v.isLookup) return NONE;
        const slot = this.slotPlan(v, e.subs, keys, lists);
        if (slot === NONE) return NONE;
        return {
          inst: (d) => {
            const id = v.slots.get(slot(d));
            return id === undefined ? undefined : host.ref(id);
          },
        };
      }
      case 'apply': {
        if (host.macros.has(e.name)) return NONE;
        const v = host.vars.get(e.name);
        if (!v || !v.isLookup || e.args.length !== 1) return NONE;
        const slot = this.slotPlan(v, e.subs, keys, lists);
        const x = slot && this.part(e.args[0]!, keys, lists);
        if (slot === NONE || x === NONE) return NONE;
        const fx = instOf(x);
        return {
          inst: (d) => {
            const table = v.slots.get(slot(d));
            const arg = table === undefined ? undefined : fx(d);
            return arg && { k: 'lookup', table: table!, x: arg, mode: 'normal' };
          },
        };
      }
      case 'call': {
        if (e.fn === 'SUM' || e.fn === 'PROD' || e.fn === 'VMIN' || e.fn === 'VMAX') return this.sum(e.fn, e.args, keys, lists);
        const info = BUILTINS.get(e.fn);
        // MIN and MAX of two arguments: lowerArrayCall's call of the two, resolved in turn.
        const pair = (e.fn === 'MIN' || e.fn === 'MAX') && e.args.length === 2;
        if (!info || info.stateful || info.data || !(pair || (PURE_CALLS.has(e.fn) && !ARRAY_FUNCTIONS.has(e.fn)))) return NONE;
        if (e.args.length < info.min || e.args.length > info.max) return NONE;
        const args: Inst[] = [];
        for (let i = 0; i < e.args.length; i++) {
          const a = this.part(e.args[i]!, keys, lists);
          if (a === NONE) return NONE;
          args.push(instOf(a));
        }
        const fn = e.fn;
        return {
          inst: (d) => {
            // At its final length: grown by push from empty, each kept argument list had 17 slots.
            const resolved = new Array<SExpr>(args.length);
            for (let i = 0; i < args.length; i++) {
              const x = args[i]!(d);
              if (x === undefined) return undefined;
              resolved[i] = x;
            }
            return { k: 'call', fn, args: resolved };
          },
        };
      }
      default:
        return NONE;
    }
  }

  /**
   * SUM, PROD, VMIN or VMAX of an expression over the ranges it marks with `!`: as lowerArrayCall
   * resolves it (array-functions.ts `over`, then `fold`), each range's element taken from a digit of
   * its own past the left side's. Without a range marked `!` there is no plan (the ranges summed
   * then depend on which the binding holds).
   */
  private sum(fn: string, args: Expr[], keys: ReadonlyMap<string, number>, lists: readonly string[][]): Part | undefined {
    if (args.length !== 1) return NONE;
    const dims = bangDims(args[0]!);
    if (dims.length === 0) return NONE;
    const inner = new Map(keys);
    const all = [...lists];
    const at: number[] = [];
    const lengths: number[] = [];
    for (const d of dims) {
      const dim = this.host.dims.get(d);
      if (!dim) return NONE;
      inner.set(`${d}!`, all.length);
      at.push(all.length);
      lengths.push(dim.elements.length);
      all.push(dim.elements);
    }
    this.width = Math.max(this.width, all.length);
    const term = this.part(args[0]!, inner, all);
    if (term === NONE) return NONE;
    const f = instOf(term);
    const op = fn === 'SUM' ? '+' : fn === 'PROD' ? '*' : fn === 'VMIN' ? 'min' : 'max';
    let total = 1;
    for (const n of lengths) total *= n;
    return {
      inst: (d) => {
        // Tuples in cartesian order, the last range fastest, as `over` takes them.
        for (let j = 0; j < at.length; j++) d[at[j]!] = 0;
        const terms: SExpr[] = [];
        for (let t = 0; t < total; t++) {
          if (t > 0) {
            for (let j = at.length - 1; j >= 0; j--) {
              if (++d[at[j]!]! < lengths[j]!) break;
              d[at[j]!] = 0;
            }
          }
          const x = f(d);
          if (x === undefined) return undefined;
          terms.push(x);
        }
        return fold(op, terms);
      },
    };
  }

  /**
   * The slot a reference `v[subs]` reads, as a function of the element's digits: what
   * Expander.elementSlot computes when each subscript is an element or a range bound directly, by
   * the same rules (referenceForm, ambiguousWhenBare, ElementSlots.step) staged per digit;
   * -1 where an element lies outside v's layout. Undefined for any other reference.
   */
  private slotPlan(v: VarInfo, subs: SubscriptRef[], keys: ReadonlyMap<string, number>, lists: readonly string[][]): ((d: Int32Array) => number) | undefined {
    const slots = v.slots;
    const n = v.positions.length;
    const form = referenceForm(n, subs.length);
    const bare = form === 'bare';
    // A miscounted or ambiguous reference: the element-wise path reports it.
    if (form === 'miscounted' || (bare && ambiguousWhenBare(v.positionDims))) return NONE;
    let base = 0;
    /** Per varying position: the left-side position it follows and the slot step of each of its digits (-1: outside). */
    const at: number[] = [];
    const steps: Int32Array[] = [];
    for (let p = 0; p < n; p++) {
      let q: number | undefined;
      let element: string | undefined;
      if (bare) {
        q = keys.get(v.positionDims[p]!);
        if (q === undefined) return NONE;
      } else {
        const s = subs[p]!;
        if (!this.host.dims.isDimension(s.name)) element = s.name;
        // `d!` reads the element a SUM iterates, else (as resolveSubscript) the range's binding.
        else if ((q = (s.bang ? keys.get(`${s.name}!`) : undefined) ?? keys.get(s.name)) === undefined) return NONE;
      }
      if (element !== undefined) {
        const step = slots.step(p, element);
        if (step < 0) return NONE;
        base += step;
        continue;
      }
      const list = lists[q!]!;
      const step = new Int32Array(list.length);
      for (let k = 0; k < list.length; k++) step[k] = slots.step(p, list[k]!);
      at.push(q!);
      steps.push(step);
    }
    return (d) => {
      let slot = base;
      for (let j = 0; j < at.length; j++) {
        const s = steps[j]![d[at[j]!]!]!;
        if (s < 0) return -1;
        slot += s;
      }
      return slot;
    };
  }
}

function instOf(p: Part): Inst {
  if ('inst' in p) return p.inst;
  const leaf = p.leaf;
  return () => leaf;
}

/**
 * The left-side position each name of Expander.bindingOf's binding takes its element from: the
 * equation's ranges, then the variable's own position ranges not already bound (a range named
 * twice keeps the later position, as Map.set does there).
 */
function keysOf(dims: DimensionTable, v: VarInfo, eq: Equation): Map<string, number> {
  const keys = new Map<string, number>();
  const subs = eq.lhs.subs;
  for (let p = 0; p < subs.length; p++) {
    const name = subs[p]!.name;
    if (dims.isDimension(name)) keys.set(name, p);
    const own = v.positionDims[p]!;
    if (!keys.has(own)) keys.set(own, p);
  }
  return keys;
}
