/**
 * Known values for balancing (`--fix totals.csv`): a CSV with columns `type,row,column,value`
 * (Spanish headers tipo,fila,columna,valor also accepted). Types:
 *   cell          row and column name one account each: the cell is fixed
 *   total         row names an account: its row total and column total are both fixed
 *   row-total     row names an account: its receipts are fixed
 *   column-total  column names an account: its expenditures are fixed
 *   sum           the sum of the cells in row × column is fixed; row and column may list several
 *                 accounts separated by `|` and end in `*` as a prefix wildcard (e.g. `t-isc-*`)
 * Every error names the file, line and column.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { readGrid } from '../io/read-grid.js';
import type { CeConstraints, CellRef } from './cross-entropy.js';
import { normalizeKey } from './descriptor.js';
import type { SamAccount } from './types.js';

export type FixKind = 'cell' | 'total' | 'row-total' | 'column-total' | 'sum';

export interface FixEntry {
  kind: FixKind;
  rows: number[];
  cols: number[];
  value: number;
  where: string;
  text: string;
}

const KINDS: Record<string, FixKind> = {
  cell: 'cell', celda: 'cell', total: 'total', 'row total': 'row-total', 'total fila': 'row-total', 'column total': 'column-total',
  'col total': 'column-total', 'total columna': 'column-total', sum: 'sum', suma: 'sum', block: 'sum', bloque: 'sum',
};
const HEADERS: Record<string, string> = { type: 'type', tipo: 'type', row: 'row', fila: 'row', column: 'column', col: 'column', columna: 'column', value: 'value', valor: 'value' };

function match(pattern: string, accounts: SamAccount[], where: string, file: string): number[] {
  const out: number[] = [];
  for (const part of pattern.split('|').map((p) => p.trim()).filter((p) => p !== '')) {
    const key = normalizeKey(part);
    const found = accounts
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => (key.endsWith('*') ? normalizeKey(a.code).startsWith(key.slice(0, -1)) : normalizeKey(a.code) === key || normalizeKey(a.label) === key));
    if (found.length === 0) throw new InputError(where, { en: `account "${part}" is not in the SAM (fix file ${file})`, es: `la cuenta "${part}" no está en la MCS (archivo de ajustes ${file})` });
    out.push(...found.map((f) => f.i));
  }
  return out;
}

export function readFixFile(path: string, accounts: SamAccount[]): FixEntry[] {
  const grid = readGrid(path);
  const head = (grid.rows[0] ?? []).map((c) => HEADERS[normalizeKey(String(c ?? ''))]);
  const col = (name: string): number => {
    const c = head.indexOf(name);
    if (c < 0) throw new InputError(path, { en: `the header must have columns type,row,column,value (tipo,fila,columna,valor); "${name}" is missing`, es: `el encabezado debe tener las columnas type,row,column,value (tipo,fila,columna,valor); falta "${name}"` });
    return c;
  };
  const [ct, cr, cc, cv] = [col('type'), col('row'), col('column'), col('value')];
  const entries: FixEntry[] = [];
  grid.rows.slice(1).forEach((row, k) => {
    const r = k + 1;
    const s = (c: number): string => (row[c] === null || row[c] === undefined ? '' : String(row[c]).trim());
    const kind = KINDS[normalizeKey(s(ct))];
    if (!kind) throw new InputError(grid.where(r, ct), { en: `unknown fix type "${s(ct)}" (cell, total, row-total, column-total, sum)`, es: `tipo de ajuste desconocido "${s(ct)}" (cell, total, row-total, column-total, sum)` });
    const value = typeof row[cv] === 'number' ? (row[cv] as number) : Number(s(cv));
    if (s(cv) === '' || !Number.isFinite(value)) throw new InputError(grid.where(r, cv), { en: `"${s(cv)}" is not a number`, es: `"${s(cv)}" no es un número` });
    const need = (c: number, what: 'row' | 'column'): string => {
      const es = what === 'row' ? 'de fila' : 'de columna';
      if (s(c) === '') throw new InputError(grid.where(r, c), { en: `a "${kind}" entry needs the ${what} account`, es: `una entrada "${kind}" necesita la cuenta ${es}` });
      return s(c);
    };
    const rows = kind === 'column-total' ? [] : match(need(cr, 'row'), accounts, grid.where(r, cr), path);
    const cols = kind === 'row-total' || kind === 'total' ? [] : match(need(cc, 'column'), accounts, grid.where(r, cc), path);
    if ((kind === 'cell' && (rows.length !== 1 || cols.length !== 1)) || ((kind === 'total' || kind === 'row-total') && rows.length !== 1) || (kind === 'column-total' && cols.length !== 1)) {
      throw new InputError(grid.where(r, ct), { en: `a "${kind}" entry names exactly one account per side; use "sum" for several`, es: `una entrada "${kind}" nombra exactamente una cuenta por lado; use "sum" para varias` });
    }
    entries.push({ kind, rows, cols, value, where: grid.where(r, 0), text: `${kind} ${s(cr)}${s(cc) ? ` × ${s(cc)}` : ''} = ${value}` });
  });
  return entries;
}

/** The cross-entropy constraints of a list of fixes (balance is added by the caller). */
export function fixConstraints(entries: FixEntry[]): CeConstraints {
  const c: Required<Omit<CeConstraints, 'balance'>> = { rowTotals: [], colTotals: [], fixedCells: [], sums: [] };
  for (const e of entries) {
    if (e.kind === 'cell') c.fixedCells.push({ row: e.rows[0], col: e.cols[0], value: e.value });
    else if (e.kind === 'total' || e.kind === 'row-total') c.rowTotals.push({ index: e.rows[0], value: e.value });
    else if (e.kind === 'column-total') c.colTotals.push({ index: e.cols[0], value: e.value });
    else {
      const cells: CellRef[] = [];
      for (const row of e.rows) for (const col of e.cols) cells.push({ row, col });
      c.sums.push({ name: `${e.text} (${e.where})`, cells, value: e.value });
    }
  }
  return c;
}
