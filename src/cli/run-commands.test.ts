/** `igem run` with bad time options: exit status 2 and a message naming the option. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { registerRunCommands } from './run-commands.js';

const model = join(fileURLToPath(new URL('../..', import.meta.url)), 'src/analysis/test-fixtures/logistic.mdl');

async function igem(...args: string[]): Promise<{ err: string; code: number }> {
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const program = new Command().exitOverride();
  registerRunCommands(program);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'igem', 'run', ...args]);
  } finally {
    log.mockRestore();
    write.mockRestore();
    error.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { err: err.join('\n'), code };
}

describe('igem run time options', () => {
  it.each([
    [['--start', '10', '--end', '5'], /--end: must not be before start \(5 < 10\)/],
    [['--start', '1e308'], /FINAL TIME: must not be before/],
    [['--start', '-1e308', '--end', '1e308'], /--dt|TIME STEP/],
    [['--dt', '0'], /--dt: must be positive/],
    [['--end', 'Infinity'], /--end: must be a finite number/],
    [['--end', '1e9'], /--end: the run from 0 to 1000000000 by 0.125 needs [\d,]+ steps; the limit is 100,000,000/],
  ])('%j exits 2 naming the option', async (args, message) => {
    const r = await igem(model, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('runs with sensible options', async () => {
    expect((await igem(model, '--start', '0', '--end', '10')).code).toBe(0);
  });
});
