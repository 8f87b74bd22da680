/**
 * Delimited text files (CSV, TSV, …) as sheets. Vensim's data functions read them with the same
 * A1 addressing as spreadsheets; for text files the 'tab' argument names the delimiter, and
 * without one Vensim uses a comma for .csv files and a tab otherwise
 * (vensim.com/documentation/fn_get_direct_data.html).
 */

import { GridSheet, toCellValue, type CellValue } from './grid-sheet.js';
import { parseTextTable } from './text-table.js';

/**
 * The delimiter for a text file: the 'tab' argument when it is one character ('\t' and 'tab' also
 * mean a tab), otherwise the default for the file's extension.
 */
export function delimiterFor(fileName: string, tab: string): string {
  if (tab === '\\t' || /^tab$/i.test(tab.trim())) return '\t';
  if (tab.length === 1) return tab;
  const trimmed = tab.trim();
  if (trimmed.length === 1) return trimmed;
  return /\.csv$/i.test(fileName.trim()) ? ',' : '\t';
}

/**
 * Splits text into rows of cells with the data layer's one delimited-text reader (RFC 4180 quotes,
 * errors naming line and column). Numbers are plain ('1234.5'), as Vensim's data files hold them;
 * a quoted field keeps its inner spaces, but a number stored in quotes is still a number.
 */
export function parseDelimited(text: string, delimiter: string, label: string): GridSheet {
  if (delimiter.length !== 1) throw new Error(`delimiter must be one character, got '${delimiter}'`);
  const table = parseTextTable(text, label, { delimiter });
  return new GridSheet(
    label,
    table.rows.map((row) => row.map(cellOf)),
  );
}

function cellOf(v: string | null): CellValue {
  if (v === null) return undefined;
  const n = toCellValue(v);
  return typeof n === 'number' || n === undefined ? n : v.trim() === v ? n : v;
}
