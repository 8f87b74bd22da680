/**
 * CSV/TSV tables through the data layer's one delimited-text reader: quoted fields may hold
 * delimiters, quotes ("") and line breaks; an unterminated quote or text after a closing quote is
 * an error naming line and column. The delimiter is sniffed from the first lines unless given.
 */
import { sniffDelimiter, parseTextTable } from '../../sd/data/text-table.js';
import type { Cell, Grid } from './grid.js';

export function guessDelimiter(text: string): string {
  return sniffDelimiter(text).delimiter;
}

/** Parses delimited text into a grid. Blank lines are skipped; cells keep their text (trimmed). */
export function parseCsv(text: string, source: string, delimiter?: string): Grid {
  const table = parseTextTable(text, source, { delimiter });
  const rows: Cell[][] = [];
  const lineOf: number[] = [];
  table.rows.forEach((row, r) => {
    const cells = row.map((v) => (v === null || v.trim() === '' ? null : v.trim()));
    if (cells.some((v) => v !== null)) {
      rows.push(cells);
      lineOf.push(r);
    }
  });
  return {
    source,
    rows,
    assumptions: table.assumptions,
    where(r: number, c: number): string {
      const row = lineOf[r];
      if (row === undefined) return `${source}:${r + 1}:(column ${c + 1})`;
      if (c < table.rows[row]!.length) {
        const p = table.place(row, c);
        return `${source}:${p.line}:${p.column}`;
      }
      return `${source}:${table.place(row, 0).line}:(column ${c + 1})`;
    },
  };
}
