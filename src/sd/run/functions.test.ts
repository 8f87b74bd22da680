import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const run = (eqs: string) => compileVensim(`${eqs}\n${CONTROL}`).model.run();

describe('built-in functions', () => {
  it('LOOKUP EXTRAPOLATE/FORWARD/BACKWARD/INVERT', () => {
    const r = run('t((0,0),(1,10),(2,30)) ~~|\nx = LOOKUP EXTRAPOLATE(t, 3) ~~|\nf = LOOKUP FORWARD(t, 0.5) ~~|\nb = LOOKUP BACKWARD(t, 1.5) ~~|\ni = LOOKUP INVERT(t, 20) ~~|\nplain = t(3) ~~|');
    expect(r.get('x')![0]).toBe(50); // extends the last segment's slope (20 per unit)
    expect(r.get('plain')![0]).toBe(30); // an ordinary lookup holds its end value
    expect(r.get('f')![0]).toBe(10);
    expect(r.get('b')![0]).toBe(10);
    expect(r.get('i')![0]).toBe(1.5);
  });

  it('NPV discounts a stream as in Vensim\'s reference equations', () => {
    // stream 1, rate 0.1, dt 1: df = 1, 1/1.1, 1/1.1^2 …; accum adds stream*df each step;
    // NPV = (accum + stream*dt*df) * factor.
    const r = run('n = NPV(1, 0.1, 0, 1) ~~|');
    const expected = [0, 1, 2, 3, 4].map((t) => {
      let accum = 0;
      for (let k = 0; k < t; k++) accum += 1 / 1.1 ** k;
      return accum + 1 / 1.1 ** t;
    });
    Array.from(r.get('n')!).forEach((v, t) => expect(v).toBeCloseTo(expected[t]!, 12));
  });

  it('VECTOR ELM MAP picks an element at an offset from the one referenced', () => {
    const r = run('d: a1, a2, a3 ~~|\nv[d] = 10, 20, 30 ~~|\nm[d] = VECTOR ELM MAP(v[a1], d - 1) ~~|');
    expect([r.get('m[a1]')![0], r.get('m[a2]')![0], r.get('m[a3]')![0]]).toEqual([10, 20, 30]);
  });

  it('QUANTUM, INTEGER, MODULO, POWER, XIDZ, ZIDZ, PULSE TRAIN, RAMP', () => {
    const r = run('q = QUANTUM(7.9, 2) ~~|\ni = INTEGER(-2.5) ~~|\nm = MODULO(7, 3) ~~|\np = POWER(2, 10) ~~|\nx = XIDZ(1, 0, 9) ~~|\nz = ZIDZ(1, 0) ~~|\npt = PULSE TRAIN(1, 1, 2, 4) ~~|\nr = RAMP(2, 1, 3) ~~|');
    expect([r.get('q')![0], r.get('i')![0], r.get('m')![0], r.get('p')![0], r.get('x')![0], r.get('z')![0]]).toEqual([6, -2, 1, 1024, 9, 0]);
    expect(Array.from(r.get('pt')!)).toEqual([0, 1, 0, 1, 0]);
    expect(Array.from(r.get('r')!)).toEqual([0, 0, 2, 4, 4]);
  });

  it('SAMPLE IF TRUE holds its value until the condition is true again', () => {
    const r = run('s = SAMPLE IF TRUE(MODULO(Time, 2) = 0, Time * 10, -1) ~~|');
    expect(Array.from(r.get('s')!)).toEqual([0, 0, 20, 20, 40]);
  });

  it('DELAY FIXED returns its initial value for the delay, then the input shifted', () => {
    const r = run('d = DELAY FIXED(Time, 2, 99) ~~|');
    expect(Array.from(r.get('d')!)).toEqual([99, 99, 0, 1, 2]);
  });
});
