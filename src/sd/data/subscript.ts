/**
 * GET DIRECT SUBSCRIPT / GET XLS SUBSCRIPT: a subscript range's element names from cells.
 *
 * Vensim's reference (vensim.com/documentation/fn_get_direct_subscript.html): the elements lie
 * between 'firstcell' and 'lastcell'; "values are read across and then down as a list of
 * subscripts, with missing or empty locations simply ignored"; 'prefix' is put before each value
 * (the suite case get_subscript_3d_arrays_xls reads the numbers 1, 2 with prefix 'Depth' as
 * Depth1, Depth2). Vensim lets 'lastcell' be blank; its page is cut off at that point in our
 * copy, so here a blank 'lastcell' reads from 'firstcell' across the row if the next cell to the
 * right holds something, otherwise down the column, up to the first empty cell (assumption).
 */

import { InputError } from '../ir/diagnostics.js';
import { columnIndex, parseCellRef } from './cell-ref.js';
import type { Sheet } from './types.js';

export function getSubscript(sheet: Sheet, firstCell: string, lastCell = '', prefix = ''): string[] {
  const first = parseCellRef(firstCell, sheet);
  let end = first.end;
  const lastText = lastCell.trim().replace(/\$/g, '');
  if (/^[A-Za-z]{1,3}$/.test(lastText)) {
    // A column only names the whole column (as A:A does in a spreadsheet): from firstcell down
    // that column to the sheet's last row, empty cells ignored. Assumption: Vensim's page on
    // this form is cut off in our copy.
    end = { row: Math.max(first.row, sheet.rowCount - 1), col: columnIndex(lastText) };
  } else if (/^\d+$/.test(lastText)) {
    // A row only names the whole row: from firstcell across that row to the last column.
    end = { row: Number(lastText) - 1, col: Math.max(first.col, sheet.colCount - 1) };
  } else if (lastText !== '') {
    const last = parseCellRef(lastCell, sheet);
    end = last.end ?? { row: last.row, col: last.col };
  }
  const names: string[] = [];
  const add = (v: number | string | undefined): void => {
    if (v === undefined) return;
    const s = (typeof v === 'number' ? String(v) : v).trim();
    if (s !== '') names.push(prefix + s);
  };
  if (end) {
    const r1 = Math.max(first.row, end.row);
    const c1 = Math.max(first.col, end.col);
    for (let r = Math.min(first.row, end.row); r <= r1; r++) {
      for (let c = Math.min(first.col, end.col); c <= c1; c++) add(sheet.cell(r, c));
    }
  } else {
    const across = sheet.cell(first.row, first.col + 1) !== undefined;
    const limit = across ? sheet.colCount - first.col : sheet.rowCount - first.row;
    for (let k = 0; k < limit; k++) {
      const v = across ? sheet.cell(first.row, first.col + k) : sheet.cell(first.row + k, first.col);
      if (v === undefined) break;
      add(v);
    }
  }
  if (names.length === 0) {
    throw new InputError(sheet.label, { en: `GET … SUBSCRIPT('${firstCell}', '${lastCell}'): no element names in those cells`, es: `GET … SUBSCRIPT('${firstCell}', '${lastCell}'): no hay nombres de elementos en esas celdas` });
  }
  return names;
}
