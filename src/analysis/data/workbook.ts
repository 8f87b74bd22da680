/** The first non-empty sheet (or the named one) of a workbook as a grid, through the data layer. */
import { compactGrid, workbookGrid } from '../../sd/data/data-grid.js';
import { readWorkbook } from '../../sd/data/workbook.js';
import type { Grid } from './types.js';

/**
 * '#N/A' means "no observation"; any other error cell is bad input naming the cell. Cells formatted
 * as dates are decimal years (a calibration time axis); text is left for `cellNumber` to read.
 */
export function parseWorkbook(bytes: Uint8Array, source: string, sheetName?: string): Grid {
  const grid = compactGrid(
    workbookGrid(readWorkbook(bytes, source), { sheet: sheetName, errors: 'throw', naIsMissing: true, dates: 'decimal-year', numbers: 'text' }),
  );
  return { source, rows: grid.rows, where: grid.where };
}
