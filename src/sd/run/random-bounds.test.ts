/**
 * The RANDOM functions truncate every draw to [minimum, maximum] (documentation/fn_random.html):
 * bounds the wrong way round, or a window no draw reaches, stop with a message instead of a value
 * clamped onto a bound.
 */
import { describe, expect, it } from 'vitest';
import { ModelError, SimulationError } from '../ir/diagnostics.js';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const compile = (eq: string) => compileVensim(`${eq}\n${CONTROL}`, { file: 'r.mdl' });

describe('RANDOM bounds', () => {
  it.each(['RANDOM UNIFORM(5, 1, 0)', 'RANDOM NORMAL(5, 1, 3, 1, 0)', 'RANDOM POISSON(5, 1, 2, 0, 1, 0)'])('%s (minimum above maximum) stops the build', (call) => {
    let err: unknown;
    try {
      compile(`x = ${call} ~~|`);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelError);
    const d = (err as ModelError).diagnostics[0]!;
    expect([d.code, d.loc?.line]).toEqual(['E_ARGUMENT', 1]);
    expect(d.message).toMatch(/^x: the minimum of RANDOM \w+ \(5\) is above its maximum \(1\)/);
  });

  it('bounds that cross during the run stop the run', () => {
    expect(() => compile('x = RANDOM UNIFORM(Time, 1, 0) ~~|').model.run()).toThrow(SimulationError);
    expect(() => compile('x = RANDOM UNIFORM(Time, 1, 0) ~~|').model.run()).toThrow(/the minimum of RANDOM UNIFORM \(2\) is above its maximum \(1\)/);
  });

  it('a window no draw reaches stops the run instead of piling values on a bound', () => {
    // A normal of mean 0 and sd 1 almost never falls in [50, 51].
    expect(() => compile('x = RANDOM NORMAL(50, 51, 0, 1, 0) ~~|').model.run()).toThrow(/no draw of a RANDOM function fell between its minimum 50 and maximum 51 in 1,000 tries/);
  });

  it('draws within ordinary bounds', () => {
    const v = Array.from(compile('x = RANDOM NORMAL(-1, 1, 0, 1, 0) ~~|').model.run().get('x')!);
    for (const x of v) expect(Math.abs(x)).toBeLessThanOrEqual(1);
  });
});
