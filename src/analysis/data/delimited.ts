/**
 * CSV / TSV text to a grid of cells through the data layer's one delimited-text reader, which
 * remembers the line and column where each cell starts so that errors can point at it.
 */
import { compactGrid, textGrid } from '../../sd/data/data-grid.js';
import { parseTextTable } from '../../sd/data/text-table.js';
import type { Grid } from './types.js';

/** Tab when the first line has a tab, else semicolon when it has semicolons but no commas, else comma. */
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  return ',';
}

export function parseDelimited(text: string, source: string, delimiter = guessDelimiter(text)): Grid {
  const grid = compactGrid(textGrid(parseTextTable(text, source, { delimiter }), { numbers: 'text' }));
  return { source, rows: grid.rows, where: grid.where };
}
