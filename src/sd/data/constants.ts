/**
 * GET DIRECT CONSTANTS / GET XLS CONSTANTS.
 *
 * Vensim's reference ("GET DIRECT CONSTANTS", vensim.com/documentation/fn_get_direct_constants.html):
 * the function returns "a number, vector or 2-dimensional array"; the left-hand side's subscripts
 * decide how many values are read; starting at 'cell', Vensim reads "additional cells to the right
 * (on last subscript range) and down (on the second last subscript range)"; ending the cell name
 * with '*' transposes the reading.
 *
 * Only subscripts that vary count: a single element on the left-hand side (e.g. `x[dim, female]`)
 * is not a direction. This is what Vensim does in the suite case get_constants_incomplete_subscript
 * (`var only women[dim, female]` is read across row 2), and matches Vensim's external-function
 * interface, where the row and column counts come from "the first/last varying subscript".
 */

import { InputError, type BilingualText } from '../ir/diagnostics.js';
import { cellWhere, parseCellRef, type CellRef } from './cell-ref.js';
import type { Sheet } from './types.js';

/**
 * Values for a variable whose expanded left-hand side has `shape` (one length per subscript, in
 * the order written; [] for a scalar), row-major in that order. Every cell read must hold a number.
 */
export function getConstants(sheet: Sheet, cellRef: string, shape: readonly number[]): Float64Array {
  const ref = parseCellRef(cellRef, sheet);
  // Loops, not reduce and filter: `shape` comes with more than one elements kind, and the
  // callbacks' optimised code was dropped at each.
  let total = 1;
  const varying: number[] = [];
  for (const n of shape) {
    total *= n;
    if (n > 1) varying.push(n);
  }
  if (varying.length > 2) {
    throw new InputError(
      sheet.label,
      {
        en:
          `GET … CONSTANTS('${cellRef}') reads at most 2 varying subscripts (Vensim reads a number, a vector ` +
          `or a 2-dimensional array); the left-hand side has ${varying.length} (shape [${shape.join(', ')}]). ` +
          'Split the equation so that each reads a 2-dimensional block.',
        es:
          `GET … CONSTANTS('${cellRef}') lee como máximo 2 subíndices que varían (Vensim lee un número, un vector ` +
          `o un arreglo de 2 dimensiones); el lado izquierdo tiene ${varying.length} (forma [${shape.join(', ')}]). ` +
          'Divida la ecuación para que cada parte lea un bloque de 2 dimensiones.',
      },
    );
  }
  // Down the rows: the second-last varying subscript; across the columns: the last one.
  const rows = varying.length === 2 ? varying[0]! : 1;
  const cols = varying.length >= 1 ? varying[varying.length - 1]! : 1;
  const out = new Float64Array(total);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const r = ref.transpose ? ref.row + j : ref.row + i;
      const c = ref.transpose ? ref.col + i : ref.col + j;
      const v = sheet.cell(r, c);
      if (typeof v !== 'number') throw notANumber(sheet, r, c, v, cellRef, ref, rows, cols);
      out[i * cols + j] = v;
    }
  }
  return out;
}

function notANumber(
  sheet: Sheet,
  r: number,
  c: number,
  v: string | undefined,
  cellRef: string,
  ref: CellRef,
  rows: number,
  cols: number,
): InputError {
  const what = v === undefined ? { en: 'the cell is empty', es: 'la celda está vacía' } : { en: `the cell holds text '${v}', not a number`, es: `la celda contiene el texto '${v}', no un número` };
  const [blockRows, blockCols] = ref.transpose ? [cols, rows] : [rows, cols];
  let hint: BilingualText | undefined;
  if (ref.end) {
    // A defined name only gives the starting cell; its shape says whether '*' was meant.
    const nameRows = ref.end.row - ref.row + 1;
    const nameCols = ref.end.col - ref.col + 1;
    if (nameRows === blockCols && nameCols === blockRows && nameRows !== nameCols) {
      const star = ref.transpose ? { en: 'drop', es: 'quite' } : { en: 'add', es: 'agregue' };
      hint = {
        en: `; the range is ${nameRows}×${nameCols}: ${star.en} the '*' to read it the other way`,
        es: `; el rango es de ${nameRows}×${nameCols}: ${star.es} el '*' para leerlo en el otro sentido`,
      };
    }
  }
  return new InputError(
    cellWhere(sheet, r, c),
    {
      en: `${what.en}; GET … CONSTANTS('${cellRef}') reads a block of ${blockRows}×${blockCols} (rows × columns) numbers${hint?.en ?? ''}`,
      es: `${what.es}; GET … CONSTANTS('${cellRef}') lee un bloque de ${blockRows}×${blockCols} números (filas × columnas)${hint?.es ?? ''}`,
    },
  );
}
