/**
 * `igem run` with bad time options: exit status 2 and a message naming the option; with saved values
 * that are not finite: a warning per root cause in the user's language, in the JSON, and exit status 1.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe('igem run with values that are not finite numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igem-nonfinite-'));
  const control = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
  const bad = join(dir, 'ln.mdl');
  writeFileSync(bad, `s = INTEG(-1, 2) ~~|\nx = LN(s) ~~|\ny = x * 2 ~~|\n${control}`);
  const good = join(dir, 'na.mdl');
  writeFileSync(good, `u = :NA: ~~|\nw = u * 2 + Time ~~|\n${control}`);

  async function inLang(lang: string, ...args: string[]) {
    const before = process.env.IGEM_LANG;
    process.env.IGEM_LANG = lang;
    try {
      return await igem(...args);
    } finally {
      if (before === undefined) delete process.env.IGEM_LANG;
      else process.env.IGEM_LANG = before;
    }
  }

  it('warns on standard error in English, naming the root and what it reaches, and exits 1', async () => {
    const r = await inLang('en', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain("warning: the run finished, but 2 saved variables took values that are not finite numbers (NaN or ±∞); Vensim stops a run at its first floating-point error");
    expect(r.err).toContain(`${bad}:2:1: x became -∞ at time 2: LN of 0 (LN of 0 or of a negative number is not defined); it reaches 2 saved variables (x, y)`);
  });

  it('warns in Spanish', async () => {
    const r = await inLang('es', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('advertencia: la corrida terminó, pero hay valores que no son números finitos (NaN o ±∞) en 2 variables de las guardadas');
    expect(r.err).toContain(`${bad}:2:1: x se volvió -∞ en el tiempo 2: LN de 0 (el LN de 0 o de un número negativo no está definido); llega a 2 variables de las guardadas (x, y)`);
  });

  it('writes the warnings into the JSON output (where NaN and ±∞ are null) and to a CSV file run alike', async () => {
    const out = join(dir, 'ln.json');
    const r = await inLang('en', bad, '--out', out);
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.series.x[2]).toBeNull();
    expect(json.warnings).toHaveLength(1);
    expect(json.warnings[0]).toMatchObject({ variable: 'x', location: `${bad}:2:1`, time: 2, value: '-Infinity', cause: { kind: 'ln-domain' } });
    const csv = await inLang('en', bad, '--out', join(dir, 'ln.csv'));
    expect(csv.code).toBe(1);
    expect(csv.err).toContain('x became -∞ at time 2');
  });

  it('a model with :NA: runs clean: exit 0, no warning, an empty warnings list', async () => {
    const out = join(dir, 'na.json');
    const r = await inLang('en', good, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('warning');
    expect(JSON.parse(readFileSync(out, 'utf8')).warnings).toEqual([]);
    expect((await inLang('en', good)).code).toBe(0);
  });
});
