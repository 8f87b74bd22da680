/**
 * The bench's probes, run on a model file that cannot be read, print one line naming the file and
 * exit non-zero (the bench spawns them; a stack trace there hid which model was wrong).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'igem-probe-'));
const missing = join(dir, 'no-such-model.mdl');

function probe(script: string, arg: string, lang = 'en') {
  return spawnSync(tsx, [join(process.cwd(), 'src', 'bench', script), arg], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, IGEM_LANG: lang } });
}

describe('bench probes on an unreadable model file', () => {
  it('compile-probe: a missing file, one line, exit 2', () => {
    const r = probe('compile-probe.ts', missing);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`error E_FILE: cannot read model file ${missing}: no such file`]);
  });

  it('compile-probe: a folder, named as such (Node\'s own error names no path), in Spanish too', () => {
    const r = probe('compile-probe.ts', dir, 'es');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`error E_FILE: no se puede leer el archivo del modelo ${dir}: es una carpeta, no un archivo`]);
  });

  it('memory-probe: a missing file, one line, exit 2', () => {
    const r = probe('memory-probe.ts', missing);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([`error E_FILE: cannot read model file ${missing}: no such file`]);
  });
});
