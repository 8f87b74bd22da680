/**
 * The Node data host: finds the files a model's GET DIRECT … / GET XLS … calls name, relative to
 * the model's folder, and turns them into sheets. Spreadsheets (.xls, .xlsx, .xlsm, .xlsb, .ods)
 * are read with SheetJS; anything else is delimited text. Each file is parsed once per host, and
 * each sheet converted once, however many equations read it.
 */

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type * as XLSXTypes from 'xlsx';
import { InputError } from '../ir/diagnostics.js';
import { delimiterFor, parseDelimited } from '../data/delimited.js';
import { isAbsolutePath, resolveFileTag } from '../data/file-tags.js';
import { GridSheet, toCellValue, type CellValue } from '../data/grid-sheet.js';
import type { CellRange, DataHost, Sheet } from '../data/types.js';

// SheetJS is loaded on first use: most models read no spreadsheet, and it is a large module.
const requireCjs = createRequire(import.meta.url);
let xlsxModule: typeof XLSXTypes | undefined;
const XLSX = {
  read: (...args: Parameters<typeof XLSXTypes.read>) => (xlsxModule ??= requireCjs('xlsx') as typeof XLSXTypes).read(...args),
  get utils() {
    return (xlsxModule ??= requireCjs('xlsx') as typeof XLSXTypes).utils;
  },
};
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace XLSX {
  type WorkBook = XLSXTypes.WorkBook;
  type CellObject = XLSXTypes.CellObject;
}

const SPREADSHEET = /\.(xls|xlsx|xlsm|xlsb|ods)$/i;

/** Excel's error codes (kept as text so that a message can show what the cell holds). */
const EXCEL_ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

interface OpenWorkbook {
  label: string;
  book: XLSX.WorkBook;
  sheets: Map<string, GridSheet>;
}

/**
 * `tagMap` comes from the model's settings section (`parseFileTags`); '?tag' files use it, and fall
 * back to the tag read as a path relative to `modelDir` when the mapped path does not exist here.
 */
export function createNodeDataHost(modelDir: string, tagMap?: ReadonlyMap<string, string>): DataHost {
  const workbooks = new Map<string, OpenWorkbook>();
  const texts = new Map<string, Sheet>();

  const locate = (file: string): { path: string; label: string } => {
    const candidates = resolveFileTag(file, tagMap);
    const tried: string[] = [];
    for (const c of candidates) {
      const path = isAbsolutePath(c) && !isAbsolute(c) ? c : resolve(modelDir, c);
      tried.push(path);
      if (existsSync(path)) return { path, label: labelFor(modelDir, path) };
    }
    throw new InputError(file, `data file not found (looked for ${tried.join(', ')})`);
  };

  return {
    readSheet(file: string, tab: string): Sheet {
      const { path, label } = locate(file);
      if (!SPREADSHEET.test(path)) {
        const delimiter = delimiterFor(path, tab);
        const key = `${path}\u0000${delimiter}`;
        let sheet = texts.get(key);
        if (!sheet) {
          sheet = parseDelimited(readText(path, label), delimiter, label);
          texts.set(key, sheet);
        }
        return sheet;
      }
      let wb = workbooks.get(path);
      if (!wb) {
        wb = { label, book: readWorkbook(path, label), sheets: new Map() };
        workbooks.set(path, wb);
      }
      const name = findSheetName(wb, tab);
      let sheet = wb.sheets.get(name);
      if (!sheet) {
        sheet = toGridSheet(wb.book, name, `${label}!${name}`);
        wb.sheets.set(name, sheet);
      }
      return sheet;
    },
  };
}

/** The path as the model's folder sees it, for messages. */
function labelFor(modelDir: string, path: string): string {
  const rel = relative(modelDir, path);
  return rel === '' || isAbsolute(rel) ? path : rel.replace(/\\/g, '/');
}

function readText(path: string, label: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(label, `cannot read data file: ${(e as Error).message}`);
  }
}

function readWorkbook(path: string, label: string): XLSX.WorkBook {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(label, `cannot read data file: ${(e as Error).message}`);
  }
  try {
    // Cached values only: formulas are not re-evaluated, dates stay serial numbers.
    return XLSX.read(bytes, { type: 'buffer', cellDates: false, cellFormula: false, cellHTML: false, cellText: false });
  } catch (e) {
    throw new InputError(label, `cannot read spreadsheet: ${(e as Error).message}`);
  }
}

/** The sheet named `tab`: exactly, else ignoring case and surrounding spaces (as Excel does). */
function findSheetName(wb: OpenWorkbook, tab: string): string {
  const names = wb.book.SheetNames;
  if (names.includes(tab)) return tab;
  const want = tab.trim().normalize('NFC').toLowerCase();
  const found = names.find((n) => n.trim().normalize('NFC').toLowerCase() === want);
  if (found !== undefined) return found;
  throw new InputError(`${wb.label}!${tab}`, `no sheet named '${tab}'; the workbook has: ${names.join(', ')}`);
}

function toGridSheet(book: XLSX.WorkBook, name: string, label: string): GridSheet {
  const ws = book.Sheets[name]!;
  const rows: CellValue[][] = [];
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const v = cellValue(ws[key] as XLSX.CellObject);
    if (v === undefined) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    (rows[r] ??= [])[c] = v;
  }
  return new GridSheet(label, rows, definedNames(book, name));
}

function cellValue(cell: XLSX.CellObject): CellValue {
  switch (cell.t) {
    case 'n':
    case 's':
    case 'b':
      return toCellValue(cell.v);
    case 'e':
      return typeof cell.w === 'string' ? cell.w : (EXCEL_ERRORS[cell.v as number] ?? '#ERROR');
    default:
      return undefined; // 'z' (stub), and 'd' which cellDates:false never yields
  }
}

/**
 * Defined names that point at a single rectangle on `sheetName`. A name scoped to this sheet wins
 * over a workbook-wide one of the same name.
 */
function definedNames(book: XLSX.WorkBook, sheetName: string): Map<string, CellRange> {
  const out = new Map<string, CellRange>();
  const sheetIndex = book.SheetNames.indexOf(sheetName);
  const all = book.Workbook?.Names ?? [];
  const ordered = [...all.filter((n) => n.Sheet === undefined), ...all.filter((n) => n.Sheet === sheetIndex)];
  for (const n of ordered) {
    if (n.Sheet !== undefined && n.Sheet !== sheetIndex) continue;
    const target = parseNameRef(n.Ref);
    if (!target || target.sheet.toLowerCase() !== sheetName.toLowerCase()) continue;
    out.set(n.Name.toLowerCase(), target.range);
  }
  return out;
}

/** "Sheet2!$E$3:$I$3" or "'my tab'!$C$5" → sheet and rectangle; undefined for anything else (#REF!, unions). */
function parseNameRef(ref: string): { sheet: string; range: CellRange } | undefined {
  const bang = ref.lastIndexOf('!');
  if (bang <= 0) return undefined;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const area = ref.slice(bang + 1).replace(/\$/g, '');
  if (!/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(area)) return undefined;
  const r = XLSX.utils.decode_range(area);
  return { sheet, range: { r0: r.s.r, c0: r.s.c, r1: r.e.r, c1: r.e.c } };
}
