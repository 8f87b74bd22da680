/**
 * Writes the model IR as an XMILE 1.0 file (OASIS XMILE v1.0, §3): sim specs, dimensions, stocks
 * with their flows, auxiliaries, graphical functions, arrays (apply-to-all, or one `<element>` per
 * subscript combination where the source defines elements apart), in XMILE's expression syntax.
 *
 * Conveyors and queues (§4.2.1, §4.2) are written as the file that was read wrote them
 * (ModelIR.stockForms): the stock with its inflow and outflow lists and `<conveyor>` or
 * `<queue/>`, leak flows with `<leak/>` and their zone, overflows with `<overflow/>`, inflows
 * with their `<multiplier>` and without the capacity or inflow limit the reader wrapped them in.
 *
 * Stocks read with `<non_negative/>` are written with it, their lists and their flows' own equations
 * (non-negative-stocks.ts); graphical functions get `type="extrapolate"` or `"discrete"` where every
 * use of the lookup is LOOKUP EXTRAPOLATE, or every use LOOKUP BACKWARD (gf-types.ts); LOOKUP
 * FORWARD reads a mirrored discrete copy of its lookup at −x (writer-lookup-forward.ts).
 *
 * Vensim stocks get inflow and outflow lists where the rate allows (stock-flow-lists.ts), else one
 * generated net flow; macros become `<macro>`s (§3.6); equations that read through a subscript
 * mapping are written element by element; RAMP with an end, PULSE and PULSE TRAIN as the engine's
 * conditions on TIME under Euler (vensim-test-inputs.ts); MODULO as MOD on magnitudes, QUANTUM with
 * INT, ELMCOUNT as SIZE (writer-builtins.ts); ACTIVE INITIAL on an auxiliary as `<eqn>` with
 * `<init_eqn>`; GAME as its input, :NA: as its number, −2^109; FORECAST with SMTH1 and SAMPLE IF
 * TRUE with DELAY (writer-stateful-forms.ts); VECTOR SELECT element by element
 * (writer-vector-select.ts); VECTOR SORT ORDER, VECTOR RANK and VECTOR REORDER with RANK and a
 * computed subscript (writer-vector-sort.ts); VECTOR ELM MAP with computed subscripts at the flat
 * place under a range check (writer-vector-elm-map.ts). What the engine reads from files is written as what
 * it read (options): GET DIRECT CONSTANTS as numbers and GET DIRECT SUBSCRIPT as elements
 * (writer-constants.ts, through the data host), data variables and GET … LOOKUPS as graphical
 * functions, raw data as a condition on two of them (writer-data.ts, from the tables the engine
 * read). Time settings given by constant expressions are written as their numbers.
 *
 * What XMILE 1.0 cannot say is refused with a located error rather than written approximately:
 * Vensim functions without an XMILE equivalent of the same meaning (DELAY CONVEYOR, the market
 * functions, the ALLOCATE functions, INVERT MATRIX, NPV, …), macros with several
 * outputs, and time settings that change during the run. Models read from modules are written
 * back as modules (writer-modules.ts).
 */
import { CONVEYOR_LEAK, CONVEYOR_OUTFLOW, FLAT_INDEX, XMILE_ELEMENT, XMILE_RANK } from '../ir/builtins.js';
import { ModelError, type BilingualText, type SourceLocation } from '../ir/diagnostics.js';
import type { DimensionDecl, Equation, Expr, LookupTable, MacroDecl, ModelIR, StockForm, SubscriptRef } from '../ir/model.js';
import { DimensionTable } from '../ir/dimension-table.js';
import { canonicalName } from '../ir/names.js';
import { mapExpr, visitExpr } from '../ir/walk.js';
import { pulseTrain, rampAsCondition, rampWithEnd, vensimPulse } from './vensim-test-inputs.js';
import { stockFlowLists } from './stock-flow-lists.js';
import { nonNegativeStocks, withoutStockLimit } from './non-negative-stocks.js';
import { gfTypes, type GfType } from './gf-types.js';
import type { DataHost } from '../data/types.js';
import { constantsAsNumbers, constantValue, subscriptsAsElements } from './writer-constants.js';
import { gfPointsXml, isDataEquation, seriesAsGf, type KnownTables } from './writer-data.js';
import { INTERNAL_CALL, INTERNAL_MOD, isWrittenBack, quantum, vensimModulo } from './writer-builtins.js';
import { builtinNamedMacros } from './writer-macro-names.js';
import { functionKey, ZERO_ARGUMENT } from './functions.js';
import { modelXml, moduleBlocks } from './writer-modules.js';
import { forwardAsDiscrete, scalarLookupTable } from './writer-lookup-forward.js';
import { neg } from './ir-build.js';
import { vectorSelectForm } from './writer-vector-select.js';
import { vectorElmMapForm } from './writer-vector-elm-map.js';
import { sortAxis, sortOrderForm, vectorRankForm } from './writer-vector-sort.js';
import { forecastForm, SAMPLE_NESTED, SAMPLE_UNDER_RK, sampleIfTrueForm } from './writer-stateful-forms.js';
import { VENSIM_NA } from '../ir/na.js';

class Unwritable extends Error {
  constructor(
    readonly text: BilingualText,
    readonly loc?: SourceLocation,
  ) {
    super(text.en);
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMILE names: spaces become underscores; other characters are quoted (§3.2.3). */
function xname(display: string): string {
  const n = display.replace(/\s+/g, '_');
  // A variable named as a built-in XMILE reads without parentheses (`inf`, `pi`, `dt`) is quoted:
  // unquoted, a reader takes it for the built-in (§3.2.3 quoted names are always names).
  const plain = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(n) && !ZERO_ARGUMENT.has(functionKey(n));
  return plain ? n : `"${n.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A name in a `name="…"` attribute: never quoted (§3.2.3 quotes names inside equations only). A
 * backslash in a name starts an escape (`\"`, `\n`, `\\`; the reader's nameOf), so a backslash
 * of the name itself is written `\\`.
 */
const attrName = (display: string): string => esc(display.replace(/\s+/g, '_').replace(/\\/g, '\\\\'));

/** A non-negative stock's rate or limit the writer did not find in the form the reader builds (non-negative-stocks.ts). */
const NON_NEGATIVE_LEFT: BilingualText = { en: 'a non-negative stock read from XMILE (<non_negative/>) whose rate or flow limit is not in the form the reader builds', es: 'un nivel no negativo leído de XMILE (<non_negative/>) cuya tasa o límite de flujo no tiene la forma que arma el lector' };

/** The engine's value of Vensim's :NA: (ir/na.ts). */
const NA_VALUE = VENSIM_NA;

const PREC: Record<string, number> = { or: 1, and: 2, '=': 3, '<>': 3, '<': 3, '>': 3, '<=': 3, '>=': 3, '+': 4, '-': 4, '*': 5, '/': 5, '^': 7 };
const OPS: Record<string, string> = { and: 'AND', or: 'OR' };

interface Ctx {
  /** Runge-Kutta: the engine reads Vensim's test inputs at the step's time, XMILE's TIME is the stage's (vensim-test-inputs.ts). */
  rungeKutta?: boolean;
  /** Vensim's SMOOTH N under Runge-Kutta: constant over each step (fn_smooth_n), which XMILE's SMTHN is not. */
  stepwiseSmoothN?: boolean;
  /** A Vensim delay time that is not constant, which DELAY N reads one step late (fn_delay_n); XMILE's DELAYN reads the current one. */
  lateDelayNTime(delayTime: Expr): boolean;
  /** Display name by canonical name (variables, dimensions, elements). */
  names: Map<string, string>;
  /** Element substituted for a dimension name while writing one element's equation. */
  bind: Map<string, string>;
  /** Graphical functions made for inline WITH LOOKUP tables and LOOKUP FORWARD's mirrored copies, by their generated name. */
  extraGfs: { name: string; table: LookupTable; type?: GfType }[];
  owner: string;
  loc: SourceLocation;
  /** Elements of a dimension (an element: itself); undefined for names that are not dimensions. */
  dimMembers(name: string): string[] | undefined;
  /** Canonical elements bound in the current element equation. */
  bound: string[];
  /** The dimension written for a dimension's name (an equivalent one's target); undefined for other names. */
  writtenDim(name: string): string | undefined;
  /** The dimension's elements are a strict part of another dimension's. */
  isSubRange(name: string): boolean;
  /** The element of `to` mapped (Vensim subscript mapping) from element `el` of `from`, if one is declared. */
  mapElement(from: string, el: string, to: string): string | undefined;
  /** Canonical dimension → canonical element, in the current element equation. */
  binding: Map<string, string>;
  /** The dimensions of the equation being written, and those a variable's source declares. */
  eqDims: string[];
  declaredDims(name: string): string[] | undefined;
  /** The elements of each position of an arrayed variable as written; undefined for a lookup or an unknown name. */
  layout(name: string): string[][] | undefined;
  /** The model's macros by name (whether an expression written twice is repeatable: ir/repeatable.ts). */
  macros: ReadonlyMap<string, MacroDecl>;
  /** The elements of a range's family, the largest range holding all of its elements (the first declared of equals), along which its name used as a value counts (expand.ts familyPosition). */
  family(name: string): string[];
  /** The type a lookup is written with, where all its uses share one other than continuous (gf-types.ts). */
  gfType(name: string): GfType | undefined;
  /** The points of a scalar lookup (written or read by GET … LOOKUPS), or undefined. */
  table(name: string): LookupTable | undefined;
  /** A module's output read in this model (`inner.out`), as written (`Inner.out`): writer-modules.ts. */
  qualified?: ReadonlyMap<string, string>;
}

/** A graphical function the equation being written needs of its own (`<owner> lookup N`, written beside it): its XMILE name. */
function extraGf(ctx: Ctx, table: LookupTable, type?: GfType): string {
  const name = `${ctx.owner} lookup ${ctx.extraGfs.length + 1}`;
  ctx.extraGfs.push({ name, table, type });
  return xname(name);
}

const refName = (ctx: Ctx, name: string, display: string): string => ctx.qualified?.get(name) ?? xname(ctx.names.get(name) ?? display);

const SAME = new Set(['ABS', 'SQRT', 'EXP', 'LN', 'SIN', 'COS', 'TAN', 'ARCSIN', 'ARCCOS', 'ARCTAN', 'SINH', 'COSH', 'TANH', 'STEP', 'MIN', 'MAX', 'TREND', 'SAFEDIV']);
/** Vensim name → XMILE name, same arguments. */
const RENAMED: Record<string, string> = {
  SMOOTH: 'SMTH1', SMOOTHI: 'SMTH1', SMOOTH3: 'SMTH3', SMOOTH3I: 'SMTH3', DELAY1: 'DELAY1', DELAY1I: 'DELAY1', DELAY3: 'DELAY3', DELAY3I: 'DELAY3',
  'DELAY FIXED': 'DELAY', DELAY: 'DELAY', INITIAL: 'INIT', INIT: 'INIT', '#HISTORY': 'HISTORY',
};
/** Functions of their arguments' current values only: applied to iterated arguments inside an array function, element by element. */
// Not MIN and MAX: with arrays for arguments they are XMILE's array functions (§3.7.1.3); not TREND, which has state.
const ELEMENTWISE = new Set([...[...SAME].filter((f) => f !== 'TREND' && f !== 'MIN' && f !== 'MAX'), 'IF THEN ELSE', 'XIDZ', 'ZIDZ', 'INTEGER', 'INT', 'LOG', 'POWER', 'MODULO', 'QUANTUM', 'GAME']);
const ARRAY_FN: Record<string, string> = { SUM: 'SUM', PROD: 'PROD', VMIN: 'MIN', VMAX: 'MAX' };

function subsText(subs: readonly SubscriptRef[], ctx: Ctx, star: boolean): string {
  if (subs.length === 0) return '';
  const parts = subs.map((s) => {
    if (s.bang) {
      if (!star) throw new Unwritable({ en: `${s.display}! outside an array function, or inside one in an argument of MIN, MAX or a function with state (XMILE reads MIN and MAX of arrays as array functions; state is not kept per element there)`, es: `${s.display}! fuera de una función de arreglos, o dentro de una en un argumento de MIN, MAX o de una función con estado (XMILE lee MIN y MAX de arreglos como funciones de arreglos; allí el estado no se guarda por elemento)` }, s.loc);
      // Iterating part of a dimension (a sub-range, or the one a reader made for `lo:hi`) is `*:Sub`.
      return ctx.isSubRange(s.name) ? `*:${xname(ctx.names.get(s.name) ?? s.display)}` : '*';
    }
    let bound = ctx.bind.get(s.name);
    // A range mapped to or from one the equation binds names the corresponding element, as the
    // analyzer resolves it (a declared mapping first, then a sub-range or parent).
    if (bound === undefined && ctx.dimMembers(s.name)) {
      for (const [d, el] of ctx.binding) {
        const m = ctx.mapElement(d, el, s.name);
        if (m !== undefined) {
          bound = ctx.names.get(m) ?? m;
          break;
        }
      }
    }
    // Another dimension over the same elements (a sub-range or its parent) names the element
    // of the equation's own subscript that belongs to it, as Vensim matches them.
    const own = bound === undefined && ctx.bound.length ? ctx.dimMembers(s.name) : undefined;
    if (own) {
      const e = ctx.bound.find((b) => own.includes(b));
      if (e === undefined) throw new Unwritable({ en: `${s.display} does not match any subscript of the equation`, es: `${s.display} no corresponde a ningún subíndice de la ecuación` }, s.loc);
      bound = ctx.names.get(e) ?? e;
    }
    return xname(bound ?? ctx.names.get(s.name) ?? s.display);
  });
  return `[${parts.join(', ')}]`;
}

function write(e: Expr, ctx: Ctx, outer: number, inArrayFn = false): string {
  const w = (x: Expr, p = 0) => write(x, ctx, p, inArrayFn);
  switch (e.kind) {
    case 'num':
      if (Number.isNaN(e.value)) throw new Unwritable({ en: 'a missing value (:NA:)', es: 'un valor faltante (:NA:)' }, e.loc);
      if (!Number.isFinite(e.value)) return e.value > 0 ? 'INF' : '(-INF)';
      return e.value < 0 ? `(${String(e.value)})` : String(e.value);
    case 'ref': {
      if (e.name === 'time') return 'TIME';
      if (e.name === 'time step') return 'DT';
      if (e.name === 'initial time') return 'STARTTIME';
      if (e.name === 'final time') return 'STOPTIME';
      if (e.name === 'saveper') throw new Unwritable({ en: 'SAVEPER in an equation (XMILE has no such built-in)', es: 'SAVEPER en una ecuación (XMILE no tiene esa variable incorporada)' }, e.loc);
      // A range's name as a number: an equivalent range is written as its target (equivalent ranges are not written).
      const dim = e.subs.length ? undefined : ctx.writtenDim(e.name);
      if (dim !== undefined && dim !== e.name) return xname(ctx.names.get(dim) ?? dim);
      // A bare array in an equation over its dimensions is the current element (how the IR runs
      // it); XMILE readers may read it as the whole array inside a function such as MAX(a, b)
      // (§3.7.1.3), so its subscripts are written out.
      const declared = e.subs.length || inArrayFn ? undefined : ctx.declaredDims(e.name);
      const subs = declared?.length && declared.every((d) => ctx.eqDims.includes(d)) ? declared.map((d) => ({ name: d, display: ctx.names.get(d) ?? d, bang: false, loc: e.loc })) : e.subs;
      return refName(ctx, e.name, e.display) + subsText(subs, ctx, inArrayFn);
    }
    case 'apply':
      // A graphical function applied to its input, or a macro call (macros are written as <macro>).
      if (e.name === '#nnrate' || e.name === '#nnout') throw new Unwritable(NON_NEGATIVE_LEFT, e.loc);
      if (INTERNAL_CALL[e.name]) return `${INTERNAL_CALL[e.name]}(${e.args.map((x) => w(x)).join(', ')})`;
      if (e.name === INTERNAL_MOD && e.args.length === 2) {
        // The infix MOD at the precedence of * and / (XMILE 1.0 §3.3.1).
        const s = `${w(e.args[0]!, PREC['*'])} MOD ${w(e.args[1]!, PREC['*']! + 1)}`;
        return PREC['*']! < outer ? `(${s})` : s;
      }
      if (e.outputs?.length) throw new Unwritable({ en: `the macro call ${e.display}(… : …) with extra outputs (an XMILE macro has one output)`, es: `la llamada a macro ${e.display}(… : …) con salidas adicionales (una macro XMILE tiene una sola salida)` }, e.loc);
      // An element of an arrayed graphical function is called through LOOKUP (XMILE 1.0 §3.5.6): `gf[a](x)` is no XMILE.
      if (e.subs.length) return `LOOKUP(${xname(ctx.names.get(e.name) ?? e.display)}${subsText(e.subs, ctx, false)}, ${e.args.map((x) => w(x)).join(', ')})`;
      return `${xname(ctx.names.get(e.name) ?? e.display)}(${e.args.map((x) => w(x)).join(', ')})`;
    case 'unary': {
      const inner = e.op === 'not' ? `NOT ${w(e.arg, 6)}` : `${e.op}${w(e.arg, 8)}`;
      return outer > 0 ? `(${inner})` : inner;
    }
    case 'binary': {
      const p = PREC[e.op]!;
      const left = w(e.left, e.op === '^' ? 8 : p);
      const right = w(e.right, e.op === '^' ? 7 : p + 1);
      const s = `${left} ${OPS[e.op] ?? e.op} ${right}`;
      return p < outer ? `(${s})` : s;
    }
    case 'call':
      return callText(e, ctx, outer, inArrayFn);
    case 'na':
      // :NA: is the number −2^109 to the engine (ir/na.ts), written in full and read back as the same double.
      return write({ kind: 'num', value: NA_VALUE, loc: e.loc }, ctx, outer);
    default:
      throw new Unwritable({ en: `an expression of kind ${e.kind}`, es: `una expresión de tipo ${e.kind}` }, e.loc);
  }
}

function callText(e: Extract<Expr, { kind: 'call' }>, ctx: Ctx, outer: number, inArrayFn: boolean): string {
  // Inside an array function the arguments of element-wise functions without state may iterate (`x[d!]` as `x[*]`).
  const sub = (x: Expr, c: Ctx, p: number, arrayArg = inArrayFn && ELEMENTWISE.has(e.fn)) => write(x, c, p, arrayArg);
  const a = (i: number) => sub(e.args[i]!, ctx, 0);
  const list = (n = e.args.length) => e.args.slice(0, n).map((x) => sub(x, ctx, 0)).join(', ');
  const fn = e.fn;
  if (SAME.has(fn)) return `${fn}(${list()})`;
  if (RENAMED[fn]) return `${RENAMED[fn]}(${list()})`;
  const wrap = (s: string) => (outer > 0 ? `(${s})` : s);
  switch (fn) {
    case 'IF THEN ELSE':
      return wrap(`IF ${a(0)} THEN ${a(1)} ELSE ${a(2)}`);
    case 'XIDZ':
    case 'ZIDZ':
      // fn_xidz, fn_zidz: a divisor below 1E-6 in magnitude counts as zero (ZIDZ gives 0).
      return wrap(`IF ABS(${a(1)}) < 1E-6 THEN ${fn === 'XIDZ' ? a(2) : '0'} ELSE ${sub(e.args[0]!, ctx, 5)} / ${sub(e.args[1]!, ctx, 6)}`);
    case 'INTEGER':
    case 'INT':
      // Vensim truncates toward zero; XMILE INT is the floor.
      return wrap(`IF ${a(0)} >= 0 THEN INT(${a(0)}) ELSE -INT(-${sub(e.args[0]!, ctx, 8)})`);
    case 'LOG':
      return `(LN(${a(0)}) / LN(${a(1)}))`;
    case 'POWER':
      return `(${sub(e.args[0]!, ctx, 8)} ^ ${sub(e.args[1]!, ctx, 7)})`;
    case 'DELAY N':
      // A Vensim delay time that may vary is written as its value one DT ago, PREVIOUS(t, t),
      // its own value at the start (XMILE 1.0 §3.5.6), which is what Vensim's DELAY N reads.
      if (ctx.lateDelayNTime(e.args[1]!)) return `DELAYN(${a(0)}, PREVIOUS(${a(1)}, ${a(1)}), ${a(3)}, ${a(2)})`;
      return `DELAYN(${a(0)}, ${a(1)}, ${a(3)}, ${a(2)})`;
    case 'SMOOTH N':
      if (ctx.stepwiseSmoothN) {
        throw new Unwritable({ en: `SMOOTH N under Runge-Kutta (Vensim holds its output for each TIME STEP, fn_smooth_n; XMILE's SMTHN is integrated through the stages)`, es: `SMOOTH N con Runge-Kutta (Vensim mantiene su salida durante cada TIME STEP, fn_smooth_n; SMTHN de XMILE se integra en cada etapa)` }, e.loc);
      }
      return `SMTHN(${a(0)}, ${a(1)}, ${a(3)}, ${a(2)})`;
    case 'RANDOM NORMAL': {
      // XMILE's NORMAL(mean, sd[, seed]) is RANDOM NORMAL without bounds (functions.ts); the
      // Vensim stream ID is XMILE's seed (each names a stream of its own, run/random.ts).
      const [lo, hi] = e.args;
      if (e.args.length >= 4 && lo?.kind === 'num' && lo.value === -Infinity && hi?.kind === 'num' && hi.value === Infinity) return `NORMAL(${a(2)}, ${a(3)}${e.args.length > 4 ? `, ${a(4)}` : ''})`;
      break;
    }
    case 'RANDOM UNIFORM':
      return `RANDOM(${a(0)}, ${a(1)}${e.args.length > 2 ? `, ${a(2)}` : ''})`;
    case 'RAMP': {
      if (e.args[2]?.kind === 'ref' && e.args[2].name === 'final time') return `RAMP(${a(0)}, ${a(1)})`;
      const held = ctx.rungeKutta ? undefined : (rampWithEnd(e) ?? rampAsCondition(e));
      if (held) return sub(held, ctx, outer);
      throw new Unwritable(ctx.rungeKutta ? heldUnderRk('RAMP') : { en: 'RAMP with an end time other than FINAL TIME whose arguments hold a function call (XMILE RAMP has no end; it is written as conditions on TIME that repeat them)', es: 'RAMP con un tiempo final distinto de FINAL TIME cuyos argumentos contienen una llamada a función (en XMILE RAMP no tiene fin; se escribe como condiciones sobre TIME que los repiten)' }, e.loc);
    }
    case 'PULSE': {
      const pulse = ctx.rungeKutta ? undefined : vensimPulse(e);
      if (pulse) return sub(pulse, ctx, outer);
      throw new Unwritable(ctx.rungeKutta ? heldUnderRk('PULSE') : { en: "Vensim's PULSE(start, width) whose arguments hold a function call (XMILE's PULSE is another function; it is written as a condition on TIME that repeats them)", es: 'PULSE(inicio, ancho) de Vensim cuyos argumentos contienen una llamada a función (PULSE de XMILE es otra función; se escribe como una condición sobre TIME que los repite)' }, e.loc);
    }
    case 'PULSE TRAIN': {
      const train = ctx.rungeKutta ? undefined : pulseTrain(e);
      if (train) return sub(train, ctx, outer);
      throw new Unwritable(ctx.rungeKutta ? heldUnderRk('PULSE TRAIN') : { en: 'PULSE TRAIN whose arguments hold a function call (XMILE has no pulse train; it is written as conditions on TIME that repeat them)', es: 'PULSE TRAIN cuyos argumentos contienen una llamada a función (XMILE no tiene tren de pulsos; se escribe como condiciones sobre TIME que los repiten)' }, e.loc);
    }
    case 'GET TIME VALUE': {
      // Relative to the simulation time (0) or the initial time (1) in the model's units: Time or the start plus the offset (time-value.ts).
      const [rel, off] = e.args;
      if (e.args.length === 3 && rel?.kind === 'num' && (rel.value === 0 || rel.value === 1)) return wrap(`${rel.value === 0 ? 'TIME' : 'STARTTIME'} + ${sub(off!, ctx, PREC['+']! + 1)}`);
      break;
    }
    case 'QUANTUM': {
      const q = quantum(e);
      if (q) return sub(q, ctx, outer);
      throw new Unwritable({ en: 'QUANTUM whose arguments hold a function call (it is written as a condition that repeats them)', es: 'QUANTUM cuyos argumentos contienen una llamada a función (se escribe como una condición que los repite)' }, e.loc);
    }
    case 'WITH LOOKUP': {
      const t = e.args[1];
      if (t?.kind !== 'lookup') break;
      return `${extraGf(ctx, t.table)}(${a(0)})`;
    }
    case 'LOOKUP FORWARD': {
      // The mirrored copy as a discrete function of −x (writer-lookup-forward.ts).
      const t = e.args[0];
      const table = t?.kind === 'ref' && t.subs.length === 0 && e.args.length === 2 ? ctx.table(t.name) : undefined;
      const mirrored = table && forwardAsDiscrete(table);
      if (mirrored) {
        return `${extraGf(ctx, mirrored, 'discrete')}(${sub(neg(e.args[1]!), ctx, 0)})`;
      }
      throw new Unwritable({ en: 'LOOKUP FORWARD on something other than a scalar lookup of finite points (it is written as a discrete graphical function over the mirrored points)', es: 'LOOKUP FORWARD sobre algo que no es una tabla (lookup) escalar de puntos finitos (se escribe como una función gráfica discreta sobre los puntos reflejados)' }, e.loc);
    }
    case 'LOOKUP EXTRAPOLATE':
    case 'LOOKUP BACKWARD': {
      // A function of XMILE type extrapolate or discrete, called as the reader reads it back.
      const t = e.args[0];
      const want = fn === 'LOOKUP EXTRAPOLATE' ? 'extrapolate' : 'discrete';
      if (t?.kind === 'ref' && t.subs.length === 0 && ctx.gfType(t.name) === want) return `${xname(ctx.names.get(t.name) ?? t.display)}(${a(1)})`;
      throw new Unwritable({ en: `${fn} on a lookup that is also used otherwise (an XMILE graphical function has one type, ${want} for every use)`, es: `${fn} sobre una tabla (lookup) que también se usa de otra forma (una función gráfica XMILE tiene un solo tipo, ${want} en todos sus usos)` }, e.loc);
    }
    case 'PI':
      return 'PI';
    case 'VECTOR SELECT': {
      // Element by element (writer-vector-select.ts); the ranges marked ! become their elements.
      const form = vectorSelectForm(e, (d) => ctx.dimMembers(d));
      if (!('kind' in form)) throw new Unwritable(form, e.loc);
      return sub(form, ctx, outer, false);
    }
    case 'VECTOR ELM MAP': {
      // Computed subscripts at the flat place under a range check (writer-vector-elm-map.ts).
      const form = vectorElmMapForm(e, { layout: (n) => ctx.layout(n), place: (s, els) => elmMapPlace(s, els, ctx), macros: ctx.macros });
      if (!('kind' in form)) throw new Unwritable(form, e.loc);
      return sub(form, ctx, outer, false);
    }
    case 'VECTOR SORT ORDER':
    case 'VECTOR RANK': {
      // RANK of the vector along its axis, at this element's place there (writer-vector-sort.ts).
      const ax = e.args.length === 2 ? sortAxis(e.args[0]!, (n) => ctx.dimMembers(n) !== undefined && !ctx.dimMembers(n)!.includes(n)) : undefined;
      const place = ax && sortPlace(ax.axis, ctx, e.loc);
      if (ax && place) return sub(fn === 'VECTOR RANK' ? vectorRankForm(ax.array, place, e.args[1]!, ctx.dimMembers(ax.axis)!.length) : sortOrderForm(ax.array, place, e.args[1]!), ctx, outer, false);
      throw new Unwritable({ en: `${fn} whose axis is not one of the equation's own ranges nor apart from them (it is written with RANK at the element's place on that range)`, es: `${fn} cuyo eje no es uno de los rangos propios de la ecuación ni ajeno a ellos (se escribe con RANK en el lugar del elemento sobre ese rango)` }, e.loc);
    }
    case 'VECTOR REORDER': {
      // The vector's element at the order's position here: a computed subscript, order + 1 (XMILE 1.0
      // §3.7.1; the engine truncates it and checks its range, exact for the whole positions REORDER takes).
      const [v, order] = e.args;
      const ax = v?.kind === 'ref' && order && e.args.length === 2 ? sortAxis(v, (n) => ctx.dimMembers(n) !== undefined && !ctx.dimMembers(n)!.includes(n)) : undefined;
      const at = v?.kind === 'ref' && ax ? v.subs.findIndex((x) => x.name === ax.axis) : -1;
      if (v && order && ax && at >= 0 && (boundOn(ax.axis, ctx) !== undefined || (ctx.eqDims.includes(ax.axis) && !ctx.binding.size))) {
        const unbanged = { ...v, subs: (v as Extract<Expr, { kind: 'ref' }>).subs.map((x) => ({ ...x, bang: false })) };
        return computedElementText({ kind: 'call', fn: XMILE_ELEMENT, args: [unbanged, { kind: 'num', value: 0, loc: e.loc }, { kind: 'num', value: at, loc: e.loc }, { kind: 'binary', op: '+', left: order, right: { kind: 'num', value: 1, loc: e.loc }, loc: e.loc }], loc: e.loc }, ctx);
      }
      throw new Unwritable({ en: "VECTOR REORDER of something other than a variable over its sorted range, or outside an equation over that range (it is written as the variable at a computed subscript, the order's value here + 1)", es: 'VECTOR REORDER de algo que no es una variable sobre su rango ordenado, o fuera de una ecuación sobre ese rango (se escribe como la variable en un subíndice calculado, el valor del orden aquí + 1)' }, e.loc);
    }
    case 'GAME':
      // Outside a game (fn_game) GAME(x) is x: the engine compiles it as its argument (codegen.ts).
      if (e.args.length === 1) return sub(e.args[0]!, ctx, outer);
      break;
    case 'FORECAST': {
      const f = forecastForm(e);
      if (f) return sub(f, ctx, outer);
      throw new Unwritable({ en: 'FORECAST whose input or average time holds a function call (it is written with SMTH1 and ZIDZ, which repeat them)', es: 'FORECAST cuya entrada o tiempo de promedio contiene una llamada a función (se escribe con SMTH1 y ZIDZ, que los repiten)' }, e.loc);
    }
    case 'SAMPLE IF TRUE':
      // As a variable's whole equation the writer gives it its form first (eqn in writeModel).
      throw new Unwritable(SAMPLE_NESTED, e.loc);
    case 'MODULO': {
      const m = vensimModulo(e);
      if (m) return sub(m, ctx, outer);
      throw new Unwritable({ en: "Vensim's MODULO whose arguments hold a function call (it is written with XMILE's MOD on magnitudes, which repeats the dividend)", es: 'MODULO de Vensim cuyos argumentos contienen una llamada a función (se escribe con MOD de XMILE sobre magnitudes, lo que repite el dividendo)' }, e.loc);
    }
    case 'ELMCOUNT': {
      // XMILE 1.0 §3.7.1.3: SIZE of a dimension is its number of elements, as ELMCOUNT's.
      const d = e.args[0];
      const dim = e.args.length === 1 && d?.kind === 'ref' && d.subs.length === 0 ? ctx.writtenDim(d.name) : undefined;
      if (dim !== undefined) return `SIZE(${xname(ctx.names.get(dim) ?? dim)})`;
      break;
    }
    case CONVEYOR_OUTFLOW:
    case CONVEYOR_LEAK:
      // Conveyor flows are written from ModelIR.stockForms (formFlowXml); one met here has no conveyor described.
      throw new Unwritable({ en: 'a conveyor flow outside a conveyor the model describes', es: 'un flujo de cinta transportadora (conveyor) fuera de una cinta que el modelo describa' }, e.loc);
    default:
      if (ARRAY_FN[fn] && e.args.length === 1) return `${ARRAY_FN[fn]}(${sub(e.args[0]!, ctx, 0, true)})`;
      if (fn === XMILE_RANK) return `RANK(${e.args.map((a, k) => sub(a, ctx, 0, k !== 1)).join(', ')})`;
      if (fn === XMILE_ELEMENT) return computedElementText(e, ctx);
  }
  throw new Unwritable(WHY_NOT[fn] ?? { en: `${fn} has no XMILE 1.0 function of the same meaning`, es: `${fn} no tiene una función de XMILE 1.0 con el mismo significado` }, e.loc);
}

/** Why functions the writer leaves refused have no exact XMILE 1.0 form. */
const WHY_NOT: Readonly<Record<string, BilingualText>> = {
  'ALLOCATE AVAILABLE': {
    en: 'ALLOCATE AVAILABLE has no XMILE 1.0 function of the same meaning (the engine finds the common priority level by a bisection over the profiles\' curves, which XMILE operators would have to repeat step by step)',
    es: 'ALLOCATE AVAILABLE no tiene una función de XMILE 1.0 con el mismo significado (el motor halla el nivel de prioridad común por bisección sobre las curvas de los perfiles, que los operadores de XMILE tendrían que repetir paso a paso)',
  },
  'ALLOCATE BY PRIORITY': {
    en: 'ALLOCATE BY PRIORITY has no XMILE 1.0 function of the same meaning (the engine finds the common priority level by a bisection of 100 steps, which XMILE operators would have to repeat step by step)',
    es: 'ALLOCATE BY PRIORITY no tiene una función de XMILE 1.0 con el mismo significado (el motor halla el nivel de prioridad común por una bisección de 100 pasos, que los operadores de XMILE tendrían que repetir paso a paso)',
  },
  'INVERT MATRIX': {
    en: 'INVERT MATRIX has no XMILE 1.0 function of the same meaning (the engine inverts by elimination with row pivoting and stops on a singular matrix, which no XMILE expression does)',
    es: 'INVERT MATRIX no tiene una función de XMILE 1.0 con el mismo significado (el motor invierte por eliminación con pivoteo de filas y se detiene ante una matriz singular, lo que no hace ninguna expresión XMILE)',
  },
};

/** The element of `axis` the element equation being written stands on: bound, or mapped from a bound one. */
function boundOn(axis: string, ctx: Ctx): string | undefined {
  const bound = ctx.binding.get(axis);
  if (bound !== undefined) return bound;
  for (const [d, el] of ctx.binding) {
    const m = ctx.mapElement(d, el, axis);
    if (m !== undefined) return m;
  }
  return undefined;
}

/**
 * The 1-based place on `axis` of the element being written, as the engine finds it (vectorAxis):
 * the bound element's position, the range's name where the equation is over the range itself (read
 * as the element's position), 1 where the equation's ranges share no element with it; else undefined.
 */
function sortPlace(axis: string, ctx: Ctx, loc: SourceLocation): Expr | undefined {
  const own = ctx.dimMembers(axis)!;
  const bound = boundOn(axis, ctx);
  if (bound !== undefined) return { kind: 'num', value: own.indexOf(bound) + 1, loc };
  if (ctx.eqDims.includes(axis) && !ctx.isSubRange(axis) && !ctx.binding.size) return { kind: 'ref', name: axis, display: ctx.names.get(axis) ?? axis, subs: [], loc };
  const apart = ctx.eqDims.every((d) => !(ctx.dimMembers(d) ?? []).some((m) => own.includes(m)));
  return apart ? { kind: 'num', value: 1, loc } : undefined;
}

/**
 * The 1-based place on `elements` (a variable's position) of the element a subscript names as the
 * engine resolves it (elementKey): an element, or the one bound, mapped or matched as subsText names
 * it; in an equation written for all elements at once, the equation's own range, whose name as a
 * value is its element's place in the range's family, where that place less a constant is the place
 * on `elements`. Else undefined.
 */
function elmMapPlace(s: SubscriptRef, elements: string[], ctx: Ctx): number | { range: Expr; less: number } | undefined {
  const own = ctx.dimMembers(s.name);
  const el = !own ? s.name : (boundOn(s.name, ctx) ?? ctx.bound.find((b) => own.includes(b)));
  if (el !== undefined) return elements.includes(el) ? elements.indexOf(el) + 1 : undefined;
  // The range's name as a value is its element's place in its family (expand.ts familyPosition); that
  // place less a constant must be the element's place on `elements`, for every element of the range.
  if (ctx.bound.length || !ctx.eqDims.includes(s.name)) return undefined;
  const family = ctx.family(s.name);
  const shift = family.indexOf(own![0]!) - elements.indexOf(own![0]!);
  if (!own!.every((m) => elements.includes(m) && family.indexOf(m) - elements.indexOf(m) === shift)) return undefined;
  return { range: { kind: 'ref', name: s.name, display: s.display, subs: [], loc: s.loc }, less: shift };
}

/** Vensim's RAMP, PULSE and PULSE TRAIN under Runge-Kutta: no condition on XMILE's TIME reads the step's time. */
const heldUnderRk = (fn: string): BilingualText => ({
  en: `${fn} under Runge-Kutta (the engine holds Vensim's test inputs at the step's time through the stages, which XMILE's TIME is not)`,
  es: `${fn} con Runge-Kutta (el motor mantiene las entradas de prueba de Vensim en el tiempo del paso durante las etapas, y TIME de XMILE no lo hace)`,
});

/** `#ELEMENT(x[…], invalid, position, index, …)` back to `x[…, index, …]` (src/sd/ir/builtins.ts). */
function computedElementText(e: Extract<Expr, { kind: 'call' }>, ctx: Ctx): string {
  const ref = e.args[0]!;
  if (ref.kind !== 'ref') throw new Unwritable({ en: 'a computed subscript on something other than a variable', es: 'un subíndice calculado sobre algo que no es una variable' }, e.loc);
  const computed = new Map<number, Expr>();
  for (let i = 2; i + 1 < e.args.length; i += 2) computed.set((e.args[i] as { value: number }).value, e.args[i + 1]!);
  const flat = computed.get(FLAT_INDEX);
  if (flat) return `${xname(ctx.names.get(ref.name) ?? ref.display)}(${write(flat, ctx, 0)})`;
  const parts = ref.subs.map((s, i) => {
    const c = computed.get(i);
    return c ? write(c, ctx, 0) : subsText([s], ctx, false).slice(1, -1);
  });
  return `${xname(ctx.names.get(ref.name) ?? ref.display)}[${parts.join(', ')}]`;
}

function gfText(name: string, t: LookupTable, extra = '', type?: GfType): string {
  const range = t.range && { xmin: t.range.xmin ?? Math.min(...t.x), xmax: t.range.xmax ?? Math.max(...t.x), ymin: t.range.ymin ?? Math.min(...t.y), ymax: t.range.ymax ?? Math.max(...t.y) };
  return `<gf name="${attrName(name)}"${type ? ` type="${type}"` : ''}>${gfPointsXml(t.x, t.y, range)}${extra}</gf>`;
}

/** Every element combination of a list of dimensions (sub-ranges expanded to their elements). */
function combos(dims: string[], members: (d: string) => string[]): string[][] {
  return dims.reduce<string[][]>((acc, d) => acc.flatMap((c) => members(d).map((m) => [...c, m])), [[]]);
}

export interface WriteXmileOptions {
  /** Reads the sheets of GET DIRECT / GET XLS CONSTANTS, whose numbers are written in their place. */
  dataHost?: DataHost;
  /** The series of data variables and the tables of GET … LOOKUPS the engine read (src/sd/run/known-tables.ts). */
  known?: KnownTables;
}

/** The XMILE text of a model; throws ModelError naming what XMILE cannot express and where. */
export function writeXmile(ir: ModelIR, options: WriteXmileOptions = {}): string {
  try {
    return writeModel(ir, options);
  } catch (e) {
    if (e instanceof Unwritable) throw ModelError.at('E_XMILE_WRITE', { en: `cannot write as XMILE: ${e.text.en}`, es: `no se puede escribir como XMILE: ${e.text.es}` }, e.loc);
    throw e;
  }
}

function writeModel(ir: ModelIR, options: WriteXmileOptions): string {
  // Ranges read from a data file (GET DIRECT SUBSCRIPT) are written with the elements read.
  const dimensions = subscriptsAsElements(ir.dimensions, options.dataHost);
  if (!Array.isArray(dimensions)) throw new Unwritable({ en: dimensions.en, es: dimensions.es }, dimensions.dim.loc);
  ir = { ...ir, dimensions };
  const dims = new Map<string, DimensionDecl>(ir.dimensions.map((d) => [d.name, d]));
  const names = new Map<string, string>();
  for (const d of ir.dimensions) {
    names.set(d.name, d.display);
    for (const m of d.members) names.set(m.name, m.display);
  }
  // XMILE 1.0 has no subscript mappings: an equation that reads through one is written element
  // by element, each reference naming the mapped element (DimensionTable.mapElement).
  const table = new DimensionTable(ir.dimensions);
  const mapElement = (from: string, el: string, to: string) => table.mapElement(from, el, to);
  const members = (d: string): string[] => {
    const decl = dims.get(d);
    if (!decl) return [d]; // an element
    if (decl.equivalentTo) return members(decl.equivalentTo);
    return decl.members.flatMap((m) => members(m.name));
  };
  const group = (equations: readonly Equation[]): Map<string, Equation[]> => {
    const out = new Map<string, Equation[]>();
    for (const eq of equations) {
      names.set(eq.lhs.name, eq.lhs.display);
      if (!out.has(eq.lhs.name)) out.set(eq.lhs.name, []);
      out.get(eq.lhs.name)!.push(eq);
    }
    return out;
  };
  const equations = constantsAsNumbers(ir.equations, options.dataHost, members, (n) => dims.has(n));
  if (!Array.isArray(equations)) throw new Unwritable({ en: equations.en, es: equations.es }, equations.eq.loc);
  const byVar = group(equations);

  // Time settings are numbers: a constant expression is written as the number it computes.
  const control = (n: string): number | undefined => {
    const eq = byVar.get(n)?.[0];
    if (!eq?.expr) return undefined;
    const v = constantValue(eq.expr, (m) => byVar.get(m)?.[0], new Set([n]));
    if (v !== undefined) return v;
    throw new Unwritable({ en: `${eq.lhs.display} changes during the run or is not a constant expression (XMILE sim specs are numbers)`, es: `${eq.lhs.display} cambia durante la simulación o no es una expresión constante (las especificaciones de simulación de XMILE son números)` }, eq.loc);
  };
  const start = control('initial time');
  const stop = control('final time');
  const dt = control('time step') ?? 1;
  const save = control('saveper');
  if (start === undefined || stop === undefined) throw new Unwritable({ en: 'the model has no INITIAL TIME or FINAL TIME', es: 'el modelo no tiene INITIAL TIME o FINAL TIME' });
  const timeUnits = byVar.get('time step')?.[0]?.units.replace(/\[.*$/, '').trim() ?? '';
  // Vensim keeps the method in its settings: the 4th number of the `15:` line (1, 3 RK4; 2, 4 RK2).
  const code = /^15:[^,\n]*,[^,\n]*,[^,\n]*,(\d+)/m.exec(ir.settings)?.[1];
  const method = ir.method ?? (code === '1' || code === '3' ? 'rk4' : code === '2' || code === '4' ? 'rk2' : 'euler');

  const isSubRange = (n: string): boolean => {
    const own = dims.has(n) ? members(n) : [];
    return own.length > 0 && ir.dimensions.some((x) => x.name !== n && !x.equivalentTo && members(x.name).length > own.length && own.every((m) => members(x.name).includes(m)));
  };
  /**
   * A variable's dimension at each position: the one its source declares (an XMILE reader keeps
   * it), else the declared dimension whose elements are all the elements its definitions cover
   * there (definitions may name elements or sub-ranges).
   */
  const writtenDims = (eqs: readonly Equation[]): string[] => {
    const first = eqs[0]!;
    return first.lhs.subs.map((sub, i) => {
      const d = sub.name;
      const declared = first.lhs.dims?.[i];
      if (declared !== undefined && dims.has(declared) && eqs.every((q) => q.lhs.dims?.[i] === declared)) return declared;
      const covered = new Set(eqs.flatMap((q) => (q.lhs.subs[i] ? members(q.lhs.subs[i]!.name) : [])));
      const exact = ir.dimensions.filter((x) => !x.equivalentTo && members(x.name).length === covered.size && members(x.name).every((m) => covered.has(m)));
      const holding = ir.dimensions.filter((x) => !x.equivalentTo && [...covered].every((m) => members(x.name).includes(m))).sort((a, b) => members(a.name).length - members(b.name).length);
      const pick = exact.find((x) => x.name === d) ?? exact[0] ?? holding[0];
      if (!pick) throw new Unwritable({ en: `no dimension holds the elements of ${first.lhs.display}`, es: `ninguna dimensión contiene los elementos de ${first.lhs.display}` }, first.loc);
      return pick.name;
    });
  };
  // As expand.ts familyPosition: the first declared of the largest ranges holding them all.
  const family = (name: string): string[] => {
    const own = members(name);
    let best: string[] | undefined;
    for (const d of ir.dimensions) {
      const m = members(d.name);
      if ((!best || m.length > best.length) && own.every((e) => m.includes(e))) best = m;
    }
    return best ?? own;
  };
  const macroDecls: ReadonlyMap<string, MacroDecl> = new Map(ir.macros.map((m) => [m.name, m]));
  /** The elements of each position of an arrayed variable as written (undefined for a lookup or an unknown name): VECTOR ELM MAP's flat layout. */
  const layoutOf = (byVar: ReadonlyMap<string, Equation[]>) => (name: string): string[][] | undefined => {
    const eqs = byVar.get(name);
    if (!eqs?.length || eqs.some((q) => q.kind === 'lookup' || q.kind === 'lookup-data')) return undefined;
    return writtenDims(eqs).map(members);
  };
  /** A scalar lookup's points: written in the model, or read by GET … LOOKUPS (the tables the engine read). */
  const scalarTable = (eqs: readonly Equation[] | undefined): LookupTable | undefined => {
    const q = eqs?.length === 1 ? eqs[0]! : undefined;
    if (q?.kind !== 'lookup-data' || q.lhs.subs.length) return scalarLookupTable(eqs);
    const t = options.known?.lookup(q.lhs.display);
    return t && { x: Array.from(t.x), y: Array.from(t.y), loc: q.loc };
  };
  /** The `<stock>`, `<flow>`, `<aux>` and `<gf>` elements of the model's variables, or of a macro's. */
  const variablesXml = (byVar: ReadonlyMap<string, Equation[]>, stockForms: readonly StockForm[], qualified?: ReadonlyMap<string, string>): string[] => {
    const vars: string[] = [];
    const flowsMade = new Set<string>();
    const forms = new Map(stockForms.map((f) => [f.stock, f]));
    const formFlows = flowRoles(stockForms);
    const flowLists = stockFlowLists(byVar, (k) => forms.has(k) || formFlows.has(k));
    const nn = nonNegativeStocks(byVar);
    const types = gfTypes([...byVar.values()].flat());
    const listedFlows = new Set([...flowLists.values(), ...nn.stocks.values()].flatMap((l) => [...l.inflows, ...l.outflows]));
    const drainsNn = (flow: string) => (stock: string) => !!nn.stocks.get(stock)?.outflows.includes(flow);
    for (const [key, eqs] of byVar) {
      if (['initial time', 'final time', 'time step', 'saveper'].includes(key)) continue;
      const first = eqs[0]!;
      const display = first.lhs.display;
      const lhsDims = first.lhs.subs.map((s) => s.name);
      const parentDims = writtenDims(eqs);
      const dimsXml = parentDims.length ? `<dimensions>${parentDims.map((d) => `<dim name="${attrName(names.get(d) ?? d)}"/>`).join('')}</dimensions>` : '';
      const units = first.units ? `<units>${esc(first.units)}</units>` : '';
      const doc = first.doc ? `<doc>${esc(first.doc)}</doc>` : '';
      const ctx: Ctx = { rungeKutta: method !== 'euler', stepwiseSmoothN: ir.dialect !== 'xmile' && method !== 'euler', lateDelayNTime: (t) => ir.dialect !== 'xmile' && constantValue(t, (m) => byVar.get(m)?.[0]) === undefined, names, bind: new Map(), extraGfs: [], owner: display, loc: first.loc, dimMembers: (n) => (dims.has(n) ? members(n) : undefined), writtenDim: (n) => (dims.has(n) ? (dims.get(n)!.equivalentTo ?? n) : undefined), bound: [], isSubRange, mapElement, binding: new Map(), eqDims: parentDims, declaredDims: (n) => byVar.get(n)?.[0]?.lhs.dims, layout: layoutOf(byVar), macros: macroDecls, family, gfType: (n) => types.get(n), table: (n) => scalarTable(byVar.get(n)), qualified };

      // The elements the equations define, each with its column name and its XMILE subscript.
      const elements = eqs.flatMap((eq) => {
        const excluded = new Set(eq.lhs.except.flatMap((ex) => combos(ex.map((x) => x.name), members).map((c) => c.join('\u0000'))));
        return combos(eq.lhs.subs.map((x) => x.name), members)
          .filter((c) => !excluded.has(c.join('\u0000')))
          .map((c) => ({ eq, combo: c, column: c.length ? `${display}[${c.map((m) => names.get(m) ?? m).join(',')}]` : display, subscript: c.map((m) => xname(names.get(m) ?? m)).join(', ') }));
      });
      const known = (what: BilingualText): KnownTables => {
        if (options.known) return options.known;
        throw new Unwritable({ en: `${display} ${what.en}, and the writer was given no tables the engine read`, es: `${display} ${what.es}, y el escritor no recibió las tablas que leyó el motor` }, first.loc);
      };

      if (first.kind === 'lookup' || first.kind === 'lookup-data') {
        const type = types.get(key);
        const table = (el: (typeof elements)[number]): LookupTable => {
          if (el.eq.kind === 'lookup') return el.eq.lookup!;
          const t = known({ en: 'is a lookup read by GET … LOOKUPS', es: 'es una tabla (lookup) leída con GET … LOOKUPS' }).lookup(el.column);
          if (!t) throw new Unwritable({ en: `the engine read no table for ${el.column}`, es: `el motor no leyó ninguna tabla para ${el.column}` }, el.eq.loc);
          return { x: Array.from(t.x), y: Array.from(t.y), loc: el.eq.loc };
        };
        if (eqs.length === 1 && !lhsDims.length) {
          vars.push(gfText(display, table(elements[0]!), `${units}${doc}`, type));
          continue;
        }
        // An arrayed lookup: one graphical function per element (XMILE 1.0 §3.7.2, non-apply-to-all arrays).
        const gfs = elements.map((el) => {
          const t = table(el);
          return `<element subscript="${esc(el.subscript)}"><gf${type ? ` type="${type}"` : ''}>${gfPointsXml(t.x, t.y, el.eq.kind === 'lookup' ? t.range && { xmin: t.range.xmin, xmax: t.range.xmax, ymin: t.range.ymin, ymax: t.range.ymax } : undefined)}</gf></element>`;
        });
        vars.push(`<aux name="${attrName(display)}">${dimsXml}${gfs.join('')}${units}${doc}</aux>`);
        continue;
      }
      if (eqs.some(isDataEquation)) {
        // Elements given by a number (a variable partly data) are a graphical function of one point,
        // which gives that number at every input and under every type (the engine's lookup rules).
        const oneNumber = (el: (typeof elements)[number]): number => {
          const e = el.eq.expr;
          const c = e && e.kind !== 'list' ? constantValue(e, (m) => byVar.get(m)?.[0]) : undefined;
          if (c !== undefined) return c;
          if (e?.kind === 'list') return listValue(e, el.combo, el.eq.lhs.subs.map((x) => x.name), members);
          throw new Unwritable({ en: `${display} is data for some elements and an equation that is not a number for others (a graphical function of TIME would apply to all)`, es: `${display} es de datos para algunos elementos y una ecuación que no es un número para otros (una función gráfica de TIME se aplicaría a todos)` }, el.eq.loc);
        };
        const gfs = elements.map((el) => {
          if (!isDataEquation(el.eq)) {
            const v = oneNumber(el);
            if (!Number.isFinite(v)) throw new Unwritable({ en: `${el.column} is not a finite number`, es: `${el.column} no es un número finito` }, el.eq.loc);
            return { el, xml: (t?: string) => `<eqn>TIME</eqn><gf${t ? ` type="${t}"` : ''}>${gfPointsXml([0], [v])}</gf>`, type: undefined, any: true, value: v < 0 ? `(${v})` : String(v) };
          }
          const s = known({ en: 'is a data variable', es: 'es una variable de datos' }).data(el.column);
          if (!s) throw new Unwritable({ en: `the engine read no series for ${el.column}`, es: `el motor no leyó ninguna serie para ${el.column}` }, el.eq.loc);
          const g = seriesAsGf(s, el.column);
          if (!('x' in g)) throw new Unwritable(g, el.eq.loc);
          if (g.raw) {
            // Its value at its own times, :NA: (−2^109) elsewhere as the engine gives it (runtime-lib.ts
            // `data`; writer-data.ts): two discrete functions of its own.
            const times = extraGf(ctx, { x: g.x, y: g.x, loc: el.eq.loc }, 'discrete');
            const values = extraGf(ctx, { x: g.x, y: g.y, loc: el.eq.loc }, 'discrete');
            const na = write({ kind: 'num', value: NA_VALUE, loc: el.eq.loc }, ctx, 0);
            return { el, xml: () => `<eqn>${esc(`IF ${times}(TIME) = TIME THEN ${values}(TIME) ELSE ${na}`)}</eqn>`, type: 'raw' as const, any: false, value: '' };
          }
          return { el, xml: (t?: string) => `<eqn>${g.input}</eqn><gf${t ? ` type="${t}"` : ''}>${gfPointsXml(g.x, g.y)}</gf>`, type: g.type, any: false, value: '' };
        });
        const typed = gfs.filter((g) => !g.any);
        if (typed.some((g) => g.type !== typed[0]!.type)) throw new Unwritable({ en: `${display} has elements read in different ways (held, interpolated or raw; an XMILE variable's graphical functions share one type)`, es: `${display} tiene elementos leídos de formas distintas (mantenidos, interpolados o en crudo; las funciones gráficas de una variable XMILE comparten un tipo)` }, first.loc);
        // One type for the variable (the reader takes it from its first <gf>): the data's, on every element
        // (raw data has no <gf> of its own; its numbers' one-point functions are continuous).
        const type = typed[0]?.type === 'raw' ? undefined : typed[0]?.type;
        // Beside raw elements (no <gf>), a number is its <eqn>: an XMILE variable's elements all have a <gf> or none.
        const xmlOf = (g: (typeof gfs)[number]) => (g.any && typed[0]?.type === 'raw' ? `<eqn>${g.value}</eqn>` : g.xml(type));
        const body = lhsDims.length ? gfs.map((g) => `<element subscript="${esc(g.el.subscript)}">${xmlOf(g)}</element>`).join('') : xmlOf(gfs[0]!);
        vars.push(`<aux name="${attrName(display)}">${dimsXml}${body}${units}${doc}</aux>`);
        for (const g of ctx.extraGfs) vars.push(gfText(g.name, g.table, '', g.type));
        continue;
      }
      const isStock = first.expr?.kind === 'call' && first.expr.fn === 'INTEG';
      if (eqs.some((q) => (q.expr?.kind === 'call' && q.expr.fn === 'INTEG') !== isStock)) throw new Unwritable({ en: `${display} is a stock for some elements only`, es: `${display} es un nivel (stock) solo para algunos elementos` }, first.loc);

      // One apply-to-all equation over the full dimensions, or one <element> per combination.
      const applyToAll = eqs.length === 1 && first.lhs.except.length === 0 && first.expr?.kind !== 'list' && parentDims.every((d, i) => d === lhsDims[i]) && !readsOtherRange(first, dims);
      // Vensim's ACTIVE INITIAL(active, initial) on an auxiliary is XMILE 1.0's <eqn> with <init_eqn>
      // (the reader reads it back as ACTIVE INITIAL); elsewhere it stays a call, which is refused.
      // SAMPLE IF TRUE as the whole equation names the variable itself (writer-stateful-forms.ts).
      const eqn = (e: Expr, initOk: boolean, eq: Equation): string => {
        if (initOk && e.kind === 'call' && e.fn === 'ACTIVE INITIAL' && e.args.length === 2) return `<eqn>${esc(write(e.args[0]!, ctx, 0))}</eqn><init_eqn>${esc(write(e.args[1]!, ctx, 0))}</init_eqn>`;
        if (initOk && e.kind === 'call' && e.fn === 'SAMPLE IF TRUE') {
          if (ctx.rungeKutta) throw new Unwritable(SAMPLE_UNDER_RK, e.loc);
          const form = sampleIfTrueForm(e, { name: key, display, subs: eq.lhs.subs });
          if (!('kind' in form)) throw new Unwritable(form, e.loc);
          return `<eqn>${esc(write(form, ctx, 0))}</eqn>`;
        }
        return `<eqn>${esc(write(e, ctx, 0))}</eqn>`;
      };
      const parts = (pick: (eq: Equation) => Expr, initOk = false): string => {
        if (applyToAll) return eqn(pick(first), initOk, first);
        const out: string[] = [];
        for (const eq of eqs) {
          const eqDims = eq.lhs.subs.map((s) => s.name);
          const excluded = new Set(eq.lhs.except.flatMap((ex) => combos(ex.map((s) => s.name), members).map((c) => c.join('\u0000'))));
          for (const combo of combos(eqDims, members)) {
            if (excluded.has(combo.join('\u0000'))) continue;
            ctx.bind = new Map(eqDims.map((d, i) => [d, names.get(combo[i]!) ?? combo[i]!]));
            ctx.bound = combo;
            ctx.binding = new Map(eqDims.map((d, i) => [d, combo[i]!]));
            // A sub-range's parent dimension names the same element in the equation.
            parentDims.forEach((p, i) => ctx.bind.set(p, names.get(combo[i]!) ?? combo[i]!));
            const subscript = combo.map((c) => xname(names.get(c) ?? c)).join(', ');
            const expr = pick(eq);
            out.push(`<element subscript="${esc(subscript)}">${expr.kind === 'list' ? `<eqn>${esc(listElement(expr, combo, eqDims, members))}</eqn>` : eqn(expr, initOk, eq)}</element>`);
          }
        }
        ctx.bind = new Map();
        ctx.bound = [];
        ctx.binding = new Map();
        return out.join('');
      };

      const form = forms.get(key);
      const role = formFlows.get(key);
      if (form) {
        if (!isStock) throw new Unwritable(
            form.kind === 'queue'
              ? { en: `${display} is a queue but not a stock`, es: `${display} es una cola pero no un nivel (stock)` }
              : { en: `${display} is a conveyor but not a stock`, es: `${display} es una cinta transportadora pero no un nivel (stock)` },
            first.loc,
          );
        const init = parts((q) => (q.expr as Extract<Expr, { kind: 'call' }>).args[1]!);
        vars.push(`<stock name="${attrName(display)}">${dimsXml}${init}${stockFormXml(form, ctx)}${units}${doc}</stock>`);
      } else if (role) {
        vars.push(formFlowXml(display, role, dimsXml, (pick) => parts((q) => withoutStockLimit(pick(q), drainsNn(key))), ctx, `${units}${doc}`));
      } else if (isStock && nn.stocks.has(key)) {
        // Written as read: the lists and <non_negative/>; the reader builds the rate and the flow limits again.
        const init = parts((q) => (q.expr as Extract<Expr, { kind: 'call' }>).args[1]!);
        const l = nn.stocks.get(key)!;
        const tag = (t: string, f: string) => `<${t}>${esc(xname(byVar.get(f)![0]!.lhs.display))}</${t}>`;
        vars.push(`<stock name="${attrName(display)}">${dimsXml}${init}${l.inflows.map((f) => tag('inflow', f)).join('')}${l.outflows.map((f) => tag('outflow', f)).join('')}<non_negative/>${units}${doc}</stock>`);
      } else if (isStock && flowLists.has(key)) {
        // The rate is a sum of inflows less a sum of outflows, each an auxiliary over the stock's subscripts.
        const init = parts((q) => (q.expr as Extract<Expr, { kind: 'call' }>).args[1]!);
        const l = flowLists.get(key)!;
        const tag = (t: string, f: string) => `<${t}>${esc(xname(byVar.get(f)![0]!.lhs.display))}</${t}>`;
        vars.push(`<stock name="${attrName(display)}">${dimsXml}${init}${l.inflows.map((f) => tag('inflow', f)).join('')}${l.outflows.map((f) => tag('outflow', f)).join('')}${units}${doc}</stock>`);
      } else if (isStock) {
        const flowName = `${display} net flow`;
        // Compared as names are compared (canonicalName: case, spaces and underscores alike, in XMILE
        // as in Vensim), so `prey_pop net flow` meets a variable `Prey pop net flow` or `prey_pop_net_flow`.
        const flowKey = canonicalName(flowName);
        if (byVar.has(flowKey) || flowsMade.has(flowKey)) throw new Unwritable({ en: `a variable named '${flowName}' already exists`, es: `ya existe una variable llamada '${flowName}'` }, first.loc);
        flowsMade.add(flowKey);
        const init = parts((q) => (q.expr as Extract<Expr, { kind: 'call' }>).args[1]!);
        const rate = parts((q) => (q.expr as Extract<Expr, { kind: 'call' }>).args[0]!);
        vars.push(`<stock name="${attrName(display)}">${dimsXml}${init}<inflow>${esc(xname(flowName))}</inflow>${units}${doc}</stock>`);
        vars.push(`<flow name="${attrName(flowName)}">${dimsXml}${rate}<doc>Net flow of ${esc(display)} (written by IGEM: the Vensim rate as one flow).</doc></flow>`);
      } else {
        const tag = listedFlows.has(key) ? 'flow' : 'aux';
        const m = nn.multipliers.get(key);
        const multiplier = m ? `<multiplier>${esc(write(m, ctx, 0))}</multiplier>` : '';
        vars.push(`<${tag} name="${attrName(display)}">${dimsXml}${parts((q) => withoutStockLimit(q.expr!, drainsNn(key)), true)}${multiplier}${units}${doc}</${tag}>`);
      }
      for (const g of ctx.extraGfs) vars.push(gfText(g.name, g.table, '', g.type));
    }
    return vars;
  };
  // A model read from modules is written as its models again (writer-modules.ts).
  const writers = { xname, attrName, esc };
  const blocks = ir.modules?.length ? moduleBlocks(ir, writers) : undefined;
  const vars = blocks ? [] : variablesXml(byVar, ir.stockForms ?? []);
  const models = blocks?.map((b) => modelXml(b, variablesXml(group(b.equations), b.stockForms, b.qualified), writers)).join('\n  ');
  // The reader's functions for non-negative stocks are written back as <non_negative/> (or refused where used).
  const shadowing = builtinNamedMacros(ir);
  if (!(shadowing instanceof Set)) throw new Unwritable(shadowing.text, shadowing.loc);
  const macros = ir.macros.filter((m) => m.name !== '#nnrate' && m.name !== '#nnout' && !isWrittenBack(m.name) && !shadowing.has(m.name)).map((m) => macroXml(m, (eqs) => variablesXml(group(eqs), [])));

  const dimXml = ir.dimensions
    .filter((d) => !d.equivalentTo)
    .map((d) => `<dim name="${attrName(d.display)}">${members(d.name).map((m) => `<elem name="${attrName(names.get(m) ?? m)}"/>`).join('')}</dim>`)
    .join('\n    ');
  const uses = [...new Set((ir.stockForms ?? []).map((f) => `<uses_${f.kind}/>`))].sort().join('') + usesArraysXml(ir);
  const saveAttr = save !== undefined && save !== dt ? ` save_interval="${save}"` : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>IGEM</vendor><product version="1.0">IGEM</product>${uses ? `<options>${uses}</options>` : ''}</header>
  <sim_specs method="${method}" time_units="${esc(timeUnits)}"${saveAttr}><start>${start}</start><stop>${stop}</stop><dt>${dt}</dt></sim_specs>
  ${dimXml ? `<dimensions>\n    ${dimXml}\n  </dimensions>` : ''}
  ${models ?? `<model>
    <variables>
      ${vars.join('\n      ')}
    </variables>
  </model>`}${macros.map((m) => `\n  ${m}`).join('')}
</xmile>
`;
}

/**
 * `<uses_arrays invalid_index_value="NaN"/>` when the model was read with it (XMILE 1.0 §2.2.1: what
 * an index out of range gives, 0 by default), so that it reads back the same. The schema's array
 * size attribute (max_dimensions, maximum_dimensions in the prose) is optional and left out.
 */
function usesArraysXml(ir: ModelIR): string {
  return ir.invalidIndexValue !== undefined && Number.isNaN(ir.invalidIndexValue) ? '<uses_arrays invalid_index_value="NaN"/>' : '';
}

/**
 * A `<macro>` (XMILE 1.0 §3.6): its parameters, its output as `<eqn>`, its variables. The output
 * equation (a Vensim macro's equation named as the macro, often a stock) becomes a variable
 * '<macro> output' that `<eqn>` names, since an XMILE macro's own equation is an expression.
 */
function macroXml(m: MacroDecl, variables: (eqs: Equation[]) => string[]): string {
  if (m.name.startsWith('#')) {
    throw new Unwritable({ en: `the reader's internal function ${m.name.slice(1)}, which the writer does not write back`, es: `la función interna del lector ${m.name.slice(1)}, que el escritor no vuelve a escribir` }, m.loc);
  }
  const own = m.equations.find((q) => q.lhs.name === m.name);
  if (m.outputs.length || !own) {
    const why = own ? { en: 'extra outputs', es: 'salidas adicionales' } : { en: 'no equation of its own name', es: 'ninguna ecuación con su nombre' };
    throw new Unwritable({ en: `macro ${m.name} has ${why.en} (an XMILE macro has one output, its equation)`, es: `la macro ${m.name} tiene ${why.es} (una macro XMILE tiene una sola salida, su ecuación)` }, m.loc);
  }
  const out = { name: `${m.name} output`, display: `${own.lhs.display} output` };
  if (m.equations.some((q) => q.lhs.name === out.name) || m.params.includes(out.name)) throw new Unwritable({ en: `macro ${m.name} already has a variable named '${out.display}'`, es: `la macro ${m.name} ya tiene una variable llamada '${out.display}'` }, m.loc);
  const rename = (e: Expr): Expr => mapExpr(e, (x) => (x.kind === 'ref' && x.name === m.name && x.subs.length === 0 ? { ...x, name: out.name, display: out.display } : x));
  const eqs = m.equations.map((q) => ({ ...q, lhs: q.lhs.name === m.name ? { ...q.lhs, ...out } : q.lhs, expr: q.expr && rename(q.expr) }));
  const parms = m.params.map((p) => `<parm>${esc(xname(p))}</parm>`).join('');
  return `<macro name="${attrName(own.lhs.display)}">${parms}<eqn>${esc(xname(out.display))}</eqn><variables>${variables(eqs).join('')}</variables></macro>`;
}

/** The equation names, outside an array function's `!`, a range that is not one of its own subscripts. */
function readsOtherRange(eq: Equation, dims: ReadonlyMap<string, DimensionDecl>): boolean {
  const own = new Set(eq.lhs.subs.map((s) => s.name));
  let other = false;
  if (eq.expr) visitExpr(eq.expr, (e) => {
    if ((e.kind === 'ref' || e.kind === 'apply') && e.subs.some((s) => !s.bang && dims.has(s.name) && !own.has(s.name))) other = true;
  });
  return other;
}

/** The value of one element of a constant list (`1, 2; 3, 4`) over the equation's dimensions. */
function listElement(e: Extract<Expr, { kind: 'list' }>, combo: string[], dims: string[], members: (d: string) => string[]): string {
  const v = listValue(e, combo, dims, members);
  return v < 0 ? `(${v})` : String(v);
}

function listValue(e: Extract<Expr, { kind: 'list' }>, combo: string[], dims: string[], members: (d: string) => string[]): number {
  // The list runs over the subscripts that are ranges; a fixed element (`x[DimA, c1] = 1, 2, 3`) takes no place in it.
  const ranged = dims.map((d, i) => ({ d, i })).filter(({ d }) => !(members(d).length === 1 && members(d)[0] === d));
  const idx = ranged.map(({ d, i }) => members(d).indexOf(combo[i]!));
  const v = ranged.length <= 1 ? e.rows.flat()[idx[0] ?? 0] : e.rows[idx[0]!]?.[idx[1]!];
  if (ranged.length > 2) throw new Unwritable({ en: 'a constant list over more than two ranges', es: 'una lista de constantes sobre más de dos rangos' }, e.loc);
  if (v === undefined) throw new Unwritable({ en: 'a constant list with fewer values than its ranges have elements', es: 'una lista de constantes con menos valores que elementos en sus rangos' }, e.loc);
  return v;
}

/** What a flow of a conveyor or queue is there: which leak, which overflow, whether a limit wraps it. */
interface FlowRole {
  form: StockForm;
  /** The conveyor's outflow: the belt computes it, so it has no equation. */
  beltOutflow?: boolean;
  leak?: NonNullable<StockForm['conveyor']>['leaks'][number];
  overflow?: boolean;
  multiplier?: Expr;
  /** Its equation ends in a conveyor's capacity or inflow limit (MIN(equation, room)), written as the option instead. */
  limited?: boolean;
  /** It fills a queue, so the reader wrapped its equation in MAX(0, …) (queues.ts). */
  intoQueue?: boolean;
}

function flowRoles(forms: readonly StockForm[]): Map<string, FlowRole> {
  const roles = new Map<string, FlowRole>();
  const role = (name: string, form: StockForm): FlowRole => {
    const r = roles.get(name) ?? { form };
    roles.set(name, r);
    return r;
  };
  for (const form of forms) {
    const c = form.conveyor;
    form.outflows.forEach((o, k) => {
      const r = role(o.name, form);
      if (form.kind === 'queue') r.overflow = k > 0;
      const leak = c?.leaks.find((l) => l.name === o.name);
      if (leak) r.leak = leak;
      else if (c) r.beltOutflow = true;
    });
    for (const i of form.inflows) {
      const r = role(i.name, form);
      if (i.multiplier) r.multiplier = i.multiplier;
      if (c && (c.capacity || c.inLimit)) r.limited = true;
      if (form.kind === 'queue') r.intoQueue = true;
    }
  }
  return roles;
}

/** `<inflow>`/`<outflow>` lists and the `<conveyor>` or `<queue/>` of a stock. */
function stockFormXml(form: StockForm, ctx: Ctx): string {
  const flows = [...form.inflows.map((f) => `<inflow>${esc(xname(f.display))}</inflow>`), ...form.outflows.map((f) => `<outflow>${esc(xname(f.display))}</outflow>`)].join('');
  const c = form.conveyor;
  if (!c) return `${flows}<queue/>`;
  const opt = (tag: string, e: Expr | undefined) => (e ? `<${tag}>${esc(write(e, ctx, 0))}</${tag}>` : '');
  const exp = c.exponentialLeak ? ' exponential_leak="true"' : '';
  return `${flows}<conveyor${exp}><len>${esc(write(c.len, ctx, 0))}</len>${opt('capacity', c.capacity)}${opt('in_limit', c.inLimit)}</conveyor>`;
}

/** A flow of a conveyor or queue. */
function formFlowXml(display: string, r: FlowRole, dimsXml: string, parts: (pick: (eq: Equation) => Expr) => string, ctx: Ctx, tail: string): string {
  const name = attrName(display);
  if (r.beltOutflow) return `<flow name="${name}">${dimsXml}${tail}</flow>`;
  if (r.leak) {
    const zone = `${r.leak.start !== 0 ? ` leak_start="${r.leak.start}"` : ''}${r.leak.end !== 1 ? ` leak_end="${r.leak.end}"` : ''}`;
    return `<flow name="${name}"${zone}>${dimsXml}<eqn>${esc(write(r.leak.fraction, ctx, 0))}</eqn><leak/>${tail}</flow>`;
  }
  const eqn = parts((q) => {
    const e = r.limited ? unlimited(q, r.form) : q.expr!;
    // The reader makes what enters a queue MAX(0, equation) first; it will again.
    return r.intoQueue && e.kind === 'call' && e.fn === 'MAX' && e.args[0]?.kind === 'num' && e.args[0].value === 0 ? e.args[1]! : e;
  });
  const multiplier = r.multiplier ? `<multiplier>${esc(write(r.multiplier, ctx, 0))}</multiplier>` : '';
  return `<flow name="${name}">${dimsXml}${eqn}${multiplier}${r.overflow ? '<overflow/>' : ''}${tail}</flow>`;
}

/** An inflow's equation without the MIN(…, room) the reader wrapped around it last (conveyor-inflow-limits.ts). */
function unlimited(eq: Equation, form: StockForm): Expr {
  const e = eq.expr!;
  if (e.kind === 'call' && e.fn === 'MIN' && e.args.length === 2) return e.args[0]!;
  throw new Unwritable({ en: `${eq.lhs.display} fills conveyor ${form.display}, which has a capacity or inflow limit, but its equation is not the limit the reader makes`, es: `${eq.lhs.display} llena la cinta transportadora ${form.display}, que tiene capacidad o límite de entrada, pero su ecuación no es el límite que arma el lector` }, eq.loc);
}
