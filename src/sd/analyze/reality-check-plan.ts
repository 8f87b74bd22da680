/**
 * Vensim Reality Check: how one Constraint becomes a model to simulate (the runner is
 * src/sd/run/reality-check.ts). The rules, in our words, from Vensim Help (vensim.com/documentation):
 *
 * - 20960: two kinds of entry. A Test Input names an alternative condition; a Constraint says what
 *   must follow from a condition. Neither is part of the model's causal structure: the normal run
 *   never sees them (the reader keeps them apart, ModelIR.realityChecks).
 * - 20965: `name :TEST INPUT: variable = expr` gives `variable` another equation, written like an
 *   auxiliary's, using model variables only; no dynamic functions (SMOOTH …), no defining functions
 *   (ACTIVE INITIAL …), no macros. Test Inputs are used only in the condition of a Constraint, and
 *   `variable = expr` may be written straight into a condition instead. Time profiles use RC RAMP,
 *   RC STEP, RC DECAY, RC GROW, RC COMPARE.
 * - 20970: `name :THE CONDITION: condition :IMPLIES: consequence`; both are logical expressions
 *   built from =, <, >, <> (and <=, >=) joined by :AND:, :OR:, :NOT:. The condition compares
 *   variables with variables or numbers. Vensim forces the condition true, whatever the model
 *   would compute, and tests the consequence; a condition true with a false consequence is a
 *   Reality Check failure.
 * - 20975: to do so Vensim restructures the model (adds equations, reorders them) for the check's
 *   run only, then puts it back; a restructured model can be simultaneous and then cannot run.
 * - 20980: forcing. An equality or a Test Input is appended to the variable's own equation: the new
 *   equation may use the value the model computed for the variable, and the new value is what every
 *   other equation sees. An inequality is first tested on the computed value: kept when true, else
 *   the variable is assigned as if the inequality were an equality. Then the consequence is tested.
 * - 20995: a Test Input's right-hand side is not a cause of the variable it sets (no causal link).
 * - 21005/21015: checks run as ordinary simulations with the current settings; the report says
 *   which Constraints were checked and the time each was first violated ("violated at time 11",
 *   21035's example).
 *
 * - fn_rc: the RC functions, written out in our words in reality-check-rc.ts (RC STEP/RAMP/DECAY/
 *   GROW force a condition's variable onto a new path from a start time; their CHECK twins bound a
 *   consequence, tested from start + grace; RC START TIME or INITIAL TIME + TIME STEP by default).
 * - 20970 allows :NOT: in a condition: it is pushed inward by logic alone (:NOT: a < b is a >= b,
 *   :NOT: of :OR: is :AND:), then forced as above. A consequence is any logical expression.
 * - A subscripted Constraint holds for each element: split per element (reality-check-elements.ts),
 *   each forcing only its element of a subscripted variable, the other elements as computed.
 *
 * What this module does not implement, and refuses with a located error naming the form: :OR: in a
 * condition and `<>` (or :NOT: of `=`) there (20970/20980 do not say what to force), a condition
 * on Time, an empty condition, RC COMPARE (another run's data), :CROSSING: / :AT LEAST ONCE: /
 * :FOR ALL: (the pages that define them, 20985-21000, were not at hand), forcing a variable defined
 * by several equations (element by element), and a Test Input using a dynamic function or a macro.
 * Passive testing (20970 mentions it; its description was not at hand either) is not done.
 */
import { BUILTINS } from '../ir/builtins.js';
import { ModelError, type BilingualText, type SourceLocation } from '../ir/diagnostics.js';
import type { BinaryOp, ConstraintDecl, Equation, Expr, ModelIR, SubscriptRef, TestInputDecl, UnreadRealityCheck } from '../ir/model.js';
import { mapExpr, visitExpr } from '../ir/walk.js';
import { equationsByName } from '../ir/equations-by-name.js';
import { bindSubscripts, elementsOf, subscriptText } from './reality-check-elements.js';
import { expandRc, rcName, type HeldBasis, type RcContext } from './reality-check-rc.js';

/** One variable whose equation the check replaces; `expr` names the variable itself for its computed value. */
export interface ForcedVariable {
  name: string;
  display: string;
  /** The element forced, for a subscripted variable (elements only, one per position). */
  subs: SubscriptRef[];
  expr: Expr;
  /** The Test Input, or the comparison in the condition, that forces it. */
  source: string;
  loc: SourceLocation;
}

export interface ConstraintPlan {
  constraint: ConstraintDecl;
  forced: ForcedVariable[];
  /** Variables the consequence reads, reported with a failure. */
  reads: string[];
  /** The consequence with its RC … CHECK functions replaced. */
  consequence: Expr;
  /** Where the consequence is tested (the CHECK functions' windows); absent: at every saved time. */
  tested?: Expr;
  /** Values the RC functions read once, at their start. */
  held: HeldBasis[];
}

export interface RestructuredModel {
  ir: ModelIR;
  /** The added variable that is 1 where the consequence holds and 0 where it does not. */
  consequenceVar: string;
}

const CONTROL = new Set(['initial time', 'final time', 'time step', 'saveper', 'time']);
const COMPARISON = new Set<BinaryOp>(['=', '<', '>', '<=', '>=', '<>']);
const NEGATE: Partial<Record<BinaryOp, BinaryOp>> = { '<': '>=', '>=': '<', '>': '<=', '<=': '>', '=': '<>', '<>': '=' };
const FLIP: Partial<Record<BinaryOp, BinaryOp>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '=': '=' };

function refuse(code: string, text: BilingualText, loc: SourceLocation): ModelError {
  return ModelError.at(code, text, loc);
}

/** Plans a Constraint's run, or throws a located ModelError naming what is not supported. */
export function planConstraint(ir: ModelIR, c: ConstraintDecl): ConstraintPlan {
  const byName = equationsByName(ir);
  const inputs = new Map<string, TestInputDecl | UnreadRealityCheck>();
  for (const rc of ir.realityChecks ?? []) if (rc.check === 'test-input' || (rc.check === 'unread' && rc.kind === 'test-input')) inputs.set(rc.name, rc);
  if (c.subs?.length) {
    // The runner splits a subscripted Constraint into one per element (reality-check-elements.ts).
    throw refuse('E_REALITY_CHECK', { en: `constraint ${c.display} is subscripted and was not split by element`, es: `la restricción ${c.display} tiene subíndices y no se separó por elemento` }, c.loc);
  }
  if (!c.condition) {
    throw refuse('E_REALITY_CHECK', { en: `constraint ${c.display} has an empty condition, which is not supported`, es: `la restricción ${c.display} tiene una condición vacía, que no se admite` }, c.loc);
  }
  const taken = new Set(ir.equations.map((e) => e.lhs.name));
  const rc: RcContext = { hasStartTime: byName.has('rc start time'), fresh: (base) => freshName(taken, base), held: [] };
  const forced: ForcedVariable[] = [];
  for (const item of conjuncts(c.condition)) {
    const f = forcing(item, inputs, byName, c, rc, ir);
    if (forced.some((g) => g.name === f.name)) {
      throw refuse('E_REALITY_CHECK', { en: `constraint ${c.display} forces ${f.display} twice`, es: `la restricción ${c.display} fuerza ${f.display} dos veces` }, f.loc);
    }
    forced.push(f);
  }
  const reads: string[] = [];
  visitExpr(c.consequence, (e) => {
    const shown = e.kind === 'ref' ? `${e.display}${subscriptText(e.subs)}` : '';
    if (e.kind === 'ref' && !reads.includes(shown)) reads.push(shown);
  });
  const where = { en: `the consequence of ${c.display}`, es: `la consecuencia de ${c.display}` };
  const windows: Expr[] = [];
  rejectForms(c.consequence, where);
  wholeRange(ir, c.consequence, where);
  const consequence = expandRc(c.consequence, where, rc, { kind: 'check', tested: windows });
  const tested = windows.reduce<Expr | undefined>((a, w) => (a ? { kind: 'binary', op: 'and', left: a, right: w, loc: w.loc } : w), undefined);
  return { constraint: c, forced, reads, consequence, ...(tested ? { tested } : {}), held: rc.held };
}

function freshName(taken: Set<string>, base: string): { name: string; display: string } {
  let display = base;
  for (let i = 2; taken.has(display.toLowerCase()); i++) display = `${base} ${i}`;
  taken.add(display.toLowerCase());
  return { name: display.toLowerCase(), display };
}

/**
 * The condition as comparisons that must all hold. :NOT: is pushed inward where logic alone says
 * what it means (:NOT: of :OR: is an :AND:, :NOT: a < b is a >= b, double :NOT: cancels); what is
 * left (an :OR:, a :NOT: of an :AND: or of a Test Input) is refused by `forcing`.
 */
function conjuncts(e: Expr, negated = false): Expr[] {
  if (e.kind === 'unary' && e.op === 'not') return conjuncts(e.arg, !negated);
  if (e.kind === 'binary' && e.op === (negated ? 'or' : 'and')) return [...conjuncts(e.left, negated), ...conjuncts(e.right, negated)];
  if (!negated) return [e];
  if (e.kind === 'binary' && NEGATE[e.op]) return [{ ...e, op: NEGATE[e.op]! }];
  return [{ kind: 'unary', op: 'not', arg: e, loc: e.loc }];
}

function forcing(item: Expr, inputs: Map<string, TestInputDecl | UnreadRealityCheck>, byName: Map<string, Equation[]>, c: ConstraintDecl, rc: RcContext, ir: ModelIR): ForcedVariable {
  const where = { en: `the condition of ${c.display}`, es: `la condición de ${c.display}` };
  // 20970 lets a condition hold :OR:, but neither it nor 20980 says which side Vensim forces.
  if (item.kind === 'binary' && item.op === 'or') throw refuse('E_REALITY_CHECK', { en: `:OR: in ${where.en} is not supported: the help pages do not say which side is forced (only comparisons and Test Inputs joined by :AND:, or :NOT: of them)`, es: `:OR: en ${where.es} no se admite: las páginas de ayuda no dicen qué lado se fuerza (solo comparaciones y entradas de prueba unidas por :AND:, o su :NOT:)` }, item.loc);
  if (item.kind === 'unary' && item.op === 'not') throw refuse('E_REALITY_CHECK', { en: `:NOT: in ${where.en} is not supported here: it negates a Test Input or an :AND:, which names nothing to force`, es: `:NOT: en ${where.es} no se admite aquí: niega una entrada de prueba o un :AND:, lo que no indica nada que forzar` }, item.loc);
  if (item.kind === 'ref' && inputs.has(item.name)) {
    const ti = inputs.get(item.name)!;
    if (ti.check === 'unread') throw refuse('E_REALITY_CHECK', { en: `Test Input ${ti.display}: ${ti.why.en}`, es: `entrada de prueba ${ti.display}: ${ti.why.es}` }, ti.at);
    // ti[dim] used as ti[e]: its own subscripts read as the elements it is used with.
    const own = ti.subs ?? [];
    if (own.length !== item.subs.length) throw refuse('E_REALITY_CHECK', { en: `Test Input ${ti.display} has ${own.length} subscripts but is used with ${item.subs.length}`, es: `la entrada de prueba ${ti.display} tiene ${own.length} subíndices pero se usa con ${item.subs.length}` }, item.loc);
    const binding = new Map(own.map((s, i) => [s.name, item.subs[i]!]));
    const targetSubs = ti.target.subs.map((s) => binding.get(s.name) ?? s);
    checkTarget(ti.target.name, ti.target.display, targetSubs, byName, ir, ti.target.loc);
    const shown = `${ti.display}${subscriptText(item.subs)}`;
    const what = { en: `Test Input ${shown}`, es: `la entrada de prueba ${shown}` };
    const bound = bindSubscripts(ti.expr, binding);
    rejectForms(bound, what);
    const expr = expandRc(bound, what, rc, { kind: 'input', self: { ...ti.target, subs: targetSubs } });
    return { name: ti.target.name, display: `${ti.target.display}${subscriptText(targetSubs)}`, subs: targetSubs, expr, source: shown, loc: ti.loc };
  }
  if (item.kind === 'binary' && COMPARISON.has(item.op)) {
    const side = variableSide(item, byName);
    if (!side) throw refuse('E_REALITY_CHECK', { en: `this comparison in ${where.en} has no model variable on either side to force`, es: `esta comparación en ${where.es} no tiene a ningún lado una variable del modelo que forzar` }, item.loc);
    const { v, op } = side;
    if (v.name === 'time') throw refuse('E_REALITY_CHECK', { en: `a condition on Time (${where.en}) is not supported`, es: `una condición sobre Time (${where.es}) no se admite` }, item.loc);
    // 20980 assigns a failed inequality "as if it were an equality", which would leave a '<>' false.
    if (op === '<>') throw refuse('E_REALITY_CHECK', { en: `'<>' in ${where.en} (or :NOT: of '=') is not supported: it names no value to force ${v.display} to`, es: `'<>' en ${where.es} (o :NOT: de '=') no se admite: no indica a qué valor forzar ${v.display}` }, item.loc);
    checkTarget(v.name, v.display, v.subs, byName, ir, v.loc);
    rejectForms(side.other, where);
    const other = expandRc(side.other, where, rc, { kind: 'input', self: v });
    const self: Expr = { kind: 'ref', name: v.name, display: v.display, subs: v.subs, loc: v.loc };
    // 20980: an equality assigns; an inequality keeps the computed value when it holds, else assigns.
    const expr: Expr = op === '=' ? other : { kind: 'call', fn: 'IF THEN ELSE', args: [{ kind: 'binary', op, left: self, right: other, loc: item.loc }, self, other], loc: item.loc };
    const shown = `${v.display}${subscriptText(v.subs)}`;
    return { name: v.name, display: shown, subs: v.subs, expr, source: `${shown} ${op} …`, loc: item.loc };
  }
  if (item.kind === 'ref') throw refuse('E_REALITY_CHECK', { en: `${item.display} in ${where.en} is not a Test Input`, es: `${item.display} en ${where.es} no es una entrada de prueba (Test Input)` }, item.loc);
  throw refuse('E_REALITY_CHECK', { en: `this part of ${where.en} is not a comparison or a Test Input`, es: `esta parte de ${where.es} no es una comparación ni una entrada de prueba (Test Input)` }, item.loc);
}

/** The side of a comparison that is a plain model variable (the left one first), with the comparison turned to read `variable op other`. */
function variableSide(e: Expr & { kind: 'binary' }, byName: Map<string, Equation[]>): { v: Expr & { kind: 'ref' }; other: Expr; op: BinaryOp } | undefined {
  const isVar = (x: Expr): x is Expr & { kind: 'ref' } => x.kind === 'ref' && (byName.has(x.name) || x.name === 'time');
  if (isVar(e.left)) return { v: e.left, other: e.right, op: e.op };
  if (isVar(e.right)) return { v: e.right, other: e.left, op: FLIP[e.op] ?? e.op };
  return undefined;
}

function checkTarget(name: string, display: string, subs: SubscriptRef[], byName: Map<string, Equation[]>, ir: ModelIR, loc: SourceLocation): void {
  const eqs = byName.get(name);
  if (!eqs) throw refuse('E_REALITY_CHECK', { en: `${display} is not a variable of the model`, es: `${display} no es una variable del modelo` }, loc);
  if (CONTROL.has(name)) throw refuse('E_REALITY_CHECK', { en: `${display} is a simulation setting and cannot be forced`, es: `${display} es un ajuste de la simulación y no se puede forzar` }, loc);
  const eq = eqs[0]!;
  const shown = `${display}${subscriptText(subs)}`;
  if (eqs.length > 1) throw refuse('E_REALITY_CHECK', { en: `${display} is defined by several equations (element by element); forcing it is not supported`, es: `${display} se define con varias ecuaciones (elemento por elemento); forzarla no se admite` }, loc);
  if (eq.lhs.subs.length !== subs.length) throw refuse('E_REALITY_CHECK', { en: `${shown} does not name one element of ${display}, which has ${eq.lhs.subs.length} subscripts`, es: `${shown} no indica un elemento de ${display}, que tiene ${eq.lhs.subs.length} subíndices` }, loc);
  // Forcing one element: each subscript must be an element of the range the equation is written over.
  eq.lhs.subs.forEach((range, i) => {
    const els = elementsOf(ir, range.name) ?? [range];
    const s = subs[i]!;
    if (!els.some((e) => e.name === s.name)) throw refuse('E_REALITY_CHECK', { en: `${shown}: ${s.display} is not an element of ${range.display}; a check forces one element at a time`, es: `${shown}: ${s.display} no es un elemento de ${range.display}; una prueba fuerza un elemento a la vez` }, s.loc);
  });
  if ((eq.kind !== 'aux' && eq.kind !== 'unchangeable') || !eq.expr) throw refuse('E_REALITY_CHECK', { en: `${display} is a lookup or data variable and cannot be forced`, es: `${display} es una tabla o una variable de datos y no se puede forzar` }, loc);
}

/** A consequence is one true-or-false value: a variable read over a whole range (not in SUM(x[d!]) and the like) is refused. */
function wholeRange(ir: ModelIR, e: Expr, where: BilingualText): void {
  visitExpr(e, (x) => {
    if (x.kind !== 'ref') return;
    const s = x.subs.find((t) => !t.bang && elementsOf(ir, t.name));
    if (s) throw refuse('E_REALITY_CHECK', { en: `${where.en} reads ${x.display}${subscriptText(x.subs)} over the whole range ${s.display}: name an element, or subscript the Constraint`, es: `${where.es} lee ${x.display}${subscriptText(x.subs)} sobre todo el rango ${s.display}: indique un elemento o ponga subíndices a la restricción` }, x.loc);
  });
}

/** Refuses dynamic functions inside a Test Input, a forced comparison or a consequence (RC functions are checked where they are expanded). */
function rejectForms(e: Expr, where: BilingualText): void {
  visitExpr(e, (x) => {
    if (rcName(x)) return;
    const fn = x.kind === 'call' ? x.fn : undefined;
    if (fn === undefined) return;
    if (x.kind === 'call' && BUILTINS.get(fn)?.stateful) throw refuse('E_REALITY_CHECK', { en: `${where.en} uses the dynamic function ${fn}, which reality checks do not allow`, es: `${where.es} usa la función dinámica ${fn}, que las pruebas de realidad no permiten` }, x.loc);
  });
}

/**
 * The model the check simulates: each forced variable's own equation moves to a fresh name (its
 * computed value), the variable gets the forcing equation in its place, and a new variable holds
 * the consequence as 1 or 0. Everything else is the model as it was.
 */
export function restructure(ir: ModelIR, plan: ConstraintPlan): RestructuredModel {
  const taken = new Set([...ir.equations.map((e) => e.lhs.name), ...plan.held.map((h) => h.name)]);
  const fresh = (base: string): { name: string; display: string } => freshName(taken, base);
  const moved = new Map<string, { name: string; display: string }>();
  for (const f of plan.forced) moved.set(f.name, fresh(`${f.display} reality computed`));
  const equations: Equation[] = [];
  for (const eq of ir.equations) {
    const to = moved.get(eq.lhs.name);
    if (!to) {
      equations.push(eq);
      continue;
    }
    const f = plan.forced.find((g) => g.name === eq.lhs.name)!;
    equations.push({ ...eq, lhs: { ...eq.lhs, name: to.name, display: to.display }, supplementary: true });
    // The forcing equation reads the variable's computed value under its new name.
    const expr = mapExpr(f.expr, (x) => (x.kind === 'ref' && x.name === f.name ? { ...x, name: to.name, display: to.display } : x));
    if (!f.subs.length) {
      equations.push({ ...eq, kind: 'aux', expr, lookup: undefined, loc: f.loc });
      continue;
    }
    // One element forced; the others keep their computed values.
    const computed: Expr = { kind: 'ref', name: to.name, display: to.display, subs: eq.lhs.subs, loc: f.loc };
    const sameTuple = eq.lhs.subs.every((s, i) => s.name === f.subs[i]!.name);
    if (!sameTuple) equations.push({ ...eq, lhs: { ...eq.lhs, except: [...eq.lhs.except, f.subs] }, kind: 'aux', expr: computed, lookup: undefined, loc: f.loc });
    equations.push({ ...eq, lhs: { ...eq.lhs, subs: f.subs, except: [] }, kind: 'aux', expr, lookup: undefined, loc: f.loc });
  }
  const loc = plan.constraint.loc;
  for (const h of plan.held) {
    const to = h.computedOf ? moved.get(h.computedOf) : undefined;
    // A condition's basis naming its own variable reads the computed value, as the forcing does.
    const expr = to ? mapExpr(h.expr, (x) => (x.kind === 'ref' && x.name === h.computedOf ? { ...x, name: to.name, display: to.display } : x)) : h.expr;
    equations.push({ lhs: { name: h.name, display: h.display, subs: [], except: [], loc: h.expr.loc }, kind: 'aux', expr, units: '', doc: '', supplementary: true, loc: h.expr.loc });
  }
  const consequence = fresh('reality check consequence');
  const one = (v: number): Expr => ({ kind: 'num', value: v, loc });
  const holds: Expr = { kind: 'call', fn: 'IF THEN ELSE', args: [plan.consequence, one(1), one(0)], loc: plan.consequence.loc };
  equations.push({
    lhs: { ...consequence, subs: [], except: [], loc },
    kind: 'aux',
    // −1 where a CHECK's window leaves the consequence untested.
    expr: plan.tested ? { kind: 'call', fn: 'IF THEN ELSE', args: [plan.tested, holds, one(-1)], loc: plan.consequence.loc } : holds,
    units: 'dmnl',
    doc: '',
    loc: plan.constraint.loc,
  });
  const { realityChecks: _unused, ...rest } = ir;
  return { ir: { ...rest, equations }, consequenceVar: consequence.display };
}
