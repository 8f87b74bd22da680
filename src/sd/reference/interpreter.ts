/**
 * A slow, obvious reference interpreter over the parsed IR (readVensim's output), written
 * independently of src/sd/analyze (expansion, ordering) and src/sd/compile (code generation),
 * so that differential tests can catch compiler bugs. It shares only the reader with the engine.
 *
 * Semantics follow the Vensim reference (Euler): at each time, every auxiliary is computed on
 * demand (recursion with a per-step memo gives dependency order and detects loops), values are
 * saved, then every stock and every stateful function's internal stock moves by dt × its rate
 * computed from the values at that time.
 *
 * It covers the subset the differential generator writes (see src/conformance/differential-generator.ts):
 * dimensions and sub-ranges given as element lists, subscript mappings (by position or by a list
 * with sub-range entries), equations per dimension, sub-range or element,
 * constant lists, standalone lookups, arithmetic, MIN/MAX/ABS/EXP/LN/SQRT, IF THEN ELSE, STEP/RAMP/PULSE,
 * SUM/PROD/VMIN/VMAX over `dim!`, INTEG, SMOOTH/SMOOTHI/SMOOTH3/SMOOTH3I, DELAY1/DELAY1I/DELAY3/DELAY3I,
 * DELAY FIXED, DELAY CONVEYOR (flat initial profile), DERIVN, TIME BASE, FIND MARKET PRICE with DEMAND AT PRICE and
 * SUPPLY AT PRICE (priority types 0 to 4, market-curves.ts), data variables given as series (interpolated, ends held) with
 * TIME SHIFT and GET DATA MAX / MIN / MEAN, SHIFT IF TRUE on INTEG levels, and macros without extra outputs (each call has its own locals and stocks);
 * a range used as a number (its element's position), ELMCOUNT, VECTOR SELECT / ELM MAP / SORT ORDER / RANK / REORDER
 * (vector-rules.ts), ZIDZ, XIDZ, INTEGER, MODULO, QUANTUM, POWER, LOOKUP FORWARD / BACKWARD / EXTRAPOLATE, WITH LOOKUP,
 * and DELAY N, SMOOTH N (constant delay time), TREND, FORECAST, NPV, SAMPLE IF TRUE (level-rules.ts), QUEUE FIFO with no
 * initial content and QUEUE AGE IN RANGE, DEPRECIATE STRAIGHTLINE with fisc = TIME STEP.
 * Anything else is an error naming what is missing.
 */
import type { Equation, Expr, LookupTable, MacroDecl, ModelIR } from '../ir/model.js';
import { demandAt, marketPrice, type ReferenceCurve, supplyAt } from './market-curves.js';
import { LEVEL_RULES, zidz } from './level-rules.js';
import { ranks, sortOrder, vectorSelect, wholeIndex } from './vector-rules.js';
import { VENSIM_NA } from '../ir/na.js';
import { saveEverySteps } from '../run/saveper-check.js';

/** A data variable's points, by column name (`name` or `name[e1,e2]`). */
export type ReferenceData = ReadonlyMap<string, { times: readonly number[]; values: readonly number[] }>;

export interface ReferenceResult {
  time: number[];
  /** Column name (`name` or `name[e1,e2]`, canonical spelling) → saved values. */
  columns: Map<string, number[]>;
}

interface Definition {
  eq: Equation;
  /** Dimension (or sub-range) name on the left-hand side → the element this definition is for. */
  binding: Map<string, string>;
  /** Position of this element in the left-hand side's element product (for constant lists). */
  index: number;
}

interface Context {
  def: Definition;
  key: string;
  binding: Map<string, string>;
  /** Inside a macro call: its parameters and local equations. */
  frame?: MacroFrame;
}

/** One call of a macro: each call site (in each element of its caller) has its own locals and stocks. */
interface MacroFrame {
  id: string;
  params: Map<string, { expr: Expr; caller: Context }>;
  locals: Map<string, Equation>;
}

/** The internal stocks of one stateful call site in one element of a variable. */
interface StatefulInstance {
  fn: string;
  node: Expr & { kind: 'call' };
  ctx: Context;
  levels: number[];
  /** DELAY FIXED's pipeline, oldest first; DELAY CONVEYOR's belt, what leaves next first; QUEUE FIFO's entries, oldest first. */
  queue?: number[];
}

/** GET DATA MAX / MIN / MEAN (Vensim fn_get_data_min): over the points with from ≤ time ≤ to. */
function dataStatistic(fn: string, series: { times: readonly number[]; values: readonly number[] }, from: number, to: number): number {
  const inRange = series.values.filter((v, i) => series.times[i]! >= from && series.times[i]! <= to && !Number.isNaN(v) && v !== VENSIM_NA);
  if (inRange.length === 0) return VENSIM_NA;
  if (fn === 'GET DATA MAX') return Math.max(...inRange);
  if (fn === 'GET DATA MIN') return Math.min(...inRange);
  return inRange.reduce((a, b) => a + b, 0) / inRange.length;
}

const STATEFUL = new Set([
  'INTEG', 'SMOOTH', 'SMOOTHI', 'SMOOTH3', 'SMOOTH3I', 'DELAY1', 'DELAY1I', 'DELAY3', 'DELAY3I', 'DELAY FIXED', 'DERIVN',
  'DELAY CONVEYOR', 'QUEUE FIFO', 'DEPRECIATE STRAIGHTLINE', ...Object.keys(LEVEL_RULES),
]);
/** Functions whose arguments are read as arrays or names, not evaluated as numbers here. */
const UNEVALUATED_ARGS = new Set([
  'SUM', 'PROD', 'VMIN', 'VMAX', 'ELMCOUNT', 'VECTOR SELECT', 'VECTOR ELM MAP', 'VECTOR SORT ORDER', 'VECTOR RANK', 'VECTOR REORDER',
  'LOOKUP FORWARD', 'LOOKUP BACKWARD', 'LOOKUP EXTRAPOLATE', 'WITH LOOKUP',
]);
const DATA_STATISTICS = new Set(['GET DATA MAX', 'GET DATA MIN', 'GET DATA MEAN']);
const CONTROL = ['initial time', 'final time', 'time step', 'saveper'];

export class ReferenceInterpreter {
  private readonly dims = new Map<string, string[]>();
  /** Source range → its mappings: target range and, per source element, the target elements it stands for. */
  private readonly maps = new Map<string, { target: string; entries: string[][] }[]>();
  private readonly defs = new Map<string, Map<string, Definition>>();
  private readonly lookups = new Map<string, LookupTable>();
  private readonly macros = new Map<string, MacroDecl>();
  /** Data variables (no equation): name → element key → points. */
  private readonly dataVars = new Map<string, Map<string, { times: readonly number[]; values: readonly number[] }>>();
  private readonly instances = new Map<string, StatefulInstance>();
  /** QUEUE FIFO instances by the element they define (`name[key]`), for QUEUE AGE IN RANGE. */
  private readonly queues = new Map<string, StatefulInstance>();
  private readonly nodeIds = new WeakMap<Expr, number>();
  private nextNodeId = 0;
  private memo = new Map<string, number>();
  private readonly active = new Set<string>();
  private time = 0;
  private dt = 1;

  constructor(private readonly ir: ModelIR, private readonly data: ReferenceData = new Map()) {
    for (const d of ir.dimensions) {
      if (d.fromData || d.equivalentTo) throw new Error(`reference: dimension ${d.name} form not supported`);
      this.dims.set(d.name, d.members.map((m) => m.name));
    }
    for (const d of ir.dimensions) for (const m of d.mappings) this.addMapping(d.name, m.target, m.elements);
    for (const m of ir.macros) {
      if (m.outputs.length) throw new Error(`reference: macro ${m.name} with extra outputs not supported`);
      this.macros.set(m.name, m);
    }
    const shifted = ir.equations.filter((eq) => eq.kind === 'data' && eq.expr?.kind === 'call' && eq.expr.fn === 'TIME SHIFT');
    for (const eq of ir.equations) if (!shifted.includes(eq)) this.addEquation(eq);
    for (const eq of shifted) this.addTimeShift(eq);
  }

  /** Vensim fn_time_shift: `d := TIME SHIFT(data, shift)` sees the data shift time units ahead. */
  private addTimeShift(eq: Equation): void {
    const [data, shiftExpr] = (eq.expr as Expr & { kind: 'call' }).args;
    const source = data?.kind === 'ref' && !data.subs.length && !eq.lhs.subs.length ? this.dataVars.get(data.name)?.get('') : undefined;
    if (!source || !shiftExpr) throw new Error(`reference: TIME SHIFT in ${eq.lhs.name} form not supported`);
    const def: Definition = { eq, binding: new Map(), index: 0 };
    const shift = this.evaluate(shiftExpr, { def, key: '', binding: def.binding });
    if (eq.interpolation && eq.interpolation !== 'interpolate') throw new Error(`reference: data ${eq.lhs.name} :${eq.interpolation}: not supported`);
    this.dataVars.set(eq.lhs.name, new Map([['', { times: source.times.map((t) => t - shift), values: source.values }]]));
  }

  private elementsOf(name: string): string[] {
    const members = this.dims.get(name);
    if (!members) return [name];
    return members.flatMap((m) => (this.dims.has(m) ? this.elementsOf(m) : [m]));
  }

  /**
   * Vensim's reference, "Mapping of Subscript Ranges": `Src: s1, s2 -> Tgt` pairs the elements by
   * position (both ranges have as many); `-> (Tgt: e1, e2)` names one entry per element of Src in
   * order, an element of Tgt or a sub-range of Tgt that the source element stands for as a whole.
   */
  private addMapping(source: string, target: string, list: string[] | undefined): void {
    const from = this.elementsOf(source);
    const to = this.dims.get(target) ? this.elementsOf(target) : undefined;
    if (!to) throw new Error(`reference: ${source} is mapped onto ${target}, which is not a subscript range`);
    let entries: string[][];
    if (!list) {
      if (from.length !== to.length) throw new Error(`reference: ${source} (${from.length} elements) mapped by position onto ${target} (${to.length})`);
      entries = to.map((e) => [e]);
    } else {
      if (list.length !== from.length) throw new Error(`reference: the mapping of ${source} onto ${target} lists ${list.length} entries for ${from.length} elements`);
      entries = list.map((x) => (this.dims.has(x) ? this.elementsOf(x) : [x]));
      for (const e of entries.flat()) if (!to.includes(e)) throw new Error(`reference: ${e} in the mapping of ${source} is not an element of ${target}`);
    }
    const known = this.maps.get(source) ?? [];
    known.push({ target, entries });
    this.maps.set(source, known);
  }

  /** The element of a mapped source range that goes with an element bound on the left, if a mapping says so. */
  private throughMapping(source: string, binding: Map<string, string>): string | undefined {
    const from = this.elementsOf(source);
    for (const m of this.maps.get(source) ?? []) {
      const bound = binding.get(m.target);
      if (bound === undefined) continue;
      const i = m.entries.findIndex((group) => group.includes(bound));
      if (i >= 0) return from[i];
    }
    return undefined;
  }

  private addEquation(eq: Equation): void {
    if (eq.kind === 'lookup') {
      if (!eq.lookup || eq.lhs.subs.length) throw new Error(`reference: lookup ${eq.lhs.name} form not supported`);
      this.lookups.set(eq.lhs.name, eq.lookup);
      return;
    }
    if (eq.kind === 'data' && !eq.expr) {
      if (eq.interpolation && eq.interpolation !== 'interpolate') throw new Error(`reference: data ${eq.lhs.name} :${eq.interpolation}: not supported`);
      const table = new Map<string, { times: readonly number[]; values: readonly number[] }>();
      const keys = eq.lhs.subs.reduce<string[][]>((acc, s) => acc.flatMap((k) => this.elementsOf(s.name).map((e) => [...k, e])), [[]]);
      for (const k of keys) {
        const key = k.join(',');
        const series = this.data.get(key ? `${eq.lhs.name}[${key}]` : eq.lhs.name);
        if (!series) throw new Error(`reference: no data given for ${eq.lhs.name}${key ? `[${key}]` : ''}`);
        table.set(key, series);
      }
      this.dataVars.set(eq.lhs.name, table);
      return;
    }
    if (eq.kind !== 'aux' || !eq.expr || eq.lhs.except.length) throw new Error(`reference: equation ${eq.lhs.name} form not supported`);
    let tuples: { elems: string[]; binding: Map<string, string> }[] = [{ elems: [], binding: new Map() }];
    for (const s of eq.lhs.subs) {
      const next: typeof tuples = [];
      for (const t of tuples) {
        for (const e of this.elementsOf(s.name)) {
          const binding = new Map(t.binding);
          if (this.dims.has(s.name)) binding.set(s.name, e);
          next.push({ elems: [...t.elems, e], binding });
        }
      }
      tuples = next;
    }
    let table = this.defs.get(eq.lhs.name);
    if (!table) this.defs.set(eq.lhs.name, (table = new Map()));
    tuples.forEach((t, index) => {
      const key = t.elems.join(',');
      if (table.has(key)) throw new Error(`reference: ${eq.lhs.name}[${key}] defined twice`);
      table.set(key, { eq, binding: t.binding, index });
    });
  }

  private nodeId(e: Expr): number {
    let id = this.nodeIds.get(e);
    if (id === undefined) this.nodeIds.set(e, (id = this.nextNodeId++));
    return id;
  }

  /** The value of one element of a variable at the current time. */
  value(name: string, key: string): number {
    if (name === 'time') return this.time;
    const series = this.dataVars.get(name)?.get(key);
    // A data variable between its points is interpolated, and held at its ends (Vensim's default).
    if (series) {
      const kept = series.times.map((_, i) => i).filter((i) => !Number.isNaN(series.values[i]!)); // a missing point is a gap
      return interpolate({ x: kept.map((i) => series.times[i]!), y: kept.map((i) => series.values[i]!), loc: { line: 1, column: 1 } }, this.time);
    }
    const memoKey = `${name}[${key}]`;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known;
    const def = this.defs.get(name)?.get(key);
    if (!def) throw new Error(`reference: no definition for ${memoKey}`);
    if (this.active.has(memoKey)) throw new Error(`reference: simultaneous equations through ${memoKey}`);
    this.active.add(memoKey);
    const ctx: Context = { def, key, binding: def.binding };
    let v: number;
    const expr = def.eq.expr!;
    if (expr.kind === 'list') {
      const flat = expr.rows.flat();
      v = flat[def.index]!;
    } else {
      v = this.evaluate(expr, ctx);
    }
    this.active.delete(memoKey);
    this.memo.set(memoKey, v);
    return v;
  }

  private memoized(key: string, compute: () => number): number {
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    if (this.active.has(key)) throw new Error(`reference: simultaneous equations through ${key}`);
    this.active.add(key);
    const v = compute();
    this.active.delete(key);
    this.memo.set(key, v);
    return v;
  }

  /** A macro's local variable (or its output) in one call. */
  private macroLocal(frame: MacroFrame, eq: Equation): number {
    if (eq.kind !== 'aux' || !eq.expr || eq.lhs.subs.length) throw new Error(`reference: macro equation ${eq.lhs.name} form not supported`);
    const key = `${frame.id}/${eq.lhs.name}`;
    const def: Definition = { eq, binding: new Map(), index: 0 };
    return this.memoized(key, () => this.evaluate(eq.expr!, { def, key, binding: def.binding, frame }));
  }

  private subscriptKey(subs: { name: string; bang: boolean }[], binding: Map<string, string>): string {
    return subs
      .map((s) => {
        const bound = binding.get(s.bang ? `${s.name}!` : s.name);
        if (bound !== undefined) return bound;
        const mapped = s.bang ? undefined : this.throughMapping(s.name, binding);
        if (mapped !== undefined) return mapped;
        if (this.dims.has(s.name)) throw new Error(`reference: subscript ${s.name} is not bound here`);
        return s.name;
      })
      .join(',');
  }

  private evaluate(e: Expr, ctx: Context): number {
    switch (e.kind) {
      case 'num':
        return e.value;
      case 'na':
        return VENSIM_NA;
      case 'ref':
        if (ctx.frame) {
          const param = ctx.frame.params.get(e.name);
          if (param) return this.memoized(`${ctx.frame.id}/${e.name}`, () => this.evaluate(param.expr, param.caller));
          const local = ctx.frame.locals.get(e.name);
          if (local) return this.macroLocal(ctx.frame, local);
        }
        // A subscript range on the right stands for the position (from 1) of the element bound to it (Vensim 22095.html).
        if (!e.subs.length && this.dims.has(e.name)) return this.position(e.name, ctx.binding);
        return this.value(e.name, this.subscriptKey(e.subs, ctx.binding));
      case 'unary':
        return e.op === '-' ? -this.evaluate(e.arg, ctx) : e.op === '+' ? this.evaluate(e.arg, ctx) : this.evaluate(e.arg, ctx) === 0 ? 1 : 0;
      case 'binary': {
        const a = this.evaluate(e.left, ctx);
        const b = this.evaluate(e.right, ctx);
        switch (e.op) {
          case '+': return a + b;
          case '-': return a - b;
          case '*': return a * b;
          case '/': return a / b;
          case '^': return Math.pow(a, b);
          case '=': return a === b ? 1 : 0;
          case '<>': return a !== b ? 1 : 0;
          case '<': return a < b ? 1 : 0;
          case '>': return a > b ? 1 : 0;
          case '<=': return a <= b ? 1 : 0;
          case '>=': return a >= b ? 1 : 0;
          case 'and': return a !== 0 && b !== 0 ? 1 : 0;
          case 'or': return a !== 0 || b !== 0 ? 1 : 0;
        }
        throw new Error('unreachable');
      }
      case 'apply': {
        const macro = this.macros.get(e.name);
        if (macro) {
          if (e.args.length !== macro.params.length) throw new Error(`reference: ${e.name} takes ${macro.params.length} arguments`);
          const id = `${ctx.frame ? ctx.frame.id + '/' : ''}${ctx.def.eq.lhs.name}[${ctx.key}]@${this.nodeId(e)}`;
          const frame: MacroFrame = {
            id,
            params: new Map(macro.params.map((p, i) => [p, { expr: e.args[i]!, caller: ctx }])),
            locals: new Map(macro.equations.map((q) => [q.lhs.name, q])),
          };
          const output = frame.locals.get(macro.name);
          if (!output) throw new Error(`reference: macro ${e.name} does not define its output`);
          return this.macroLocal(frame, output);
        }
        const table = this.lookups.get(e.name);
        if (!table || e.args.length !== 1 || e.subs.length) throw new Error(`reference: call of ${e.name} not supported`);
        return interpolate(table, this.evaluate(e.args[0]!, ctx));
      }
      case 'call':
        return this.call(e, ctx);
      default:
        throw new Error(`reference: expression ${e.kind} not supported`);
    }
  }

  private call(e: Expr & { kind: 'call' }, ctx: Context): number {
    if (STATEFUL.has(e.fn)) return this.stateful(e, ctx);
    // Every argument is evaluated every time (no short cuts), so that stateful calls inside any
    // argument start at the initial time and keep running, as Vensim's do.
    const values = UNEVALUATED_ARGS.has(e.fn) ? [] : e.args.map((a) => this.evaluate(a, ctx));
    const arg = (i: number): number => values[i]!;
    const dt = this.dt;
    const t = this.time;
    switch (e.fn) {
      case 'ABS': return Math.abs(arg(0));
      case 'EXP': return Math.exp(arg(0));
      case 'LN': return Math.log(arg(0));
      case 'SQRT': return Math.sqrt(arg(0));
      case 'MIN': return Math.min(arg(0), arg(1));
      case 'MAX': return Math.max(arg(0), arg(1));
      case 'IF THEN ELSE': {
        return arg(0) !== 0 ? arg(1) : arg(2);
      }
      // Vensim compares against Time + TIME STEP/2 so that round-off in Time does not move the switch.
      case 'STEP': return t + dt / 2 > arg(1) ? arg(0) : 0;
      // RAMP compares Time itself (no half step), per Vensim's reference for RAMP.
      case 'RAMP': {
        const slope = arg(0);
        const start = arg(1);
        const end = arg(2);
        if (!(t > start)) return 0;
        return t < end ? slope * (t - start) : slope * (end - start);
      }
      case 'PULSE': {
        const start = arg(0);
        let width = arg(1);
        if (width === 0) width = dt;
        return t + dt / 2 > start && t + dt / 2 < start + width ? 1 : 0;
      }
      case 'SUM': return this.reduce(e.args[0]!, ctx, 0, (a, b) => a + b);
      case 'PROD': return this.reduce(e.args[0]!, ctx, 1, (a, b) => a * b);
      case 'VMIN': return this.reduce(e.args[0]!, ctx, Infinity, Math.min);
      case 'VMAX': return this.reduce(e.args[0]!, ctx, -Infinity, Math.max);
      // fn_zidz, fn_xidz, fn_integer (towards zero), fn_modulo (C's remainder, sign of A), fn_quantum
      // (B × integer part of A/B; A itself when B ≤ 0), fn_power.
      case 'ZIDZ': return zidz(arg(0), arg(1));
      case 'XIDZ': return Math.abs(arg(1)) < 1e-6 ? arg(2) : arg(0) / arg(1);
      case 'INTEGER': return Math.trunc(arg(0));
      case 'MODULO': return arg(0) % arg(1);
      case 'QUANTUM': return arg(1) <= 0 ? arg(0) : arg(1) * Math.trunc(arg(0) / arg(1));
      case 'POWER': return Math.pow(arg(0), arg(1));
      case 'ELMCOUNT': {
        const d = e.args[0]!;
        if (d.kind !== 'ref' || !this.dims.has(d.name)) throw new Error('reference: ELMCOUNT needs a subscript range');
        return this.elementsOf(d.name).length;
      }
      case 'LOOKUP FORWARD':
      case 'LOOKUP BACKWARD':
      case 'LOOKUP EXTRAPOLATE':
      case 'WITH LOOKUP': {
        const [tableArg, x] = e.fn === 'WITH LOOKUP' ? [e.args[1]!, e.args[0]!] : [e.args[0]!, e.args[1]!];
        const table = tableArg.kind === 'lookup' ? tableArg.table : tableArg.kind === 'ref' && !tableArg.subs.length ? this.lookups.get(tableArg.name) : undefined;
        if (!table) throw new Error(`reference: ${e.fn} needs a lookup`);
        return lookupMode(e.fn, table, this.evaluate(x, ctx));
      }
      case 'VECTOR SELECT': {
        const pairs: { s: number; e: number }[] = [];
        this.eachBang([e.args[0]!, e.args[1]!], ctx, ([s, x]) => void pairs.push({ s: s!, e: x! }));
        const [missing, action, onError] = [2, 3, 4].map((i) => this.evaluate(e.args[i]!, ctx));
        if (onError !== 0) throw new Error(`reference: VECTOR SELECT error action ${onError} not supported`);
        return vectorSelect(pairs, missing!, action!);
      }
      case 'VECTOR ELM MAP': return this.elmMap(e.args[0]!, this.evaluate(e.args[1]!, ctx), ctx);
      case 'VECTOR SORT ORDER':
      case 'VECTOR RANK': {
        const { values, at } = this.alongLast(e.args[0]!, ctx);
        const direction = this.evaluate(e.args[1]!, ctx);
        return e.fn === 'VECTOR RANK' ? ranks(values, direction)[at]! : sortOrder(values, direction)[at]!;
      }
      case 'VECTOR REORDER': {
        // fn_vector_sort_order's example: sorted[i] = vec[order[i]] along the last subscript.
        const { values } = this.alongLast(e.args[0]!, ctx);
        return values[wholeIndex(this.evaluate(e.args[1]!, ctx), values.length, 'VECTOR REORDER index')]!;
      }
      // Vensim fn_time_base: START + Time × SLOPE.
      case 'TIME BASE': return arg(0) + t * arg(1);
      case 'SHIFT IF TRUE': return this.shiftIfTrue(e, ctx, values);
      case 'FIND MARKET PRICE': return marketPrice(this.marketSide(e.args[0]!, e.args[1]!, ctx), this.marketSide(e.args[2]!, e.args[3]!, ctx));
      case 'DEMAND AT PRICE': return demandAt({ q: arg(0), ...this.curveProfile(e.args[1]!, ctx) }, arg(2));
      case 'SUPPLY AT PRICE': return supplyAt({ q: arg(0), ...this.curveProfile(e.args[1]!, ctx) }, arg(2));
      case 'QUEUE AGE IN RANGE': {
        // fn_queue_age_in_range: the last entry is TIME STEP old; :NA: lifts a bound, and a variable
        // that is not a queue gives :NA:.
        const q = e.args[0]!;
        const inst = q.kind === 'ref' ? this.queues.get(`${q.name}[${this.subscriptKey(q.subs, ctx.binding)}]`) : undefined;
        if (!inst) return VENSIM_NA;
        const na = (v: number) => v === VENSIM_NA;
        const entries = inst.queue!;
        let sum = 0;
        entries.forEach((amount, i) => {
          const age = (entries.length - i) * dt;
          if ((na(arg(1)) || age >= arg(1)) && (na(arg(2)) || age <= arg(2))) sum += amount;
        });
        return sum;
      }
      default:
        if (DATA_STATISTICS.has(e.fn)) {
          const a = e.args[0]!;
          const series = a.kind === 'ref' ? this.dataVars.get(a.name)?.get(this.subscriptKey(a.subs, ctx.binding)) : undefined;
          if (!series) throw new Error(`reference: ${e.fn} needs a data variable`);
          return dataStatistic(e.fn, series, arg(1), arg(2));
        }
        throw new Error(`reference: function ${e.fn} not supported`);
    }
  }

  /**
   * Vensim fn_shift_if_true: when cond is true, `size` elements of the level, from the one named
   * along its last subscript, move one place; the first becomes inval, the last becomes the second
   * to last (plus itself when accum is non-zero); the call returns what left the last (0 when
   * accumulating). The call changes the level itself, now: `run` evaluates every caller first at
   * each time, so that the rest of the model, the saved values and the next Euler step all see the
   * shifted level (see src/sd/analyze/shift-if-true.ts for the assumptions).
   */
  private shiftIfTrue(e: Expr & { kind: 'call' }, ctx: Context, values: number[]): number {
    const target = e.args[0]!;
    if (target.kind !== 'ref') throw new Error('reference: SHIFT IF TRUE needs a level element');
    const key = this.subscriptKey(target.subs, ctx.binding).split(',');
    const first = key.pop()!;
    // The last subscript's order: the largest range holding the element named.
    const family = this.familyOf(first);
    const [cond, size, accum, inval] = [values[1]!, values[2]!, values[3]!, values[4]!];
    const at = family.indexOf(first);
    const keys = family.slice(at, at + size).map((el) => [...key, el].join(','));
    if (keys.length !== size) throw new Error('reference: SHIFT IF TRUE window past the end');
    const old = keys.map((k) => this.value(target.name, k));
    if (cond === 0) return 0;
    keys.forEach((k, i) => {
      const eq = this.defs.get(target.name)?.get(k)?.eq;
      if (!eq?.expr || eq.expr.kind !== 'call' || eq.expr.fn !== 'INTEG') throw new Error(`reference: SHIFT IF TRUE on ${target.name}[${k}], not a level`);
      const inst = this.instances.get(`${target.name}[${k}]#${this.nodeId(eq.expr)}`)!;
      const now = i === 0 ? inval : i < size - 1 ? old[i - 1]! : accum !== 0 ? old[i]! + old[i - 1]! : old[i - 1]!;
      inst.levels[0] = now;
      this.memo.set(`${target.name}[${k}]`, now);
    });
    return accum !== 0 ? 0 : old[size - 1]!;
  }

  /** The largest range holding an element: the order its neighbours follow. */
  private familyOf(element: string): string[] {
    let family: string[] = [];
    for (const els of this.dims.values()) if (els.includes(element) && els.length > family.length) family = els;
    return family;
  }

  /**
   * A priority profile named by its first field (`pp[d1, ptype]`): ptype, ppriority and pwidth are
   * that element and the two after it in its range (Vensim documentation/24335.html). `member`
   * replaces the element before the field (FIND MARKET PRICE's demanders and suppliers).
   */
  private curveProfile(pp: Expr, ctx: Context, member?: string): { type: number; priority: number; width: number } {
    if (pp.kind !== 'ref') throw new Error('reference: a priority profile must be a variable');
    const key = this.subscriptKey(pp.subs, ctx.binding).split(',');
    const field = key.pop()!;
    if (member !== undefined) key[key.length - 1] = member;
    const family = this.familyOf(field);
    const at = family.indexOf(field);
    const [type, priority, width] = [0, 1, 2].map((i) => this.value(pp.name, [...key, family[at + i]!].join(',')));
    return { type: type!, priority: priority!, width: width! };
  }

  /** One side of FIND MARKET PRICE: the quantity named by its first element, and the members after it. */
  private marketSide(q: Expr, pp: Expr, ctx: Context): ReferenceCurve[] {
    if (q.kind !== 'ref') throw new Error('reference: FIND MARKET PRICE quantities must be a variable');
    const key = this.subscriptKey(q.subs, ctx.binding).split(',');
    const first = key.pop()!;
    const family = this.familyOf(first);
    return family.slice(family.indexOf(first)).map((m) => ({ q: this.value(q.name, [...key, m].join(',')), ...this.curveProfile(pp, ctx, m) }));
  }

  /** Elements of variables whose equation calls SHIFT IF TRUE (evaluated first at each time). */
  private shiftCallers(): { name: string; key: string }[] {
    const out: { name: string; key: string }[] = [];
    const calls = (e: Expr): boolean =>
      (e.kind === 'call' && (e.fn === 'SHIFT IF TRUE' || e.args.some(calls))) ||
      (e.kind === 'apply' && e.args.some(calls)) ||
      (e.kind === 'unary' && calls(e.arg)) ||
      (e.kind === 'binary' && (calls(e.left) || calls(e.right)));
    for (const [name, table] of this.defs) for (const [key, def] of table) if (def.eq.expr && calls(def.eq.expr)) out.push({ name, key });
    return out;
  }

  /** SUM and friends: fold the argument over every `dim!` in it. */
  private reduce(arg: Expr, ctx: Context, start: number, op: (a: number, b: number) => number): number {
    let acc = start;
    this.eachBang([arg], ctx, ([v]) => { acc = op(acc, v!); });
    return acc;
  }

  /** Evaluates the arguments for every combination of the `dim!` in them, element by element, in declaration order. */
  private eachBang(args: Expr[], ctx: Context, visit: (values: number[]) => void): void {
    const bangs: string[] = [];
    const collect = (x: Expr): void => {
      if (x.kind === 'ref') for (const s of x.subs) if (s.bang && !bangs.includes(s.name)) bangs.push(s.name);
      if (x.kind === 'binary') { collect(x.left); collect(x.right); }
      if (x.kind === 'unary') collect(x.arg);
      if (x.kind === 'call' || x.kind === 'apply') x.args.forEach(collect);
    };
    args.forEach(collect);
    const loop = (i: number, binding: Map<string, string>): void => {
      if (i === bangs.length) {
        visit(args.map((a) => this.evaluate(a, { ...ctx, binding })));
        return;
      }
      for (const el of this.elementsOf(bangs[i]!)) loop(i + 1, new Map(binding).set(`${bangs[i]}!`, el));
    };
    loop(0, ctx.binding);
  }

  /** The position (from 1) of the element bound to a subscript range in this equation. */
  private position(dim: string, binding: Map<string, string>): number {
    const bound = binding.get(dim);
    if (bound === undefined) throw new Error(`reference: subscript ${dim} used as a number where it is not bound`);
    return this.elementsOf(dim).indexOf(bound) + 1;
  }

  /**
   * A variable's element keys in Vensim's order: by the position of each subscript's element in
   * its range, the first subscript varying slowest (fn_vector_elm_map's flat offset,
   * (sub-1)*ELMCOUNT(tub)*ELMCOUNT(gub) + (tub-1)*ELMCOUNT(gub) + (gub-1)).
   */
  private keysInOrder(name: string): string[] {
    const keys = [...(this.defs.get(name)?.keys() ?? [])];
    const rank = (key: string): number[] => key.split(',').map((el) => this.familyOf(el).indexOf(el));
    return keys.sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
      return 0;
    });
  }

  /** fn_vector_elm_map: the element `offset` places after the one named, in the flat order of keysInOrder. */
  private elmMap(vec: Expr, offset: number, ctx: Context): number {
    if (vec.kind !== 'ref' || !vec.subs.length) throw new Error('reference: VECTOR ELM MAP needs a subscripted variable');
    const keys = this.keysInOrder(vec.name);
    const at = keys.indexOf(this.subscriptKey(vec.subs, ctx.binding));
    if (at < 0) throw new Error(`reference: VECTOR ELM MAP on ${vec.name} names no element`);
    return this.value(vec.name, keys[wholeIndex(at + offset, keys.length, 'VECTOR ELM MAP position')]!);
  }

  /**
   * The values of a variable along its last subscript (fn_vector_sort_order: 'sorting is done on
   * the complete vector relative to the last subscript'), the other subscripts as bound, and the
   * position of the element this equation is for.
   */
  private alongLast(vec: Expr, ctx: Context): { values: number[]; at: number } {
    const last = vec.kind === 'ref' ? vec.subs.at(-1) : undefined;
    if (vec.kind !== 'ref' || !last || !this.dims.has(last.name)) throw new Error('reference: a vector function needs a variable over a subscript range');
    const key = this.subscriptKey(vec.subs, ctx.binding).split(',');
    const here = key.pop()!;
    const along = this.elementsOf(last.name);
    return { values: along.map((el) => this.value(vec.name, [...key, el].join(','))), at: along.indexOf(here) };
  }

  private stateful(e: Expr & { kind: 'call' }, ctx: Context): number {
    const id = `${ctx.def.eq.lhs.name}[${ctx.key}]#${this.nodeId(e)}`;
    let inst = this.instances.get(id);
    const arg = (i: number): number => this.evaluate(e.args[i]!, ctx);
    const rule = LEVEL_RULES[e.fn];
    if (rule) {
      if (!inst) this.instances.set(id, (inst = { fn: e.fn, node: e, ctx, levels: rule.init(arg, this.dt) }));
      return rule.output(inst.levels, arg, this.dt);
    }
    if (!inst) {
      // First evaluation happens at the initial time: set the internal stocks from the initial values.
      const input = e.fn === 'INTEG' || e.fn === 'DELAY CONVEYOR' || e.fn === 'QUEUE FIFO' || e.fn === 'DEPRECIATE STRAIGHTLINE' ? NaN : arg(0);
      inst = { fn: e.fn, node: e, ctx, levels: [] };
      switch (e.fn) {
        case 'INTEG': inst.levels = [arg(1)]; break;
        case 'SMOOTH': inst.levels = [input]; break;
        case 'SMOOTHI': inst.levels = [arg(2)]; break;
        case 'SMOOTH3': inst.levels = [input, input, input]; break;
        case 'SMOOTH3I': inst.levels = [arg(2), arg(2), arg(2)]; break;
        case 'DELAY1': inst.levels = [input * arg(1)]; break;
        case 'DELAY1I': inst.levels = [arg(2) * arg(1)]; break;
        // In the reference's order, DL = delay time / 3 first, each stage starting at DL * input
        // (fn_delay3: 'LV3=INTEG(RT2-DELAY3,DL*input)', 'DL=delay time/3'): another order rounds
        // differently, which a comparison with an equal value would magnify.
        case 'DELAY3': inst.levels = [0, 1, 2].map(() => (arg(1) / 3) * input); break;
        case 'DELAY3I': inst.levels = [0, 1, 2].map(() => (arg(1) / 3) * arg(2)); break;
        case 'DERIVN': {
          // The values one step back of the input and of each derivative below the order asked:
          // none exists at the initial time, so every derivative starts at 0.
          const order = arg(1);
          if (!(Number.isInteger(order) && order >= 1)) throw new Error(`reference: DERIVN order ${order}`);
          inst.levels = [input, ...new Array<number>(order - 1).fill(0)];
          break;
        }
        case 'DELAY FIXED': {
          // The delay time is evaluated once, at the start; the pipeline holds round(delay / dt) values.
          const n = Math.round(arg(1) / this.dt);
          inst.queue = new Array<number>(n).fill(arg(2));
          break;
        }
        case 'DEPRECIATE STRAIGHTLINE': {
          // fn_depreciate_straightline with fisc = TIME STEP: str of the dtime/fisc − 1 steps
          // before, most recent first, init before the start.
          const periods = arg(1) / arg(2);
          if (Math.abs(arg(2) - this.dt) > 1e-9 * this.dt || Math.round(periods) < 1 || Math.abs(periods - Math.round(periods)) > 1e-9 * periods) {
            throw new Error('reference: DEPRECIATE STRAIGHTLINE needs fisc = TIME STEP and dtime a whole number of fisc');
          }
          inst.queue = new Array<number>(Math.round(periods) - 1).fill(arg(3));
          break;
        }
        case 'QUEUE FIFO': {
          // fn_queue_fifo: only an empty start is settled (the spread of initial content over ages is not).
          if (arg(3) !== 0) throw new Error('reference: QUEUE FIFO with initial content');
          inst.levels = [0];
          inst.queue = [];
          this.queues.set(`${ctx.def.eq.lhs.name}[${ctx.key}]`, inst);
          break;
        }
        case 'DELAY CONVEYOR': {
          // fn_delay_conveyor: inittot spread evenly (a flat profile, the one case the engine
          // takes) over ctime / dt slots, each the material that leaves in one step.
          const n = Math.max(1, Math.round(arg(1) / this.dt));
          inst.queue = new Array<number>(n).fill((arg(4) / arg(5)) * this.dt);
          break;
        }
      }
      this.instances.set(id, inst);
    }
    switch (e.fn) {
      case 'INTEG':
      case 'SMOOTH':
      case 'SMOOTHI':
        return inst.levels[0]!;
      case 'SMOOTH3':
      case 'SMOOTH3I':
        return inst.levels[2]!;
      case 'DELAY1':
      case 'DELAY1I':
        return inst.levels[0]! / arg(1);
      case 'DELAY3':
      case 'DELAY3I':
        return inst.levels[2]! / (arg(1) / 3);
      case 'DELAY FIXED':
        return inst.queue!.length === 0 ? arg(0) : inst.queue![0]!;
      case 'DELAY CONVEYOR':
        return inst.queue![0]! / this.dt;
      case 'QUEUE FIFO':
        return inst.levels[0]!;
      case 'DEPRECIATE STRAIGHTLINE':
        // An equal share, fisc/dtime, of the current str and of each earlier one kept.
        return ((arg(0) + inst.queue!.reduce((a, b) => a + b, 0)) * arg(2)) / arg(1);
      case 'DERIVN':
        return this.derivatives(inst).at(-1)!;
    }
    throw new Error('unreachable');
  }

  /** New internal stocks of one instance after one Euler step from the current time. */
  private advance(inst: StatefulInstance): () => void {
    const arg = (i: number): number => this.evaluate(inst.node.args[i]!, inst.ctx);
    const dt = this.dt;
    const L = inst.levels;
    const rule = LEVEL_RULES[inst.fn];
    if (rule) {
      const next = rule.next(L, arg, dt);
      return () => { inst.levels = next; };
    }
    switch (inst.fn) {
      case 'INTEG': {
        const next = L[0]! + dt * arg(0);
        return () => { L[0] = next; };
      }
      case 'SMOOTH':
      case 'SMOOTHI': {
        const next = L[0]! + (dt * (arg(0) - L[0]!)) / arg(1);
        return () => { L[0] = next; };
      }
      case 'SMOOTH3':
      case 'SMOOTH3I': {
        const d = arg(1) / 3;
        const n0 = L[0]! + (dt * (arg(0) - L[0]!)) / d;
        const n1 = L[1]! + (dt * (L[0]! - L[1]!)) / d;
        const n2 = L[2]! + (dt * (L[1]! - L[2]!)) / d;
        return () => { L[0] = n0; L[1] = n1; L[2] = n2; };
      }
      case 'DELAY1':
      case 'DELAY1I': {
        const next = L[0]! + dt * (arg(0) - L[0]! / arg(1));
        return () => { L[0] = next; };
      }
      case 'DELAY3':
      case 'DELAY3I': {
        const d = arg(1) / 3;
        const r = [L[0]! / d, L[1]! / d, L[2]! / d];
        const n0 = L[0]! + dt * (arg(0) - r[0]!);
        const n1 = L[1]! + dt * (r[0]! - r[1]!);
        const n2 = L[2]! + dt * (r[1]! - r[2]!);
        return () => { L[0] = n0; L[1] = n1; L[2] = n2; };
      }
      case 'DERIVN': {
        const now = this.derivatives(inst);
        return () => { now.slice(0, L.length).forEach((v, i) => { L[i] = v; }); };
      }
      case 'DELAY FIXED': {
        const q = inst.queue!;
        const input = arg(0);
        return () => { if (q.length) { q.shift(); q.push(input); } };
      }
      case 'DEPRECIATE STRAIGHTLINE': {
        const q = inst.queue!;
        const input = arg(0);
        return () => { if (q.length) { q.pop(); q.unshift(input); } };
      }
      case 'QUEUE FIFO': {
        // fn_queue_fifo: a level by dt × (inflow − outflow); negative inflow is outflow and negative
        // outflow inflow; the step's entry joins at the back, what leaves goes from the front; a
        // negative queue is one entry of this step, and one that comes back above 0 is not settled.
        const q = inst.queue!;
        const inflow = arg(0);
        const outflow = arg(1);
        return () => {
          const was = L[0]!;
          L[0] = was + dt * (inflow - outflow);
          if (was < 0 && L[0] > 0) throw new Error('reference: a negative QUEUE FIFO back above 0');
          if (was < 0 || L[0] < 0) {
            q.splice(0, q.length, L[0]);
            return;
          }
          q.push((Math.max(inflow, 0) + Math.max(-outflow, 0)) * dt);
          let take = (Math.max(outflow, 0) + Math.max(-inflow, 0)) * dt;
          for (let i = 0; i < q.length && take > 0; i++) {
            const leaves = Math.min(q[i]!, take);
            q[i] = q[i]! - leaves;
            take -= leaves;
          }
        };
      }
      case 'DELAY CONVEYOR': {
        // What leaves goes, the input joins at the back, and the whole belt (the new input
        // too) loses leak × dt of what it holds, as the page's leakage equations say.
        const q = inst.queue!;
        const input = arg(0);
        const leak = arg(2);
        return () => {
          q.shift();
          q.push(input * dt);
          for (let i = 0; i < q.length; i++) q[i] = q[i]! * (1 - leak * dt);
        };
      }
    }
    throw new Error('unreachable');
  }

  /** DERIVN: the input and its 1st … order-th backward differences over one TIME STEP, now. */
  private derivatives(inst: StatefulInstance): number[] {
    const out = [this.evaluate(inst.node.args[0]!, inst.ctx)];
    for (let k = 0; k < inst.levels.length; k++) out.push((out[k]! - inst.levels[k]!) / this.dt);
    return out;
  }

  /** Every column: each element of each variable that is not a lookup or a control setting. */
  private columns(): { col: string; name: string; key: string }[] {
    const out: { col: string; name: string; key: string }[] = [];
    for (const [name, table] of this.defs) {
      if (CONTROL.includes(name)) continue;
      for (const key of table.keys()) out.push({ col: key ? `${name}[${key}]` : name, name, key });
    }
    for (const [name, table] of this.dataVars) {
      for (const key of table.keys()) out.push({ col: key ? `${name}[${key}]` : name, name, key });
    }
    return out;
  }

  run(): ReferenceResult {
    this.time = 0;
    const control = (n: string): number => this.value(n, '');
    this.dt = 1;
    const start = control('initial time');
    const final = control('final time');
    this.dt = control('time step');
    const saveper = control('saveper');
    const steps = Math.round((final - start) / this.dt);
    // The engine's save rule (saveper-check.ts): every ⌈SAVEPER / TIME STEP⌉ steps.
    const saveEvery = saveEverySteps(saveper, this.dt);
    const cols = this.columns();
    const shifters = this.shiftCallers();
    const result: ReferenceResult = { time: [], columns: new Map(cols.map((c) => [c.col, []])) };
    for (let k = 0; k <= steps; k++) {
      this.time = start + k * this.dt;
      this.memo = new Map();
      for (const c of shifters) this.value(c.name, c.key);
      const values = cols.map((c) => this.value(c.name, c.key));
      if (k % saveEvery === 0) {
        result.time.push(this.time);
        cols.forEach((c, i) => result.columns.get(c.col)!.push(values[i]!));
      }
      if (k === steps) break;
      // An instance first met while another's update is computed (a delay inside INTEG's rate or
      // DELAY CONVEYOR's input, which the initial time does not evaluate) moves in this same step.
      const updates: (() => void)[] = [];
      const moved = new Set<StatefulInstance>();
      for (let grew = true; grew; ) {
        grew = false;
        for (const inst of [...this.instances.values()]) {
          if (moved.has(inst)) continue;
          moved.add(inst);
          updates.push(this.advance(inst));
          grew = true;
        }
      }
      for (const u of updates) u();
    }
    return result;
  }
}

/** Linear interpolation between points, holding the end values outside the table (Vensim's lookup rule). */
export function interpolate(t: LookupTable, x: number): number {
  const n = t.x.length;
  if (x <= t.x[0]!) return t.y[0]!;
  if (x >= t.x[n - 1]!) return t.y[n - 1]!;
  let i = 1;
  while (t.x[i]! < x) i++;
  const x0 = t.x[i - 1]!;
  const x1 = t.x[i]!;
  return t.y[i - 1]! + ((t.y[i]! - t.y[i - 1]!) * (x - x0)) / (x1 - x0);
}

/**
 * fn_lookup_forward / fn_lookup_backward: the next / previous point's y held between points (a
 * point's own y at the point); fn_lookup_extrapolate: the end segments extended; WITH LOOKUP and
 * beyond the ends all modes hold the end values (22820.html) except EXTRAPOLATE.
 */
function lookupMode(fn: string, t: LookupTable, x: number): number {
  const n = t.x.length;
  if (fn === 'LOOKUP EXTRAPOLATE' && n >= 2 && (x < t.x[0]! || x > t.x[n - 1]!)) {
    const [i, j] = x < t.x[0]! ? [0, 1] : [n - 2, n - 1];
    return t.y[i]! + ((t.y[j]! - t.y[i]!) * (x - t.x[i]!)) / (t.x[j]! - t.x[i]!);
  }
  if (fn === 'LOOKUP BACKWARD') {
    let i = 0;
    while (i + 1 < n && t.x[i + 1]! <= x) i++;
    return t.y[i]!;
  }
  if (fn === 'LOOKUP FORWARD') {
    let i = n - 1;
    while (i > 0 && t.x[i - 1]! >= x) i--;
    return t.y[i]!;
  }
  return interpolate(t, x);
}

/** Runs a model's IR in the reference interpreter. */
export function runReference(ir: ModelIR, data?: ReferenceData): ReferenceResult {
  return new ReferenceInterpreter(ir, data).run();
}
