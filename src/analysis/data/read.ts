/** Reading historical data files: .csv, .tsv/.tab/.txt (delimited text) and .xlsx/.xls/.ods workbooks, through the data layer. */
import { decodeText } from '../../sd/data/data-grid.js';
import { InputError } from '../../sd/ir/diagnostics.js';
import { readDataFileBytes } from '../../sd/node/data-file.js';
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
  const isBook = /\.(xlsx|xlsm|xls|ods)(#|$)/i.test(pathWithSheet);
  const path = isBook && hash > 0 ? pathWithSheet.slice(0, hash) : pathWithSheet;
  const sheet = isBook && hash > 0 ? pathWithSheet.slice(hash + 1) : undefined;
  const bytes = readDataFileBytes(path);
  if (isBook) return parseHistoricalWorkbook(bytes, path, sheet);
  if (/\.(csv|tsv|tab|txt|dat)$/i.test(path) || !/\.[a-z0-9]+$/i.test(path)) {
    return parseHistoricalText(decodeText(bytes), path);
  }
  throw new InputError(path, { en: 'unknown data file type: use .csv, .tsv, .tab, .txt, .xlsx, .xls or .ods', es: 'tipo de archivo de datos desconocido: use .csv, .tsv, .tab, .txt, .xlsx, .xls u .ods' });
}
