/** One sheet of an .xlsx/.xls workbook as a grid (the xlsx package does the reading). */
import XLSX from 'xlsx';
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Cell, Grid } from './grid.js';

/** The named sheet, or the first sheet that holds any cell. Cell locations read `file:Sheet!B7`. */
export function parseWorkbook(bytes: Uint8Array, source: string, sheetName?: string): Grid {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array' });
  } catch (err) {
    throw new InputError(source, `not a readable spreadsheet (${err instanceof Error ? err.message : String(err)})`);
  }
  const names = sheetName ? [sheetName] : book.SheetNames;
  for (const name of names) {
    const sheet = book.Sheets[name];
    if (!sheet) throw new InputError(source, `no sheet named "${name}" (sheets: ${book.SheetNames.join(', ')})`);
    if (!sheet['!ref']) continue;
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const rows: Cell[][] = [];
    const sheetRows: number[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const row: Cell[] = [];
      let any = false;
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        let value: Cell = null;
        if (cell && cell.t === 'n') value = cell.v as number;
        else if (cell && cell.t === 'e') {
          throw new InputError(`${source}:${name}!${XLSX.utils.encode_cell({ r, c })}`, `spreadsheet error value ${cell.w ?? String(cell.v)}`);
        } else if (cell && cell.t !== 'z' && cell.v !== undefined && String(cell.v).trim() !== '') value = String(cell.v).trim();
        if (value !== null) any = true;
        row.push(value);
      }
      if (any) {
        rows.push(row);
        sheetRows.push(r);
      }
    }
    if (rows.length === 0) continue;
    return {
      source,
      rows,
      where: (r, c) => `${source}:${name}!${XLSX.utils.encode_cell({ r: sheetRows[r] ?? r, c: c + range.s.c })}`,
    };
  }
  throw new InputError(source, 'the workbook has no cells with data');
}
