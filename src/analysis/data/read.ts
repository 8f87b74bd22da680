/** Reading historical data files: .csv, .tsv/.tab/.txt (delimited text) and .xlsx/.xls workbooks. */
import { readFileSync } from 'node:fs';
import { InputError } from '../../sd/ir/diagnostics.js';
import { parseDelimited } from './delimited.js';
import { gridToSeries } from './layout.js';
import type { HistoricalData } from './types.js';
import { parseWorkbook } from './workbook.js';

/** Parses delimited text already in memory; `source` names it in errors. */
export function parseHistoricalText(text: string, source: string): HistoricalData {
  return gridToSeries(parseDelimited(text, source));
}

export function parseHistoricalWorkbook(bytes: Uint8Array, source: string, sheet?: string): HistoricalData {
  return gridToSeries(parseWorkbook(bytes, source, sheet));
}

/** Reads a data file by its extension. `path#Sheet` picks a workbook sheet. */
export function readHistoricalData(pathWithSheet: string): HistoricalData {
  const hash = pathWithSheet.lastIndexOf('#');
  const isBook = /\.xlsx?(#|$)/i.test(pathWithSheet);
  const path = isBook && hash > 0 ? pathWithSheet.slice(0, hash) : pathWithSheet;
  const sheet = isBook && hash > 0 ? pathWithSheet.slice(hash + 1) : undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(path, `cannot read data file (${code})`);
  }
  if (isBook) return parseHistoricalWorkbook(new Uint8Array(bytes), path, sheet);
  if (/\.(csv|tsv|tab|txt|dat)$/i.test(path) || !/\.[a-z0-9]+$/i.test(path)) {
    return parseHistoricalText(bytes.toString('utf8'), path);
  }
  throw new InputError(path, 'unknown data file type: use .csv, .tsv, .tab, .txt, .xlsx or .xls');
}
