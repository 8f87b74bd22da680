/** The CLI prints engine diagnostics in the language of IGEM_LANG or the locale, Spanish where the engine wrote it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliLang, diagnosticLines } from './cli-lang.js';
import { registerRunCommands } from './run-commands.js';
import { runCli } from './test-support.js';

describe('cliLang', () => {
  it('takes IGEM_LANG first, then LC_ALL, LC_MESSAGES and LANG in that order', () => {
    expect(cliLang({ IGEM_LANG: 'both', LANG: 'es_PE.UTF-8' })).toBe('both');
    expect(cliLang({ IGEM_LANG: 'en', LC_ALL: 'es_PE.UTF-8' })).toBe('en');
    expect(cliLang({ LANG: 'es_PE.UTF-8' })).toBe('es');
    expect(cliLang({ LC_ALL: 'C.UTF-8', LANG: 'es_PE.UTF-8' })).toBe('en');
    expect(cliLang({ LC_ALL: '', LC_MESSAGES: 'es_ES', LANG: 'en_US' })).toBe('es');
    expect(cliLang({ IGEM_LANG: 'fr', LANG: 'es' }, () => {})).toBe('es');
    expect(cliLang({})).toBe('en');
  });

  it('warns once, in both languages, about an IGEM_LANG it does not know, naming the accepted values', () => {
    const lines: string[] = [];
    const warn = (line: string) => void lines.push(line);
    expect(cliLang({ IGEM_LANG: 'spanish', LANG: 'es_PE.UTF-8' }, warn)).toBe('es');
    expect(cliLang({ IGEM_LANG: 'spanish', LANG: 'es_PE.UTF-8' }, warn)).toBe('es');
    expect(lines).toEqual([
      "warning: IGEM_LANG=spanish is not one of es, en, both; using the locale's language (es)",
      'advertencia: IGEM_LANG=spanish no es uno de es, en, both; se usa el idioma de la configuración regional (es)',
    ]);
    // Set but empty is unset: no warning.
    expect(cliLang({ IGEM_LANG: ' ' }, warn)).toBe('en');
    expect(lines).toHaveLength(2);
  });

  it('prints English for a diagnostic written in English only, whatever the language', () => {
    const d = { severity: 'warning' as const, code: 'E_UNUSED', message: 'x is never used', loc: { file: 'm.mdl', line: 3, column: 1 } };
    expect(diagnosticLines([d], 'es')).toEqual(['m.mdl:3:1: warning E_UNUSED: x is never used']);
    expect(diagnosticLines([d], 'both')).toEqual(['m.mdl:3:1: warning E_UNUSED: x is never used']);
  });
});

const MODEL = [
  '{UTF-8}',
  'x = 1\n\t~\tDmnl\n\t~\t|',
  'y = DELAY BATCH(x, 1, 2, 0)\n\t~\tDmnl\n\t~\t|',
  'FINAL TIME = 10\n\t~\tYear\n\t~\t|',
  'INITIAL TIME = 0\n\t~\tYear\n\t~\t|',
  'TIME STEP = 1\n\t~\tYear\n\t~\t|',
  'SAVEPER = 1\n\t~\tYear\n\t~\t|',
].join('\n\n');

describe('igem run on a refused Vensim function', () => {
  const dir = mkdtempSync(join(tmpdir(), 'igem-lang-'));
  const model = join(dir, 'batch.mdl');
  writeFileSync(model, MODEL);
  const saved = { IGEM_LANG: process.env.IGEM_LANG, LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = () => runCli(registerRunCommands, ['run', model]);
  const EN = /^.*batch\.mdl:7:5: error E_UNSUPPORTED: the Vensim function DELAY BATCH is not supported yet \(fn_delay_batch /;
  const ES = /^.*batch\.mdl:7:5: error E_UNSUPPORTED: la función de Vensim DELAY BATCH aún no se admite \(fn_delay_batch /;

  it('English by default (the tests set IGEM_LANG=en)', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(EN);
  });

  it('Spanish with a Spanish locale and no IGEM_LANG', async () => {
    delete process.env.IGEM_LANG;
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.LANG = 'es_PE.UTF-8';
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(ES);
  });

  it('both languages, English first, with IGEM_LANG=both', async () => {
    process.env.IGEM_LANG = 'both';
    const lines = (await run()).err.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(EN);
    expect(lines[1]).toMatch(ES);
  });

  it('a bad command-line value and a missing file read in Spanish too', async () => {
    process.env.IGEM_LANG = 'es';
    const bad = await runCli(registerRunCommands, ['run', model, '--method', 'euler2']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("error: --method: 'euler2' no es uno de euler, rk4, rk2");
    const missing = await runCli(registerRunCommands, ['run', join(dir, 'nope.mdl')]);
    expect(missing.err).toMatch(/error E_FILE: no se puede leer el archivo del modelo .*nope\.mdl: el archivo no existe$/);
    process.env.IGEM_LANG = 'both';
    expect((await runCli(registerRunCommands, ['run', model, '--method', 'euler2'])).err.split('\n')).toEqual([
      "error: --method: 'euler2' is not one of euler, rk4, rk2",
      "error: --method: 'euler2' no es uno de euler, rk4, rk2",
    ]);
  });
});
