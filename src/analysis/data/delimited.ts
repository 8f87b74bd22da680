/**
 * CSV / TSV text to a grid of cells, remembering the line and column where each cell starts so
 * that errors can point at it. Quoted fields ("a, b" and "" for a quote) may span lines.
 */
import type { Grid } from './types.js';

/** Tab when the first line has a tab, else semicolon when it has semicolons but no commas, else comma. */
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  return ',';
}

export function parseDelimited(text: string, source: string, delimiter = guessDelimiter(text)): Grid {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: (string | null)[][] = [];
  const places: [number, number][][] = [];
  let row: (string | null)[] = [];
  let rowPlaces: [number, number][] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let col = 1;
  let fieldLine = 1;
  let fieldCol = 1;
  const endField = (): void => {
    row.push(quoted || field.trim() !== '' ? field : null);
    rowPlaces.push([fieldLine, fieldCol]);
    field = '';
    quoted = false;
  };
  const endRow = (): void => {
    endField();
    // A line with nothing on it is not a row.
    if (!(row.length === 1 && row[0] === null)) {
      rows.push(row);
      places.push(rowPlaces);
    }
    row = [];
    rowPlaces = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
          col++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      endField();
      fieldLine = line;
      fieldCol = col + 1;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      col = 0;
      fieldLine = line;
      fieldCol = 1;
    } else field += ch;
    if (inQuotes && (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n'))) {
      line++;
      col = 0;
    }
    col++;
  }
  if (field !== '' || quoted || row.length > 0) endRow();
  return {
    source,
    rows,
    where(r: number, c: number): string {
      const p = places[r]?.[c];
      if (p) return `${source}:${p[0]}:${p[1]}`;
      const last = places[r]?.[places[r].length - 1];
      return `${source}:${last ? last[0] : r + 1}:${c + 1}`;
    },
  };
}
