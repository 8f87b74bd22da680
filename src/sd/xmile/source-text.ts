/**
 * The XMILE file as text: turns character offsets into line and column, and reads an element's
 * raw text content (entities and CDATA decoded) together with the offset of every character, so
 * an error inside an equation can point at the exact column in the file.
 */
import type { SourceLocation } from '../ir/diagnostics.js';
import { LineIndex } from '../ir/line-index.js';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decoded text with the source offset of each character (plus one past the end). */
export interface MappedText {
  text: string;
  offsets: number[];
}

export class SourceText {
  private readonly lines: LineIndex;

  constructor(
    readonly text: string,
    readonly file?: string,
  ) {
    this.lines = new LineIndex(text, file);
  }

  /** 1-based line and column of a character offset. */
  loc(offset: number): SourceLocation {
    return this.lines.loc(offset);
  }

  /** Offset just after the `>` that ends the start tag opening at `tagStart` (quotes respected). */
  contentStart(tagStart: number): number {
    let quote = '';
    for (let i = tagStart + 1; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') return this.text[i - 1] === '/' ? -1 : i + 1;
    }
    return -1;
  }

  /**
   * The text content of a leaf element whose start tag opens at `tagStart`: character references,
   * the five XML entities and CDATA sections decoded, comments skipped. Empty for `<x/>`.
   */
  elementText(tagStart: number): MappedText {
    const start = this.contentStart(tagStart);
    const out: MappedText = { text: '', offsets: [] };
    if (start < 0) {
      out.offsets.push(tagStart);
      return out;
    }
    const s = this.text;
    let i = start;
    const push = (ch: string, at: number) => {
      out.text += ch;
      out.offsets.push(at);
    };
    while (i < s.length) {
      if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i + 9);
        const stop = end < 0 ? s.length : end;
        for (let k = i + 9; k < stop; k++) push(s[k]!, k);
        i = stop + 3;
      } else if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        i = end < 0 ? s.length : end + 3;
      } else if (s[i] === '<') {
        break;
      } else if (s[i] === '&') {
        const semi = s.indexOf(';', i);
        const name = semi > i ? s.slice(i + 1, semi) : '';
        let ch: string | undefined = ENTITIES[name];
        if (ch === undefined && /^#x[0-9a-f]+$/i.test(name)) ch = String.fromCodePoint(parseInt(name.slice(2), 16));
        else if (ch === undefined && /^#[0-9]+$/.test(name)) ch = String.fromCodePoint(parseInt(name.slice(1), 10));
        if (ch === undefined) {
          push('&', i);
          i++;
        } else {
          push(ch, i);
          i = semi + 1;
        }
      } else {
        push(s[i]!, i);
        i++;
      }
    }
    out.offsets.push(i);
    return out;
  }
}
