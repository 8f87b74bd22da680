import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from './load.js';

describe('--data with a Vensim .dat file', () => {
  it('drives a data variable that has no equation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'igem-dat-'));
    const dat = join(dir, 'history.dat');
    writeFileSync(dat, 'demand\n0 10\n4 30\n');
    const model = 'demand ~~|\ndouble = 2 * demand ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
    const r = loadModel(model, { dataFiles: [dat] }).run();
    expect(Array.from(r.get('double')!)).toEqual([20, 30, 40, 50, 60]);
  });
});
