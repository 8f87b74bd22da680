/**
 * A workbook sheet as Vensim's data functions read it, the same for the Node host and for the
 * thread that reads workbooks ahead of it (prefetch-read.ts): cached values, with dates as serial
 * numbers and error cells as their text, plus the sheet's defined names. Plain data, so that it
 * crosses threads; the host makes a GridSheet of it.
 */
import type { DataLimits } from '../data/limits.js';
import { GridSheet, toCellValue, type CellValue } from '../data/grid-sheet.js';
import type { CellRange } from '../data/types.js';
import { DateCell, ErrorCell, readWorkbook, type RawCell, type RawSheet, type RawWorkbook } from '../data/workbook.js';
import { zlibInflateRaw } from './inflate.js';

export interface SheetValues {
  /** The sheet's own name (the tab asked for may differ in case or spaces). */
  name: string;
  rows: (readonly CellValue[] | undefined)[];
  names: Map<string, CellRange>;
}

/** Opens a workbook's bytes, parsing only `sheets` when given, with Node's native inflate. */
export function openWorkbook(bytes: Uint8Array, label: string, limits: DataLimits, sheets: readonly string[] | undefined): RawWorkbook {
  return readWorkbook(bytes, label, limits, { sheets, inflateRaw: zlibInflateRaw });
}

export function sheetValues(book: RawWorkbook, raw: RawSheet): SheetValues {
  return { name: raw.name, rows: raw.rows.map(cellValues), names: book.namesFor(raw.name) };
}

/** The sheet of the workbook labelled `label`, as equations read it. */
export function gridSheet(label: string, sheet: SheetValues): GridSheet {
  return new GridSheet(`${label}!${sheet.name}`, sheet.rows, sheet.names);
}

/**
 * A row's cells as values. A number is its own value: a row of numbers alone is kept as it is, and
 * any other row is copied whole (holes stay holes) and only its other cells converted. A map over
 * every row, arrays with holes, was a tenth of MEDEAS's workbook reads.
 */
function cellValues(row: readonly RawCell[] | undefined): readonly CellValue[] | undefined {
  if (!row) return row;
  let out: CellValue[] | undefined;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === undefined || (typeof v === 'number' && Number.isFinite(v))) continue;
    out ??= row.slice() as CellValue[];
    out[c] = cellValue(v);
  }
  return out ?? (row as readonly CellValue[]);
}

/** Vensim reads cached values: dates as serial numbers, error cells as their text. */
function cellValue(v: RawCell): CellValue {
  if (v instanceof ErrorCell) return v.code;
  if (v instanceof DateCell) return v.serial;
  return toCellValue(v);
}
