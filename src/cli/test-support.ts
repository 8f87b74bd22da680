/**
 * Runs `igem` commands in process for the CLI tests: registers one command group on a fresh
 * program, captures console output, and returns the exit status the command set.
 */
import { Command } from 'commander';
import { vi } from 'vitest';

export interface CliOutcome {
  out: string;
  err: string;
  code: number;
}

export async function runCli(register: (program: Command) => void, args: string[]): Promise<CliOutcome> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const program = new Command().exitOverride();
  register(program);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'igem', ...args]);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { out: out.join('\n'), err: err.join('\n'), code };
}
