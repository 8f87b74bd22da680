/** The first non-empty sheet of an .xlsx / .xls workbook as a grid of cells. */
import XLSX from 'xlsx';
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Grid } from './types.js';

/** Excel error values that mean "no observation"; any other error cell is bad input. */
const MISSING_ERRORS = new Set(['#N/A']);

export function parseWorkbook(bytes: Uint8Array, source: string, sheetName?: string): Grid {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', cellDates: false });
  } catch (err) {
    throw new InputError(source, `not a readable spreadsheet (${err instanceof Error ? err.message : String(err)})`);
  }
  const names = sheetName ? [sheetName] : book.SheetNames;
  for (const name of names) {
    const sheet = book.Sheets[name];
    if (!sheet) throw new InputError(source, `no sheet named "${name}" (sheets: ${book.SheetNames.join(', ')})`);
    if (!sheet['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const rows: (string | number | null)[][] = [];
    const rowNumbers: number[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: (string | number | null)[] = [];
      let any = false;
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        let value: string | number | null = null;
        if (cell && cell.t !== 'z') {
          if (cell.t === 'n') value = cell.v as number;
          else if (cell.t === 'e') {
            const text = cell.w ?? String(cell.v);
            if (!MISSING_ERRORS.has(text)) {
              throw new InputError(`${source}:${name}!${XLSX.utils.encode_cell({ r, c })}`, `spreadsheet error value ${text}`);
            }
          } else if (cell.t === 'd') value = (cell.w ?? String(cell.v));
          else value = String(cell.v);
        }
        if (value !== null) any = true;
        row.push(value);
      }
      if (any) {
        rows.push(row);
        rowNumbers.push(r);
      }
    }
    if (rows.length === 0) continue;
    return {
      source,
      rows,
      where: (r: number, c: number): string =>
        `${source}:${name}!${XLSX.utils.encode_cell({ r: rowNumbers[r] ?? r, c: c + range.s.c })}`,
    };
  }
  throw new InputError(source, 'the workbook has no cells with data');
}
