/**
 * Delimited text files (CSV, TSV, …) as sheets. Vensim's data functions read them with the same
 * A1 addressing as spreadsheets; for text files the 'tab' argument names the delimiter, and
 * without one Vensim uses a comma for .csv files and a tab otherwise
 * (vensim.com/documentation/fn_get_direct_data.html).
 */

import { GridSheet, toCellValue, type CellValue } from './grid-sheet.js';

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
 * Splits text into rows of cells. Double quotes enclose a field that may hold the delimiter, line
 * breaks or doubled quotes (""), as in RFC 4180; whitespace around a field is not part of it.
 */
export function parseDelimited(text: string, delimiter: string, label: string): GridSheet {
  if (delimiter.length !== 1) throw new Error(`delimiter must be one character, got '${delimiter}'`);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = '';
  let quoted = false; // inside a quoted part
  let wasQuoted = false; // the field had a quoted part (kept verbatim, not trimmed)
  const endField = (): void => {
    row.push(wasQuoted ? quotedValue(field) : toCellValue(field));
    field = '';
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
    } else if (!(wasQuoted && !quoted)) {
      field += ch; // text after a closing quote is ignored, as spreadsheets do
    }
  }
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  return new GridSheet(label, rows);
}

/** A quoted field keeps its inner spaces, but a number stored in quotes is still a number. */
function quotedValue(s: string): CellValue {
  const v = toCellValue(s);
  return typeof v === 'number' || v === undefined ? v : s;
}
