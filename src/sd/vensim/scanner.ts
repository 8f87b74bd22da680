/**
 * Tokens of Vensim's equation language, with line and column.
 * Names may contain spaces (`birth rate`), so a name token runs until a character that cannot
 * be part of a name; trailing blanks are dropped.
 */
import { ModelError, type MessageFor, type SourceLocation } from '../ir/diagnostics.js';
import { LineIndex } from '../ir/line-index.js';

export type TokenKind = 'num' | 'name' | 'qname' | 'str' | 'op' | 'kw' | 'eof';

/**
 * Every token has these four fields and no other (a number's value is Number(text)): one object
 * shape for all kinds keeps the parser's property reads monomorphic. A `value` field on numbers
 * went from small integers to fractions, which changed the field's representation and made V8
 * drop the token shape while it was optimising `next` (MEDEAS: that optimisation thrown away).
 */
export interface Token {
  kind: TokenKind;
  /** For `kw`, upper case with single spaces and the colons removed (`AND`, `HOLD BACKWARD`). */
  text: string;
  loc: SourceLocation;
  /** Offset just past the token, for raw reads that follow. */
  end: number;
}

const KEYWORDS = new Set([
  'AND', 'OR', 'NOT', 'NA', 'EXCEPT', 'INTERPOLATE', 'RAW', 'HOLD BACKWARD', 'LOOK FORWARD',
  'MACRO', 'END OF MACRO', 'IMPLIES', 'TEST INPUT', 'THE CONDITION', 'IS', 'INCLUDE',
]);

const OPS = ['<->', '->', '<=', '>=', '<>', '==', ':=', '+', '-', '*', '/', '^', '(', ')', '[', ']', ',', ';', '=', '<', '>', '!', ':', '~', '|'];
/** OPS by first character code, longest first (the order of OPS): a loop over all 25 per operator was a tenth of the scanner. */
const OPS_BY_CHAR = new Map<number, string[]>();
for (const op of OPS) {
  const k = op.charCodeAt(0);
  const list = OPS_BY_CHAR.get(k) ?? [];
  list.push(op);
  OPS_BY_CHAR.set(k, list);
}

function operatorAt(t: string, start: number): string | undefined {
  const list = OPS_BY_CHAR.get(t.charCodeAt(start));
  if (list) for (const op of list) if (t.startsWith(op, start)) return op;
  return undefined;
}

/**
 * End of the number at `start` (start itself when there is none): digits with an optional point and
 * more digits, or a point and digits, then an optional exponent with at least one digit. Read within
 * 64 characters, as the regular expression over a 64-character slice it replaces did.
 */
function numberEnd(t: string, start: number): number {
  const limit = Math.min(t.length, start + 64);
  let i = start;
  while (i < limit && isDigit(t.charCodeAt(i))) i++;
  if (i > start) {
    if (i < limit && t.charCodeAt(i) === 46) {
      i++;
      while (i < limit && isDigit(t.charCodeAt(i))) i++;
    }
  } else {
    // '.' then at least one digit
    let j = start + 1;
    while (j < limit && isDigit(t.charCodeAt(j))) j++;
    if (j === start + 1) return start;
    i = j;
  }
  if (i < limit && (t.charCodeAt(i) === 101 || t.charCodeAt(i) === 69)) {
    let j = i + 1;
    if (j < limit && (t.charCodeAt(j) === 43 || t.charCodeAt(j) === 45)) j++;
    const digits = j;
    while (j < limit && isDigit(t.charCodeAt(j))) j++;
    if (j > digits) i = j;
  }
  return i;
}

// Character classes by code (a regular expression per character was a fifth of parsing MEDEAS).
function isLetter(k: number): boolean {
  return (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
}
/** [A-Za-z_$] or any non-ASCII character. */
function isNameStart(k: number): boolean {
  return isLetter(k) || k === 95 || k === 36 || k >= 0x80;
}
/** [A-Za-z0-9_$ \t'&%] or any non-ASCII character. */
function isNamePart(k: number): boolean {
  return isNameStart(k) || (k >= 48 && k <= 57) || k === 32 || k === 9 || k === 39 || k === 38 || k === 37;
}
function isDigit(k: number): boolean {
  return k >= 48 && k <= 57;
}

/** A string literal over a CR LF line end: readVensim reads the model again with LF line ends. */
export class CrInString extends Error {}

export class Scanner {
  readonly text: string;
  readonly file: string | undefined;
  pos = 0;
  private readonly lines: LineIndex;
  /** The token `peek` read last, so that the `next` that usually follows does not read it again. */
  private peeked: { at: number; token: Token; after: number } | undefined;

  constructor(text: string, file?: string, startOffset = 0) {
    this.text = text;
    this.file = file;
    this.lines = new LineIndex(text, file);
    this.pos = startOffset;
  }

  locAt(offset: number): SourceLocation {
    return this.lines.loc(offset);
  }

  error<C extends string>(code: C, message: MessageFor<C>, offset = this.pos): ModelError {
    return ModelError.at(code, message, this.locAt(offset));
  }

  /** An error at the start of a token: its own location (a keyword's text has no colons, so its length does not place it). */
  errorAtToken<C extends string>(code: C, message: MessageFor<C>, t: Token): ModelError {
    return ModelError.at(code, message, t.loc);
  }

  /** Where the last peekCode started and where its trivia ended, so that skipTrivia from there jumps. */
  private triviaFrom = -1;
  private triviaTo = 0;

  /**
   * The code of the next character after trivia (NaN at the end), without moving. The parser asks
   * this before it asks for a token: most of its looks ahead are for one-character operators
   * (`,` `)` `]` `(` …) or for an operator that is not there, and a token object and location for
   * each was most of what a large model's parse allocated.
   */
  peekCode(): number {
    if (this.triviaFrom !== this.pos) {
      const save = this.pos;
      this.skipTrivia();
      this.triviaTo = this.pos;
      this.triviaFrom = save;
      this.pos = save;
    }
    return this.text.charCodeAt(this.triviaTo);
  }

  /** Steps over trivia and the one character peekCode gave (an operator that starts no longer token). */
  skipCode(): void {
    this.skipTrivia();
    this.pos++;
  }

  /** Skips white space, `{comments}` and backslash line continuations. */
  skipTrivia(): void {
    if (this.pos === this.triviaFrom) {
      this.pos = this.triviaTo;
      return;
    }
    const t = this.text;
    while (this.pos < t.length) {
      // Character codes: ' ', \t \n \v \f \r, no-break space; '\\'; '{'.
      const c = t.charCodeAt(this.pos);
      if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) {
        this.pos++;
      } else if (c === 92 && /^\\[ \t]*\r?\n/.test(t.slice(this.pos, this.pos + 64))) {
        this.pos++;
      } else if (c === 123) {
        // Comments nest: `{ a { b } c }` is one comment.
        const open = this.pos;
        let depth = 0;
        do {
          const ch = t[this.pos++];
          if (ch === '{') depth++;
          else if (ch === '}') depth--;
        } while (depth > 0 && this.pos < t.length);
        if (depth > 0) throw this.error('E_SYNTAX', { en: 'comment `{` is never closed', es: 'el comentario `{` nunca se cierra' }, open);
      } else break;
    }
  }

  peek(): Token {
    const save = this.pos;
    const tok = this.next();
    // One record, rewritten: a peek before nearly every token made one object each.
    const p = (this.peeked ??= { at: 0, token: tok, after: 0 });
    p.at = save;
    p.token = tok;
    p.after = this.pos;
    this.pos = save;
    return tok;
  }

  next(): Token {
    const p = this.peeked;
    if (p && p.at === this.pos) {
      this.pos = p.after;
      return p.token;
    }
    this.skipTrivia();
    const t = this.text;
    const start = this.pos;
    const loc = this.locAt(start);
    if (start >= t.length) return { kind: 'eof', text: '', loc, end: start };
    const c = t[start]!;

    if (c === '"') {
      // The first '"' not escaped by a backslash just before it (the opening quote escapes nothing).
      // One search site for the first and any later quote: a loop body first run once optimised (an
      // escaped quote is rare) deoptimised `next`.
      let i = start;
      do i = t.indexOf('"', i + 1);
      while (i > start + 1 && t.charCodeAt(i - 1) === 92);
      if (i < 0) throw this.error('E_SYNTAX', { en: 'quoted name is never closed', es: 'un nombre entre comillas nunca se cierra' }, start);
      this.pos = i + 1;
      return { kind: 'qname', text: t.slice(start, i + 1), loc, end: this.pos };
    }
    if (c === "'") {
      const close = t.indexOf("'", start + 1);
      if (close < 0) throw this.error('E_SYNTAX', { en: 'string is never closed', es: 'una cadena de texto nunca se cierra' }, start);
      this.pos = close + 1;
      const str = t.slice(start + 1, close);
      // CR LF text is read as it is (reader.ts), but a string over a line end would keep its CR,
      // and its length would no longer place errors as in LF text: the reader reads it as LF again.
      if (str.includes('\r')) throw new CrInString();
      return { kind: 'str', text: str, loc, end: this.pos };
    }
    const k = t.charCodeAt(start);
    const numEnd = isDigit(k) || k === 46 ? numberEnd(t, start) : start;
    if (numEnd > start) {
      const text = t.slice(start, numEnd);
      this.pos = numEnd;
      return { kind: 'num', text, loc, end: this.pos };
    }
    if (c === ':') {
      const kw = /^:([A-Za-z][A-Za-z ]*?)\s*:/.exec(t.slice(start, start + 40));
      if (kw) {
        const word = kw[1]!.trim().replace(/\s+/g, ' ').toUpperCase();
        if (KEYWORDS.has(word)) {
          this.pos = start + kw[0].length;
          return { kind: 'kw', text: word, loc, end: this.pos };
        }
      }
    }
    if (isNameStart(k)) {
      let i = start;
      let lastSolid = start;
      while (i < t.length) {
        const ch = t.charCodeAt(i);
        if (ch === 92 && /^\\[ \t]*\r?\n/.test(t.slice(i, i + 64))) {
          i = t.indexOf('\n', i) + 1;
          continue;
        }
        if (!isNamePart(ch)) break;
        if (ch !== 32 && ch !== 9) lastSolid = i;
        i++;
      }
      this.pos = lastSolid + 1;
      return { kind: 'name', text: t.slice(start, this.pos), loc, end: this.pos };
    }
    const op = operatorAt(t, start);
    if (op !== undefined) {
      this.pos = start + op.length;
      return { kind: 'op', text: op, loc, end: this.pos };
    }
    throw this.error('E_SYNTAX', { en: `unexpected character '${c}'`, es: `carácter inesperado '${c}'` }, start);
  }

  /** Reads raw text up to (not including) the first of `stops`; used for units and documentation. */
  readRawUntil(stops: string): string {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (stops.length <= 2) {
      // indexOf, native, not a look at each character: documentation runs to thousands of
      // characters in large models, read once each, mostly before the parser is optimised. The
      // second stop is looked for only before the first one's place, so no search runs past it.
      i = t.indexOf(stops[0]!, start);
      if (i < 0) i = t.length;
      if (stops.length === 2 && i > start) {
        const j = t.slice(start, i).indexOf(stops[1]!);
        if (j >= 0) i = start + j;
      }
    } else {
      while (i < t.length && !stops.includes(t[i]!)) i++;
    }
    this.pos = i;
    return t.slice(start, i);
  }

  atEnd(): boolean {
    this.skipTrivia();
    return this.pos >= this.text.length;
  }
}
