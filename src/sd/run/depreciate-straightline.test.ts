/**
 * DEPRECIATE STRAIGHTLINE(str, dtime, fisc, init) with a fiscal period of one TIME STEP, from
 * Vensim's reference (https://www.vensim.com/documentation/fn_depreciate_straightline.html): an
 * investment comes back in equal parts in its fiscal period and each that follows, over
 * dtime / fisc periods, the current str included; init stands for str before the start, so that a
 * str constant at init gives init. With fisc = TIME STEP that is
 *   output(t) = (fisc / dtime) × (str(t) + str(t − fisc) + … + str(t − dtime + fisc)).
 * Each model is written for this test and every expected number is worked by hand below.
 */
import { describe, expect, it } from 'vitest';
import { checkUnits } from '../analyze/units.js';
import { readVensim } from '../vensim/reader.js';
import { runReference } from '../reference/interpreter.js';
import { compileVensim } from './engine.js';

const control = (end: number, dt: number) => `INITIAL TIME = 0 ~ Year ~|\nFINAL TIME = ${end} ~ Year ~|\nTIME STEP = ${dt} ~ Year ~|\nSAVEPER = TIME STEP ~ Year ~|\n`;

function run(mdl: string): Record<string, number[]> {
  const r = compileVensim(mdl, { file: 'dep.mdl' }).model.run();
  return Object.fromEntries(r.names.map((n) => [n, Array.from(r.get(n)!)]));
}
const close = (got: number[], want: number[]) => {
  expect(got).toHaveLength(want.length);
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 12));
};

describe('DEPRECIATE STRAIGHTLINE with fisc = TIME STEP (fn_depreciate_straightline)', () => {
  it('returns a quarter of an investment in its period and each of the three that follow (dtime 4, fisc 1)', () => {
    // str 8 at t = 0 only: 8/4 = 2 at t = 0, 1, 2, 3, then 0; the 8 is depreciated in full.
    const v = run(`str = 8 - STEP(8, 1) ~ Widget/Year ~|\nd = DEPRECIATE STRAIGHTLINE(str, 4, 1, 0) ~ Widget/Year ~|\n${control(5, 1)}`);
    expect(v.d).toEqual([2, 2, 2, 2, 0, 0]);
  });

  it('counts init for the periods before the start and stays at init while str does', () => {
    // dtime 3, init 4; str 4, then 8 from t = 2: (8 + 4 + 4)/3, (8 + 8 + 4)/3, then 8.
    const v = run(`str = 4 + STEP(4, 2) ~ Widget/Year ~|\nd = DEPRECIATE STRAIGHTLINE(str, 3, 1, 4) ~ Widget/Year ~|\n${control(5, 1)}`);
    close(v.d!, [4, 4, 16 / 3, 20 / 3, 8, 8]);
  });

  it('takes TIME STEP itself as fisc (dt 0.5, dtime 1: two periods)', () => {
    // str = Time: (0 + 0)/2, (0.5 + 0)/2, (1 + 0.5)/2, (1.5 + 1)/2.
    const v = run(`str = Time ~ Widget/Year ~|\nd = DEPRECIATE STRAIGHTLINE(str, 1, TIME STEP, 0) ~ Widget/Year ~|\n${control(1.5, 0.5)}`);
    close(v.d!, [0, 0.25, 0.75, 1.25]);
  });

  it('the reference interpreter, written apart from the compiler, gives the same numbers', () => {
    const mdl = `r: a, b ~~|
str[a] = 5 + RAMP(2, 1, 3) ~ Widget/Year ~|
str[b] = 10 * PULSE(1, 1) ~ Widget/Year ~|
i[r] = 5, 0 ~ Widget/Year ~|
d[r] = DEPRECIATE STRAIGHTLINE(str[r], 2, TIME STEP, i[r]) ~ Widget/Year ~|
${control(4, 0.5)}`;
    const engine = compileVensim(mdl, { file: 'dep.mdl' }).model.run();
    const ref = runReference(readVensim(mdl));
    for (const col of ['d[a]', 'd[b]']) close(Array.from(engine.get(col)!), Array.from(ref.columns.get(col)!));
    expect(Math.max(...Array.from(engine.get('d[b]')!))).toBeGreaterThan(0);
  });

  it('refuses, located, what the page leaves open', () => {
    const model = (args: string, dt = 1) => `str = 1 ~ Widget/Year ~|\nd = DEPRECIATE STRAIGHTLINE(str, ${args}) ~ Widget/Year ~|\n${control(2, dt)}`;
    // A fiscal period of several steps: when it starts and how a change of str within it is settled.
    expect(() => run(model('2, 1, 1', 0.5))).toThrow(/dep\.mdl:2:\d+: d at the initial time: DEPRECIATE STRAIGHTLINE with a fiscal period fisc \(1\) other than TIME STEP \(0\.5\) is not supported/);
    // A dtime Vensim would adjust, without saying how.
    expect(() => run(model('2.5, 1, 1'))).toThrow(/dep\.mdl:2:\d+: d at the initial time: DEPRECIATE STRAIGHTLINE with a dtime \(2\.5\) that is not a whole number of fisc \(1\)/);
    // A dtime that changes during the run: at the argument (a sum is located at its operator).
    expect(() => run(model('2 + Time, 1, 1'))).toThrow(/dep\.mdl:2:36: error E_UNSUPPORTED: DEPRECIATE STRAIGHTLINE with a dtime that changes during the run/);
  });

  it('units: the output and init in the units of str, dtime a time', () => {
    const ok = `str = 1 ~ Widget/Year ~|\ni = 1 ~ Widget/Year ~|\nd = DEPRECIATE STRAIGHTLINE(str, 4, 1, i) ~ Widget/Year ~|\n${control(2, 1)}`;
    expect(checkUnits(readVensim(ok))).toEqual([]);
    const bad = ok.replace('i = 1 ~ Widget/Year', 'i = 1 ~ Widget');
    expect(checkUnits(readVensim(bad)).map((d) => `${d.variable}: ${d.message}`)).toEqual([expect.stringMatching(/^d: DEPRECIATE STRAIGHTLINE str and init/)]);
  });
});
