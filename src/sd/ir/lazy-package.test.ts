import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyPackage, providePackage } from './lazy-package.js';
import { loadModel } from '../node/load.js';
import { xlsxBytes } from '../data/workbook-write.js';

const dir = mkdtempSync(join(tmpdir(), 'igem-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LAZY = ['fast-xml-parser', 'fflate', 'pure-rand', '@e965/xlsx'];

/**
 * Runs `body` in a fresh Node process on the sources (tsx), with a loader hook that lists every
 * ES module it imports; CommonJS packages required later show in `require.cache`. Prints JSON.
 */
function inFreshProcess(body: string): { esm: string[]; cjs: string[]; out: Record<string, unknown> } {
  const hook = join(dir, 'hook.mjs');
  writeFileSync(hook, "export async function load(u, c, n) { if (u.includes('/node_modules/')) process.stderr.write('ESM ' + u + '\\n'); return n(u, c); }\n");
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
  const script = join(dir, `script-${Math.random().toString(36).slice(2)}.ts`);
  const load = pathToFileURL(join(process.cwd(), 'src/sd/node/load.ts')).href;
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';\nimport { loadModel } from ${JSON.stringify(load)};\nconst out: Record<string, unknown> = {};\n${body}\n` +
      `const cjs = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/node_modules/'));\nconsole.log(JSON.stringify({ out, cjs }));\n`,
  );
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(register).href, script], { encoding: 'utf8', cwd: process.cwd(), timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  const esm = r.stderr.split('\n').filter((l) => l.startsWith('ESM ')).map((l) => l.slice(4));
  const { out, cjs } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { out: Record<string, unknown>; cjs: string[] };
  return { esm, cjs, out };
}

const loaded = (paths: string[], pkg: string) => paths.some((p) => p.includes(`/node_modules/${pkg}/`));

const MDL = 'stock = INTEG(inflow, 1)\n~ u\n~ |\ninflow = 0.1 * stock\n~ u/Year\n~ |\nINITIAL TIME = 0\n~ Year\n~ |\nFINAL TIME = 10\n~ Year\n~ |\nTIME STEP = 1\n~ Year\n~ |\nSAVEPER = 1\n~ Year\n~ |\n';

describe('packages only some models need are loaded at their first use', () => {
  it('compiling and running a plain .mdl model loads none of them; a workbook with plain number formats none, XMILE and RANDOM load theirs, with the same values and located errors', () => {
    const mdl = join(dir, 'plain.mdl');
    writeFileSync(mdl, MDL);
    const random = join(dir, 'random.mdl');
    writeFileSync(random, MDL.replace('inflow = 0.1 * stock', 'inflow = RANDOM UNIFORM(0, 1, 1) * stock'));
    writeFileSync(join(dir, 'data.xlsx'), xlsxBytes([{ name: 'Inputs', rows: [['name', 'value'], ['rate', 0.25]] }]));
    const sheet = join(dir, 'sheet.mdl');
    writeFileSync(sheet, MDL.replace('inflow = 0.1 * stock', "inflow = rate * stock\n~ u/Year\n~ |\nrate = GET DIRECT CONSTANTS('data.xlsx', 'Inputs', 'B2')"));
    const noSheet = join(dir, 'no-sheet.mdl');
    writeFileSync(noSheet, MDL.replace('inflow = 0.1 * stock', "inflow = rate * stock\n~ u/Year\n~ |\nrate = GET DIRECT CONSTANTS('data.xlsx', 'Missing', 'B2')"));
    const bad = join(dir, 'bad.xmile');
    writeFileSync(bad, '<xmile version="1.0">\n  <model>\n    <variables>\n  </model>\n</xmile>\n');
    const r = inFreshProcess(`
out.plain = loadModel(${JSON.stringify(mdl)}).run().get('stock')!.at(-1);
out.afterPlain = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/node_modules/'));
try { loadModel(${JSON.stringify(bad)}); out.xml = 'no error'; } catch (e) { out.xml = (e as Error).message; out.xmlLoc = (e as { diagnostics?: { loc?: unknown }[] }).diagnostics?.[0]?.loc; }
out.sheet = loadModel(${JSON.stringify(sheet)}).run().get('stock')!.at(-1);
try { loadModel(${JSON.stringify(noSheet)}); out.noSheet = 'no error'; } catch (e) { out.noSheet = (e as Error).message; }
out.random = Array.from(loadModel(${JSON.stringify(random)}).run({ seed: 7 }).get('inflow')!);
`);
    expect(r.out.plain).toBeCloseTo(1.1 ** 10, 9);
    // Neither imported with the engine nor required by the plain model; required at their first use.
    for (const p of LAZY) {
      expect(loaded(r.esm, p), `${p} imported as an ES module`).toBe(false);
      expect(loaded(r.out.afterPlain as string[], p), `${p} required by a plain .mdl model`).toBe(false);
    }
    expect(loaded(r.cjs, 'fast-xml-parser')).toBe(true);
    expect(loaded(r.cjs, 'pure-rand')).toBe(true);
    // The direct reader reads the workbook, and its number formats are plain (plain-number-format.ts):
    // SheetJS, once loaded for their date test, is not needed at all.
    expect(loaded(r.cjs, '@e965/xlsx')).toBe(false);
    // The workbook reader, loaded at the first workbook, reads the value and still names the model line and the file.
    expect(r.out.sheet).toBeCloseTo(1.25 ** 10, 9);
    expect(String(r.out.noSheet)).toMatch(/no-sheet\.mdl:\d+:\d+: error E_DATA: .*data\.xlsx/);
    // The parser loaded at the first XMILE file still names the line and column of the bad XML.
    expect(String(r.out.xml)).toMatch(/bad\.xmile:\d+:\d+/);
    expect(r.out.xmlLoc).toMatchObject({ file: expect.stringContaining('bad.xmile'), line: expect.any(Number), column: expect.any(Number) });
    // RANDOM draws what the ES module build of pure-rand (imported before this change) gives for the seed.
    return import('pure-rand').then((esm) => {
      providePackage('pure-rand', esm);
      const fromEsm = Array.from(loadModel(random).run({ seed: 7 }).get('inflow')!);
      expect(fromEsm).toHaveLength(11);
      expect(r.out.random).toEqual(fromEsm);
    });
  }, 90_000);

  it('a package handed over with providePackage is used instead of loading one', () => {
    const fake = { marker: 1 };
    providePackage('igem-no-such-package', fake);
    expect(lazyPackage('igem-no-such-package')()).toBe(fake);
  });
});
