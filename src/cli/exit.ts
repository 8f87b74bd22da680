import { InputError, ModelError, SimulationError, type BilingualText } from '../sd/ir/diagnostics.js';
import { diagnosticLines, printStderr } from './cli-lang.js';

/** Exit statuses shared by every command: 0 ok, 1 simulation failed, 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_SIMULATION = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad command-line or file input that is not a model diagnostic; `message` is English. */
export class UsageError extends Error {
  readonly text: BilingualText;
  constructor(text: BilingualText) {
    super(text.en);
    this.name = 'UsageError';
    this.text = text;
  }
}


/** Prints an error as one or more clear lines (never a stack trace) and returns the exit status. */
export function reportError(err: unknown): number {
  if (err instanceof ModelError) {
    console.error(diagnosticLines(err.diagnostics).join('\n'));
    return EXIT_BAD_INPUT;
  }
  if (err instanceof SimulationError) {
    printStderr({ en: `simulation failed: ${err.message}`, es: `la simulación falló: ${err.messageEs}` });
    return EXIT_SIMULATION;
  }
  if (err instanceof InputError) {
    printStderr({ en: `error: ${err.message}`, es: `error: ${err.messageEs}` });
    return EXIT_BAD_INPUT;
  }
  if (err instanceof UsageError) {
    printStderr({ en: `error: ${err.text.en}`, es: `error: ${err.text.es}` });
    return EXIT_BAD_INPUT;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.path === 'string') {
    printStderr(fileErrorMessage(e.code, e.path, e.syscall));
    return EXIT_BAD_INPUT;
  }
  if (process.env.IGEM_DEBUG) console.error(err);
  // A failure from a library or a bug: its own words, which we do not write in two languages.
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  return EXIT_BAD_INPUT;
}

/** System calls that change the file system: a failure there is a write failure, not a read one. */
const WRITING_CALLS = new Set(['write', 'mkdir', 'rename', 'unlink', 'rmdir', 'rm', 'copyfile', 'symlink', 'chmod', 'utime', 'ftruncate']);

/** Plain words for the error codes a user meets with files; other codes are printed as they are. */
const CODE_WORDS: Record<string, BilingualText> = {
  ENOENT: { en: 'no such file or folder', es: 'no existe el archivo o la carpeta' },
  EACCES: { en: 'permission denied', es: 'permiso denegado' },
  EPERM: { en: 'operation not permitted', es: 'operación no permitida' },
  EISDIR: { en: 'it is a folder, not a file', es: 'es una carpeta, no un archivo' },
  ENOTDIR: { en: 'a part of the path is not a folder', es: 'una parte de la ruta no es una carpeta' },
  ENOSPC: { en: 'no space left on the disk', es: 'no queda espacio en el disco' },
  EROFS: { en: 'read-only file system', es: 'sistema de archivos de solo lectura' },
  EEXIST: { en: 'it already exists', es: 'ya existe' },
  EMFILE: { en: 'too many open files', es: 'demasiados archivos abiertos' },
};

/** What failed, as a verb in each language. */
const VERBS: Record<'read' | 'write' | 'list' | 'open', BilingualText> = {
  read: { en: 'read', es: 'leer' },
  write: { en: 'write', es: 'escribir' },
  list: { en: 'list', es: 'listar' },
  open: { en: 'open', es: 'abrir' },
};

/**
 * One line for a failed file operation, saying whether opening, reading, listing or writing failed
 * (from the system call Node names) and why in plain words, with the code for searching.
 */
export function fileErrorMessage(code: string, path: string, syscall?: string): BilingualText {
  // Node names 'open' for reading and writing alike, so that one says "open".
  const verb =
    syscall === undefined ? 'read'
    : WRITING_CALLS.has(syscall) ? 'write'
    : syscall === 'scandir' || syscall === 'opendir' ? 'list'
    : syscall === 'open' ? 'open'
    : 'read';
  const words = CODE_WORDS[code];
  const why = words ? { en: `${words.en} (${code})`, es: `${words.es} (${code})` } : { en: code, es: code };
  return { en: `error: cannot ${VERBS[verb].en} ${path}: ${why.en}`, es: `error: no se puede ${VERBS[verb].es} ${path}: ${why.es}` };
}

/** Wraps a command action so that every failure becomes a message and an exit status. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}
