/**
 * Reads the tidy splits file that `igem greenjobs export-io` writes
 * (`year,indicator,value,unit,se,ci_low,ci_high,source`), so the scenario report can carry the
 * measured youth and women's shares of green jobs into the Peru model's indicators.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { cellText, type Grid } from '../io/grid.js';
import { readGrid } from '../io/read-grid.js';

export interface MeasuredSplit {
  year: number;
  indicator: string;
  value: number;
  unit: string;
  low: number;
  high: number;
  /** The survey file, prefixed "SYNTHETIC " when the sample is synthetic. */
  source: string;
  synthetic: boolean;
}

const COLUMNS = ['year', 'indicator', 'value', 'unit', 'se', 'ci_low', 'ci_high', 'source'] as const;

function numberAt(grid: Grid, r: number, c: number): number {
  const v = grid.rows[r][c];
  const n = typeof v === 'number' ? v : Number(cellText(v));
  if (cellText(v) === '' || !Number.isFinite(n)) throw new InputError(grid.where(r, c), { en: `"${cellText(v)}" is not a number`, es: `"${cellText(v)}" no es un número` });
  return n;
}

export function splitsFromGrid(grid: Grid): Map<string, MeasuredSplit> {
  const header = (grid.rows[0] ?? []).map((c) => cellText(c).toLowerCase());
  const col = Object.fromEntries(
    COLUMNS.map((name) => {
      const i = header.indexOf(name);
      if (i < 0) throw new InputError(grid.where(0, 0), { en: `the splits file needs a "${name}" column (found: ${header.join(', ') || 'nothing'})`, es: `el archivo de particiones necesita una columna "${name}" (se encontró: ${header.join(', ') || 'nada'})` });
      return [name, i];
    }),
  ) as Record<(typeof COLUMNS)[number], number>;
  const out = new Map<string, MeasuredSplit>();
  for (let r = 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (row.every((c) => cellText(c) === '')) continue;
    const indicator = cellText(row[col.indicator]);
    if (!indicator) throw new InputError(grid.where(r, col.indicator), { en: 'empty indicator name', es: 'nombre de indicador vacío' });
    if (out.has(indicator)) throw new InputError(grid.where(r, col.indicator), { en: `indicator "${indicator}" is listed twice`, es: `el indicador "${indicator}" aparece dos veces` });
    const source = cellText(row[col.source]);
    out.set(indicator, {
      year: numberAt(grid, r, col.year),
      indicator,
      value: numberAt(grid, r, col.value),
      unit: cellText(row[col.unit]),
      low: numberAt(grid, r, col.ci_low),
      high: numberAt(grid, r, col.ci_high),
      source,
      synthetic: source.startsWith('SYNTHETIC'),
    });
  }
  return out;
}

export function readMeasuredSplits(path: string): Map<string, MeasuredSplit> {
  return splitsFromGrid(readGrid(path));
}
