/** Atomic output files: written whole, and a failure names the output path and leaves nothing behind. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../sd/ir/diagnostics.js';
import { writeFileAtomic } from './output-writers.js';

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
