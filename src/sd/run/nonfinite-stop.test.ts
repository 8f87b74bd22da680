/**
 * A run that stops on a NaN stock names the root cause among the equations the stock depends on,
 * found by the probe that explains non-finite saved values (nonfinite-probe.ts): a call outside
 * its domain (Vensim's fn_ln and fn_log pages: LN or LOG of a number ≤ 0 is an error; SQRT of a
 * negative number has no real value), a division by zero, an overflow; with the variable, its file
 * position, the time and the operation.
 */
import { describe, expect, it } from 'vitest';
import { SimulationError } from '../ir/diagnostics.js';
import { compileVensim } from './engine.js';
import type { IntegrationMethod } from './types.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 6 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

function failure(eqs: string, columns?: string[], method?: IntegrationMethod): SimulationError {
  const m = compileVensim(`${eqs}\n${CONTROL}`, { file: 'm.mdl' }).model;
  try {
    m.run({ ...(columns ? { columns } : {}), ...(method ? { method } : {}) });
  } catch (e) {
    if (e instanceof SimulationError) return e;
    throw e;
  }
  throw new Error('the run did not fail');
}

describe('a NaN stock names the root cause of its NaN', () => {
  it('LN of 0: the variable, its line, its value, the time of the call, in English and Spanish', () => {
    // s is 0 at time 2: x = LN(0) = -∞, so p = -∞ at 3; x = LN(-1) is NaN at 3, p NaN at 4.
    const e = failure('s = INTEG(-1, 2) ~~|\nx = LN(s) ~~|\np = INTEG(x, 0) ~~|');
    expect(e.message).toBe('p became NaN at time 4, after m.mdl:2:1: x became -∞ at time 2: LN of 0 (LN of 0 or of a negative number is not defined)');
    expect(e.messageEs).toBe('p se volvió NaN en el tiempo 4, después de que m.mdl:2:1: x se volvió -∞ en el tiempo 2: LN de 0 (el LN de 0 o de un número negativo no está definido)');
    expect(e.variable).toBe('x');
    expect(e.time).toBe(2);
  });

  it('LOG of a negative number inside a stock\'s own rate, in an array element: the stock\'s own place and its rate\'s time', () => {
    const e = failure('d: d1, d2 ~~|\nk[d] = 3, -1 ~~|\nq[d] = INTEG(LOG(k[d] + Time, 10), 0) ~~|');
    expect(e.message).toBe('m.mdl:3:1: q[d2] became NaN at time 1: in its rate at time 0, LOG of -1 in base 10 (LOG of 0 or of a negative number, or in a base ≤ 0 or 1, is not defined)');
    expect(e.messageEs).toBe('m.mdl:3:1: q[d2] se volvió NaN en el tiempo 1: en su flujo en el tiempo 0, LOG de -1 en base 10 (el LOG de 0 o de un número negativo, o en una base ≤ 0 o 1, no está definido)');
    expect([e.variable, e.time]).toEqual(['q[d2]', 1]);
  });

  it('SQRT of a negative number in an initial value', () => {
    const e = failure('a = -4 ~~|\nz = INTEG(1, SQRT(a)) ~~|');
    expect(e.message).toBe('m.mdl:2:1: z became NaN at time 0: in its initial value, SQRT of -4 (SQRT of a negative number is not defined)');
    expect(e.messageEs).toBe('m.mdl:2:1: z se volvió NaN en el tiempo 0: en su valor inicial, SQRT de -4 (la SQRT de un número negativo no está definida)');
  });

  it('a branch IF THEN ELSE does not take is not blamed; a 0 / 0 beside it is', () => {
    const e = failure('s = INTEG(-1, 2) ~~|\nx = IF THEN ELSE(s > 0, LN(s), 0) ~~|\nbad = IF THEN ELSE(Time >= 3, 0 / 0, 1) ~~|\np = INTEG(x + bad, 0) ~~|');
    expect(e.message).toBe('p became NaN at time 4, after m.mdl:3:1: bad became NaN at time 3: 0 / 0 (zero divided by zero has no value)');
    expect([e.variable, e.time]).toEqual(['bad', 3]);
  });

  it('an LN outside what the NaN stock depends on is not blamed', () => {
    const e = failure('other = LN(0) ~~|\nkept = INTEG(other, 0) ~~|\np = INTEG(IF THEN ELSE(Time >= 3, 0 / 0, 1), 0) ~~|');
    expect(e.message).toBe('m.mdl:3:1: p became NaN at time 4: in its rate at time 3, 0 / 0 (zero divided by zero has no value)');
  });

  it('a stock that overflows to +∞ and then turns NaN: the overflow, at the step it happened', () => {
    // up is +∞ at time 2; then its rate is ∞ × 1e300 − ∞ = NaN and up NaN at 3.
    const e = failure('up = INTEG(up * 1e300 - 1e300 * (Time >= 2) * up, 1) ~~|');
    expect(e.message).toBe('up became NaN at time 3, after m.mdl:1:1: up became +∞ at time 2: in its rate at time 1, 1e+300 * 1e+300 is beyond the largest number, about ±1.8e308 (overflow)');
    expect(e.messageEs).toContain('después de que m.mdl:1:1: up se volvió +∞ en el tiempo 2: en su flujo en el tiempo 1, ');
  });

  it('a run of some columns finds the cause in their own program', () => {
    const e = failure('s = INTEG(-1, 2) ~~|\nx = LN(s) ~~|\np = INTEG(x, 0) ~~|\nq = INTEG(1, 0) ~~|', ['p']);
    expect(e.message).toContain('x became -∞ at time 2: LN of 0');
  });

  it('a streamed run that stops names the same cause', () => {
    const m = compileVensim(`s = INTEG(-1, 2) ~~|\nx = LN(s) ~~|\np = INTEG(x, 0) ~~|\n${CONTROL}`, { file: 'm.mdl' }).model;
    expect(() => m.stream({ begin() {}, rows() {} }, { blockRows: 1 })).toThrow('p became NaN at time 4, after m.mdl:2:1: x became -∞ at time 2: LN of 0');
  });

  it('under Runge-Kutta, a cause at a stage is named by its time step, in both languages', () => {
    // s is 0.5 at time 1; RK2's stage at time 2 takes s = 0.5 - 1 = -0.5, a value the run never saves.
    const e = failure('s = INTEG(-1, 1.5) ~~|\nx = LN(s) ~~|\np = INTEG(x, 0) ~~|', undefined, 'rk2');
    expect(e.message).toBe('p became NaN at time 2, after m.mdl:2:1: x became NaN during the step from 1 to 2: LN of -0.5 (LN of 0 or of a negative number is not defined)');
    expect(e.messageEs).toBe('p se volvió NaN en el tiempo 2, después de que m.mdl:2:1: x se volvió NaN durante el paso de 1 a 2: LN de -0.5 (el LN de 0 o de un número negativo no está definido)');
    expect([e.variable, e.time]).toEqual(['x', 1]);
  });
});
