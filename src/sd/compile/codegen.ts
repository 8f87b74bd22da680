/**
 * Generates one JavaScript program per model: straight-line code over a flat Float64Array `v`
 * (one slot per scalar node), split into functions of bounded size so V8 optimises each.
 * The program is built once; runs reuse it with new parameter values.
 */
import { CONVEYOR_ARGS } from '../ir/builtins.js';
import { ModelError } from '../ir/diagnostics.js';
import { initDependencies, refsOf, samplesAtInit, stepDependencies, type ExprRefs, type Ordering } from '../analyze/order.js';
import { QUEUE_KIND } from '../analyze/queue.js';
import { DEPRECIATION_KIND } from '../analyze/depreciate.js';
import { eulerOrder } from './euler-order.js';
import { ShapeCoder } from './template-shape.js';
import type { LookupData, NodeKind, ScalarModel, ScalarNode, SExpr } from '../analyze/scalar-model.js';
import { lookupChain } from './lookup-chain.js';
import { loopOf } from './loop-rewrites.js';

export interface GeneratedProgram {
  /**
   * Body of `new Function('K', body)`, returning { init, step, rates, post, euler }, each taking the
   * runtime `R` last; `K` is `tables`. `rates` fills `d` (for Runge-Kutta); `euler` does Euler's
   * update, in place where the order allows (see euler-order.ts).
   */
  source: string;
  /** Index tables for the loops that evaluate the elements of an array equation together. */
  tables: (Int32Array | Float64Array)[];
  /** Number of delay buffers the runtime must provide. */
  delayCount: number;
  /** Node id of each delay buffer. */
  delayNodes: number[];
  /** Node id of each XMILE conveyor's outflow (its belt's index is its position here). */
  beltNodes: number[];
}

const CHUNK = 200;
/**
 * Characters of generated code per function (see `chunked`). TurboFan's working memory grows with
 * the function it optimises: at 8,000 the 10,000-equation model's first runs peaked at 130-140 MB
 * (max RSS, fresh process), at 2,000 at 124-126 MB, its run time and Earth4All's and FeliX's the same.
 */
const CHUNK_CHARS = 2000;
/**
 * Calls into the runtime per function (see `chunked`). TurboFan inlines a callee only while the
 * caller's inlined bytecode stays under a budget (920 bytes in Node 20; `R.lookup` alone is 200),
 * and a call it does not inline returns each number boxed on the heap.
 */
const CHUNK_CALLS = 4;

const MATH1: Record<string, string> = {
  ABS: 'Math.abs', SQRT: 'Math.sqrt', EXP: 'Math.exp', LN: 'Math.log', SIN: 'Math.sin', COS: 'Math.cos',
  TAN: 'Math.tan', ARCSIN: 'Math.asin', ARCCOS: 'Math.acos', ARCTAN: 'Math.atan', SINH: 'Math.sinh',
  COSH: 'Math.cosh', TANH: 'Math.tanh', INTEGER: 'Math.trunc', INT: 'Math.trunc', GAME: '',
};

const RUNTIME_CALLS: Record<string, string> = {
  MODULO: 'R.modulo', QUANTUM: 'R.quantum', LOG: 'R.log', XIDZ: 'R.xidz', ZIDZ: 'R.zidz', SAFEDIV: 'R.safediv',
  'RANDOM UNIFORM': 'R.randomUniform', 'RANDOM NORMAL': 'R.randomNormal', 'RANDOM 0 1': 'R.random01',
  'RANDOM EXPONENTIAL': 'R.randomExponential', 'RANDOM POISSON': 'R.randomPoisson', 'RANDOM LOGNORMAL': 'R.randomLognormal',
  'RANDOM TRIANGULAR': 'R.randomTriangular', 'RANDOM PINK NOISE': 'R.randomPinkNoise', 'RANDOM GAMMA': 'R.randomGamma',
  'RANDOM BETA': 'R.randomBeta', 'RANDOM BINOMIAL': 'R.randomBinomial', 'RANDOM WEIBULL': 'R.randomWeibull',
  'RANDOM NEGATIVE BINOMIAL': 'R.randomNegativeBinomial', 'RANDOM LOOKUP': 'R.randomLookup',
};

/** How references, literals and lookups are printed: concrete, or as placeholders for a loop template. */
export interface Printer {
  ref(id: number): string;
  num(v: number): string;
  int(v: number): string;
  /** A normal lookup of table number `table` (printed as `tableText`) at the printed input `x`. */
  lookup(table: number, tableText: string, x: string): string;
}

function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '(-Infinity)';
  return v < 0 || Object.is(v, -0) ? `(${v})` : String(v);
}

/** The generic lookup call, searching the run's table. */
const lookupCall = (tableText: string, x: string) => `R.lookup(${tableText}, ${x})`;

export const CONCRETE: Printer = { ref: (id) => `v[${id}]`, num, int: (v) => String(v), lookup: (_, tableText, x) => lookupCall(tableText, x) };

export function expr(e: SExpr, P: Printer = CONCRETE): string {
  // Recursion calls expr directly: a helper closure per call was most of code generation's garbage.
  switch (e.k) {
    case 'num':
      return P.num(e.v);
    case 'ref':
      return P.ref(e.id);
    case 'time':
      return 'time';
    case 'dt':
      return 'dt';
    case 'un':
      return e.op === '-' ? `(-${expr(e.a, P)})` : `(${expr(e.a, P)} === 0 ? 1 : 0)`;
    case 'bin': {
      const a = expr(e.a, P);
      const b = expr(e.b, P);
      switch (e.op) {
        case '+':
        case '-':
        case '*':
        case '/':
          return `(${a} ${e.op} ${b})`;
        case '^':
          return `Math.pow(${a}, ${b})`;
        case '=':
          return `(${a} === ${b} ? 1 : 0)`;
        case '<>':
          return `(${a} !== ${b} ? 1 : 0)`;
        case '<':
        case '>':
        case '<=':
        case '>=':
          return `(${a} ${e.op} ${b} ? 1 : 0)`;
        case 'and':
          return `(${a} !== 0 && ${b} !== 0 ? 1 : 0)`;
        case 'or':
          return `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`;
        default:
          throw new Error(`unknown operator ${e.op}`);
      }
    }
    case 'lookup': {
      // The table's hole before the input's: the order ShapeCoder records hole values in.
      const table = P.int(e.table);
      const x = expr(e.x, P);
      return e.mode === 'normal' ? P.lookup(e.table, table, x) : `R.lookup_${e.mode}(${table}, ${x})`;
    }
    case 'vec': {
      const vecs = e.vecs.map((v) => `[${v.map((a) => expr(a, P)).join(', ')}]`);
      const owner = e.owner === undefined ? '' : `, ${P.int(e.owner)}, time`;
      return `R.vector(${JSON.stringify(e.fn)}, [${vecs.join(', ')}], [${e.scalars.map((a) => expr(a, P)).join(', ')}], ${P.int(e.index)}${owner})`;
    }
    case 'call': {
      if (e.fn === 'QUEUE AGE IN RANGE') {
        // The queue is named by its node (-1, not a queue, gives :NA:); its content is in the runtime.
        const q = e.args[0]!;
        return `R.queueAgeInRange(${q.k === 'ref' ? P.int(q.id) : '-1'}, ${expr(e.args[1]!, P)}, ${expr(e.args[2]!, P)})`;
      }
      const args = e.args.map((a) => expr(a, P));
      return call(e.fn, args);
    }
  }
}

function call(fn: string, a: string[]): string {
  if (fn in MATH1) return MATH1[fn] ? `${MATH1[fn]}(${a[0]})` : `(${a[0]})`;
  if (fn in RUNTIME_CALLS) return `${RUNTIME_CALLS[fn]}(${a.join(', ')})`;
  switch (fn) {
    case 'IF THEN ELSE':
      return `(${a[0]} !== 0 ? ${a[1]} : ${a[2]})`;
    case 'MIN':
      return `Math.min(${a.join(', ')})`;
    case 'MAX':
      return `Math.max(${a.join(', ')})`;
    case 'POWER':
      return `Math.pow(${a[0]}, ${a[1]})`;
    case 'STEP':
      return `R.step(R.heldTime, dt, ${a[0]}, ${a[1]})`;
    case 'RAMP':
      return `R.ramp(R.heldTime, dt, ${a[0]}, ${a[1]}, ${a[2]})`;
    case 'PULSE':
      return `R.pulse(R.heldTime, dt, ${a[0]}, ${a[1]})`;
    case 'PULSE TRAIN':
      return `R.pulseTrain(R.heldTime, dt, ${a[0]}, ${a[1]}, ${a[2]}, ${a[3]})`;
    case 'GET TIME VALUE':
      return `R.getTimeValue(time, ${a[0]}, ${a[1]}, ${a[2]})`;
    case 'GET DATA AT TIME':
      return `R.dataAt(${a[0]}, ${a[1]})`;
    case 'GET DATA BETWEEN TIMES':
      return `R.dataBetween(${a[0]}, ${a[1]}, ${a[2]})`;
    case 'GET DATA MAX':
    case 'GET DATA MIN':
    case 'GET DATA MEAN':
      return `R.dataStat(${a[0]}, '${fn.slice(9).toLowerCase()}', ${a[1]}, ${a[2]})`;
    default:
      throw ModelError.at('E_UNSUPPORTED', { en: `function ${fn} is not supported by the compiler`, es: `el compilador no admite la función ${fn}` });
  }
}

/** Whether character code `c` is one that /\w/ matches: A-Z, a-z, 0-9 or _. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Call sites of runtime functions in a statement (`R.name(`; an inline lookup also reads `R.lx[t]`). */
function runtimeCalls(st: string): number {
  let n = 0;
  for (let at = st.indexOf('R.'); at >= 0; at = st.indexOf('R.', at + 2)) {
    let end = at + 2;
    while (end < st.length && isWordChar(st.charCodeAt(end))) end++;
    if (st[end] === '(') n++;
  }
  return n;
}

/**
 * Splits statements into functions of at most CHUNK statements and about CHUNK_CHARS characters.
 * Size counts, not only statements: one statement may be a loop over an array or a SUM of a
 * hundred terms, and V8 optimises a large function late (TurboFan took seconds on the
 * 10,000-equation model's single 60 KB step function) while the run goes on in unoptimised code
 * that allocates a heap number per intermediate value.
 */
function chunked(name: string, params: string, statements: string[]): string {
  const groups: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  let callSites = 0;
  for (const st of statements) {
    const c = runtimeCalls(st);
    if (current.length > 0 && (current.length >= CHUNK || chars + st.length > CHUNK_CHARS || callSites + c > CHUNK_CALLS)) {
      groups.push(current);
      current = [];
      chars = 0;
      callSites = 0;
    }
    current.push(st);
    chars += st.length;
    callSites += c;
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  if (groups.length === 1) return `function ${name}(${params}) {\n${groups[0]!.join('\n')}\n}\n`;
  const parts: string[] = [];
  const calls: string[] = [];
  groups.forEach((g, k) => {
    const part = `${name}_${k}`;
    parts.push(`function ${part}(${params}) {\n${g.join('\n')}\n}\n`);
    calls.push(`${part}(${params});`);
  });
  return parts.join('') + `function ${name}(${params}) {\n${calls.join('\n')}\n}\n`;
}


/**
 * A statement as a template: placeholders for the references and literals that differ from
 * element to element, so the elements of an array equation can share one loop.
 */
interface Template {
  text: string;
  /** Placeholder classes in order of appearance, one character each: r(ef), n(um), i(nt). */
  kinds: string;
  /** Placeholder values, in the same order (flat numbers: tuples per hole weighed on memory). */
  values: number[];
  group: string;
  /**
   * Prints the statement again with another printer; set when it holds a normal lookup, which a
   * statement outside a loop prints through its table's chain of constants (Emitter.inlined).
   */
  print?: (P: Printer) => string;
  /**
   * Set by the builders of one plain statement, `slot = expression;` or `slot += expression;`
   * (plainTemplate): only such a body may be taken apart by a loop rewrite (loop-rewrites.ts).
   */
  plain?: true;
  /**
   * Statements with equal keys may share a loop: one number per distinct (group, text, kinds),
   * interned by KEYS, ordered as the three strings compare in turn (see compareKeys).
   */
  key: number;
}

/**
 * Interns (group, text, kinds) triples as numbers. Nested Maps hash the text itself, which a
 * later fill or loop reads anyway; one joined key string per statement was a flat copy of every
 * statement's text, made only to be hashed.
 */
class KeyInterner {
  private readonly byGroup = new Map<string, Map<string, Map<string, number>>>();
  readonly triples: [string, string, string][] = [];
  key(group: string, text: string, kinds: string): number {
    let byText = this.byGroup.get(group);
    if (!byText) this.byGroup.set(group, (byText = new Map()));
    let byKinds = byText.get(text);
    if (!byKinds) byText.set(text, (byKinds = new Map()));
    let k = byKinds.get(kinds);
    if (k === undefined) {
      k = this.triples.length;
      byKinds.set(kinds, k);
      this.triples.push([group, text, kinds]);
    }
    return k;
  }

  /** Plain assignments printed so far, by group then expression shape (see assignTemplate). */
  readonly assignments = new Map<string, Map<string, Template>>();
  readonly shapes = new ShapeCoder();
  /**
   * By node id, its last plain assignment and the expression it assigns. Made at the model's size:
   * grown by stores at ids in statement order, far past their end, they went to dictionary mode
   * (a hash look-up per statement; a tenth of MEDEAS's code generation).
   */
  readonly assigned: (Template | undefined)[];
  readonly assignedExpr: (SExpr | undefined)[];

  constructor(nodes = 0) {
    this.assigned = new Array<Template | undefined>(nodes);
    this.assignedExpr = new Array<SExpr | undefined>(nodes);
  }
  /** False: every statement printed in full (tests compare the two ways). */
  byShape = true;
}

let KEYS = new KeyInterner();

/**
 * Key order: group, then text, then kinds, each as `<` compares strings; the order of the strings
 * `${group}\0${text}\0${kinds}` (no part holds a \0), which keys were before they were interned.
 */
function compareKeys(a: number, b: number): number {
  if (a === b) return 0;
  const x = KEYS.triples[a]!;
  const y = KEYS.triples[b]!;
  for (let p = 0; p < 3; p++) if (x[p] !== y[p]) return x[p]! < y[p]! ? -1 : 1;
  return 0;
}

// Placeholders use control characters because they never occur in generated code: hole k is
// written \u0001k\u0002.

/**
 * `text` with each hole replaced by `hole(k)`. Scanned here, not by a global regex replace, which
 * called its callback from the runtime once per hole (MEDEAS: 50,000 statements) and made a match
 * and a capture string each time; the pieces are joined once (a chain of concatenations was
 * slower than the replace).
 */
function fillHoles(text: string, hole: (k: number) => string): string {
  let from = 0;
  const parts: string[] = [];
  for (let at = text.indexOf('\u0001'); at >= 0; at = text.indexOf('\u0001', at + 1)) {
    let end = at + 1;
    let k = 0;
    for (let c = text.charCodeAt(end); c >= 48 && c <= 57; c = text.charCodeAt(++end)) k = k * 10 + (c - 48);
    if (end === at + 1 || text.charCodeAt(end) !== 2) continue;
    parts.push(text.slice(from, at), hole(k));
    from = end + 1;
    at = end;
  }
  if (from === 0) return text;
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * Records each hole's class and value while a template is printed. One printer serves every
 * template in turn (templates are printed one at a time): a printer of four closures per statement
 * was a large share of code generation's garbage on 70,000 statements.
 */
class TemplatePrinter implements Printer {
  kinds = '';
  values: number[] = [];
  /** Whether the template holds a normal lookup. */
  lookups = false;
  private hole(c: 'r' | 'n' | 'i', v: number): string {
    this.kinds += c;
    this.values.push(v);
    return `\u0001${this.values.length - 1}\u0002`;
  }
  ref(id: number): string {
    return this.hole('r', id);
  }
  num(v: number): string {
    return this.hole('n', v);
  }
  int(v: number): string {
    return this.hole('i', v);
  }
  lookup(_: number, tableText: string, x: string): string {
    this.lookups = true;
    return lookupCall(tableText, x);
  }
}

const PRINTER = new TemplatePrinter();

function template(group: string, build: (P: Printer) => string): Template {
  PRINTER.kinds = '';
  PRINTER.values = [];
  PRINTER.lookups = false;
  const text = build(PRINTER);
  const { kinds, values } = PRINTER;
  return { text, kinds, values, group, key: KEYS.key(group, text, kinds), print: PRINTER.lookups ? build : undefined };
}

/** A template of one plain statement, which loop rewrites may take apart (Template.plain). */
function plainTemplate(group: string, build: (P: Printer) => string): Template {
  const t = template(group, build);
  t.plain = true;
  return t;
}

/**
 * `slot = expression;`, the statement of most nodes. Its text is printed once per group and
 * expression shape; later statements of that shape take the first one's text, kinds and key with
 * their own hole values (the slot's, then the expression's, as the printer would record them).
 */
function assignTemplate(n: ScalarNode, e: SExpr, group: string): Template {
  if (!KEYS.byShape) return printAssignment(n, e, group);
  // Init and step print most nodes alike: the second asks for the template the first made.
  const last = KEYS.assigned[n.id];
  if (last && KEYS.assignedExpr[n.id] === e && last.group === group) return last;
  const t = shapedAssignment(n, e, group);
  KEYS.assigned[n.id] = t;
  KEYS.assignedExpr[n.id] = e;
  return t;
}

function shapedAssignment(n: ScalarNode, e: SExpr, group: string): Template {
  const shape = KEYS.shapes.shape(e, n.id);
  if (shape === undefined) return printAssignment(n, e, group);
  let byShape = KEYS.assignments.get(group);
  if (!byShape) KEYS.assignments.set(group, (byShape = new Map()));
  const first = byShape.get(shape);
  // Equal shapes hold the same lookups: this statement's own printing when the first's has one.
  if (first) return { text: first.text, kinds: first.kinds, values: KEYS.shapes.values(), group, key: first.key, print: first.print && assignment(n, e), plain: first.plain };
  const t = printAssignment(n, e, group);
  byShape.set(shape, t);
  return t;
}

function printAssignment(n: ScalarNode, e: SExpr, group: string): Template {
  return plainTemplate(group, assignment(n, e));
}

function assignment(n: ScalarNode, e: SExpr): (P: Printer) => string {
  return (P) => `${P.ref(n.id)} = ${expr(e, P)};`;
}

function fill(t: Template): string {
  return fillHoles(t.text, (k) => {
    const c = t.kinds[k]!;
    const v = t.values[k]!;
    return c === 'r' ? `v[${v}]` : c === 'n' ? num(v) : String(v);
  });
}

/** Smallest group of same-shaped consecutive statements worth a loop. */
const MIN_LOOP = 4;

/** Concrete printing with each normal lookup of a table that suits one as its chain (Emitter.inlined). */
class ChainPrinter implements Printer {
  /** Lookups printed as chains since this was last set to 0. */
  chains = 0;
  constructor(private readonly chainOf: (t: number) => { guard: string; chain: string } | undefined) {}
  readonly ref = CONCRETE.ref;
  readonly num = CONCRETE.num;
  readonly int = CONCRETE.int;
  lookup(table: number, tableText: string, x: string): string {
    const inline = this.chainOf(table);
    if (inline === undefined) return lookupCall(tableText, x);
    this.chains++;
    return `(x = ${x}, ${inline.guard} ? (${inline.chain}) : R.lookup(${table}, x))`;
  }
}

class Emitter {
  readonly tables: (Int32Array | Float64Array)[] = [];
  /** Index in `tables` of each lookup table an inline lookup compares against. */
  private readonly tableIndex = new Map<Float64Array, number>();

  private readonly printer: ChainPrinter;

  constructor(private readonly lookups: readonly LookupData[]) {
    this.printer = new ChainPrinter((t) => this.chainOf(t));
  }

  /** Statements in order; runs of equal keys become loops over index tables. */
  emit(ts: Template[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < ts.length; ) {
      let j = i + 1;
      while (j < ts.length && ts[j]!.key === ts[i]!.key) j++;
      if (j - i >= MIN_LOOP && !ts[i]!.group.startsWith('!')) out.push(this.loop(ts.slice(i, j)));
      else for (let k = i; k < j; k++) out.push(ts[k]!.print ? this.inlined(ts[k]!.print!) : fill(ts[k]!));
      i = j;
    }
    return out;
  }

  /** `K<n>`, the name under which generated code sees `table`. */
  private constant(table: Float64Array): string {
    let k = this.tableIndex.get(table);
    if (k === undefined) {
      k = this.tables.push(table) - 1;
      this.tableIndex.set(table, k);
    }
    return `K${k}`;
  }

  /**
   * A statement outside a loop with each normal lookup of a small ascending table as its chain of
   * constants (compile/lookup-chain.ts): `R.lookup` searched the table and read four of its entries
   * each time, about a quarter of Earth4All's run for its 36 lookups per step. The chain is taken
   * while the run has the model's own table (a run that overrides the lookup has other arrays and
   * takes `R.lookup`). Each lookup is printed where the expression has it, as
   * `(x = input, own table ? chain : R.lookup(t, x))`: one `x` serves every lookup of the statement,
   * since each one's chain reads it only after its input (with any lookup inside) is computed.
   */
  private inlined(print: (P: Printer) => string): string {
    this.printer.chains = 0;
    const text = print(this.printer);
    return this.printer.chains > 0 ? `{ let x; ${text} }` : text;
  }

  /**
   * Table `t` as a chain of constants on `x`, with the test that the run has the model's own
   * table (a run that overrides the lookup has other arrays); undefined when it does not suit one.
   */
  private chainOf(t: number): { guard: string; chain: string } | undefined {
    const table = this.lookups[t];
    const chain = table ? lookupChain(table.x, table.y, 'x') : undefined;
    if (chain === undefined) return undefined;
    return { guard: `R.lx[${t}] === ${this.constant(table!.x)} && R.ly[${t}] === ${this.constant(table!.y)}`, chain };
  }

  private loop(group: Template[]): string {
    const first = group[0]!;
    const m = group.length;
    const text = fillHoles(first.text, (k) => {
      const c = first.kinds[k]!;
      const v0 = first.values[k]!;
      // Loops, not every() with a closure: this runs for every hole of every loop's members.
      let same = true;
      for (let idx = 0; idx < m && same; idx++) same = group[idx]!.values[k] === v0;
      if (same) return c === 'r' ? `v[${v0}]` : c === 'n' ? num(v0) : String(v0);
      if (c !== 'n') {
        // Elements of one variable usually sit at evenly spaced slots: index arithmetic, no table.
        const step = group[1]!.values[k]! - v0;
        let even = true;
        for (let idx = 0; idx < m && even; idx++) even = group[idx]!.values[k] === v0 + idx * step;
        if (even) {
          const at = step === 1 ? `${v0} + i` : `${v0} + ${step} * i`;
          return c === 'r' ? `v[${at}]` : `(${at})`;
        }
      }
      const table = c === 'n' ? new Float64Array(m) : new Int32Array(m);
      for (let idx = 0; idx < m; idx++) table[idx] = group[idx]!.values[k]!;
      this.tables.push(table);
      // A named constant per table keeps each load monomorphic (K mixes Int32 and Float64 arrays).
      const name = `K${this.tables.length - 1}`;
      return c === 'r' ? `v[${name}[i]]` : `${name}[i]`;
    });
    return loopOf(text, first.plain === true, group, m, (t) => this.chainOf(t));
  }
}

/**
 * Orders independent statements by dependency level, then by key, so equal shapes sit together.
 * Levels and key ranks are numbers in arrays: comparing the long key strings inside the sort
 * dominated code generation for 70,000 nodes. Each loop over the statements is a function of its
 * own: this runs once per program, cold, and V8 compiled one function of six hot loops again for
 * each loop it reached (on-stack replacement, then a deoptimisation at the next loop's code that
 * had not run yet: seven TurboFan compilations of byLevel on MEDEAS).
 */
function byLevel(ids: number[], deps: (id: number) => number[], key: (id: number) => number): number[] {
  // Index loops, not for-of: code generation runs once per process, mostly before V8 optimises
  // it, and unoptimised for-of makes an iterator result per element (MEDEAS: 26 MB of garbage here).
  const top = largest(ids);
  const level = dependencyLevels(ids, deps, top);
  const keys = keysOf(ids, key);
  const { rankOf, ranks } = keyRanks(keys);
  const base = top + 1;
  const maxLevel = largest(level);
  if ((maxLevel + 1) * ranks * base > Number.MAX_SAFE_INTEGER) {
    const rank = new Int32Array(top + 1);
    for (let j = 0; j < ids.length; j++) rank[ids[j]!] = rankOf[keys[j]!]!;
    return [...ids].sort((a, b) => level[a]! - level[b]! || rank[a]! - rank[b]! || a - b);
  }
  return packedOrder(ids, level, keys, rankOf, ranks, base);
}

/** The largest entry, 0 for none larger. */
function largest(xs: ArrayLike<number>): number {
  let top = 0;
  for (let j = 0; j < xs.length; j++) if (xs[j]! > top) top = xs[j]!;
  return top;
}

/** Each statement's dependency level (0 without dependencies among `ids`), by id; -1 elsewhere. */
function dependencyLevels(ids: number[], deps: (id: number) => number[], top: number): Int32Array {
  const n = ids.length;
  const level = new Int32Array(top + 1).fill(-1);
  for (let j = 0; j < n; j++) level[ids[j]!] = 0;
  for (let j = 0; j < n; j++) {
    const id = ids[j]!;
    const ds = deps(id);
    let l = 0;
    for (let q = 0; q < ds.length; q++) {
      const d = ds[q]!;
      const ld = d <= top ? level[d]! : -1;
      if (ld >= 0 && ld + 1 > l) l = ld + 1;
    }
    level[id] = l;
  }
  return level;
}

function keysOf(ids: number[], key: (id: number) => number): Int32Array {
  const n = ids.length;
  const keys = new Int32Array(n);
  for (let j = 0; j < n; j++) keys[j] = key(ids[j]!);
  return keys;
}

/**
 * Rank of each key in key order, equal keys sharing a rank, by key (-1 for keys not in `keys`).
 * Keys are small numbers (interned): ranks by key in an array, not a Set and a Map of them.
 */
function keyRanks(keys: Int32Array): { rankOf: Int32Array; ranks: number } {
  const n = keys.length;
  let topKey = 0;
  for (let j = 0; j < n; j++) if (keys[j]! > topKey) topKey = keys[j]!;
  const rankOf = new Int32Array(topKey + 1).fill(-1);
  const distinct: number[] = [];
  for (let j = 0; j < n; j++) {
    if (rankOf[keys[j]!] === -1) {
      rankOf[keys[j]!] = 0;
      distinct.push(keys[j]!);
    }
  }
  distinct.sort(compareKeys);
  for (let r = 0; r < distinct.length; r++) rankOf[distinct[r]!] = r;
  return { rankOf, ranks: distinct.length };
}

/**
 * One number per id, (level, rank, id) in place value, sorted natively: the same order as
 * comparing the three in turn, without a comparator call per comparison.
 */
function packedOrder(ids: number[], level: Int32Array, keys: Int32Array, rankOf: Int32Array, ranks: number, base: number): number[] {
  const n = ids.length;
  const packed = new Float64Array(n);
  for (let j = 0; j < n; j++) packed[j] = (level[ids[j]!]! * ranks + rankOf[keys[j]!]!) * base + ids[j]!;
  packed.sort();
  const out = new Array<number>(n);
  for (let j = 0; j < n; j++) out[j] = packed[j]! % base;
  return out;
}

/**
 * `keep`: generate only these nodes (a set closed under dependencies, e.g. what some output
 * columns need); rates and the Euler update then follow the kept stocks in `o.stocks` order.
 * Delay buffers keep their numbering over the whole model, so one runtime suits either program.
 * `options.exprRefs`: orderModel's references for these nodes (filled in here where missing);
 * without them each expression is walked again.
 */
export function generate(
  m: ScalarModel,
  full: Ordering,
  keep?: (id: number) => boolean,
  options: { printEachStatement?: boolean; exprRefs?: ExprRefs } = {},
): GeneratedProgram {
  // Keys are interned per program; the interner is dropped after, so it keeps no model's text.
  KEYS = new KeyInterner(m.nodes.length);
  KEYS.byShape = !options.printEachStatement;
  try {
    return generateProgram(m, full, keep, options.exprRefs ?? new Array<number[] | undefined>(m.nodes.length));
  } finally {
    KEYS = new KeyInterner();
  }
}

function generateProgram(m: ScalarModel, full: Ordering, keep: ((id: number) => boolean) | undefined, refs: ExprRefs): GeneratedProgram {
  const o = keep ? { ...full, init: full.init.filter(keep), step: full.step.filter(keep), stocks: full.stocks.filter(keep) } : full;
  const nodes = m.nodes;
  const { delayIndex, delayNodes, beltNodes } = delaysAndBelts(nodes);
  // One group string per (variable, kind), made once: the interner hashes the same string object
  // (its hash kept) instead of a new concatenation per node. Kept by node id too: init and step
  // ask for most nodes' group, each a look-up in two Maps.
  const groups = new Map<string, Map<string, string>>();
  const groupOf = new Array<string | undefined>(nodes.length);
  const group = (n: ScalarNode): string => {
    let g = groupOf[n.id];
    if (g !== undefined) return g;
    let byKind = groups.get(n.varName);
    if (!byKind) groups.set(n.varName, (byKind = new Map()));
    g = byKind.get(n.kind);
    if (g === undefined) byKind.set(n.kind, (g = `${n.varName}|${n.kind}`));
    return (groupOf[n.id] = g);
  };
  const initT = initTemplatesOf(o.init, nodes, delayIndex, group);
  const stepT = stepTemplatesOf(o.step, nodes, delayIndex, group);
  // Each expression's references listed once for both sorts: a walk of every expression per sort
  // was most of their time on MEDEAS's 70,000 nodes. The ordering pass's lists when the caller passed them.
  const exprRefs = (id: number): number[] => (refs[id] ??= refsOf(m.nodes[id]!.expr));
  const initOrder = byLevel(o.init, (id) => initDependencies(m.nodes[id]!, exprRefs), (id) => initT[id]!.key);
  const stepOrder = byLevel(o.step, (id) => stepDependencies(m.nodes[id]!, exprRefs), (id) => stepT[id]!.key);

  const em = new Emitter(m.lookups);
  const initStmts = em.emit(initOrder.map((id) => initT[id]!));
  const stepStmts = em.emit(stepOrder.map((id) => stepT[id]!));
  const rateT = o.stocks.map((id, k) => plainTemplate(group(m.nodes[id]!), (P) => `d[${P.int(k)}] = ${expr(m.nodes[id]!.expr, P)};`));
  // Stock indices in the order of their rate templates' keys (ties keep the stock order).
  const rateOrder = o.stocks.map((_, k) => k).sort((a, b) => compareKeys(rateT[a]!.key, rateT[b]!.key) || a - b);
  const rateStmts = em.emit(rateOrder.map((k) => rateT[k]!));
  const drawsRandom = rateT.some((t) => t.text.includes('R.random'));
  const eulerStmts = em.emit(eulerTemplates(m, o.stocks, rateOrder, drawsRandom, group));
  const postT = postTemplates(nodes, keep, delayIndex, group);
  postT.sort((a, b) => compareKeys(a.key, b.key));
  const postStmts = em.emit(postT);
  const tableDecls = em.tables.map((_, k) => `const K${k} = K[${k}];`).join('\n');
  const source = [
    '"use strict";',
    tableDecls,
    chunked('init', 'v, time, dt, si, R', initStmts),
    chunked('step', 'v, time, dt, si, R', stepStmts),
    chunked('rates', 'v, d, time, dt, R', rateStmts),
    chunked('post', 'v, time, dt, si, R', postStmts),
    chunked('euler', 'v, d, time, dt, R', eulerStmts),
    'return { init, step, rates, post, euler };',
  ].join('\n');
  return { source, tables: em.tables, delayCount: delayNodes.length, delayNodes, beltNodes };
}

/**
 * Delay buffers (DELAY FIXED and history nodes) and conveyor belts numbered in node order, the
 * number of each by node id in one Map. The passes over the nodes of generateProgram are
 * functions of their own, each one loop: see byLevel.
 */
function delaysAndBelts(nodes: readonly ScalarNode[]): { delayIndex: Map<number, number>; delayNodes: number[]; beltNodes: number[] } {
  const delayIndex = new Map<number, number>();
  const delayNodes: number[] = [];
  const beltNodes: number[] = [];
  // Index loops over the nodes, not for-of: see byLevel.
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.kind === 'delay-fixed' || node.kind === 'history') {
      delayIndex.set(node.id, delayNodes.length);
      delayNodes.push(node.id);
    } else if (node.kind === 'conveyor') {
      delayIndex.set(node.id, beltNodes.length);
      beltNodes.push(node.id);
    }
  }
  return { delayIndex, delayNodes, beltNodes };
}

/**
 * The init templates by node id in an array (Maps built from [id, template] pairs allocated a pair
 * per node); stepTemplatesOf, the step's. Two functions, not one taking the builder: a second
 * builder made V8 drop the code it had optimised for the first.
 */
function initTemplatesOf(ids: readonly number[], nodes: readonly ScalarNode[], delayIndex: Map<number, number>, group: (n: ScalarNode) => string): Template[] {
  const out: Template[] = new Array<Template>(nodes.length);
  for (let j = 0; j < ids.length; j++) {
    const n = nodes[ids[j]!]!;
    out[n.id] = initTemplate(n, delayIndex, group(n));
  }
  return out;
}

function stepTemplatesOf(ids: readonly number[], nodes: readonly ScalarNode[], delayIndex: Map<number, number>, group: (n: ScalarNode) => string): Template[] {
  const out: Template[] = new Array<Template>(nodes.length);
  for (let j = 0; j < ids.length; j++) {
    const n = nodes[ids[j]!]!;
    out[n.id] = stepTemplate(n, delayIndex, group(n));
  }
  return out;
}

/** The statements after a step: delay pushes, then history pushes, then conveyor advances, each in node order. */
function postTemplates(nodes: readonly ScalarNode[], keep: ((id: number) => boolean) | undefined, delayIndex: Map<number, number>, group: (n: ScalarNode) => string): Template[] {
  const delays: Template[] = [];
  const histories: Template[] = [];
  const belts: Template[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const kind = node.kind;
    if ((kind !== 'delay-fixed' && kind !== 'history' && kind !== 'conveyor') || (keep && !keep(node.id))) continue;
    const k = delayIndex.get(node.id)!;
    if (kind === 'history') histories.push(template(group(node), (P) => `R.delayPush(${P.int(k)}, si, ${expr(node.expr, P)});`));
    else if (kind === 'conveyor') belts.push(template(group(node), (P) => `R.conveyorAdvance(${P.int(k)}, si, ${expr(node.expr, P)}, ${expr(node.args![0]!, P)}, time);`));
    else delays.push(delayPushTemplate(node, k, group(node)));
  }
  return [...delays, ...histories, ...belts];
}

function delayPushTemplate(node: ScalarNode, k: number, group: string): Template {
  const dynamicDelay = node.args?.[1]?.k === 'num' && node.args[1].v === 1;
  const material = node.args?.[1]?.k === 'num' && node.args[1].v === 2;
  if (isConveyorDelay(node)) return template(group, (P) => `R.conveyorDelayPush(${P.int(k)}, ${expr(node.expr, P)}, ${expr(node.args![2]!, P)});`);
  if (isDepreciation(node)) return template(group, (P) => `R.delayPush(${P.int(k)}, si, ${expr(node.expr, P)});`);
  if (isQueue(node)) return template(group, (P) => `R.queuePush(${P.int(k)}, ${expr(node.expr, P)}, ${expr(node.args![2]!, P)}, time);`);
  if (material) return template(group, (P) => `R.delayPushMaterial(${P.int(k)}, si, ${expr(node.expr, P)}, ${expr(node.args![0]!, P)});`);
  return template(group, (P) => `R.delayPush(${P.int(k)}, si, ${expr(node.expr, P)}${dynamicDelay ? `, ${expr(node.args![0]!, P)}` : ''});`);
}

/**
 * Euler's update `stock += dt × rate` for every stock, rates evaluated in place in the order
 * euler-order.ts gives (results identical to filling `d` first: each rate still reads the old value
 * of every stock). Rates that draw random numbers keep their order through `d`, as `rates` has it,
 * since reordering the draws would change them.
 */
function eulerTemplates(m: ScalarModel, stocks: number[], order: number[], drawsRandom: boolean, group: (n: ScalarNode) => string): Template[] {
  const update = (id: number, k: number) => plainTemplate(group(m.nodes[id]!), (P) => `${P.ref(id)} += dt * d[${P.int(k)}];`);
  const intoD = (id: number, k: number) => plainTemplate(group(m.nodes[id]!), (P) => `d[${P.int(k)}] = ${expr(m.nodes[id]!.expr, P)};`);
  if (drawsRandom) return [...order.map((k) => intoD(stocks[k]!, k)), ...stocks.map((id, k) => update(id, k))];
  // Positions in `order` (the rates' order, which keeps arrays together) stand for the stocks.
  const position = new Map<number, number>();
  order.forEach((k, p) => position.set(stocks[k]!, p));
  const reads = order.map((k) => {
    const out: number[] = [];
    for (const r of refsOf(m.nodes[stocks[k]!]!.expr)) {
      const p = position.get(r);
      if (p !== undefined) out.push(p);
    }
    return out;
  });
  const plan = eulerOrder(reads);
  const out: Template[] = [];
  for (const st of plan.steps) {
    const k = order[st.k]!;
    const id = stocks[k]!;
    out.push(st.deferred ? intoD(id, k) : plainTemplate(group(m.nodes[id]!), (P) => `${P.ref(id)} += dt * (${expr(m.nodes[id]!.expr, P)});`));
  }
  for (const p of plan.deferred) out.push(update(stocks[order[p]!]!, order[p]!));
  return out;
}

/** Kinds whose init and step statements call the runtime rather than assign `expr` (the others: assignTemplate). */
const RUNTIME_STATEMENTS: ReadonlySet<NodeKind> = new Set<NodeKind>(['history', 'conveyor', 'conveyor-leak', 'delay-fixed', 'data']);

function initTemplate(n: ScalarNode, delays: Map<number, number>, group: string): Template {
  if (n.kind === 'sample' && samplesAtInit(n)) {
    // Its value at the initial time (order.ts, samplesAtInit); the step at the initial time repeats it with the same values.
    return template(group, (P) => `if (${expr(n.args![0]!, P)} !== 0) ${P.ref(n.id)} = ${expr(n.args![1]!, P)}; else ${P.ref(n.id)} = ${expr(n.init!, P)};`);
  }
  if (n.kind === 'stock' || n.kind === 'active-initial' || n.kind === 'sample') return assignTemplate(n, n.init!, group);
  if (!RUNTIME_STATEMENTS.has(n.kind)) return assignTemplate(n, n.expr, group);
  return template(group, (P) => {
    const slot = P.ref(n.id);
    switch (n.kind) {
      case 'history':
        return `${slot} = R.historyInit(${P.int(delays.get(n.id)!)}, ${expr(n.expr, P)}, dt);`;
      case 'conveyor':
        return `${slot} = R.conveyorInit(${P.int(delays.get(n.id)!)}, ${expr(n.args![0]!, P)}, ${expr(n.args![1]!, P)}, dt, ${expr(n.args![2]!, P)}, ${fractions(n, P)}, ${zones(n, P)});`;
      case 'conveyor-leak':
        return conveyorLeak(n, delays, P);
      case 'delay-fixed':
        if (isConveyorDelay(n)) return `${slot} = R.conveyorDelayInit(${P.int(delays.get(n.id)!)}, ${expr(n.args![0]!, P)}, ${expr(n.init!, P)}, dt);`;
        if (isDepreciation(n)) return `${slot} = R.depreciationInit(${P.int(delays.get(n.id)!)}, ${P.int(n.id)}, ${expr(n.args![0]!, P)}, ${expr(n.args![2]!, P)}, ${expr(n.init!, P)}, dt);`;
        if (isQueue(n)) return `${slot} = R.queueInit(${P.int(delays.get(n.id)!)}, ${P.int(n.id)}, ${expr(n.init!, P)}, dt);`;
        return `${slot} = R.delayInit(${P.int(delays.get(n.id)!)}, ${expr(n.args![0]!, P)}, ${expr(n.init!, P)}, dt);`;
      case 'data':
        return `${slot} = R.data(${P.int(n.data!)}, time);`;
      default:
        return `${slot} = ${expr(n.expr, P)};`;
    }
  });
}

function stepTemplate(n: ScalarNode, delays: Map<number, number>, group: string): Template {
  if (n.kind !== 'sample' && !RUNTIME_STATEMENTS.has(n.kind)) return assignTemplate(n, n.expr, group);
  return template(group, (P) => {
    const slot = P.ref(n.id);
    switch (n.kind) {
      case 'sample':
        return `if (${expr(n.args![0]!, P)} !== 0) ${slot} = ${expr(n.args![1]!, P)};`;
      case 'history':
        return `${slot} = R.history(${P.int(delays.get(n.id)!)}, si, time, ${expr(n.expr, P)}, ${expr(n.args![0]!, P)});`;
      case 'conveyor':
        return `${slot} = R.conveyorOut(${P.int(delays.get(n.id)!)}, si, ${fractions(n, P)});`;
      case 'conveyor-leak':
        return conveyorLeak(n, delays, P);
      case 'delay-fixed':
        if (isConveyorDelay(n)) return `${slot} = R.conveyorDelayOut(${P.int(delays.get(n.id)!)});`;
        if (isDepreciation(n)) return `${slot} = R.depreciationPast(${P.int(delays.get(n.id)!)}, si);`;
        if (isQueue(n)) return `${slot} = R.queueValue(${P.int(delays.get(n.id)!)});`;
        if (n.args?.[1]?.k === 'num' && n.args[1].v === 2) return `${slot} = R.delayOutMaterial(${P.int(delays.get(n.id)!)}, si, ${expr(n.args[2]!, P)});`;
        return `${slot} = R.delayOut(${P.int(delays.get(n.id)!)}, si);`;
      case 'data':
        return `${slot} = R.data(${P.int(n.data!)}, time);`;
      default:
        return `${slot} = ${expr(n.expr, P)};`;
    }
  });
}

/** Vensim's DELAY CONVEYOR, a delay-fixed node of kind 3 (src/sd/analyze/stateful.ts). */
function isConveyorDelay(n: ScalarNode): boolean {
  return n.args?.[1]?.k === 'num' && n.args[1].v === 3;
}

/** DEPRECIATE STRAIGHTLINE's past values, a delay-fixed node of kind DEPRECIATION_KIND (src/sd/analyze/depreciate.ts). */
function isDepreciation(n: ScalarNode): boolean {
  return n.args?.[1]?.k === 'num' && n.args[1].v === DEPRECIATION_KIND;
}

/** Vensim's QUEUE FIFO, a delay-fixed node of kind QUEUE_KIND (src/sd/analyze/queue.ts). */
function isQueue(n: ScalarNode): boolean {
  return n.args?.[1]?.k === 'num' && n.args[1].v === QUEUE_KIND;
}

/** A conveyor's leak fractions as an array literal (args after transit, content, exponential). */
/** A conveyor node's args are its CONVEYOR_OUTFLOW call's without the inflow (node.expr). */
function leakCount(n: ScalarNode): number {
  const c = n.args![CONVEYOR_ARGS.count - 1];
  return c?.k === 'num' ? c.v : 0;
}

function fractions(n: ScalarNode, P: Printer): string {
  const from = CONVEYOR_ARGS.fractions - 1;
  return `[${n.args!.slice(from, from + leakCount(n)).map((a) => expr(a, P)).join(', ')}]`;
}

/** The leaks' zones as [{ start, end }…] (constants). */
function zones(n: ScalarNode, P: Printer): string {
  const count = leakCount(n);
  const at = CONVEYOR_ARGS.fractions - 1 + count;
  const list = Array.from({ length: count }, (_, k) => `{ start: ${expr(n.args![at + 2 * k]!, P)}, end: ${expr(n.args![at + 2 * k + 1]!, P)} }`);
  return `[${list.join(', ')}]`;
}

function conveyorLeak(n: ScalarNode, belts: Map<number, number>, P: Printer): string {
  const out = n.args![0]!;
  if (out.k !== 'ref') throw new Error('a conveyor leak must name its conveyor outflow node');
  return `${P.ref(n.id)} = R.conveyorLeak(${P.int(belts.get(out.id)!)}, ${P.int(n.data!)});`;
}
