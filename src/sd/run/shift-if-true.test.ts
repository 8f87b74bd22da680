/**
 * SHIFT IF TRUE on small models written from Vensim's reference
 * (vensim.com/documentation/fn_shift_if_true.html): when cond is true, `size` elements of a level
 * move one place along its last subscript, the first becoming inval and the last becoming the
 * second to last (or their sum when accum is non-zero); the call returns what left the last.
 * Read here (see src/sd/analyze/shift-if-true.ts): at time t the model reads and saves the
 * shifted level, and the level steps from it. Values worked out by hand; the compiled engine and
 * the reference interpreter must both give them.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { runReference } from '../reference/interpreter.js';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const MODEL = [
  'cohort : c1, c2, c3 ~~|',
  'init[cohort] = 10, 20, 30 ~~|',
  'inflow[cohort] = 1, 0, 0 ~~|',
  'pop[cohort] = INTEG(inflow[cohort], init[cohort]) ~~|',
  'pop2[cohort] = INTEG(inflow[cohort], init[cohort]) ~~|',
  // Shifts at Time 1 and 3; inval 5; what falls off the end leaves (accum 0).
  'aged = SHIFT IF TRUE(pop[c1], PULSE(1, 1) + PULSE(3, 1), 3, 0, 5) ~~|',
  // The same with accum 1 and inval 0: the last cohort keeps what reaches it.
  'total = SUM(pop[cohort!]) ~~|',
  'aged2 = SHIFT IF TRUE(pop2[c1], PULSE(1, 1) + PULSE(3, 1), 3, 1, 0) ~~|',
  // The reference page's layout: the first element and the rest defined apart, the call per row.
  'age : a0, a1, a2 ~~|', 'older : a1, a2 ~~|', 'region : r1, r2 ~~|',
  'births[region] = 2, 4 ~~|',
  'pop3[region, a0] = INTEG(births[region], 0) ~~|',
  'pop3[region, older] = INTEG(0, 5) ~~|',
  'shift3[region] = SHIFT IF TRUE(pop3[region, a0], 1, 3, 1, 0) ~~|',
].join('\n');
const EXPECTED: [string, number[]][] = [
  // t0 [10,20,30] → +inflow [11,20,30]; t1 shifted [5,11,20] (30 leaves; saved and read) +1 →
  // [6,11,20]; t2 [6,11,20] → [7,11,20]; t3 shifted [5,7,11] (20 leaves) +1 → [6,7,11]; t4 [6,7,11].
  ['pop[c1]', [10, 5, 6, 5, 6]],
  ['pop[c2]', [20, 11, 11, 7, 7]],
  ['pop[c3]', [30, 20, 20, 11, 11]],
  ['aged', [0, 30, 0, 20, 0]],
  // Other equations read the shifted level: 60, 5+11+20, 6+11+20, 5+7+11, 6+7+11.
  ['total', [60, 36, 37, 23, 24]],
  // t1 [11,20,30] shifted [0,11,50] +1 → [1,11,50]; t2 → [2,11,50]; t3 shifted [0,2,61] +1 → [1,2,61].
  ['pop2[c1]', [10, 0, 1, 0, 1]],
  ['pop2[c2]', [20, 11, 11, 2, 2]],
  ['pop2[c3]', [30, 50, 50, 61, 61]],
  ['aged2', [0, 0, 0, 0, 0]],
  // Shifts every step. r1 (births 2): t0 [0,5,5] shifted [0,0,10] +2 → [2,0,10]; t1 shifted
  // [0,2,10] → [2,2,10]; t2 shifted [0,2,12]; t3 [0,2,14]; t4 [0,2,16]. r2 (births 4) likewise.
  ['pop3[r1,a0]', [0, 0, 0, 0, 0]],
  ['pop3[r1,a1]', [0, 2, 2, 2, 2]],
  ['pop3[r1,a2]', [10, 10, 12, 14, 16]],
  ['pop3[r2,a1]', [0, 4, 4, 4, 4]],
  ['pop3[r2,a2]', [10, 10, 14, 18, 22]],
  ['shift3[r1]', [0, 0, 0, 0, 0]],
];

describe('SHIFT IF TRUE (fn_shift_if_true)', () => {
  it('the compiled engine shifts the level one place when the condition holds', () => {
    const r = compileVensim(`${MODEL}\n${CONTROL}`).model.run();
    for (const [name, values] of EXPECTED) expect([name, Array.from(r.get(name)!)]).toEqual([name, values]);
  });

  it('the reference interpreter gives the same values', () => {
    const r = runReference(readVensim(`${MODEL}\n${CONTROL}`));
    for (const [name, values] of EXPECTED) expect([name, r.columns.get(name)]).toEqual([name, values]);
  });

  it('agrees with the reference interpreter at a TIME STEP of 0.1, where the shift repeats each step of a pulse', () => {
    const text = `${MODEL}\n${CONTROL.replace('TIME STEP = 1', 'TIME STEP = 0.1')}`;
    const engine = compileVensim(text).model.run();
    const ref = runReference(readVensim(text));
    expect(ref.time.length).toBe(5);
    for (const [name] of EXPECTED) {
      const got = Array.from(engine.get(name)!);
      ref.columns.get(name)!.forEach((v, k) => expect([name, k, got[k]]).toEqual([name, k, expect.closeTo(v, 9)]));
    }
  });

  it('takes its size from ELMCOUNT, as the reference example does', () => {
    const text = MODEL.replace('pop3[region, a0], 1, 3, 1, 0', 'pop3[region, a0], 1, ELMCOUNT(age), 1, 0');
    const r = compileVensim(`${text}\n${CONTROL}`).model.run();
    expect(Array.from(r.get('pop3[r2,a2]')!)).toEqual([10, 10, 14, 18, 22]);
  });

  it('says where, when the window runs past the end of the last subscript', () => {
    const text = MODEL.replace('pop[c1], PULSE(1, 1) + PULSE(3, 1), 3', 'pop[c2], PULSE(1, 1) + PULSE(3, 1), 3');
    expect(() => compileVensim(`${text}\n${CONTROL}`)).toThrow(/\d+:\d+: error E_DIMENSION: SHIFT IF TRUE would shift 3 elements of pop from c2/);
  });

  it('says where, when the shifted variable is not a level', () => {
    const text = MODEL.replace('pop[c1], PULSE', 'init[c1], PULSE');
    expect(() => compileVensim(`${text}\n${CONTROL}`)).toThrow(/\d+:\d+: error E_ARGUMENT: SHIFT IF TRUE shifts levels \(INTEG\); init\[c1\] is not one/);
  });
});

describe('SHIFT IF TRUE whose condition reads the level it shifts', () => {
  // pop = INTEG(1, 10) in each cohort; total = SUM(pop); shift (inval 5) when total > 33.
  // t0 [10,10,10] total 30 → [11,11,11]; t1 total 33, no shift → [12,12,12]; t2 total 36: shifted
  // [5,12,12], 12 leaves → [6,13,13]; t3 total 32 → [7,14,14]; t4 total 35: shifted [5,7,14], 14 leaves.
  // total feeds the condition, so it is computed before the shift and reads the unshifted level.
  const text = `cohort : c1, c2, c3 ~~|\npop[cohort] = INTEG(1, 10) ~~|\ntotal = SUM(pop[cohort!]) ~~|
aged = SHIFT IF TRUE(pop[c1], total > 33, 3, 0, 5) ~~|\n${CONTROL}`;
  const expected: [string, number[]][] = [
    ['aged', [0, 0, 12, 0, 14]],
    ['total', [30, 33, 36, 32, 35]],
    ['pop[c1]', [10, 11, 5, 6, 5]],
    ['pop[c3]', [10, 11, 12, 13, 14]],
  ];

  it('the compiled engine decides from the unshifted values', () => {
    const r = compileVensim(text).model.run();
    for (const [name, values] of expected) expect([name, Array.from(r.get(name)!)]).toEqual([name, values]);
  });

  it('the reference interpreter gives the same values', () => {
    const r = runReference(readVensim(text));
    for (const [name, values] of expected) expect([name, r.columns.get(name)]).toEqual([name, values]);
  });
});

describe('SHIFT IF TRUE and the integration method', () => {
  it('stops a Runge-Kutta run at the call, since the shift is one Euler step', () => {
    const { model } = compileVensim(`${MODEL}\n${CONTROL}`);
    expect(() => model.run({ method: 'rk4' })).toThrow(/6:\d+: error E_UNSUPPORTED: SHIFT IF TRUE runs with Euler integration only, not rk4 \(its reference page does not say at which of the Runge-Kutta stages/);
  });
});
