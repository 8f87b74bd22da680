/**
 * What the workbook-reading thread does for one file (workbook-worker.ts): the sheets a model's
 * text names, read as the Node host reads them (same guard, limits and readers) and converted to
 * cell values, in a form that crosses threads as plain data (no class instances).
 */
import type { DataLimits } from '../data/limits.js';
import { readDataFileBytes } from './data-file.js';
import { openWorkbook, sheetValues, type SheetValues } from './sheet-values.js';

/** What the thread hands on as it reads: the book's sheet names once opened, then each sheet. */
export interface BookReceiver {
  opened(sheetNames: string[]): void;
  sheet(sheet: SheetValues): void;
}

/** Throws what the host's own read would throw; tabs the workbook lacks are left out. */
export function readBookSheets(path: string, label: string, limits: DataLimits, tabs: readonly string[], to: BookReceiver): void {
  const book = openWorkbook(readDataFileBytes(path, label, limits), label, limits, tabs);
  to.opened([...book.sheetNames]);
  const done = new Set<string>();
  for (const tab of tabs) {
    const raw = book.findSheet(tab);
    if (!raw || done.has(raw.name)) continue;
    done.add(raw.name);
    to.sheet(sheetValues(book, raw));
  }
}
