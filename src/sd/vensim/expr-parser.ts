/**
 * Recursive-descent parser for Vensim expressions (binary operators by precedence climbing). Hand-written rather than generated so that
 * names with spaces, lookup literals and TABBED ARRAY (which is whitespace-sensitive) stay simple
 * and every node keeps its location.
 *
 * Precedence, lowest first (Vensim's reference): :OR:, :AND:, :NOT:, comparisons, + -, * /,
 * unary - +, ^ (right-associative). So `-x^2` is `-(x^2)`.
 */
import { isBuiltin } from '../ir/builtins.js';
import { DEFAULT_LIMITS, DepthGuard, tooDeep, treeTooDeep, type ModelLimits } from '../ir/limits.js';
import { canonicalFunction, canonicalName, displayName } from '../ir/names.js';
import type { BinaryOp, Expr, LookupTable, SubscriptRef } from '../ir/model.js';
import type { BilingualText, SourceLocation } from '../ir/diagnostics.js';
import type { Scanner, Token } from './scanner.js';

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);
// Character codes the parser looks ahead for (Scanner.peekCode).
const OPEN = 40; // (
const CLOSE = 41; // )
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const SLASH = 47;
const COLON = 58;
const LESS = 60;
const EQUALS = 61;
const GREATER = 62;
const OPEN_BRACKET = 91; // [
const CLOSE_BRACKET = 93; // ]
const CARET = 94;
const BANG = 33;
// Binary precedence, lowest first; NOT is where `:NOT:` may start an operand (that of :AND: and below).
const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARISON = 4;
const ADDITIVE = 5;
const MULTIPLICATIVE = 6;

/** A name token's canonical, display and function forms (src/sd/ir/names.ts). */
export interface NameForms {
  name: string;
  display: string;
  fn: string;
}

export class ExprParser {
  /** Counts recursive steps so that deep nesting is a located error, not a stack overflow. */
  private readonly guard: DepthGuard;
  /**
   * Name forms by token text: a model names each variable many times, and each name read made
   * three new strings (the function form only to be looked up), which the IR then kept.
   */
  private readonly nameForms = new Map<string, NameForms>();
  constructor(
    private readonly s: Scanner,
    limits: Pick<ModelLimits, 'maxNesting' | 'maxExprDepth'> = DEFAULT_LIMITS,
  ) {
    this.guard = new DepthGuard(limits.maxNesting, limits.maxExprDepth);
  }

  /** The forms of a name as written (the same as canonicalName, displayName and canonicalFunction give). */
  names(raw: string): NameForms {
    let f = this.nameForms.get(raw);
    if (f === undefined) this.nameForms.set(raw, (f = { name: canonicalName(raw), display: displayName(raw), fn: canonicalFunction(raw) }));
    return f;
  }

  /** One recursive step deeper: throws a located error past the depth limit. */
  private enter(): void {
    if (!this.guard.tryEnter()) throw tooDeep(this.guard.limit, this.s.peek().loc);
  }

  private expectOp(op: string, what?: BilingualText): Token {
    const t = this.s.next();
    if (t.kind !== 'op' || t.text !== op) {
      const message = {
        en: `expected '${op}'${what ? ' ' + what.en : ''} but found ${describe(t).en}`,
        es: `se esperaba '${op}'${what ? ' ' + what.es : ''} pero se encontró ${describe(t).es}`,
      };
      throw t.loc.line ? this.s.errorAtToken('E_SYNTAX', message, t) : this.s.error('E_SYNTAX', message);
    }
    return t;
  }

  private isOp(t: Token, op: string): boolean {
    return t.kind === 'op' && t.text === op;
  }

  private isKw(t: Token, word: string): boolean {
    return t.kind === 'kw' && t.text === word;
  }

  /**
   * Steps over `code` when it comes next: a one-character operator that starts no longer one
   * (`(` `)` `[` `]` `,` `!`), looked for without a token (Scanner.peekCode). False leaves the
   * scanner where it was, for the token path (and its error) to take over.
   */
  private eat(code: number): boolean {
    if (this.s.peekCode() !== code) return false;
    this.s.skipCode();
    return true;
  }

  parseExpr(): Expr {
    this.enter();
    try {
      return this.parseBinary(OR);
    } finally {
      this.guard.leave();
    }
  }

  /**
   * Binary operators of precedence `min` and above, by precedence climbing: one loop for all the
   * levels, rather than a method per level, each inlining the ones below (the optimising compiler
   * spent more time on that chain than parsing a large model took). Trees are those of a method per
   * level: left-associative chains, `:NOT:` only where an :AND: or :OR: operand may start, and the
   * operands of a comparison are sums (so `a = :NOT: b` is an error, as before).
   */
  private parseBinary(min: number): Expr {
    let left: Expr;
    if (min <= NOT && this.s.peekCode() === COLON && this.isKw(this.s.peek(), 'NOT')) {
      const t = this.s.next();
      this.enter();
      const arg = this.parseBinary(NOT);
      this.guard.leave();
      left = { kind: 'unary', op: 'not', arg, loc: t.loc };
    } else {
      left = this.parseUnary();
    }
    // Operators taken in one pass of this loop never rise in precedence (a higher one went to the
    // right operand), so the operators of one level come in one run: `chain` counts that run, as
    // the per-level loops counted their chains.
    let level = 0;
    let chain = 0;
    for (;;) {
      const c = this.s.peekCode();
      let prec: number;
      if (c === PLUS || c === MINUS) prec = ADDITIVE;
      else if (c === STAR || c === SLASH) prec = MULTIPLICATIVE;
      else if (c === EQUALS || c === LESS || c === GREATER) prec = COMPARISON; // the first characters of COMPARISONS
      else if (c === COLON) prec = AND; // every keyword starts with ':'; :OR: is lower still
      else return left;
      if (prec < min) return left;
      const t = this.s.peek();
      let op: BinaryOp;
      if (prec === AND) {
        if (t.kind !== 'kw') return left;
        if (t.text === 'AND') op = 'and';
        else if (t.text === 'OR' && min <= OR) {
          op = 'or';
          prec = OR;
        } else return left;
      } else {
        // '-' also starts '->', and '<' '=' start '<->' '==': not binary operators.
        if (t.kind !== 'op' || (prec === COMPARISON ? !COMPARISONS.has(t.text) : t.text.length !== 1)) return left;
        op = t.text as BinaryOp;
      }
      this.s.next();
      if (prec !== level) {
        level = prec;
        chain = 0;
      }
      if (!this.guard.chainFits(++chain)) throw treeTooDeep(this.guard.treeLimit, t.loc);
      const right = prec === MULTIPLICATIVE ? this.parseUnary() : this.parseBinary(prec + 1);
      left = { kind: 'binary', op, left, right, loc: t.loc };
    }
  }

  private parseUnary(): Expr {
    const c = this.s.peekCode();
    if (c !== PLUS && c !== MINUS) return this.parsePower();
    const t = this.s.peek();
    if (this.isOp(t, '-') || this.isOp(t, '+')) {
      this.s.next();
      this.enter();
      const arg = this.parseUnary();
      this.guard.leave();
      return { kind: 'unary', op: t.text as '-' | '+', arg, loc: t.loc };
    }
    return this.parsePower();
  }

  /** `^` binds tighter than unary minus and groups right to left (`a^b^c` = `a^(b^c)`), as Vensim does. */
  private parsePower(): Expr {
    const left = this.parsePrimary();
    if (this.s.peekCode() !== CARET) return left;
    const t = this.s.peek();
    if (!this.isOp(t, '^')) return left;
    this.s.next();
    const nt = this.s.peek();
    this.enter();
    const right = this.isOp(nt, '-') || this.isOp(nt, '+') ? this.parseUnary() : this.parsePower();
    this.guard.leave();
    return { kind: 'binary', op: '^', left, right, loc: t.loc };
  }

  private parsePrimary(): Expr {
    if (this.eat(OPEN)) {
      const e = this.parseExpr();
      if (!this.eat(CLOSE)) this.expectOp(')', { en: 'to close the parenthesis', es: 'para cerrar el paréntesis' });
      return e;
    }
    const t = this.s.next();
    switch (t.kind) {
      case 'num':
        return { kind: 'num', value: Number(t.text), loc: t.loc };
      case 'str':
        return { kind: 'str', value: t.text, loc: t.loc };
      case 'kw':
        if (t.text === 'NA') return { kind: 'na', loc: t.loc };
        break;
      case 'op':
        if (t.text === '(') {
          const e = this.parseExpr();
          this.expectOp(')', { en: 'to close the parenthesis', es: 'para cerrar el paréntesis' });
          return e;
        }
        break;
      case 'name':
      case 'qname':
        return this.parseNamed(t);
      default:
        break;
    }
    throw this.s.errorAtToken('E_SYNTAX', { en: `unexpected ${describe(t).en} in expression`, es: `no se esperaba ${describe(t).es} en la expresión` }, t);
  }

  private parseNamed(t: Token): Expr {
    const forms = this.names(t.text);
    const fn = forms.fn;
    if (t.kind === 'name' && this.s.peekCode() === OPEN && isBuiltin(fn)) {
      this.s.skipCode();
      if (fn === 'TABBED ARRAY') return this.parseTabbedArray(t);
      const args = this.parseArgs(fn);
      return { kind: 'call', fn, args, loc: t.loc };
    }
    const subs = this.eat(OPEN_BRACKET) ? this.parseSubscriptList() : [];
    if (this.eat(OPEN)) {
      const outputs: { name: string; display: string; loc: SourceLocation }[] = [];
      const args = this.parseArgs('', outputs);
      const e: Expr = { kind: 'apply', name: forms.name, display: forms.display, subs, args, loc: t.loc };
      return outputs.length ? { ...e, outputs } : e;
    }
    return { kind: 'ref', name: forms.name, display: forms.display, subs, loc: t.loc };
  }

  /** Arguments after `(`, up to and including `)`; a macro call's `: out1, out2` go to `outputs`. */
  private parseArgs(fn: string, outputs?: { name: string; display: string; loc: SourceLocation }[]): Expr[] {
    const args: Expr[] = [];
    if (this.eat(CLOSE)) return args;
    for (;;) {
      if (fn === 'WITH LOOKUP' && args.length === 1) {
        const lt = this.s.peek();
        this.expectOp('(', { en: 'to open the lookup table', es: 'para abrir la tabla (lookup)' });
        const table = this.parseLookupBody(lt);
        args.push({ kind: 'lookup', table, loc: lt.loc });
      } else {
        args.push(this.parseExpr());
      }
      if (this.eat(CLOSE)) return args;
      if (this.eat(COMMA)) continue;
      const t = this.s.next();
      if (this.isOp(t, ')')) return args;
      if (outputs && this.isOp(t, ':')) {
        for (;;) {
          const o = this.s.next();
          if (o.kind !== 'name' && o.kind !== 'qname') throw this.s.errorAtToken('E_SYNTAX', { en: `expected the name of a macro output but found ${describe(o).en}`, es: `se esperaba el nombre de una salida de la macro pero se encontró ${describe(o).es}` }, o);
          outputs.push({ name: canonicalName(o.text), display: displayName(o.text), loc: o.loc });
          const sep = this.s.next();
          if (this.isOp(sep, ')')) return args;
          if (!this.isOp(sep, ',')) throw this.s.errorAtToken('E_SYNTAX', { en: `expected ',' or ')' after a macro output but found ${describe(sep).en}`, es: `se esperaba ',' o ')' después de una salida de la macro pero se encontró ${describe(sep).es}` }, sep);
        }
      }
      if (!this.isOp(t, ',')) throw this.s.errorAtToken('E_SYNTAX', { en: `expected ',' or ')' in argument list but found ${describe(t).en}`, es: `se esperaba ',' o ')' en la lista de argumentos pero se encontró ${describe(t).es}` }, t);
    }
  }

  /** `[a, b!, c]` after the `[`, up to and including `]`. */
  parseSubscriptList(): SubscriptRef[] {
    const subs: SubscriptRef[] = [];
    for (;;) {
      const t = this.s.next();
      if (t.kind !== 'name' && t.kind !== 'qname' && t.kind !== 'num') {
        throw this.s.errorAtToken('E_SYNTAX', { en: `expected a subscript but found ${describe(t).en}`, es: `se esperaba un subíndice pero se encontró ${describe(t).es}` }, t);
      }
      const bang = this.eat(BANG);
      const forms = this.names(t.text);
      subs.push({ name: forms.name, display: forms.display, bang, loc: t.loc });
      if (this.eat(CLOSE_BRACKET)) return subs;
      if (this.eat(COMMA)) continue;
      const sep = this.s.next();
      if (this.isOp(sep, ']')) return subs;
      if (!this.isOp(sep, ',')) throw this.s.errorAtToken('E_SYNTAX', { en: `expected ',' or ']' in subscripts but found ${describe(sep).en}`, es: `se esperaba ',' o ']' en los subíndices pero se encontró ${describe(sep).es}` }, sep);
    }
  }

  /**
   * A lookup body after its opening `(`: optional `[(xmin,ymin)-(xmax,ymax)]` range, then either
   * `(x,y)` pairs or the flat form `x1,x2,…,y1,y2,…`; consumes the closing `)`.
   */
  parseLookupBody(start: Token): LookupTable {
    let range: LookupTable['range'];
    if (this.eat(OPEN_BRACKET)) {
      const [xmin, ymin] = this.parsePair();
      this.expectOp('-', { en: 'in lookup range', es: 'en el rango de la tabla (lookup)' });
      const [xmax, ymax] = this.parsePair();
      // Some files add further points inside the range brackets (reference lines); skip them.
      while (this.eat(COMMA)) this.parsePair();
      this.expectOp(']', { en: 'to close the lookup range', es: 'para cerrar el rango de la tabla (lookup)' });
      range = { xmin, ymin, xmax, ymax };
      this.eat(COMMA);
    }
    const x: number[] = [];
    const y: number[] = [];
    if (this.s.peekCode() === OPEN) {
      for (;;) {
        const [px, py] = this.parsePair();
        x.push(px);
        y.push(py);
        if (this.eat(CLOSE)) break;
        if (this.eat(COMMA)) continue;
        const t = this.s.next();
        if (this.isOp(t, ')')) break;
        if (!this.isOp(t, ',')) throw this.s.errorAtToken('E_SYNTAX', { en: `expected ',' or ')' in lookup but found ${describe(t).en}`, es: `se esperaba ',' o ')' en la tabla (lookup) pero se encontró ${describe(t).es}` }, t);
      }
    } else {
      const flat: number[] = [];
      for (;;) {
        flat.push(this.parseSignedNumber());
        if (this.eat(CLOSE)) break;
        if (this.eat(COMMA)) continue;
        const t = this.s.next();
        if (this.isOp(t, ')')) break;
        if (!this.isOp(t, ',')) throw this.s.errorAtToken('E_SYNTAX', { en: `expected ',' or ')' in lookup but found ${describe(t).en}`, es: `se esperaba ',' o ')' en la tabla (lookup) pero se encontró ${describe(t).es}` }, t);
      }
      if (flat.length % 2 !== 0) throw this.s.errorAtToken('E_LOOKUP', { en: 'a lookup given as x values then y values needs an even count of numbers', es: 'una tabla (lookup) dada como valores x y luego valores y necesita una cantidad par de números' }, start);
      const n = flat.length / 2;
      x.push(...flat.slice(0, n));
      y.push(...flat.slice(n));
    }
    // lookups.html: "For all Lookups, a minimum of two values must be specified for both the x and y axis."
    if (x.length < 2) {
      throw this.s.errorAtToken('E_LOOKUP', {
        en: `a lookup needs at least two points and this one has ${x.length} (Vensim's page lookups.html: a minimum of two values for both the x and y axis)`,
        es: `una tabla (lookup) necesita al menos dos puntos y esta tiene ${x.length} (página lookups.html de Vensim: un mínimo de dos valores para el eje x y para el eje y)`,
      }, start);
    }
    return { x, y, range, loc: start.loc };
  }

  private parsePair(): [number, number] {
    if (!this.eat(OPEN)) this.expectOp('(', { en: 'to open a point', es: 'para abrir un punto' });
    const a = this.parseSignedNumber();
    if (!this.eat(COMMA)) this.expectOp(',', { en: 'between the coordinates of a point', es: 'entre las coordenadas de un punto' });
    const b = this.parseSignedNumber();
    if (!this.eat(CLOSE)) this.expectOp(')', { en: 'to close a point', es: 'para cerrar un punto' });
    return [a, b];
  }

  parseSignedNumber(): number {
    let t = this.s.next();
    let sign = 1;
    while (this.isOp(t, '-') || this.isOp(t, '+')) {
      if (t.text === '-') sign = -sign;
      t = this.s.next();
    }
    if (t.kind === 'num') return sign * Number(t.text);
    if (t.kind === 'name' && /^(inf|infinity)$/i.test(t.text)) return sign * Infinity;
    if (t.kind === 'name' && /^nan$/i.test(t.text)) return NaN;
    throw this.s.errorAtToken('E_SYNTAX', { en: `expected a number but found ${describe(t).en}`, es: `se esperaba un número pero se encontró ${describe(t).es}` }, t);
  }

  /** `TABBED ARRAY( 1 2 3 \n 4 5 6 )`: rows are lines, values are separated by white space. */
  private parseTabbedArray(start: Token): Expr {
    const rows: number[][] = [];
    let line = -1;
    for (;;) {
      const t = this.s.peek();
      if (this.isOp(t, ')')) {
        this.s.next();
        break;
      }
      if (t.kind === 'eof') throw this.s.errorAtToken('E_SYNTAX', { en: 'TABBED ARRAY is never closed', es: 'TABBED ARRAY nunca se cierra' }, start);
      const tokLine = t.loc.line;
      const v = this.parseSignedNumber();
      if (tokLine !== line) {
        rows.push([]);
        line = tokLine;
      }
      rows[rows.length - 1]!.push(v);
    }
    return { kind: 'list', rows, loc: start.loc };
  }

  /** A constant list `1, 2, 3` or matrix `1,2;3,4;` (the trailing `;` is optional). */
  parseNumberList(): Expr {
    const loc = this.s.peek().loc;
    const rows: number[][] = [[]];
    for (;;) {
      rows[rows.length - 1]!.push(this.parseSignedNumber());
      const t = this.s.peek();
      if (this.isOp(t, ',')) {
        this.s.next();
        continue;
      }
      if (this.isOp(t, ';')) {
        this.s.next();
        const after = this.s.peek();
        if (after.kind === 'num' || this.isOp(after, '-') || this.isOp(after, '+')) {
          rows.push([]);
          continue;
        }
      }
      break;
    }
    return { kind: 'list', rows, loc };
  }
}

export function describe(t: Token): BilingualText {
  if (t.kind === 'eof') return { en: 'the end of the file', es: 'el final del archivo' };
  const text = t.kind === 'kw' ? `':${t.text}:'` : `'${t.text}'`;
  return { en: text, es: text };
}
