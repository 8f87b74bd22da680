/** A grid and its layout to an IoTable, with where each account sits for balance messages. */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { TableDescriptor } from './descriptor.js';
import type { Grid } from './grid.js';
import type { Layout } from './layout.js';
import { detectNumberLocale } from '../../sd/data/number-text.js';
import { cellNumber } from './numbers.js';
import type { IoTable } from './types.js';

export interface Subtotal {
  label: string;
  kind: string;
  where: string[];
  values: number[];
}

/** What the reader saw besides the table itself: locations, published totals and subtotals. */
export interface ReadInfo {
  rowWhere: string[];
  colWhere: string[];
  /** The total-output column, if the file has one. */
  totalOutput?: number[];
  /** The total-input row, if the file has one. */
  totalInput?: number[];
  totalOutputWhere?: string[];
  totalInputWhere?: string[];
  subtotalRows: Subtotal[];
  subtotalCols: Subtotal[];
  /** What was assumed reading the file and finding its layout (delimiter, sheet, decimal separator, lone totals). */
  assumptions: string[];
}

export function parseTable(grid: Grid, layout: Layout, descriptor: TableDescriptor = {}): { table: IoTable; info: ReadInfo } {
  const assumptions = [...(grid.assumptions ?? []), ...layout.assumptions];
  const dec = descriptor.decimal ?? guessDecimal(grid, layout, assumptions);
  const num = (r: number, c: number): number => cellNumber(grid.rows[r]?.[c] ?? null, grid.where(r, c), dec);
  const { sectorRows, sectorCols } = layout;
  const n = layout.sectors.length;

  const Z = sectorRows.map((r, i) =>
    sectorCols.map((c, j) => {
      const v = num(r, c);
      if (v < 0) {
        throw new InputError(grid.where(r, c), { en: `negative intermediate flow ${v} from "${layout.sectors[i]}" to "${layout.sectors[j]}"; intermediate flows must be ≥ 0`, es: `flujo intermedio negativo ${v} de "${layout.sectors[i]}" a "${layout.sectors[j]}"; los flujos intermedios deben ser ≥ 0` });
      }
      return v;
    }),
  );
  const finalDemand = layout.finalDemandCols.map((l) => ({ name: l.label, values: sectorRows.map((r) => num(r, l.index)) }));
  const primaryInputs = layout.primaryRows.map((l) => ({ name: l.label, values: sectorCols.map((c) => num(l.index, c)) }));
  const primaryToFinal: Record<string, Record<string, number>> = {};
  for (const p of layout.primaryRows) {
    primaryToFinal[p.label] = {};
    for (const f of layout.finalDemandCols) primaryToFinal[p.label][f.label] = num(p.index, f.index);
  }
  const satellites = layout.satelliteRows.map((s) => ({
    name: s.name,
    kind: s.kind,
    unit: s.unit,
    values: sectorCols.map((c) => num(s.index, c)),
  }));

  const totalOutput = layout.totalOutputCol !== undefined ? sectorRows.map((r) => num(r, layout.totalOutputCol!)) : undefined;
  const totalInput = layout.totalInputRow !== undefined ? sectorCols.map((c) => num(layout.totalInputRow!, c)) : undefined;
  const rowSums = Z.map((row, i) => row.reduce((a, b) => a + b, 0) + finalDemand.reduce((a, f) => a + f.values[i], 0));
  const x = totalOutput ?? totalInput ?? rowSums;

  const info: ReadInfo = {
    rowWhere: sectorRows.map((r) => grid.where(r, 0)),
    colWhere: sectorCols.map((c) => grid.where(layout.headerRow, c)),
    totalOutput,
    totalInput,
    totalOutputWhere: layout.totalOutputCol !== undefined ? sectorRows.map((r) => grid.where(r, layout.totalOutputCol!)) : undefined,
    totalInputWhere: layout.totalInputRow !== undefined ? sectorCols.map((c) => grid.where(layout.totalInputRow!, c)) : undefined,
    subtotalRows: layout.subtotalRows.map((s) => ({
      label: s.label, kind: s.kind, where: sectorCols.map((c) => grid.where(s.index, c)), values: sectorCols.map((c) => num(s.index, c)),
    })),
    subtotalCols: layout.subtotalCols.map((s) => ({
      label: s.label, kind: s.kind, where: sectorRows.map((r) => grid.where(r, s.index)), values: sectorRows.map((r) => num(r, s.index)),
    })),
    assumptions,
  };
  if (n === 0) throw new InputError(grid.source, { en: 'the table has no sectors', es: 'la tabla no tiene sectores' });

  const table: IoTable = {
    source: grid.source,
    title: layout.title,
    status: descriptor.status,
    units: descriptor.units,
    sectors: layout.sectors,
    Z,
    finalDemand,
    primaryInputs,
    primaryToFinal,
    x,
    satellites,
    labourIncome: layout.labourIncome,
    householdConsumption: layout.householdConsumption,
    householdIncome: descriptor.householdIncome,
    nonValueAdded: layout.nonValueAdded,
  };
  return { table, info };
}

/**
 * The decimal separator of numbers written as text in the table's data cells, when no descriptor
 * says it: '1.234,5' and '0,5' mean a comma, '1,234.5' and '0.5' a point; '1,234' alone says
 * nothing and reads as a point. A table that mixes both is refused with the cells to check.
 */
function guessDecimal(grid: Grid, layout: Layout, assumptions: string[]): '.' | ',' {
  const texts: string[] = [];
  for (let r = layout.headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = layout.firstDataCol; c < row.length; c++) {
      const v = row[c];
      if (typeof v === 'string' && /\d[.,]|[.,]\d/.test(v)) texts.push(v);
    }
  }
  if (texts.length === 0) return '.';
  const guess = detectNumberLocale(texts);
  if (guess.conflict) throw new InputError(grid.source, { en: `${guess.conflict.en} ("decimal" in a descriptor)`, es: `${guess.conflict.es} ("decimal" en un descriptor)` });
  assumptions.push(guess.assumed);
  return guess.locale === 'comma' ? ',' : '.';
}
