import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';

const CONTROL = (end = 10, dt = 1, saveper = 1) => `INITIAL TIME = 0 ~~|\nFINAL TIME = ${end} ~~|\nTIME STEP = ${dt} ~~|\nSAVEPER = ${saveper} ~~|\n`;

describe('compiled model runs', () => {
  const decay = compileVensim(`S = INTEG(-k * S, 100) ~~|\nk = 0.1 ~ 1/Year [0,1] ~ decay rate |\n${CONTROL(10, 0.5, 1)}`).model;

  it('integrates with Euler as Vensim does and saves at SAVEPER', () => {
    const r = decay.run({ columns: ['S'] });
    expect(Array.from(r.time)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Euler with dt 0.5: S(t) = 100 (1 - 0.05)^(2t)
    expect(r.get('S')![10]).toBeCloseTo(100 * 0.95 ** 20, 10);
  });

  it('RK4 approaches the exact solution much closer than Euler', () => {
    const exact = 100 * Math.exp(-1);
    const euler = decay.run({ columns: ['S'] }).get('S')![10]!;
    const rk4 = decay.run({ columns: ['S'], method: 'rk4' }).get('S')![10]!;
    expect(Math.abs(rk4 - exact)).toBeLessThan(1e-4);
    expect(Math.abs(euler - exact)).toBeGreaterThan(0.1);
  });

  it('takes parameter overrides without recompiling, and lists parameters with ranges', () => {
    expect(decay.parameters.find((p) => p.name === 'k')).toMatchObject({ value: 0.1, range: { min: 0, max: 1 }, doc: 'decay rate' });
    const r = decay.run({ params: { K: 0 }, columns: ['S'] });
    expect(r.get('S')![10]).toBe(100);
  });

  it('overrides a lookup table', () => {
    const m = compileVensim(`y = tbl(Time) ~~|\ntbl((0,0),(10,10)) ~~|\n${CONTROL()}`).model;
    expect(m.run().get('y')![5]).toBe(5);
    expect(m.run({ params: { tbl: { x: [0, 10], y: [0, 20] } } }).get('y')![5]).toBe(10);
    expect(m.run().get('y')![5]).toBe(5); // the override does not leak into later runs
  });

  it('can write a run into the arrays of an earlier result', () => {
    const first = decay.run({ columns: ['S'] });
    const buffer = first.series[0]!.buffer;
    const second = decay.run({ columns: ['S'], params: { k: 0 }, into: first });
    expect(second.series[0]!.buffer).toBe(buffer);
    expect(second.get('S')![10]).toBe(100);
    expect(first.get('S')![10]).toBe(100); // overwritten, as documented
  });

  it('overrides time settings', () => {
    const r = decay.run({ end: 4, saveper: 2, columns: ['S'] });
    expect(Array.from(r.time)).toEqual([0, 2, 4]);
  });

  it('gives the same random run for the same seed, another for another seed', () => {
    const m = compileVensim(`x = RANDOM UNIFORM(0, 1, 0) ~~|\n${CONTROL()}`).model;
    const a = Array.from(m.run({ seed: 5 }).get('x')!);
    expect(Array.from(m.run({ seed: 5 }).get('x')!)).toEqual(a);
    expect(Array.from(m.run({ seed: 6 }).get('x')!)).not.toEqual(a);
  });

  it('evaluates subscripted equations element by element, with SUM over a range', () => {
    const m = compileVensim(`r: a, b, c ~~|\nw[r] = 1, 2, 3 ~~|\ns[r] = INTEG(w[r], 0) ~~|\ntotal = SUM(s[r!]) ~~|\n${CONTROL(2)}`).model;
    const r = m.run();
    expect(r.get('s[b]')![2]).toBe(4);
    expect(r.get('total')![2]).toBe(12);
    expect(r.names).toContain('s[c]');
    expect(m.run({ columns: ['S', 'total'] }).names).toEqual(['s[a]', 's[b]', 's[c]', 'total']);
  });
});
