/**
 * A run that stops on a NaN stock names the cause when it is a call outside its function's domain
 * (Vensim's fn_ln and fn_log pages: LN or LOG of a number ≤ 0 is an error; SQRT of a negative number
 * has no real value): the variable, its file position, the time and the call.
 */
import { describe, expect, it } from 'vitest';
import { SimulationError } from '../ir/diagnostics.js';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 6 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

function failure(eqs: string, columns?: string[]): SimulationError {
  const m = compileVensim(`${eqs}\n${CONTROL}`, { file: 'm.mdl' }).model;
  try {
    m.run(columns ? { columns } : {});
  } catch (e) {
    if (e instanceof SimulationError) return e;
    throw e;
  }
  throw new Error('the run did not fail');
}

describe('a NaN stock names the first call outside its domain', () => {
  it('LN of 0: the variable, its line, the time of the call, in English and Spanish', () => {
    // s is 0 at time 2: x = LN(0) = -∞, so p = -∞ at 3; x = LN(-1) is NaN at 3, p NaN at 4.
    const e = failure('s = INTEG(-1, 2) ~~|\nx = LN(s) ~~|\np = INTEG(x, 0) ~~|');
    expect(e.message).toBe('p became NaN at time 4, after m.mdl:2:1: x at time 2 took LN of 0 (LN of 0 or of a negative number is not defined)');
    expect(e.messageEs).toBe('p se volvió NaN en el tiempo 4, después de que m.mdl:2:1: x en el tiempo 2 tomó LN de 0 (el LN de 0 o de un número negativo no está definido)');
    expect(e.variable).toBe('x');
    expect(e.time).toBe(2);
  });

  it('LOG of a negative number inside a stock\'s own rate, in an array element', () => {
    const e = failure('d: d1, d2 ~~|\nk[d] = 3, -1 ~~|\nq[d] = INTEG(LOG(k[d] + Time, 10), 0) ~~|');
    expect(e.message).toBe('q[d2] became NaN at time 1, after m.mdl:3:1: q[d2] at time 0 took LOG of -1 in base 10 (LOG of 0 or of a negative number, or in a base ≤ 0 or 1, is not defined)');
  });

  it('SQRT of a negative number in an initial value', () => {
    const e = failure('a = -4 ~~|\nz = INTEG(1, SQRT(a)) ~~|');
    expect(e.message).toBe('z became NaN at time 0, after m.mdl:2:1: z at time 0 took SQRT of -4 (SQRT of a negative number is not defined)');
  });

  it('a branch IF THEN ELSE does not take is not blamed; a NaN of another cause keeps the plain message', () => {
    const e = failure('s = INTEG(-1, 2) ~~|\nx = IF THEN ELSE(s > 0, LN(s), 0) ~~|\nbad = IF THEN ELSE(Time >= 3, 0 / 0, 1) ~~|\np = INTEG(x + bad, 0) ~~|');
    expect(e.message).toBe('p became NaN at time 4');
  });

  it('an LN outside what the NaN stock depends on is not blamed', () => {
    const e = failure('other = LN(0) ~~|\nkept = INTEG(other, 0) ~~|\np = INTEG(IF THEN ELSE(Time >= 3, 0 / 0, 1), 0) ~~|');
    expect(e.message).toBe('p became NaN at time 4');
  });

  it('a run of some columns finds the cause in their own program', () => {
    const e = failure('s = INTEG(-1, 2) ~~|\nx = LN(s) ~~|\np = INTEG(x, 0) ~~|\nq = INTEG(1, 0) ~~|', ['p']);
    expect(e.message).toContain('x at time 2 took LN of 0');
  });
});
