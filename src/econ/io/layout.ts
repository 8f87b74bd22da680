/**
 * Finding the parts of an IO table in a grid: the square sector block first, then final-demand
 * columns up to the total-output column, primary-input rows up to the total-input row, and
 * satellite rows (employment, emissions ...) after it. A descriptor can name any part instead.
 * Without one, the plain layouts statistics offices publish load as they are: one final-demand
 * column ("Final demand", "Demanda final") or several, a total-output column or none, value-added
 * rows with or without a subtotal row. Every guess is listed in `assumptions` (and by `igem io check`).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { TableDescriptor } from './descriptor.js';
import { cellText, normalizeLabel, type Grid } from './grid.js';
import {
  codeOf, isHouseholdAccount, isHouseholdConsumption, isLabourIncome, isNonValueAdded, isTotal, satelliteKind, subtotalColumnKind,
  subtotalRowKind, unitOf,
} from './labels.js';
import type { SatelliteKind } from './types.js';

export interface Line {
  index: number;
  label: string;
}

export interface Layout {
  headerRow: number;
  firstDataCol: number;
  sectors: string[];
  sectorRows: number[];
  sectorCols: number[];
  finalDemandCols: Line[];
  totalOutputCol?: number;
  subtotalCols: (Line & { kind: 'intermediate' | 'finalDemand' })[];
  primaryRows: Line[];
  totalInputRow?: number;
  subtotalRows: (Line & { kind: 'intermediate' | 'valueAdded' | 'primary' })[];
  satelliteRows: (Line & { name: string; kind: SatelliteKind; unit?: string })[];
  labourIncome?: string;
  householdConsumption?: string;
  nonValueAdded: string[];
  title?: string;
  /** What the layout guessed without a descriptor, in words, for `igem io check`. */
  assumptions: string[];
}

const isNumericText = (s: string): boolean => /^[-+]?[\d.,\s]*\d[\d.,\s]*([eE][-+]?\d+)?$/.test(s) || s === '-';

function isNumberish(cell: unknown): boolean {
  if (typeof cell === 'number') return true;
  return typeof cell === 'string' && isNumericText(cell.trim());
}

/** The first column at which most non-empty cells below the header are numbers. */
function firstDataColumn(grid: Grid, header: number): number {
  const width = Math.max(...grid.rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let numbers = 0;
    let filled = 0;
    for (let r = header + 1; r < grid.rows.length; r++) {
      const cell = grid.rows[r][c];
      if (cell === null || cell === undefined || cellText(cell) === '') continue;
      filled++;
      if (isNumberish(cell)) numbers++;
    }
    if (filled > 0 && numbers / filled > 0.5) return c;
  }
  return width;
}

/** The row's label: its label columns' texts, joined ("01 Agriculture" from a code and a name column). */
function rowLabel(grid: Grid, r: number, firstDataCol: number): { full: string; parts: string[] } {
  const parts: string[] = [];
  for (let c = 0; c < firstDataCol; c++) {
    const t = cellText(grid.rows[r][c]);
    if (t !== '') parts.push(t);
  }
  return { full: parts.join(' '), parts };
}

function labelsMatch(row: { full: string; parts: string[] }, col: string): boolean {
  const c = normalizeLabel(col);
  if (c === '') return false;
  if (normalizeLabel(row.full) === c || row.parts.some((p) => normalizeLabel(p) === c)) return true;
  const rc = codeOf(normalizeLabel(row.full));
  return rc !== undefined && rc === codeOf(c);
}

/** The part of a row label that names it (the text part when a code column precedes a name column). */
function displayName(row: { full: string; parts: string[] }): string {
  const named = row.parts.filter((p) => /[a-z]/i.test(p));
  return named.length > 0 ? named[named.length - 1] : row.full;
}

interface Frame {
  header: number;
  firstDataCol: number;
}

function findFrame(grid: Grid, sectors?: string[]): Frame & { n: number } {
  const tries = Math.min(grid.rows.length - 1, 20);
  for (let h = 0; h < tries; h++) {
    const header = grid.rows[h];
    const first = firstDataColumn(grid, h);
    if (sectors) {
      const want = sectors.map(normalizeLabel);
      const cols = header.map((c) => normalizeLabel(cellText(c)));
      if (want.every((s) => cols.includes(s))) return { header: h, firstDataCol: first, n: sectors.length };
      continue;
    }
    // Code columns ("01", "02") look numeric, so the sectors may start a column or two later.
    for (let d = Math.max(first, 1); d <= Math.min(first + 3, header.length - 2); d++) {
      let n = 0;
      while (h + 1 + n < grid.rows.length && d + n < header.length) {
        const rl = rowLabel(grid, h + 1 + n, d);
        if (!labelsMatch(rl, cellText(header[d + n])) || isHouseholdAccount(normalizeLabel(rl.full))) break;
        n++;
      }
      if (n >= 2) return { header: h, firstDataCol: d, n };
    }
  }
  if (sectors) {
    throw new InputError(grid.source, { en: `no header row lists every sector named in the descriptor (${sectors.join(', ')})`, es: `ninguna fila de encabezado lista todos los sectores nombrados en el descriptor (${sectors.join(', ')})` });
  }
  const peek = grid.rows[0]?.map((c) => cellText(c)).filter((t) => t !== '').slice(0, 6).join(' | ') ?? '';
  throw new InputError(grid.source, {
    en:
      'cannot find the square sector block: no header row whose first column labels repeat, in order, as the ' +
      `row labels below it (first row: ${peek}). Give a descriptor (--descriptor FILE.json) naming the sectors.`,
    es:
      'no se encuentra el bloque cuadrado de sectores: ninguna fila de encabezado tiene etiquetas de columna que se repitan, en orden, ' +
      `como etiquetas de las filas de abajo (primera fila: ${peek}). Indique un descriptor (--descriptor FILE.json) que nombre los sectores.`,
  });
}

export function findLayout(grid: Grid, descriptor: TableDescriptor = {}): Layout {
  const frame = findFrame(grid, descriptor.sectors);
  const { header, firstDataCol: d } = frame;
  const headerCells = grid.rows[header];
  const width = Math.max(...grid.rows.map((r) => r.length));
  const colLabel = (c: number): string => cellText(headerCells[c]);
  const rowLabelAt = (r: number) => rowLabel(grid, r, d);
  const norm = (xs?: string[]) => new Set((xs ?? []).map(normalizeLabel));

  // Sectors: in order by position, or as the descriptor names them.
  let sectors: string[];
  let sectorRows: number[];
  let sectorCols: number[];
  if (descriptor.sectors) {
    sectors = descriptor.sectors;
    sectorCols = sectors.map((s) => headerCells.findIndex((c) => normalizeLabel(cellText(c)) === normalizeLabel(s)));
    sectorRows = sectors.map((s, i) => {
      for (let r = header + 1; r < grid.rows.length; r++) if (labelsMatch(rowLabelAt(r), s)) return r;
      throw new InputError(`${grid.source}: descriptor sectors[${i}]`, { en: `sector "${s}" is a column label but no row has it as label`, es: `el sector "${s}" es etiqueta de una columna pero ninguna fila lo tiene como etiqueta` });
    });
  } else {
    sectorCols = Array.from({ length: frame.n }, (_, i) => d + i);
    sectorRows = Array.from({ length: frame.n }, (_, i) => header + 1 + i);
    sectors = sectorRows.map((r) => displayName(rowLabelAt(r)));
  }
  const seen = new Map<string, number>();
  sectors.forEach((s, i) => {
    const key = normalizeLabel(s);
    if (seen.has(key)) throw new InputError(grid.where(sectorRows[i], 0), { en: `sector "${s}" appears twice`, es: `el sector "${s}" aparece dos veces` });
    seen.set(key, i);
  });

  // Columns after the sector block.
  const ignoreCols = norm(descriptor.ignoreColumns);
  const fdNamed = descriptor.finalDemand ? norm(descriptor.finalDemand) : undefined;
  const totalOutName = descriptor.totalOutput ? normalizeLabel(descriptor.totalOutput) : undefined;
  const sectorColSet = new Set(sectorCols);
  const finalDemandCols: Line[] = [];
  const subtotalCols: Layout['subtotalCols'] = [];
  let totalOutputCol: number | undefined;
  for (let c = d; c < width; c++) {
    if (sectorColSet.has(c)) continue;
    const label = colLabel(c);
    const key = normalizeLabel(label);
    const empty = grid.rows.slice(header + 1).every((row) => cellText(row[c]) === '');
    if (key === '' && empty) continue;
    if (ignoreCols.has(key) || totalOutputCol !== undefined) continue;
    if (key === '') throw new InputError(grid.where(header, c), { en: 'a column with numbers but no label; label it or name it in a descriptor', es: 'una columna con números pero sin etiqueta; póngale una etiqueta o nómbrela en un descriptor' });
    if (totalOutName !== undefined ? key === totalOutName : isTotal(key) && !fdNamed?.has(key)) {
      totalOutputCol = c;
      continue;
    }
    const sub = fdNamed?.has(key) ? undefined : subtotalColumnKind(key);
    if (sub) {
      subtotalCols.push({ index: c, label, kind: sub });
      continue;
    }
    if (fdNamed && !fdNamed.has(key)) {
      throw new InputError(grid.where(header, c), { en: `column "${label}" is not among the descriptor's finalDemand; add it there or to ignoreColumns`, es: `la columna "${label}" no está en finalDemand del descriptor; agréguela allí o en ignoreColumns` });
    }
    finalDemandCols.push({ index: c, label });
  }
  const assumptions: string[] = [];
  // A lone "Final demand" column with no component columns is the final demand itself, not a
  // subtotal of nothing (the layout most statistics offices publish).
  if (finalDemandCols.length === 0 && !fdNamed) {
    const fd = subtotalCols.findIndex((s) => s.kind === 'finalDemand');
    if (fd >= 0) {
      const [lone] = subtotalCols.splice(fd, 1);
      finalDemandCols.push({ index: lone!.index, label: lone!.label });
      assumptions.push(`column "${lone!.label}" read as the whole final demand (no component columns beside it)`);
    }
  }
  if (fdNamed) {
    for (const want of descriptor.finalDemand ?? []) {
      if (!finalDemandCols.some((l) => normalizeLabel(l.label) === normalizeLabel(want))) {
        throw new InputError(`${grid.source}: descriptor finalDemand`, { en: `no column labelled "${want}"`, es: `no hay una columna con la etiqueta "${want}"` });
      }
    }
  }

  // Rows after the sector block.
  const ignoreRows = norm(descriptor.ignoreRows);
  const primaryNamed = descriptor.primaryInputs ? norm(descriptor.primaryInputs) : undefined;
  const totalInName = descriptor.totalInput ? normalizeLabel(descriptor.totalInput) : undefined;
  const satNamed = new Map((descriptor.satellites ?? []).map((s) => [normalizeLabel(s.row), s]));
  const labourNamed = descriptor.labourIncome ? normalizeLabel(descriptor.labourIncome) : undefined;
  const sectorRowSet = new Set(sectorRows);
  const primaryRows: Line[] = [];
  const subtotalRows: Layout['subtotalRows'] = [];
  const satelliteRows: Layout['satelliteRows'] = [];
  let totalInputRow: number | undefined;
  for (let r = header + 1; r < grid.rows.length; r++) {
    if (sectorRowSet.has(r)) continue;
    const rl = rowLabelAt(r);
    const label = rl.full;
    const key = normalizeLabel(label);
    const empty = grid.rows[r].slice(d).every((c) => cellText(c) === '');
    if (empty || ignoreRows.has(key)) continue;
    if (key === '') throw new InputError(grid.where(r, 0), { en: 'a row with numbers but no label; label it or name it in a descriptor', es: 'una fila con números pero sin etiqueta; póngale una etiqueta o nómbrela en un descriptor' });
    const sat = satNamed.get(key);
    if (sat) {
      satelliteRows.push({ index: r, label, name: sat.name ?? label, kind: sat.kind ?? satelliteKind(key) ?? 'other', unit: sat.unit ?? unitOf(label) });
      continue;
    }
    if (totalInputRow === undefined && (totalInName !== undefined ? key === totalInName : isTotal(key) && !primaryNamed?.has(key))) {
      totalInputRow = r;
      continue;
    }
    if (totalInputRow !== undefined) {
      satelliteRows.push({ index: r, label, name: label, kind: satelliteKind(key) ?? 'other', unit: unitOf(label) });
      continue;
    }
    const sub = primaryNamed?.has(key) ? undefined : subtotalRowKind(key);
    if (sub) {
      subtotalRows.push({ index: r, label, kind: sub });
      continue;
    }
    const primaryLike = primaryNamed?.has(key) || key === labourNamed || isLabourIncome(key) || isNonValueAdded(key);
    const kind = primaryLike ? undefined : satelliteKind(key);
    if (kind && !descriptor.primaryInputs) {
      satelliteRows.push({ index: r, label, name: label, kind, unit: unitOf(label) });
      continue;
    }
    if (primaryNamed && !primaryNamed.has(key)) {
      throw new InputError(grid.where(r, 0), { en: `row "${label}" is not among the descriptor's primaryInputs; add it there, to ignoreRows or to satellites`, es: `la fila "${label}" no está en primaryInputs del descriptor; agréguela allí, en ignoreRows o en satellites` });
    }
    primaryRows.push({ index: r, label });
  }
  // A lone "value added" total with no components is itself the primary input.
  if (primaryRows.length === 0) {
    const va = subtotalRows.findIndex((s) => s.kind === 'valueAdded' || s.kind === 'primary');
    if (va >= 0) {
      const [lone] = subtotalRows.splice(va, 1);
      primaryRows.push(lone!);
      assumptions.push(`row "${lone!.label}" read as the whole of value added (no component rows above it)`);
    }
  }
  if (!descriptor.sectors) {
    assumptions.push(`${sectors.length} sectors found as the square block whose row labels repeat its column labels (${sectors[0]} … ${sectors[sectors.length - 1]})`);
  }
  if (totalOutputCol === undefined && !descriptor.totalOutput) {
    assumptions.push(
      totalInputRow !== undefined
        ? `no total-output column: total output taken from row "${rowLabelAt(totalInputRow).full}"`
        : 'no total-output column nor total-input row: total output taken as intermediate sales plus final demand',
    );
  }
  for (const want of descriptor.primaryInputs ?? []) {
    if (!primaryRows.some((l) => normalizeLabel(l.label) === normalizeLabel(want))) {
      throw new InputError(`${grid.source}: descriptor primaryInputs`, { en: `no row labelled "${want}"`, es: `no hay una fila con la etiqueta "${want}"` });
    }
  }
  for (const s of descriptor.satellites ?? []) {
    if (!satelliteRows.some((l) => normalizeLabel(l.label) === normalizeLabel(s.row))) {
      throw new InputError(`${grid.source}: descriptor satellites`, { en: `no row labelled "${s.row}"`, es: `no hay una fila con la etiqueta "${s.row}"` });
    }
  }

  const findLabel = (lines: Line[], named: string | undefined, test: (k: string) => boolean, field: string): string | undefined => {
    if (named !== undefined) {
      const hit = lines.find((l) => normalizeLabel(l.label) === normalizeLabel(named));
      if (!hit) throw new InputError(`${grid.source}: descriptor ${field}`, { en: `no such ${field === 'labourIncome' ? 'row' : 'column'} "${named}"`, es: `no existe la ${field === 'labourIncome' ? 'fila' : 'columna'} "${named}"` });
      return hit.label;
    }
    return lines.find((l) => test(normalizeLabel(l.label)))?.label;
  };
  const labourIncome = findLabel(primaryRows, descriptor.labourIncome, isLabourIncome, 'labourIncome');
  const householdConsumption = findLabel(finalDemandCols, descriptor.householdConsumption, isHouseholdConsumption, 'householdConsumption');
  const nonVa = descriptor.nonValueAdded ? norm(descriptor.nonValueAdded) : undefined;
  const nonValueAdded = primaryRows
    .filter((l) => (nonVa ? nonVa.has(normalizeLabel(l.label)) : isNonValueAdded(normalizeLabel(l.label))))
    .map((l) => l.label);

  let title = descriptor.title;
  if (!title) {
    for (let r = 0; r < header && !title; r++) title = grid.rows[r].map(cellText).find((t) => t !== '');
    if (!title) {
      const corner = rowLabel(grid, header, d).full;
      if (corner !== '') title = corner;
    }
  }

  return {
    headerRow: header, firstDataCol: d, sectors, sectorRows, sectorCols, finalDemandCols, totalOutputCol, subtotalCols,
    primaryRows, totalInputRow, subtotalRows, satelliteRows, labourIncome, householdConsumption, nonValueAdded, title, assumptions,
  };
}
