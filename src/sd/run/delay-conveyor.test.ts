/**
 * DELAY CONVEYOR(input, ctime, leak, initprofile, inittot, initctime), from Vensim's reference
 * (https://www.vensim.com/documentation/fn_delay_conveyor.html): the input delayed by ctime;
 * material on the conveyor, the input just added included, leaks at the fraction `leak` per
 * unit of time, so that the page's structure
 *   convey total = INTEG(input − out − total leakage, inittot),
 *   total leakage = (convey total + TIME STEP × (input − out)) × leak
 * tracks what is on it; the initial material is spread by the (flat) profile over initctime and
 * the first output is inittot / initctime. Each model is written for this test and every
 * expected number is worked by hand below from those rules.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { runReference } from '../reference/interpreter.js';
import { checkUnits } from '../analyze/units.js';
import { compileVensim } from './engine.js';

const control = (end: number, dt: number) => `INITIAL TIME = 0 ~ Month ~|\nFINAL TIME = ${end} ~ Month ~|\nTIME STEP = ${dt} ~ Month ~|\nSAVEPER = TIME STEP ~ Month ~|\n`;
const FLAT = 'flat((0,1),(1,1)) ~ Dmnl ~|\n';

function run(mdl: string): Record<string, number[]> {
  const r = compileVensim(mdl, { file: 'conveyor.mdl' }).model.run();
  return Object.fromEntries(r.names.map((n) => [n, Array.from(r.get(n)!)]));
}

describe('DELAY CONVEYOR (fn_delay_conveyor)', () => {
  it('without leakage is a pipeline: the initial material first, then the input ctime later', () => {
    // dt 1, ctime 3: three slots of 30 × 1/3 = 10, so out = 10 at t = 0, 1, 2; then the input of
    // t − 3. STEP(5, 2) switches at t = 2 (Time + TIME STEP/2 > 2), so input = 5, 5, 10, 10, …
    const v = run(`${FLAT}in = 5 + STEP(5, 2) ~ Widget/Month ~|\nout = DELAY CONVEYOR(in, 3, 0, flat, 30, 3) ~ Widget/Month ~|\n${control(7, 1)}`);
    expect(v.out).toEqual([10, 10, 10, 5, 5, 10, 10, 10]);
  });

  it('with leakage scales the whole belt, new input included, by 1 − leak × TIME STEP each step', () => {
    // dt 0.5, ctime 1: two slots of 4 × 0.5 / 1 = 2; out(0) = 2 / 0.5 = 4. Input 6 adds 3 a step;
    // the keep factor is 1 − 0.2 × 0.5 = 0.9.
    //   t=0 → 0.5: 2 leaves, belt [2, 3] × 0.9 = [1.8, 2.7]      out(0.5) = 1.8 / 0.5 = 3.6
    //   t=0.5 → 1: 1.8 leaves, belt [2.7, 3] × 0.9 = [2.43, 2.7]  out(1)   = 4.86 = 6 × 0.9²
    // The page's convey total: 4; 4 + 0.5 × (6 − 4 − (4 + 0.5 × 2) × 0.2) = 4.5 (= 1.8 + 2.7);
    // 4.5 + 0.5 × (6 − 3.6 − (4.5 + 0.5 × 2.4) × 0.2) = 5.13 (= 2.43 + 2.7), then steady.
    const v = run(`${FLAT}in = 6 ~ Widget/Month ~|
leak = 0.2 ~ 1/Month ~|
out = DELAY CONVEYOR(in, 1, leak, flat, 4, 1) ~ Widget/Month ~|
total leakage = ahead level * leak ~ Widget/Month ~|
ahead level = convey total + TIME STEP * (in - out) ~ Widget ~|
convey total = INTEG(in - out - total leakage, 4) ~ Widget ~|
${control(2, 0.5)}`);
    const close = (got: number[], want: number[]) => want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 12));
    close(v.out!, [4, 3.6, 4.86, 4.86, 4.86]);
    close(v['convey total']!, [4, 4.5, 5.13, 5.13, 5.13]);
  });

  it('takes a conveyance time computed from constants (here a SUM over a range)', () => {
    // ctime = 1 + 1 = 2 steps of 1: out = 4 / 2 = 2 twice, then the input 7.
    const v = run(`${FLAT}r: a, b ~~|\nc[r] = 1, 1 ~ Month ~|\nout = DELAY CONVEYOR(7, SUM(c[r!]), 0, flat, 4, 2) ~ Widget/Month ~|\n${control(3, 1)}`);
    expect(v.out).toEqual([2, 2, 7, 7]);
  });

  it('reads a leak that changes at the step it is in', () => {
    // dt 1, ctime 2, inittot 0: input 10 from t = 0; leak 0 until t = 1, then 0.5.
    //   t=0 → 1: belt [0, 10] × 1 = [0, 10]           out(1) = 0
    //   t=1 → 2: belt [10, 10] × 0.5 = [5, 5]         out(2) = 5
    //   t=2 → 3: belt [5, 10] × 0.5 = [2.5, 5]        out(3) = 2.5
    //   t=3 → 4: belt [5, 10] × 0.5 = [2.5, 5]        out(4) = 2.5 (= 10 × 0.5 × 0.5)
    const v = run(`${FLAT}out = DELAY CONVEYOR(10, 2, STEP(0.5, 1), flat, 0, 2) ~ Widget/Month ~|\n${control(4, 1)}`);
    expect(v.out).toEqual([0, 0, 5, 2.5, 2.5]);
  });

  it('agrees with the reference interpreter, which implements the same page separately', () => {
    const mdl = `${FLAT}in = 3 + RAMP(0.5, 1, 6) - STEP(2, 8) ~~|\nleak = 0.05 + STEP(0.1, 4) ~~|\nout[r] = DELAY CONVEYOR(in * k[r], c[r], leak, flat, 12, c[r]) ~~|
r: a, b ~~|\nk[r] = 1, 2 ~~|\nc[r] = 2, 3 ~~|\n${control(10, 0.25)}`;
    const engine = compileVensim(mdl).model.run();
    const ref = runReference(readVensim(mdl));
    for (const col of ['out[a]', 'out[b]']) {
      const want = ref.columns.get(col)!;
      Array.from(engine.get(col)!).forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 10));
    }
  });

  it.each([
    ['a conveyance time that changes during the run', 'DELAY CONVEYOR(1, 2 + STEP(1, 3), 0, flat, 0, 2)', /conveyance time that changes during the run/],
    ['a conveyance time that is not a whole number of steps', 'DELAY CONVEYOR(1, 2.5, 0, flat, 0, 2.5)', /2\.5, not a whole number of TIME STEPs/],
    ['a profile that is not flat', 'DELAY CONVEYOR(1, 2, 0, ramp, 0, 2)', /initial profile ramp, which is not flat/],
    ['an initial conveyance time other than ctime', 'DELAY CONVEYOR(1, 2, 0, flat, 0, 3)', /initial conveyance time different from ctime/],
  ])('refuses, located, what the page leaves open: %s', (_what, call, message) => {
    const mdl = `${FLAT}ramp((0,0),(1,1)) ~~|\nout = ${call} ~~|\n${control(5, 1)}`;
    expect(() => compileVensim(mdl, { file: 'conveyor.mdl' })).toThrow(/conveyor\.mdl:3:\d+: error E_UNSUPPORTED: DELAY CONVEYOR/);
    expect(() => compileVensim(mdl, { file: 'conveyor.mdl' })).toThrow(message);
  });

  it('has the units of its reference page: units, time, 1/time, dmnl, units × time, time', () => {
    const issues = (leak: string, tot: string) =>
      checkUnits(readVensim(`${FLAT}in = 1 ~ Widget/Month ~|\nleak = 0.1 ~ ${leak} ~|\ntot = 5 ~ ${tot} ~|\nc = 2 ~ Month ~|
out = DELAY CONVEYOR(in, c, leak, flat, tot, c) ~ Widget/Month ~|\n${control(4, 1)}`)).map((i) => i.message);
    expect(issues('1/Month', 'Widget')).toEqual([]);
    expect(issues('Month', 'Widget')).toEqual(['DELAY CONVEYOR leak in Month, not 1/Month']);
    expect(issues('1/Month', 'Widget/Month')).toEqual(['DELAY CONVEYOR initial total in Widget/Month, not Widget']);
  });
});
