import { InputError, ModelError, SimulationError } from '../sd/ir/diagnostics.js';
import { diagnosticLines } from './cli-lang.js';

/** Exit statuses shared by every command: 0 ok, 1 simulation failed, 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_SIMULATION = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad command-line or file input that is not a model diagnostic. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Prints an error as one or more clear lines (never a stack trace) and returns the exit status. */
export function reportError(err: unknown): number {
  if (err instanceof ModelError) {
    console.error(diagnosticLines(err.diagnostics).join('\n'));
    return EXIT_BAD_INPUT;
  }
  if (err instanceof SimulationError) {
    console.error(`simulation failed: ${err.message}`);
    return EXIT_SIMULATION;
  }
  if (err instanceof InputError) {
    console.error(`error: ${err.message}`);
    return EXIT_BAD_INPUT;
  }
  if (err instanceof UsageError) {
    console.error(`error: ${err.message}`);
    return EXIT_BAD_INPUT;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.path === 'string') {
    console.error(fileErrorMessage(e.code, e.path, e.syscall));
    return EXIT_BAD_INPUT;
  }
  if (process.env.IGEM_DEBUG) console.error(err);
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  return EXIT_BAD_INPUT;
}

/** System calls that change the file system: a failure there is a write failure, not a read one. */
const WRITING_CALLS = new Set(['write', 'mkdir', 'rename', 'unlink', 'rmdir', 'rm', 'copyfile', 'symlink', 'chmod', 'utime', 'ftruncate']);

/** Plain words for the error codes a user meets with files; other codes are printed as they are. */
const CODE_WORDS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the disk',
  EROFS: 'read-only file system',
  EEXIST: 'it already exists',
  EMFILE: 'too many open files',
};

/**
 * One line for a failed file operation, saying whether opening, reading, listing or writing failed
 * (from the system call Node names) and why in plain words, with the code for searching.
 */
export function fileErrorMessage(code: string, path: string, syscall?: string): string {
  // Node names 'open' for reading and writing alike, so that one says "open".
  const verb =
    syscall === undefined ? 'read'
    : WRITING_CALLS.has(syscall) ? 'write'
    : syscall === 'scandir' || syscall === 'opendir' ? 'list'
    : syscall === 'open' ? 'open'
    : 'read';
  const words = CODE_WORDS[code];
  return `error: cannot ${verb} ${path}: ${words ? `${words} (${code})` : code}`;
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
