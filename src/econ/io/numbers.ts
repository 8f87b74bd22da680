/** Reading one table cell as a number, or an InputError naming the cell. */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Cell } from './grid.js';

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/; // 1,234.5
const GROUPED_COMMA = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/; // 1.234,5
/** Cells that publishers use for "nothing": empty, a dash, an en dash. */
const ZERO = new Set(['', '-', '–', '—', '..']);

export function cellNumber(cell: Cell | undefined, where: string, decimal: '.' | ',' = '.'): number {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new InputError(where, `not a finite number (${cell})`);
    return cell;
  }
  let text = cell.trim().replace(/\s/g, '');
  if (ZERO.has(text)) return 0;
  // (123) is accountants' notation for -123.
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) text = '-' + paren[1];
  if (decimal === ',') {
    if (GROUPED_COMMA.test(text)) text = text.replace(/\./g, '').replace(',', '.');
    else if (/^[+-]?\d+(,\d+)?$/.test(text)) text = text.replace(',', '.');
  } else if (GROUPED_DOT.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN.test(text)) throw new InputError(where, `"${cell}" is not a number`);
  return Number(text);
}
