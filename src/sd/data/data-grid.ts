/**
 * The one place where raw cells (from delimited text or a workbook) become the values every
 * reader uses, with one treatment of error cells, empty cells, dates and number locales:
 *
 * - empty cells (and text that is only spaces) are `null`;
 * - error cells ('#N/A', '#DIV/0!', …) throw a DataError naming the cell, unless the caller asks
 *   for them as missing (`errors: 'missing'`, or `naIsMissing` for '#N/A' alone) or as their text (`'keep'`);
 * - cells formatted as dates become decimal years (2020-07-02 → 2020.5), ISO text or the serial number;
 * - text that spells a number under the file's number locale becomes that number (or stays text
 *   with `numbers: 'text'`, for callers that parse cells themselves); booleans are 1 and 0.
 *
 * Whatever was assumed (the delimiter, the decimal separator, the sheet) is listed in `assumptions`.
 */

import { cellName } from './cell-ref.js';
import { DataError, formatPlace, type DataPlace } from './data-error.js';
import { formatBytes, withLimits, type DataLimits } from './limits.js';
import { detectNumberLocale, parseNumberText, type NumberLocale } from './number-text.js';
import { parseTextTable, type TextTable } from './text-table.js';
import { DateCell, ErrorCell, looksLikeWorkbook, readWorkbook, serialToDate, type RawCell, type RawSheet, type RawWorkbook } from './workbook.js';

export type DataCell = number | string | null;

export interface CellOptions {
  errors?: 'throw' | 'missing' | 'keep';
  /** '#N/A' (Excel's "no value available") is a gap even when other errors throw. */
  naIsMissing?: boolean;
  /** Default 'decimal-year'. */
  dates?: 'decimal-year' | 'iso' | 'serial';
  /** How text becomes numbers; 'text' leaves text as it is. Default 'auto'. */
  numbers?: NumberLocale | 'text';
}

export interface ReadOptions extends CellOptions {
  /** Workbooks: the sheet to read; default the first sheet that holds a cell. */
  sheet?: string;
  /** Text: one character; sniffed when absent. */
  delimiter?: string;
  limits?: Partial<DataLimits>;
}

export interface DataGrid {
  file: string;
  /** The sheet, for workbooks. */
  sheet?: string;
  /** rows[r][c] from A1 (text: line r + 1 when no field spans lines); rows may differ in length. */
  rows: DataCell[][];
  assumptions: string[];
  place(row: number, col: number): DataPlace;
  /** `file:line:column` or `file:Sheet!C7`. */
  where(row: number, col: number): string;
}

/** Reads delimited text or a workbook (told apart by their first bytes) into a grid. */
export function readDataBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): DataGrid {
  const limits = withLimits(options.limits);
  if (bytes.length > limits.maxFileBytes) {
    throw new DataError({ file }, { en: `the file is ${formatBytes(bytes.length)}, over the limit maxFileBytes ${formatBytes(limits.maxFileBytes)}`, es: `el archivo tiene ${formatBytes(bytes.length)}, más que el límite maxFileBytes ${formatBytes(limits.maxFileBytes)}` });
  }
  if (looksLikeWorkbook(bytes)) return workbookGrid(readWorkbook(bytes, file, limits), options);
  return textGrid(parseTextTable(decodeText(bytes), file, { delimiter: options.delimiter, limits }), options);
}

/** UTF-8 when the bytes are valid UTF-8, else Latin-1 (what older statistics-office files use). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export function textGrid(table: TextTable, options: CellOptions = {}): DataGrid {
  const assumptions = [...table.assumptions];
  const locale = chooseLocale(options.numbers, () => textCells(table.rows), table.file, assumptions);
  const rows = table.rows.map((row) => row.map((v) => (v === null ? null : textValue(v, locale))));
  const place = (r: number, c: number): DataPlace => ({ file: table.file, ...table.place(r, c) });
  return { file: table.file, rows, assumptions, place, where: (r, c) => formatPlace(place(r, c)) };
}

/** The named sheet, or the first with a cell (said in `assumptions` when the book has several). */
export function workbookGrid(book: RawWorkbook, options: CellOptions & { sheet?: string } = {}): DataGrid {
  const assumptions: string[] = [];
  let sheet: RawSheet | undefined;
  if (options.sheet !== undefined) {
    sheet = book.findSheet(options.sheet);
    if (!sheet) throw new DataError({ file: book.file, sheet: options.sheet }, { en: `no sheet named '${options.sheet}'; the workbook has: ${book.sheetNames.join(', ')}`, es: `no hay ninguna hoja llamada '${options.sheet}'; el libro tiene: ${book.sheetNames.join(', ')}` });
  } else {
    for (const name of book.sheetNames) {
      const s = book.findSheet(name);
      if (s && s.rows.some((r) => r !== undefined)) {
        sheet = s;
        break;
      }
    }
    if (!sheet) throw new DataError({ file: book.file }, { en: 'the workbook has no cells with data', es: 'el libro no tiene celdas con datos' });
    if (book.sheetNames.length > 1) assumptions.push(`read sheet '${sheet.name}' (the first with data; name another with a sheet option)`);
  }
  return sheetGrid(book.file, sheet, options, assumptions);
}

export function sheetGrid(file: string, sheet: RawSheet, options: CellOptions = {}, assumptions: string[] = []): DataGrid {
  const place = (r: number, c: number): DataPlace => ({ file, sheet: sheet.name, cell: cellName(r, c) });
  const locale = chooseLocale(options.numbers, () => sheetTexts(sheet), `${file}:${sheet.name}`, assumptions);
  const rows: DataCell[][] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const src = sheet.rows[r];
    const row: DataCell[] = [];
    if (src) {
      for (let c = 0; c < src.length; c++) row[c] = cellValue(src[c], locale, options, () => place(r, c));
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    }
    rows.push(row);
  }
  return { file, sheet: sheet.name, rows, assumptions, place, where: (r, c) => formatPlace(place(r, c)) };
}

/** The same grid without empty rows, and without the empty columns left of the first cell; places still name the original cells. */
export function compactGrid(grid: DataGrid): DataGrid {
  let first = Infinity;
  const kept: number[] = [];
  grid.rows.forEach((row, r) => {
    const c = row.findIndex((v) => v !== null);
    if (c >= 0) {
      kept.push(r);
      first = Math.min(first, c);
    }
  });
  const shift = Number.isFinite(first) ? first : 0;
  const rows = kept.map((r) => grid.rows[r]!.slice(shift));
  const place = (r: number, c: number): DataPlace => grid.place(kept[r] ?? r, c + shift);
  return { ...grid, rows, place, where: (r, c) => formatPlace(place(r, c)) };
}

function chooseLocale(
  numbers: CellOptions['numbers'],
  texts: () => Iterable<string>,
  label: string,
  assumptions: string[],
): Exclude<NumberLocale, 'auto'> | 'text' {
  const mode = numbers ?? 'auto';
  if (mode !== 'auto') return mode;
  const guess = detectNumberLocale(texts());
  if (guess.conflict) throw new DataError({ file: label }, { en: `${guess.conflict.en} (a numbers option: 'dot' or 'comma')`, es: `${guess.conflict.es} (una opción numbers: 'dot' o 'comma')` });
  assumptions.push(guess.assumed);
  return guess.locale;
}

function* textCells(rows: (string | null)[][]): Iterable<string> {
  for (const row of rows) for (const v of row) if (v !== null) yield v;
}

function* sheetTexts(sheet: RawSheet): Iterable<string> {
  for (const row of sheet.rows) if (row) for (const v of row) if (typeof v === 'string') yield v;
}

function textValue(v: string, locale: Exclude<NumberLocale, 'auto'> | 'text'): DataCell {
  const t = v.trim();
  if (t === '') return v === '' ? '' : null;
  if (locale === 'text') return v;
  return parseNumberText(t, locale) ?? v;
}

function cellValue(v: RawCell, locale: Exclude<NumberLocale, 'auto'> | 'text', options: CellOptions, where: () => DataPlace): DataCell {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return null;
    if (locale === 'text') return t;
    return parseNumberText(t, locale) ?? t;
  }
  if (v instanceof ErrorCell) {
    const mode = options.errors ?? 'throw';
    if (mode === 'missing' || (options.naIsMissing && v.code === '#N/A')) return null;
    if (mode === 'keep') return v.code;
    throw new DataError(where(), { en: `the cell holds the error value ${v.code}; fix it in the workbook, or read error cells as missing`, es: `la celda contiene el valor de error ${v.code}; corríjalo en el libro, o lea las celdas con error como faltantes` });
  }
  if (v instanceof DateCell) return dateValue(v, options.dates ?? 'decimal-year');
  return null;
}

function dateValue(v: DateCell, mode: 'decimal-year' | 'iso' | 'serial'): DataCell {
  if (mode === 'serial') return v.serial;
  const d = serialToDate(v);
  if (!d) return v.serial;
  if (mode === 'iso') {
    const iso = d.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  return decimalYear(d);
}

/** 2020-01-01 → 2020, 2020-07-02 → 2020.5 (days elapsed over the days of that year, UTC). */
export function decimalYear(d: Date): number {
  const y = d.getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (d.getTime() - start) / (end - start);
}
