/**
 * Writes sheets of cells as an XLSX workbook: the one place that writes spreadsheets, beside the
 * readers, on the same maintained SheetJS release (@e965/xlsx). Browser-safe: returns the bytes.
 */
import * as XLSX from '@e965/xlsx';

export type WriteCell = string | number | boolean | null | undefined;

export interface WriteSheet {
  name: string;
  rows: WriteCell[][];
}

/** The bytes of an .xlsx file with one sheet per entry (names cut to Excel's 31 characters). */
export function xlsxBytes(sheets: WriteSheet[]): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(s.rows), s.name.slice(0, 31));
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
