/**
 * Small "one row per sector" CSV files (shocks, green shares, informality, aggregation maps):
 * find the named columns in the header, match sector labels, report bad cells by line and column.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { cellText, normalizeLabel, type Grid } from './grid.js';
import { cellNumber } from './numbers.js';

export interface ColumnSpec {
  /** Accepted header spellings (compared after normalizeLabel). */
  names: string[];
  required?: boolean;
}

/** Header column indices for each spec, by key; throws when a required column is missing. */
export function findColumns<K extends string>(grid: Grid, specs: Record<K, ColumnSpec>): Record<K, number | undefined> {
  if (grid.rows.length === 0) throw new InputError(grid.source, { en: 'the file is empty', es: 'el archivo está vacío' });
  const header = grid.rows[0].map((c) => normalizeLabel(cellText(c)));
  const out = {} as Record<K, number | undefined>;
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    const idx = header.findIndex((h) => spec.names.includes(h));
    if (idx < 0 && spec.required !== false) {
      throw new InputError(`${grid.source}:1`, { en: `missing column "${spec.names[0]}" (header has: ${grid.rows[0].map(cellText).join(', ')})`, es: `falta la columna "${spec.names[0]}" (el encabezado tiene: ${grid.rows[0].map(cellText).join(', ')})` });
    }
    out[key] = idx < 0 ? undefined : idx;
  }
  return out;
}

/** Index of a sector label among `sectors`, or an InputError at the cell naming the known sectors. */
export function sectorIndex(sectors: string[], label: string, where: string): number {
  const key = normalizeLabel(label);
  const i = sectors.findIndex((s) => normalizeLabel(s) === key);
  if (i < 0) {
    const list = sectors.length > 30 ? `${sectors.slice(0, 30).join(', ')}, …` : sectors.join(', ');
    throw new InputError(where, { en: `unknown sector "${label}" (the table's sectors: ${list})`, es: `sector desconocido "${label}" (sectores de la tabla: ${list})` });
  }
  return i;
}

export function numberAt(grid: Grid, r: number, c: number): number {
  const cell = grid.rows[r][c] ?? null;
  if (cellText(cell) === '') throw new InputError(grid.where(r, c), { en: 'missing number', es: 'falta el número' });
  return cellNumber(cell, grid.where(r, c));
}

/** One value per sector from a sector,value file; every sector must appear exactly once. */
export function readPerSector(grid: Grid, sectors: string[], valueNames: string[], check: (v: number, where: string) => void): number[] {
  const cols = findColumns(grid, { sector: { names: ['sector', 'sectors', 'sector name', 'activity', 'actividad'] }, value: { names: valueNames } });
  const values = new Array<number | undefined>(sectors.length).fill(undefined);
  for (let r = 1; r < grid.rows.length; r++) {
    const label = cellText(grid.rows[r][cols.sector!]);
    if (label === '') continue;
    const i = sectorIndex(sectors, label, grid.where(r, cols.sector!));
    if (values[i] !== undefined) throw new InputError(grid.where(r, cols.sector!), { en: `sector "${label}" is listed twice`, es: `el sector "${label}" aparece dos veces` });
    const v = numberAt(grid, r, cols.value!);
    check(v, grid.where(r, cols.value!));
    values[i] = v;
  }
  const missing = sectors.filter((_, i) => values[i] === undefined);
  if (missing.length > 0) throw new InputError(grid.source, { en: `no value for sector(s): ${missing.join(', ')}`, es: `no hay valor para el/los sector(es): ${missing.join(', ')}` });
  return values as number[];
}
