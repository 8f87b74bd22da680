/**
 * A dimensional-consistency check of a model's declared units (Vensim's Units Check, Stella's
 * Check Units): every equation's right-hand side must have the units written on its left-hand side (a
 * stock: its flows times the time unit), terms added, subtracted, compared or joined by MIN/MAX/IF
 * must agree, and EXP/LN arguments must be dimensionless.
 *
 * Names that differ only by scale may map to one dimension through `aliases` (TWh and MWh are both
 * energy), since models convert between them with numeric factors. A number written in an equation
 * takes the units its place needs in a sum or comparison and is a pure factor in a product
 * (units-terms.ts). An exponent that is not a plain number makes the result unknown unless the base
 * is dimensionless; unknown units are not checked further (as for the Cobb-Douglas production
 * function). Units text that cannot be read is reported where it is declared.
 */
import type { Equation, Expr, ModelIR } from '../ir/model.js';
import { BUILTINS } from '../ir/builtins.js';
import { warningAt, type Diagnostic } from '../ir/diagnostics.js';
import { formatDim, parseUnits, power, sameDim, unitKey, UnitSyntaxError, type Dim, type UnitSpelling } from './units-dim.js';
import { agree, ANY, asDim, divide, flexible, multiply, NUM, report, type Ctx, type Inferred, type UnitIssue } from './units-terms.js';
import { callUnits } from './units-functions.js';

export { formatDim, parseUnits, sameDim, type Dim } from './units-dim.js';
export type { UnitIssue } from './units-terms.js';

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

/** What the check looked at and what it found. */
export interface UnitCheckResult {
  /** Equations with declared units and a formula (not a plain number) whose units were checked. */
  checked: number;
  issues: UnitIssue[];
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

/**
 * Aliases, by key, that send every synonym to one name of its group. Groups that share a name
 * are one group (Vensim's Day/Days and an XMILE file's Days/Day), so no alias leads in a circle.
 */
function synonymAliases(groups: string[][]): Record<string, string> {
  const parent = new Map<string, string>();
  const head = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const spelled = new Map<string, string>();
  for (const g of groups) {
    const root = head(unitKey(g[0]!));
    parent.set(root, root);
    for (const name of g) {
      const k = unitKey(name);
      if (!spelled.has(k)) spelled.set(k, name);
      const r = head(k);
      if (r !== root) parent.set(r, root);
    }
  }
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const k of spelled.keys()) {
    const r = head(k);
    if (r !== k) out[k] = spelled.get(r)!;
  }
  return out;
}

/** The declared units text without a range (`Month [0,?]`, `Dmnl [0,1,0.1]`) or `{comments}` (Vensim comments go anywhere). */
const unitsText = (units: string): string => units.replace(/\{[^}]*\}/g, ' ').replace(/\[.*$/, '').trim();

/** The time unit a model declares: the units of TIME STEP, INITIAL TIME or FINAL TIME. */
export function modelTimeUnit(ir: ModelIR): string | undefined {
  for (const name of ['time step', 'initial time', 'final time']) {
    const eq = ir.equations.find((e) => e.lhs.name === name && unitsText(e.units) !== '');
    if (eq) return unitsText(eq.units);
  }
  return undefined;
}

function infer(e: Expr, ctx: Ctx): Inferred {
  switch (e.kind) {
    case 'num':
      return e.value === 0 ? ANY : NUM;
    case 'str':
    case 'na':
    case 'list':
    case 'lookup':
      return null;
    case 'ref':
      if (e.name === 'time') return ctx.time;
      return ctx.units.get(e.name) ?? null;
    case 'apply':
      // A lookup: its output has the lookup's declared units; its argument is not constrained.
      for (const a of e.args) infer(a, ctx);
      return ctx.units.get(e.name) ?? null;
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
          return multiply(l, r);
        case '/':
          return divide(l, r);
        case '^': {
          const rd = asDim(r);
          if (rd !== null && rd.size > 0) report(ctx, e.loc, { en: `exponent has units ${formatDim(rd)}`, es: `el exponente tiene unidades ${formatDim(rd)}` });
          if (flexible(l)) return l;
          if (l !== null && l.size === 0) return new Map();
          const p = e.right.kind === 'num' ? e.right.value : e.right.kind === 'unary' && e.right.op === '-' && e.right.arg.kind === 'num' ? -e.right.arg.value : NaN;
          return power(l, p);
        }
        case 'and':
        case 'or':
          return new Map();
        default:
          agree(ctx, { en: `comparison '${e.op}'`, es: `comparación '${e.op}'` }, e.loc, [l, r]);
          return new Map();
      }
    }
    case 'call':
      return callUnits(e, e.args.map((a) => infer(a, ctx)), ctx);
  }
}

/** Each variable's declared units; a text that is not units is reported and left unchecked. */
function declaredUnits(ir: ModelIR, aliases: Record<string, string>, spelling: UnitSpelling, issues: UnitIssue[]): Map<string, Dim> {
  const first = new Map<string, Equation>();
  for (const eq of ir.equations) if (unitsText(eq.units) !== '' && !first.has(eq.lhs.name)) first.set(eq.lhs.name, eq);
  const out = new Map<string, Dim>();
  for (const [name, eq] of first) {
    try {
      out.set(name, parseUnits(unitsText(eq.units), aliases, 0, spelling));
    } catch (err) {
      if (!(err instanceof UnitSyntaxError)) throw err;
      issues.push({ variable: eq.lhs.display, message: `cannot read the units ${err.text.en}`, messageEs: `no se pueden leer las unidades ${err.text.es}`, loc: eq.loc });
      out.set(name, null);
    }
  }
  return out;
}

/**
 * A constant: a number, an expression of numbers only (`20/1000`), or values read from a file
 * (GET DIRECT/XLS …); its units are whatever it declares.
 */
function isConstant(e: Expr): boolean {
  if (e.kind === 'num') return true;
  if (e.kind === 'call') return BUILTINS.get(e.fn)?.data === true;
  if (e.kind === 'unary') return isConstant(e.arg);
  if (e.kind === 'binary') return isConstant(e.left) && isConstant(e.right);
  return false;
}

export function unitCheck(ir: ModelIR, options: UnitCheckOptions = {}): UnitCheckResult {
  const synonyms = options.synonyms ?? [...TIME_SYNONYMS, ...vensimUnitSynonyms(ir.settings), ...(ir.unitSynonyms ?? [])];
  const aliases: Record<string, string> = { ...synonymAliases(synonyms) };
  for (const [name, target] of Object.entries(options.aliases ?? {})) aliases[unitKey(name)] = target;
  const spelling: UnitSpelling = new Map();
  const issues: UnitIssue[] = [];
  const units = declaredUnits(ir, aliases, spelling, issues);
  let time: Dim;
  try {
    time = parseUnits(options.timeUnit ?? modelTimeUnit(ir) ?? 'Year', aliases, 0, spelling);
  } catch {
    time = null; // already reported with TIME STEP's declaration
  }
  let checked = 0;
  for (const eq of ir.equations) {
    if (!eq.expr || eq.kind === 'lookup' || eq.expr.kind === 'list' || isConstant(eq.expr)) continue;
    const declared = units.get(eq.lhs.name);
    if (declared === undefined) continue;
    checked++;
    const ctx: Ctx = { units, time, issues, variable: eq.lhs.display };
    const stock = eq.expr.kind === 'call' && eq.expr.fn === 'INTEG' && eq.expr.args.length === 2 ? eq.expr.args : undefined;
    // A stock: the rate times the time unit, and an initial value in the stock's units.
    const got = stock ? callUnits(eq.expr as Extract<Expr, { kind: 'call' }>, [infer(stock[0]!, ctx), NUM], ctx) : infer(eq.expr, ctx);
    if (stock) {
      const init = infer(stock[1]!, ctx);
      if (!flexible(init) && !sameDim(init, declared)) report(ctx, eq.loc, { en: `initial value in ${formatDim(init)}, stock in ${formatDim(declared)}`, es: `valor inicial en ${formatDim(init)}, nivel en ${formatDim(declared)}` });
    }
    if (!flexible(got) && !sameDim(got, declared)) report(ctx, eq.loc, { en: `equation gives ${formatDim(got)}, declared ${formatDim(declared)}`, es: `la ecuación da ${formatDim(got)}, declarado ${formatDim(declared)}` });
  }
  return { checked, issues };
}

export function checkUnits(ir: ModelIR, options: UnitCheckOptions = {}): UnitIssue[] {
  return unitCheck(ir, options).issues;
}

/** The unit issues as located warnings (`igem check --units`). */
export function unitDiagnostics(ir: ModelIR, options: UnitCheckOptions = {}): Diagnostic[] {
  return checkUnits(ir, options).map((i) => warningAt('W_UNITS', { en: `units of ${i.variable}: ${i.message}`, es: `unidades de ${i.variable}: ${i.messageEs}` }, i.loc));
}
