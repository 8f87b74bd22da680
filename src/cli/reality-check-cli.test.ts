/** `igem check --reality`: a line per Constraint in the user's language, exit status 1 on a failure, 2 on a form not run. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerRunCommands } from './run-commands.js';
import { runCli } from './test-support.js';

// The Inventory example of Vensim Help 20995 with numbers of our own (values worked out in
// src/sd/run/reality-check.test.ts): forced Inventory = 30, shipments = factor × MIN(10, 30).
const inventory = (factor: string, extra = '') => `INITIAL TIME = 0 ~~|
FINAL TIME = 5 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
Inventory = INTEG(production - shipments, 0) ~~|
final demand = 10 ~~|
production = 10 ~~|
shipments = (${factor}) * MIN(final demand, Inventory) ~~|
always have stock :TEST INPUT: Inventory = 3*final demand ~~|
fill orders when stocked :THE CONDITION: always have stock :IMPLIES: shipments >= final demand ~~|
${extra}`;

describe('igem check --reality', () => {
  let dir: string;
  const saved = process.env.IGEM_LANG;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'igem-reality-'));
    process.env.IGEM_LANG = 'en';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.IGEM_LANG;
    else process.env.IGEM_LANG = saved;
  });
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('prints passed and exits 0 when every Constraint holds', async () => {
    const r = await runCli(registerRunCommands, ['check', '--reality', file('ok.mdl', inventory('1'))]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/passed: fill orders when stocked \(.*ok\.mdl:10:1\): holds at all 6 saved times tested; forced Inventory \(always have stock\)/);
    expect(r.out).toContain('reality check: 1 passed, 0 failed, 0 not tested, 0 not run');
  });

  it('prints the first failing time and the values, and exits 1, in Spanish when asked', async () => {
    process.env.IGEM_LANG = 'es';
    const r = await runCli(registerRunCommands, ['check', '--reality', file('bad.mdl', inventory('IF THEN ELSE(Time >= 3, 0.5, 1)'))]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('fallida: fill orders when stocked');
    expect(r.out).toContain('violada por primera vez en el tiempo 3 (shipments = 5, final demand = 10); falsa en 3 de 6 tiempos guardados');
    expect(r.out).toContain('prueba de realidad: 0 aprobadas, 1 fallidas, 0 sin probar, 0 sin correr');
  });

  it('reports a form it does not run as a located error and exits 2', async () => {
    const r = await runCli(registerRunCommands, ['check', '--reality', file('or.mdl', inventory('1', 'either :THE CONDITION: Inventory = 0 :OR: production = 0 :IMPLIES: shipments = 0 ~~|\n'))]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/or\.mdl:11:38: error E_REALITY_CHECK: :OR: in the condition of either/);
    expect(r.out).toContain('reality check: 1 passed, 0 failed, 0 not tested, 1 not run');
  });

  it('does not run reality checks without --reality', async () => {
    const r = await runCli(registerRunCommands, ['check', file('bad2.mdl', inventory('0.5'))]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('failed:');
  });
});
