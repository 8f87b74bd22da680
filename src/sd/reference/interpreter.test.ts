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

describe('vector, lookup and numeric functions (each expected value from its Vensim page)', () => {
  const A = 'DimA: a1, a2, a3 ~~|\nv[DimA] = 5, 3, 8 ~~|\n';
  const at0 = (text: string, name: string) => col(`${text}${CONTROL(0)}`, name)![0];

  it('a range on the right is its position from 1; ELMCOUNT its size', () => {
    for (const [el, want] of [['a1', 13], ['a2', 23], ['a3', 33]] as const) expect(at0(`${A}y[DimA] = DimA * 10 + ELMCOUNT(DimA) ~~|\n`, `y[${el}]`)).toBe(want);
  });

  it('VECTOR ELM MAP counts its offset over the variable laid out flat, last subscript fastest', () => {
    const t = 'DimA: a1, a2, a3 ~~|\nDimB: b1, b2 ~~|\nw[DimA,DimB] = 1,2;3,4;5,6; ~~|\nz[DimB] = VECTOR ELM MAP(w[a2,b1], DimB) ~~|\n';
    expect([at0(t, 'z[b1]'), at0(t, 'z[b2]')]).toEqual([4, 5]);
  });

  it('VECTOR SORT ORDER, VECTOR RANK and VECTOR REORDER (rank example of fn_vector_rank: 2, 1, 3)', () => {
    const t = `${A}up[DimA] = VECTOR SORT ORDER(v[DimA], 1) ~~|\ndown[DimA] = VECTOR SORT ORDER(v[DimA], 0) ~~|\n` +
      'rk[DimA] = VECTOR RANK(v[DimA], 1) ~~|\nsorted[DimA] = VECTOR REORDER(v[DimA], up[DimA]) ~~|\n';
    const all = (name: string) => ['a1', 'a2', 'a3'].map((e) => at0(t, `${name}[${e}]`));
    expect(all('up')).toEqual([1, 0, 2]);
    expect(all('down')).toEqual([2, 0, 1]);
    expect(all('rk')).toEqual([2, 1, 3]);
    expect(all('sorted')).toEqual([3, 5, 8]);
  });

  it('VECTOR SELECT over the non-zero selections, by numerical action; missing when none', () => {
    const t = (action: number, sel = '0, 1, 0.5') => `${A}s[DimA] = ${sel} ~~|\ny = VECTOR SELECT(s[DimA!], v[DimA!], -1, ${action}, 0) ~~|\n`;
    // s·e over the selected: 3 and 4; e over the selected: 3 and 8.
    expect([0, 2, 3, 4, 6, 7, 8, 10].map((a) => at0(t(a), 'y'))).toEqual([7, 3, 4, 3.5, 11, 24, 3, 5.5]);
    expect(at0(t(0, '0, 0, 0'), 'y')).toBe(-1);
  });

  it('VECTOR SELECT action 5 is the product of expression^selection, as Vensim computes it (vector-rules.ts)', () => {
    // sd-test-models/tests/vector_select, Vensim's output.tab: input1b = 0.5, 1.2, 0.3, 1, 1.
    const E = 'DimE: e1, e2, e3, e4, e5 ~~|\ninput1b[DimE] = 0.5, 1.2, 0.3, 1, 1 ~~|\n';
    const t = (sel: string) => `${E}s[DimE] = ${sel} ~~|\ny = VECTOR SELECT(s[DimE!], input1b[DimE!], -12345, 5, 0) ~~|\n`;
    expect(at0(t('0, 0, 0, 3, 0'), 'y')).toBe(1); // Bout1 1: 1^3 (3^1 would be 3)
    expect(at0(t('1, 0.3, -1, 0.5, 1'), 'y')).toBeCloseTo(1.76037, 5); // Aout1 1
    // Worked by hand: 3 selected with 2 and 8 with 0.5: 3^2 · 8^0.5 = 9 · 2.8284271… (2^3 · 0.5^8 the other way).
    expect(at0(`${A}s[DimA] = 0, 2, 0.5 ~~|\ny = VECTOR SELECT(s[DimA!], v[DimA!], -1, 5, 0) ~~|\n`, 'y')).toBeCloseTo(9 * Math.sqrt(8), 12);
  });

  it('ZIDZ, XIDZ, INTEGER, MODULO, QUANTUM as the examples of their pages', () => {
    const t = 'a = ZIDZ(3, 0) ~~|\nb = XIDZ(3, 0, 7) ~~|\nc = INTEGER(-5.4) ~~|\nd = MODULO(9, 5) ~~|\ne = MODULO(76.5, 70) ~~|\n' +
      'f = QUANTUM(-1.9, 1) ~~|\ng = QUANTUM(50, 12) ~~|\nh = QUANTUM(7.5, 0) ~~|\n';
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => at0(t, n))).toEqual([0, 7, -5, 4, 6.5, -1, 48, 7.5]);
  });

  it('LOOKUP BACKWARD, FORWARD and EXTRAPOLATE as the examples of their pages', () => {
    const t = (fn: string, x: number) => `look((0,1),(1,1),(2,2)) ~~|\ny = ${fn}(look, ${x}) ~~|\n`;
    const three = (fn: string) => [-1, 1.5, 2.5].map((x) => at0(t(fn, x), 'y'));
    expect(three('LOOKUP BACKWARD')).toEqual([1, 1, 2]);
    expect(three('LOOKUP FORWARD')).toEqual([1, 2, 2]);
    expect(three('LOOKUP EXTRAPOLATE')).toEqual([1, 1.5, 2.5]);
  });
});

describe('further stateful functions', () => {
  it('DELAY N and SMOOTH N are chains of order stages of delay time / order', () => {
    // DELAY N(STEP(4,1), 2, 0, 1) is DELAY1I: level 0, 0, 4, 6: output 0, 0, 2, 3.
    expect(col(`y = DELAY N(STEP(4, 1), 2, 0, 1) ~~|\n${CONTROL(3)}`, 'y')).toEqual([0, 0, 2, 3]);
    // Order 2, delay 3: stages of 1.5: (0,0), (0,0), (4,0), (4 + 4 - 4/1.5, 4/1.5): output at Time 3 (4/1.5)/1.5.
    expect(col(`y = DELAY N(STEP(4, 1), 3, 0, 2) ~~|\n${CONTROL(3)}`, 'y')![3]).toBeCloseTo(16 / 9, 12);
    // The pages ask for a delay time above order × TIME STEP (Vensim reduces the order by a rule not given).
    expect(() => col(`y = DELAY N(STEP(4, 1), 2, 0, 2) ~~|\n${CONTROL(3)}`, 'y')).toThrow(/not above order × TIME STEP/);
    // SMOOTH N(4, 4, 0, 2): stages of 2: (0,0) → (2,0) → (3,1) → (3.5,2).
    expect(col(`y = SMOOTH N(4, 4, 0, 2) ~~|\n${CONTROL(3)}`, 'y')).toEqual([0, 0, 1, 2]);
  });

  it('TREND, FORECAST and NPV follow the equations of their pages', () => {
    // TREND(Time+1, 2, 0): avval 1, 1, 1.5; (2-1)/(2·1) = 0.5 at Time 1, (3-1.5)/(2·1.5) = 0.5 at Time 2.
    expect(col(`y = TREND(Time + 1, 2, 0) ~~|\n${CONTROL(2)}`, 'y')).toEqual([0, 0.5, 0.5]);
    expect(col(`y = FORECAST(-Time - 1, 2, 1) ~~|\n${CONTROL(2)}`, 'y')).toEqual([-1, -3, -4.5]);
    // NPV(10, 0.1, 0, 1): 10·1 at Time 0; then accum 10, df 1 - 0.1/1.1.
    const npv = col(`y = NPV(10, 0.1, 0, 1) ~~|\n${CONTROL(1)}`, 'y')!;
    expect(npv[0]).toBe(10);
    expect(npv[1]).toBeCloseTo(10 + 10 * (1 - 0.1 / 1.1), 12);
  });

  it('SAMPLE IF TRUE holds its initial value until the condition holds, and the input from then on when true', () => {
    expect(col(`y = SAMPLE IF TRUE(Time >= 2, Time, 5) ~~|\n${CONTROL(4)}`, 'y')).toEqual([5, 5, 2, 3, 4]);
    expect(col(`y = SAMPLE IF TRUE(MODULO(Time, 2) = 0, Time, 5) ~~|\n${CONTROL(4)}`, 'y')).toEqual([0, 0, 2, 2, 4]);
  });
});
