import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { runReference } from './interpreter.js';

const CONTROL = (end: number, dt = 1, saveper = dt) =>
  `INITIAL TIME = 0 ~~|\nFINAL TIME = ${end} ~~|\nTIME STEP = ${dt} ~~|\nSAVEPER = ${saveper} ~~|\n`;
const run = (text: string) => runReference(readVensim(text));
const col = (text: string, name: string) => run(text).columns.get(name);

// Expected values below are worked by hand from the Vensim function reference, not from any engine.
describe('reference interpreter', () => {
  it('integrates stocks with Euler and saves at SAVEPER', () => {
    const r = run(`s = INTEG(-0.5 * s, 8) ~~|\n${CONTROL(4, 1, 2)}`);
    expect(r.time).toEqual([0, 2, 4]);
    expect(r.columns.get('s')).toEqual([8, 2, 0.5]);
  });

  it('SMOOTH is a first-order stock starting at its input', () => {
    expect(col(`x = SMOOTH(STEP(10, 1), 2) ~~|\n${CONTROL(3)}`, 'x')).toEqual([0, 0, 5, 7.5]);
    expect(col(`x = SMOOTHI(10, 2, 4) ~~|\n${CONTROL(2)}`, 'x')).toEqual([4, 7, 8.5]);
  });

  it('SMOOTH3 moves through three stages of delay/3', () => {
    // Stages (0,0,0) until the input becomes 3 at time 1; with stage time 1 each stage takes the
    // previous one's value a step later: (3,0,0) at 2, (3,3,0) at 3, (3,3,3) at 4.
    expect(col(`x = SMOOTH3(STEP(3, 1), 3) ~~|\n${CONTROL(4)}`, 'x')).toEqual([0, 0, 0, 0, 3]);
  });

  it('DELAY1 and DELAY3 start in equilibrium with their input', () => {
    expect(col(`x = DELAY1(5, 4) ~~|\n${CONTROL(3)}`, 'x')).toEqual([5, 5, 5, 5]);
    expect(col(`x = DELAY3(5, 3) ~~|\n${CONTROL(3)}`, 'x')).toEqual([5, 5, 5, 5]);
    // DELAY1 of a step 0 → 4 with delay 2: level 0, then +4, then +4 − 2 = 6: output 0, 0, 2, 3.
    expect(col(`x = DELAY1(STEP(4, 1), 2) ~~|\n${CONTROL(3)}`, 'x')).toEqual([0, 0, 2, 3]);
  });

  it('DELAY FIXED is a pipeline holding the initial value for the delay time', () => {
    expect(col(`x = DELAY FIXED(Time, 1, -1) ~~|\n${CONTROL(2, 0.5)}`, 'x')).toEqual([-1, -1, 0, 0.5, 1]);
  });

  it('STEP, RAMP and PULSE switch at their times (PULSE width 0 is one TIME STEP)', () => {
    expect(col(`x = STEP(2, 1) ~~|\n${CONTROL(2)}`, 'x')).toEqual([0, 2, 2]);
    expect(col(`x = RAMP(2, 1, 3) ~~|\n${CONTROL(4)}`, 'x')).toEqual([0, 0, 2, 4, 4]);
    expect(col(`x = PULSE(1, 0) ~~|\n${CONTROL(2, 0.5)}`, 'x')).toEqual([0, 0, 1, 0, 0]);
    expect(col(`x = PULSE(1, 1) ~~|\n${CONTROL(2, 0.5)}`, 'x')).toEqual([0, 0, 1, 1, 0]);
  });

  it('lookups interpolate linearly and hold their end values', () => {
    const text = `t((0,0),(2,4),(4,0)) ~~|\nx = t(Time - 1) ~~|\n${CONTROL(6)}`;
    expect(col(text, 'x')).toEqual([0, 0, 2, 4, 2, 0, 0]);
  });

  it('evaluates arrays per element, per sub-range and with SUM/VMIN/VMAX over dim!', () => {
    const text = `d: a1, a2, a3 ~~|\nsub: a1, a2 ~~|\ne: b1, b2 ~~|\nc[d] = 1, 2, 3 ~~|\nm[d, e] = 1, 2; 3, 4; 5, 6 ~~|
y[sub] = c[sub] * 10 ~~|\ny[a3] = SUM(c[d!]) ~~|\nz[e] = SUM(m[d!, e]) ~~|\nlo = VMIN(c[d!]) ~~|\nhi = VMAX(m[a2, e!]) ~~|\n${CONTROL(0)}`;
    const r = run(text);
    expect([1, 2, 3].map((i) => r.columns.get(`y[a${i}]`)![0])).toEqual([10, 20, 6]);
    expect(r.columns.get('z[b1]')).toEqual([9]);
    expect(r.columns.get('z[b2]')).toEqual([12]);
    expect(r.columns.get('lo')).toEqual([1]);
    expect(r.columns.get('hi')).toEqual([4]);
  });

  it('keeps a stateful call inside an untaken branch running from the start', () => {
    // The SMOOTH starts at 0 at time 0 and moves towards 8 even while the IF picks the other branch.
    expect(col(`x = IF THEN ELSE(Time >= 2, SMOOTH(STEP(8, 1), 1), -1) ~~|\n${CONTROL(2)}`, 'x')).toEqual([-1, -1, 8]);
  });

  it('rejects simultaneous equations and what it does not implement', () => {
    expect(() => run(`a = b ~~|\nb = a ~~|\n${CONTROL(1)}`)).toThrow(/simultaneous/);
    expect(() => run(`a = RANDOM UNIFORM(0, 1, 0) ~~|\n${CONTROL(1)}`)).toThrow(/not supported/);
  });
});

describe('reference interpreter, switch times between steps', () => {
  it('STEP and PULSE use time plus = Time + TIME STEP/2; RAMP uses Time', () => {
    const c = CONTROL(3, 0.5);
    expect(col(`x = STEP(1, 1.2) ~~|\n${c}`, 'x')).toEqual([0, 0, 1, 1, 1, 1, 1]);
    expect(col(`x = PULSE(1.2, 1) ~~|\n${c}`, 'x')).toEqual([0, 0, 1, 1, 0, 0, 0]);
    expect(col(`x = RAMP(1, 1.2, 2.2) ~~|\n${c}`, 'x')?.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 0, 0, 0.3, 0.8, 1, 1]);
  });
});

describe('reference interpreter, macros', () => {
  it('gives each macro call its own locals and stocks', () => {
    const text = `:MACRO: EXPSMOOTH(input, tau)\nEXPSMOOTH = INTEG((input - EXPSMOOTH) / tau, input) ~~|\n:END OF MACRO:
:MACRO: HALFGAP(input, target)\nHALFGAP = gap / 2 ~~|\ngap = target - input ~~|\n:END OF MACRO:
a = EXPSMOOTH(STEP(10, 1), 2) ~~|\nb = EXPSMOOTH(4, 1) ~~|\nc = HALFGAP(1, Time) ~~|\n${CONTROL(3)}`;
    const r = run(text);
    expect(r.columns.get('a')).toEqual([0, 0, 5, 7.5]);
    expect(r.columns.get('b')).toEqual([4, 4, 4, 4]);
    expect(r.columns.get('c')).toEqual([-0.5, 0, 0.5, 1]);
  });
});

// Vensim reference, "Mapping of Subscript Ranges" (ref_subscript_mapping): the mapped range stands
// on the right of an equation whose left has the map-to range.
describe('reference interpreter, subscript mappings', () => {
  const over = (r: ReturnType<typeof run>, v: string, els: string[]) => els.map((e) => r.columns.get(`${v}[${e}]`)?.[0]);

  it('maps by position, by a permuted list, and a sub-range entry to all of its elements', () => {
    const text = `Tgt: t1, t2, t3, t4 ~~|\nHalf: t1, t3 ~~|
Pos: p1, p2, p3, p4 -> Tgt ~~|\nRev: r1, r2, r3, r4 -> (Tgt: t4, t3, t2, t1) ~~|\nMix: m1, m2, m3 -> (Tgt: t4, Half, t2) ~~|
p[Pos] = 1, 2, 3, 4 ~~|\nr[Rev] = 1, 2, 3, 4 ~~|\nm[Mix] = 1, 2, 3 ~~|
xp[Tgt] = p[Pos] ~~|\nxr[Tgt] = r[Rev] ~~|\nxm[Tgt] = m[Mix] ~~|\n${CONTROL(1)}`;
    const r = run(text);
    const t = ['t1', 't2', 't3', 't4'];
    expect(over(r, 'xp', t)).toEqual([1, 2, 3, 4]);
    expect(over(r, 'xr', t)).toEqual([4, 3, 2, 1]);
    // m1 -> t4, m2 -> t1 and t3 (Half), m3 -> t2
    expect(over(r, 'xm', t)).toEqual([2, 3, 2, 1]);
  });

  it('takes a second map-to range from the same declaration, and a bound range before a mapping', () => {
    const text = `A: a1, a2 ~~|\nC: c1, c2 ~~|\nB: b1, b2 -> A, (C: c2, c1) ~~|
y[B] = 10, 20 ~~|\nz[A,B] = 1, 2; 3, 4; ~~|\nxa[A] = y[B] ~~|\nxc[C] = y[B] ~~|\nd[A] = z[A,B] ~~|\nw[A,B] = y[B] ~~|\n${CONTROL(1)}`;
    const r = run(text);
    expect(over(r, 'xa', ['a1', 'a2'])).toEqual([10, 20]);
    expect(over(r, 'xc', ['c1', 'c2'])).toEqual([20, 10]);
    expect(over(r, 'd', ['a1', 'a2'])).toEqual([1, 4]);
    expect(over(r, 'w', ['a1,b1', 'a1,b2', 'a2,b1'])).toEqual([10, 20, 10]);
  });

  it('rejects a list whose length does not match the mapped range, or an entry outside the map-to range', () => {
    const base = `A: a1, a2, a3 ~~|\ny[B] = 1, 2 ~~|\nx[A] = y[B] ~~|\n${CONTROL(1)}`;
    expect(() => run(`B: b1, b2 -> (A: a1, a2, a3) ~~|\n${base}`)).toThrow(/lists 3 entries for 2 elements/);
    expect(() => run(`B: b1, b2 -> (A: a1, q9) ~~|\n${base}`)).toThrow(/q9 .* is not an element of a/i);
    expect(() => run(`B: b1, b2 -> A ~~|\n${base}`)).toThrow(/mapped by position/);
  });
});

// Vensim documentation/fn_find_market_price.html, fn_demand_at_price.html, fn_supply_at_price.html,
// with the curves of 24330.html; the prices and quantities are worked by hand.
describe('reference interpreter: FIND MARKET PRICE, DEMAND AT PRICE, SUPPLY AT PRICE', () => {
  const market = (curves: string, end = 0) => `demander: d1, d2 ~~|\nsupplier: s1, s2 ~~|\npprofile: ptype, ppriority, pwidth, pextra ~~|
${curves}price = FIND MARKET PRICE(dq[d1], dp[d1, ptype], sq[s1], sp[s1, ptype]) ~~|
demanded[demander] = DEMAND AT PRICE(dq[demander], dp[demander, ptype], price) ~~|
supplied[supplier] = SUPPLY AT PRICE(sq[supplier], sp[supplier, ptype], price) ~~|
${CONTROL(end)}`;

  it('rectangles and a fixed supply: 550 − 50p = 20p − 80 at time 0 (p 9), 610 − 55p = 20p − 80 at time 1 (p 9.2)', () => {
    const r = run(market(`dq[d1] = 100 + 20 * Time ~~|\ndq[d2] = 50 ~~|\ndp[d1, pprofile] = 1, 10, 4, 0 ~~|\ndp[d2, pprofile] = 1, 9, 2, 0 ~~|
sq[supplier] = 80, 40 ~~|\nsp[s1, pprofile] = 1, 8, 4, 0 ~~|\nsp[s2, pprofile] = 0, 0, 0, 0 ~~|\n`, 1));
    const want: [string, number[]][] = [['price', [9, 9.2]], ['demanded[d1]', [75, 84]], ['demanded[d2]', [25, 20]], ['supplied[s1]', [60, 64]], ['supplied[s2]', [40, 40]]];
    for (const [name, values] of want) values.forEach((v, t) => expect(r.columns.get(name)![t]).toBeCloseTo(v, 9));
  });

  it('triangles, normals and exponentials mirrored about 5 clear at 5', () => {
    // Demand around 6 and supply around 4 with the same shape and width: at 5 each side holds G(1/w).
    for (const [type, w, share] of [[2, 4, 1 - 2 * 0.25 * 0.25], [3, 1, 0.8413447460685429], [4, 2, 1 - Math.exp(-0.5) / 2]] as const) {
      const r = run(market(`dq[demander] = 100, 0 ~~|\ndp[d1, pprofile] = ${type}, 6, ${w}, 0 ~~|\ndp[d2, pprofile] = ${type}, 6, ${w}, 0 ~~|
sq[supplier] = 100, 0 ~~|\nsp[s1, pprofile] = ${type}, 4, ${w}, 0 ~~|\nsp[s2, pprofile] = ${type}, 4, ${w}, 0 ~~|\n`));
      expect(r.columns.get('price')![0]).toBeCloseTo(5, 9);
      expect(r.columns.get('demanded[d1]')![0]).toBeCloseTo(100 * share, 9);
      expect(r.columns.get('supplied[s1]')![0]).toBeCloseTo(100 * share, 9);
    }
  });
});
