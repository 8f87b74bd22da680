/**
 * Workbooks (xlsx, xlsm, xlsb, xls, ods) as sheets of raw cells. SheetJS reads them: the current
 * release (0.20.x), as republished on npm by @e965/xlsx, because the `xlsx` package on npm stopped
 * at 0.18.5 with published advisories (CVE-2023-30533 prototype pollution, CVE-2024-22363 ReDoS),
 * and exceljs reads no .xls or .ods. Zip-based files pass the zip guard first, so no reader
 * inflates more than the limits allow (the direct reader asks it for each sheet's part when the
 * sheet is first read, so sheets never read are never inflated nor scanned); every sheet and
 * name goes into a Map, never an object key.
 */

import type * as XLSX from '@e965/xlsx';
import { guardCompoundFile } from './cfb-guard.js';
import { cellName, parseA1 } from './cell-ref.js';
import { DataError } from './data-error.js';
import { formatBytes, withLimits, type DataLimits } from './limits.js';
import type { CellRange } from './types.js';
import { DateCell, ErrorCell, type RawCell } from './raw-cell.js';
import { openDirectXlsx, sheetJs, type DirectWorkbook } from './xlsx-direct.js';
import { isZip, openGuardedZip, storedZip, type GuardedZip, type RawInflater } from './zip-guard.js';

export { DateCell, ErrorCell, type RawCell };

export interface RawSheet {
  name: string;
  /** rows[r][c], 0-based from A1; holes are empty cells. */
  rows: readonly (readonly RawCell[] | undefined)[];
}

export interface RawWorkbook {
  file: string;
  sheetNames: readonly string[];
  /** Exactly, else ignoring case and surrounding spaces (as Excel matches names); undefined when absent. */
  findSheet(name: string): RawSheet | undefined;
  /** Defined names that point at one rectangle of `sheet`, lower-cased; a sheet-scoped name wins over a workbook one. */
  namesFor(sheet: string): Map<string, CellRange>;
}

/** Excel's error codes, for readers that give the code only. */
const ERROR_CODES = new Map<number, string>([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True for bytes that start like a workbook this reader accepts (zip, or a compound file for .xls). */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return isZip(bytes) || CFB_MAGIC.every((b, i) => bytes[i] === b);
}

export interface ReadWorkbookOptions {
  /**
   * The sheets the caller will read (matched ignoring case): only these are parsed at first.
   * Any other sheet is still found, parsed when it is first asked for.
   */
  sheets?: readonly string[];
  /** The host's raw-DEFLATE inflater for zip workbooks (see RawInflater); without one, fflate's. */
  inflateRaw?: RawInflater;
  /** Read every sheet with SheetJS, never the direct reader (tests compare the two). */
  sheetJsOnly?: boolean;
}

export function readWorkbook(bytes: Uint8Array, file: string, limitsIn?: Partial<DataLimits>, options: ReadWorkbookOptions = {}): RawWorkbook {
  const limits = withLimits(limitsIn);
  if (bytes.length > limits.maxFileBytes) {
    throw new DataError({ file }, { en: `the file is ${formatBytes(bytes.length)}, over the limit maxFileBytes ${formatBytes(limits.maxFileBytes)}`, es: `el archivo tiene ${formatBytes(bytes.length)}, más que el límite maxFileBytes ${formatBytes(limits.maxFileBytes)}` });
  }
  if (!looksLikeWorkbook(bytes)) {
    throw new DataError({ file }, { en: 'not a workbook: xlsx, xlsm and ods files are zip archives, xls files are compound documents, and this is neither', es: 'no es un libro: los archivos xlsx, xlsm y ods son archivos zip, los xls son documentos compuestos, y este no es ninguno de los dos' });
  }
  // The guard hands back the zip's parts inflated and checked: the direct reader scans them as
  // they are, asking for each when it needs it; SheetJS gets them all, repacked stored, so that it
  // does not inflate them again.
  let source = bytes;
  let direct: DirectWorkbook | undefined;
  if (isZip(bytes)) {
    const zip = openGuardedZip(bytes, file, limits, options.inflateRaw);
    direct = options.sheetJsOnly ? undefined : openDirectXlsx(zip);
    if (direct) return directWorkbook(direct, zip, file, limits);
    source = storedZip(zip.all());
  } else guardCompoundFile(bytes, file);
  return sheetJsWorkbook(source, file, limits, options);
}

/**
 * A workbook read with the direct reader (xlsx-direct.ts); a sheet it cannot read the way SheetJS
 * does is read by SheetJS (that sheet alone), so the cells are the same as SheetJS's.
 */
function directWorkbook(direct: DirectWorkbook, zip: GuardedZip, file: string, limits: DataLimits): RawWorkbook {
  const { sheetNames } = direct;
  let fallback: RawWorkbook | undefined;
  const converted = new Map<string, RawSheet>();
  let cells = 0;
  const convert = (name: string): RawSheet => {
    let sheet = converted.get(name);
    if (!sheet) {
      const rows = direct.sheet(name);
      if (rows) {
        cells += countCells(rows, file, name, limits.maxCells - cells);
        sheet = { name, rows };
      } else {
        // SheetJS is given every part: all are checked now (a part over a limit refuses the file).
        fallback ??= sheetJsWorkbook(storedZip(zip.all()), file, limits, { sheets: [] });
        const s = fallback.findSheet(name)!;
        cells += countCells(s.rows, file, name, limits.maxCells - cells);
        sheet = s;
      }
      converted.set(name, sheet);
    }
    return sheet;
  };
  return {
    file,
    sheetNames,
    findSheet: (name) => findIn(sheetNames, name, convert),
    namesFor: (sheetName) => namesIn(direct.names, sheetNames, sheetName),
  };
}

/** Counts a sheet's cells against the limit, naming the first cell past it as SheetJS's path does. */
function countCells(rows: RawSheet['rows'], file: string, sheet: string, cellsLeft: number): number {
  let count = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === undefined) continue;
      if (++count > cellsLeft) throw new DataError({ file, sheet, cell: cellName(r, c) }, { en: 'the workbook holds more cells than the limit maxCells allows', es: 'el libro contiene más celdas de las que permite el límite maxCells' });
    }
  }
  return count;
}

function findIn(sheetNames: readonly string[], name: string, convert: (name: string) => RawSheet): RawSheet | undefined {
  const found = matchSheetName(sheetNames, name);
  return found === undefined ? undefined : convert(found);
}

/** The one of `sheetNames` that `name` names: exactly, else ignoring case and surrounding spaces (as Excel matches names). */
export function matchSheetName(sheetNames: readonly string[], name: string): string | undefined {
  if (sheetNames.includes(name)) return name;
  const want = name.trim().normalize('NFC').toLowerCase();
  return sheetNames.find((n) => n.trim().normalize('NFC').toLowerCase() === want);
}

function namesIn(names: readonly { name: string; ref: string; scope: number | undefined }[], sheetNames: readonly string[], sheetName: string): Map<string, CellRange> {
  const out = new Map<string, CellRange>();
  const index = sheetNames.indexOf(sheetName);
  const ordered = [...names.filter((n) => n.scope === undefined), ...names.filter((n) => n.scope === index)];
  for (const n of ordered) {
    if (n.scope !== undefined && n.scope !== index) continue;
    const target = parseNameRef(n.ref);
    if (!target || target.sheet.toLowerCase() !== sheetName.toLowerCase()) continue;
    out.set(n.name.toLowerCase(), target.range);
  }
  return out;
}

function sheetJsWorkbook(source: Uint8Array, file: string, limits: DataLimits, options: ReadWorkbookOptions): RawWorkbook {
  const parse = (sheets: readonly string[] | undefined): XLSX.WorkBook => {
    try {
      // Cached values only: formulas are not re-evaluated. Number formats are kept to recognise dates;
      // no formatted text (cellText) is made for every cell: it halved the read of a 57,000-cell
      // workbook, and error cells are named from their code (ERROR_CODES) instead.
      return sheetJs().read(source, {
        type: 'array',
        dense: true,
        cellDates: false,
        cellNF: true,
        cellText: false,
        cellFormula: false,
        cellHTML: false,
        cellStyles: false,
        ...(sheets ? { sheets: [...sheets] } : {}),
      });
    } catch (err) {
      throw new DataError({ file }, { en: `not a readable workbook (${err instanceof Error ? err.message : String(err)})`, es: `no es un libro legible (${err instanceof Error ? err.message : String(err)})` });
    }
  };
  const book = parse(options.sheets);
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const sheetNames = [...book.SheetNames];
  const wanted = options.sheets ? new Set(options.sheets.map((n) => n.toLowerCase())) : undefined;
  // Sheets parsed so far (a chart sheet is parsed and holds nothing: undefined).
  const raw = new Map<string, unknown>();
  for (const name of sheetNames) {
    const ws = sheetObject(book.Sheets, name);
    if (ws !== undefined || !wanted || wanted.has(name.toLowerCase())) raw.set(name, ws);
  }
  const worksheet = (name: string): unknown => {
    if (!raw.has(name)) raw.set(name, sheetObject(parse([name]).Sheets, name));
    return raw.get(name);
  };
  const converted = new Map<string, RawSheet>();
  let cells = 0;
  const convert = (name: string): RawSheet => {
    let sheet = converted.get(name);
    if (!sheet) {
      const { rows, count } = sheetRows(worksheet(name), date1904, file, name, limits.maxCells - cells);
      cells += count;
      sheet = { name, rows };
      converted.set(name, sheet);
    }
    return sheet;
  };
  const names = (book.Workbook?.Names ?? []).map((n) => ({ name: String(n.Name), ref: String(n.Ref ?? ''), scope: n.Sheet }));
  return {
    file,
    sheetNames,
    findSheet: (name) => findIn(sheetNames, name, convert),
    namesFor: (sheetName) => namesIn(names, sheetNames, sheetName),
  };
}

/**
 * The worksheet of that name, own properties only, so that 'constructor' or 'toString' never finds
 * Object's. SheetJS stores sheets in a plain object, where assigning a sheet named '__proto__'
 * sets that object's prototype (to the sheet, nothing global): that is where it is found.
 */
function sheetObject(sheets: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(sheets, name)) return sheets[name];
  if (name === '__proto__') {
    const proto: unknown = Object.getPrototypeOf(sheets);
    return proto !== Object.prototype && proto !== null ? proto : undefined;
  }
  return undefined;
}

function sheetRows(ws: unknown, date1904: boolean, file: string, sheet: string, cellsLeft: number): { rows: RawCell[][]; count: number } {
  const data = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] } | undefined)?.['!data'];
  const rows: RawCell[][] = [];
  let count = 0;
  if (!Array.isArray(data)) return { rows, count };
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!Array.isArray(src)) continue;
    let row: RawCell[] | undefined;
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (!cell) continue;
      const v = rawCell(cell, date1904);
      if (v === undefined) continue;
      if (++count > cellsLeft) {
        throw new DataError({ file, sheet, cell: cellName(r, c) }, { en: 'the workbook holds more cells than the limit maxCells allows', es: 'el libro contiene más celdas de las que permite el límite maxCells' });
      }
      (row ??= [])[c] = v;
    }
    if (row) rows[r] = row;
  }
  return { rows, count };
}

function rawCell(cell: XLSX.CellObject, date1904: boolean): RawCell {
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (typeof cell.z === 'string' && sheetJs().SSF.is_date(cell.z)) return new DateCell(v, date1904);
      return v;
    }
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return new ErrorCell(typeof cell.w === 'string' && cell.w.startsWith('#') ? cell.w : (ERROR_CODES.get(cell.v as number) ?? '#ERROR'));
    case 'd':
      return cell.v instanceof Date ? new DateCell(dateToSerial(cell.v), false) : undefined;
    default:
      return undefined; // 'z': a stub (formatted but empty)
  }
}

function dateToSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569; // days since 1899-12-30 (1900 system, past 1900-03-01)
}

/** "Sheet2!$E$3:$I$3" or "'my tab'!$C$5" → sheet and rectangle; undefined for anything else (#REF!, unions). */
function parseNameRef(ref: string): { sheet: string; range: CellRange } | undefined {
  const bang = ref.lastIndexOf('!');
  if (bang <= 0) return undefined;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const area = ref.slice(bang + 1).replace(/\$/g, '');
  if (!/^[A-Za-z]{1,3}\d{1,7}(:[A-Za-z]{1,3}\d{1,7})?$/.test(area)) return undefined;
  const [from, to] = area.split(':');
  const a = parseA1(from!);
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return undefined;
  return { sheet, range: { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) } };
}

/** The calendar date and time of a serial number (UTC), or undefined for serials before the epoch. */
export function serialToDate(cell: DateCell): Date | undefined {
  const s = cell.serial;
  if (!Number.isFinite(s) || s < 0 || s > 2_958_465) return undefined; // Excel stops at 9999-12-31
  // Days since 1970-01-01. 1904 system: serial 0 is 1904-01-01. 1900 system: serial 1 is
  // 1900-01-01, and Excel counts a 29 February 1900 that never was (serial 60), so from serial 61
  // on the offset is one day less.
  const unixDays = cell.date1904 ? s - 24_107 : s >= 61 ? s - 25_569 : s - 25_568;
  return new Date(Math.round(unixDays * 86_400_000));
}
