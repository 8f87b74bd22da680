/**
 * GET DIRECT DATA / GET XLS DATA and GET DIRECT LOOKUPS / GET XLS LOOKUPS: a time (or x) axis
 * along one row or column, and one series per element beside it.
 *
 * Vensim's reference (vensim.com/documentation/fn_get_direct_data.html, fn_get_direct_lookups.html):
 * 'time row or col' is "either the number of the row containing Time values (Time running across)
 * or the letter of the column containing Time values (Time running down)"; 'cell' is where the
 * first value is; Vensim reads the times across or down accordingly "and will also read additional
 * subscript elements in the other direction". The axis values are taken from the same columns
 * (rows) as the data, starting at the first data cell.
 *
 * Blanks, as Vensim 7.3.4 treats them in the suite case get_with_missing_values_xlsx (its
 * output.tab is the reference): a position whose axis cell is empty or not a number is skipped
 * entirely (no element can use it); an empty data cell is a missing point that Vensim leaves out
 * and interpolates, holds or looks forward across (per the equation's keyword), exactly as if the
 * column were absent. Here the first kind is dropped and the second comes back as NaN, so that
 * the caller applies :INTERPOLATE:, :HOLD BACKWARD:, :LOOK FORWARD: or :RAW: per element
 * (`dropMissing` gives one element's points without the gaps).
 *
 * Also here: the axis and the first data cell may be defined names (suite cases get_mixed_definitions,
 * get_xls_cellrange, vector_order); a '*' on the data cell is ignored, since the axis argument
 * already fixes the orientation; axis values must increase (InputError naming the cell otherwise).
 */

import { InputError, type BilingualText } from '../ir/diagnostics.js';
import { cellName, cellWhere, columnIndex, columnLetters, parseCellRef, type CellRef } from './cell-ref.js';
import type { DataSeries, LookupSeries, Sheet } from './types.js';

/** The row or column that holds the axis, and how far along it a defined name reaches. */
interface Axis {
  along: 'row' | 'col';
  index: number;
  end?: number;
}

export function getData(sheet: Sheet, timeRowOrCol: string, firstDataCell: string, count: number): DataSeries {
  const { axis, values } = readSeries(sheet, timeRowOrCol, firstDataCell, count, 'GET … DATA', { en: 'time', es: 'tiempo' });
  return { times: axis, values };
}

export function getLookups(sheet: Sheet, xRowOrCol: string, firstDataCell: string, count: number): LookupSeries {
  const { axis, values } = readSeries(sheet, xRowOrCol, firstDataCell, count, 'GET … LOOKUPS', { en: 'x', es: 'x' });
  return { x: axis, values };
}

/** One element's points with the missing (NaN) values left out. */
export function dropMissing(axis: Float64Array, ys: Float64Array): { x: Float64Array; y: Float64Array } {
  let n = 0;
  for (let k = 0; k < ys.length; k++) if (!Number.isNaN(ys[k]!)) n++;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let j = 0;
  for (let k = 0; k < ys.length; k++) {
    if (Number.isNaN(ys[k]!)) continue;
    x[j] = axis[k]!;
    y[j] = ys[k]!;
    j++;
  }
  return { x, y };
}

function readSeries(
  sheet: Sheet,
  axisArg: string,
  firstDataCell: string,
  count: number,
  fn: string,
  axisName: BilingualText,
): { axis: Float64Array; values: Float64Array[] } {
  const first = parseCellRef(firstDataCell, sheet);
  const axis = parseAxis(sheet, axisArg, first, fn);
  const across = axis.along === 'row';
  // Positions run along the axis from the first data cell to the end of the data, capped by
  // whichever defined name (data or axis) is narrower.
  const start = across ? first.col : first.row;
  let last = (across ? sheet.colCount : sheet.rowCount) - 1;
  const dataEnd = across ? first.end?.col : first.end?.row;
  if (dataEnd !== undefined) last = Math.min(last, dataEnd);
  if (axis.end !== undefined) last = Math.min(last, axis.end);

  const positions: number[] = [];
  const axisValues: number[] = [];
  for (let p = start; p <= last; p++) {
    const v = across ? sheet.cell(axis.index, p) : sheet.cell(p, axis.index);
    if (typeof v !== 'number') continue;
    const prev = axisValues.length ? axisValues[axisValues.length - 1]! : -Infinity;
    if (!(v > prev)) {
      const [r, c] = across ? [axis.index, p] : [p, axis.index];
      throw new InputError(
        cellWhere(sheet, r, c),
        {
          en: `${fn}: ${axisName.en} values must increase along ${axisText(axis).en}, but ${v} follows ${prev}`,
          es: `${fn}: los valores de ${axisName.es} deben crecer a lo largo de ${axisText(axis).es}, pero ${v} viene después de ${prev}`,
        },
      );
    }
    positions.push(p);
    axisValues.push(v);
  }
  if (positions.length === 0) {
    const from = axisText(across ? { along: 'col', index: start } : { along: 'row', index: start });
    throw new InputError(
      sheet.label,
      {
        en: `${fn}('${axisArg}', '${firstDataCell}'): no numeric ${axisName.en} values in ${axisText(axis).en} from ${from.en} on`,
        es: `${fn}('${axisArg}', '${firstDataCell}'): no hay valores numéricos de ${axisName.es} en ${axisText(axis).es} desde ${from.es} en adelante`,
      },
    );
  }

  const values: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const ys = new Float64Array(positions.length);
    let present = 0;
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k]!;
      const v = across ? sheet.cell(first.row + i, p) : sheet.cell(p, first.col + i);
      if (typeof v === 'number') {
        ys[k] = v;
        present++;
      } else ys[k] = NaN;
    }
    if (present === 0) {
      const at = across ? cellName(first.row + i, start) : cellName(start, first.col + i);
      const line = across ? { en: 'row', es: 'la fila' } : { en: 'column', es: 'la columna' };
      throw new InputError(
        sheet.label,
        {
          en: `${fn}('${axisArg}', '${firstDataCell}'): element ${i + 1} of ${count} has no values (${line.en} starting at ${at} is empty where ${axisText(axis).en} has ${axisName.en} values)`,
          es: `${fn}('${axisArg}', '${firstDataCell}'): el elemento ${i + 1} de ${count} no tiene valores (${line.es} que empieza en ${at} está vacía donde ${axisText(axis).es} tiene valores de ${axisName.es})`,
        },
      );
    }
    values.push(ys);
  }
  return { axis: Float64Array.from(axisValues), values };
}

function axisText(axis: Axis): BilingualText {
  return axis.along === 'row'
    ? { en: `row ${axis.index + 1}`, es: `la fila ${axis.index + 1}` }
    : { en: `column ${columnLetters(axis.index)}`, es: `la columna ${columnLetters(axis.index)}` };
}

/** '4' → row 4 (times across); 'A' → column A (times down); or a defined name over one row or column. */
function parseAxis(sheet: Sheet, arg: string, first: CellRef, fn: string): Axis {
  const text = arg.trim();
  if (/^\d+$/.test(text)) {
    const row = Number(text) - 1;
    if (row < 0) throw new InputError(sheet.label, { en: `${fn}: row '${arg}' does not exist (rows start at 1)`, es: `${fn}: la fila '${arg}' no existe (las filas empiezan en 1)` });
    return { along: 'row', index: row };
  }
  const range = sheet.namedRange?.(text);
  if (range) {
    const oneRow = range.r0 === range.r1;
    const oneCol = range.c0 === range.c1;
    if (oneRow && !oneCol) return { along: 'row', index: range.r0, end: range.c1 };
    if (oneCol && !oneRow) return { along: 'col', index: range.c0, end: range.r1 };
    if (oneRow && oneCol) {
      // A single cell: the axis runs the way the data does from it.
      if (range.c0 === first.col) return { along: 'row', index: range.r0, end: range.c1 };
      if (range.r0 === first.row) return { along: 'col', index: range.c0, end: range.r1 };
    }
    throw new InputError(
      sheet.label,
      {
        en: `${fn}: named range '${arg}' (${cellName(range.r0, range.c0)}:${cellName(range.r1, range.c1)}) must be a single row or column in line with the first data cell`,
        es: `${fn}: el rango con nombre '${arg}' (${cellName(range.r0, range.c0)}:${cellName(range.r1, range.c1)}) debe ser una sola fila o columna alineada con la primera celda de datos`,
      },
    );
  }
  const col = columnIndex(text);
  if (col >= 0) return { along: 'col', index: col };
  throw new InputError(
    sheet.label,
    {
      en: `${fn}: '${arg}' is not a row number (times across), a column letter (times down) or a named range of this sheet`,
      es: `${fn}: '${arg}' no es un número de fila (tiempos a lo ancho), una letra de columna (tiempos hacia abajo) ni un rango con nombre de esta hoja`,
    },
  );
}
