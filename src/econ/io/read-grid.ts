/** Files to grids: CSV/TSV as text (UTF-8, or Latin-1 when the bytes are not UTF-8), else a workbook. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { parseCsv } from './csv.js';
import type { Grid } from './grid.js';
import { parseWorkbook } from './workbook.js';

const WORKBOOK = new Set(['.xlsx', '.xls', '.xlsm', '.ods']);

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(path, code === 'ENOENT' ? 'file not found' : `cannot read the file (${code})`);
  }
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
      throw new InputError(`${path}:${line}:${col}`, `invalid JSON (${msg})`);
    }
    throw new InputError(path, `invalid JSON (${msg})`);
  }
}
