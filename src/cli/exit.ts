import { InputError, ModelError, SimulationError } from '../sd/ir/diagnostics.js';

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
    console.error(err.message);
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
    console.error(`error: cannot read ${e.path}: ${e.code}`);
    return EXIT_BAD_INPUT;
  }
  if (process.env.IGEM_DEBUG) console.error(err);
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  return EXIT_BAD_INPUT;
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
