import { describe, expect, it } from 'vitest';
import { checkModel, close } from './differential.js';
import { generateModel } from './differential-generator.js';

describe('differential comparison', () => {
  it('tolerates round-off only', () => {
    expect(close(1, 1 + 1e-12)).toBe(true);
    expect(close(1e6, 1e6 * (1 + 1e-8))).toBe(false);
    expect(close(NaN, NaN)).toBe(true);
    expect(close(0, 1e-6)).toBe(false);
  });

  it('reports a model whose two runs differ, naming the column and time', () => {
    const text = `s = INTEG(r, 1) ~~|\nr = 0.1 * s ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n`;
    expect(checkModel(0, text)).toBeUndefined();
    const d = checkModel(0, text, text.replace('0.1 * s', '0.1000001 * s'));
    expect(d?.column).toBe('s'); // columns are checked in definition order, s first: it differs from time 1
    expect(d?.time).toBe(1);
  });

  // Engine bug found by the differential tests (known-differences.json, step-pulse-time-plus),
  // fixed in src/sd/run/runtime-lib.ts by Vensim's 'time plus' rule.
  it('STEP and PULSE switch at the first step whose Time + TIME STEP/2 passes the start (Vensim)', () => {
    const text = `x = STEP(1, 1.2) ~~|\ny = PULSE(1.2, 1) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = 0.5 ~~|\nSAVEPER = 0.5 ~~|\n`;
    expect(checkModel(0, text)).toBeUndefined();
  });

  it('generates the same model from the same seed, and different models from different seeds', () => {
    expect(generateModel(7).text).toBe(generateModel(7).text);
    expect(generateModel(7).text).not.toBe(generateModel(8).text);
  });
});
