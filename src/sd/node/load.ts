/**
 * Node host: loads a model from a path (or from its text) with access to its data files,
 * resolved against the model's folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { canonicalColumn } from '../ir/names.js';
import { parseRunTable } from '../data/run-table.js';
import { parseDatFile } from '../data/dat-file.js';
import { ModelError, type BilingualText } from '../ir/diagnostics.js';
import { parseFileTags } from '../data/file-tags.js';
import { compileVensim, compileXmile, type CompiledResult, type CompileOptions } from '../run/engine.js';
import { looksLikeXmile } from '../xmile/reader.js';
import type { CompiledModel } from '../run/compiled-model.js';
import { createNodeDataHost } from './data-host.js';
import type { DataHost } from '../data/types.js';

/** Reads a text file as UTF-8, falling back to Latin-1 when it is not valid UTF-8. */
export function readTextFile(path: string): string {
  const buf = readFileSync(path);
  const utf8 = buf.toString('utf8');
  return utf8.includes('\uFFFD') ? buf.toString('latin1') : utf8;
}

/** Why a model file could not be read, in plain words (other codes are given as they are). */
const READ_FAILURES: Record<string, BilingualText> = {
  ENOENT: { en: 'no such file', es: 'el archivo no existe' },
  EISDIR: { en: 'it is a folder, not a file', es: 'es una carpeta, no un archivo' },
  EACCES: { en: 'permission denied', es: 'permiso denegado' },
  EPERM: { en: 'permission denied', es: 'permiso denegado' },
};

/**
 * A model file's text; a file that cannot be read is an E_FILE error naming it as `shown` (as the
 * user wrote it), never a bare system error: Node's EISDIR on a folder, for one, names no path.
 */
export function readModelFile(path: string, shown: string = path): string {
  try {
    return readTextFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string') throw e;
    const why = READ_FAILURES[code] ?? { en: code, es: code };
    throw ModelError.at('E_FILE', { en: `cannot read model file ${shown}: ${why.en}`, es: `no se puede leer el archivo del modelo ${shown}: ${why.es}` });
  }
}

export interface LoadOptions extends Omit<CompileOptions, 'dataHost' | 'externalData'> {
  /** Folder for relative data paths when the model is given as text (default: the working folder). */
  baseDir?: string;
  /** Tables of series (.tab/.csv, as Vensim exports runs; or Vensim .dat files) for data variables without an equation. */
  dataFiles?: string[];
}

/** Series from run tables, by canonical column name; later files win. */
export function readDataFiles(paths: string[]): Map<string, { times: number[]; values: number[] }> {
  const out = new Map<string, { times: number[]; values: number[] }>();
  for (const p of paths) {
    if (/\.dat$/i.test(p)) {
      for (const [name, series] of parseDatFile(readTextFile(p), p)) out.set(canonicalColumn(name), series);
      continue;
    }
    const table = parseRunTable(readTextFile(p), basename(p));
    table.names.forEach((name, j) => {
      const col = table.columns[j]!;
      out.set(canonicalColumn(name.replace(/"/g, '')), { times: table.time, values: col.map((x) => (x === undefined ? NaN : x)) });
    });
  }
  return out;
}

/** XMILE files: `.xmile`, and Stella's `.stmx` (Stella Architect/Professional) and `.itmx` (iThink). */
const XMILE_FILE = /\.(xmile|stmx|itmx)$/i;

/** Loads and compiles a model, returning warnings too. */
export function loadModelWithDiagnostics(pathOrText: string, options: LoadOptions = {}): CompiledResult {
  const isText = pathOrText.includes('\n') || looksLikeXmile(pathOrText) || (!existsSync(pathOrText) && /[=~|]/.test(pathOrText));
  const file = isText ? undefined : resolve(pathOrText);
  const text = isText ? pathOrText : readModelFile(file!, pathOrText);
  const baseDir = file ? dirname(file) : resolve(options.baseDir ?? '.');
  const xmile = file ? XMILE_FILE.test(file) : looksLikeXmile(text);
  if (file && !xmile && !/\.mdl$/i.test(file)) {
    throw ModelError.at('E_FORMAT', { en: `${file}: unknown model format (IGEM reads Vensim .mdl and XMILE .xmile, .stmx, .itmx)`, es: `${file}: formato de modelo desconocido (IGEM lee Vensim .mdl y XMILE .xmile, .stmx, .itmx)` });
  }
  // A Vensim model's workbooks are read on a worker thread while it parses (workbook-prefetch.ts).
  const dataHost = xmile ? createNodeDataHost(baseDir, new Map()) : createNodeDataHost(baseDir, parseFileTags(text), undefined, { modelText: text });
  const externalData = options.dataFiles?.length ? readDataFiles(options.dataFiles) : undefined;
  const compile = xmile ? compileXmile : compileVensim;
  return compile(text, { ...options, file: file ?? '<text>', dataHost, externalData });
}

/** The data host a model file's GET DIRECT / GET XLS calls read through (its folder, its file tags). */
export function modelDataHost(path: string): DataHost {
  const file = resolve(path);
  return createNodeDataHost(dirname(file), XMILE_FILE.test(file) ? new Map() : parseFileTags(readTextFile(file)));
}

/** Loads a Vensim or XMILE model from a path or from its text; compiled once, run many times. */
export function loadModel(pathOrText: string, options: LoadOptions = {}): CompiledModel {
  return loadModelWithDiagnostics(pathOrText, options).model;
}
