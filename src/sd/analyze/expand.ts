/**
 * Subscript expansion: turns the IR's (possibly arrayed) equations into one scalar node per
 * element, resolving every subscript reference to a concrete element, lowering stateful
 * functions (SMOOTH, DELAY…) to hidden stocks and inlining macros.
 */
import { BUILTINS } from '../ir/builtins.js';
import { canonicalColumn } from '../ir/names.js';
import { visitExpr } from '../ir/walk.js';
import { unsupportedFunctionMessage } from '../ir/unsupported.js';
import { checkGetTimeValue } from './time-value.js';
import { arityMessage } from '../ir/arity.js';
import { ModelError, warningAt, type BilingualText, type Diagnostic, type SourceLocation } from '../ir/diagnostics.js';
import type { Equation, Expr, MacroDecl, ModelIR, SubscriptRef } from '../ir/model.js';
import type { DataHost } from '../data/types.js';
import { formatCount, resolveLimits, type ModelLimits } from '../ir/limits.js';
import { DimensionTable, type Dimension } from '../ir/dimension-table.js';
import type { DataSeries, LookupData, ScalarModel, ScalarNode, SExpr } from './scalar-model.js';
import { applyShiftWindows, lowerShiftIfTrue, type ShiftWindow } from './shift-if-true.js';
import { lowerStateful, TOP_LEVEL_STATEFUL } from './stateful.js';
import { resolveQueueAgeInRange } from './queue.js';
import { lowerArrayCall, ARRAY_FUNCTIONS } from './array-functions.js';
import { DYNAMIC_CALLS } from './order.js';
import { DataFunctions } from './data-functions.js';
import { cartesian, type Binding, type Ctx, type ExpanderApi, type VarInfo } from './context.js';
import { ambiguousWhenBare, ElementSlots, ordinalsOf, referenceForm } from './element-slots.js';
import { EquationPlans } from './equation-plan.js';
import { VENSIM_NA } from '../ir/na.js';

export interface ExpandOptions {
  dataHost?: DataHost;
  /** Series for data variables that have no equation (Vensim's "data from another run"), by canonical column name. */
  externalData?: ReadonlyMap<string, { times: ArrayLike<number>; values: ArrayLike<number> }>;
  /** Size limits (range size, scalar count); defaults in src/sd/ir/limits.ts. */
  limits?: Partial<ModelLimits>;
  /** False: every element of an arrayed equation resolved on its own, not by its plan (tests compare the two ways). */
  elementPlans?: boolean;
}

interface VarDefinition extends VarInfo {
  equations: Equation[];
}

const CONTROL = ['initial time', 'final time', 'time step', 'saveper'] as const;

/**
 * Leaves of scalar expressions are shared, not made per use: nothing changes an SExpr after it is
 * built (passes that rewrite one build a new one), and MEDEAS's 70,000 nodes hold 40,000 reads of
 * Time, 130,000 references and 100,000 numbers, each an object the young-generation collector
 * copied while the model was built.
 */
const TIME: SExpr = { k: 'time' };
/** What a node holds until it is defined. */
const UNDEFINED_VALUE: SExpr = { k: 'num', v: NaN };

/** Slots of a variable not laid out yet: none defined. */
const NO_SLOTS = new ElementSlots([], [], 0);

/**
 * What defining the pending element nodes of one equation needs: its variable, the equation and
 * its element lists. One record per equation; each node adds the position of its tuple among the
 * equation's (`Expander.pendingIndex`), from which `tupleAt(lists, index)` rebuilds the tuple.
 */
interface PendingEquation {
  v: VarInfo;
  eq: Equation;
  lists: string[][];
}

/**
 * The functions that read data (BUILTINS' `data`), as names: the BUILTINS records take several
 * shapes, and defineNode, optimised for the ones it had met, was dropped at each new one.
 */
const DATA_BUILTINS: ReadonlySet<string> = new Set([...BUILTINS].filter(([, info]) => info.data).map(([fn]) => fn));

const redefined = (name: string, loc: SourceLocation): ModelError => ModelError.at('E_REDEFINED', { en: `${name} is defined more than once`, es: `${name} está definida más de una vez` }, loc);

/** The index-th tuple of the cartesian product of `lists` (the last list varies fastest, as in `cartesian`). */
function tupleAt(lists: readonly string[][], index: number): string[] {
  const tuple = new Array<string>(lists.length);
  for (let p = lists.length - 1; p >= 0; p--) {
    const l = lists[p]!;
    const d = index % l.length;
    tuple[p] = l[d]!;
    index = (index - d) / l.length;
  }
  return tuple;
}

/** Messages shared by elementKey and elementSlot (the same checks on the two ways of naming an element). */
const needsSubscripts = (v: string) => ({ en: `${v} needs subscripts here`, es: `${v} necesita subíndices aquí` });
/**
 * A variable laid out with one range at two positions (defined element by element, e.g. `s[1,2]`
 * where "1" and "2" are in ranges N and M alike): a bare `s` in an equation over [N,M] would
 * take N's element for both positions. The reference must name its subscripts instead.
 */
const ambiguousBare = (v: VarInfo, range: string) => ({
  en: `${v.display} is used without subscripts, but two of its positions hold the elements of range ${range} (it is defined element by element), so which subscript of this equation goes where is ambiguous; write the subscripts`,
  es: `${v.display} se usa sin subíndices, pero dos de sus posiciones contienen los elementos del rango ${range} (está definida elemento por elemento), así que es ambiguo qué subíndice de esta ecuación va en cada posición; escriba los subíndices`,
});
const subscriptCount = (v: string, n: number, used: number) => ({ en: `${v} has ${n} subscripts but is used with ${used}`, es: `${v} tiene ${n} subíndices, pero se usa con ${used}` });
const subscriptMismatch = (sub: string, v: string, owner: string) => ({
  en: `subscript ${sub} of ${v} does not match the subscripts of the equation for ${owner}`,
  es: `el subíndice ${sub} de ${v} no coincide con los subíndices de la ecuación de ${owner}`,
});
const noSuchElement = (v: string, range: string, el: string, sub: string) => ({
  en: `${v} is defined over ${range}, which has no element ${el} (subscript ${sub})`,
  es: `${v} está definida sobre ${range}, que no tiene el elemento ${el} (subíndice ${sub})`,
});

export class Expander implements ExpanderApi {
  readonly nodes: ScalarNode[] = [];
  readonly lookups: LookupData[] = [];
  readonly lookupNames = new Map<string, number>();
  readonly data: DataSeries[] = [];
  readonly warnings: Diagnostic[] = [];
  readonly dims: DimensionTable;
  readonly vars = new Map<string, VarDefinition>();
  /** By node id, for the elements of model variables: the output sort key (sortKey of the name), one string per variable. */
  private readonly outputKeys: (string | undefined)[] = [];
  /** By node id: how to define a node not yet defined (an array, not a Map: 70,000 entries in MEDEAS). */
  private readonly pending: (PendingEquation | undefined)[] = [];
  /** By node id, beside `pending`: the node's tuple index (numbers, not a record per node: 70,000 records lived until defined). */
  private readonly pendingIndex: number[] = [];
  private readonly macros = new Map<string, MacroDecl>();
  /** SHIFT IF TRUE windows, added to their levels' rates once every node is defined. */
  private readonly shiftWindows: ShiftWindow[] = [];
  /** Model variables defined as a macro call's extra outputs → the variable whose equation calls it. */
  private readonly macroOutputSource = new Map<string, string>();
  /** `output|calling node id` → the macro-local node that computes that output. */
  private readonly macroOutputNodes = new Map<string, number>();
  readonly dataFns: DataFunctions;
  readonly limits: ModelLimits;
  /** Macros being inlined, innermost last: a macro met again here calls itself. */
  private readonly macroStack: string[] = [];
  /** Shared expression leaves (see TIME): references by node id, numbers by value. */
  private readonly refExprs: (SExpr | undefined)[] = [];
  private readonly numExprs = new Map<number, SExpr>();
  private readonly plans: EquationPlans;

  get dialect(): 'vensim' | 'xmile' {
    return this.ir.dialect ?? 'vensim';
  }

  /** Nodes defined by an equation's plan so far (tests check the plans are used). */
  get plannedNodes(): number {
    return this.plans.instances;
  }

  constructor(readonly ir: ModelIR, readonly options: ExpandOptions = {}) {
    this.limits = resolveLimits(options.limits);
    this.dataFns = new DataFunctions(this, options.dataHost);
    this.dataFns.announceSheets(ir);
    this.dims = new DimensionTable(ir.dimensions, (d) => this.dataFns.subscriptFromData(d), this.limits.maxRangeSize);
    for (const m of ir.macros) this.macros.set(m.name, m);
    this.plans = new EquationPlans({ vars: this.vars, dims: this.dims, macros: this.macros, num: (v) => this.num(v), ref: (id) => this.ref(id), time: TIME });
  }

  run(): ScalarModel {
    for (const eq of [...this.ir.equations, ...this.macroOutputEquations()]) {
      if (eq.lhs.name === 'time') continue;
      let v = this.vars.get(eq.lhs.name);
      if (!v) {
        v = { name: eq.lhs.name, display: eq.lhs.display, equations: [], positions: [], positionDims: [], slots: NO_SLOTS, isLookup: false };
        this.vars.set(eq.lhs.name, v);
      }
      v.equations.push(eq);
    }
    for (const v of this.vars.values()) this.dropSupersededPlaceholders(v);
    for (const v of this.vars.values()) this.layoutVariable(v);
    this.ensureControlVariables();
    for (const v of this.vars.values()) this.allocate(v);
    // Keep going after an error so that `igem check` can list every problem at once.
    const errors: Diagnostic[] = [];
    for (let id = 0; id < this.pending.length; id++) {
      if (!this.pending[id]) continue;
      try {
        this.resolveNode(id);
      } catch (err) {
        if (!(err instanceof ModelError)) throw err;
        for (const d of err.diagnostics) {
          if (!errors.some((e) => e.message === d.message && e.loc?.line === d.loc?.line && e.loc?.column === d.loc?.column)) errors.push(d);
        }
      }
    }
    if (errors.length) throw new ModelError(errors);
    applyShiftWindows(this.nodes, this.shiftWindows, (name) => this.newNode(name, name, false));
    const control = {
      initialTime: this.scalarId('initial time')!,
      finalTime: this.scalarId('final time')!,
      timeStep: this.scalarId('time step')!,
      saveper: this.scalarId('saveper')!,
    };
    const outputs = outputOrder(this.nodes, this.outputKeys);
    // fn_shift_if_true says when the shift happens within an Euler step, not within a Runge-Kutta one.
    const why = {
      en: 'its reference page does not say at which of the Runge-Kutta stages the shift happens or which values the stages read',
      es: 'su página de referencia no dice en cuál de las etapas de Runge-Kutta ocurre el desplazamiento ni qué valores leen las etapas',
    };
    const eulerOnly = this.shiftWindows.map((w) => ({ what: 'SHIFT IF TRUE', why, loc: w.loc }));
    return { nodes: this.nodes, lookups: this.lookups, lookupNames: this.lookupNames, data: this.data, control, outputs, ...(eulerOnly.length ? { eulerOnly } : {}) };
  }

  /**
   * Vensim's `x = MAC(a, b : out1, out2)` also defines the model variables out1 and out2 from
   * the macro's output arguments; each gets an equation over x's subscripts that the expander
   * fills from the macro expanded for x.
   */
  private macroOutputEquations(): Equation[] {
    const out: Equation[] = [];
    for (const eq of this.ir.equations) {
      if (!eq.expr) continue;
      visitExpr(eq.expr, (x) => {
        if (x.kind !== 'apply' || !x.outputs) return;
        for (const o of x.outputs) {
          if (this.macroOutputSource.has(o.name)) throw ModelError.at('E_REDEFINED', { en: `${o.display} is an output of more than one macro call`, es: `${o.display} es la salida de más de una llamada a macro` }, o.loc);
          this.macroOutputSource.set(o.name, eq.lhs.name);
          out.push({ lhs: { ...eq.lhs, name: o.name, display: o.display, loc: o.loc }, kind: 'aux', expr: { kind: 'call', fn: '#MACRO OUTPUT', args: [], loc: o.loc }, units: '', doc: '', loc: o.loc });
        }
      });
    }
    return out;
  }

  private ensureControlVariables(): void {
    const defaults: Record<string, number> = { 'initial time': 0, 'final time': 100, 'time step': 1 };
    for (const c of CONTROL) {
      if (this.vars.has(c)) continue;
      const loc = { file: this.ir.file, line: 1, column: 1 };
      const expr: Expr = c === 'saveper' ? { kind: 'ref', name: 'time step', display: 'TIME STEP', subs: [], loc } : { kind: 'num', value: defaults[c]!, loc };
      const display = c.toUpperCase();
      const eq: Equation = { lhs: { name: c, display, subs: [], except: [], loc }, kind: 'aux', expr, units: '', doc: '', loc };
      const used = c === 'saveper' ? 'TIME STEP' : String(defaults[c]);
      this.warnings.push(warningAt('W_CONTROL', { en: `${display} is not defined; using ${used}`, es: `${display} no está definido; se usa ${used}` }, loc));
      this.vars.set(c, { name: c, display, equations: [eq], positions: [], positionDims: [], slots: this.slotsFor([], [eq]), isLookup: false });
    }
  }

  /** Decides the element list of each subscript position of a variable. */
  private layoutVariable(v: VarDefinition): void {
    const arity = v.equations[0]!.lhs.subs.length;
    v.isLookup = v.equations.some((e) => e.kind === 'lookup' || e.kind === 'lookup-data');
    for (const eq of v.equations) {
      if (eq.lhs.subs.length !== arity) {
        throw ModelError.at('E_DIMENSION', { en: `${v.display} is defined with ${eq.lhs.subs.length} subscripts here but ${arity} elsewhere`, es: `${v.display} se define aquí con ${eq.lhs.subs.length} subíndices, pero con ${arity} en otro lugar` }, eq.lhs.loc);
      }
    }
    for (let p = 0; p < arity; p++) {
      const declared = this.declaredDim(v, p);
      if (declared) {
        v.positions.push(declared.elements);
        v.positionDims.push(declared.name);
        continue;
      }
      const covered = new Set<string>();
      const named: string[] = [];
      for (const eq of v.equations) {
        const sub = eq.lhs.subs[p]!;
        const dim = this.dims.get(sub.name);
        if (dim) {
          named.push(dim.name);
          dim.elements.forEach((e) => covered.add(e));
        } else if (this.rangesHolding(sub.name).length > 0) {
          covered.add(sub.name);
        } else {
          throw ModelError.at('E_SUBSCRIPT', { en: `unknown subscript '${sub.display}' in the definition of ${v.display}`, es: `subíndice desconocido '${sub.display}' en la definición de ${v.display}` }, sub.loc);
        }
      }
      // The smallest dimension that holds every element used, preferring one named in an LHS.
      // Only ranges holding the first element can hold them all: those are tried, in declaration
      // order as before, instead of every range (48 in MEDEAS, for each of 2,200 variables).
      let best: { name: string; elements: string[] } | undefined;
      const first = covered.values().next();
      const candidates = first.done ? this.dims.dims.values() : this.rangesHolding(first.value);
      const all = [...covered];
      for (const d of candidates) {
        const has = this.ordinalsOf(d.elements);
        if (!all.every((e) => has.has(e))) continue;
        const better = !best || d.elements.length < best.elements.length || (d.elements.length === best.elements.length && named.includes(d.name) && !named.includes(best.name));
        if (better) best = d;
      }
      if (!best) throw ModelError.at('E_SUBSCRIPT', { en: `the subscripts of ${v.display} at position ${p + 1} belong to no single range`, es: `los subíndices de ${v.display} en la posición ${p + 1} no pertenecen a un mismo rango` }, v.equations[0]!.lhs.loc);
      v.positions.push(best.elements);
      v.positionDims.push(best.name);
    }
    v.slots = this.slotsFor(v.positions, v.equations);
  }

  /**
   * The range the file declares for position p (XMILE `<dimensions>`), when every equation of
   * the variable declares the same one; each element written there must belong to it.
   */
  private declaredDim(v: VarDefinition, p: number): Dimension | undefined {
    const name = v.equations[0]!.lhs.dims?.[p];
    if (name === undefined || v.equations.some((eq) => eq.lhs.dims?.[p] !== name)) return undefined;
    const dim = this.dims.get(name);
    if (!dim) return undefined;
    for (const eq of v.equations) {
      const sub = eq.lhs.subs[p]!;
      const named = this.dims.get(sub.name);
      const inside = named ? named.elements.every((e) => dim.elements.includes(e)) : dim.elements.includes(sub.name);
      if (!inside) {
        throw ModelError.at('E_SUBSCRIPT', { en: `subscript '${sub.display}' of ${v.display} is not in its dimension ${dim.display}`, es: `el subíndice '${sub.display}' de ${v.display} no está en su dimensión ${dim.display}` }, sub.loc);
      }
    }
    return dim;
  }

  /** Element ordinals by element list (positions share their range's list). */
  private readonly ordinalCache = new Map<readonly string[], Map<string, number>>();

  private ordinalsOf(elements: readonly string[]): Map<string, number> {
    let o = this.ordinalCache.get(elements);
    if (!o) this.ordinalCache.set(elements, (o = ordinalsOf(elements)));
    return o;
  }

  /** An empty slot table for a variable laid out over `positions`. */
  private slotsFor(positions: readonly string[][], equations: readonly Equation[]): ElementSlots {
    // Pushed, not mapped: see elementsOf, whose loops read these.
    const ordinals: Map<string, number>[] = [];
    for (const l of positions) ordinals.push(this.ordinalsOf(l));
    let expected = 0;
    for (const eq of equations) expected += eq.lhs.subs.reduce((n, s) => n * (this.dims.get(s.name)?.elements.length ?? 1), 1);
    const lengths: number[] = [];
    for (const l of positions) lengths.push(l.length);
    return new ElementSlots(ordinals, lengths, expected);
  }

  scalarId(name: string): number | undefined {
    const v = this.vars.get(name);
    return v && !v.isLookup && v.positions.length === 0 ? v.slots.get(0) : undefined;
  }

  /** Ranges that hold an element, in declaration order (dims.dimsContaining, kept per element). */
  private readonly holders = new Map<string, Dimension[]>();

  private rangesHolding(element: string): Dimension[] {
    let out = this.holders.get(element);
    if (!out) this.holders.set(element, (out = this.dims.dimsContaining(element)));
    return out;
  }

  /**
   * `X = A FUNCTION OF(a, b)` only states what X depends on (Vensim's placeholder for an equation not
   * yet written). Some saved models carry such a line beside X's real equation; the real one is what
   * can be simulated, so the placeholder is dropped with a warning. A variable with placeholders only
   * still stops, where its value is needed (E_UNDEFINED). Assumption: Vensim's reference documents the
   * placeholder but not this pairing.
   */
  private dropSupersededPlaceholders(v: VarDefinition): void {
    if (v.equations.length < 2) return;
    const isPlaceholder = (eq: Equation): boolean => eq.expr?.kind === 'call' && eq.expr.fn === 'A FUNCTION OF';
    const real = v.equations.filter((eq) => !isPlaceholder(eq));
    if (real.length === 0 || real.length === v.equations.length) return;
    for (const eq of v.equations) {
      if (!isPlaceholder(eq)) continue;
      this.warnings.push(warningAt('W_PLACEHOLDER', { en: `${v.display}: the A FUNCTION OF placeholder is ignored; the equation at line ${real[0]!.loc.line} defines it`, es: `${v.display}: se ignora el marcador A FUNCTION OF; la ecuación de la línea ${real[0]!.loc.line} la define` }, eq.loc));
    }
    v.equations = real;
  }

  /**
   * Creates the nodes (or lookup tables) of every element a variable defines. One method per
   * case, each small: as one method with scalars, lookups and arrays together, its code optimised
   * for arrays (a list of lists) met a scalar's empty list and was dropped and compiled again three
   * times in MEDEAS, at 130-310 ms of a background thread each.
   */
  private allocate(v: VarDefinition): void {
    // Every element's name is the display name, then '[' when subscripted: the key of one is the key of all.
    const outputKey = sortKey(v.display);
    for (const eq of v.equations) {
      if (eq.lhs.subs.length === 0 && eq.lhs.except.length === 0) this.allocateScalar(v, eq, outputKey);
      else this.allocateElements(v, eq, outputKey);
    }
  }

  /** A scalar variable's one node (or table): slot 0, named by the display name. */
  private allocateScalar(v: VarDefinition, eq: Equation, outputKey: string): void {
    this.checkScalarCount(1, eq.lhs.loc);
    const name = v.display;
    if (v.slots.get(0) !== undefined) throw redefined(name, eq.loc);
    if (v.isLookup) {
      const idx = this.defineLookup(eq, new Map(), name, 0);
      v.slots.set(0, idx);
      this.lookupNames.set(name, idx);
      return;
    }
    v.slots.set(0, this.pendingNode(name, v, eq, outputKey, { v, eq, lists: [] }, 0));
  }

  /**
   * The elements of a subscripted left side (or one with :EXCEPT:). Nodes and lookup tables are
   * made in methods of their own: in one loop, code optimised on arrays of nodes was dropped at
   * the first array of tables, whose branch it had never run.
   */
  private allocateElements(v: VarDefinition, eq: Equation, outputKey: string): void {
    if (v.isLookup) this.allocateTables(v, eq);
    else this.allocateNodes(v, eq, outputKey);
  }

  private allocateTables(v: VarDefinition, eq: Equation): void {
    const els = this.elementsOf(v, eq);
    const slots = v.slots;
    for (let k = 0; k < els.names.length; k++) {
      const name = els.names[k]!;
      const slot = els.slots[k]!;
      if (slots.get(slot) !== undefined) throw redefined(name, eq.loc);
      const idx = this.defineLookup(eq, this.bindingOf(v, eq, tupleAt(els.lists, els.indexes[k]!)), name, els.indexes[k]!);
      slots.set(slot, idx);
      this.lookupNames.set(name, idx);
    }
  }

  private allocateNodes(v: VarDefinition, eq: Equation, outputKey: string): void {
    const els = this.elementsOf(v, eq);
    const slots = v.slots;
    const pendingEq: PendingEquation = { v, eq, lists: els.lists };
    for (let k = 0; k < els.names.length; k++) {
      const name = els.names[k]!;
      const slot = els.slots[k]!;
      if (slots.get(slot) !== undefined) throw redefined(name, eq.loc);
      slots.set(slot, this.pendingNode(name, v, eq, outputKey, pendingEq, els.indexes[k]!));
    }
  }

  /** The elements an equation's left side defines, in order: their names, slots and tuple indexes, and the element lists. */
  private elementsOf(v: VarDefinition, eq: Equation): { lists: string[][]; names: string[]; slots: number[]; indexes: number[] } {
    const slots = v.slots;
    // The per-position arrays here are pushed into literals, not made by .map: map's result takes
    // one elements kind when the caller runs in the interpreter and another when optimised code
    // inlines it, and the loops below, optimised for one, were dropped at the other (three times
    // in MEDEAS, 65-205 ms of a background thread each).
    const lists: string[][] = [];
    for (const s of eq.lhs.subs) lists.push(this.dims.get(s.name)?.elements ?? [s.name]);
    // Excluded tuples by slot: a tuple with an element outside the layout matches no element here.
    const excluded = new Set<number>();
    for (const ex of eq.lhs.except) {
      const exLists = ex.map((s) => {
        const d = this.dims.get(s.name);
        return d ? d.elements : [s.name];
      });
      for (const t of cartesian(exLists)) excluded.add(slots.slotOf(t));
      // An :EXCEPT: with fewer subscripts than the LHS leaves the other positions free.
      if (ex.length < lists.length) for (const t of cartesian([...exLists, ...lists.slice(ex.length)])) excluded.add(slots.slotOf(t));
    }
    excluded.delete(-1);
    const arity = lists.length;
    let total = 1;
    for (let p = 0; p < arity; p++) total *= lists[p]!.length;
    this.checkScalarCount(total, eq.lhs.loc);
    // The tuples of cartesian(lists) in order, by an odometer over element positions: each
    // element's slot is summed from per-list slot steps and its name concatenated from per-list
    // texts; no key string or tuple array is made (the pending record rebuilds the tuple from
    // its index).
    const shown: string[][] = [];
    const steps: number[][] = [];
    for (let p = 0; p < arity; p++) {
      const shownAt: string[] = [];
      const stepsAt: number[] = [];
      // layoutVariable chose position lists that hold every element of the left sides.
      for (const e of lists[p]!) {
        shownAt.push(this.dims.displayOf(e));
        stepsAt.push(slots.ordinals[p]!.get(e)! * slots.strides[p]!);
      }
      shown.push(shownAt);
      steps.push(stepsAt);
    }
    // The last subscript with its ']', made once per element of the last list, not once per name:
    // each name is then one string over the shared prefix and ending (MEDEAS: 70,000 names, each
    // a second string that lived as long as the model and that every collection copied).
    const endings: string[] = [];
    if (arity > 0) for (const e of shown[arity - 1]!) endings.push(e + ']');
    const digits: number[] = [];
    for (let p = 0; p < arity; p++) digits.push(0);
    const names: string[] = [];
    const slotList: number[] = [];
    const indexes: number[] = [];
    let prefix: string | undefined;
    for (let index = 0; index < total; index++) {
      if (index > 0) {
        for (let p = arity - 1; p >= 0; p--) {
          if (p < arity - 1) prefix = undefined; // an earlier position moves
          if (++digits[p]! < lists[p]!.length) break;
          digits[p] = 0;
        }
      }
      let slot = 0;
      for (let p = 0; p < arity; p++) slot += steps[p]![digits[p]!]!;
      if (excluded.size > 0 && excluded.has(slot)) continue;
      // The text before the last subscript is made again only when an earlier position moves:
      // appended piece by piece per element, each name was a chain of 2 + 2 × arity cons strings.
      let name = v.display;
      if (arity) {
        if (prefix === undefined) {
          prefix = v.display + '[';
          for (let p = 0; p < arity - 1; p++) prefix += shown[p]![digits[p]!]! + ',';
        }
        name = prefix + endings[digits[arity - 1]!]!;
      }
      names.push(name);
      slotList.push(slot);
      indexes.push(index);
    }
    return { lists, names, slots: slotList, indexes };
  }

  /** A node to be defined later from `pendingEq`'s equation, as the index-th tuple of its lists; its id. */
  private pendingNode(name: string, v: VarDefinition, eq: Equation, outputKey: string, pendingEq: PendingEquation, index: number): number {
    const node = this.newNode(name, v.name, false, eq.loc, eq);
    this.outputKeys[node.id] = outputKey;
    // A plain record, not a closure, and the binding made when the node is defined: 70,000
    // closures and small Maps lived until then and young-generation collections copied each.
    this.pending[node.id] = pendingEq;
    this.pendingIndex[node.id] = index;
    return node.id;
  }

  /** The dimensions an equation's left side binds for one element tuple (and the variable's own). */
  private bindingOf(v: VarInfo, eq: Equation, tuple: string[]): Binding {
    const binding = new Map<string, string>();
    const subs = eq.lhs.subs;
    for (let p = 0; p < subs.length; p++) {
      const name = subs[p]!.name;
      if (this.dims.isDimension(name)) binding.set(name, tuple[p]!);
      // Also bind the variable's own position dimension so bare references resolve.
      const own = v.positionDims[p]!;
      if (!binding.has(own)) binding.set(own, tuple[p]!);
    }
    return binding;
  }

  /** Refuses `more` nodes beyond the scalar limit, before they are made. */
  private checkScalarCount(more: number, loc: SourceLocation | undefined): void {
    const total = this.nodes.length + more;
    if (total > this.limits.maxScalars) {
      throw ModelError.at('E_LIMIT_SCALARS', { en: `the model needs at least ${formatCount(total)} scalar variables once arrays are expanded; the limit is ${formatCount(this.limits.maxScalars)}`, es: `el modelo necesita al menos ${formatCount(total)} variables escalares una vez expandidos los arreglos; el límite es ${formatCount(this.limits.maxScalars)}` }, loc);
    }
  }

  /** A new node; `eq`, for an element of a model variable, gives its units, documentation and range. */
  newNode(name: string, varName: string, hidden: boolean, loc?: SourceLocation, eq?: Equation): ScalarNode {
    if (this.nodes.length >= this.limits.maxScalars) this.checkScalarCount(1, loc);
    // One shape for every node (units, doc and range undefined unless an equation gives them; init,
    // args, data and stepwise until a definition sets them): a node given `init` or `data` later
    // took a new hidden class, and code V8 had optimised for the first (ordering, code generation)
    // was dropped and compiled again at each new one.
    const node: ScalarNode = { id: this.nodes.length, name, varName, hidden, kind: 'aux', expr: UNDEFINED_VALUE, loc, units: eq?.units, doc: eq?.doc, range: eq?.range, init: undefined, args: undefined, data: undefined, stepwise: undefined };
    this.nodes.push(node);
    // refExprs grows with nodes: set at a node id far past its end, the array went to dictionary
    // mode (MEDEAS: 19,000 of 133,000 reads were hash look-ups).
    this.refExprs.push(undefined);
    return node;
  }

  hiddenNode(owner: ScalarNode, what: string, loc?: SourceLocation): ScalarNode {
    return this.newNode(`#${what}(${owner.name})#${this.nodes.length}`, owner.varName, true, loc ?? owner.loc);
  }

  resolveNode(id: number): void {
    const p = this.pending[id];
    if (!p) return;
    this.pending[id] = undefined;
    this.defineNode(this.nodes[id]!, p.eq, p.v, this.pendingIndex[id]!, p.lists);
  }

  private defineLookup(eq: Equation, binding: Binding, name: string, elementIndex: number): number {
    if (eq.kind === 'lookup') {
      const t = eq.lookup!;
      return this.addLookup(name, t.x, t.y, eq.loc);
    }
    const owner: ScalarNode = { id: -1, name, varName: eq.lhs.name, hidden: true, kind: 'aux', expr: { k: 'num', v: 0 }, loc: eq.loc };
    const table = this.dataFns.lookupsFor(eq, elementIndex, { binding, owner, loc: eq.loc });
    return this.addLookup(name, table.x, table.y, eq.loc);
  }

  addLookup(name: string, x: ArrayLike<number>, y: ArrayLike<number>, loc?: SourceLocation): number {
    // Most tables' x ascend: copied at once (the typed-array constructor's native copy), not
    // through two arrays made by iteration, which cold took 8 ms for MEDEAS's 544 tables.
    let ascending = true;
    for (let i = 1; i < x.length && ascending; i++) ascending = !(x[i]! < x[i - 1]!);
    if (ascending) {
      this.lookups.push({ name, x: new Float64Array(x), y: new Float64Array(y) });
      return this.lookups.length - 1;
    }
    let xs = Array.from(x);
    let ys = Array.from(y);
    if (xs.some((v, i) => i > 0 && v < xs[i - 1]!)) {
      // Vensim accepts such a table; we sort its points by x and say so.
      this.warnings.push(warningAt('W_LOOKUP_ORDER', { en: `the x values of lookup ${name} decrease; its points are sorted by x`, es: `los valores x de la tabla ${name} decrecen; sus puntos se ordenan por x` }, loc));
      const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
      xs = order.map((i) => xs[i]!);
      ys = order.map((i) => ys[i]!);
    }
    this.lookups.push({ name, x: Float64Array.from(xs), y: Float64Array.from(ys) });
    return this.lookups.length - 1;
  }

  /** RANDOM LOOKUP reads its table as a density: no negative y and some area under the points. */
  private checkDensity(table: number, loc: SourceLocation): void {
    const { name, x, y } = this.lookups[table]!;
    let area = 0;
    for (let i = 0; i + 1 < x.length; i++) area += ((y[i]! + y[i + 1]!) / 2) * (x[i + 1]! - x[i]!);
    if (y.some((v) => !(v >= 0)) || !(area > 0)) {
      throw ModelError.at('E_ARGUMENT', {
        en: `RANDOM LOOKUP reads lookup ${name} as a probability density: its y values must be 0 or more with some area under them`,
        es: `RANDOM LOOKUP lee la tabla (lookup) ${name} como una densidad de probabilidad: sus valores y deben ser 0 o más, con algo de área bajo ellos`,
      }, loc);
    }
  }

  /** Fills one node from its equation. */
  private defineNode(node: ScalarNode, eq: Equation, v: VarInfo, elementIndex: number, lists: string[][]): void {
    if (eq.kind === 'data' || (eq.expr?.kind === 'call' && DATA_BUILTINS.has(eq.expr.fn))) {
      if (this.dataFns.defineDataNode(node, eq, elementIndex, lists)) return;
    }
    if (!eq.expr && eq.kind === 'data') {
      const ext = this.options.externalData?.get(canonicalColumn(node.name));
      if (ext) {
        const times: number[] = [];
        const values: number[] = [];
        for (let i = 0; i < ext.times.length; i++) {
          if (Number.isFinite(ext.values[i])) {
            times.push(ext.times[i]!);
            values.push(ext.values[i]!);
          }
        }
        node.kind = 'data';
        node.data = this.data.length;
        this.data.push({ times: Float64Array.from(times), values: Float64Array.from(values), mode: eq.interpolation ?? 'interpolate', name: node.name });
        return;
      }
    }
    if (!eq.expr) {
      throw ModelError.at('E_DATA', { en: `${node.name} has no equation and no data source (give a data file with its series, e.g. --data FILE.tab)`, es: `${node.name} no tiene ecuación ni fuente de datos (indique un archivo de datos con su serie, p. ej. --data FILE.tab)` }, eq.loc);
    }
    const e = eq.expr;
    if (e.kind === 'list') {
      const flat = e.rows.flat();
      const free = lists.reduce((n, l) => n * l.length, 1);
      if (flat.length !== free) {
        throw ModelError.at('E_DIMENSION', { en: `${eq.lhs.display} has ${free} elements but its list gives ${flat.length} numbers`, es: `${eq.lhs.display} tiene ${free} elementos, pero su lista da ${flat.length} números` }, e.loc);
      }
      node.kind = 'const';
      node.expr = this.num(flat[elementIndex]!);
      return;
    }
    if (e.kind === 'num') {
      node.kind = 'const';
      node.expr = this.num(e.value);
      return;
    }
    if (e.kind === 'unary' && e.op === '-' && e.arg.kind === 'num') {
      node.kind = 'const';
      node.expr = this.num(-e.arg.value);
      return;
    }
    // An arrayed equation's elements by its plan, where it has one (equation-plan.ts).
    if (lists.length > 0 && (lists.length > 1 || lists[0]!.length > 1) && this.options.elementPlans !== false) {
      const planned = this.plans.instantiate(eq, v, elementIndex, lists);
      if (planned !== undefined) {
        node.kind = planned.kind;
        node.expr = planned.expr;
        if (planned.init) node.init = planned.init;
        return;
      }
    }
    // The binding only now: data constants, lists and numbers (most of MEDEAS's nodes) need none.
    const ctx: Ctx = { binding: this.bindingOf(v, eq, tupleAt(lists, elementIndex)), owner: node, loc: eq.loc };
    if (e.kind === 'call' && e.fn === 'TIME SHIFT' && eq.kind === 'data') {
      // fn_time_shift: `d := TIME SHIFT(data, shift)` is the data series moved earlier by shift
      // (a positive shift lets the model see the data ahead): d(t) = data(t + shift).
      const source = this.data[this.dataSeriesOf(e.args[0]!, ctx, e.fn)]!;
      const shift = this.constantValue(this.resolve(e.args[1]!, ctx), e.args[1]!.loc, { en: 'the shift of TIME SHIFT', es: 'el desplazamiento de TIME SHIFT' });
      node.kind = 'data';
      node.data = this.data.length;
      this.data.push({ times: source.times.map((t) => t - shift), values: source.values, mode: eq.interpolation ?? 'interpolate', name: node.name });
      node.expr = { k: 'num', v: 0 };
      return;
    }
    if (e.kind === 'call' && TOP_LEVEL_STATEFUL.has(e.fn)) {
      lowerStateful(this, e.fn, e.args, ctx, node);
      return;
    }
    if (e.kind === 'call' && e.fn === '#MACRO OUTPUT') {
      const source = this.vars.get(this.macroOutputSource.get(eq.lhs.name)!)!;
      const callerId = source.isLookup ? undefined : source.slots.at(tupleAt(lists, elementIndex));
      if (callerId !== undefined) this.resolveNode(callerId);
      const id = callerId === undefined ? undefined : this.macroOutputNodes.get(`${eq.lhs.name}|${callerId}`);
      if (id === undefined) throw ModelError.at('E_MACRO', { en: `${node.name} is named as a macro output but the macro call does not define it`, es: `${node.name} figura como salida de una macro, pero la llamada a la macro no la define` }, eq.loc);
      node.kind = 'aux';
      node.expr = { k: 'ref', id };
      return;
    }
    node.kind = 'aux';
    node.expr = this.resolve(e, ctx);
  }

  /** Resolves an IR expression in a context to a scalar expression. */
  resolve(e: Expr, ctx: Ctx): SExpr {
    switch (e.kind) {
      case 'num':
        return this.num(e.value);
      case 'na':
        return this.num(VENSIM_NA);
      case 'str':
        throw ModelError.at('E_SYNTAX', { en: `a string '${e.value}' is only allowed as an argument of a data function`, es: `una cadena de texto '${e.value}' solo se permite como argumento de una función de datos` }, e.loc);
      case 'list':
        throw ModelError.at('E_SYNTAX', { en: 'a list of numbers is only allowed as the whole right-hand side', es: 'una lista de números solo se permite como todo el lado derecho' }, e.loc);
      case 'lookup':
        throw ModelError.at('E_SYNTAX', { en: 'a lookup table is only allowed in WITH LOOKUP or a lookup definition', es: 'una tabla (lookup) solo se permite en WITH LOOKUP o en la definición de una tabla' }, e.loc);
      case 'unary': {
        if (e.op === '+') return this.resolve(e.arg, ctx);
        const a = this.resolve(e.arg, ctx);
        if (a.k === 'num' && e.op === '-') return this.num(-a.v);
        return { k: 'un', op: e.op, a };
      }
      case 'binary': {
        const a = this.resolve(e.left, ctx);
        const b = this.resolve(e.right, ctx);
        // Arithmetic on two literals is folded (e.g. a smoothing time written `2 + 1`), unless its
        // value is not finite: `0 / 0` kept as written lets a run's diagnosis name the division.
        if (a.k === 'num' && b.k === 'num') {
          const folded = foldLiterals(e.op, a.v, b.v);
          if (folded !== undefined && folded - folded === 0) return this.num(folded);
        }
        return { k: 'bin', op: e.op, a, b };
      }
      case 'ref':
        return this.resolveRef(e, ctx);
      case 'apply':
        return this.resolveApply(e, ctx);
      case 'call':
        return this.resolveCall(e.fn, e.args, ctx, e.loc);
    }
  }

  private resolveCall(fn: string, args: Expr[], ctx: Ctx, loc: SourceLocation): SExpr {
    const info = BUILTINS.get(fn)!;
    if (args.length < info.min || args.length > info.max) {
      throw ModelError.at('E_ARITY', arityMessage(fn, info.min, info.max, args.length), loc);
    }
    if (info.stateful) {
      const hidden = this.hiddenNode(ctx.owner, fn.toLowerCase(), loc);
      lowerStateful(this, fn, args, { ...ctx, loc }, hidden);
      return { k: 'ref', id: hidden.id };
    }
    if (ARRAY_FUNCTIONS.has(fn)) return lowerArrayCall(this, fn, args, { ...ctx, loc });
    if (info.data) return this.dataFns.inlineDataCall(fn, args, { ...ctx, loc });
    switch (fn) {
      case 'PI':
        return { k: 'num', v: Math.PI };
      case 'QUEUE AGE IN RANGE':
        return resolveQueueAgeInRange(this, args, { ...ctx, loc });
      case 'SHIFT IF TRUE':
        return lowerShiftIfTrue(this, args, { ...ctx, loc }, this.shiftWindows);
      case 'WITH LOOKUP': {
        const t = args[1]!;
        if (t.kind !== 'lookup') throw ModelError.at('E_SYNTAX', { en: 'WITH LOOKUP needs a lookup table as its second argument', es: 'WITH LOOKUP necesita una tabla (lookup) como segundo argumento' }, loc);
        const idx = this.addLookup(`#with lookup(${ctx.owner.name})`, t.table.x, t.table.y, loc);
        return { k: 'lookup', table: idx, x: this.resolve(args[0]!, ctx), mode: 'normal' };
      }
      case 'LOOKUP EXTRAPOLATE':
      case 'LOOKUP FORWARD':
      case 'LOOKUP BACKWARD':
      case 'LOOKUP INVERT': {
        const table = this.lookupTableOf(args[0]!, ctx);
        const mode = fn.split(' ')[1]!.toLowerCase() as 'extrapolate';
        return { k: 'lookup', table, x: this.resolve(args[1]!, ctx), mode };
      }
      case 'GET DATA AT TIME':
      case 'GET DATA BETWEEN TIMES':
      case 'GET DATA FIRST TIME':
      case 'GET DATA LAST TIME': {
        // Vensim's data functions read a data variable's series: at a time (with its own
        // interpolation, or BETWEEN TIMES' mode 0 interpolate, 1 later value, -1 earlier value;
        // both :NA: outside the data), or the time of its first or last point.
        const series = this.dataSeriesOf(args[0]!, ctx, fn);
        if (fn === 'GET DATA FIRST TIME' || fn === 'GET DATA LAST TIME') {
          const times = this.data[series]!.times;
          return { k: 'num', v: times.length === 0 ? VENSIM_NA : fn === 'GET DATA FIRST TIME' ? times[0]! : times[times.length - 1]! };
        }
        return { k: 'call', fn, args: [{ k: 'num', v: series }, ...args.slice(1).map((a) => this.resolve(a, ctx))] };
      }
      case 'GET DATA MAX':
      case 'GET DATA MIN':
      case 'GET DATA MEAN': {
        // fn_get_data_min: the smallest value the data variable takes over [start, end], :NA: when
        // no data point lies in the range. MAX and MEAN are read the same way (assumed: the pages
        // found describe MIN only): over the data points in the range, both ends included,
        // :NA: points skipped.
        const series = this.dataSeriesOf(args[0]!, ctx, fn);
        return { k: 'call', fn, args: [{ k: 'num', v: series }, this.resolve(args[1]!, ctx), this.resolve(args[2]!, ctx)] };
      }
      case 'TIME SHIFT':
        throw ModelError.at('E_SYNTAX', { en: 'TIME SHIFT must be the whole right-hand side of a data equation (name := TIME SHIFT(data, shift))', es: 'TIME SHIFT debe ser todo el lado derecho de una ecuación de datos (name := TIME SHIFT(data, shift))' }, loc);
      case 'TIME BASE': {
        // fn_time_base: START when Time is 0, rising by SLOPE per unit of Time (START + Time × SLOPE).
        // The page says START and SLOPE must be numbers or constants, not computed variables.
        const start = this.resolve(args[0]!, ctx);
        const slope = this.resolve(args[1]!, ctx);
        [start, slope].forEach((a, i) => {
          if (!this.isRunConstant(a)) throw ModelError.at('E_ARGUMENT', { en: `${ctx.owner.name}: the ${i ? 'SLOPE' : 'START'} of TIME BASE must be a number or a constant (documentation/fn_time_base.html)`, es: `${ctx.owner.name}: el ${i ? 'SLOPE' : 'START'} de TIME BASE debe ser un número o una constante (documentation/fn_time_base.html)` }, args[i]!.loc);
        });
        return { k: 'bin', op: '+', a: start, b: { k: 'bin', op: '*', a: { k: 'time' }, b: slope } };
      }
      case 'LOOKUP AREA': {
        // LOOKUP AREA(table, x1, x2): the area under the lookup (held flat past its ends) from x1 to x2.
        const table = this.lookupTableOf(args[0]!, ctx);
        const to: SExpr = { k: 'lookup', table, x: this.resolve(args[2]!, ctx), mode: 'area' };
        const from: SExpr = { k: 'lookup', table, x: this.resolve(args[1]!, ctx), mode: 'area' };
        return { k: 'bin', op: '-', a: to, b: from };
      }
      case 'LOOKUP SLOPE': {
        // Vensim (fn_lookup_slope): LOOKUP SLOPE(table, x, m), the slope at x; outside the
        // table 0 (m = 0), the nearest segment's slope (m = 1) or :NA: (m = −1).
        const table = this.lookupTableOf(args[0]!, ctx);
        const m = this.constantValue(this.resolve(args[2]!, ctx), loc, { en: 'the mode of LOOKUP SLOPE', es: 'el modo de LOOKUP SLOPE' });
        const mode = m === 0 ? 'slope' : m === 1 ? 'slope_extrapolate' : m === -1 ? 'slope_na' : undefined;
        if (!mode) throw ModelError.at('E_ARGUMENT', { en: `the mode of LOOKUP SLOPE must be -1, 0 or 1 (it is ${m})`, es: `el modo de LOOKUP SLOPE debe ser -1, 0 o 1 (es ${m})` }, loc);
        return { k: 'lookup', table, x: this.resolve(args[1]!, ctx), mode };
      }
      case 'RANDOM LOOKUP': {
        // fn_random: RANDOM LOOKUP(look, m, x, h, r, s) draws from the density the lookup traces;
        // the runtime reads the table by its index, passed first, then the node and the time, which
        // locate its error when a run replaces the table with one that is not a density.
        const table = this.lookupTableOf(args[0]!, ctx);
        this.checkDensity(table, args[0]!.loc);
        const where: SExpr[] = [{ k: 'num', v: table }, { k: 'num', v: ctx.owner.id }, { k: 'time' }];
        return { k: 'call', fn, args: [...where, ...args.slice(1).map((a) => this.resolve(a, ctx))] };
      }
      case 'RANDOM PINK NOISE': {
        // Computed only with a standard deviation of 0 (its mean): the filtered-noise structure of
        // Vensim's page (documentation/random_pink_noise.html) is not implemented, and drawing
        // white noise instead would ignore the correlation time. A run that sets it otherwise stops (runtime-lib.ts).
        const resolved = args.map((a) => this.resolve(a, ctx));
        if (!this.isRunConstant(resolved[1]!) || this.constantValue(resolved[1]!, args[1]!.loc, { en: 'the standard deviation of RANDOM PINK NOISE', es: 'la desviación estándar de RANDOM PINK NOISE' }) !== 0) {
          throw ModelError.at('E_UNSUPPORTED', {
              en: `${ctx.owner.name}: RANDOM PINK NOISE is supported only with a constant standard deviation of 0 (then it is its mean); its filtered noise (documentation/random_pink_noise.html) is not implemented`,
              es: `${ctx.owner.name}: RANDOM PINK NOISE se admite solo con una desviación estándar constante igual a 0 (entonces vale su media); su ruido filtrado (documentation/random_pink_noise.html) no está implementado`,
            }, args[1]!.loc);
        }
        return { k: 'call', fn, args: resolved };
      }
      case 'GET TIME VALUE': {
        const resolved = args.map((a) => this.resolve(a, ctx));
        checkGetTimeValue(this, resolved, args, ctx);
        return { k: 'call', fn, args: resolved };
      }
      case 'RANDOM UNIFORM': case 'RANDOM NORMAL': case 'RANDOM EXPONENTIAL': case 'RANDOM POISSON': case 'RANDOM LOGNORMAL':
      case 'RANDOM TRIANGULAR': case 'RANDOM GAMMA': case 'RANDOM BETA': case 'RANDOM BINOMIAL': case 'RANDOM WEIBULL':
      case 'RANDOM NEGATIVE BINOMIAL': {
        // fn_random: every draw is truncated to [minimum, maximum]; constant bounds the wrong way round leave no value.
        const resolved = args.map((a) => this.resolve(a, ctx));
        const [lo, hi] = resolved as [SExpr, SExpr];
        if (this.isRunConstant(lo) && this.isRunConstant(hi)) {
          const min = this.constantValue(lo, args[0]!.loc, { en: `the minimum of ${fn}`, es: `el mínimo de ${fn}` });
          const max = this.constantValue(hi, args[1]!.loc, { en: `the maximum of ${fn}`, es: `el máximo de ${fn}` });
          if (!(min <= max)) throw ModelError.at('E_ARGUMENT', { en: `${ctx.owner.name}: the minimum of ${fn} (${min}) is above its maximum (${max}), so no draw can fall between them`, es: `${ctx.owner.name}: el mínimo de ${fn} (${min}) es mayor que su máximo (${max}), así que ningún valor sorteado puede caer entre ambos` }, args[0]!.loc);
        }
        return { k: 'call', fn, args: resolved };
      }
      case 'A FUNCTION OF':
        throw ModelError.at(
          'E_UNDEFINED',
          {
            en: `${ctx.owner.name} is defined as A FUNCTION OF, which has no equation to simulate`,
            es: `${ctx.owner.name} está definida como A FUNCTION OF, que no tiene ecuación que simular`,
          },
          loc,
        );
      default: {
        // An index loop, not map and a closure: this runs for most calls while still unoptimised. The
        // list made at its final length: grown by push from empty, each kept list had 17 slots.
        const resolved = new Array<SExpr>(args.length);
        for (let i = 0; i < args.length; i++) resolved[i] = this.resolve(args[i]!, ctx);
        return { k: 'call', fn, args: resolved };
      }
    }
  }

  /** The data series behind a reference to a data variable (an argument of GET DATA …). */
  private dataSeriesOf(e: Expr, ctx: Ctx, fn: string): number {
    const s = e.kind === 'ref' ? this.resolve(e, ctx) : undefined;
    if (s?.k === 'ref') {
      this.resolveNode(s.id);
      const n = this.nodes[s.id]!;
      if (n.kind === 'data' && n.data !== undefined) return n.data;
    }
    throw ModelError.at('E_ARGUMENT', { en: `${fn} needs a data variable (one read from a data file or GET DATA) as its first argument`, es: `${fn} necesita como primer argumento una variable de datos (leída de un archivo de datos o con GET DATA)` }, e.loc);
  }

  /** The lookup table an expression names (a lookup variable, possibly subscripted). */
  lookupTableOf(e: Expr, ctx: Ctx): number {
    if (e.kind !== 'ref') throw ModelError.at('E_LOOKUP', { en: 'expected the name of a lookup table', es: 'se esperaba el nombre de una tabla (lookup)' }, e.loc);
    const v = this.vars.get(e.name);
    if (!v || !v.isLookup) throw ModelError.at('E_LOOKUP', { en: `${e.display} is not a lookup table`, es: `${e.display} no es una tabla (lookup)` }, e.loc);
    const idx = v.slots.get(this.elementSlot(v, e.subs, ctx, e.loc));
    if (idx === undefined) {
      const key = this.elementKey(v, e.subs, ctx, e.loc).join(',');
      throw ModelError.at('E_UNDEFINED', { en: `${e.display}[${key}] is not defined`, es: `${e.display}[${key}] no está definida` }, e.loc);
    }
    return idx;
  }

  private resolveApply(e: Extract<Expr, { kind: 'apply' }>, ctx: Ctx): SExpr {
    const macro = this.macros.get(e.name);
    if (macro) return this.expandMacro(macro, e.args, ctx, e.loc, e.outputs);
    const local = ctx.scope?.get(e.name);
    if (local !== undefined) throw ModelError.at('E_LOOKUP', { en: `${e.display} is not a lookup table`, es: `${e.display} no es una tabla (lookup)` }, e.loc);
    const v = this.vars.get(e.name);
    const unsupported = v ? undefined : unsupportedFunctionMessage(e.name);
    if (unsupported) throw ModelError.at('E_UNSUPPORTED', unsupported, e.loc);
    if (!v) {
      if (/^[a-z][a-z0-9 ]*$/.test(e.name) && e.name === e.name.trim()) {
        throw ModelError.at('E_UNKNOWN_FUNCTION', { en: `unknown function or lookup '${e.display}'`, es: `función o tabla (lookup) desconocida '${e.display}'` }, e.loc);
      }
      throw ModelError.at('E_UNDEFINED', { en: `'${e.display}' is not defined`, es: `'${e.display}' no está definida` }, e.loc);
    }
    if (!v.isLookup && v.positions.length > 0) {
      // `a(RANK(a, 1))`, `a(2)`: Vensim has no numeric subscripts (vensim.com/documentation/22095.html);
      // a name followed by parentheses calls a lookup, so the argument is not read as an index.
      throw ModelError.at(
        'E_LOOKUP',
        {
          en: `${e.display} is an array, not a lookup, and is called here like one, ${e.display}(…): in Vensim a name followed by parentheses calls a lookup, and Vensim does not allow numeric subscripts (its help: a position computed from a value is written with VECTOR ELM MAP), so the argument is not read as an index into ${e.display}; write VECTOR ELM MAP(${e.display}[first element], position - 1)`,
          es: `${e.display} es un arreglo, no una tabla (lookup), y aquí se llama como una, ${e.display}(…): en Vensim un nombre seguido de paréntesis llama a una tabla, y Vensim no admite subíndices numéricos (su ayuda: una posición calculada a partir de un valor se escribe con VECTOR ELM MAP), así que el argumento no se lee como un índice en ${e.display}; escriba VECTOR ELM MAP(${e.display}[primer elemento], posición - 1)`,
        },
        e.loc,
      );
    }
    if (!v.isLookup) throw ModelError.at('E_LOOKUP', { en: `${e.display} is called like a lookup but is not one`, es: `${e.display} se llama como una tabla (lookup), pero no lo es` }, e.loc);
    if (e.args.length !== 1) {
      throw ModelError.at('E_ARITY', { en: `lookup ${e.display} takes one argument but was given ${e.args.length}`, es: `la tabla (lookup) ${e.display} admite un argumento, pero recibió ${e.args.length}` }, e.loc);
    }
    const table = this.lookupTableOf({ kind: 'ref', name: e.name, display: e.display, subs: e.subs, loc: e.loc }, ctx);
    return { k: 'lookup', table, x: this.resolve(e.args[0]!, ctx), mode: 'normal' };
  }

  private resolveRef(e: Extract<Expr, { kind: 'ref' }>, ctx: Ctx): SExpr {
    if (ctx.scope) {
      const id = ctx.scope.get(e.name);
      if (id !== undefined) return this.ref(id);
      // Vensim's macro reference: inside a macro, `name$` is the model's (unsubscripted) variable.
      if (e.name.endsWith('$')) {
        const name = e.name.slice(0, -1).trim();
        return this.resolveRef({ ...e, name, display: e.display.replace(/\$\s*$/, '') }, { ...ctx, scope: undefined });
      }
    }
    if (e.name === 'time') return TIME;
    const v = this.vars.get(e.name);
    if (!v) {
      // A dimension used as a value gives the (1-based) position of the current element (Vensim's
      // subscript-as-number; XMILE/Stella: isee help, Specialized Array Manipulation, "the first
      // label evaluates to 1, the second to 2").
      const dim = this.dims.get(e.name);
      if (dim) {
        const el = this.bindElement(dim.name, ctx.binding);
        if (el === undefined) throw ModelError.at('E_DIMENSION', { en: `subscript range ${e.display} is used as a value outside an equation over it`, es: `el rango de subíndices ${e.display} se usa como valor fuera de una ecuación definida sobre él` }, e.loc);
        return this.num(this.familyPosition(el, dim.elements));
      }
      // An element used as a value gives its (1-based) position in its range.
      const holders = this.rangesHolding(e.name);
      if (holders.length > 0) {
        return this.num(this.familyPosition(e.name, [e.name]));
      }
      throw ModelError.at('E_UNDEFINED', { en: `'${e.display}' is not defined`, es: `'${e.display}' no está definida` }, e.loc);
    }
    if (v.isLookup) throw ModelError.at('E_LOOKUP', { en: `lookup ${e.display} is used without an argument`, es: `la tabla ${e.display} se usa sin argumento` }, e.loc);
    const id = v.slots.get(this.elementSlot(v, e.subs, ctx, e.loc));
    if (id === undefined) {
      const key = this.elementKey(v, e.subs, ctx, e.loc).join(',');
      const name = `${v.display}${key ? `[${key}]` : ''}`;
      throw ModelError.at('E_UNDEFINED', { en: `${name} is used but never defined`, es: `${name} se usa pero nunca se define` }, e.loc);
    }
    return this.ref(id);
  }

  /** A reference to node `id`, one object per node (see TIME). */
  private ref(id: number): SExpr {
    return (this.refExprs[id] ??= { k: 'ref', id });
  }

  /** A number, one object per value (see TIME); -0 gets its own, as a Map takes it for 0. */
  private num(v: number): SExpr {
    if (v === 0 && 1 / v < 0) return { k: 'num', v };
    let e = this.numExprs.get(v);
    if (!e) this.numExprs.set(v, (e = { k: 'num', v }));
    return e;
  }

  /**
   * The 1-based position of an element in its family: the largest range holding it (and the
   * elements of the range it was named through). Vensim gives this position to a subscript
   * used as a value, so `sub[subrange] = subrange` counts along the parent range.
   */
  private familyPosition(element: string, within: string[]): number {
    // Ties go to the range declared first (subscript_logicals: dim3 = A, C, B compares like dim1 = A, B, C).
    let best: string[] | undefined;
    for (const d of this.dims.dims.values()) {
      if ((!best || d.elements.length > best.length) && d.elements.includes(element) && within.every((w) => d.elements.includes(w))) best = d.elements;
    }
    return (best ?? within).indexOf(element) + 1;
  }

  /** The concrete element tuple a reference `v[subs]` points to in this context. */
  elementKey(v: VarInfo, subs: SubscriptRef[], ctx: Ctx, loc: SourceLocation): string[] {
    const form = referenceForm(v.positions.length, subs.length);
    if (form === 'bare') {
      // A bare reference to an array: take each position's element from the context.
      if (ambiguousWhenBare(v.positionDims)) throw this.ambiguousBare(v, loc);
      return v.positionDims.map((d, p) => {
        const el = this.bindElement(d, ctx.binding) ?? this.bindByElements(v.positions[p]!, ctx.binding);
        if (el === undefined) throw ModelError.at('E_DIMENSION', needsSubscripts(v.display), loc);
        return el;
      });
    }
    if (form === 'miscounted') {
      throw ModelError.at('E_DIMENSION', subscriptCount(v.display, v.positions.length, subs.length), loc);
    }
    return subs.map((s, p) => {
      const el = this.resolveSubscript(s, ctx.binding);
      if (el === undefined) {
        throw ModelError.at('E_DIMENSION', subscriptMismatch(s.display, v.display, ctx.owner.name), s.loc);
      }
      if (!v.positions[p]!.includes(el)) {
        const range = this.dims.get(v.positionDims[p]!)?.display ?? v.positionDims[p];
        throw ModelError.at('E_DIMENSION', noSuchElement(v.display, String(range), this.dims.displayOf(el), s.display), s.loc);
      }
      return el;
    });
  }

  /**
   * The slot of the element a reference `v[subs]` points to in this context (elementKey's
   * element, by number), or -1 for an element outside v's layout; the same errors as elementKey.
   */
  private elementSlot(v: VarInfo, subs: SubscriptRef[], ctx: Ctx, loc: SourceLocation): number {
    const slots = v.slots;
    const n = v.positions.length;
    const form = referenceForm(n, subs.length);
    let slot = 0;
    if (form === 'bare') {
      if (ambiguousWhenBare(v.positionDims)) throw this.ambiguousBare(v, loc);
      let outside = false;
      for (let p = 0; p < n; p++) {
        const el = this.bindElement(v.positionDims[p]!, ctx.binding) ?? this.bindByElements(v.positions[p]!, ctx.binding);
        if (el === undefined) throw ModelError.at('E_DIMENSION', needsSubscripts(v.display), loc);
        const step = slots.step(p, el);
        if (step < 0) outside = true;
        else slot += step;
      }
      return outside ? -1 : slot;
    }
    if (form === 'miscounted') {
      throw ModelError.at('E_DIMENSION', subscriptCount(v.display, n, subs.length), loc);
    }
    for (let p = 0; p < n; p++) {
      const s = subs[p]!;
      const el = this.resolveSubscript(s, ctx.binding);
      if (el === undefined) {
        throw ModelError.at('E_DIMENSION', subscriptMismatch(s.display, v.display, ctx.owner.name), s.loc);
      }
      const step = slots.step(p, el);
      if (step < 0) {
        const range = this.dims.get(v.positionDims[p]!)?.display ?? v.positionDims[p];
        throw ModelError.at('E_DIMENSION', noSuchElement(v.display, String(range), this.dims.displayOf(el), s.display), s.loc);
      }
      slot += step;
    }
    return slot;
  }

  private ambiguousBare(v: VarInfo, loc: SourceLocation): ModelError {
    const range = v.positionDims.find((d, i) => v.positionDims.indexOf(d) !== i)!;
    return ModelError.at('E_DIMENSION', ambiguousBare(v, this.dims.get(range)?.display ?? range), loc);
  }

  /** One subscript of a reference: an element, a bound dimension, or a mapped/sub-range one. */
  resolveSubscript(s: SubscriptRef, binding: Binding): string | undefined {
    if (!this.dims.isDimension(s.name)) return s.name;
    if (s.bang) {
      const iterated = binding.get(`${s.name}!`);
      if (iterated !== undefined) return iterated;
    }
    return this.bindElement(s.name, binding);
  }

  /** The element a dimension stands for in this binding. */
  bindElement(dimName: string, binding: Binding): string | undefined {
    const direct = binding.get(dimName);
    if (direct !== undefined) return direct;
    const dim = this.dims.get(dimName)!;
    // A declared mapping between this range and a bound one comes first: with
    // `PREVIOUS: a, b, c -> NEXT` (NEXT: b, c, d), PREVIOUS in an equation over NEXT = b means a.
    for (const [bd, el] of binding) {
      if (bd.endsWith('!')) continue;
      const mapped = this.dims.mapElement(bd, el, dimName);
      if (mapped !== undefined) return mapped;
    }
    // Otherwise the same element bound under a related name (sub-range, super-range, equivalent).
    let best: string | undefined;
    let bestOverlap = 0;
    for (const [bd, el] of binding) {
      if (!dim.elements.includes(el)) continue;
      const other = this.dims.get(bd.replace(/!$/, ''));
      const overlap = other ? other.elements.filter((x) => dim.elements.includes(x)).length : 1;
      if (overlap > bestOverlap) {
        best = el;
        bestOverlap = overlap;
      }
    }
    if (best !== undefined) return best;
    return undefined;
  }

  private bindByElements(elements: string[], binding: Binding): string | undefined {
    for (const el of binding.values()) if (elements.includes(el)) return el;
    return undefined;
  }

  /** Inlines one call of a macro: its parameters and locals become hidden nodes. */
  private expandMacro(macro: MacroDecl, args: Expr[], ctx: Ctx, loc: SourceLocation, outputs: { name: string; display: string; loc: SourceLocation }[] = []): SExpr {
    if (args.length !== macro.params.length) {
      throw ModelError.at('E_ARITY', { en: `macro ${macro.name} takes ${macro.params.length} arguments but was given ${args.length}`, es: `la macro ${macro.name} admite ${macro.params.length} argumentos, pero recibió ${args.length}` }, loc);
    }
    if (outputs.length > macro.outputs.length) {
      throw ModelError.at(
        'E_ARITY',
        {
          en: `macro ${macro.name} has ${macro.outputs.length} output argument(s) but the call names ${outputs.length}`,
          es: `la macro ${macro.name} tiene ${macro.outputs.length} argumento(s) de salida, pero la llamada nombra ${outputs.length}`,
        },
        outputs[macro.outputs.length]!.loc,
      );
    }
    // Arguments belong to the caller: resolved before this macro counts as open, so that
    // HALFGAP(HALFGAP(a, b), c) is a nested call, not recursion.
    const resolved = args.map((a) => this.resolve(a, ctx));
    if (this.macroStack.includes(macro.name)) {
      const chain = [...this.macroStack.slice(this.macroStack.indexOf(macro.name)), macro.name].join(' → ');
      throw ModelError.at('E_MACRO_RECURSIVE', { en: `macro ${macro.name} calls itself (${chain}); macros are inlined, so recursion has no end`, es: `la macro ${macro.name} se llama a sí misma (${chain}); las macros se expanden en línea, así que la recursión no terminaría` }, loc);
    }
    this.macroStack.push(macro.name);
    try {
      return this.inlineMacro(macro, resolved, ctx, loc, outputs);
    } finally {
      this.macroStack.pop();
    }
  }

  private inlineMacro(macro: MacroDecl, args: SExpr[], ctx: Ctx, loc: SourceLocation, outputs: { name: string; display: string; loc: SourceLocation }[]): SExpr {
    const scope = new Map<string, number>();
    macro.params.forEach((p, i) => {
      const n = this.hiddenNode(ctx.owner, `${macro.name}.${p}`, loc);
      n.expr = args[i]!;
      scope.set(p, n.id);
    });
    const locals = macro.equations.map((eq) => {
      const n = this.hiddenNode(ctx.owner, `${macro.name}.${eq.lhs.name}`, eq.loc);
      scope.set(eq.lhs.name, n.id);
      return n;
    });
    macro.equations.forEach((eq, i) => {
      const n = locals[i]!;
      const mctx: Ctx = { binding: ctx.binding, scope, owner: n, loc: eq.loc };
      if (!eq.expr) throw ModelError.at('E_MACRO', { en: `${eq.lhs.display} in macro ${macro.name} has no equation`, es: `${eq.lhs.display} en la macro ${macro.name} no tiene ecuación` }, eq.loc);
      if (eq.expr.kind === 'call' && TOP_LEVEL_STATEFUL.has(eq.expr.fn)) lowerStateful(this, eq.expr.fn, eq.expr.args, mctx, n);
      else if (eq.expr.kind === 'num') {
        n.expr = { k: 'num', v: eq.expr.value };
      } else n.expr = this.resolve(eq.expr, mctx);
    });
    const out = scope.get(macro.name);
    if (out === undefined) throw ModelError.at('E_MACRO', { en: `macro ${macro.name} does not define its output ${macro.name}`, es: `la macro ${macro.name} no define su salida ${macro.name}` }, macro.loc);
    outputs.forEach((o, i) => {
      const id = scope.get(macro.outputs[i]!);
      if (id === undefined) throw ModelError.at('E_MACRO', { en: `macro ${macro.name} does not define its output argument ${macro.outputs[i]}`, es: `la macro ${macro.name} no define su argumento de salida ${macro.outputs[i]}` }, macro.loc);
      this.macroOutputNodes.set(`${o.name}|${ctx.owner.id}`, id);
    });
    return { k: 'ref', id: out };
  }

  /**
   * Evaluates an expression when the model is built (e.g. DELAY N's order): constants and
   * expressions of them, with Time taken as INITIAL TIME (Vensim fixes the order at the start).
   */
  isRunConstant(e: SExpr, seen: Set<number> = new Set()): boolean {
    switch (e.k) {
      case 'num':
        return true;
      case 'ref': {
        if (seen.has(e.id)) return false;
        seen.add(e.id);
        this.resolveNode(e.id);
        const n = this.nodes[e.id]!;
        if (n.kind === 'const' || n.kind === 'initial') return true;
        return n.kind === 'aux' && this.isRunConstant(n.expr, seen);
      }
      case 'un':
        return this.isRunConstant(e.a, seen);
      case 'bin':
        return this.isRunConstant(e.a, seen) && this.isRunConstant(e.b, seen);
      case 'call':
        return !DYNAMIC_CALLS.has(e.fn) && e.args.every((a) => this.isRunConstant(a, seen));
      case 'lookup':
        return this.isRunConstant(e.x, seen);
      case 'vec':
        return e.vecs.every((v) => v.every((a) => this.isRunConstant(a, seen))) && e.scalars.every((a) => this.isRunConstant(a, seen));
      default:
        return false;
    }
  }

  constantValue(e: SExpr, loc: SourceLocation, what: BilingualText): number {
    const fail = (): never => {
      throw ModelError.at('E_NOT_CONSTANT', { en: `${what.en} must be known at the initial time`, es: `${what.es} debe conocerse en el tiempo inicial` }, loc);
    };
    const ev = (x: SExpr): number => {
      switch (x.k) {
        case 'num':
          return x.v;
        case 'time': {
          const it = this.scalarId('initial time');
          return it === undefined ? fail() : ev({ k: 'ref', id: it });
        }
        case 'ref': {
          this.resolveNode(x.id);
          const n = this.nodes[x.id]!;
          if (n.kind === 'stock') return n.init ? ev(n.init) : fail();
          if (n.kind !== 'const' && n.kind !== 'aux' && n.kind !== 'initial') return fail();
          return ev(n.expr);
        }
        case 'un':
          return x.op === '-' ? -ev(x.a) : ev(x.a) ? 0 : 1;
        case 'bin': {
          const a = ev(x.a);
          const b = ev(x.b);
          switch (x.op) {
            case '+': return a + b;
            case '-': return a - b;
            case '*': return a * b;
            case '/': return a / b;
            case '^': return a ** b;
            case '<': return a < b ? 1 : 0;
            case '>': return a > b ? 1 : 0;
            case '<=': return a <= b ? 1 : 0;
            case '>=': return a >= b ? 1 : 0;
            case '=': return a === b ? 1 : 0;
          }
          return fail();
        }
        case 'call': {
          const a = x.args.map(ev);
          switch (x.fn) {
            case 'STEP': return ev({ k: 'time' }) >= a[1]! ? a[0]! : 0;
            case 'MIN': return Math.min(...a);
            case 'MAX': return Math.max(...a);
            case 'ABS': return Math.abs(a[0]!);
            case 'INTEGER':
            case 'INT': return Math.trunc(a[0]!);
            case 'IF THEN ELSE': return a[0] ? a[1]! : a[2]!;
          }
          return fail();
        }
        default:
          return fail();
      }
    };
    return ev(e);
  }
}


/** Output order: case-insensitive by name before any '[', elements in definition order within an array. */
function sortKey(name: string): string {
  const b = name.indexOf('[');
  return (b < 0 ? name : name.slice(0, b)).toLowerCase();
}

/**
 * Visible nodes sorted by sortKey of their names, nodes with equal keys in id order: a stable
 * sort, done as one group per key (MEDEAS: 70,000 outputs, ~2,000 keys) with only the keys
 * sorted. `known[id]` is a node's key where allocate recorded it.
 */
function outputOrder(nodes: readonly ScalarNode[], known: readonly (string | undefined)[]): number[] {
  const groups = new Map<string, number[]>();
  let last: string | undefined;
  let group: number[] = [];
  // Index loops, not for-of: this runs once, unoptimised at first, where for-of makes an iterator
  // result per node (3 MB on MEDEAS).
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.hidden) continue;
    const key = known[n.id] ?? sortKey(n.name);
    if (key !== last) {
      last = key;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      group = g;
    }
    group.push(n.id);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
  const out: number[] = [];
  for (const k of keys) {
    const g = groups.get(k)!;
    for (let j = 0; j < g.length; j++) out.push(g[j]!);
  }
  return out;
}

export function expandModel(ir: ModelIR, options: ExpandOptions = {}): { model: ScalarModel; warnings: Diagnostic[] } {
  const x = new Expander(ir, options);
  const model = x.run();
  return { model, warnings: x.warnings };
}

/** Arithmetic on two numbers, or undefined for an operator that is not arithmetic. */
function foldLiterals(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '^': return Math.pow(a, b);
    default: return undefined;
  }
}
