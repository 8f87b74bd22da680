import { describe, expect, it } from 'vitest';
import { compileVensim } from '../../sd/run/engine.js';
import { localEvaluator, type RunOutput } from './ensemble.js';

describe('each run of an ensemble draws from its own seed', () => {
  const { model } = compileVensim('x = RANDOM UNIFORM(0, 1, 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n');
  const evaluate = async (seeds: number[]) => {
    const out: RunOutput[] = [];
    // Copied: the evaluator writes the next run into the same arrays.
    await localEvaluator(model)({ columns: ['x'], runOptions: {}, jobs: seeds.map((seed, index) => ({ index, params: {}, seed })) }, (o) => out.push({ ...o, values: o.values.map((v) => v.slice()) }));
    return out.sort((a, b) => a.index - b.index).map((o) => Array.from(o.values[0]!));
  };

  it('gives different random streams to different seeds and the same stream to the same seed', async () => {
    const [a, b, c] = await evaluate([11, 12, 11]);
    expect(a).not.toEqual(b);
    expect(a).toEqual(c);
  });
});
