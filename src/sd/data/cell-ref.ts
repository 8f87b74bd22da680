/**
 * Spreadsheet addresses as Vensim's data functions take them: 'B2', '$B$2', 'b2' (any case),
 * a range 'B2:D5', a defined name ('value1'), each optionally ending in '*' (read transposed).
 * Rows and columns are 0-based here; the A1 convention (column letters from A, rows from 1)
 * holds for every file type, text files included (Vensim documents this for GET DIRECT DATA).
 */

import { InputError } from '../ir/diagnostics.js';
import type { Sheet } from './types.js';

export interface CellRef {
  /** Top-left cell, 0-based. */
  row: number;
  col: number;
  /** Bottom-right cell when the reference is a range or a defined name. */
  end?: { row: number; col: number };
  /** The reference ended in '*': read the values transposed. */
  transpose: boolean;
  /** The defined name used, if any. */
  name?: string;
}

// Excel's last column is XFD (16,384 columns); three letters is enough for every file format.
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const MAX_COLUMN = 16_383;

/** 'A' → 0, 'Z' → 25, 'AA' → 26; case-insensitive; -1 when not a column name. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 <= MAX_COLUMN ? n - 1 : -1;
}

/** 0 → 'A', 26 → 'AA'. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (6, 2) → 'C7'. */
export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Where a cell is, for messages: 'inputs.xlsx!Sheet1!C7'. */
export function cellWhere(sheet: Sheet, row: number, col: number): string {
  return `${sheet.label}!${cellName(row, col)}`;
}

/** A single A1-style cell, or undefined when `text` is not one. */
export function parseA1(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const col = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0) return undefined;
  return { row, col };
}

/**
 * Parses a cell argument. Cell syntax is tried first (Excel forbids defined names that look like
 * cells), then the sheet's defined names. Throws InputError naming the sheet when neither fits.
 */
export function parseCellRef(ref: string, sheet?: Sheet): CellRef {
  let text = ref.trim();
  const transpose = text.endsWith('*');
  if (transpose) text = text.slice(0, -1).trim();
  const where = sheet?.label ?? '';
  if (text === '') throw new InputError(where, { en: `empty cell reference '${ref}'`, es: `referencia de celda vacía '${ref}'` });

  const parts = text.split(':');
  if (parts.length === 2) {
    const a = parseA1(parts[0]!.trim());
    const b = parseA1(parts[1]!.trim());
    if (!a || !b) throw new InputError(where, { en: `'${ref}' is not a cell range like B2:D5`, es: `'${ref}' no es un rango de celdas como B2:D5` });
    return {
      row: Math.min(a.row, b.row),
      col: Math.min(a.col, b.col),
      end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
      transpose,
    };
  }
  const one = parts.length === 1 ? parseA1(text) : undefined;
  if (one) return { ...one, transpose };

  const range = sheet?.namedRange?.(text);
  if (range) {
    return { row: range.r0, col: range.c0, end: { row: range.r1, col: range.c1 }, transpose, name: text };
  }
  const hint = sheet
    ? { en: 'nor a named range of this sheet', es: 'ni un rango con nombre de esta hoja' }
    : { en: 'and no sheet was given to look up named ranges', es: 'y no se indicó una hoja donde buscar rangos con nombre' };
  throw new InputError(where, { en: `'${ref}' is not a cell reference like B2 or $B$2, ${hint.en}`, es: `'${ref}' no es una referencia de celda como B2 o $B$2, ${hint.es}` });
}
