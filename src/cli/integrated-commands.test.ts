/** `igem integrated run` in process on models/peru: the report is written (es and en), bad input exits 2 naming the field. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerIntegratedCommands } from './integrated-commands.js';
import { runCli } from './test-support.js';

const igem = (...args: string[]) => runCli(registerIntegratedCommands, ['integrated', ...args]);

describe('igem integrated run', () => {
  it('writes the Markdown report in both languages and the JSON (exit 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-link-'));
    const md = join(dir, 'link.md');
    const r = await igem('run', 'models/peru', '--scenario', 'isc-reform-lumpsum', '--years', '2024:2026', '--out', md);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/Corrida vinculada SD–CGE/);
    expect(text).toMatch(/Linked SD–CGE run/);
    expect(text).toMatch(/\| 2026 \|/);
    expect(text).not.toMatch(/\| 2023 \|/);
    const js = join(dir, 'link.json');
    expect((await igem('run', 'models/peru', '--scenario', 'isc-reform-lumpsum', '--years', '2019:2026', '--out', js)).code).toBe(0);
    const j = JSON.parse(readFileSync(js, 'utf8'));
    expect(j.years).toHaveLength(8);
    expect(j.years[7].converged).toBe(true);
    const en = await igem('run', 'models/peru', '--scenario', 'isc-reform-lumpsum', '--years', '2019:2025', '--lang', 'en');
    expect(en.out).toMatch(/## Convergence/);
    expect(en.out).not.toMatch(/## Convergencia/);
  }, 120_000);
  it('an unknown scenario: exit 2 naming --scenario and the known ones', async () => {
    const r = await igem('run', 'models/peru', '--scenario', 'no-such');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--scenario no-such/);
    expect(r.err).toMatch(/isc-reform-lumpsum/);
  });
  it('bad --years: exit 2 naming --years', async () => {
    for (const y of ['2030', '2010:2030', '2030:2025', '2019:2070']) {
      const r = await igem('run', 'models/peru', '--scenario', 'isc-reform-lumpsum', '--years', y);
      expect(r.code, y).toBe(2);
      expect(r.err, y).toMatch(/--years/);
    }
  });
});
