/**
 * Tokens of an XMILE equation (XMILE 1.0 §3.2, §3.3): numbers, identifiers (bare, quoted with
 * `\"`, `\n`, `\\` escapes, or namespace-qualified like `std.ABS`), operators, and the words
 * IF THEN ELSE AND OR NOT MOD. `{ comments }` are skipped.
 *
 * One leniency: words separated by spaces are joined into one name (`EXPRESSION MACRO(…)`), as
 * xmutil writes Vensim names with spaces; two names side by side are otherwise a syntax error.
 */
import type { BilingualText } from '../ir/diagnostics.js';

export type TokenKind = 'num' | 'name' | 'op' | 'kw' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Operator or keyword (upper case) text; for names the name with escapes decoded. */
  text: string;
  value?: number;
  quoted?: boolean;
  /** Offsets in the equation text. */
  start: number;
  end: number;
}

export const KEYWORDS = new Set(['IF', 'THEN', 'ELSE', 'AND', 'OR', 'NOT', 'MOD']);

const TWO_CHAR_OPS = new Set(['<=', '>=', '<>']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '^', '(', ')', '[', ']', ',', '<', '>', '=', ':', ';', '@', "'"]);
const UNICODE_OPS: Record<string, string> = { '≤': '<=', '≥': '>=', '≠': '<>' };

export class LexError extends Error {
  constructor(
    readonly text: BilingualText,
    readonly offset: number,
  ) {
    super(text.en);
  }
}

function isNameStart(c: string): boolean {
  return /[A-Za-z_$]/.test(c) || (c.charCodeAt(0) > 127 && !(c in UNICODE_OPS));
}

function isNamePart(c: string): boolean {
  return /[A-Za-z0-9_$.]/.test(c) || (c.charCodeAt(0) > 127 && !(c in UNICODE_OPS));
}

/** A `"quoted name"` starting at `start`, with its escapes decoded; `end` is past the closing quote. */
function quotedName(text: string, start: number): { name: string; end: number } {
  let name = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) throw new LexError({ en: 'a quoted name is never closed', es: 'un nombre entre comillas nunca se cierra' }, start);
    const ch = text[i]!;
    if (ch === '"') break;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === 'n') name += '\n';
      else if (next === '"' || next === '\\') name += next;
      else {
        throw new LexError(
          {
            en: `'\\${next ?? ''}' is not an escape allowed in a quoted name (use \\", \\n or \\\\)`,
            es: `'\\${next ?? ''}' no es un escape permitido en un nombre entre comillas (use \\", \\n o \\\\)`,
          },
          i,
        );
      }
      i += 2;
      continue;
    }
    name += ch;
    i++;
  }
  return { name, end: i + 1 };
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const skipSpace = (): void => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text[i] !== '{') return;
      const close = text.indexOf('}', i);
      if (close < 0) throw new LexError({ en: 'a comment opened with { is never closed', es: 'un comentario abierto con { nunca se cierra' }, i);
      i = close + 1;
    }
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) break;
    const c = text[i]!;
    const start = i;
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i))!;
      i += m[0].length;
      out.push({ kind: 'num', text: m[0], value: Number(m[0]), start, end: i });
      continue;
    }
    if (c === '"') {
      const q = quotedName(text, i);
      i = q.end;
      out.push({ kind: 'name', text: q.name, quoted: true, start, end: i });
      continue;
    }
    if (isNameStart(c)) {
      let end = i;
      while (end < text.length && isNamePart(text[end]!)) end++;
      let word = text.slice(i, end);
      // A module's output with a quoted name (XMILE 1.0, Submodels): `Staff."target %"`.
      if (word.endsWith('.') && text[end] === '"') {
        const q = quotedName(text, end);
        out.push({ kind: 'name', text: word + q.name, quoted: true, start, end: q.end });
        i = q.end;
        continue;
      }
      const upper = word.toUpperCase();
      if (KEYWORDS.has(upper)) {
        i = end;
        out.push({ kind: 'kw', text: upper, start, end });
        continue;
      }
      // Join following plain words (not keywords) into one name with single spaces.
      for (;;) {
        let j = end;
        while (j < text.length && /[ \t\r\n]/.test(text[j]!)) j++;
        if (j === end || j >= text.length || !isNameStart(text[j]!)) break;
        let k = j;
        while (k < text.length && isNamePart(text[k]!)) k++;
        const next = text.slice(j, k);
        if (KEYWORDS.has(next.toUpperCase())) break;
        word += ' ' + next;
        end = k;
      }
      i = end;
      out.push({ kind: 'name', text: word, start, end });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      i += 2;
      out.push({ kind: 'op', text: two, start, end: i });
      continue;
    }
    if (c in UNICODE_OPS) {
      i++;
      out.push({ kind: 'op', text: UNICODE_OPS[c]!, start, end: i });
      continue;
    }
    if (ONE_CHAR_OPS.has(c)) {
      i++;
      out.push({ kind: 'op', text: c, start, end: i });
      continue;
    }
    throw new LexError({ en: `unexpected character '${c}'`, es: `carácter inesperado '${c}'` }, i);
  }
  out.push({ kind: 'eof', text: '', start: text.length, end: text.length });
  return out;
}
