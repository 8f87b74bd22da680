import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { loadModel } from './load.js';
import { readModelIR } from './read-ir.js';
import { thrownModelError } from '../ir/test-support/thrown.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 10 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

/** Each broken model, the diagnostic code we expect, and where (line, column). */
const CASES: { name: string; text: string; code: string; line: number; column: number; mentions: string; mentionsEs: string }[] = [
  { name: 'truncated file', text: 'Stock = INTEG(inflow, 10) ~~|\ninflow = 2 * (Stock', code: 'E_SYNTAX', line: 2, column: 20, mentions: 'end of the file', mentionsEs: 'se encontró el final del archivo' },
  { name: 'unbalanced parentheses', text: `${CONTROL}x = (1 + 2 ~~|\n`, code: 'E_SYNTAX', line: 5, column: 12, mentions: "')'", mentionsEs: "se esperaba ')' para cerrar el paréntesis" },
  { name: 'unknown function', text: `${CONTROL}x = FROBNICATE(3) ~~|\n`, code: 'E_UNKNOWN_FUNCTION', line: 5, column: 5, mentions: 'FROBNICATE', mentionsEs: "función o tabla (lookup) desconocida 'FROBNICATE'" },
  { name: 'undefined name', text: `${CONTROL}x = y + 1 ~~|\n`, code: 'E_UNDEFINED', line: 5, column: 5, mentions: "'y'", mentionsEs: "'y' no está definida" },
  { name: 'wrong arity', text: `${CONTROL}x = MAX(1, 2, 3) ~~|\n`, code: 'E_ARITY', line: 5, column: 5, mentions: 'MAX takes 1 to 2 arguments but was given 3', mentionsEs: 'MAX admite de 1 a 2 argumentos, pero recibió 3' },
  { name: 'subscript mismatch', text: `${CONTROL}d: a, b ~~|\ne: c, f ~~|\nx[d] = 1 ~~|\ny[e] = x[e] ~~|\n`, code: 'E_DIMENSION', line: 8, column: 10, mentions: 'x', mentionsEs: 'x está definida sobre d, que no tiene el elemento c' },
  // Vensim reference, Mapping of Subscript Ranges: one list entry per element of the mapped range,
  // each an element or sub-range of the map-to range; by position, as many elements on both sides.
  { name: 'mapping list of the wrong length', text: `${CONTROL}A: a1, a2, a3 ~~|\nB: b1, b2 -> (A: a1, a2, a3) ~~|\ny[B] = 1, 2 ~~|\nx[A] = y[B] ~~|\n`, code: 'E_DIMENSION', line: 6, column: 15, mentions: 'lists 3 entries, but B has 2 elements', mentionsEs: 'da 3 entradas, pero B tiene 2 elementos' },
  { name: 'mapping list naming an unknown element', text: `${CONTROL}A: a1, a2 ~~|\nB: b1, b2 -> (A: a1, q9) ~~|\ny[B] = 1, 2 ~~|\nx[A] = y[B] ~~|\n`, code: 'E_DIMENSION', line: 6, column: 22, mentions: 'q9 is not an element of A', mentionsEs: 'q9 no es un elemento de A' },
  { name: 'mapping list with a sub-range of another range', text: `${CONTROL}A: a1, a2 ~~|\nC: c1, c2, c3 ~~|\nSubC: c1, c2 ~~|\nB: b1, b2 -> (A: SubC, a2) ~~|\ny[B] = 1, 2 ~~|\nx[A] = y[B] ~~|\n`, code: 'E_DIMENSION', line: 8, column: 18, mentions: 'SubC has c1, which is not an element of A', mentionsEs: 'SubC tiene c1, que no es un elemento de A' },
  { name: 'mapping by position between ranges of different sizes', text: `${CONTROL}A: a1, a2, a3 ~~|\nB: b1, b2 -> A ~~|\ny[B] = 1, 2 ~~|\nx[A] = y[B] ~~|\n`, code: 'E_DIMENSION', line: 6, column: 14, mentions: 'mapped by position onto A', mentionsEs: 'se mapea por posición sobre A' },
  { name: 'mapping onto an undeclared range', text: `${CONTROL}B: b1, b2 -> Nowhere ~~|\ny[B] = 1, 2 ~~|\n`, code: 'E_DIMENSION', line: 5, column: 14, mentions: 'which is not a subscript range', mentionsEs: 'que no es un rango de subíndices' },
  { name: 'mapping list not closed', text: `${CONTROL}A: a1, a2 ~~|\nB: b1, b2 -> (A: a1, a2 ~~|\ny[B] = 1, 2 ~~|\n`, code: 'E_SYNTAX', line: 6, column: 25, mentions: 'mapping list of A', mentionsEs: 'en la lista de mapeo de A' },
  { name: 'circular definition', text: `${CONTROL}a = b + 1 ~~|\nb = 2 * a ~~|\n`, code: 'E_ALGEBRAIC_LOOP', line: 5, column: 1, mentions: 'a -> b -> a', mentionsEs: 'los valores iniciales forman un bucle sin ningún stock: a -> b -> a' },
  { name: 'missing data file', text: `${CONTROL}x = GET DIRECT CONSTANTS('no-such-file.csv', ',', 'B2') ~~|\n`, code: 'E_DATA', line: 5, column: 5, mentions: 'no-such-file.csv', mentionsEs: 'no-such-file.csv: no se encontró el archivo de datos' },
];

const dir = mkdtempSync(join(tmpdir(), 'igem-bad-'));

describe('broken models give one located diagnostic', () => {
  it.each(CASES)('$name', (c) => {
    const file = join(dir, `${c.name.replace(/\s+/g, '-')}.mdl`);
    writeFileSync(file, c.text);
    const d = thrownModelError(() => loadModel(file)).diagnostics[0]!;
    expect(d.code).toBe(c.code);
    expect(d.loc?.file).toBe(file);
    expect([d.loc?.line, d.loc?.column]).toEqual([c.line, c.column]);
    expect(d.message).toContain(c.mentions);
    // Every code has its Spanish text.
    expect(d.messageEs).toContain(c.mentionsEs);
  });
});

describe('every problem at once', () => {
  it('lists each undefined name and wrong arity with its own location', () => {
    const file = join(dir, 'several.mdl');
    writeFileSync(file, `${CONTROL}x = y + 1 ~~|\nz = MAX(1, 2, 3) ~~|\nw = q ~~|\n`);
    let caught: unknown;
    try {
      loadModel(file);
    } catch (err) {
      caught = err;
    }
    expect((caught as ModelError).diagnostics.map((d) => [d.code, d.loc?.line, d.loc?.column])).toEqual([
      ['E_UNDEFINED', 5, 5],
      ['E_ARITY', 6, 5],
      ['E_UNDEFINED', 7, 5],
    ]);
  });
});

describe('a model file that cannot be read', () => {
  it('a missing file or a folder: E_FILE naming the path as given, in both languages', () => {
    const missing = join(dir, 'no-such-model.mdl');
    const gone = thrownModelError(() => loadModel(missing)).diagnostics[0]!;
    expect([gone.code, gone.message, gone.messageEs]).toEqual(['E_FILE', `cannot read model file ${missing}: no such file`, `no se puede leer el archivo del modelo ${missing}: el archivo no existe`]);
    // Node's EISDIR names no path: the message does.
    for (const read of [() => loadModel(dir), () => readModelIR(dir)]) {
      const folder = thrownModelError(read).diagnostics[0]!;
      expect([folder.code, folder.message, folder.messageEs]).toEqual(['E_FILE', `cannot read model file ${dir}: it is a folder, not a file`, `no se puede leer el archivo del modelo ${dir}: es una carpeta, no un archivo`]);
    }
  });
});

describe('the CLI reports bad input on one line with exit status 2', () => {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const main = join(process.cwd(), 'src', 'cli', 'main.ts');
  it.each(CASES.slice(0, 4))('igem run: $name', (c) => {
    const file = join(dir, `${c.name.replace(/\s+/g, '-')}-cli.mdl`);
    writeFileSync(file, c.text);
    const r = spawnSync(tsx, [main, 'run', file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${file}:${c.line}:${c.column}: error ${c.code}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['run', 'a folder', () => dir, 'it is a folder, not a file'],
    ['convert', 'a missing file', () => join(dir, 'no-such-model.mdl'), 'no such file'],
  ])('igem %s on %s: one line naming it', (command, _what, path, why) => {
    const args = command === 'convert' ? ['convert', path(), '--to', 'xmile'] : ['run', path()];
    const r = spawnSync(tsx, [main, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, IGEM_LANG: 'en' } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`error E_FILE: cannot read model file ${path()}: ${why}`]);
  });

  it('a stock that turns NaN exits 1 naming the variable and the time, and the equation that made the NaN', () => {
    const file = join(dir, 'nan.mdl');
    writeFileSync(file, `${CONTROL}S = INTEG(f, 1) ~~|\nf = 1 / (5 - Time) * 0 + IF THEN ELSE(Time >= 3, 0/0, 0) ~~|\n`);
    const r = spawnSync(tsx, [main, 'run', file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`simulation failed: S became NaN at time 4, after ${file}:6:1: f became NaN at time 3: 0 / 0 (zero divided by zero has no value)`);
  });
});
