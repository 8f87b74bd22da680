/** Raw workbook rows as the values a GridSheet holds, for the Node host and its reading thread. */
import { toCellValue, type CellValue } from '../data/grid-sheet.js';
import { DateCell, ErrorCell, type RawCell } from '../data/workbook.js';

/**
 * A row's cells as values. A number is its own value: a row of numbers alone is kept as it is, and
 * any other row is copied whole (holes stay holes) and only its other cells converted. A map over
 * every row, arrays with holes, was a tenth of MEDEAS's workbook reads.
 */
export function cellValues(row: readonly RawCell[] | undefined): readonly CellValue[] | undefined {
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
