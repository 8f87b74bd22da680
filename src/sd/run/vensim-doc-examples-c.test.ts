/**
 * More of Vensim's reference pages (vensim.com/documentation/...), each written as a small model:
 * the first-order delays, lookup areas and slopes, data and file functions, queues, conveyors,
 * allocation, TABBED ARRAY, macros, :NA: and the time settings. Expected values are the page's own
 * numbers or worked by hand from what the page says (the arithmetic is in the comments). Cases
 * already in vensim-doc-examples-a/b, vensim-semantics and the per-function tests are not repeated.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';
import { VENSIM_NA } from '../ir/na.js';
import { buildError } from './test-support/build-error.js';
import { draws, mean } from './test-support/random-draws.js';
import { createNodeDataHost } from '../node/data-host.js';
import { scanResult } from './nonfinite-scan.js';

const control = (final: number, dt = 1, saveper = dt) =>
  `INITIAL TIME = 0 ~~|\nFINAL TIME = ${final} ~~|\nTIME STEP = ${dt} ~~|\nSAVEPER = ${saveper} ~~|\n`;
const run = (eqs: string[], final = 4, dt = 1) => compileVensim(`${eqs.join('\n')}\n${control(final, dt)}`).model.run();
const series = (r: ReturnType<typeof run>, name: string) => Array.from(r.get(name)!);
const first = (r: ReturnType<typeof run>, name: string) => r.get(name)![0]!;
const NA = VENSIM_NA;

describe('DELAY1 and DELAY1I (the one-stage form of fn_delay3\'s equations; fn_delay_n)', () => {
  // fn_delay3 writes DELAY3 as three stages LV = INTEG(inflow − LV/DL, …), DL = delay time / 3, each
  // starting at DL × input (DELAY3I: at initial value × DL). One stage (DL = delay time): DELAY1I = LV /
  // delay time, LV = INTEG(input − DELAY1I, initial value × delay time); DELAY1 starts LV at input ×
  // delay time, in equilibrium (output = input). (The fn_delay1 page itself was not found here.)
  it('DELAY1I(STEP(10, 1), 2, 4) follows its level by hand', () => {
    // dt 1. LV(0) = 4 × 2 = 8, out 4. LV(1) = 8 + (0 − 4) = 4, out 2. STEP is 10 from Time 1:
    // LV(2) = 4 + (10 − 2) = 12, out 6; LV(3) = 12 + (10 − 6) = 16, out 8; LV(4) = 16 + 2 = 18, out 9.
    expect(series(run(['d = DELAY1I(STEP(10, 1), 2, 4) ~~|']), 'd')).toEqual([4, 2, 6, 8, 9]);
  });

  it('DELAY1 starts at its input and lags a step up', () => {
    // input 5 then 15 from Time 1, delay 2. LV(0) = 5 × 2 = 10, out 5; LV(1) = 10 + (5 − 5) = 10, out 5;
    // LV(2) = 10 + (15 − 5) = 20, out 10; LV(3) = 20 + (15 − 10) = 25, out 12.5; LV(4) = 27.5, out 13.75.
    expect(series(run(['d = DELAY1(5 + STEP(10, 1), 2) ~~|']), 'd')).toEqual([5, 5, 10, 12.5, 13.75]);
  });

  it('with a constant delay time DELAY N of order 1 and 3 is DELAY1I and DELAY3I (fn_delay_n)', () => {
    // fn_delay_n: order 1 is "almost the same as DELAY1I", order 3 as DELAY3I; the difference is the
    // delay time of the current step, and "if delay time is constant this difference disappears".
    const r = run([
      'in = 2 + STEP(10, 1) + RAMP(1, 3, 6) ~~|',
      'n1 = DELAY N(in, 4, 3, 1) ~~|', 'd1 = DELAY1I(in, 4, 3) ~~|',
      'n3 = DELAY N(in, 4, 3, 3) ~~|', 'd3 = DELAY3I(in, 4, 3) ~~|',
    ], 12, 0.5);
    for (const [a, b] of [['n1', 'd1'], ['n3', 'd3']] as const) {
      const x = series(r, a);
      series(r, b).forEach((v, i) => expect(x[i]).toBeCloseTo(v, 10));
    }
    expect(first(r, 'n1')).toBe(3);
  });
});

describe('LOOKUP AREA (fn_lookup_area) and WITH LOOKUP (fn_with_lookup)', () => {
  it('gives the page values for LOOK((0,1),(1,1),(2,2)): 1, 4 and 3', () => {
    // 2..4 is past the last point, where the lookup holds 2: 2 × 2 = 4. .5..2.5: .5 × 1 + (1 + 2)/2 + .5 × 2 = 3.
    const r = run(['LOOK((0,1),(1,1),(2,2)) ~~|', 'a = LOOKUP AREA(LOOK, 0, 1) ~~|', 'b = LOOKUP AREA(LOOK, 2, 4) ~~|', 'c = LOOKUP AREA(LOOK, 0.5, 2.5) ~~|'], 0);
    expect([first(r, 'a'), first(r, 'b'), first(r, 'c')]).toEqual([1, 4, 3]);
  });

  it('VECTOR LOOKUP mode 1 is the area from xmin, so a difference is LOOKUP AREA (fn_vector_lookup)', () => {
    // The same points as a vector over 0..2. Area .5..1.5: .5 × 1 + .5 × (1 + 1.5)/2 = 1.125.
    const r = run([
      'LOOK((0,1),(1,1),(2,2)) ~~|', 's: s1, s2, s3 ~~|', 'lv[s] = 1, 1, 2 ~~|',
      'area = LOOKUP AREA(LOOK, 0.5, 1.5) ~~|',
      'vec area = VECTOR LOOKUP(lv[s1], 1.5, 0, 2, 1) - VECTOR LOOKUP(lv[s1], 0.5, 0, 2, 1) ~~|',
      'from min = VECTOR LOOKUP(lv[s1], 1, 0, 2, 1) ~~|',
    ], 0);
    expect(first(r, 'area')).toBeCloseTo(1.125, 12);
    expect(first(r, 'vec area')).toBeCloseTo(1.125, 12);
    expect(first(r, 'from min')).toBeCloseTo(1, 12);
  });

  it('WITH LOOKUP(1.5, ((0,1),(1,1),(2,2))) is 1.5, the page example', () => {
    expect(first(run(['X = WITH LOOKUP(1.5, ((0,1),(1,1),(2,2))) ~~|'], 0), 'X')).toBe(1.5);
  });
});

describe('lookup definitions (lookups.html)', () => {
  it('may list the x values then the y values: the page\'s effect energy tab(0, 0.5, 1.0, 2.0, 0, 0.7, 1.0, 1.1)', () => {
    // Points (0, 0), (.5, .7), (1, 1), (2, 1.1): .25 gives .7 / 2 = .35; 1.5 gives 1 + .1 / 2 = 1.05.
    const r = run(['effect energy tab(0, 0.5, 1.0, 2.0, 0, 0.7, 1.0, 1.1) ~~|', 'a = effect energy tab(0.25) ~~|', 'b = effect energy tab(1.5) ~~|'], 0);
    expect(first(r, 'a')).toBeCloseTo(0.35, 12);
    expect(first(r, 'b')).toBeCloseTo(1.05, 12);
  });

  it('may start with the editor\'s [(xmin,ymin)-(xmax,ymax)] range, which does not change the values', () => {
    // (1, 1) to (4, 1.8): 2.5 gives 1 + 1.5 × .8 / 3 = 1.4.
    const r = run(['f([(0,0)-(4,2)],(0,0),(1,1),(4,1.8)) ~~|', 'a = f(2.5) ~~|'], 0);
    expect(first(r, 'a')).toBeCloseTo(1.4, 12);
  });

  it.each([['t((0,1)) ~~|', 1], ['t(0, 1) ~~|', 1]])('%s, with fewer than two points, stops at the lookup with a located E_LOOKUP', (eq, points) => {
    // "For all Lookups, a minimum of two values must be specified for both the x and y axis."
    // Was accepted before, as a lookup of one constant value.
    const e = buildError(`a = 1 ~~|\n${eq}\n${control(0)}`, 'look.mdl');
    const d = e.diagnostics[0]!;
    expect([d.code, d.loc?.file, d.loc?.line, d.loc?.column]).toEqual(['E_LOOKUP', 'look.mdl', 2, 2]);
    expect(d.message).toContain(`a lookup needs at least two points and this one has ${points}`);
  });
});

describe('LOOKUP SLOPE (fn_lookup_slope), the page examples', () => {
  // The page prints LOOK((0,1),(1,1),(2,3)), but its six results do not fit that table by its own
  // rules (the slope at .5 would be 0, not 1). They all fit ((0,0),(1,1),(2,1.5)): slopes 1 then .5,
  // at x = 1 their mean .75, left of the table 0 (m 0), the nearest segment's 1 (m 1) or :NA: (m −1).
  const r = run([
    'LOOK((0,0),(1,1),(2,1.5)) ~~|',
    ...[[-1, -1], [-1, 0], [-1, 1], [1, 0], [0.5, 0], [1.5, 0]].map(([x, m], i) => `s${i} = LOOKUP SLOPE(LOOK, ${x}, ${m}) ~~|`),
  ], 0);
  it('gives :NA:, 0, 1, .75, 1 and .5', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => first(r, `s${i}`))).toEqual([NA, 0, 1, 0.75, 1, 0.5]);
  });
});

describe('TIME BASE (documentation/22120.html)', () => {
  it('Decimal year = TIME BASE(INITIAL YEAR, YEARS PER MONTH) counts years in a monthly model', () => {
    // fn_time_base: START + Time × SLOPE, so 1980 + Time × .083333 at months 0, 6, 12, 18, 24.
    const r = run(['Decimal year = TIME BASE(INITIAL YEAR, YEARS PER MONTH) ~~|', 'INITIAL YEAR = 1980 ~~|', 'YEARS PER MONTH = 0.083333 ~~|'], 24, 6);
    const expected = [1980, 1980.499998, 1980.999996, 1981.499994, 1981.999992];
    series(r, 'Decimal year').forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 9));
  });
});

describe('GET DATA AT TIME, FIRST TIME, LAST TIME (documentation/function_changes.html)', () => {
  // "GET DATA AT TIME(D,T) The value for the data variable D at time T or :NA: if not available."
  // FIRST TIME and LAST TIME are read by their names (the part of the page read here quotes AT TIME only).
  const data = new Map([['d', { times: [1, 2, 4], values: [10, 4, 7] }]]);
  const r = compileVensim(
    `d ~~|\nat2 = GET DATA AT TIME(d, 2) ~~|\nat3 = GET DATA AT TIME(d, 3) ~~|\nfirst t = GET DATA FIRST TIME(d) ~~|\nlast t = GET DATA LAST TIME(d) ~~|\n${control(4)}`,
    { externalData: data },
  ).model.run();
  it('reads D at T, between points as D itself is there, and the first and last times of the data', () => {
    expect(first(r, 'at2')).toBe(4);
    // Time 3 lies between (2, 4) and (4, 7): 4 + (7 − 4)/2 = 5.5, which is d's own value at Time 3.
    expect(first(r, 'at3')).toBe(5.5);
    expect(series(r, 'd')[3]).toBe(5.5);
    expect([first(r, 'first t'), first(r, 'last t')]).toEqual([1, 4]);
  });
});

describe('GET DATA AT TIME and BETWEEN TIMES outside the data (function_changes.html, fn_get_data_between_times.html)', () => {
  // https://www.vensim.com/documentation/function_changes.html: AT TIME gives "the value for the data
  // variable D at time T or :NA: if not available"; before the first or after the last point no value
  // is available, so :NA: there, even though d itself holds its end values (10 before Time 1, 7 after 4).
  // https://vensim.com/documentation/fn_get_data_between_times.html: ":NA: if the time is before the
  // first or after the last data point", whatever the mode (0 interpolate, 1 later, −1 earlier).
  // Hand-worked with d = (1, 10), (2, 4), (4, 7) and T = Time − 1 over Time 0..6 (T = −1..5).
  const data = new Map([['d', { times: [1, 2, 4], values: [10, 4, 7] }]]);
  const eqs = [
    'd ~~|', 'at = GET DATA AT TIME(d, Time - 1) ~~|',
    'b0 = GET DATA BETWEEN TIMES(d, Time - 1, 0) ~~|', 'b1 = GET DATA BETWEEN TIMES(d, Time - 1, 1) ~~|', 'bm = GET DATA BETWEEN TIMES(d, Time - 1, -1) ~~|',
  ];
  const r = compileVensim(`${eqs.join('\n')}\n${control(6)}`, { externalData: data }).model.run();

  it('AT TIME is :NA: before the first (T = −1, 0) and after the last point (T = 5), d\'s own value inside', () => {
    // T = 1 → 10, 2 → 4, 3 → (4 + 7)/2 = 5.5 (d interpolates), 4 → 7.
    expect(series(r, 'at')).toEqual([NA, NA, 10, 4, 5.5, 7, NA]);
    // d itself still holds its ends where it is read as a variable: 10 at Time 0, 7 at Times 5 and 6.
    expect(series(r, 'd')).toEqual([10, 10, 4, 5.5, 7, 7, 7]);
  });

  it('BETWEEN TIMES is :NA: outside the data in each of its three modes', () => {
    // T = 3 lies between (2, 4) and (4, 7): mode 0 → 5.5, mode 1 → the later 7, mode −1 → the earlier 4.
    expect(series(r, 'b0')).toEqual([NA, NA, 10, 4, 5.5, 7, NA]);
    expect(series(r, 'b1')).toEqual([NA, NA, 10, 4, 7, 7, NA]);
    expect(series(r, 'bm')).toEqual([NA, NA, 10, 4, 4, 7, NA]);
  });

  it('AT TIME on :HOLD BACKWARD: data holds between points but is still :NA: outside them', () => {
    const h = compileVensim(`d :HOLD BACKWARD: ~~|\nat = GET DATA AT TIME(d, Time - 1) ~~|\n${control(6)}`, { externalData: data }).model.run();
    expect(series(h, 'at')).toEqual([NA, NA, 10, 4, 4, 7, NA]);
  });
});

describe('ALLOCATE AVAILABLE, the page example (fn_allocate_available, 24337.html, 24330.html)', () => {
  // branch Boston, Dayton, Fresno; demand 500, 300, 750; rectangular profiles (ptype 1) with
  // priorities 5, 7, 3 and widths 2, 4, 4.
  const model = (supply: number) =>
    run([
      'branch : Boston, Dayton, Fresno ~~|', 'pprofile : ptype, ppriority, pwidth, pextra ~~|',
      'demand[branch] = 500, 300, 750 ~~|',
      'priority[Boston, pprofile] = 1, 5, 2, 0 ~~|', 'priority[Dayton, pprofile] = 1, 7, 4, 0 ~~|', 'priority[Fresno, pprofile] = 1, 3, 4, 0 ~~|',
      `supply available = ${supply} ~~|`,
      'Shipments[branch] = ALLOCATE AVAILABLE(demand[branch], priority[branch, ptype], supply available) ~~|',
    ], 0);
  const shipments = (r: ReturnType<typeof run>) => ['Boston', 'Dayton', 'Fresno'].map((b) => first(r, `Shipments[${b}]`));

  it('fills every request and overfills none when the supply exceeds the total (1550)', () => {
    expect(shipments(model(2000))).toEqual([500, 300, 750]);
  });

  it('shares a short supply by the rectangular curves at one common priority', () => {
    // 24330: each curve is the integral of its shape, so a rectangle of width w centred on p gives
    // the share clamp((p − L)/w + 1/2, 0, 1) at the market priority L. Supply 1000: at L = 4 Boston
    // (5 − 4)/2 + .5 = 1 → 500, Dayton 1.25 → 1 → 300, Fresno −.25 + .5 = .25 → 187.5; 987.5 < 1000,
    // so L is a little lower, where only Fresno moves: 750 × ((3 − L)/4 + .5) = 200 → L = 3.9333.
    const [b, d, f] = shipments(model(1000));
    expect(b).toBeCloseTo(500, 6);
    expect(d).toBeCloseTo(300, 6);
    expect(f).toBeCloseTo(200, 6);
  });
});

describe('SHIFT IF TRUE (fn_shift_if_true)', () => {
  // "If accum is non-zero then the second to last element of var is added to the last element,
  // otherwise the second to last element replaces the last element ... the first element ... is
  // replaced with inval. SHIFT IF TRUE returns the amount that has been removed from the last
  // element of var. If accum is non-zero then SHIFT IF TRUE always returns 0." One shift, at Time 1.
  const r = run([
    'cohort : c1, c2, c3 ~~|', 'init[cohort] = 10, 20, 30 ~~|',
    'pop[cohort] = INTEG(0, init[cohort]) ~~|', 'out = SHIFT IF TRUE(pop[c1], PULSE(1, 1), 3, 0, 5) ~~|',
    'acc[cohort] = INTEG(0, init[cohort]) ~~|', 'out acc = SHIFT IF TRUE(acc[c1], PULSE(1, 1), 3, 1, 0) ~~|',
  ]);
  const at = (name: string, t: number) => ['c1', 'c2', 'c3'].map((c) => series(r, `${name}[${c}]`)[t]);
  const total = (name: string) => series(r, name).reduce((a, b) => a + b, 0);

  it('with accum 0 moves each element on, inval first, and returns what left the last (30)', () => {
    expect(at('pop', 0)).toEqual([10, 20, 30]);
    expect(at('pop', 3)).toEqual([5, 10, 20]);
    expect(total('out')).toBe(30);
  });

  it('with accum non-zero adds the second to last to the last and returns 0', () => {
    expect(at('acc', 3)).toEqual([0, 10, 50]);
    expect(series(r, 'out acc')).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('QUEUE FIFO and QUEUE AGE IN RANGE (fn_queue_fifo, fn_queue_age_in_range)', () => {
  it('counts the entries by age, :NA: leaving a bound open', () => {
    // dt 1, 10 arrive a day, none served. At Time 3 the queue holds the arrivals of days 0, 1, 2,
    // aged 3, 2 and 1. At least 1.95 old: 20; no older than 1.05: 10; both bounds open: 30.
    const r = run([
      'flat((0,1),(1,1)) ~~|', 'Arriving = 10 ~~|', 'Servicing = 0 ~~|',
      'Waiting = QUEUE FIFO(Arriving, Servicing, flat, 0, 20) ~~|',
      'old = QUEUE AGE IN RANGE(Waiting, 1.95, :NA:) ~~|', 'young = QUEUE AGE IN RANGE(Waiting, :NA:, 1.05) ~~|',
      'all = QUEUE AGE IN RANGE(Waiting, :NA:, :NA:) ~~|',
    ], 3);
    expect([series(r, 'old')[3], series(r, 'young')[3], series(r, 'all')[3]]).toEqual([20, 10, 30]);
    expect(series(r, 'Waiting')).toEqual([0, 10, 20, 30]);
  });

  it('never changes within a time step, so under Runge-Kutta it moves as under Euler, unlike a level', () => {
    // fn_queue_fifo: "unlike an ordinary Level the value of a queue will never change within a time
    // step so that using Runge-Kutta integration will give different results". Inflow Time, dt 1:
    // the queue adds the inflow at each step's start, 0, 0, 0 + 1, 1 + 2, 3 + 3; a level of the
    // same inflow under RK4 integrates Time exactly, t²/2: 0, .5, 2, 4.5, 8.
    const m = compileVensim(`flat((0,1),(1,1)) ~~|\nWaiting = QUEUE FIFO(Time, 0, flat, 0, 20) ~~|\nL = INTEG(Time, 0) ~~|\n${control(4)}`).model;
    for (const method of ['euler', 'rk4'] as const) expect(series(m.run({ method }), 'Waiting')).toEqual([0, 0, 1, 3, 6]);
    expect(series(m.run({ method: 'rk4' }), 'L')).toEqual([0, 0.5, 2, 4.5, 8]);
  });

  it('QUEUE AGE IN RANGE of a variable that is not a queue is :NA:', () => {
    expect(first(run(['x = 5 ~~|', 'y = QUEUE AGE IN RANGE(x, 0, 10) ~~|'], 1), 'y')).toBe(NA);
  });

  it('the page example, a queue starting with 100, stops at its initial value with a located E_UNSUPPORTED', () => {
    // fn_queue_fifo spreads the initial content by the profile but does not say how per TIME STEP.
    const e = buildError(
      `Init Profile((0,1),(1,1)) ~~|\nArriving = 5 ~~|\nServicing = 5 ~~|\nWaiting = QUEUE FIFO(Arriving, Servicing, Init Profile, 100, 20) ~~|\n${control(4)}`,
      'queue.mdl',
    );
    const d = e.diagnostics[0]!;
    expect([d.code, d.loc?.file, d.loc?.line]).toEqual(['E_UNSUPPORTED', 'queue.mdl', 4]);
    expect(d.message).toMatch(/initial content of 100 is not supported/);
  });
});

describe('DELAY CONVEYOR (fn_delay_conveyor)', () => {
  it('starts at inittot / initctime and, with no leak, gives out all the material', () => {
    // No input: the 20 on the belt leave spread evenly (flat profile) over initctime = ctime = 4,
    // 20 / 4 = 5 a step for 4 steps, then nothing; the outputs add up to 20 (TIME STEP 1).
    const r = run(['flat((0,1),(1,1)) ~~|', 'out = DELAY CONVEYOR(0, 4, 0, flat, 20, 4) ~~|'], 8);
    expect(series(r, 'out')).toEqual([5, 5, 5, 5, 0, 0, 0, 0, 0]);
  });

  it('an initctime other than ctime stops with a located E_UNSUPPORTED', () => {
    // The page fixes only the first output (inittot / initctime = 10 here), not where the material
    // sits on a belt whose length differs from the initial conveyance time.
    const e = buildError(`flat((0,1),(1,1)) ~~|\nout = DELAY CONVEYOR(0, 4, 0, flat, 20, 2) ~~|\n${control(4)}`, 'belt.mdl');
    const d = e.diagnostics[0]!;
    expect([d.code, d.loc?.file, d.loc?.line]).toEqual(['E_UNSUPPORTED', 'belt.mdl', 2]);
    expect(d.message).toMatch(/initial conveyance time different from ctime/);
  });
});

describe('RANDOM UNIFORM and RANDOM NORMAL (fn_random)', () => {
  // Uniform on [m, x]: mean (m + x)/2, variance (x − m)²/12. Normal shifted by h and stretched by
  // r, truncated symmetrically about h: its mean stays h, and no draw leaves [m, x].
  const v = draws('u = RANDOM UNIFORM(2, 6, 0) ~~|\nn = RANDOM NORMAL(-1, 9, 4, 2, 0) ~~|\n');
  it('draws within the bounds, around the middle', () => {
    const u = v['u']!;
    const n = v['n']!;
    expect(u.every((x) => x >= 2 && x <= 6)).toBe(true);
    expect(n.every((x) => x >= -1 && x <= 9)).toBe(true);
    // 4000 draws: the standard error of the mean is 1.15/63 ≈ .02 (uniform) and < 2/63 ≈ .03 (normal).
    expect(Math.abs(mean(u) - 4)).toBeLessThan(0.1);
    expect(Math.abs(mean(n) - 4)).toBeLessThan(0.15);
    const varU = u.reduce((a, x) => a + (x - mean(u)) ** 2, 0) / (u.length - 1);
    expect(Math.abs(varU - 16 / 12)).toBeLessThan(0.15);
  });
});

describe('TABBED ARRAY (documentation/22070.html)', () => {
  it('reads tab-separated rows the same as 1,2,3,4;5,6,7,8;9,10,11,12;', () => {
    const r = run([
      'country : MEXICO, USA, CANADA ~~|', 'blood type : A, B, O, AB ~~|',
      'initial population[country, blood type] = TABBED ARRAY(\n1\t2\t3\t4\n5\t6\t7\t8\n9\t10\t11\t12) ~~|',
      'listed[country, blood type] = 1, 2, 3, 4; 5, 6, 7, 8; 9, 10, 11, 12; ~~|',
    ], 0);
    const cells = (v: string) => ['MEXICO', 'USA', 'CANADA'].flatMap((c) => ['A', 'B', 'O', 'AB'].map((b) => first(r, `${v}[${c},${b}]`)));
    expect(cells('initial population')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(cells('listed')).toEqual(cells('initial population'));
  });
});

describe('GET DIRECT CONSTANTS, LOOKUPS and DATA from delimited files', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'igem-docc-'));
    writeFileSync(join(dir, 'c.csv'), ',b1,b2,b3\nc1,1,2,3\nc2,4,5,6\nscalar,7.5,,\n');
    writeFileSync(join(dir, 'l.csv'), 'x,0,1,2\ny,0,2,3\n');
    writeFileSync(join(dir, 'd.csv'), 'time,v\n0,10\n2,30\n4,20\n');
    writeFileSync(join(dir, 'across.csv'), 'time,0,2,4\nv,10,30,20\nw,1,2,3\n');
    writeFileSync(join(dir, 'down.csv'), 'x,y\n0,0\n1,2\n2,3\n');
    writeFileSync(join(dir, 'column.csv'), 'a,1\nb,2\nc,3\n');
    writeFileSync(join(dir, 'names.csv'), 'north,,south\neast,west,\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const runIn = (eqs: string[], final = 0) =>
    compileVensim(`${eqs.join('\n')}\n${control(final)}`, { file: join(dir, 'm.mdl'), dataHost: createNodeDataHost(dir) }).model.run();

  it('CONSTANTS reads right along the last subscript and down the second last (fn_get_direct_constants)', () => {
    const r = runIn(['c : c1, c2 ~~|', 'b : b1, b2, b3 ~~|', "p[c, b] = GET DIRECT CONSTANTS('c.csv', ',', 'B2') ~~|", "k = GET DIRECT CONSTANTS('c.csv', ',', 'B4') ~~|"]);
    expect(['c1', 'c2'].flatMap((c) => ['b1', 'b2', 'b3'].map((b) => first(r, `p[${c},${b}]`)))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first(r, 'k')).toBe(7.5);
  });

  it('CONSTANTS reports an error, at the equation, when the values are not there; == reads the same', () => {
    // fn_get_direct_constants: "If no values are available, an error is reported", and the function
    // may follow "the == sign for Unchangeable Constants". p[c, b] from B4 needs 2 × 3 cells; row 4
    // holds only 7.5 in B4, so C4 is empty.
    expect(() => runIn(['c : c1, c2 ~~|', 'b : b1, b2, b3 ~~|', "p[c, b] = GET DIRECT CONSTANTS('c.csv', ',', 'B4') ~~|"])).toThrow(
      /m\.mdl:3:11: error E_DATA: c\.csv!C4: the cell is empty/,
    );
    expect(first(runIn(["k == GET DIRECT CONSTANTS('c.csv', ',', 'B4') ~~|"]), 'k')).toBe(7.5);
  });

  it("CONSTANTS with a cell ending in * reads transposed: the last subscript down", () => {
    // q[b, c] from 'B2*': c runs down the rows, b across the columns, so q[b, c] is the cell at
    // row c, column b: q[b2, c1] = C2 = 2, q[b1, c2] = B3 = 4.
    const r = runIn(['c : c1, c2 ~~|', 'b : b1, b2, b3 ~~|', "q[b, c] = GET DIRECT CONSTANTS('c.csv', ',', 'B2*') ~~|"]);
    expect(['b1', 'b2', 'b3'].flatMap((b) => ['c1', 'c2'].map((c) => first(r, `q[${b},${c}]`)))).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('LOOKUPS reads the x values from the time row and the y values from the cell on (fn_get_direct_lookups)', () => {
    // Row 1 holds x = 0, 1, 2 from column B, and B2 starts y = 0, 2, 3: the table of 22820.html,
    // where .67 gives 2 × .67 = 1.34 and 1.7 gives 2 + .7 × 1 = 2.7.
    const r = runIn(["look(GET DIRECT LOOKUPS('l.csv', ',', '1', 'B2')) ~~|", 'a = look(0.67) ~~|', 'b = look(1.7) ~~|']);
    expect(first(r, 'a')).toBeCloseTo(1.34, 12);
    expect(first(r, 'b')).toBeCloseTo(2.7, 12);
  });

  it('DATA reads times down column A and values from B2 on (fn_get_direct_data)', () => {
    const r = runIn(["v := GET DIRECT DATA('d.csv', ',', 'A', 'B2') ~~|"], 4);
    const s = series(r, 'v');
    expect([s[0], s[2], s[4]]).toEqual([10, 30, 20]); // the values at the file's times 0, 2, 4
  });

  it('between its points data is interpolated by default, or held, or looked ahead (dataequations.html)', () => {
    // Points (0, 10), (2, 30), (4, 20). Interpolated: 20 at Time 1, 25 at Time 3. :HOLD BACKWARD:
    // keeps the passed value (10, 30); :LOOK FORWARD: takes the next one (30, 20).
    const file = "GET DIRECT DATA('d.csv', ',', 'A', 'B2') ~~|";
    const r = runIn([`v := ${file}`, `held :HOLD BACKWARD: := ${file}`, `ahead :LOOK FORWARD: := ${file}`], 4);
    expect(series(r, 'v')).toEqual([10, 20, 30, 25, 20]);
    expect(series(r, 'held')).toEqual([10, 10, 30, 30, 20]);
    expect(series(r, 'ahead')).toEqual([10, 30, 30, 20, 20]);
  });

  it('DATA with a row number reads Time across, and further elements down the rows (fn_get_direct_data)', () => {
    // Row 1 holds the times 0, 2, 4; s1 reads row 2 from B2 (10, 30, 20) and s2 the next row (1, 2, 3),
    // each interpolated between its points: s1 20 and 25 at Time 1 and 3, s2 1.5 and 2.5.
    const r = runIn(['s : s1, s2 ~~|', "v[s] := GET DIRECT DATA('across.csv', ',', '1', 'B2') ~~|"], 4);
    expect(series(r, 'v[s1]')).toEqual([10, 20, 30, 25, 20]);
    expect(series(r, 'v[s2]')).toEqual([1, 1.5, 2, 2.5, 3]);
  });

  it('LOOKUPS with a column letter reads x down column A and y down from B2 (fn_get_direct_lookups)', () => {
    // The same table (0,0), (1,2), (2,3) written down the rows: 1.5 gives 2 + .5 × 1 = 2.5.
    const r = runIn(["look(GET DIRECT LOOKUPS('down.csv', ',', 'A', 'B2')) ~~|", 'y = look(1.5) ~~|']);
    expect(first(r, 'y')).toBe(2.5);
  });

  it('CONSTANTS for a vector reads across, or down with * (fn_get_direct_constants)', () => {
    const r = runIn(['k : k1, k2, k3 ~~|', "col[k] = GET DIRECT CONSTANTS('column.csv', ',', 'B1*') ~~|", "row[k] = GET DIRECT CONSTANTS('across.csv', ',', 'B2') ~~|"]);
    expect(['k1', 'k2', 'k3'].map((k) => first(r, `col[${k}]`))).toEqual([1, 2, 3]);
    expect(['k1', 'k2', 'k3'].map((k) => first(r, `row[${k}]`))).toEqual([10, 30, 20]);
  });

  it('SUBSCRIPT reads element names across then down, skipping empty cells (fn_get_direct_subscript)', () => {
    // "Values are read across and then down as a list of subscripts, with missing or empty
    // locations simply ignored": A1..C2 holds north, -, south / east, west, -.
    const r = runIn(["r : GET DIRECT SUBSCRIPT('names.csv', ',', 'A1', 'C2', '') ~~|", 'x[r] = 1 ~~|', 'n = ELMCOUNT(r) ~~|']);
    expect(r.names.filter((n) => n.startsWith('x['))).toEqual(['x[north]', 'x[south]', 'x[east]', 'x[west]']);
    expect(first(r, 'n')).toBe(4);
  });

  it(':RAW: data is :NA: where the file has no point, so a model can test for it (keywords.html, na.html)', () => {
    // keywords.html: ":RAW: Marks data as raw so :NA: is reported for missing values"; na.html: :NA:
    // "can be used to test for the existence of data". Was a bug: the engine gave NaN, which no
    // "= :NA:" test catches, so the fallback below was NaN too.
    const r = runIn([
      "raw :RAW: := GET DIRECT DATA('d.csv', ',', 'A', 'B2') ~~|",
      'filled = IF THEN ELSE(raw = :NA:, -1, raw) ~~|',
    ], 4);
    expect(series(r, 'raw')).toEqual([10, NA, 30, NA, 20]);
    expect(series(r, 'filled')).toEqual([10, -1, 30, -1, 20]);
  });
});

describe('time settings (timeboundsdates.html)', () => {
  it('SAVEPER saves every SAVEPER while the run integrates every TIME STEP', () => {
    // L = INTEG(Time, 0) with TIME STEP .25: L(t) = .25 × Σ of Time over the steps before t, so
    // L(1) = .25 × (0 + .25 + .5 + .75) = .375, L(2) = .375 + .25 × (1 + 1.25 + 1.5 + 1.75) = 1.75,
    // in general .0625 × n(n − 1)/2 with n = 4t: L(3) = .0625 × 66 = 4.125, L(4) = .0625 × 120 = 7.5.
    const r = compileVensim(`L = INTEG(Time, 0) ~~|\n${control(4, 0.25, 1)}`).model.run();
    expect(Array.from(r.time)).toEqual([0, 1, 2, 3, 4]);
    expect(series(r, 'L')).toEqual([0, 0.375, 1.75, 4.125, 7.5]);
  });

  it('SAVEPER = TIME STEP, the default the page describes, saves every step', () => {
    const r = compileVensim('L = INTEG(1, 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 0.25 ~~|\nSAVEPER = TIME STEP ~~|\n').model.run();
    expect(Array.from(r.time)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(series(r, 'L')).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe(':NA: (documentation/na.html)', () => {
  it('is an ordinary number, −2^109, that a model can test for with =', () => {
    // na.html: ":NA: takes on a special value (−2^109) that can be used to test for the existence of data".
    const r = run(['x = :NA: ~~|', 'is na = IF THEN ELSE(x = :NA:, 1, 0) ~~|', 'y = 3 ~~|', 'y is na = IF THEN ELSE(y = :NA:, 1, 0) ~~|'], 0);
    expect(first(r, 'x')).toBe(-(2 ** 109));
    expect([first(r, 'is na'), first(r, 'y is na')]).toEqual([1, 0]);
  });
});

describe('IF THEN ELSE (fn_if_then_else)', () => {
  // "Only the value returned is evaluated, so the other value could be an expression that would lead
  // to an error." Page example: IF THEN ELSE(X = 0.0, 1.0, 1.0 / X) is 1 when X is 0, with no error.
  const m = compileVensim(
    `X = 0 ~~|\ny = IF THEN ELSE(X = 0.0, 1.0, 1.0 / X) ~~|\nflow = IF THEN ELSE(X > 0, LN(X), 1) ~~|\ns = INTEG(flow, 0) ~~|\n${control(3)}`,
    { file: 'ite.mdl' },
  ).model;
  const r = m.run();
  it('gives the page example 1 for X = 0, and the branch not taken makes no non-finite value', () => {
    expect(series(r, 'y')).toEqual([1, 1, 1, 1]);
    expect(series(r, 's')).toEqual([0, 1, 2, 3]); // a stock fed by it runs on: LN(0) is never taken
    expect(m.explainNonFinite(scanResult(r)).warnings).toEqual([]);
  });
});

describe('macros (documentation/22145.html)', () => {
  it('keep their variables local, and each call has a level of its own', () => {
    // "if your model has a variable name population, and you use population inside of a macro, no
    // connection will be made between the two names." gap is both a model constant (100) and a
    // macro variable. a: level from Time(0) = 0; a(1) = 0 + (0 − 0)/2 = 0; a(2) = 0 + (1 − 0)/2 = .5;
    // a(3) = .5 + (2 − .5)/2 = 1.25. b from 10: 10, 10 + (11 − 10)/2 = 10.5, 10.5 + (12 − 10.5)/2 = 11.25.
    const r = run([
      ':MACRO: EXPSM(in, t)', 'EXPSM = INTEG(gap / t, in) ~~|', 'gap = in - EXPSM ~~|', ':END OF MACRO:',
      'gap = 100 ~~|', 'a = EXPSM(Time, 2) ~~|', 'b = EXPSM(10 + Time, 2) ~~|',
    ], 3);
    expect(series(r, 'a')).toEqual([0, 0, 0.5, 1.25]);
    expect(series(r, 'b')).toEqual([10, 10, 10.5, 11.25]);
    expect(series(r, 'gap')).toEqual([100, 100, 100, 100]);
  });

  it('take subscripted values in a call, one expansion per element (22145.html)', () => {
    // "The arguments cannot be subscripted, but you can use subscripted values when calling the macro."
    // in = x[s] × Time: s1 (x 1) as a above, 0, 0, .5, 1.25; s2 (x 10) ten times that.
    const r = run([
      ':MACRO: EXPSM(in, t)', 'EXPSM = INTEG((in - EXPSM) / t, in) ~~|', ':END OF MACRO:',
      's : s1, s2 ~~|', 'x[s] = 1, 10 ~~|', 'a[s] = EXPSM(x[s] * Time, 2) ~~|',
    ], 3);
    expect(series(r, 'a[s1]')).toEqual([0, 0, 0.5, 1.25]);
    expect(series(r, 'a[s2]')).toEqual([0, 0, 5, 12.5]);
  });

  it('may use another macro in their definition (macros.html: "Macro definitions can be nested")', () => {
    const r = run([
      ':MACRO: DOUBLE(x)', 'DOUBLE = 2 * x ~~|', ':END OF MACRO:',
      ':MACRO: QUAD(x)', 'QUAD = DOUBLE(DOUBLE(x)) ~~|', ':END OF MACRO:',
      'a = QUAD(3) ~~|',
    ], 0);
    expect(first(r, 'a')).toBe(12);
  });
});

describe('a macro must be defined before it is used (https://www.vensim.com/documentation/macros.html)', () => {
  // "The macro definition must occur before the macro is referenced. This is the only equation
  // ordering rule in the Vensim modeling language. If you do not define a macro before you use it,
  // you will receive a syntax error message." The engine warns at each use above its :MACRO: and
  // runs the model as if the definition came first (macro-order.ts says why it does not refuse).
  const DOUBLE = [':MACRO: DOUBLE(x)', 'DOUBLE = 2 * x ~~|', ':END OF MACRO:'];

  it('warns at each use above the definition, naming the macro and the line of its :MACRO:, and runs it (2 × 3 = 6, 1 + 2 × 6 = 13, 2 × 13 = 26)', () => {
    const { model, warnings } = compileVensim(`a = DOUBLE(3) ~~|\nb = 1 + DOUBLE(a) ~~|\n${DOUBLE.join('\n')}\nc = DOUBLE(b) ~~|\n${control(0)}`, { file: 'order.mdl' });
    const order = warnings.filter((d) => d.code === 'W_MACRO_ORDER');
    expect(order.map((d) => [d.severity, d.loc?.file, d.loc?.line, d.loc?.column])).toEqual([
      ['warning', 'order.mdl', 1, 5],
      ['warning', 'order.mdl', 2, 9],
    ]);
    expect(order[0]!.message).toContain('macro DOUBLE is used before its definition (:MACRO: at line 3)');
    expect(order[0]!.messageEs).toContain('la macro DOUBLE se usa antes de su definición (:MACRO: en la línea 3)');
    const r = model.run();
    expect([first(r, 'a'), first(r, 'b'), first(r, 'c')]).toEqual([6, 13, 26]);
  });

  it('holds inside a macro definition too: a nested macro used above its definition is warned at each call', () => {
    const { model, warnings } = compileVensim([':MACRO: QUAD(x)', 'QUAD = DOUBLE(DOUBLE(x)) ~~|', ':END OF MACRO:', ...DOUBLE, 'a = QUAD(3) ~~|', control(0)].join('\n'), { file: 'nest.mdl' });
    expect(warnings.filter((d) => d.code === 'W_MACRO_ORDER').map((d) => [d.loc?.line, d.loc?.column])).toEqual([[2, 8], [2, 15]]);
    expect(first(model.run(), 'a')).toBe(12);
  });

  it('gives no warning once the definition is above the uses', () => {
    const { model, warnings } = compileVensim(`${[...DOUBLE, 'a = DOUBLE(3) ~~|', 'b = 1 + DOUBLE(a) ~~|', 'c = DOUBLE(b) ~~|'].join('\n')}\n${control(0)}`);
    expect(warnings.filter((d) => d.code === 'W_MACRO_ORDER')).toEqual([]);
    expect(first(model.run(), 'c')).toBe(26);
  });
});

describe('INTEG (fn_integ)', () => {
  it('steps the level by TIME STEP × rate from its initial value (Euler)', () => {
    // Stock = INTEG(rate, 50) with rate = −.1 × Stock, dt .5: 50, 50 × .95 = 47.5, 45.125, 42.86875.
    const r = run(['Stock = INTEG(rate, 50) ~~|', 'rate = -0.1 * Stock ~~|'], 1.5, 0.5);
    series(r, 'Stock').forEach((v, i) => expect(v).toBeCloseTo(50 * 0.95 ** i, 12));
  });

  it('must stand alone after the equal sign, and says where when it does not', () => {
    const e = buildError(`x = 1 + INTEG(1, 0) ~~|\n${control(1)}`, 'integ.mdl');
    const d = e.diagnostics[0]!;
    expect([d.code, d.loc?.file, d.loc?.line, d.loc?.column]).toEqual(['E_SYNTAX', 'integ.mdl', 1, 9]);
    expect(d.message).toMatch(/INTEG must be the whole right-hand side/);
  });
});
