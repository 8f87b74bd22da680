/** Reads a model file into the IR without compiling it (for structure and units analysis). */
import { resolve } from 'node:path';
import { ModelError } from '../ir/diagnostics.js';
import type { ModelIR } from '../ir/model.js';
import { readVensim } from '../vensim/reader.js';
import { looksLikeXmile, readXmile } from '../xmile/reader.js';
import { readModelFile } from './load.js';

export function readModelIR(path: string): ModelIR {
  const file = resolve(path);
  const text = readModelFile(file, path);
  if (/\.(xmile|stmx|itmx)$/i.test(file) || looksLikeXmile(text)) return readXmile(text, file);
  if (!/\.mdl$/i.test(file)) throw ModelError.at('E_FORMAT', { en: `${file}: unknown model format (IGEM reads Vensim .mdl and XMILE .xmile, .stmx, .itmx)`, es: `${file}: formato de modelo desconocido (IGEM lee Vensim .mdl y XMILE .xmile, .stmx, .itmx)` });
  return readVensim(text, file);
}
