/** Reading a data file's bytes for the data layer: the size limit is checked before reading. */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../ir/diagnostics.js';
import { DataError } from '../data/data-error.js';
import { formatBytes, withLimits, type DataLimits } from '../data/limits.js';

/** `label` names the file in messages (default: the path). */
export function readDataFileBytes(path: string, label = path, limitsIn?: Partial<DataLimits>): Uint8Array {
  const limits = withLimits(limitsIn);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(label, code === 'ENOENT' ? { en: 'file not found', es: 'no se encontró el archivo' } : { en: `cannot read the file (${code})`, es: `no se puede leer el archivo (${code})` });
  }
  if (size > limits.maxFileBytes) {
    throw new DataError({ file: label }, { en: `the file is ${formatBytes(size)}, over the limit maxFileBytes ${formatBytes(limits.maxFileBytes)}`, es: `el archivo tiene ${formatBytes(size)}, más que el límite maxFileBytes ${formatBytes(limits.maxFileBytes)}` });
  }
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(label, { en: `cannot read the file (${code})`, es: `no se puede leer el archivo (${code})` });
  }
}
