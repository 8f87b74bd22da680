/**
 * Aggregating sectors by a mapping (sector → group): flows, final demand, primary inputs, output
 * and satellites are summed (Z* = S·Z·S'), so the aggregated table stays balanced. Groups are
 * ordered by first appearance in the mapping.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { cellText, normalizeLabel } from './grid.js';
import { readGrid } from './read-grid.js';
import { findColumns, sectorIndex } from './sector-csv.js';
import type { IoTable } from './types.js';

/** mapping[i] = the group of sector i. */
export function aggregateTable(table: IoTable, mapping: string[]): IoTable {
  if (mapping.length !== table.sectors.length) throw new Error('one group per sector');
  const groups: string[] = [];
  const g = mapping.map((m) => {
    let k = groups.findIndex((x) => normalizeLabel(x) === normalizeLabel(m));
    if (k < 0) k = groups.push(m) - 1;
    return k;
  });
  const m = groups.length;
  const sumBy = (v: number[]): number[] => {
    const out = new Array<number>(m).fill(0);
    v.forEach((x, i) => (out[g[i]] += x));
    return out;
  };
  const Z = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  table.Z.forEach((row, i) => row.forEach((z, j) => (Z[g[i]][g[j]] += z)));
  return {
    ...table,
    source: `${table.source} (aggregated to ${m} sectors)`,
    sectors: groups,
    Z,
    x: sumBy(table.x),
    finalDemand: table.finalDemand.map((f) => ({ name: f.name, values: sumBy(f.values) })),
    primaryInputs: table.primaryInputs.map((p) => ({ name: p.name, values: sumBy(p.values) })),
    satellites: table.satellites.map((s) => ({ ...s, values: sumBy(s.values) })),
  };
}

/** A mapping file: columns sector,group; every table sector must be mapped once. */
export function readAggregationMap(path: string, sectors: string[]): string[] {
  const grid = readGrid(path);
  const cols = findColumns(grid, { sector: { names: ['sector', 'from', 'sector name'] }, group: { names: ['group', 'to', 'aggregate', 'grupo'] } });
  const out = new Array<string | undefined>(sectors.length).fill(undefined);
  for (let r = 1; r < grid.rows.length; r++) {
    const label = cellText(grid.rows[r][cols.sector!]);
    if (label === '') continue;
    const i = sectorIndex(sectors, label, grid.where(r, cols.sector!));
    const group = cellText(grid.rows[r][cols.group!]);
    if (group === '') throw new InputError(grid.where(r, cols.group!), { en: 'missing group name', es: 'falta el nombre del grupo' });
    if (out[i] !== undefined) throw new InputError(grid.where(r, cols.sector!), { en: `sector "${label}" is mapped twice`, es: `el sector "${label}" está asignado dos veces` });
    out[i] = group;
  }
  const missing = sectors.filter((_, i) => out[i] === undefined);
  if (missing.length > 0) throw new InputError(path, { en: `sectors not mapped to any group: ${missing.join(', ')}`, es: `sectores sin grupo asignado: ${missing.join(', ')}` });
  return out as string[];
}
