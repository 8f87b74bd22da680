/**
 * A stock that turns NaN stops the run at the first save point where it is NaN, naming it; stocks
 * that are infinite (of both signs, whose sum is NaN) but none NaN let the run finish.
 */
import { describe, expect, it } from 'vitest';
import { SimulationError } from '../ir/diagnostics.js';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 6 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const model = (eqs: string) => compileVensim(`${eqs}\n${CONTROL}`).model;

describe('stocks checked for NaN at each save point', () => {
  it('names the first NaN stock in the model order and the time', () => {
    // s[e3] is 0/0 from time 3 on (its rate is NaN at time 2); the other elements stay finite.
    const m = model('dim: e1, e2, e3, e4, e5 ~~|\nrate[dim] = IF THEN ELSE(Time >= 2 :AND: dim = 3, 0 / 0, 1) ~~|\ns[dim] = INTEG(rate[dim], 0) ~~|\nplain = INTEG(1, 0) ~~|');
    let err: unknown;
    try {
      m.run();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SimulationError);
    expect((err as Error).message).toBe('s[e3] became NaN at time 3, after <model>:2:1: rate[e3] became NaN at time 2: 0 / 0 (zero divided by zero has no value)');
  });

  it('lets a run with stocks at +∞ and -∞ (and no NaN) finish', () => {
    const m = model('up = INTEG(up * 1e300 + 1e300, 1) ~~|\ndown = INTEG(down * 1e300 - 1e300, -1) ~~|\nfinite[dim] = INTEG(1, 0) ~~|\ndim: a, b, c ~~|');
    const r = m.run();
    expect(r.get('up')![6]).toBe(Infinity);
    expect(r.get('down')![6]).toBe(-Infinity);
    expect(r.get('finite[c]')![6]).toBe(6);
  });

  it('keeps going past NaN stocks with allowNaN', () => {
    const m = compileVensim(`s = INTEG(IF THEN ELSE(Time >= 2, 0 / 0, 1), 0) ~~|\n${CONTROL}`, { allowNaN: true }).model;
    expect(Number.isNaN(m.run().get('s')![6])).toBe(true);
  });
});
