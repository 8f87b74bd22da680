/** Atomic output files: written whole, and a failure names the output path and leaves nothing behind. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../sd/ir/diagnostics.js';
import { VENSIM_NA } from '../sd/ir/na.js';
import type { RunResult } from '../sd/run/types.js';
import { formatJson, formatTable, writeFileAtomic } from './output-writers.js';

describe('writeFileAtomic', () => {
  it('writes the whole text under the final name, with no temporary file left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-out-'));
    writeFileAtomic(join(dir, 'a.csv'), 'x,y\n1,2\n');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('x,y\n1,2\n');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('a folder that does not exist is an InputError naming the output path, not the temporary one', () => {
    const path = join(tmpdir(), 'igem-no-such-folder-xyz', 'out.md');
    try {
      writeFileAtomic(path, 'text');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toBe(`${path}: cannot write output (ENOENT)`);
    }
  });
});

describe(':NA: in written results', () => {
  const x = Float64Array.from([1, VENSIM_NA, 2 * VENSIM_NA]);
  const r: RunResult = { names: ['x'], time: Float64Array.from([0, 1, 2]), series: [x], get: (n) => (n === 'x' ? x : undefined) };
  it('is an empty cell in a table, as in Vensim\'s tables; another number near it is written', () => {
    expect(formatTable(r, ',')).toBe(`Time,x\n0,1\n1,\n2,${2 * VENSIM_NA}\n`);
  });
  it('is null in JSON', () => {
    expect((JSON.parse(formatJson(r)) as { series: { x: unknown[] } }).series.x).toEqual([1, null, 2 * VENSIM_NA]);
  });
});
