/** One sheet of a workbook (xlsx, xls, ods) as a grid, through the data layer. */
import { compactGrid, workbookGrid } from '../../sd/data/data-grid.js';
import { readWorkbook } from '../../sd/data/workbook.js';
import type { Cell, Grid } from './grid.js';

/**
 * The named sheet, or the first sheet that holds any cell. Cell locations read `file:Sheet!B7`.
 * Error cells are bad input naming the cell; text stays text (trimmed) for the table readers,
 * which read numbers with the table's own decimal separator.
 */
export function parseWorkbook(bytes: Uint8Array, source: string, sheetName?: string): Grid {
  const grid = compactGrid(workbookGrid(readWorkbook(bytes, source), { sheet: sheetName, errors: 'throw', dates: 'iso', numbers: 'text' }));
  const rows: Cell[][] = grid.rows.map((row) => row.map((v) => (typeof v === 'string' ? v.trim() || null : v)));
  return { source, rows, where: grid.where, assumptions: grid.assumptions };
}
