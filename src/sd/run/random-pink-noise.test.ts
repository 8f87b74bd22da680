/**
 * RANDOM PINK NOISE is computed only with a standard deviation of 0 (its mean, as Earth4All uses
 * it): the engine used to draw white noise otherwise, ignoring the correlation time.
 */
import { describe, expect, it } from 'vitest';
import { ModelError, SimulationError } from '../ir/diagnostics.js';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const model = (sd: string) => `sd = ${sd} ~~|\nx = RANDOM PINK NOISE(5, sd, 2, 1) ~~|\n${CONTROL}`;

describe('RANDOM PINK NOISE', () => {
  it('is its mean with a standard deviation of 0', () => {
    expect(Array.from(compileVensim(model('0')).model.run().get('x')!)).toEqual([5, 5, 5, 5]);
  });

  it('with another standard deviation stops the build at that argument', () => {
    let err: unknown;
    try {
      compileVensim(model('0.01'), { file: 'p.mdl' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelError);
    const d = (err as ModelError).diagnostics[0]!;
    expect([d.code, d.loc?.line, d.loc?.column]).toEqual(['E_UNSUPPORTED', 2, 26]);
    expect(d.message).toMatch(/^x: RANDOM PINK NOISE is supported only with a constant standard deviation of 0/);
  });

  it('a run that sets the standard deviation to another value stops instead of drawing white noise', () => {
    const { model: m } = compileVensim(model('0'));
    expect(() => m.run({ params: { sd: 0.01 } })).toThrow(SimulationError);
    expect(() => m.run({ params: { sd: 0.01 } })).toThrow(/RANDOM PINK NOISE is supported only with a standard deviation of 0 \(it is 0\.01\)/);
  });
});
