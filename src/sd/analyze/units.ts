/**
 * A dimensional-consistency check of a model's declared units (Vensim's Units Check, Stella's
 * Check Units): every equation's right-hand side must have the units written on its left-hand side (a
 * stock: its flows times the time unit), terms added, subtracted, compared or joined by MIN/MAX/IF
 * must agree, and EXP/LN arguments must be dimensionless.
 *
 * Units are products of powers of named units (`MSoles/Year`, `TWh/(GW*Year)`, `1/Year`, `Dmnl`).
 * Names that differ only by scale map to one dimension through `aliases` (TWh and MWh are both
 * energy), since models convert between them with numeric factors; the check is about dimensions,
 * not scale. A number is dimensionless, except 0, which matches anything. An exponent that is not a
 * plain number makes the result unknown unless the base is dimensionless; unknown units are not
 * checked further (as for the Cobb-Douglas production function).
 */
import { HISTORY, XMILE_ELEMENT, XMILE_RANK } from '../ir/builtins.js';
import type { Equation, Expr, ModelIR } from '../ir/model.js';
import { warningAt, type BilingualText, type Diagnostic, type SourceLocation } from '../ir/diagnostics.js';

/** Dimension exponents by base name; `null` means unknown (not checked). */
export type Dim = Map<string, number> | null;

export interface UnitIssue {
  variable: string;
  message: string;
  messageEs: string;
  loc?: SourceLocation;
}

export interface UnitCheckOptions {
  /** Unit name -> base unit expression (e.g. { MWh: 'TWh', GW: 'TWh/Year' }). */
  aliases?: Record<string, string>;
  /**
   * The model's time unit. Default: the units of TIME STEP (or INITIAL/FINAL TIME) as the model
   * declares them (Vensim's time bounds, XMILE's `time_units`), else Year.
   */
  timeUnit?: string;
  /**
   * Groups of names for one unit (Vensim's Units Equiv, XMILE's unit aliases). Default: the
   * model's own (`22:` lines of a Vensim file's settings, XMILE `<model_units>`) plus the plural
   * forms of the time units that Vensim predefines (Year/Years, Month/Months, …).
   */
  synonyms?: string[][];
}

/** Vensim's predefined synonyms: singular and plural time units. */
const TIME_SYNONYMS = ['Year', 'Month', 'Week', 'Day', 'Hour', 'Minute', 'Second', 'Quarter'].map((u) => [u, `${u}s`]);

/** Units Equiv groups from a Vensim file's settings section: lines `22:$,Dollar,Dollars`. */
export function vensimUnitSynonyms(settings: string): string[][] {
  const out: string[][] = [];
  for (const line of settings.split(/\r?\n/)) {
    const m = /^22:(.*)$/.exec(line.trim());
    if (!m) continue;
    const names = m[1]!.split(',').map((x) => x.trim()).filter((x) => x !== '');
    if (names.length > 1) out.push(names);
  }
  return out;
}

/** Aliases that send every synonym to the first name of its group (case kept as written). */
function synonymAliases(groups: string[][]): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const g of groups) for (const name of g.slice(1)) if (name !== g[0]) out[name] = g[0]!;
  return out;
}

/** The time unit a model declares: the units of TIME STEP, INITIAL TIME or FINAL TIME. */
export function modelTimeUnit(ir: ModelIR): string | undefined {
  for (const name of ['time step', 'initial time', 'final time']) {
    const eq = ir.equations.find((e) => e.lhs.name === name && e.units.trim() !== '');
    if (eq) return eq.units.replace(/\[.*$/, '').trim();
  }
  return undefined;
}

const DIMENSIONLESS = new Set(['dmnl', 'dimensionless', '1', '']);

function clean(d: Map<string, number>): Map<string, number> {
  for (const [k, v] of [...d]) if (Math.abs(v) < 1e-12) d.delete(k);
  return d;
}

function combine(a: Dim, b: Dim, sign: 1 | -1): Dim {
  if (a === null || b === null) return null;
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, (out.get(k) ?? 0) + sign * v);
  return clean(out);
}

function power(a: Dim, p: number): Dim {
  if (a === null) return null;
  return clean(new Map([...a].map(([k, v]) => [k, v * p])));
}

export function sameDim(a: Dim, b: Dim): boolean {
  if (a === null || b === null) return true;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (Math.abs((b.get(k) ?? 0) - v) > 1e-9) return false;
  return true;
}

export function formatDim(d: Dim): string {
  if (d === null) return '?';
  if (d.size === 0) return 'Dmnl';
  const num = [...d].filter(([, v]) => v > 0).map(([k, v]) => (v === 1 ? k : `${k}^${v}`));
  const den = [...d].filter(([, v]) => v < 0).map(([k, v]) => (v === -1 ? k : `${k}^${-v}`));
  return `${num.join('*') || '1'}${den.length ? `/${den.length > 1 ? `(${den.join('*')})` : den[0]}` : ''}`;
}

/** Parses a unit expression into dimensions, resolving aliases (recursively). */
export function parseUnits(text: string, aliases: Record<string, string> = {}, depth = 0): Dim {
  const src = text.trim();
  if (DIMENSIONLESS.has(src.toLowerCase())) return new Map();
  // Unit names run between operators and may hold spaces (`million soles`) or `$`.
  const tokens = src
    .split(/([*/^()])/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t !== '');
  let i = 0;
  const atom = (): Dim => {
    const t = tokens[i++];
    if (t === '(') {
      const d = expr();
      i++; // ')'
      return d;
    }
    if (t === undefined) return new Map();
    if (/^[\d.]+$/.test(t)) return new Map();
    if (DIMENSIONLESS.has(t.toLowerCase())) return new Map();
    const alias = Object.prototype.hasOwnProperty.call(aliases, t) ? aliases[t] : undefined;
    if (alias !== undefined && depth < 8) return parseUnits(alias, aliases, depth + 1);
    return new Map([[t, 1]]);
  };
  const factor = (): Dim => {
    let d = atom();
    while (tokens[i] === '^') {
      i++;
      d = power(d, Number(tokens[i++]));
    }
    return d;
  };
  const expr = (): Dim => {
    let d = factor();
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++];
      d = combine(d, factor(), op === '*' ? 1 : -1);
    }
    return d;
  };
  return expr();
}

/** A wildcard: the number 0, which fits any unit in sums and comparisons. */
const ANY = Symbol('any');
type Inferred = Dim | typeof ANY;

interface Ctx {
  units: Map<string, Dim>;
  time: Dim;
  issues: UnitIssue[];
  variable: string;
  aliases: Record<string, string>;
}

function report(ctx: Ctx, loc: SourceLocation | undefined, message: BilingualText): void {
  ctx.issues.push({ variable: ctx.variable, message: message.en, messageEs: message.es, loc });
}

/** Unifies terms that must agree; reports a mismatch and returns the first known unit. */
function agree(ctx: Ctx, what: BilingualText, loc: SourceLocation, parts: Inferred[]): Inferred {
  const known = parts.filter((p): p is Dim => p !== ANY);
  const first = known.find((p) => p !== null);
  if (first === undefined) return known.length ? null : ANY;
  for (const p of known) {
    if (!sameDim(p, first)) {
      report(ctx, loc, { en: `${what.en}: ${formatDim(first)} and ${formatDim(p)} do not agree`, es: `${what.es}: ${formatDim(first)} y ${formatDim(p)} no concuerdan` });
      return null;
    }
  }
  return first;
}

const asDim = (x: Inferred): Dim => (x === ANY ? new Map() : x);

const SAME_AS_FIRST = new Set(['ABS', 'SUM', 'VMIN', 'VMAX', 'PROD', 'INITIAL', 'ACTIVE INITIAL', 'MODULO', 'INTEGER', 'QUANTUM']);
const DELAYS = new Set(['SMOOTH', 'SMOOTH3', 'SMOOTHI', 'SMOOTH3I', 'DELAY1', 'DELAY1I', 'DELAY3', 'DELAY3I', 'DELAY FIXED', 'DELAY N', 'SMOOTH N', 'TREND', 'FORECAST']);

const DATA_STATISTICS = new Set(['GET DATA MAX', 'GET DATA MIN', 'GET DATA MEAN']);

function infer(e: Expr, ctx: Ctx): Inferred {
  switch (e.kind) {
    case 'num':
      return e.value === 0 ? ANY : new Map();
    case 'str':
    case 'na':
    case 'list':
    case 'lookup':
      return null;
    case 'ref': {
      if (e.name === 'time') return ctx.time;
      return ctx.units.has(e.name) ? (ctx.units.get(e.name) ?? null) : null;
    }
    case 'apply': {
      // A lookup: its output has the lookup's declared units; its argument is not constrained.
      for (const a of e.args) infer(a, ctx);
      return ctx.units.get(e.name) ?? null;
    }
    case 'unary':
      return e.op === 'not' ? new Map() : infer(e.arg, ctx);
    case 'binary': {
      const l = infer(e.left, ctx);
      const r = infer(e.right, ctx);
      switch (e.op) {
        case '+':
        case '-':
          return agree(ctx, { en: `'${e.op}'`, es: `'${e.op}'` }, e.loc, [l, r]);
        case '*':
          return l === ANY || r === ANY ? ANY : combine(l, r, 1);
        case '/':
          return l === ANY ? ANY : combine(l, asDim(r), -1);
        case '^': {
          const rd = asDim(r);
          if (rd !== null && rd.size > 0) report(ctx, e.loc, { en: `exponent has units ${formatDim(rd)}`, es: `el exponente tiene unidades ${formatDim(rd)}` });
          const ld = asDim(l);
          if (ld !== null && ld.size === 0) return new Map();
          return e.right.kind === 'num' ? power(ld, e.right.value) : e.right.kind === 'unary' && e.right.arg.kind === 'num' && e.right.op === '-' ? power(ld, -e.right.arg.value) : null;
        }
        case 'and':
        case 'or':
          return new Map();
        default:
          agree(ctx, { en: `comparison '${e.op}'`, es: `comparación '${e.op}'` }, e.loc, [l, r]);
          return new Map();
      }
    }
    case 'call': {
      const args = e.args.map((a) => infer(a, ctx));
      const fn = e.fn;
      if (fn === 'IF THEN ELSE') return agree(ctx, { en: 'IF THEN ELSE branches', es: 'ramas de IF THEN ELSE' }, e.loc, [args[1], args[2]]);
      if (fn === 'MIN' || fn === 'MAX') return agree(ctx, { en: fn, es: fn }, e.loc, args);
      if (fn === 'EXP' || fn === 'LN' || fn === 'LOG') {
        const d = asDim(args[0]);
        if (d !== null && d.size > 0) report(ctx, e.loc, { en: `${fn} of ${formatDim(d)} (must be dimensionless)`, es: `${fn} de ${formatDim(d)} (debe ser adimensional)` });
        return new Map();
      }
      if (fn === 'SQRT') return power(asDim(args[0]), 0.5);
      if (fn === 'ZIDZ' || fn === 'XIDZ') return combine(asDim(args[0]), asDim(args[1]), -1);
      if (fn === 'STEP') return args[0];
      if (fn === 'RAMP') return combine(asDim(args[0]), ctx.time, 1);
      if (fn === 'PULSE' || fn === 'PULSE TRAIN') return new Map();
      if (fn === 'INTEG') return combine(asDim(args[0]), ctx.time, 1);
      // XMILE RANK gives a position in the array: a number without units.
      if (fn === XMILE_RANK) return new Map();
      // A computed subscript picks an element of its array: the array's units.
      if (fn === XMILE_ELEMENT) return args[0];
      // XMILE HISTORY(input, time): the input's value at a time.
      if (fn === HISTORY) {
        const t = asDim(args[1]);
        if (t !== null && !sameDim(t, ctx.time)) report(ctx, e.loc, { en: `HISTORY time in ${formatDim(t)}, not ${formatDim(ctx.time)}`, es: `tiempo de HISTORY en ${formatDim(t)}, no en ${formatDim(ctx.time)}` });
        return args[0];
      }
      if (DELAYS.has(fn)) {
        const t = asDim(args[1]);
        if (t !== null && !sameDim(t, ctx.time)) report(ctx, e.loc, { en: `${fn} delay time in ${formatDim(t)}, not ${formatDim(ctx.time)}`, es: `tiempo de retardo de ${fn} en ${formatDim(t)}, no en ${formatDim(ctx.time)}` });
        if (args.length > 2) agree(ctx, { en: `${fn} input and initial value`, es: `entrada y valor inicial de ${fn}` }, e.loc, [args[0], args[2]]);
        return args[0];
      }
      // SAMPLE IF TRUE(condition, input, initial): the value is the input or the initial value
      // (Vensim reference); the condition is a truth value and says nothing of the units.
      if (fn === 'SAMPLE IF TRUE') return agree(ctx, { en: `${fn} input and initial value`, es: `entrada y valor inicial de ${fn}` }, e.loc, [args[1], args[2]]);
      // GET DATA MAX / MIN / MEAN(data, start, end): the data's units (fn_get_data_min: units, time, time → units).
      if (DATA_STATISTICS.has(fn)) {
        for (const [i, what] of [[1, { en: 'start', es: 'inicial' }], [2, { en: 'end', es: 'final' }]] as const) {
          // A number written in the range is taken as a time rather than reported as Dmnl.
          const t = e.args[i]!.kind === 'num' ? ANY : args[i]!;
          if (t !== ANY && t !== null && !sameDim(t, ctx.time)) report(ctx, e.loc, { en: `${fn} ${what.en} time in ${formatDim(t)}, not ${formatDim(ctx.time)}`, es: `tiempo ${what.es} de ${fn} en ${formatDim(t)}, no en ${formatDim(ctx.time)}` });
        }
        return args[0];
      }
      // TIME SHIFT(data, shift): the data's units, the shift in time units (fn_time_shift).
      if (fn === 'TIME SHIFT') {
        const t = e.args[1]!.kind === 'num' ? ANY : args[1]!;
        if (t !== ANY && t !== null && !sameDim(t, ctx.time)) report(ctx, e.loc, { en: `${fn} shift in ${formatDim(t)}, not ${formatDim(ctx.time)}`, es: `desplazamiento de ${fn} en ${formatDim(t)}, no en ${formatDim(ctx.time)}` });
        return args[0];
      }
      // TIME BASE(START, SLOPE) is START + Time × SLOPE (fn_time_base: newtime, newtime/time → newtime).
      if (fn === 'TIME BASE') return agree(ctx, { en: `${fn} START and SLOPE × Time`, es: `START y SLOPE × Time de ${fn}` }, e.loc, [args[0], args[1] === ANY ? ANY : combine(args[1], ctx.time, 1)]);
      // DERIVN(input, order): the order-th time derivative, input / time^order (for an order
      // written as a number; otherwise unknown).
      if (fn === 'DERIVN') {
        const order = e.args[1]!;
        return order.kind === 'num' ? combine(asDim(args[0]), power(ctx.time, order.value), -1) : null;
      }
      // SHIFT IF TRUE(var, cond, size, accum, inval) (fn_shift_if_true: units, dmnl, dmnl, dmnl,
      // units → units): inval joins var, the rest are pure numbers. A number written as inval is
      // taken in var's units rather than reported as Dmnl.
      if (fn === 'SHIFT IF TRUE') {
        for (const [i, what] of [[1, { en: 'condition', es: 'la condición' }], [2, { en: 'size', es: 'el tamaño' }], [3, { en: 'accum', es: 'accum' }]] as const) {
          const d = asDim(args[i]!);
          if (d !== null && d.size > 0) report(ctx, e.loc, { en: `${fn} ${what.en} in ${formatDim(d)} (must be dimensionless)`, es: `${what.es} de ${fn} en ${formatDim(d)} (debe ser adimensional)` });
        }
        return agree(ctx, { en: `${fn} level and inval`, es: `nivel e inval de ${fn}` }, e.loc, [args[0], e.args[4]!.kind === 'num' ? ANY : args[4]]);
      }
      // DELAY CONVEYOR (fn_delay_conveyor): units, time, 1/time, dmnl, units*time, time → units.
      if (fn === 'DELAY CONVEYOR') {
        const want: [number, BilingualText, Dim][] = [
          [1, { en: 'conveyance time', es: 'el tiempo de transporte' }, ctx.time],
          [2, { en: 'leak', es: 'la fuga' }, power(ctx.time, -1)],
          [5, { en: 'initial conveyance time', es: 'el tiempo de transporte inicial' }, ctx.time],
        ];
        const input = asDim(args[0]!);
        if (input !== null) want.push([4, { en: 'initial total', es: 'el total inicial' }, combine(input, ctx.time, 1)]);
        for (const [i, what, unit] of want) {
          const d = e.args[i]!.kind === 'num' ? ANY : args[i]!;
          if (d !== ANY && d !== null && unit !== null && !sameDim(d, unit)) report(ctx, e.loc, { en: `${fn} ${what.en} in ${formatDim(d)}, not ${formatDim(unit)}`, es: `${what.es} de ${fn} en ${formatDim(d)}, no en ${formatDim(unit)}` });
        }
        return args[0];
      }
      // NPV and NPVE (fn_npv): units, 1/time, units*time, dmnl → units*time.
      if (fn === 'NPV' || fn === 'NPVE') return combine(asDim(args[0]), ctx.time, 1);
      if (SAME_AS_FIRST.has(fn)) return args[0];
      return null;
    }
  }
}

function declaredUnits(ir: ModelIR, aliases: Record<string, string>): Map<string, Dim> {
  const text = new Map<string, string>();
  for (const eq of ir.equations) if (eq.units.trim() !== '' || !text.has(eq.lhs.name)) text.set(eq.lhs.name, eq.units);
  for (const [name, u] of [...text]) if (u.trim() === '') text.delete(name);
  return new Map([...text].map(([name, u]) => [name, parseUnits(u.replace(/\[.*$/, ''), aliases)]));
}

export function checkUnits(ir: ModelIR, options: UnitCheckOptions = {}): UnitIssue[] {
  const synonyms = options.synonyms ?? [...TIME_SYNONYMS, ...vensimUnitSynonyms(ir.settings), ...(ir.unitSynonyms ?? [])];
  const aliases = { ...synonymAliases(synonyms), ...(options.aliases ?? {}) };
  const units = declaredUnits(ir, aliases);
  const time = parseUnits(options.timeUnit ?? modelTimeUnit(ir) ?? 'Year', aliases);
  const issues: UnitIssue[] = [];
  for (const eq of ir.equations as Equation[]) {
    if (!eq.expr || eq.kind === 'lookup' || eq.expr.kind === 'list') continue;
    // A constant's units are whatever its declaration says.
    if (eq.expr.kind === 'num' || (eq.expr.kind === 'unary' && eq.expr.arg.kind === 'num')) continue;
    const declared = units.get(eq.lhs.name);
    if (declared === undefined) continue;
    const ctx: Ctx = { units, time, issues, variable: eq.lhs.display, aliases };
    const got = infer(eq.expr, ctx);
    if (eq.expr.kind === 'call' && eq.expr.fn === 'INTEG' && eq.expr.args[1]) {
      const init = infer(eq.expr.args[1], ctx);
      if (init !== ANY && !sameDim(init, declared)) report(ctx, eq.loc, { en: `initial value in ${formatDim(init)}, stock in ${formatDim(declared)}`, es: `valor inicial en ${formatDim(init)}, nivel en ${formatDim(declared)}` });
    }
    if (got !== ANY && !sameDim(got, declared)) report(ctx, eq.loc, { en: `equation gives ${formatDim(got)}, declared ${formatDim(declared)}`, es: `la ecuación da ${formatDim(got)}, declarado ${formatDim(declared)}` });
  }
  return issues;
}

/** The unit issues as located warnings (`igem check --units`). */
export function unitDiagnostics(ir: ModelIR, options: UnitCheckOptions = {}): Diagnostic[] {
  return checkUnits(ir, options).map((i) => warningAt('W_UNITS', { en: `units of ${i.variable}: ${i.message}`, es: `unidades de ${i.variable}: ${i.messageEs}` }, i.loc));
}
