/**
 * Reading a SAM: a square grid whose column labels repeat its row labels in the same order, with
 * an optional total row and column. Row and column totals of every account must agree.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { cellText, normalizeLabel, type Grid } from './grid.js';
import { isTotal } from './labels.js';
import { cellNumber } from './numbers.js';
import { readGrid } from './read-grid.js';
import type { Sam } from './sam.js';
import type { BalanceIssue, BalanceReport } from './types.js';
import { DEFAULT_TOLERANCE, type Tolerance } from './validate.js';

export function parseSam(grid: Grid, decimal: '.' | ',' = '.'): Sam {
  const header = grid.rows.findIndex((r) => r.slice(1).filter((c) => cellText(c) !== '').length >= 2);
  if (header < 0) throw new InputError(grid.source, { en: 'no header row with account names', es: 'no hay una fila de encabezado con los nombres de las cuentas' });
  const cols: { label: string; c: number }[] = [];
  grid.rows[header].forEach((cell, c) => {
    const t = cellText(cell);
    if (c > 0 && t !== '' && !isTotal(normalizeLabel(t))) cols.push({ label: t, c });
  });
  const rows: { label: string; r: number }[] = [];
  for (let r = header + 1; r < grid.rows.length; r++) {
    const t = cellText(grid.rows[r][0]);
    if (t !== '' && !isTotal(normalizeLabel(t))) rows.push({ label: t, r });
  }
  if (rows.length !== cols.length) {
    throw new InputError(grid.source, { en: `a SAM must be square: ${rows.length} account rows but ${cols.length} account columns`, es: `una MCS debe ser cuadrada: ${rows.length} filas de cuentas pero ${cols.length} columnas de cuentas` });
  }
  rows.forEach((row, i) => {
    if (normalizeLabel(row.label) !== normalizeLabel(cols[i].label)) {
      throw new InputError(grid.where(row.r, 0), { en: `row ${i + 1} is "${row.label}" but column ${i + 1} is "${cols[i].label}"; rows and columns must list the same accounts in the same order`, es: `la fila ${i + 1} es "${row.label}" pero la columna ${i + 1} es "${cols[i].label}"; filas y columnas deben listar las mismas cuentas en el mismo orden` });
    }
  });
  const T = rows.map((row) => cols.map((col) => cellNumber(grid.rows[row.r][col.c] ?? null, grid.where(row.r, col.c), decimal)));
  const totals = T.map((row) => row.reduce((a, b) => a + b, 0));
  // Printed totals, to be checked against the sums.
  const totalCol = grid.rows[header].findIndex((c, i) => i > 0 && isTotal(normalizeLabel(cellText(c))));
  let totalRow = -1;
  for (let r = header + 1; r < grid.rows.length; r++) if (isTotal(normalizeLabel(cellText(grid.rows[r][0])))) totalRow = r;
  const at = (r: number, c: number) => ({ value: cellNumber(grid.rows[r][c] ?? null, grid.where(r, c), decimal), where: grid.where(r, c) });
  const published = {
    rowTotals: totalCol > 0 ? rows.map((row) => at(row.r, totalCol)) : undefined,
    colTotals: totalRow > 0 ? cols.map((col) => at(totalRow, col.c)) : undefined,
  };
  return { source: grid.source, accounts: rows.map((r) => r.label), T, totals, published };
}

/** Row total vs column total of every account. */
export function samBalance(sam: Sam, tol: Tolerance = DEFAULT_TOLERANCE): BalanceReport {
  const issues: BalanceIssue[] = [];
  sam.accounts.forEach((a, i) => {
    const rowTotal = sam.T[i].reduce((s, v) => s + v, 0);
    const colTotal = sam.T.reduce((s, row) => s + row[i], 0);
    const gap = colTotal - rowTotal;
    const scale = Math.max(Math.abs(rowTotal), Math.abs(colTotal));
    if (Math.abs(gap) > Math.max(tol.absolute, tol.relative * scale)) {
      issues.push({
        side: 'row', account: a, expected: rowTotal, actual: colTotal, gap, relativeGap: scale ? gap / scale : 0,
        message: `account "${a}": income (row) ${rowTotal} ≠ spending (column) ${colTotal} (gap ${gap})`,
        messageEs: `cuenta "${a}": ingresos (fila) ${rowTotal} ≠ gastos (columna) ${colTotal} (brecha ${gap})`,
      });
    }
  });
  const printed = (list: { value: number; where: string }[] | undefined, sums: number[], what: 'row' | 'column'): void => {
    list?.forEach((p, i) => {
      const gap = p.value - sums[i];
      if (Math.abs(gap) > Math.max(tol.absolute, tol.relative * Math.abs(sums[i]))) {
        issues.push({
          side: 'subtotal', account: sam.accounts[i], where: p.where, expected: sums[i], actual: p.value, gap, relativeGap: sums[i] ? gap / sums[i] : 0,
          message: `printed ${what} total of "${sam.accounts[i]}" is ${p.value} but its cells add up to ${sums[i]}`,
          messageEs: `el total impreso de la ${what === 'row' ? 'fila' : 'columna'} de "${sam.accounts[i]}" es ${p.value}, pero sus celdas suman ${sums[i]}`,
        });
      }
    });
  };
  printed(sam.published?.rowTotals, sam.T.map((row) => row.reduce((s, v) => s + v, 0)), 'row');
  printed(sam.published?.colTotals, sam.accounts.map((_, j) => sam.T.reduce((s, row) => s + row[j], 0)), 'column');
  return { source: sam.source, tolerance: { ...tol }, accountsChecked: sam.accounts.length, issues, balanced: issues.length === 0 };
}

export function loadSam(path: string, tol?: Tolerance): { sam: Sam; report: BalanceReport } {
  const sam = parseSam(readGrid(path));
  return { sam, report: samBalance(sam, tol) };
}
