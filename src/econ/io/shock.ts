/**
 * Final-demand shocks: a CSV with a sector column and a value column (change in final demand,
 * in table units). Sectors may repeat (values add up) and may be left out (no change).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { cellText, type Grid } from './grid.js';
import { readGrid } from './read-grid.js';
import { findColumns, numberAt, sectorIndex } from './sector-csv.js';

export const SHOCK_VALUE_COLUMNS = ['value', 'change', 'delta', 'demand', 'final demand', 'final demand change', 'amount', 'valor', 'cambio', 'monto'];

export function parseShock(grid: Grid, sectors: string[]): number[] {
  const cols = findColumns(grid, {
    sector: { names: ['sector', 'sectors', 'sector name', 'activity', 'actividad'] },
    value: { names: SHOCK_VALUE_COLUMNS },
  });
  const df = new Array<number>(sectors.length).fill(0);
  let rows = 0;
  for (let r = 1; r < grid.rows.length; r++) {
    const label = cellText(grid.rows[r][cols.sector!]);
    if (label === '') {
      if (grid.rows[r].some((c) => cellText(c) !== '')) throw new InputError(grid.where(r, cols.sector!), 'missing sector name');
      continue;
    }
    const i = sectorIndex(sectors, label, grid.where(r, cols.sector!));
    df[i] += numberAt(grid, r, cols.value!);
    rows++;
  }
  if (rows === 0) throw new InputError(grid.source, 'the shock file has no rows');
  return df;
}

export function readShock(path: string, sectors: string[]): number[] {
  return parseShock(readGrid(path), sectors);
}
