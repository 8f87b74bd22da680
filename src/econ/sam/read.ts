/**
 * Reading a SAM in the square labelled layout: a header row of account labels, a first column with
 * the same labels in the same order, optional `type`/`tipo` and `kind`/`clase` columns between the
 * labels and the numbers, and optional total rows/columns (ignored; balance is checked from the
 * cells). Account types come from the descriptor (`--descriptor`, or `<stem>.descriptor.json`
 * beside the file) or from the type column. Every error names the file and the account or cell.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { readGrid, readJson } from '../io/read-grid.js';
import { normalizeKey, parseAccountType, unknownTypeMessage, validateSamDescriptor, type SamAccountSpec, type SamDescriptor } from './descriptor.js';
import type { Sam, SamAccount } from './types.js';

type Grid = ReturnType<typeof readGrid>;
type Cell = Grid['rows'][number][number];

/** Largest SAM we read: the matrix is dense, so n² numbers are allocated. */
export const MAX_SAM_ACCOUNTS = 2000;

export interface SamTolerance {
  relative: number;
  absolute: number;
}
export const DEFAULT_SAM_TOLERANCE: SamTolerance = { relative: 1e-6, absolute: 1e-6 };

export interface LoadedSam {
  sam: Sam;
  descriptor: SamDescriptor;
  descriptorPath?: string;
  tolerance: SamTolerance;
}

const TYPE_HEADERS = new Set(['type', 'tipo']);
const KIND_HEADERS = new Set(['kind', 'clase', 'subtipo']);
const LABEL_HEADERS = new Set(['label', 'etiqueta', 'nombre', 'name']);
const TOTAL_LABELS = new Set(['total', 'totales', 'totals', 'total general', 'grand total']);

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function isTotal(label: string): boolean {
  return TOTAL_LABELS.has(normalizeKey(label));
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function cellValue(cell: Cell | undefined, where: string): number {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new InputError(where, { en: `not a finite number (${cell})`, es: `no es un número finito (${cell})` });
    return cell;
  }
  const t = cell.replace(/\s/g, '');
  if (t === '' || t === '-' || t === '–') return 0;
  if (!NUMBER.test(t)) throw new InputError(where, { en: `"${cell}" is not a number`, es: `"${cell}" no es un número` });
  return Number(t);
}

export function descriptorBesideSam(path: string): string | undefined {
  const candidate = join(dirname(path), `${basename(path, extname(path))}.descriptor.json`);
  return existsSync(candidate) ? candidate : undefined;
}

export function loadSamDescriptor(path: string): SamDescriptor {
  return validateSamDescriptor(readJson(path), path);
}

interface Layout {
  header: number;
  typeCol: number;
  kindCol: number;
  labelCol: number;
  /** Account columns (grid column index) in order, and account rows (grid row index). */
  cols: { label: string; c: number }[];
  rows: { label: string; r: number }[];
}

/** Finds the header row, the meta columns and the account rows/columns; checks squareness and order. */
function findLayout(grid: Grid): Layout {
  const header = grid.rows.findIndex((r) => r.slice(1).filter((c) => text(c) !== '').length >= 2);
  if (header < 0) throw new InputError(grid.source, { en: 'no header row with account labels (a SAM needs a row of column labels)', es: 'no hay una fila de encabezado con las etiquetas de las cuentas (una MCS necesita una fila de etiquetas de columna)' });
  const head = grid.rows[header];
  let typeCol = -1;
  let kindCol = -1;
  let labelCol = -1;
  let first = 1;
  for (; first < head.length; first++) {
    const key = normalizeKey(text(head[first]));
    if (TYPE_HEADERS.has(key)) typeCol = first;
    else if (KIND_HEADERS.has(key)) kindCol = first;
    else if (LABEL_HEADERS.has(key)) labelCol = first;
    else break;
  }
  const cols: { label: string; c: number }[] = [];
  for (let c = first; c < head.length; c++) {
    const t = text(head[c]);
    if (t !== '' && !isTotal(t)) cols.push({ label: t, c });
  }
  const rows: { label: string; r: number }[] = [];
  for (let r = header + 1; r < grid.rows.length; r++) {
    const t = text(grid.rows[r][0]);
    if (t !== '' && !isTotal(t)) rows.push({ label: t, r });
  }
  if (rows.length !== cols.length) {
    throw new InputError(grid.source, { en: `a SAM must be square: ${rows.length} account rows but ${cols.length} account columns (header row ${grid.where(header, 0)})`, es: `una MCS debe ser cuadrada: ${rows.length} filas de cuentas pero ${cols.length} columnas de cuentas (fila de encabezado ${grid.where(header, 0)})` });
  }
  if (rows.length > MAX_SAM_ACCOUNTS) {
    throw new InputError(grid.source, { en: `${rows.length} accounts exceed the limit of ${MAX_SAM_ACCOUNTS} (a dense SAM of that size needs ${rows.length}² cells)`, es: `${rows.length} cuentas superan el límite de ${MAX_SAM_ACCOUNTS} (una MCS densa de ese tamaño necesita ${rows.length}² celdas)` });
  }
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    if (normalizeKey(row.label) !== normalizeKey(cols[i].label)) {
      throw new InputError(grid.where(row.r, 0), { en: `row ${i + 1} is "${row.label}" but column ${i + 1} (${grid.where(header, cols[i].c)}) is "${cols[i].label}"; rows and columns must list the same accounts in the same order`, es: `la fila ${i + 1} es "${row.label}" pero la columna ${i + 1} (${grid.where(header, cols[i].c)}) es "${cols[i].label}"; filas y columnas deben listar las mismas cuentas en el mismo orden` });
    }
    const key = normalizeKey(row.label);
    if (seen.has(key)) throw new InputError(grid.where(row.r, 0), { en: `account "${row.label}" appears twice (also at ${grid.where(seen.get(key)!, 0)}); labels must be unique`, es: `la cuenta "${row.label}" aparece dos veces (también en ${grid.where(seen.get(key)!, 0)}); las etiquetas deben ser únicas` });
    seen.set(key, row.r);
  });
  return { header, typeCol, kindCol, labelCol, cols, rows };
}

function accountsFor(grid: Grid, layout: Layout, descriptor: SamDescriptor, descriptorSource: string | undefined): SamAccount[] {
  const specs = new Map<string, SamAccountSpec>();
  for (const spec of descriptor.accounts ?? []) {
    specs.set(normalizeKey(spec.code), spec);
    if (spec.label) specs.set(normalizeKey(spec.label), spec);
  }
  const used = new Set<SamAccountSpec>();
  const accounts = layout.rows.map(({ label, r }) => {
    const where = grid.where(r, 0);
    const spec = specs.get(normalizeKey(label));
    const typeText = layout.typeCol >= 0 ? text(grid.rows[r][layout.typeCol]) : '';
    const kindText = layout.kindCol >= 0 ? text(grid.rows[r][layout.kindCol]) : '';
    const labelText = layout.labelCol >= 0 ? text(grid.rows[r][layout.labelCol]) : '';
    let fileType;
    if (typeText !== '') {
      fileType = parseAccountType(typeText);
      if (!fileType) throw new InputError(grid.where(r, layout.typeCol), {
        en: `account "${label}": ${unknownTypeMessage(typeText)}`,
        es: `cuenta "${label}": ${unknownTypeMessage(typeText, true)}`,
      });
    }
    if (spec) {
      used.add(spec);
      if (fileType && fileType !== spec.type) {
        throw new InputError(grid.where(r, layout.typeCol), { en: `account "${label}" is "${fileType}" in the file but "${spec.type}" in ${descriptorSource}`, es: `la cuenta "${label}" es "${fileType}" en el archivo pero "${spec.type}" en ${descriptorSource}` });
      }
      const account: SamAccount = { code: label, label: spec.label ?? (labelText || label), type: spec.type, where };
      const kind = spec.kind ?? (kindText || undefined);
      if (kind) account.kind = kind;
      if (spec.attributes) account.attributes = { ...spec.attributes };
      return account;
    }
    if (!fileType) {
      throw new InputError(
        where,
        descriptorSource
          ? {
              en: `account "${label}" is not in the descriptor ${descriptorSource} (add it to "accounts" with its type)`,
              es: `la cuenta "${label}" no está en el descriptor ${descriptorSource} (agréguela a "accounts" con su tipo)`,
            }
          : {
              en: `account "${label}" has no type: give a descriptor (<file>.descriptor.json or --descriptor) or a "type" column`,
              es: `la cuenta "${label}" no tiene tipo: indique un descriptor (<file>.descriptor.json o --descriptor) o una columna "type"`,
            },
      );
    }
    const account: SamAccount = { code: label, label: labelText || label, type: fileType, where };
    if (kindText) account.kind = kindText;
    return account;
  });
  (descriptor.accounts ?? []).forEach((spec, i) => {
    if (!used.has(spec)) throw new InputError(`${descriptorSource}: accounts[${i}]`, { en: `account "${spec.code}" is not in the matrix ${grid.source}`, es: `la cuenta "${spec.code}" no está en la matriz ${grid.source}` });
  });
  return accounts;
}

function matrixOf(grid: Grid, layout: Layout): number[][] {
  return layout.rows.map((row) => layout.cols.map((col) => cellValue(grid.rows[row.r][col.c], grid.where(row.r, col.c))));
}

/** Parses a grid (CSV or sheet) into a Sam; `descriptorSource` is used in messages. */
export function parseSamGrid(grid: Grid, descriptor: SamDescriptor = {}, descriptorSource?: string): Sam {
  const layout = findLayout(grid);
  const accounts = accountsFor(grid, layout, descriptor, descriptorSource);
  const sam: Sam = { source: grid.source, accounts, values: matrixOf(grid, layout) };
  if (descriptor.title) sam.title = descriptor.title;
  if (descriptor.year !== undefined) sam.year = descriptor.year;
  if (descriptor.units) sam.units = descriptor.units;
  return sam;
}

/** Reads the companion matrix of estimated-cell flags (1 = estimated); it must list the same accounts. */
function readEstimated(path: string, sam: Sam, sheet?: string): boolean[][] {
  const grid = readGrid(path, sheet);
  const layout = findLayout(grid);
  if (layout.rows.length !== sam.accounts.length) {
    throw new InputError(path, { en: `the estimated-cell matrix has ${layout.rows.length} accounts but the SAM ${sam.source} has ${sam.accounts.length}`, es: `la matriz de celdas estimadas tiene ${layout.rows.length} cuentas pero la MCS ${sam.source} tiene ${sam.accounts.length}` });
  }
  layout.rows.forEach((row, i) => {
    if (normalizeKey(row.label) !== normalizeKey(sam.accounts[i].code)) {
      throw new InputError(grid.where(row.r, 0), { en: `account ${i + 1} is "${row.label}" but in the SAM ${sam.source} it is "${sam.accounts[i].code}"`, es: `la cuenta ${i + 1} es "${row.label}" pero en la MCS ${sam.source} es "${sam.accounts[i].code}"` });
    }
  });
  return matrixOf(grid, layout).map((r) => r.map((v) => v !== 0));
}

/** Reads a SAM with its descriptor and tolerance. */
export function loadSamFile(path: string, descriptorPath?: string, tolerance?: Partial<SamTolerance>): LoadedSam {
  const dPath = descriptorPath ?? descriptorBesideSam(path);
  const descriptor = dPath ? loadSamDescriptor(dPath) : {};
  const grid = readGrid(path, descriptor.sheet);
  const sam = parseSamGrid(grid, descriptor, dPath);
  if (descriptor.estimated && dPath) sam.estimated = readEstimated(resolve(dirname(dPath), descriptor.estimated), sam, descriptor.sheet);
  return {
    sam,
    descriptor,
    descriptorPath: dPath,
    tolerance: { ...DEFAULT_SAM_TOLERANCE, ...descriptor.tolerance, ...tolerance },
  };
}

/** Reads a SAM (CSV, TSV or workbook) in the square labelled layout with its descriptor. */
export function readSam(path: string, descriptorPath?: string): Sam {
  return loadSamFile(path, descriptorPath).sam;
}
