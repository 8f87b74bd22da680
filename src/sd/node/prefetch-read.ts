/**
 * What the workbook-reading thread does for one file (workbook-worker.ts): the sheets a model's
 * text names, read as the Node host reads them (same guard, limits and readers) and converted to
 * cell values, in a form that crosses threads as plain data (no class instances).
 */
import type { CellValue } from '../data/grid-sheet.js';
import type { DataLimits } from '../data/limits.js';
import type { CellRange } from '../data/types.js';
import { readWorkbook } from '../data/workbook.js';
import { cellValues } from './cell-values.js';
import { readDataFileBytes } from './data-file.js';
import { zlibInflateRaw } from './inflate.js';

export interface PrefetchedSheet {
  /** The sheet's own name (the tab asked for may differ in case or spaces). */
  name: string;
  rows: (readonly CellValue[] | undefined)[];
  names: Map<string, CellRange>;
}

/** What the thread hands on as it reads: the book's sheet names once opened, then each sheet. */
export interface BookReceiver {
  opened(sheetNames: string[]): void;
  sheet(sheet: PrefetchedSheet): void;
}

/** Throws what the host's own read would throw; tabs the workbook lacks are left out. */
export function readBookSheets(path: string, label: string, limits: DataLimits, tabs: readonly string[], to: BookReceiver): void {
  const book = readWorkbook(readDataFileBytes(path, label, limits), label, limits, { sheets: tabs, inflateRaw: zlibInflateRaw });
  to.opened([...book.sheetNames]);
  const done = new Set<string>();
  for (const tab of tabs) {
    const raw = book.findSheet(tab);
    if (!raw || done.has(raw.name)) continue;
    done.add(raw.name);
    to.sheet({ name: raw.name, rows: raw.rows.map(cellValues), names: book.namesFor(raw.name) });
  }
}
