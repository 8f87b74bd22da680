/**
 * Strict CSV/TSV reading for tables: quoted fields may hold delimiters, quotes ("") and line
 * breaks; an unterminated quote or text after a closing quote is an error naming line and column.
 * The delimiter is guessed from the first line unless given.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Cell, Grid } from './grid.js';

export function guessDelimiter(text: string): string {
  const first = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const count = (ch: string): number => first.split(ch).length - 1;
  if (count('\t') > 0) return '\t';
  if (count(';') > count(',')) return ';';
  return ',';
}

/** Parses delimited text into a grid. Blank lines are skipped; cells keep their text (trimmed). */
export function parseCsv(text: string, source: string, delimiter = guessDelimiter(text)): Grid {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: Cell[][] = [];
  const starts: [number, number][][] = [];
  let row: Cell[] = [];
  let rowStarts: [number, number][] = [];
  let field = '';
  let line = 1;
  let col = 1;
  let fieldStart: [number, number] = [1, 1];
  // 'start': nothing read in this field yet; 'plain': unquoted text; 'quoted': inside quotes;
  // 'closed': after the closing quote, only spaces or a delimiter may follow.
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';

  const endField = (): void => {
    const value = field.trim();
    row.push(value === '' ? null : value);
    rowStarts.push(fieldStart);
    field = '';
    state = 'start';
  };
  const endRow = (): void => {
    endField();
    if (!(row.length === 1 && row[0] === null)) {
      rows.push(row);
      starts.push(rowStarts);
    }
    row = [];
    rowStarts = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const newline = ch === '\n' || ch === '\r';
    if (state === 'quoted') {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
          col++;
        } else state = 'closed';
      } else field += ch;
    } else if (ch === delimiter) {
      endField();
      fieldStart = [line, col + 1];
    } else if (newline) {
      endRow();
    } else if (ch === '"' && state === 'start' && field.trim() === '') {
      state = 'quoted';
      field = '';
    } else if (state === 'closed') {
      if (ch !== ' ' && ch !== '\t') {
        throw new InputError(`${source}:${line}:${col}`, `unexpected text after a closing quote; quote the whole field and double inner quotes ("")`);
      }
    } else if (ch === '"') {
      throw new InputError(`${source}:${line}:${col}`, 'a quote inside an unquoted field; quote the whole field and double inner quotes ("")');
    } else {
      field += ch;
      state = 'plain';
    }
    if (newline) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      col = 1;
      if (state !== 'quoted') fieldStart = [line, 1];
    } else col++;
  }
  if (state === 'quoted') {
    throw new InputError(`${source}:${fieldStart[0]}:${fieldStart[1]}`, 'unterminated quoted field (a " is never closed)');
  }
  if (field !== '' || state === 'closed' || row.length > 0) endRow();

  return {
    source,
    rows,
    where(r: number, c: number): string {
      const p = starts[r]?.[c];
      if (p) return `${source}:${p[0]}:${p[1]}`;
      const line = starts[r]?.[0]?.[0] ?? r + 1;
      return `${source}:${line}:(column ${c + 1})`;
    },
  };
}
