/** `igem loops|causes|uses` in process on the bundled example model, and exit 2 on bad input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './test-support.js';
import { registerStructureCommands } from './structure-commands.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'models/examples/green-growth.mdl');

const igem = (...args: string[]) => runCli(registerStructureCommands, args);

describe('igem loops, causes, uses', () => {
  // The tests read the English text unless they choose Spanish (the CLI follows IGEM_LANG or the locale).
  beforeEach(() => void vi.stubEnv('IGEM_LANG', 'en'));
  afterEach(() => void vi.unstubAllEnvs());

  it('lists the loops with polarity and, with --dominance, their share of behaviour', async () => {
    const r = await igem('loops', example, '--dominance', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { loops: { id: string; polarity: string; variables: string[]; share: number; partition: number }[]; dominance: { periods: { loop: string }[] } };
    expect(j.loops.map((l) => l.id).sort()).toEqual(['B1', 'B2', 'R1', 'R2']);
    const births = j.loops.find((l) => l.variables.includes('births'))!;
    expect(births.polarity).toBe('R');
    // Relative scores sum to 1 in absolute value within each feedback group (cycle partition).
    const groups = [...new Set(j.loops.map((l) => l.partition))];
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(j.loops.filter((l) => l.partition === g).reduce((s, l) => s + l.share, 0)).toBeCloseTo(1, 6);
    expect(j.dominance.periods.length).toBeGreaterThan(0);
  });

  it('above --limit, scores the loops found along the strongest paths of the run and says so', async () => {
    const r = await igem('loops', example, '--dominance', '--limit', '1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/more than --limit 1 loops: listed are the loops found along the strongest paths/);
    expect(r.out).toMatch(/^dominant/m);
  });

  it('scores a loop through arrays element by element and lists its element loops', async () => {
    // Two independent first-order decays: each element's loop is alone in its partition (−1).
    const file = join(mkdtempSync(join(tmpdir(), 'igem-loops-')), 'decay.mdl');
    writeFileSync(
      file,
      ['dim: A1, A2 ~~|', 's[dim] = INTEG(-outflow[dim], 100) ~ u ~|', 'outflow[dim] = s[dim] / tau[dim] ~ u/Year ~|', 'tau[dim] = 2, 5 ~ Year ~|', 'INITIAL TIME = 0 ~~|', 'FINAL TIME = 4 ~~|', 'TIME STEP = 0.5 ~~|', 'SAVEPER = 1 ~~|'].join('\n'),
    );
    const r = await igem('loops', file, '--dominance');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^B1 \(length 2, family 1\) \[up to 100\.0% of behaviour in one element loop\]/m);
    expect(r.out).toMatch(/^ {2}B1\[A1\] \(balancing\) \[100\.0% of behaviour\]: s\[A1\] -> outflow\[A1\] -> s\[A1\]$/m);
    expect(r.out).toMatch(/^ {2}B1\[A2\] \(balancing\) \[100\.0% of behaviour\]: s\[A2\] -> outflow\[A2\] -> s\[A2\]$/m);
    expect(r.out).toMatch(/^dominant \(feedback group 2\) 0–4: B1\[A2\]$/m);
    const j = JSON.parse((await igem('loops', file, '--dominance', '--json')).out) as { loops: { id: string; share: number; elementLoops: { id: string; elements: string[]; partition: number }[] }[] };
    expect(j.loops[0]!.elementLoops.map((e) => [e.id, e.elements, e.partition])).toEqual([
      ['B1[A1]', ['s[A1]', 'outflow[A1]'], 0],
      ['B1[A2]', ['s[A2]', 'outflow[A2]'], 1],
    ]);
  });

  it('lists each path of a loop through a delay\'s stocks under the loop, numbered apart', async () => {
    // The delay time depends on the stock the delay drains: the loop through it reaches the
    // outflow by DELAY3's output and by each of its three stocks.
    const file = join(mkdtempSync(join(tmpdir(), 'igem-loops-')), 'delay3.mdl');
    writeFileSync(
      file,
      ['s = INTEG(10 - outflow, 100) ~ u ~|', 'outflow = DELAY3(s / 5, delay time) ~ u/Year ~|', 'delay time = 1 + s / 50 ~ Year ~|', 'INITIAL TIME = 0 ~~|', 'FINAL TIME = 20 ~~|', 'TIME STEP = 0.25 ~~|', 'SAVEPER = 1 ~~|'].join('\n'),
    );
    const r = await igem('loops', file, '--dominance');
    expect(r.code).toBe(0);
    const paths = r.out.split('\n').filter((l) => /^ {2}U1\.\d /.test(l)).map((l) => l.split(' ')[2]);
    expect(paths.sort()).toEqual(['U1.1', 'U1.2', 'U1.3', 'U1.4']);
    expect(r.out).toMatch(/^ {2}U1\.4 \([a-z]+\) \[[\d.]+% of behaviour\]: s -> delay time -> outflow \(delay stage 1\) -> outflow \(delay stage 2\) -> outflow \(delay stage 3\) -> outflow -> s$/m);
    const j = JSON.parse((await igem('loops', file, '--dominance', '--json')).out) as { loops: { id: string; partition?: number; elementLoops?: { id: string }[] }[]; dominance: { periods: { loop: string }[] } };
    const u1 = j.loops.find((l) => l.id === 'U1')!;
    expect(u1.elementLoops!.map((e) => e.id)).toEqual(['U1.1', 'U1.2', 'U1.3', 'U1.4']);
    expect(u1.partition).toBe(0);
    const ids = new Set(['B1', ...u1.elementLoops!.map((e) => e.id)]);
    for (const p of j.dominance.periods) expect(ids).toContain(p.loop);
  });

  it('prints every line of igem loops in Spanish or English, as IGEM_LANG says', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'igem-loops-')), 'decay.mdl');
    // Two decays (arrayed: element loops) and a loop through a pipeline delay (not scored, with the reason).
    writeFileSync(
      file,
      [
        'dim: A1, A2 ~~|', 's[dim] = INTEG(-outflow[dim], 100) ~ u ~|', 'outflow[dim] = s[dim] / tau[dim] ~ u/Year ~|', 'tau[dim] = 2, 5 ~ Year ~|',
        'p = INTEG(inflow, 1) ~ u ~|', 'inflow = held * 0.1 ~ u/Year ~|', 'held = DELAY FIXED(p, 2, 1) ~ u ~|',
        'INITIAL TIME = 0 ~~|', 'FINAL TIME = 4 ~~|', 'TIME STEP = 0.5 ~~|', 'SAVEPER = 1 ~~|',
      ].join('\n'),
    );
    vi.stubEnv('IGEM_LANG', 'es');
    const es = await igem('loops', file, '--dominance');
    expect(es.code).toBe(0);
    expect(es.out).toMatch(/^B1 \(longitud 2, familia 1\) \[hasta 100\.0% del comportamiento en un bucle de elementos\]: s -\(\+\)-> outflow -\(-\)-> s$/m);
    expect(es.out).toMatch(/^ {2}B1\[A1\] \(de equilibrio\) \[100\.0% del comportamiento\]: s\[A1\] -> outflow\[A1\] -> s\[A1\]$/m);
    expect(es.out).toMatch(/^2 bucle\(s\): 1 de refuerzo, 1 de equilibrio, 0 indeterminados; 2 familias por los stocks que recorren; 1 puntuados por dominancia de bucles \(por variables con subíndices o por los niveles de suavizados y retardos, elemento por elemento: 2 bucle\(s\) de elementos\)$/m);
    expect(es.out).toMatch(/^dominante \(grupo de retroalimentación 1\) 0–4: B1\[A1\]$/m);
    expect(es.out).toMatch(/^1 bucle\(s\) sin puntuar; p\. ej\. R1: held: la función DELAY FIXED \(un retardo de tubería, sin nivel ni flujo: el método no define puntuación de enlace para ella\) no se puntúa$/m);
    for (const word of ['length', 'family', 'behaviour', 'balancing', 'reinforcing', 'scored', 'dominant', 'loop']) expect(es.out).not.toMatch(new RegExp(`\\b${word}\\b`));
    vi.stubEnv('IGEM_LANG', 'en');
    const en = await igem('loops', file, '--dominance');
    expect(en.out).toMatch(/^ {2}B1\[A1\] \(balancing\) \[100\.0% of behaviour\]: s\[A1\] -> outflow\[A1\] -> s\[A1\]$/m);
    expect(en.out).toMatch(/^2 loop\(s\): 1 reinforcing, 1 balancing, 0 undetermined; 2 families by the stocks they pass through; 1 scored by loop dominance \(through arrays or the stocks of smooths and delays, element by element: 2 element loop\(s\)\)$/m);
    expect(en.out).toMatch(/^dominant \(feedback group 1\) 0–4: B1\[A1\]$/m);
    expect(en.out).toMatch(/^1 loop\(s\) not scored, e\.g\. R1: held: function DELAY FIXED \(a pipeline delay, no stock and flow: the method defines no link score for it\) is not scored$/m);
    // Both: each line in English, then in Spanish.
    vi.stubEnv('IGEM_LANG', 'both');
    const both = (await igem('loops', file, '--dominance')).out.split('\n');
    const at = both.findIndex((l) => l.startsWith('2 loop(s)'));
    expect(both[at + 1]).toMatch(/^2 bucle\(s\): /);
    // Above the limit, the way the loops were listed.
    vi.stubEnv('IGEM_LANG', 'es');
    expect((await igem('loops', example, '--limit', '1')).out).toMatch(/\(el modelo tiene más de --limit 1 bucles: se lista el bucle más corto por cada enlace de retroalimentación\)/);
    expect((await igem('loops', example, '--limit', '1', '--dominance')).out).toMatch(/\(el modelo tiene más de --limit 1 bucles: se listan los bucles hallados por los caminos más fuertes de las puntuaciones de enlace de la simulación\)/);
    // The reasons in --json are in both languages.
    const j = JSON.parse((await igem('loops', file, '--dominance', '--json')).out) as { dominance: { notScored: { id: string; reason: { en: string; es: string } }[] } };
    expect(j.dominance.notScored).toEqual([
      {
        id: 'R1',
        reason: {
          en: 'held: function DELAY FIXED (a pipeline delay, no stock and flow: the method defines no link score for it) is not scored',
          es: 'held: la función DELAY FIXED (un retardo de tubería, sin nivel ni flujo: el método no define puntuación de enlace para ella) no se puntúa',
        },
      },
    ]);
  });

  it('labels an element loop by its element links where the variable loop is undetermined', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'igem-loops-')), 'tanks.mdl');
    writeFileSync(
      file,
      ['dim: A1, A2 ~~|', 's[dim] = INTEG(-transfer[dim], start[dim]) ~ u ~|', 'start[dim] = 100, 20 ~ u ~|', 'transfer[A1] = (s[A1] - s[A2]) / 4 ~ u/Year ~|', 'transfer[A2] = (s[A2] - s[A1]) / 4 ~ u/Year ~|', 'INITIAL TIME = 0 ~~|', 'FINAL TIME = 4 ~~|', 'TIME STEP = 0.25 ~~|', 'SAVEPER = 1 ~~|'].join('\n'),
    );
    const en = (await igem('loops', file, '--dominance')).out;
    expect(en).toMatch(/^U1 \(length 2, family 1\)/m);
    expect(en).toMatch(/^ {2}U1\[A1\] \(balancing\) \[/m);
    expect(en).toMatch(/^ {2}U1\[A1 → A2 → A2 → A1\] \(reinforcing\) \[/m);
    vi.stubEnv('IGEM_LANG', 'es');
    const es = (await igem('loops', file, '--dominance')).out;
    expect(es).toMatch(/^ {2}U1\[A1\] \(de equilibrio\) \[/m);
    expect(es).toMatch(/^ {2}U1\[A1 → A2 → A2 → A1\] \(de refuerzo\) \[/m);
    const j = JSON.parse((await igem('loops', file, '--dominance', '--json')).out) as { loops: { polarity: string; elementLoops: { polarity: string }[] }[] };
    expect([j.loops[0]!.polarity, ...j.loops[0]!.elementLoops.map((e) => e.polarity)]).toEqual(['U', 'B', 'B', 'R']);
  });

  it('prints the causes and uses trees with the word for a link that acts only initially in the chosen language', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'igem-trees-')), 'initial.mdl');
    writeFileSync(file, ['s = INTEG(inflow, start) ~ u ~|', 'start = 5 ~ u ~|', 'inflow = 1 ~ u/Year ~|', 'INITIAL TIME = 0 ~~|', 'FINAL TIME = 4 ~~|', 'TIME STEP = 1 ~~|', 'SAVEPER = 1 ~~|'].join('\n'));
    vi.stubEnv('IGEM_LANG', 'es');
    expect((await igem('causes', file, 's', '--depth', '1')).out).toBe('s\n  (+) inflow\n  (+, inicial) start');
    expect((await igem('uses', file, 'start', '--depth', '1')).out).toBe('start\n  (+, inicial) s');
    vi.stubEnv('IGEM_LANG', 'en');
    expect((await igem('causes', file, 's', '--depth', '1')).out).toBe('s\n  (+) inflow\n  (+, initial) start');
    vi.stubEnv('IGEM_LANG', 'both');
    expect((await igem('uses', file, 'start', '--depth', '1')).out).toBe('start\n  (+, initial) s\nstart\n  (+, inicial) s');
  });

  it('prints causes and uses trees', async () => {
    const c = await igem('causes', example, 'births', '--depth', '1');
    expect(c.code).toBe(0);
    expect(c.out.split('\n')[0]).toBe('births');
    expect(c.out).toContain('(+) Population');
    const u = await igem('uses', example, 'Population', '--depth', '1');
    expect(u.out).toContain('(+) births');
  });

  it('exits 2 naming the problem on bad input', async () => {
    const r = await igem('causes', example, 'no such variable');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no variable named 'no such variable'/);
    const big = await igem('loops', example, '--limit', '5000000');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/--limit 5000000 is above 1000000: listing that many loops can exhaust memory/);
    const m = await igem('loops', join(root, 'missing.mdl'));
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/missing\.mdl/);
    const d = await igem('causes', example, 'births', '--depth', '0');
    expect(d.code).toBe(2);
  });
});

describe('igem convert', () => {
  it('writes XMILE and .mdl that run to the same results, and refuses what XMILE cannot say with a location', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { Command: Cmd } = await import('commander');
    const { registerConvertCommands } = await import('./convert-commands.js');
    const { loadModel } = await import('../sd/node/load.js');
    const dir = mkdtempSync(join(tmpdir(), 'igem-convert-'));
    const run = async (...args: string[]) => {
      const err: string[] = [];
      const e = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
      const program = new Cmd().exitOverride();
      registerConvertCommands(program);
      process.exitCode = undefined;
      try {
        await program.parseAsync(['node', 'igem', 'convert', ...args]);
      } finally {
        e.mockRestore();
      }
      const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
      process.exitCode = undefined;
      return { code, err: err.join('\n') };
    };
    const xmile = join(dir, 'gg.xmile');
    expect((await run(example, '--to', 'xmile', '--out', xmile)).code).toBe(0);
    const mdl = join(dir, 'gg.mdl');
    expect((await run(xmile, '--to', 'mdl', '--out', mdl)).code).toBe(0);
    const a = loadModel(example).run({ columns: ['GDP', 'Population'] });
    for (const f of [xmile, mdl]) {
      const b = loadModel(f).run({ columns: ['GDP', 'Population'] });
      expect([...b.get('GDP')!]).toEqual([...a.get('GDP')!]);
      expect([...b.get('Population')!]).toEqual([...a.get('Population')!]);
    }
    const vector = join(dir, 'v.mdl');
    writeFileSync(vector, 'x = SAMPLE IF TRUE(Time > 2, x + Time, 0) ~ u ~|\nINITIAL TIME = 0 ~ Year ~|\nFINAL TIME = 4 ~ Year ~|\nTIME STEP = 1 ~ Year ~|\nSAVEPER = 1 ~ Year ~|\n');
    const refused = await run(vector, '--to', 'xmile');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/v\.mdl:1:5: .*SAMPLE IF TRUE whose condition or input reads the variable itself/);
    expect((await run(example, '--to', 'json')).code).toBe(2);
  });
});
