/** Reading one cell as a number, a gap, or an error that names the cell. */
import { InputError } from '../../sd/ir/diagnostics.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Spellings of "no observation here". NaN is not one: it usually means a broken computation. */
const GAP = new Set(['', 'na', 'n/a', '#n/a', ':na:']);
const SPANISH_WHAT = new Map([['value', 'valor'], ['time', 'tiempo']]);

/** The cell as a finite number, `null` for a gap, or an InputError at `where`. */
export function cellNumber(cell: string | number | null | undefined, where: string, what = 'value'): number | null {
  if (cell === null || cell === undefined) return null;
  // `what` is 'value', 'time' or a quoted variable name; the name stays as it is in Spanish.
  const whatEs = SPANISH_WHAT.get(what) ?? what;
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) throw new InputError(where, { en: `NaN in data (${what}); leave the cell empty or write NA for a gap`, es: `NaN en los datos (${whatEs}); deje la celda vacía o escriba NA para un vacío` });
    if (!Number.isFinite(cell)) throw new InputError(where, { en: `${what} is not finite (${cell})`, es: `${whatEs} no es finito (${cell})` });
    return cell;
  }
  const text = cell.trim();
  const lower = text.toLowerCase();
  if (GAP.has(lower)) return null;
  if (lower === 'nan' || lower === '-nan' || lower === '+nan') {
    throw new InputError(where, { en: `NaN in data (${what}); leave the cell empty or write NA for a gap`, es: `NaN en los datos (${whatEs}); deje la celda vacía o escriba NA para un vacío` });
  }
  if (!NUMBER.test(text)) {
    if (/^[+-]?(inf|infinity)$/.test(lower)) throw new InputError(where, { en: `${what} is not finite (${text})`, es: `${whatEs} no es finito (${text})` });
    throw new InputError(where, { en: `${what} "${text}" is not a number`, es: `${whatEs} "${text}" no es un número` });
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new InputError(where, { en: `${what} "${text}" is out of range`, es: `${whatEs} "${text}" está fuera de rango` });
  return value;
}

export function cellText(cell: string | number | null | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}
