/**
 * Recursive-descent parser for XMILE equations, producing the IR's expressions directly.
 *
 * Precedence, highest first (XMILE 1.0 §3.3.1): `^` (right to left), unary `+ - NOT`,
 * `* / MOD`, `+ -`, `< <= > >=`, `= <>`, `AND`, `OR`; `IF … THEN … ELSE …` takes the rest of
 * the expression as its ELSE part. So `-2^2` is −4 (the suite's exponentiation case) and
 * `2^-x` is 2^(−x).
 *
 * Arrays: inside an array function (SUM, MEAN, …) a `*` subscript, a dimension the equation is
 * not itself defined over, and a whole array named without subscripts are iterated (Vensim's
 * `dim!`); a bare name is the whole array even in an equation over its dimensions (wholeArray
 * gives the sources), while a dimension named in a subscript stays bound to the current element
 * (§3.7.1.3: `SUM(A[M, *])` in an equation over M sums each row). A numeric subscript picks an
 * element by position (§3.7.1: indices may be numbers even when elements are named).
 * Outside an array function `m[*, 2]` is allowed only in an equation over the starred dimension,
 * where it maps element by element; `m[lo:hi]` (index or element name) is iterated inside one
 * (isee help, Array builtins: `MEAN(Salaries[*,1:3])`, PROD over "a range (min:max)").
 * A subscript may also be an expression giving a 1-based index (`a[RANK(a, 1)]`, computedSub), and
 * `@n` the current element of the equation's n-th dimension (dimension-position.ts).
 *
 * A dimension name used as a value stays a reference to the dimension here; the shared compiler
 * gives it the current element's 1-based position, named elements included (isee help,
 * Specialized Array Manipulation: `IF size < size.large THEN 1 ELSE 0`, "the first label
 * evaluates to 1, the second to 2"), and refuses it in an equation not over that dimension.
 */
import { ModelError, type BilingualText, type MessageFor, type SourceLocation } from '../ir/diagnostics.js';
import { checkEquationLength, checkExprDepth, DEFAULT_LIMITS, DepthGuard, type ModelLimits } from '../ir/limits.js';
import type { BinaryOp, Expr, SubscriptRef } from '../ir/model.js';
import { canonicalName } from '../ir/names.js';
import { apply, bin, call, num } from './ir-build.js';
import { vensimExportFunction } from './vensim-export-functions.js';
import { LexError, tokenize, type Token } from './expr-lexer.js';
import { arityMessage } from '../ir/arity.js';
import { FLAT_INDEX, XMILE_ELEMENT, XMILE_RANK } from '../ir/builtins.js';
import { positionSubscript } from './dimension-position.js';
import { GF_TYPE_CALL, type GfType } from './gf-types.js';
import { ARRAY_BUILTINS, builtinSpec, functionKey, VENSIM_VECTOR_FUNCTIONS, ZERO_ARGUMENT } from './functions.js';
import type { InternalMacro } from './internal-macros.js';
import type { MappedText, SourceText } from './source-text.js';

export interface DimensionInfo {
  display: string;
  /** Canonical element names in order. */
  elements: string[];
}

/** A subscript given by an expression (`x[RANK(y, 1)]`): its 0-based position and the 1-based index it computes. */
interface ComputedSub {
  position: number;
  expr: Expr;
  /** For a range outside an array function: the equation's dimension it runs along, and its text. */
  axis?: { dim: string; text: string };
}

/** How a graphical function attached to a variable is called. */
export interface GfRef {
  lookup: string;
  display: string;
  type: GfType;
  /** The y-values of a graphical function that is not arrayed, for its use as a container (§3.7.1.3). */
  points?: readonly number[];
}

/** What the whole model tells the parser (known from the XML structure before any equation is read). */
export interface ParseEnv {
  dims: ReadonlyMap<string, DimensionInfo>;
  /** Canonical variable name → its dimensions (canonical), for every arrayed variable. */
  varDims: ReadonlyMap<string, string[]>;
  /** User macros by canonical name (they take precedence over built-ins of the same name). */
  macros: ReadonlySet<string>;
  /** Variables whose graphical function is called as `name(x)`. */
  gfs: ReadonlyMap<string, GfRef>;
  /** Records the use of one of the reader's own macros. */
  useInternal(name: InternalMacro): void;
  /** Declares (once) the sub-range of elements lo…hi (1-based) of a dimension, for `m[lo:hi]`; returns its name. */
  subRange?(dim: string, lo: number, hi: number): string;
  /** What a computed subscript out of range gives: 0 unless the header says NaN (XMILE 1.0 §2.2.1 `<uses_arrays invalid_index_value>`). */
  invalidIndexValue?: number;
  /** Expression depth and equation length limits (defaults in src/sd/ir/limits.ts). */
  limits?: Pick<ModelLimits, 'maxNesting' | 'maxExprDepth' | 'maxEquationLength'>;
  /** Module instances of the model being read: `Module.var` reads that module's output (module-flatten.ts checks it). */
  modules?: ReadonlySet<string>;
  /** Conveyor and queue stocks by canonical name, whose elements (slats, batches) equations cannot reach. */
  beltsAndQueues?: ReadonlySet<string>;
  /** The file was written by Vensim: its Vensim-only function names keep Vensim's meaning (vensim-export-functions.ts). */
  vensimFunctions?: boolean;
}

/** What one equation adds: the dimensions it is defined over and the variable it defines. */
export interface EquationScope {
  lhsDims: readonly string[];
  self?: { name: string; display: string };
  /** A whole-array variable equation, which the reader may write once per element (dimension-position.ts). */
  perElement?: boolean;
}

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const NUMBER_LIST = new RegExp(String.raw`^\s*${NUMBER}\s*(?:[,;]\s*${NUMBER}\s*)+;?\s*$`);

/** Parses one equation; syntax errors become ModelErrors at the exact line and column. */
export function parseEquation(text: MappedText, src: SourceText, env: ParseEnv, scope: EquationScope): Expr {
  const at = (i: number): SourceLocation => src.loc(text.offsets[Math.min(i, text.offsets.length - 1)]!);
  if (NUMBER_LIST.test(text.text)) return numberList(text.text, at(firstNonSpace(text.text)));
  const limits = env.limits ?? DEFAULT_LIMITS;
  checkEquationLength(text.text.length, limits.maxEquationLength, at(0));
  if (text.text.trim() === '???') {
    throw ModelError.at('E_NO_EQUATION', { en: "the equation is '???', the mark a converter (xmutil) leaves where it could not translate an equation", es: "la ecuación es '???', la marca que deja un conversor (xmutil) donde no pudo traducir una ecuación" }, at(firstNonSpace(text.text)));
  }
  let tokens: Token[];
  try {
    tokens = tokenize(text.text);
  } catch (err) {
    if (err instanceof LexError) throw ModelError.at('E_SYNTAX', err.text, at(err.offset));
    throw err;
  }
  const expr = new Parser(tokens, at, env, scope, new DepthGuard(limits.maxNesting, limits.maxExprDepth)).parseAll();
  checkExprDepth(expr, limits.maxExprDepth);
  return expr;
}

function firstNonSpace(s: string): number {
  const m = /\S/.exec(s);
  return m ? m.index : 0;
}

/** `1, 2, 3` or `1, 2; 3, 4` (rows separated by `;`), as xmutil writes Vensim's constant lists. */
function numberList(text: string, loc: SourceLocation): Expr {
  const rows = text
    .trim()
    .replace(/;\s*$/, '')
    .split(';')
    .map((r) => r.split(',').map((x) => Number(x.trim())));
  return { kind: 'list', rows, loc };
}

function describe(t: Token): BilingualText {
  if (t.kind === 'eof') return { en: 'the end of the equation', es: 'el final de la ecuación' };
  const text = `'${t.kind === 'name' && t.quoted ? `"${t.text}"` : t.text}'`;
  return { en: text, es: text };
}

class Parser {
  private i = 0;
  /** Set while reading the argument of an array function: collects the dimensions iterated. */
  private iterated: Set<string> | undefined;
  /**
   * True inside the array arguments of XMILE's array builtins (SUM, MEAN, …, RANK): there a bare
   * array name is the whole array, even in an equation over its dimensions (see bareWhole).
   */
  private bareWhole = false;
  /** The first bare array name read in the current builtin argument that shares a dimension with the equation. */
  private bareOverLhs: { display: string; dims: readonly string[]; shared: string[]; loc: SourceLocation } | undefined;

  constructor(
    private readonly tokens: Token[],
    private readonly at: (offset: number) => SourceLocation,
    private readonly env: ParseEnv,
    private readonly scope: EquationScope,
    private readonly guard: DepthGuard,
  ) {}

  /** One recursive step deeper: throws a located error past the depth limit. */
  private enter(): void {
    this.guard.enter(() => this.at(this.peek().start));
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    const t = this.tokens[this.i]!;
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  private isOp(t: Token, ...ops: string[]): boolean {
    return t.kind === 'op' && ops.includes(t.text);
  }

  private isKw(t: Token, kw: string): boolean {
    return t.kind === 'kw' && t.text === kw;
  }

  private fail<C extends string = 'E_SYNTAX'>(t: Token, message: MessageFor<C>, code?: C): ModelError {
    return ModelError.at(code ?? 'E_SYNTAX', message, this.at(t.start));
  }

  private expectOp(op: string, what: BilingualText): Token {
    const t = this.next();
    if (!this.isOp(t, op)) {
      throw this.fail(t, { en: `expected '${op}' ${what.en} but found ${describe(t).en}`, es: `se esperaba '${op}' ${what.es} pero se encontró ${describe(t).es}` });
    }
    return t;
  }

  parseAll(): Expr {
    if (this.peek().kind === 'eof') throw this.fail(this.peek(), { en: 'the equation is empty', es: 'la ecuación está vacía' }, 'E_EMPTY');
    const e = this.parseExpr();
    const t = this.peek();
    if (t.kind !== 'eof') throw this.fail(t, { en: `unexpected ${describe(t).en} after a complete expression`, es: `no se esperaba ${describe(t).es} después de una expresión completa` });
    return e;
  }

  private parseExpr(): Expr {
    this.enter();
    const e = this.parseOr();
    this.guard.leave();
    return e;
  }

  private binaryLevel(ops: string[], kind: 'op' | 'kw', sub: () => Expr, map: (op: string) => BinaryOp): Expr {
    let left = sub();
    let chain = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind !== kind || !ops.includes(t.text)) return left;
      this.next();
      this.guard.chain(++chain, () => this.at(t.start));
      left = bin(map(t.text), left, sub(), this.at(t.start));
    }
  }

  private parseOr(): Expr {
    return this.binaryLevel(['OR'], 'kw', () => this.parseAnd(), () => 'or');
  }

  private parseAnd(): Expr {
    return this.binaryLevel(['AND'], 'kw', () => this.parseEquality(), () => 'and');
  }

  private parseEquality(): Expr {
    return this.binaryLevel(['=', '<>'], 'op', () => this.parseRelational(), (op) => op as BinaryOp);
  }

  private parseRelational(): Expr {
    return this.binaryLevel(['<', '<=', '>', '>='], 'op', () => this.parseAdditive(), (op) => op as BinaryOp);
  }

  private parseAdditive(): Expr {
    return this.binaryLevel(['+', '-'], 'op', () => this.parseMultiplicative(), (op) => op as BinaryOp);
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    let chain = 0;
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, '*', '/', 'MOD') || this.isKw(t, 'MOD')) this.guard.chain(++chain, () => this.at(t.start));
      if (this.isOp(t, '*', '/')) {
        this.next();
        left = bin(t.text as BinaryOp, left, this.parseUnary(), this.at(t.start));
      } else if (this.isKw(t, 'MOD')) {
        this.next();
        left = this.internal('#mod', [left, this.parseUnary()], this.at(t.start));
      } else return left;
    }
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (this.isOp(t, '-', '+')) {
      this.next();
      this.enter();
      const arg = this.parseUnary();
      this.guard.leave();
      return { kind: 'unary', op: t.text as '-' | '+', arg, loc: this.at(t.start) };
    }
    if (this.isKw(t, 'NOT')) {
      this.next();
      this.enter();
      const arg = this.parseUnary();
      this.guard.leave();
      return { kind: 'unary', op: 'not', arg, loc: this.at(t.start) };
    }
    return this.parsePower();
  }

  /** `a ^ b`, right to left; the exponent may carry its own sign (`2^-x`). */
  private parsePower(): Expr {
    const left = this.transpose(this.parsePrimary());
    const t = this.peek();
    if (!this.isOp(t, '^')) return left;
    this.next();
    const n = this.peek();
    this.enter();
    const right = this.isOp(n, '-', '+') || this.isKw(n, 'NOT') ? this.parseUnary() : this.parsePower();
    this.guard.leave();
    return bin('^', left, right, this.at(t.start));
  }

  /**
   * `a'` reverses the order of an array's dimensions (XMILE 1.0 §3.7.1.1, Array Operations: "the
   * transposition operator, ' (apostrophe), can be used after the array, e.g., A' or A[M, 1, N]'";
   * it binds tighter than `^`, right to left). References here bind dimensions by name, so `a'` is
   * `a` itself when the equation is defined over a's remaining dimensions in reverse order and no
   * dimension repeats: `t[C, R] = m'` with m[R, C] gives t[c, r] = m[r, c]. An array over one
   * dimension twice, `q'` with q[P, P] in an equation over [P, P], is `q[@2, @1]`: positions tell
   * the two apart (dimension-position.ts). Other cases (an expression, inside an array function, an
   * equation over other dimensions) stop at the apostrophe.
   */
  private transpose(operand: Expr): Expr {
    let flips = 0;
    let q = this.peek();
    let first: Token | undefined;
    while (this.isOp(q, "'")) {
      first ??= q;
      flips++;
      this.next();
      q = this.peek();
    }
    if (!first || flips % 2 === 0) return operand;
    const dims = operand.kind === 'ref' ? this.remainingDims(operand) : undefined;
    const lhs = this.scope.lhsDims;
    const reversed = dims ? [...dims].reverse() : [];
    const reversible = !!dims && !this.iterated && (dims.length <= 1 || (lhs.length === reversed.length && reversed.every((d, k) => lhs[k] === d)));
    if (reversible && new Set(dims).size === dims.length) return operand;
    if (reversible && operand.kind === 'ref' && operand.subs.length === 0 && this.scope.perElement) {
      // Position p of the operand is position n − p of the equation (both 1-based).
      const context = { lhsDims: lhs, perElement: true, dims: this.env.dims };
      return { ...operand, subs: dims.map((d, p) => positionSubscript(dims.length - p, context, operand.display, d, p, this.at(first.start))) };
    }
    const shown = (ds: readonly string[]) => `[${ds.map((d) => this.env.dims.get(d)?.display ?? d).join(', ')}]`;
    const why = !dims
      ? { en: 'it applies to an array variable, not to an expression', es: 'se aplica a una variable con dimensiones, no a una expresión' }
      : this.iterated
        ? { en: 'inside an array function', es: 'dentro de una función de arreglos' }
        : reversible
          ? { en: `${shown(dims)} repeats a dimension, which only positions tell apart, and it is subscripted or not in a whole-array equation`, es: `${shown(dims)} repite una dimensión, que solo las posiciones distinguen, y tiene subíndices o no está en una ecuación de todo el arreglo` }
          : { en: `the equation is defined over ${shown(lhs)}, not ${shown(reversed)}`, es: `la ecuación está definida sobre ${shown(lhs)}, no sobre ${shown(reversed)}` };
    throw this.fail(
      first,
      {
        en: `the transpose ' (XMILE 1.0 §3.7.1.1: it reverses the dimensions) is only supported on an array variable, outside array functions, in an equation over the array's dimensions in reverse order; here ${why.en}. Name the dimensions, or their positions, in the order you need (in an equation over [C, R], m[R, C] or m[@2, @1] for m')`,
        es: `la trasposición ' (XMILE 1.0 §3.7.1.1: invierte el orden de las dimensiones) solo se admite sobre una variable con dimensiones, fuera de funciones de arreglos, en una ecuación sobre las dimensiones del arreglo en orden inverso; aquí ${why.es}. Nombre las dimensiones, o sus posiciones, en el orden que necesite (en una ecuación sobre [C, R], m[R, C] o m[@2, @1] en vez de m')`,
      },
      'E_UNSUPPORTED',
    );
  }

  /** The dimensions an array reference still spans: all of a bare name's, or those its subscripts name. */
  private remainingDims(ref: Extract<Expr, { kind: 'ref' }>): string[] | undefined {
    const dims = this.env.varDims.get(ref.name);
    if (!dims) return undefined;
    if (ref.subs.length === 0) return [...dims];
    return ref.subs.filter((s) => this.env.dims.has(s.name)).map((s) => s.name);
  }

  private parsePrimary(): Expr {
    const t = this.next();
    if (t.kind === 'num') return num(t.value!, this.at(t.start));
    if (this.isOp(t, '(')) {
      const e = this.parseExpr();
      this.expectOp(')', { en: 'to close the parenthesis', es: 'para cerrar el paréntesis' });
      return e;
    }
    if (this.isKw(t, 'IF')) {
      const cond = this.parseExpr();
      const th = this.next();
      if (!this.isKw(th, 'THEN')) throw this.fail(th, { en: `expected THEN after the IF condition but found ${describe(th).en}`, es: `se esperaba THEN después de la condición del IF pero se encontró ${describe(th).es}` });
      const a = this.parseExpr();
      const el = this.next();
      if (!this.isKw(el, 'ELSE')) throw this.fail(el, { en: `expected ELSE in IF … THEN … ELSE but found ${describe(el).en}`, es: `se esperaba ELSE en IF … THEN … ELSE pero se encontró ${describe(el).es}` });
      return call('IF THEN ELSE', [cond, a, this.parseExpr()], this.at(t.start));
    }
    if (t.kind === 'name') return this.parseNamed(t);
    if (this.isKw(t, 'MOD') && this.isOp(this.peek(), '(')) {
      // MOD(a, b), the function form some tools write for the operator.
      this.next();
      const args = this.parseArgs();
      if (args.length !== 2) throw this.fail(t, arityMessage('MOD', 2, 2, args.length), 'E_ARITY');
      return this.internal('#mod', args, this.at(t.start));
    }
    // Where an operand is expected MOD cannot be the operator: it is a variable named `mod`.
    if (this.isKw(t, 'MOD')) return this.parseNamed({ ...t, kind: 'name' });
    throw this.fail(t, { en: `expected a number, a name or '(' but found ${describe(t).en}`, es: `se esperaba un número, un nombre o '(' pero se encontró ${describe(t).es}` });
  }

  private internal(name: InternalMacro, args: Expr[], loc: SourceLocation): Expr {
    this.env.useInternal(name);
    return apply(name, args, loc);
  }

  private parseNamed(t: Token): Expr {
    const loc = this.at(t.start);
    const self = this.selfName(t);
    const canonical = self?.name ?? canonicalName(t.text);
    const display = self?.display ?? displayOfDecoded(t.text);
    if (this.isOp(this.peek(), '(')) {
      this.next();
      return this.parseCall(t, canonical, display, loc);
    }
    const points = this.containerPoints(canonical);
    if (points && this.isOp(this.peek(), '[')) return this.gfPoint(points, display, loc);
    if (this.isOp(this.peek(), '[') && !this.env.varDims.has(canonical) && this.env.beltsAndQueues?.has(canonical)) throw this.beltOrQueueElements(display, `${display}[…]`, loc);
    const computed: ComputedSub[] = [];
    const subs = this.isOp(this.peek(), '[') ? (this.next(), this.parseSubscripts(canonical, computed)) : undefined;
    const dims = this.env.varDims.get(canonical);
    if (computed.length && subs?.length === 1 && dims && dims.length > 1) {
      // `m[RANK(m, 1)]` on a matrix: RANK gives a flat index there (§3.7.1.3), but §3.7.1 takes
      // one subscript per dimension in brackets; the flat index goes in parentheses, m(…) (§3.3.2).
      throw ModelError.at(
        'E_DIMENSION',
        {
          en: `${display} has ${dims.length} dimensions but is given one computed subscript: XMILE 1.0 takes one subscript per dimension in brackets (§3.7.1); a flat (row-major) index, such as RANK gives for an array of several dimensions (§3.7.1.3), is passed in parentheses (§3.3.2): write ${display}(…) for a flat index, or one subscript per dimension, ${display}[i, j]`,
          es: `${display} tiene ${dims.length} dimensiones pero recibe un único subíndice calculado: XMILE 1.0 toma un subíndice por dimensión entre corchetes (§3.7.1); un índice plano (por filas), como el que da RANK para un arreglo de varias dimensiones (§3.7.1.3), se pasa entre paréntesis (§3.3.2): escriba ${display}(…) para un índice plano, o un subíndice por dimensión, ${display}[i, j]`,
        },
        loc,
      );
    }
    this.refuseRangeAxisReused(computed, subs ?? []);
    if (computed.length) return this.computedElement(this.reference(canonical, display, subs, loc), computed, loc);
    if (!t.quoted && !subs && !self) {
      const key = functionKey(t.text);
      if (ZERO_ARGUMENT.has(key)) return this.builtin(t, key, [], loc);
      const dot = t.text.indexOf('.');
      if (dot > 0) return this.qualified(t, loc);
    }
    return this.reference(canonical, display, subs, loc);
  }

  /** The y-values of a graphical function that is not arrayed, read as a container (§3.7.1.3). */
  private containerPoints(canonical: string): readonly number[] | undefined {
    return this.env.varDims.has(canonical) ? undefined : this.env.gfs.get(canonical)?.points;
  }

  /**
   * `g[3]` on a graphical function: "var[3] returns the y-value of the third data point in a
   * graphical function" (XMILE 1.0 §3.7.1.3); out of range, what an invalid subscript gives
   * (§3.7.1: zero). The index must be a number written in the equation.
   */
  private gfPoint(points: readonly number[], display: string, loc: SourceLocation): Expr {
    this.next();
    const t = this.peek();
    const negative = this.isOp(t, '-');
    if (negative) this.next();
    const n = this.next();
    if (n.kind !== 'num' || !this.isOp(this.peek(), ']')) {
      throw this.fail(
        t,
        {
          en: `${display}[…] on a graphical function takes the number of one of its ${points.length} points written in the equation (XMILE 1.0 §3.7.1.3: ${display}[3] is the y-value of the third point); a computed index into a graphical function is not supported`,
          es: `${display}[…] sobre una función gráfica toma el número de uno de sus ${points.length} puntos escrito en la ecuación (XMILE 1.0 §3.7.1.3: ${display}[3] es el valor y del tercer punto); no se admite un índice calculado en una función gráfica`,
        },
        'E_UNSUPPORTED',
      );
    }
    this.next();
    const k = Math.trunc(negative ? -n.value! : n.value!);
    return num(k >= 1 && k <= points.length ? points[k - 1]! : (this.env.invalidIndexValue ?? 0), loc);
  }

  /**
   * XMILE 1.0 §3.7.1.3 reads `Q[1]` as the front of queue Q and MIN(B) as the smallest amount on
   * conveyor B; this engine keeps a belt's or a queue's contents inside its stock, so those are
   * refused rather than answered with the stock's total. SUM(B) is that total and stays.
   */
  private beltOrQueueElements(display: string, form: string, loc: SourceLocation): ModelError {
    return ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `${form} reads the elements of the conveyor or queue ${display} (XMILE 1.0 §3.7.1.3: its slats or batches as a container), which this engine does not expose; ${display} in an equation is its total contents`,
        es: `${form} lee los elementos de la cinta o cola ${display} (XMILE 1.0 §3.7.1.3: sus tramos o lotes como contenedor), que este motor no expone; ${display} en una ecuación es su contenido total`,
      },
      loc,
    );
  }

  /** A bare graphical function as the whole argument of an array builtin: its y-values. */
  private containerArgument(): readonly number[] | undefined {
    const t = this.peek();
    const after = this.tokens[this.i + 1];
    if (t.kind !== 'name' || !after || !this.isOp(after, ')', ',')) return undefined;
    const points = this.containerPoints(canonicalName(t.text));
    if (points) this.next();
    return points;
  }

  /**
   * SELF, the variable the equation defines (§3.5.6), with or without subscripts: §3.7.1.3's
   * `SIZE(SELF[1, *])` "gives the size of one row of ourselves".
   */
  private selfName(t: Token): { name: string; display: string } | undefined {
    if (t.quoted || functionKey(t.text) !== 'SELF' || this.isOp(this.peek(), '(')) return undefined;
    if (!this.scope.self) throw this.fail(t, { en: 'SELF is only allowed in the equation of a variable', es: 'SELF solo se permite en la ecuación de una variable' });
    return this.scope.self;
  }

  /**
   * A reference with computed subscripts: XMILE 1.0 §3.7.1 ("subscripts are XMILE expressions";
   * an index out of range gives 0). The run time picks the element (src/sd/run/vector-functions.ts).
   */
  private computedElement(ref: Expr, computed: ComputedSub[], loc: SourceLocation): Expr {
    const invalid = num(this.env.invalidIndexValue ?? 0, loc);
    return call(XMILE_ELEMENT, [ref, invalid, ...computed.flatMap((c) => [num(c.position, c.expr.loc), c.expr])], loc);
  }

  /** `Dim.element` as a value is the element's 1-based position (§3.7.1). */
  private qualified(t: Token, loc: SourceLocation): Expr {
    const dot = t.text.indexOf('.');
    const dim = this.env.dims.get(canonicalName(t.text.slice(0, dot)));
    const el = canonicalName(t.text.slice(dot + 1));
    if (dim && dim.elements.includes(el)) return num(dim.elements.indexOf(el) + 1, loc);
    // Stella saves `demand[Location.*]` (xmile-spec WithArrays.xmile); XMILE 1.0 slices a whole
    // dimension only with the wildcard `*` (§3.7.1.2), so say that instead of "no element".
    if (dim && el === '' && this.isOp(this.peek(), '*')) {
      const d = t.text.slice(0, dot);
      throw this.fail(
        t,
        {
          en: `'${d}.*' (every element of ${d}, written the Stella way) is not XMILE 1.0: write the wildcard * in its place (XMILE 1.0 §3.7.1.2)`,
          es: `'${d}.*' (todos los elementos de ${d}, a la manera de Stella) no es XMILE 1.0: escriba en su lugar el comodín * (XMILE 1.0 §3.7.1.2)`,
        },
        'E_UNSUPPORTED',
      );
    }
    if (this.env.modules?.has(canonicalName(t.text.slice(0, dot)))) return this.reference(canonicalName(t.text), displayOf(t.text), undefined, loc);
    throw this.fail(
      t,
      {
        en: `'${t.text}' names no element of a dimension (namespaces other than std are not supported)`,
        es: `'${t.text}' no nombra ningún elemento de una dimensión (no se admiten espacios de nombres distintos de std)`,
      },
      'E_UNDEFINED',
    );
  }

  /** A variable reference; inside an array function a whole array or a free dimension is iterated. */
  private reference(name: string, display: string, subs: SubscriptRef[] | undefined, loc: SourceLocation): Expr {
    if (!subs && this.env.dims.has(name)) this.refuseRepeatedDimension(name, display, loc);
    const dims = this.env.varDims.get(name);
    if (!subs && this.iterated && dims) {
      subs = this.bareWhole ? this.wholeArray(dims, display, loc) : dims.map((d) => this.dimensionSub(d, this.env.dims.get(d)?.display ?? d, loc));
    }
    return { kind: 'ref', name, display, subs: subs ?? [], loc };
  }

  /**
   * A bare array name inside an array builtin is the whole array, every dimension iterated, even
   * in an equation over those dimensions. XMILE 1.0 §3.7.1.3 defines the builtins on the array
   * ("SUM: sum of values in an array", "MEAN(A) find the average value of all elements in array
   * A", "MAX(A) finds the maximum value in array A") and slices it only with `*` (§3.7.1.2:
   * "Within an array built-in function, an array MAY be sliced by using the wildcard *"); isee
   * (Stella 10 array notes, K. Chichakly, 2012): "When an array builtin is used, the * is normally
   * not needed … the sum of the elements of a 2-dimensional array A[Dim1, Dim2] requires this
   * equation: SUM(A)", and its help computes MEAN "in either an arrayed or a non-arrayed
   * converter". To sum the current row, name the dimension: SUM(A[M, *]) (§3.7.1.3).
   */
  private wholeArray(dims: readonly string[], display: string, loc: SourceLocation): SubscriptRef[] {
    const shared = dims.filter((d) => this.scope.lhsDims.includes(d));
    if (shared.length) this.bareOverLhs ??= { display, dims, shared, loc };
    return dims.map((d) => {
      this.iterated!.add(d);
      return { name: d, display: this.env.dims.get(d)?.display ?? d, bang: true, loc };
    });
  }

  /**
   * MIN, MAX and MEAN with two or more arguments, a bare array among them, in an equation over one
   * of its dimensions: XMILE 1.0 §3.7.1.3 reads `MAX(A, 0)` over all of A ("finds the maximum value
   * of all the values in array A and zero"), isee's help (Array builtins, v3) compares the
   * arguments themselves ("when called with 2 arguments it will take the maximum of the two
   * arguments and does not allow array slices"), i.e. element by element. The two answers differ,
   * so the modeller must say which one: `A[*]` or the dimension name.
   */
  private refuseAmbiguousBare(key: string, args: { bareOverLhs: Parser['bareOverLhs'] }[]): void {
    const bare = args.find((a) => a.bareOverLhs)?.bareOverLhs;
    if (!bare) return;
    const shown = (d: string) => this.env.dims.get(d)?.display ?? d;
    const dims = bare.shared.map(shown).join(', ');
    const stars = bare.dims.map(() => '*').join(', ');
    const current = bare.dims.map((d) => (bare.shared.includes(d) ? shown(d) : '*')).join(', ');
    throw ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `${key} with several arguments gets the bare array ${bare.display} in an equation over [${dims}]: XMILE 1.0 §3.7.1.3 takes all of its values, isee's help compares element by element, and the results differ. Write ${bare.display}[${stars}] for the whole array or ${bare.display}[${current}] for the current element`,
        es: `${key} con varios argumentos recibe el arreglo ${bare.display} sin subíndices en una ecuación sobre [${dims}]: XMILE 1.0 §3.7.1.3 toma todos sus valores, la ayuda de isee compara elemento a elemento, y los resultados difieren. Escriba ${bare.display}[${stars}] para todo el arreglo o ${bare.display}[${current}] para el elemento actual`,
      },
      bare.loc,
    );
  }

  /** A dimension used as a subscript: bound when the equation is defined over it, else iterated in an array function. */
  private dimensionSub(dim: string, display: string, loc: SourceLocation): SubscriptRef {
    this.refuseRepeatedDimension(dim, display, loc);
    const bang = !!this.iterated && !this.scope.lhsDims.includes(dim);
    if (bang) this.iterated!.add(dim);
    return { name: dim, display, bang, loc };
  }

  /**
   * A dimension named in an equation over that dimension twice (a square matrix over [P, P]) could
   * be either position's element; the name cannot say which, `@1` or `@2` can (dimension-position.ts).
   */
  private refuseRepeatedDimension(dim: string, display: string, loc: SourceLocation): void {
    const lhs = this.scope.lhsDims;
    if (lhs.indexOf(dim) === lhs.lastIndexOf(dim)) return;
    const times = lhs.filter((d) => d === dim).length;
    const at = lhs.flatMap((d, k) => (d === dim ? [`@${k + 1}`] : [])).join(', ');
    throw ModelError.at(
      'E_UNSUPPORTED',
      {
        en: `${display} is named in an equation over ${display} ${times} times, so which of those positions it stands for is ambiguous; write the position instead (${at})`,
        es: `${display} se nombra en una ecuación sobre ${display} ${times} veces, así que es ambiguo a cuál de esas posiciones se refiere; escriba la posición (${at})`,
      },
      loc,
    );
  }

  /**
   * `[s1, s2, …]` after the `[`; each is `*`, a dimension, an element, a 1-based index, a dimension
   * position `@n` (dimension-position.ts), or, where `computed` is given, any expression giving a
   * 1-based index (collected there; its position holds the dimension's first element).
   */
  private parseSubscripts(varName: string, computed?: ComputedSub[]): SubscriptRef[] {
    const dims = this.env.varDims.get(varName);
    const subs: SubscriptRef[] = [];
    for (;;) {
      const t = this.next();
      const sep = this.peek();
      const position = subs.length;
      const dim = dims?.[position];
      const loc = this.at(t.start);
      if (this.isOp(t, '*') && this.isOp(sep, ':')) {
        // `*:SubRange`: every element of a sub-range of this position's dimension.
        this.next();
        const r = this.next();
        const range = r.kind === 'name' ? canonicalName(r.text) : '';
        const info = this.env.dims.get(range);
        if (!info) throw this.fail(r, { en: `'${r.text}' after *: is not a dimension`, es: `'${r.text}' después de *: no es una dimensión` }, 'E_DIMENSION');
        if (!this.iterated) throw this.fail(t, { en: 'the wildcard * is only allowed inside an array function such as SUM', es: 'el comodín * solo se permite dentro de una función de arreglos como SUM' }, 'E_UNSUPPORTED');
        const parent = dim ? this.env.dims.get(dim) : undefined;
        if (parent && !info.elements.every((e) => parent.elements.includes(e))) {
          throw this.fail(r, { en: `${info.display} is not a sub-range of ${parent.display}`, es: `${info.display} no es un subrango de ${parent.display}` }, 'E_DIMENSION');
        }
        this.iterated.add(range);
        subs.push({ name: range, display: info.display, bang: true, loc });
        const close = this.peek();
        if (!this.isOp(close, ',', ']')) throw this.fail(close, { en: `expected ',' or ']' after *:${r.text} but found ${describe(close).en}`, es: `se esperaba ',' o ']' después de *:${r.text} pero se encontró ${describe(close).es}` });
        if (this.isOp(this.next(), ']')) return subs;
        continue;
      }
      if ((t.kind === 'num' || t.kind === 'name') && this.isOp(sep, ':')) {
        subs.push(this.rangeSub(t, dim, varName, position, loc, computed));
        const close = this.peek();
        if (!this.isOp(close, ',', ']')) throw this.fail(close, { en: `expected ',' or ']' after a range but found ${describe(close).en}`, es: `se esperaba ',' o ']' después de un rango pero se encontró ${describe(close).es}` });
        if (this.isOp(this.next(), ']')) return subs;
        continue;
      }
      if (this.isOp(t, '@') && sep.kind === 'num') {
        // `@n`: the current element of the equation's n-th dimension (dimension-position.ts).
        this.next();
        const context = { lhsDims: this.scope.lhsDims, perElement: !!this.scope.perElement, dims: this.env.dims };
        subs.push(positionSubscript(sep.value!, context, varName, dim, position, loc));
        const close = this.next();
        if (this.isOp(close, ']')) return subs;
        if (!this.isOp(close, ',')) throw this.fail(close, { en: `expected ',' or ']' after a subscript but found ${describe(close).en}`, es: `se esperaba ',' o ']' después de un subíndice pero se encontró ${describe(close).es}` });
        continue;
      }
      if (computed && this.isComputed(t, sep)) {
        subs.push(this.computedSub(t, dim, varName, position, computed, loc));
        const close = this.next();
        if (this.isOp(close, ']')) return subs;
        if (!this.isOp(close, ',')) throw this.fail(close, { en: `expected ',' or ']' after a subscript but found ${describe(close).en}`, es: `se esperaba ',' o ']' después de un subíndice pero se encontró ${describe(close).es}` });
        continue;
      }
      if (!this.isOp(sep, ',', ']')) {
        throw this.fail(
          t,
          {
            en: 'a subscript must be a dimension, an element, an index or * (computed subscripts and ranges are not supported)',
            es: 'un subíndice debe ser una dimensión, un elemento, un índice o * (no se admiten subíndices calculados ni rangos)',
          },
          'E_UNSUPPORTED',
        );
      }
      if (this.isOp(t, '*')) {
        if (!dim) throw this.fail(t, { en: `${varName} has no dimension at position ${position + 1} for *`, es: `${varName} no tiene una dimensión en la posición ${position + 1} para *` }, 'E_DIMENSION');
        const display = this.env.dims.get(dim)?.display ?? dim;
        if (!this.iterated) {
          // Outside an array function the slice `m[*, 2]` is a whole dimension; in an equation
          // over that dimension it maps element by element, as the dimension's name would.
          if (!this.scope.lhsDims.includes(dim)) {
            throw this.fail(t, { en: `the wildcard * stands for all of ${display} here, but this equation is not defined over ${display}: use it inside an array function such as SUM, or define the equation over ${display}`, es: `el comodín * representa toda la dimensión ${display} aquí, pero esta ecuación no está definida sobre ${display}: úselo dentro de una función de arreglos como SUM, o defina la ecuación sobre ${display}` }, 'E_UNSUPPORTED');
          }
          subs.push({ name: dim, display, bang: false, loc });
        } else {
          this.iterated.add(dim);
          subs.push({ name: dim, display, bang: true, loc });
        }
      } else if (t.kind === 'num') {
        subs.push(this.indexSub(t, dim, loc, computed && { position, list: computed }));
      } else if (t.kind === 'name') {
        const qualified = t.text.includes('.') && !t.quoted;
        const name = qualified ? this.qualifiedElement(t) : canonicalName(t.text);
        const display = displayOfDecoded(qualified ? t.text.slice(t.text.indexOf('.') + 1) : t.text);
        if (this.env.dims.has(name)) subs.push(this.dimensionSub(name, display, loc));
        else subs.push({ name, display, bang: false, loc });
      } else {
        throw this.fail(t, { en: `expected a subscript but found ${describe(t).en}`, es: `se esperaba un subíndice pero se encontró ${describe(t).es}` });
      }
      this.next();
      if (this.isOp(sep, ']')) return subs;
    }
  }

  /**
   * A subscript that is an expression: more than one token (`RANK(y, 1)`, `i + 1`), or a single
   * name that is neither a dimension nor an element of any dimension (a variable holding an
   * index; §3.7.1: where a variable and an element share a name, the element prevails).
   */
  private isComputed(t: Token, sep: Token): boolean {
    if (t.kind === 'eof' || this.isOp(t, '*')) return false;
    if (!this.isOp(sep, ',', ']')) return true;
    if (t.kind !== 'name' || (t.text.includes('.') && !t.quoted)) return false;
    const name = canonicalName(t.text);
    if (this.env.dims.has(name)) return false;
    for (const d of this.env.dims.values()) if (d.elements.includes(name)) return false;
    return true;
  }

  /** Reads a computed subscript starting at `t` (already taken) up to, not including, its ',' or ']'. */
  private computedSub(t: Token, dim: string | undefined, varName: string, position: number, computed: ComputedSub[], loc: SourceLocation): SubscriptRef {
    const info = dim ? this.env.dims.get(dim) : undefined;
    if (!info || info.elements.length === 0) {
      throw this.fail(t, { en: `${varName} has no dimension at position ${position + 1} for the computed subscript`, es: `${varName} no tiene una dimensión en la posición ${position + 1} para el subíndice calculado` }, 'E_DIMENSION');
    }
    this.i--; // read the subscript again, as an expression
    const saved = { iterated: this.iterated, bareWhole: this.bareWhole, bareOverLhs: this.bareOverLhs };
    this.iterated = undefined;
    this.bareWhole = false;
    try {
      computed.push({ position, expr: this.parseExpr() });
    } finally {
      this.iterated = saved.iterated;
      this.bareWhole = saved.bareWhole;
      this.bareOverLhs = saved.bareOverLhs;
    }
    const first = info.elements[0]!;
    return { name: first, display: first, bang: false, loc };
  }

  /**
   * `Dim.element` inside brackets is that element (isee help, Specialized Array Manipulation:
   * `size.medium`); the dimension before the dot must have it, or the subscript is an error
   * rather than a silent match of an element of the same name elsewhere.
   */
  private qualifiedElement(t: Token): string {
    const dot = t.text.indexOf('.');
    const info = this.env.dims.get(canonicalName(t.text.slice(0, dot)));
    const el = canonicalName(t.text.slice(dot + 1));
    if (info && info.elements.includes(el)) return el;
    const dimName = t.text.slice(0, dot);
    throw this.fail(
      t,
      info
        ? { en: `dimension ${info.display} has no element ${t.text.slice(dot + 1)} (subscript ${t.text})`, es: `la dimensión ${info.display} no tiene el elemento ${t.text.slice(dot + 1)} (subíndice ${t.text})` }
        : { en: `'${dimName}' before the dot in ${t.text} is not a dimension`, es: `'${dimName}' antes del punto en ${t.text} no es una dimensión` },
      'E_DIMENSION',
    );
  }

  /**
   * `m[lo:hi]`, elements lo to hi of the position's dimension, by 1-based index or by element name
   * (isee help, Array builtins: `MEAN(Salaries[*,1:3])`, PROD over "a range specified (min:max)").
   * Inside an array function it is iterated like `*:SubRange` over a sub-range the reader declares
   * for it; outside one see rangeOverEquation.
   */
  private rangeSub(t: Token, dim: string | undefined, varName: string, position: number, loc: SourceLocation, computed?: ComputedSub[]): SubscriptRef {
    this.next(); // ':'
    const hiTok = this.next();
    const info = dim ? this.env.dims.get(dim) : undefined;
    if (!dim || !info) throw this.fail(t, { en: `${varName} has no dimension at position ${position + 1} for a range`, es: `${varName} no tiene una dimensión en la posición ${position + 1} para un rango` }, 'E_DIMENSION');
    const inside = !!this.iterated && !!this.env.subRange;
    if (!inside && !computed) {
      throw this.fail(t, { en: `the range ${t.text}:${hiTok.text} is only supported inside an array function such as SUM`, es: `el rango ${t.text}:${hiTok.text} solo se admite dentro de una función de arreglos como SUM` }, 'E_UNSUPPORTED');
    }
    const position1 = (b: Token): number => {
      if (b.kind === 'num' && !info.elements.includes(b.text)) {
        if (Number.isInteger(b.value) && b.value! >= 1 && b.value! <= info.elements.length) return b.value!;
      } else if (b.kind === 'num' || b.kind === 'name') {
        const el = canonicalName(b.text.includes('.') && !b.quoted ? b.text.slice(b.text.indexOf('.') + 1) : b.text);
        const k = info.elements.indexOf(el);
        if (k >= 0) return k + 1;
      }
      throw this.fail(b, { en: `${describe(b).en} is neither an index (1 to ${info.elements.length}) nor an element of ${info.display}`, es: `${describe(b).es} no es un índice (1 a ${info.elements.length}) ni un elemento de ${info.display}` }, 'E_DIMENSION');
    };
    const lo = position1(t);
    const hi = position1(hiTok);
    if (lo > hi) throw this.fail(t, { en: `the range ${t.text}:${hiTok.text} runs backwards`, es: `el rango ${t.text}:${hiTok.text} va hacia atrás` }, 'E_DIMENSION');
    if (!inside) return this.rangeOverEquation(t, `${t.text}:${hiTok.text}`, dim, lo, hi, position, computed!, loc);
    const range = this.env.subRange!(dim, lo, hi);
    this.iterated!.add(range);
    return { name: range, display: this.env.dims.get(range)?.display ?? range, bang: true, loc };
  }

  /**
   * `A[lo:hi]` outside an array function, in an apply-to-all equation (XMILE 1.0 §3.7.1.2: "Ranges
   * can be used outside of array built-in functions"): the k-th element of the equation's dimension
   * takes the range's k-th element, A[lo − 1 + k]. That dimension is the range's own when the
   * equation is over it, else the equation's only one. A range longer or shorter than that dimension
   * "will be truncated or extended", with a warning the standard asks for; that is refused here.
   */
  private rangeOverEquation(t: Token, text: string, dim: string, lo: number, hi: number, position: number, computed: ComputedSub[], loc: SourceLocation): SubscriptRef {
    const lhs = this.scope.lhsDims;
    const over = lhs.includes(dim) ? dim : new Set(lhs).size === 1 ? lhs[0]! : undefined;
    const info = over ? this.env.dims.get(over) : undefined;
    const shown = (d: string) => this.env.dims.get(d)?.display ?? d;
    if (!over || !info || lhs.indexOf(over) !== lhs.lastIndexOf(over) || info.elements.length !== hi - lo + 1) {
      const why = !over
        ? { en: lhs.length ? `the equation is over [${lhs.map(shown).join(', ')}], none of them ${shown(dim)}, so which one the range runs along is not said` : 'the equation defines no array', es: lhs.length ? `la ecuación está definida sobre [${lhs.map(shown).join(', ')}], ninguna de ellas ${shown(dim)}, así que no se dice a lo largo de cuál va el rango` : 'la ecuación no define un arreglo' }
        : lhs.indexOf(over) !== lhs.lastIndexOf(over)
          ? { en: `the equation is over ${shown(over)} more than once`, es: `la ecuación está definida sobre ${shown(over)} más de una vez` }
          : { en: `it holds ${hi - lo + 1} elements and ${shown(over)} ${info!.elements.length}, so it would be truncated or extended`, es: `tiene ${hi - lo + 1} elementos y ${shown(over)} ${info!.elements.length}, así que se truncaría o extendería` };
      throw this.fail(
        t,
        {
          en: `the range ${text} outside an array function is supported in an equation over one dimension of as many elements, element k taking the range's k-th (XMILE 1.0 §3.7.1.2); here ${why.en}. Inside an array function such as SUM it is always supported`,
          es: `el rango ${text} fuera de una función de arreglos se admite en una ecuación sobre una dimensión de igual número de elementos, donde el elemento k toma el k-ésimo del rango (XMILE 1.0 §3.7.1.2); aquí ${why.es}. Dentro de una función de arreglos como SUM siempre se admite`,
        },
        'E_UNSUPPORTED',
      );
    }
    const current: Expr = { kind: 'ref', name: over, display: info.display, subs: [], loc };
    computed.push({ position, expr: lo === 1 ? current : bin('+', num(lo - 1, loc), current, loc), axis: { dim: over, text } });
    const first = this.env.dims.get(dim)!.elements[0]!;
    return { name: first, display: first, bang: false, loc };
  }

  /** `m[1:2, C]` over C: the range would run along C while C also picks m's other subscript. */
  private refuseRangeAxisReused(computed: readonly ComputedSub[], subs: readonly SubscriptRef[]): void {
    for (const c of computed) {
      if (!c.axis || !subs.some((s) => s.name === c.axis!.dim)) continue;
      const d = this.env.dims.get(c.axis.dim)?.display ?? c.axis.dim;
      throw ModelError.at(
        'E_UNSUPPORTED',
        {
          en: `the range ${c.axis.text} outside an array function would run along ${d}, the equation's dimension, but ${d} also names another subscript of the same reference, so which element goes where is not said (XMILE 1.0 §3.7.1.2); write the subscripts out, or use the range inside an array function such as SUM`,
          es: `el rango ${c.axis.text} fuera de una función de arreglos iría a lo largo de ${d}, la dimensión de la ecuación, pero ${d} también nombra otro subíndice de la misma referencia, así que no se dice qué elemento va dónde (XMILE 1.0 §3.7.1.2); escriba los subíndices, o use el rango dentro de una función de arreglos como SUM`,
        },
        c.expr.loc,
      );
    }
  }

  /**
   * A number written as a subscript: the element at that 1-based index. A whole number outside 1…n
   * is kept as a computed subscript of constant value, so the reference gives what an invalid index gives:
   * XMILE 1.0 §3.7.1, "If a subscript expression results in an invalid subscript index (i.e., it is
   * out of range), a zero (0) MUST be returned" (NaN where <uses_arrays> says so, footnote 10), and
   * "a warning SHOULD be given", which the analyzer gives (array-functions.ts, W_INVALID_INDEX).
   * A fraction, or an index where no computed subscript can stand (LOOKUP's table), stays a located error.
   */
  private indexSub(t: Token, dim: string | undefined, loc: SourceLocation, computed?: { position: number; list: ComputedSub[] }): SubscriptRef {
    const info = dim ? this.env.dims.get(dim) : undefined;
    const k = t.value!;
    if (!info) return { name: t.text, display: t.text, bang: false, loc };
    if (info.elements.includes(t.text)) return { name: t.text, display: t.text, bang: false, loc };
    if (!Number.isInteger(k) || k < 1 || k > info.elements.length) {
      if (computed && Number.isInteger(k) && info.elements.length > 0) {
        computed.list.push({ position: computed.position, expr: num(k, loc) });
        const first = info.elements[0]!;
        return { name: first, display: first, bang: false, loc };
      }
      throw this.fail(t, { en: `index ${t.text} is outside dimension ${info.display} (1 to ${info.elements.length})`, es: `el índice ${t.text} está fuera de la dimensión ${info.display} (1 a ${info.elements.length})` }, 'E_DIMENSION');
    }
    const el = info.elements[k - 1]!;
    return { name: el, display: el, bang: false, loc };
  }

  private parseArgs(): Expr[] {
    const args: Expr[] = [];
    if (this.isOp(this.peek(), ')')) {
      this.next();
      return args;
    }
    for (;;) {
      args.push(this.parseExpr());
      const t = this.next();
      if (this.isOp(t, ')')) return args;
      if (!this.isOp(t, ',')) throw this.fail(t, { en: `expected ',' or ')' in the argument list but found ${describe(t).en}`, es: `se esperaba ',' o ')' en la lista de argumentos pero se encontró ${describe(t).es}` });
    }
  }

  private parseCall(t: Token, canonical: string, display: string, loc: SourceLocation): Expr {
    if (this.env.macros.has(canonical)) return apply(canonical, this.parseArgs(), loc, display);
    const gf = this.env.gfs.get(canonical);
    if (gf) return this.lookupCall(gf, this.parseArgs(), loc);
    const key = t.quoted ? '' : functionKey(t.text);
    if (this.env.varDims.has(canonical) && !builtinSpec(key) && !ARRAY_BUILTINS.has(key) && key !== 'RANK') return this.flatIndex(t, canonical, display, loc);
    if (ARRAY_BUILTINS.has(key)) return this.arrayCall(t, key, loc);
    if (key === 'LOOKUP') return this.lookupFunction(t, loc);
    if (key === 'RANK') return this.rankCall(t, loc);
    if (VENSIM_VECTOR_FUNCTIONS.has(key)) return this.vectorCall(key, loc);
    if (builtinSpec(key)) return this.builtin(t, key, this.parseArgs(), loc);
    const vensimFn = this.env.vensimFunctions ? vensimExportFunction(key) : undefined;
    if (vensimFn) return call(vensimFn, this.parseArgs(), loc);
    // A graphical function or macro defined elsewhere, or an unknown name: the analyzer decides.
    return apply(canonical, this.parseArgs(), loc, display);
  }

  /**
   * `A(i)`: XMILE 1.0 §3.3.2 (Function Calls), "An array name can be passed the flat index (i.e.,
   * the linear row-major index) of an element to access that element … given the three-dimensional
   * array A with bounds [2, 3, 4], A(10) refers to the tenth element in row-major order, i.e.,
   * element A[1, 3, 2]". Position −1 of #ELEMENT marks the flat index over all of A's positions;
   * out of range it gives what an invalid subscript gives (§3.7.1: zero).
   */
  private flatIndex(t: Token, canonical: string, display: string, loc: SourceLocation): Expr {
    const args = this.parseArgs();
    if (args.length !== 1) throw this.fail(t, arityMessage(display, 1, 1, args.length), 'E_ARITY');
    const subs = this.env.varDims.get(canonical)!.map((d): SubscriptRef => {
      const first = this.env.dims.get(d)?.elements[0] ?? d;
      return { name: first, display: first, bang: false, loc };
    });
    const ref: Expr = { kind: 'ref', name: canonical, display, subs, loc };
    return call(XMILE_ELEMENT, [ref, num(this.env.invalidIndexValue ?? 0, loc), num(FLAT_INDEX, loc), args[0]!], loc);
  }

  /**
   * Vensim's vector functions as translations of Vensim models keep them (VECTOR SELECT,
   * ALLOCATE AVAILABLE, …): their array arguments may use `*`, which the analyzer iterates.
   */
  private vectorCall(key: string, loc: SourceLocation): Expr {
    const saved = this.iterated;
    const savedWhole = this.bareWhole;
    this.iterated = new Set();
    this.bareWhole = false;
    try {
      return call(key, this.parseArgs(), loc);
    } finally {
      this.iterated = saved;
      this.bareWhole = savedWhole;
    }
  }

  /**
   * RANK(array, n [, secondary array]) (XMILE 1.0 §3.7.1.3; rules in src/sd/run/xmile-rank.ts):
   * the arrays are iterated as in SUM (`*`, ranges, whole arrays); the rank n is a plain scalar.
   */
  private rankCall(t: Token, loc: SourceLocation): Expr {
    const args: Expr[] = [];
    const saved = this.iterated;
    const savedWhole = this.bareWhole;
    const savedBare = this.bareOverLhs;
    try {
      if (this.isOp(this.peek(), ')')) this.next();
      else {
        for (;;) {
          this.iterated = args.length === 1 ? saved : new Set();
          this.bareWhole = args.length === 1 ? savedWhole : true;
          args.push(this.parseExpr());
          const sep = this.next();
          if (this.isOp(sep, ')')) break;
          if (!this.isOp(sep, ',')) throw this.fail(sep, { en: `expected ',' or ')' in the argument list but found ${describe(sep).en}`, es: `se esperaba ',' o ')' en la lista de argumentos pero se encontró ${describe(sep).es}` });
        }
      }
    } finally {
      this.iterated = saved;
      this.bareWhole = savedWhole;
      this.bareOverLhs = savedBare;
    }
    if (args.length < 2 || args.length > 3) throw this.fail(t, arityMessage('RANK', 2, 3, args.length), 'E_ARITY');
    return call(XMILE_RANK, args, loc);
  }

  private builtin(t: Token, key: string, args: Expr[], loc: SourceLocation): Expr {
    const spec = builtinSpec(key)!;
    if (args.length < spec.min || args.length > spec.max) {
      throw this.fail(t, arityMessage(key, spec.min, spec.max, args.length), 'E_ARITY');
    }
    return spec.build(args, { loc, internal: (name, a) => this.internal(name, a, loc) });
  }

  /** A graphical function (one element's, with `subs`) evaluated at x, by its type (§3.1.4). */
  private lookupCall(gf: GfRef, args: Expr[], loc: SourceLocation, subs: SubscriptRef[] = []): Expr {
    if (args.length !== 1) {
      throw ModelError.at('E_ARITY', { en: `graphical function ${gf.display} takes one argument but was given ${args.length}`, es: `la función gráfica ${gf.display} admite un argumento, pero recibió ${args.length}` }, loc);
    }
    if (gf.type === 'continuous') return { kind: 'apply', name: gf.lookup, display: gf.display, subs, args, loc };
    const table: Expr = { kind: 'ref', name: gf.lookup, display: gf.display, subs, loc };
    return call(GF_TYPE_CALL[gf.type], [table, args[0]!], loc);
  }

  /** `LOOKUP(table, x)`: the table is a graphical function's name. */
  private lookupFunction(t: Token, loc: SourceLocation): Expr {
    const name = this.next();
    if (name.kind !== 'name') throw this.fail(name, { en: `LOOKUP needs the name of a graphical function first but found ${describe(name).en}`, es: `LOOKUP necesita primero el nombre de una función gráfica pero se encontró ${describe(name).es}` });
    const canonical = canonicalName(name.text);
    // `LOOKUP(gf[elem], x)`: one element's function of an arrayed graphical function.
    const subs = this.isOp(this.peek(), '[') ? (this.next(), this.parseSubscripts(canonical)) : [];
    this.expectOp(',', { en: 'between the arguments of LOOKUP', es: 'entre los argumentos de LOOKUP' });
    const x = this.parseExpr();
    this.expectOp(')', { en: 'to close LOOKUP', es: 'para cerrar LOOKUP' });
    const gf = this.env.gfs.get(canonical);
    void t;
    if (gf) return this.lookupCall(gf, [x], loc, subs);
    return { kind: 'apply', name: canonical, display: displayOfDecoded(name.text), subs, args: [x], loc };
  }

  /** SUM, PROD, MEAN, SIZE, STDDEV of an array; MIN and MAX of arrays and scalars (§3.7.1.3). */
  private arrayCall(t: Token, key: string, loc: SourceLocation): Expr {
    const args: { e: Expr; dims: string[]; bareOverLhs: Parser['bareOverLhs'] }[] = [];
    const containers: (readonly number[])[] = [];
    if (!this.isOp(this.peek(), ')')) {
      for (;;) {
        const points = this.containerArgument();
        if (points) {
          containers.push(points);
          const sep = this.next();
          if (this.isOp(sep, ')')) break;
          continue;
        }
        const saved = this.iterated;
        const savedWhole = this.bareWhole;
        const savedBare = this.bareOverLhs;
        this.iterated = new Set();
        this.bareWhole = true;
        this.bareOverLhs = undefined;
        const e = this.parseExpr();
        args.push({ e, dims: [...this.iterated], bareOverLhs: this.bareOverLhs });
        this.iterated = saved;
        this.bareWhole = savedWhole;
        this.bareOverLhs = savedBare;
        const sep = this.next();
        if (this.isOp(sep, ')')) break;
        if (!this.isOp(sep, ',')) throw this.fail(sep, { en: `expected ',' or ')' in the argument list but found ${describe(sep).en}`, es: `se esperaba ',' o ')' en la lista de argumentos pero se encontró ${describe(sep).es}` });
      }
    }
    if (containers.length) return this.containerCall(t, key, containers, args, loc);
    if (args.length > 1) this.refuseAmbiguousBare(key, args);
    if (key === 'MIN' || key === 'MAX') {
      if (args.length === 0) throw this.fail(t, { en: `${key} needs at least one argument`, es: `${key} necesita al menos un argumento` }, 'E_ARITY');
      const only = args.length === 1 ? args[0]!.e : undefined;
      if (only?.kind === 'ref' && only.subs.length === 0 && !args[0]!.dims.length && this.env.beltsAndQueues?.has(only.name)) throw this.beltOrQueueElements(only.display, `${key}(${only.display})`, loc);
      const terms = args.map((a) => (a.dims.length ? call(key === 'MIN' ? 'VMIN' : 'VMAX', [a.e], loc) : a.e));
      return terms.slice(1).reduce((a, b) => call(key, [a, b], loc), terms[0]!);
    }
    const sizeOf = (dims: string[]) => dims.reduce((n, d) => n * (this.env.dims.get(d)?.elements.length ?? 1), 1);
    if (key === 'MEAN' && args.length > 1) {
      // Stella's MEAN(a, b, …): the mean of every value given, arrays counted element by element.
      const total = args.map((a) => (a.dims.length ? call('SUM', [a.e], loc) : a.e)).reduce((a, b) => bin('+', a, b, loc));
      return bin('/', total, num(args.reduce((n, a) => n + sizeOf(a.dims), 0), loc), loc);
    }
    if (args.length !== 1) throw this.fail(t, arityMessage(key, 1, 1, args.length), 'E_ARITY');
    const { e, dims } = args[0]!;
    if (key !== 'SUM' && e.kind === 'ref' && e.subs.length === 0 && !dims.length && this.env.beltsAndQueues?.has(e.name)) throw this.beltOrQueueElements(e.display, `${key}(${e.display})`, loc);
    const count = sizeOf(dims);
    return this.arrayReduction(key, e, count, loc);
  }

  /**
   * An array builtin over graphical functions (XMILE 1.0 §3.7.1.3: "All of these functions MUST work
   * on all container objects … MIN should be able to be applied to a graphical function to find the
   * minimum y-value"): their y-values are known, so the result is a number; MIN and MAX may mix
   * them with other arguments.
   */
  private containerCall(t: Token, key: string, containers: (readonly number[])[], args: { e: Expr; dims: string[] }[], loc: SourceLocation): Expr {
    const ys = containers.flat();
    if (key === 'MIN' || key === 'MAX') {
      const pick = key === 'MIN' ? Math.min : Math.max;
      const terms = [num(pick(...ys), loc), ...args.map((a) => (a.dims.length ? call(key === 'MIN' ? 'VMIN' : 'VMAX', [a.e], loc) : a.e))];
      return terms.slice(1).reduce((a, b) => call(key, [a, b], loc), terms[0]!);
    }
    if (containers.length !== 1 || args.length) throw this.fail(t, arityMessage(key, 1, 1, containers.length + args.length), 'E_ARITY');
    const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
    switch (key) {
      case 'SUM':
        return num(ys.reduce((a, b) => a + b, 0), loc);
      case 'PROD':
        return num(ys.reduce((a, b) => a * b, 1), loc);
      case 'SIZE':
        return num(ys.length, loc);
      case 'MEAN':
        return num(mean, loc);
      default:
        // STDDEV, in the population form of arrayReduction.
        return num(Math.sqrt(ys.reduce((a, y) => a + (y - mean) ** 2, 0) / ys.length), loc);
    }
  }

  private arrayReduction(key: string, e: Expr, count: number, loc: SourceLocation): Expr {
    switch (key) {
      case 'SUM':
      case 'PROD':
        return call(key, [e], loc);
      case 'SIZE': {
        // SIZE(dim) is the dimension's element count (a dimension name is no variable).
        if (e.kind === 'ref' && !this.env.varDims.has(e.name) && this.env.dims.has(e.name)) return num(this.env.dims.get(e.name)!.elements.length, loc);
        return num(count, loc);
      }
      case 'MEAN':
        return bin('/', call('SUM', [e], loc), num(count, loc), loc);
      default: {
        // STDDEV: the population standard deviation, sqrt(Σ(x − mean)² / n). Supuesto: XMILE 1.0
        // §3.7.1.3 says only "standard deviation of values in an array (or array slice)", and the
        // parts of isee's Array builtins help we could read (1.4, 1.8, 3.x, 10.x) give no formula;
        // neither says n or n − 1. The README says which form this is.
        const mean = bin('/', call('SUM', [e], loc), num(count, loc), loc);
        const dev2 = bin('^', bin('-', e, mean, loc), num(2, loc), loc);
        return call('SQRT', [bin('/', call('SUM', [dev2], loc), num(count, loc), loc)], loc);
      }
    }
  }
}

/** A name as shown to users: `_` and `\n` as spaces, white space collapsed. */
export function displayOf(raw: string): string {
  return displayOfDecoded(raw.replace(/\\n/g, ' '));
}

/**
 * The display of a name whose escapes are already decoded (a quoted name's token, an unescaped
 * name attribute): a backslash left in it is the name's own, so `\n` there is not a newline.
 */
export function displayOfDecoded(name: string): string {
  return name.replace(/[_\s]+/g, ' ').trim();
}
