/** Reading one table cell as a number, or an InputError naming the cell. */
import { parseNumberText } from '../../sd/data/number-text.js';
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Cell } from './grid.js';

/** Cells that publishers use for "nothing": empty, a dash, an en dash. */
const ZERO = new Set(['', '-', '–', '—', '..']);

export function cellNumber(cell: Cell | undefined, where: string, decimal: '.' | ',' = '.'): number {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new InputError(where, { en: `not a finite number (${cell})`, es: `no es un número finito (${cell})` });
    return cell;
  }
  let text = cell.trim().replace(/\s/g, '');
  if (ZERO.has(text)) return 0;
  // (123) is accountants' notation for -123.
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) text = '-' + paren[1];
  // The data layer reads '1,234.5' (decimal point) and '1.234,5' (decimal comma) alike.
  const value = parseNumberText(text, decimal === ',' ? 'comma' : 'dot');
  if (value === undefined) throw new InputError(where, { en: `"${cell}" is not a number`, es: `"${cell}" no es un número` });
  return value;
}
