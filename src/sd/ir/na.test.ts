/** Vensim's :NA: as na.html gives it: the finite number −2^109, which the data-existence idiom can test. */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../node/load.js';
import { VENSIM_NA, isVensimNA } from './na.js';

const model = (eqs: string) =>
  loadModel(`${eqs}
INITIAL TIME = 0 ~~|
FINAL TIME = 3 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
`);

describe(':NA:', () => {
  it('is −2^109 = −6.490371073168535e32, a finite number', () => {
    expect(VENSIM_NA).toBe(-6.490371073168535e32);
    expect(Number.isFinite(VENSIM_NA)).toBe(true);
    expect(isVensimNA(VENSIM_NA + 1)).toBe(true);
    expect(isVensimNA(VENSIM_NA * 2)).toBe(false);
  });

  it('is the value an equation gets from :NA:, and x = :NA: tests for it (na.html)', () => {
    const r = model(`x = IF THEN ELSE(Time > 1, :NA:, Time) ~~|
missing = IF THEN ELSE(x = :NA:, 1, 0) ~~|
doubled = x * 2 ~~|`).run();
    const get = (n: string) => Array.from(r.series[r.names.indexOf(n)]!);
    expect(get('x')).toEqual([0, 1, VENSIM_NA, VENSIM_NA]);
    expect(get('missing')).toEqual([0, 0, 1, 1]);
    expect(get('doubled')).toEqual([0, 2, -(2 ** 110), -(2 ** 110)]);
  });
});
