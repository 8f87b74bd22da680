/** Files to grids: CSV/TSV as text (UTF-8, or Latin-1 when the bytes are not UTF-8), else a workbook. */
import { extname } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { decodeText } from '../../sd/data/data-grid.js';
import { readDataFileBytes } from '../../sd/node/data-file.js';
import { parseCsv } from './csv.js';
import type { Grid } from './grid.js';
import { parseWorkbook } from './workbook.js';

const WORKBOOK = new Set(['.xlsx', '.xls', '.xlsm', '.xlsb', '.ods']);

export { decodeText };

/** The file's bytes; files over the data layer's size limit are refused before reading. */
export function readBytes(path: string): Uint8Array {
  return readDataFileBytes(path);
}

export function readText(path: string): string {
  return decodeText(readBytes(path));
}

export function readGrid(path: string, sheet?: string): Grid {
  const bytes = readBytes(path);
  const ext = extname(path).toLowerCase();
  if (WORKBOOK.has(ext)) return parseWorkbook(bytes, path, sheet);
  return parseCsv(decodeText(bytes), path, ext === '.tsv' ? '\t' : undefined);
}

/** Reads a JSON file, turning syntax errors into an InputError with the position. */
export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = Number(pos[1]) - before.lastIndexOf('\n');
      throw new InputError(`${path}:${line}:${col}`, { en: `invalid JSON (${msg})`, es: `JSON no válido (${msg})` });
    }
    throw new InputError(path, { en: `invalid JSON (${msg})`, es: `JSON no válido (${msg})` });
  }
}
