/**
 * Final-demand shocks: a CSV with a sector column and a value column (change in final demand,
 * in table units). Sectors may repeat (values add up) and may be left out (no change).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { cellText, type Grid } from './grid.js';
import { readGrid } from './read-grid.js';
import { findColumns, numberAt, sectorIndex } from './sector-csv.js';

export const SHOCK_VALUE_COLUMNS = ['value', 'change', 'delta', 'demand', 'final demand', 'final demand change', 'amount', 'valor', 'cambio', 'monto'];

export interface Shock {
  values: number[];
  /**
   * Optional per-sector environmental share of the new demand itself (e.g. 1 for building solar
   * plants), from an `environmental_share` column; it classifies the direct jobs of the programme,
   * which a sector average would miss. Undefined where the file gives none.
   */
  environmentalShare?: (number | undefined)[];
}

export function parseShock(grid: Grid, sectors: string[]): number[] {
  return parseShockDetailed(grid, sectors).values;
}

export function parseShockDetailed(grid: Grid, sectors: string[]): Shock {
  const cols = findColumns(grid, {
    sector: { names: ['sector', 'sectors', 'sector name', 'activity', 'actividad'] },
    value: { names: SHOCK_VALUE_COLUMNS },
    green: { names: ['environmental share', 'environmental_share'], required: false },
  });
  const df = new Array<number>(sectors.length).fill(0);
  const greenWeighted = new Array<number>(sectors.length).fill(0);
  const greenGiven = new Array<number>(sectors.length).fill(0);
  let rows = 0;
  for (let r = 1; r < grid.rows.length; r++) {
    const label = cellText(grid.rows[r][cols.sector!]);
    if (label === '') {
      if (grid.rows[r].some((c) => cellText(c) !== '')) throw new InputError(grid.where(r, cols.sector!), { en: 'missing sector name', es: 'falta el nombre del sector' });
      continue;
    }
    const i = sectorIndex(sectors, label, grid.where(r, cols.sector!));
    const v = numberAt(grid, r, cols.value!);
    df[i] += v;
    if (cols.green !== undefined && cellText(grid.rows[r][cols.green]) !== '') {
      const g = numberAt(grid, r, cols.green);
      if (!(g >= 0 && g <= 1)) throw new InputError(grid.where(r, cols.green), { en: `a share must be between 0 and 1, got ${g}`, es: `una participación debe estar entre 0 y 1, se recibió ${g}` });
      greenWeighted[i] += g * v;
      greenGiven[i] += v;
    }
    rows++;
  }
  if (rows === 0) throw new InputError(grid.source, { en: 'the shock file has no rows', es: 'el archivo de choques no tiene filas' });
  if (cols.green === undefined) return { values: df };
  // A sector's share is the demand-weighted mean of its rows that give one.
  return { values: df, environmentalShare: df.map((_, i) => (greenGiven[i] !== 0 ? greenWeighted[i] / greenGiven[i] : undefined)) };
}

export function readShock(path: string, sectors: string[]): number[] {
  return parseShock(readGrid(path), sectors);
}

export function readShockDetailed(path: string, sectors: string[]): Shock {
  return parseShockDetailed(readGrid(path), sectors);
}
