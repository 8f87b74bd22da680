/**
 * The Node data host: finds the files a model's GET DIRECT … / GET XLS … calls name, relative to
 * the model's folder, and turns them into sheets. Spreadsheets (.xls, .xlsx, .xlsm, .xlsb, .ods)
 * are read with SheetJS; anything else is delimited text. Each file is parsed once per host, and
 * each sheet converted once, however many equations read it.
 */

import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { caughtText, InputError } from '../ir/diagnostics.js';
import { DataError } from '../data/data-error.js';
import { delimiterFor, parseDelimited } from '../data/delimited.js';
import { isAbsolutePath, resolveFileTag } from '../data/file-tags.js';
import type { GridSheet } from '../data/grid-sheet.js';
import { withLimits, type DataLimits } from '../data/limits.js';
import type { DataHost, Sheet } from '../data/types.js';
import { readDataFileBytes } from './data-file.js';
import type { RawWorkbook } from '../data/workbook.js';
import { sheetHints } from './sheet-hints.js';
import { startPrefetch, type PrefetchFile, type WorkbookPrefetch } from './workbook-prefetch.js';
import { gridSheet, openWorkbook, sheetValues } from './sheet-values.js';

const SPREADSHEET = /\.(xls|xlsx|xlsm|xlsb|ods)$/i;

interface OpenWorkbook {
  label: string;
  book: RawWorkbook;
  sheets: Map<string, GridSheet>;
}

/**
 * `tagMap` comes from the model's settings section (`parseFileTags`); '?tag' files use it, and fall
 * back to the tag read as a path relative to `modelDir` when the mapped path does not exist here.
 */
export function createNodeDataHost(modelDir: string, tagMap?: ReadonlyMap<string, string>, limitsIn?: Partial<DataLimits>, options: NodeDataHostOptions = {}): DataHost {
  const limits = withLimits(limitsIn);
  const workbooks = new Map<string, OpenWorkbook>();
  /** Sheets the prefetch thread read, by path then sheet name, in the order first served. */
  const prefetched = new Map<string, Map<string, GridSheet>>();
  const texts = new Map<string, Sheet>();
  /** Sheets the model names, by resolved path: only these are parsed when the workbook opens. */
  const expected = new Map<string, Set<string>>();

  // Where each file name was found, as the workbooks are: MEDEAS reads 2,700 sheets from a few
  // files, and a file-system check per read was most of the time of the reads its cache served.
  const located = new Map<string, { path: string; label: string }>();
  const locate = (file: string): { path: string; label: string } => {
    let hit = located.get(file);
    if (!hit) located.set(file, (hit = find(file)));
    return hit;
  };
  const find = (file: string): { path: string; label: string } => {
    const candidates = resolveFileTag(file, tagMap);
    const tried: string[] = [];
    for (const c of candidates) {
      const path = isAbsolutePath(c) && !isAbsolute(c) ? c : resolve(modelDir, c);
      tried.push(path);
      if (existsSync(path)) return { path, label: labelFor(modelDir, path) };
    }
    throw new InputError(file, { en: `data file not found (looked for ${tried.join(', ')})`, es: `no se encontró el archivo de datos (se buscó ${tried.join(', ')})` });
  };

  // Only the test hook is kept from the options: the host holds no model text.
  const testHook = options.prefetchWorker;
  const prefetch = options.modelText === undefined ? undefined : startHinted(options.modelText);
  function startHinted(text: string): WorkbookPrefetch | undefined {
    const files: PrefetchFile[] = [];
    for (const [file, tabs] of sheetHints(text)) {
      let hit: { path: string; label: string };
      try {
        hit = locate(file);
      } catch {
        continue; // the read reports the missing file, with the equation that names it
      }
      if (SPREADSHEET.test(hit.path) && !files.some((f) => f.path === hit.path)) files.push({ ...hit, tabs });
    }
    return startPrefetch(files, limits, testHook?.entry);
  }

  /** The sheet as the prefetch thread read it, when it did; undefined sends the read the usual way. */
  const prefetchedSheet = (path: string, label: string, tab: string): GridSheet | undefined => {
    if (!prefetch || workbooks.has(path)) return undefined;
    const read = prefetch.sheet(path, tab);
    if (!read) return undefined;
    let served = prefetched.get(path);
    if (!served) prefetched.set(path, (served = new Map()));
    let sheet = served.get(read.name);
    if (!sheet) {
      sheet = gridSheet(label, read);
      served.set(read.name, sheet);
      testHook?.served?.push(sheet.label);
    }
    return sheet;
  };

  return {
    expectSheets(file: string, tabs: readonly string[]): void {
      let path: string;
      try {
        path = locate(file).path;
      } catch {
        return; // the read itself reports the missing file, with the equation that names it
      }
      if (!SPREADSHEET.test(path)) return;
      let set = expected.get(path);
      if (!set) expected.set(path, (set = new Set()));
      for (const t of tabs) set.add(t);
    },
    readSheet(file: string, tab: string): Sheet {
      const { path, label } = locate(file);
      if (!SPREADSHEET.test(path)) {
        const delimiter = delimiterFor(path, tab);
        const key = `${path}\u0000${delimiter}`;
        let sheet = texts.get(key);
        if (!sheet) {
          sheet = parseDelimited(readText(path, label, limits), delimiter, label);
          texts.set(key, sheet);
        }
        return sheet;
      }
      const pre = prefetchedSheet(path, label, tab);
      if (pre) return pre;
      let wb = workbooks.get(path);
      if (!wb) {
        const announced = expected.get(path);
        const sheets = announced ? [...announced, tab] : undefined;
        wb = { label, book: openWorkbook(readBytes(path, label, limits), label, limits, sheets), sheets: new Map() };
        workbooks.set(path, wb);
        // Sheets the thread read, served before this one it did not: read again in that order, so
        // that the cells counted against maxCells are the same as if this host had read them all.
        const served = prefetched.get(path);
        for (const [name, sheet] of served ?? []) {
          wb.book.findSheet(name);
          wb.sheets.set(name, sheet);
        }
      }
      const raw = wb.book.findSheet(tab);
      if (!raw) throw new InputError(`${wb.label}!${tab}`, { en: `no sheet named '${tab}'; the workbook has: ${wb.book.sheetNames.join(', ')}`, es: `no hay ninguna hoja llamada '${tab}'; el libro tiene: ${wb.book.sheetNames.join(', ')}` });
      let sheet = wb.sheets.get(raw.name);
      if (!sheet) {
        // Cached values (sheet-values.ts): an equation that reads an error cell is told which cell holds what.
        sheet = gridSheet(label, sheetValues(wb.book, raw));
        wb.sheets.set(raw.name, sheet);
      }
      return sheet;
    },
  };
}

export interface NodeDataHostOptions {
  /**
   * The Vensim model's text: the workbooks it names are read on a worker thread from now on
   * (workbook-prefetch.ts), while the caller parses the model.
   */
  modelText?: string;
  /**
   * For tests of the TypeScript sources: the thread's module (workbook-prefetch.ts), and a list the
   * host adds the label of each sheet the thread read to, when it first serves it.
   */
  prefetchWorker?: { entry: URL; served?: string[] };
}

/** The path as the model's folder sees it, for messages. */
function labelFor(modelDir: string, path: string): string {
  const rel = relative(modelDir, path);
  return rel === '' || isAbsolute(rel) ? path : rel.replace(/\\/g, '/');
}

/** The file's bytes, refused before reading when it is over the size limit. */
function readBytes(path: string, label: string, limits: DataLimits): Uint8Array {
  try {
    return readDataFileBytes(path, label, limits);
  } catch (e) {
    if (e instanceof DataError) throw e;
    const why = caughtText(e);
    const bare = (m: string) => m.replace(`${label}: `, '');
    throw new InputError(label, { en: `cannot read data file: ${bare(why.en)}`, es: `no se puede leer el archivo de datos: ${bare(why.es)}` });
  }
}

function readText(path: string, label: string, limits: DataLimits): string {
  return new TextDecoder().decode(readBytes(path, label, limits));
}
