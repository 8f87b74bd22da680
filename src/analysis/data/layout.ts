/**
 * Turns a grid into series. Three layouts are understood:
 * - wide: a `Time` column and one column per variable (what `igem run` writes);
 * - long: columns `time`, `variable`, `value` (any order, other columns ignored);
 * - time across: `Time` in the first cell, times along the first row, one variable per row
 *   (Vensim's default tabular export).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { nameKey } from '../names.js';
import { cellNumber, cellText } from './cells.js';
import type { Grid, HistoricalData, ObservedSeries } from './types.js';

const TIME_HEADERS = new Set(['time', 'year', 't']);
const VARIABLE_HEADERS = new Set(['variable', 'var', 'name', 'series']);
const VALUE_HEADERS = new Set(['value', 'val', 'observed']);

interface Point {
  t: number;
  v: number;
  where: string;
}

class SeriesBuilder {
  readonly points: Point[] = [];
  constructor(
    readonly name: string,
    readonly where: string,
  ) {}
  build(): ObservedSeries {
    const pts = this.points.slice().sort((a, b) => a.t - b.t);
    for (let i = 1; i < pts.length; i++) {
      if (pts[i].t === pts[i - 1].t) {
        const [first, second] = [pts[i - 1], pts[i]].sort((a, b) => (a.where < b.where ? -1 : 1));
        throw new InputError(second.where, { en: `"${this.name}" has a second value at time ${pts[i].t} (first at ${first.where})`, es: `"${this.name}" tiene un segundo valor en el tiempo ${pts[i].t} (el primero en ${first.where})` });
      }
    }
    return {
      name: this.name,
      where: this.where,
      time: Float64Array.from(pts, (p) => p.t),
      value: Float64Array.from(pts, (p) => p.v),
    };
  }
}

function findColumn(keys: string[], wanted: Set<string>): number {
  return keys.findIndex((k) => wanted.has(k));
}

function readLong(grid: Grid, tCol: number, nameCol: number, valueCol: number): HistoricalData {
  const byKey = new Map<string, SeriesBuilder>();
  for (let r = 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const name = cellText(row[nameCol]);
    const t = cellNumber(row[tCol], grid.where(r, tCol), 'time');
    const v = cellNumber(row[valueCol], grid.where(r, valueCol), 'value');
    if (name === '') {
      if (t === null && v === null) continue;
      throw new InputError(grid.where(r, nameCol), { en: 'missing variable name', es: 'falta el nombre de la variable' });
    }
    if (t === null) throw new InputError(grid.where(r, tCol), { en: 'missing time', es: 'falta el tiempo' });
    const key = nameKey(name);
    let builder = byKey.get(key);
    if (!builder) {
      builder = new SeriesBuilder(name, grid.where(r, nameCol));
      byKey.set(key, builder);
    }
    if (v !== null) builder.points.push({ t, v, where: grid.where(r, valueCol) });
  }
  return { source: grid.source, series: [...byKey.values()].map((b) => b.build()) };
}

function checkDistinct(names: { name: string; where: string }[]): void {
  const seen = new Map<string, string>();
  for (const { name, where } of names) {
    const key = nameKey(name);
    const first = seen.get(key);
    if (first) throw new InputError(where, { en: `variable "${name}" appears twice (first at ${first})`, es: `la variable "${name}" aparece dos veces (la primera en ${first})` });
    seen.set(key, where);
  }
}

function readWide(grid: Grid, tCol: number): HistoricalData {
  const header = grid.rows[0];
  const builders: { col: number; builder: SeriesBuilder }[] = [];
  for (let c = 0; c < header.length; c++) {
    if (c === tCol) continue;
    const name = cellText(header[c]);
    if (name === '') {
      const hasData = grid.rows.some((row, r) => r > 0 && cellText(row[c]) !== '');
      if (hasData) throw new InputError(grid.where(0, c), { en: 'column has values but no variable name', es: 'la columna tiene valores pero no nombre de variable' });
      continue;
    }
    builders.push({ col: c, builder: new SeriesBuilder(name, grid.where(0, c)) });
  }
  checkDistinct(builders.map((b) => b.builder));
  for (let r = 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const t = cellNumber(row[tCol], grid.where(r, tCol), 'time');
    if (t === null) {
      if (builders.every(({ col }) => cellText(row[col]) === '')) continue;
      throw new InputError(grid.where(r, tCol), { en: 'missing time', es: 'falta el tiempo' });
    }
    for (const { col, builder } of builders) {
      const v = cellNumber(row[col], grid.where(r, col), `"${builder.name}"`);
      if (v !== null) builder.points.push({ t, v, where: grid.where(r, col) });
    }
  }
  return { source: grid.source, series: builders.map((b) => b.builder.build()) };
}

function readTimeAcross(grid: Grid): HistoricalData {
  const header = grid.rows[0];
  const times: (number | null)[] = header.map((cell, c) => (c === 0 ? null : cellNumber(cell, grid.where(0, c), 'time')));
  const builders: SeriesBuilder[] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    const name = cellText(row[0]);
    if (name === '') throw new InputError(grid.where(r, 0), { en: 'missing variable name', es: 'falta el nombre de la variable' });
    const builder = new SeriesBuilder(name, grid.where(r, 0));
    for (let c = 1; c < row.length; c++) {
      const v = cellNumber(row[c], grid.where(r, c), `"${name}"`);
      if (v === null) continue;
      const t = times[c];
      if (t === null || t === undefined) throw new InputError(grid.where(r, c), { en: 'value in a column without a time', es: 'valor en una columna sin tiempo' });
      builder.points.push({ t, v, where: grid.where(r, c) });
    }
    builders.push(builder);
  }
  checkDistinct(builders);
  return { source: grid.source, series: builders.map((b) => b.build()) };
}

function isNumberLike(cell: string | number | null): boolean {
  if (typeof cell === 'number') return true;
  return cell !== null && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell.trim());
}

export function gridToSeries(grid: Grid): HistoricalData {
  if (grid.rows.length === 0) throw new InputError(grid.source, { en: 'no data: the file is empty', es: 'no hay datos: el archivo está vacío' });
  const header = grid.rows[0];
  const keys = header.map((cell) => nameKey(cellText(cell)));
  const tCol = findColumn(keys, TIME_HEADERS);
  const nameCol = findColumn(keys, VARIABLE_HEADERS);
  const valueCol = findColumn(keys, VALUE_HEADERS);
  if (tCol >= 0 && nameCol >= 0 && valueCol >= 0) return readLong(grid, tCol, nameCol, valueCol);
  if (tCol === 0 && header.length > 1 && header.slice(1).every((c) => c === null || isNumberLike(c))) {
    return readTimeAcross(grid);
  }
  if (tCol >= 0) return readWide(grid, tCol);
  throw new InputError(grid.where(0, 0), {
    en:
      'no "Time" column: expected a wide table (Time, then one column per variable), ' +
      'a long one (time, variable, value), or times across the first row after "Time"',
    es:
      'no hay columna "Time": se esperaba una tabla ancha (Time y luego una columna por variable), ' +
      'una larga (time, variable, value) o los tiempos en la primera fila después de "Time"',
  });
}
