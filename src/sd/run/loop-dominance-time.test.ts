import { describe, expect, it } from 'vitest';
import { dominanceOf } from './test-support/dominance.js';
import { compileVensim } from './engine.js';
import { evaluate } from '../analyze/structure/partial-eval.js';

// STEP, RAMP, PULSE and PULSE TRAIN in a loop's equations: the link scores evaluate them with the
// run's own timing rules (ir/time-functions.ts), so a loop through them scores as the same loop
// written with IF THEN ELSE on TIME, and each evaluated value is the run's.

const dominance = (text: string) => dominanceOf(text, { discover: false });

// TIME STEP 0.25: the half step STEP and PULSE add is 0.125, RAMP's tolerance 0.00025. The
// switch times fall between steps, so a rule off by the half step moves them by one step.
const model = (inflow: string) => `
s = INTEG(inflow - outflow, 100) ~ u ~|
inflow = ${inflow} ~ u/Year ~|
outflow = s / tau ~ u/Year ~|
tau = 5 ~ Year ~|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 10 ~ Year ~|
TIME STEP = 0.25 ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

// The same loop per element of an array, scored element by element (element-eval.ts).
const arrayed = (inflow: string) => `
r: r1, r2 ~~|
s[r] = INTEG(inflow[r] - outflow[r], 100) ~ u ~|
inflow[r] = ${inflow} ~ u/Year ~|
outflow[r] = s[r] / tau ~ u/Year ~|
tau = 5 ~ Year ~|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 10 ~ Year ~|
TIME STEP = 0.25 ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

/** The scores of every loop of `a` equal those of `b` at every time, bit for bit. */
function sameScores(a: string, b: string, of = model, loops = 2): void {
  const da = dominance(of(a));
  const db = dominance(of(b));
  expect(da.notScored).toEqual([]);
  expect(db.notScored).toEqual([]);
  expect(da.loops.length).toBe(loops);
  // The ids may differ in their polarity letter: the diagram's polarity of RAMP's slope is known, of the IF THEN ELSE not.
  expect(db.loops.map((l) => l.elements)).toEqual(da.loops.map((l) => l.elements));
  for (let i = 0; i < da.loops.length; i++) {
    expect([...da.loops[i]!.score]).toEqual([...db.loops[i]!.score]);
    expect([...da.loops[i]!.relative]).toEqual([...db.loops[i]!.relative]);
  }
  // The loop through the switch is silent before it and scored after it.
  const r = da.loops.find((l) => l.polarity !== 'B')!;
  expect(r.score.some((x) => x === 0)).toBe(true);
  expect(r.score.some((x) => x > 0)).toBe(true);
}

describe('loop dominance through functions of time', () => {
  it('scores a loop through STEP (a variable height) as the IF THEN ELSE on TIME + TIME STEP/2', () => {
    sameScores('STEP(s * 0.1, 3.1)', 'IF THEN ELSE(TIME + 0.125 > 3.1, s * 0.1, 0)');
  });

  it('scores the element loops through STEP of an arrayed model as the IF THEN ELSE', () => {
    sameScores('STEP(s[r] * 0.1, 3.1)', 'IF THEN ELSE(TIME + 0.125 > 3.1, s[r] * 0.1, 0)', arrayed, 4);
  });

  it('scores a loop through RAMP with an end as the IF THEN ELSE on TIME', () => {
    sameScores('RAMP(s * 0.01, 2.1, 6.3)', 'IF THEN ELSE(TIME + 0.00025 < 2.1, 0, s * 0.01 * (MIN(TIME, 6.3) - 2.1))');
  });

  it('scores a loop through PULSE TRAIN as the IF THEN ELSE on its pulses', () => {
    // Pulses of width 0.5 every 2 from 1.1 to 7.9 (on at 1.25, 1.5; 3.25, 3.5; …).
    sameScores(
      's * 0.3 * PULSE TRAIN(1.1, 0.5, 2, 7.9)',
      's * 0.3 * IF THEN ELSE(TIME + 0.00025 < 1.1 :OR: TIME - 0.00025 > 7.9, 0, IF THEN ELSE(MODULO(TIME + 0.00025 - 1.1, 2) < 0.5, 1, 0))',
    );
  });

  it('evaluates each function of time to the value the run saved, at every step', () => {
    const text = `
x = INTEG(0.3, 1) ~ u ~|
a = STEP(x, 2.3) ~ u ~|
b = RAMP(x, 1.7, 4.45) ~ u ~|
c = RAMP(0.5, 3.05, 100) ~ u ~|
d = PULSE(x, 0.6) ~ u ~|
e = PULSE(3.3, 0) ~ u ~|
f = PULSE TRAIN(0.95, 0.3, 1.5, 6.1) ~ u ~|
g = PULSE TRAIN(2.2, 0, 0, 8) ~ u ~|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 8 ~ Year ~|
TIME STEP = 0.125 ~ Year ~|
SAVEPER = 0.125 ~ Year ~|
`;
    const { model, ir } = compileVensim(text);
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const run = model.run({ columns: ['x', ...names] });
    const x = run.get('x')!;
    for (const name of names) {
      const expr = ir.equations.find((q) => q.lhs.name === name)!.expr!;
      const saved = run.get(name)!;
      let switched = 0;
      for (let k = 0; k < run.time.length; k++) {
        const v = evaluate(expr, { value: (n) => (n === 'x' ? x[k]! : NaN), time: run.time[k]!, dt: 0.125, lookup: () => undefined });
        expect(v, `${name} at ${run.time[k]}`).toBe(saved[k]);
        if (k > 0 && saved[k] !== saved[k - 1]) switched++;
      }
      expect(switched, name).toBeGreaterThan(0);
    }
  });
});
