/** Reading one cell as a number, a gap, or an error that names the cell. */
import { InputError } from '../../sd/ir/diagnostics.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Spellings of "no observation here". NaN is not one: it usually means a broken computation. */
const GAP = new Set(['', 'na', 'n/a', '#n/a', ':na:']);

/** The cell as a finite number, `null` for a gap, or an InputError at `where`. */
export function cellNumber(cell: string | number | null | undefined, where: string, what = 'value'): number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) throw InputError.englishOnly(where, `NaN in data (${what}); leave the cell empty or write NA for a gap`);
    if (!Number.isFinite(cell)) throw InputError.englishOnly(where, `${what} is not finite (${cell})`);
    return cell;
  }
  const text = cell.trim();
  const lower = text.toLowerCase();
  if (GAP.has(lower)) return null;
  if (lower === 'nan' || lower === '-nan' || lower === '+nan') {
    throw InputError.englishOnly(where, `NaN in data (${what}); leave the cell empty or write NA for a gap`);
  }
  if (!NUMBER.test(text)) {
    if (/^[+-]?(inf|infinity)$/.test(lower)) throw InputError.englishOnly(where, `${what} is not finite (${text})`);
    throw InputError.englishOnly(where, `${what} "${text}" is not a number`);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw InputError.englishOnly(where, `${what} "${text}" is out of range`);
  return value;
}

export function cellText(cell: string | number | null | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}
