/**
 * Delimited text (CSV, TSV, semicolon- or pipe-separated) as rows of raw text cells, remembering
 * the line and column where each cell starts so that any later error can point at it. Quoting
 * follows RFC 4180: a quoted field may hold the delimiter, line breaks and doubled quotes ("");
 * spaces around a field are not part of it. Text after a closing quote, or a quote inside an
 * unquoted field, is an error naming line and column (a spreadsheet would guess; we do not).
 */

import { DataError } from './data-error.js';
import { DEFAULT_DATA_LIMITS, type DataLimits } from './limits.js';

export interface TextTable {
  file: string;
  delimiter: string;
  /** Every line's cells, blank lines included (so row r is line r + 1 when no field spans lines). `null` = empty unquoted field. */
  rows: (string | null)[][];
  /** What was assumed (the delimiter, when sniffed). */
  assumptions: string[];
  /** 1-based line and column where cell (r, c) starts; past the end of a row, the row's line and the next columns. */
  place(row: number, col: number): { line: number; column: number };
}

const CANDIDATES = ['\t', ';', ',', '|'];
const NAMES: Record<string, string> = { '\t': 'tab', ';': 'semicolon', ',': 'comma', '|': 'vertical bar' };

export function delimiterName(d: string): string {
  return NAMES[d] ?? `'${d}'`;
}

/**
 * The delimiter that splits the first lines (up to 30, outside quotes) into the same number of
 * fields, more than one; on a tie, tab, then semicolon (files with decimal commas use it), then comma.
 */
export function sniffDelimiter(text: string): { delimiter: string; assumed: string } {
  const counts = new Map<string, number[]>(CANDIDATES.map((d) => [d, []]));
  let inQuotes = false;
  let lines = 0;
  let current = new Map<string, number>();
  const endLine = (): void => {
    if ([...current.values()].some((n) => n > 0) || lines === 0) {
      for (const d of CANDIDATES) counts.get(d)!.push(current.get(d) ?? 0);
    }
    current = new Map();
    lines++;
  };
  for (let i = 0; i < text.length && lines < 30 && i < 1_000_000; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endLine();
    } else if (!inQuotes && NAMES[ch]) current.set(ch, (current.get(ch) ?? 0) + 1);
  }
  if ([...current.values()].some((n) => n > 0)) endLine();
  let best = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const per = counts.get(d)!.filter((n) => n > 0);
    if (per.length === 0) continue;
    const mode = modeOf(per);
    const score = per.filter((n) => n === mode).length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  const assumed =
    bestScore === 0 ? 'one column (no delimiter found in the first lines)' : `fields separated by ${delimiterName(best)} (the first lines split evenly on it)`;
  return { delimiter: best, assumed };
}

function modeOf(xs: number[]): number {
  const tally = new Map<number, number>();
  let best = xs[0]!;
  for (const x of xs) {
    const n = (tally.get(x) ?? 0) + 1;
    tally.set(x, n);
    if (n > tally.get(best)!) best = x;
  }
  return best;
}

export interface TextTableOptions {
  /** One character; sniffed when absent. */
  delimiter?: string;
  limits?: Partial<DataLimits>;
}

export function parseTextTable(input: string, file: string, options: TextTableOptions = {}): TextTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const assumptions: string[] = [];
  let delimiter = options.delimiter;
  if (delimiter === undefined) {
    const sniffed = sniffDelimiter(text);
    delimiter = sniffed.delimiter;
    assumptions.push(sniffed.assumed);
  }
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new DataError({ file }, { en: `the delimiter must be one character other than a quote or a line break, got '${delimiter}'`, es: `el delimitador debe ser un carácter que no sea una comilla ni un salto de línea, se recibió '${delimiter}'` });
  }
  const maxCells = options.limits?.maxCells ?? DEFAULT_DATA_LIMITS.maxCells;
  const rows: (string | null)[][] = [];
  const lines: number[][] = [];
  const cols: number[][] = [];
  let row: (string | null)[] = [];
  let rowLines: number[] = [];
  let rowCols: number[] = [];
  let cells = 0;
  let field = '';
  let line = 1;
  let col = 1;
  let startLine = 1;
  let startCol = 1;
  // 'start': nothing read in this field yet; 'plain': unquoted text; 'quoted': inside quotes;
  // 'closed': after the closing quote, where only spaces or a delimiter may follow.
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';

  const endField = (): void => {
    if (++cells > maxCells) {
      throw new DataError({ file, line: startLine, column: startCol }, { en: `more than ${maxCells.toLocaleString('en')} cells (the limit maxCells; raise it if the file is meant to be this large)`, es: `más de ${maxCells.toLocaleString('en')} celdas (el límite maxCells; auméntelo si el archivo debe ser así de grande)` });
    }
    row.push(state === 'closed' ? field : field.trim() === '' ? null : field.trim());
    rowLines.push(startLine);
    rowCols.push(startCol);
    field = '';
    state = 'start';
  };
  const endRow = (): void => {
    endField();
    rows.push(row.length === 1 && row[0] === null ? [] : row);
    lines.push(rowLines);
    cols.push(rowCols);
    row = [];
    rowLines = [];
    rowCols = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
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
      startLine = line;
      startCol = col + 1;
    } else if (newline) {
      endRow();
    } else if (ch === '"' && state === 'start') {
      state = 'quoted';
      field = '';
    } else if (state === 'closed') {
      if (ch !== ' ' && ch !== '\t') {
        throw new DataError({ file, line, column: col }, { en: 'unexpected text after a closing quote; quote the whole field and double the quotes inside it ("")', es: 'texto inesperado después de una comilla de cierre; ponga todo el campo entre comillas y duplique las comillas internas ("")' });
      }
    } else if (ch === '"') {
      throw new DataError({ file, line, column: col }, { en: 'a quote inside an unquoted field; quote the whole field and double the quotes inside it ("")', es: 'una comilla dentro de un campo sin comillas; ponga todo el campo entre comillas y duplique las comillas internas ("")' });
    } else {
      field += ch;
      if (ch !== ' ' && ch !== '\t') state = 'plain';
    }
    if (newline) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      col = 1;
      if (state !== 'quoted') {
        startLine = line;
        startCol = 1;
      }
    } else col++;
  }
  if (state === 'quoted') {
    throw new DataError({ file, line: startLine, column: startCol }, { en: 'unterminated quoted field (a " is never closed)', es: 'campo entre comillas sin terminar (una " nunca se cierra)' });
  }
  if (field !== '' || state === 'closed' || row.length > 0) endRow();

  return {
    file,
    delimiter,
    rows,
    assumptions,
    place(r: number, c: number) {
      const l = lines[r];
      if (l && c < l.length) return { line: l[c]!, column: cols[r]![c]! };
      const lastLine = l && l.length > 0 ? l[l.length - 1]! : r + 1;
      return { line: lastLine, column: c + 1 };
    },
  };
}
