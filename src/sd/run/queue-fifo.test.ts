/**
 * QUEUE FIFO(inflow, outflow, profile, initial, age range) with no initial content, read by
 * QUEUE AGE IN RANGE(queue, minage, maxage), from Vensim's reference
 * (https://www.vensim.com/documentation/fn_queue_fifo.html, fn_queue_age_in_range.html, and the
 * Modeling Guide's mgu09_queues.html): the queue is a level moved by dt × (inflow − outflow) once
 * per TIME STEP; what enters in one step is one entry, TIME STEP old at the next time; what leaves
 * is taken from the oldest first; a negative inflow is an outflow and a negative outflow an
 * inflow; a negative queue has entries of the previous TIME STEP only. Each model is written for
 * this test and every expected number is worked by hand in the comments from those rules.
 */
import { describe, expect, it } from 'vitest';
import { causalGraph } from '../analyze/structure/causal-graph.js';
import { checkUnits } from '../analyze/units.js';
import { readVensim } from '../vensim/reader.js';
import { runReference } from '../reference/interpreter.js';
import { writeVensim } from '../vensim/writer.js';
import { compileVensim } from './engine.js';
import { VENSIM_NA } from '../ir/na.js';

const control = (end: number, dt: number) => `INITIAL TIME = 0 ~ Day ~|\nFINAL TIME = ${end} ~ Day ~|\nTIME STEP = ${dt} ~ Day ~|\nSAVEPER = TIME STEP ~ Day ~|\n`;
const FLAT = 'flat((0,1),(1,1)) ~ Dmnl ~|\n';

function run(mdl: string): Record<string, number[]> {
  const r = compileVensim(mdl, { file: 'queue.mdl' }).model.run();
  return Object.fromEntries(r.names.map((n) => [n, Array.from(r.get(n)!)]));
}

describe('QUEUE FIFO with no initial content (fn_queue_fifo)', () => {
  it("the Modeling Guide's order queue: with the outflow the content at least the processing time old, every order waits that long", () => {
    // mgu09_queues: shipped orders = QUEUE AGE IN RANGE(WIP, minimum processing time, 1e+009)/TIME STEP.
    // dt 1, 10 orders a day, minimum time 2: the orders of day 0 are 1 day old at t = 1 and 2 days
    // old at t = 2, when they ship; from then on 10 in and 10 out, 20 waiting (the orders of the last two days).
    const v = run(`${FLAT}new orders = 10 ~ Widget/Day ~|
WIP = QUEUE FIFO(new orders, shipped orders, flat, 0, 3) ~ Widget ~|
minimum processing time = 2 ~ Day ~|
shipped orders = QUEUE AGE IN RANGE(WIP, minimum processing time, 1e+009) / TIME STEP ~ Widget/Day ~|
${control(5, 1)}`);
    expect(v.WIP).toEqual([0, 10, 20, 20, 20, 20]);
    expect(v['shipped orders']).toEqual([0, 0, 10, 10, 10, 10]);
  });

  it('takes what leaves from the oldest entries first, and counts the content by age', () => {
    // dt 1. Inflow 10 at t = 0, 5 at t = 1, then 0 (STEP switches at its time); outflow MIN(4, content).
    //   t=0: empty, out 0; entry e0 = 10.                     content 10
    //   t=1: e0 10 (age 1); out 4 from e0 → 6; e1 = 5.         content 11
    //   t=2: e0 6 (age 2), e1 5 (age 1); out 4 from e0 → 2; e2 = 0.   content 7
    //   t=3: e0 2 (age 3), e1 5 (age 2), e2 0 (age 1); out 4: e0 gone, e1 → 3.   content 3
    //   t=4: e1 3 (age 3); out 3 → empty.
    const v = run(`${FLAT}in = 10 - STEP(5, 1) - STEP(5, 2) ~ Widget/Day ~|
q = QUEUE FIFO(in, out, flat, 0, 1) ~ Widget ~|
out = MIN(4, q / TIME STEP) ~ Widget/Day ~|
young = QUEUE AGE IN RANGE(q, :NA:, 1) ~ Widget ~|
old = QUEUE AGE IN RANGE(q, 2, :NA:) ~ Widget ~|
two = QUEUE AGE IN RANGE(q, 2, 2) ~ Widget ~|
all = QUEUE AGE IN RANGE(q, :NA:, :NA:) ~ Widget ~|
${control(5, 1)}`);
    expect(v.q).toEqual([0, 10, 11, 7, 3, 0]);
    expect(v.out).toEqual([0, 4, 4, 4, 3, 0]);
    expect(v.young).toEqual([0, 10, 5, 0, 0, 0]);
    expect(v.old).toEqual([0, 0, 6, 7, 3, 0]);
    expect(v.two).toEqual([0, 0, 6, 5, 0, 0]);
    expect(v.all).toEqual(v.q);
  });

  it('has the value of the level INTEG(inflow - outflow, 0) and ages by TIME STEP', () => {
    // dt 0.5: the entry of t = 0 is 0.5 old at t = 0.5 and 1 old at t = 1, when `ready` counts it.
    const v = run(`${FLAT}in = 2 + STEP(2, 1) ~ Widget/Day ~|
q = QUEUE FIFO(in, out, flat, 0, 1) ~ Widget ~|
level = INTEG(in - out, 0) ~ Widget ~|
ready = QUEUE AGE IN RANGE(q, 1, :NA:) ~ Widget ~|
out = ready / TIME STEP ~ Widget/Day ~|
${control(3, 0.5)}`);
    expect(v.q).toEqual(v.level);
    // Each entry is in × 0.5 and leaves when 1 old: ready(t) is the entry of t − 1.
    expect(v.ready).toEqual([0, 0, 1, 1, 2, 2, 2]);
    expect(v.q).toEqual([0, 1, 2, 3, 4, 4, 4]);
  });

  it('never changes within a time step: Runge-Kutta stages see the value and ages of the step start', () => {
    // fn_queue_fifo: "unlike an ordinary Level the value of a queue will never change within a time
    // step". dt 1, inflow 1: q = 0, 1, 2, 3 at t = 0..3 (and the same through each step's stages), so
    // RK4 integrates q as a step function: s(t + 1) = s(t) + q(t) = 0, 0, 1, 3; the ordinary level L
    // gives the exact integral t²/2 = 0, 0.5, 2, 4.5. The reader all = q the same way.
    const mdl = `${FLAT}q = QUEUE FIFO(1, 0, flat, 0, 1) ~ Widget ~|
L = INTEG(1, 0) ~ Widget ~|
all = QUEUE AGE IN RANGE(q, :NA:, :NA:) ~ Widget ~|
s = INTEG(q, 0) ~ Widget*Day ~|
sa = INTEG(all, 0) ~ Widget*Day ~|
sl = INTEG(L, 0) ~ Widget*Day ~|
${control(3, 1)}`;
    const r = compileVensim(mdl, { file: 'queue.mdl' }).model.run({ method: 'rk4' });
    const col = (n: string) => Array.from(r.get(n)!);
    expect(col('q')).toEqual([0, 1, 2, 3]);
    expect(col('s')).toEqual([0, 0, 1, 3]);
    expect(col('sa')).toEqual([0, 0, 1, 3]);
    col('sl').forEach((v, t) => expect(v).toBeCloseTo((t * t) / 2, 12));
  });

  it('treats a negative inflow as outflow and a negative outflow as inflow', () => {
    // t=0: in 10, out -2: one entry of (10 + 2) × 1 = 12. Then in -3, out 0: 3 a day leave the oldest.
    const v = run(`${FLAT}in = 10 - STEP(13, 1) ~ Widget/Day ~|
out = -2 + STEP(2, 1) ~ Widget/Day ~|
q = QUEUE FIFO(in, out, flat, 0, 1) ~ Widget ~|
young = QUEUE AGE IN RANGE(q, :NA:, 1) ~ Widget ~|
old = QUEUE AGE IN RANGE(q, 2, :NA:) ~ Widget ~|
${control(3, 1)}`);
    expect(v.q).toEqual([0, 12, 9, 6]);
    expect(v.young).toEqual([0, 12, 0, 0]);
    expect(v.old).toEqual([0, 0, 9, 6]);
  });

  it('a negative queue has entries of the previous TIME STEP only; coming back above 0 stops the run, located', () => {
    // Outflow 5 from an empty queue: -5, then -10, all of it TIME STEP old.
    const base = `${FLAT}out = 5 ~ Widget/Day ~|
q = QUEUE FIFO(in, out, flat, 0, 1) ~ Widget ~|
young = QUEUE AGE IN RANGE(q, 1, 1) ~ Widget ~|
old = QUEUE AGE IN RANGE(q, 2, :NA:) ~ Widget ~|
`;
    const v = run(`${base}in = 0 ~ Widget/Day ~|\n${control(2, 1)}`);
    expect(v.q).toEqual([0, -5, -10]);
    expect(v.young).toEqual([0, -5, -10]);
    expect(v.old).toEqual([0, 0, 0]);
    // At t = 2 an inflow of 20 would take it to -10 + 20 - 5 = 5: which entries -10 cancels is not said.
    expect(() => run(`${base}in = STEP(20, 2) ~ Widget/Day ~|\n${control(4, 1)}`)).toThrow(/queue\.mdl:3:\d+: q at time 2: a QUEUE FIFO that was negative has content again/);
  });

  it('refuses initial content, located: at the argument when written as a number, at run time otherwise', () => {
    const lit = `${FLAT}q = QUEUE FIFO(1, 0, flat, 100, 3) ~ Widget ~|\n${control(2, 1)}`;
    expect(() => run(lit)).toThrow(/queue\.mdl:2:28: .*QUEUE FIFO with an initial content of 100 is not supported: fn_queue_fifo/);
    const byName = `${FLAT}start = 5 ~ Widget ~|\nq = QUEUE FIFO(1, 0, flat, start, 3) ~ Widget ~|\n${control(2, 1)}`;
    expect(() => run(byName)).toThrow(/queue\.mdl:3:\d+: q at the initial time: QUEUE FIFO with an initial content of 5 is not supported/);
  });

  it('QUEUE AGE IN RANGE of a variable that is not a queue is :NA:; of an expression, a located error', () => {
    const v = run(`${FLAT}x = 3 ~ Widget ~|\ny = QUEUE AGE IN RANGE(x, :NA:, :NA:) ~ Widget ~|\n${control(1, 1)}`);
    expect(v.y).toEqual([VENSIM_NA, VENSIM_NA]);
    expect(() => run(`${FLAT}x = 3 ~ Widget ~|\ny = QUEUE AGE IN RANGE(x + 1, 0, 1) ~ Widget ~|\n${control(1, 1)}`)).toThrow(
      /queue\.mdl:3:\d+: .*the first argument of QUEUE AGE IN RANGE must be the name of a variable defined with QUEUE FIFO/,
    );
  });

  it('an arrayed queue keeps one queue per element', () => {
    const v = run(`${FLAT}r: a, b ~~|
in[r] = 1, 2 ~ Widget/Day ~|
q[r] = QUEUE FIFO(in[r], out[r], flat, 0, 1) ~ Widget ~|
out[r] = QUEUE AGE IN RANGE(q[r], 2, :NA:) / TIME STEP ~ Widget/Day ~|
${control(3, 1)}`);
    expect(v['q[a]']).toEqual([0, 1, 2, 2]);
    expect(v['q[b]']).toEqual([0, 2, 4, 4]);
    expect(v['out[b]']).toEqual([0, 0, 2, 2]);
  });

  it('units: a level of the flows × time; QUEUE AGE IN RANGE has the queue units and wants times', () => {
    const ok = readVensim(`${FLAT}in = 1 ~ Widget/Day ~|
q = QUEUE FIFO(in, out, flat, 0, 3) ~ Widget ~|
out = QUEUE AGE IN RANGE(q, 2, :NA:) / TIME STEP ~ Widget/Day ~|
${control(3, 1)}`);
    expect(checkUnits(ok)).toEqual([]);
    const bad = readVensim(`${FLAT}in = 1 ~ Widget/Day ~|
q = QUEUE FIFO(in, out, flat, 0, 3) ~ Widget/Day ~|
w = 2 ~ Widget ~|
out = QUEUE AGE IN RANGE(q, w, :NA:) / TIME STEP ~ Widget/Day ~|
${control(3, 1)}`);
    const messages = checkUnits(bad).map((d) => `${d.variable}: ${d.message}`);
    // The queue is declared in the flow's units, the minimum age in the queue's; `out` then divides Widget/Day by Day.
    expect(messages).toEqual([
      'q: equation gives Widget, declared Widget/Day',
      'out: QUEUE AGE IN RANGE minimum age in Widget, not Day',
      'out: equation gives Widget/Day^2, declared Widget/Day',
    ]);
  });

  const twoReaders = `${FLAT}in = 10 - STEP(5, 1) ~ Widget/Day ~|
q = QUEUE FIFO(in, out, flat, 0, 1) ~ Widget ~|
out = QUEUE AGE IN RANGE(q, 2, :NA:) / TIME STEP ~ Widget/Day ~|
${control(4, 1)}`;

  it('the reference interpreter, written apart from the compiler, gives the same numbers', () => {
    // Oldest-first removal, ages, swapped negative flows and an arrayed queue, under Euler.
    const mdl = `${FLAT}r: a, b ~~|
in[a] = 10 - STEP(5, 1) - STEP(5, 2) ~ Widget/Day ~|
in[b] = 3 - STEP(4, 3) ~ Widget/Day ~|
out[a] = MIN(4, q[a] / TIME STEP) ~ Widget/Day ~|
out[b] = -1 + STEP(3, 2) ~ Widget/Day ~|
q[r] = QUEUE FIFO(in[r], out[r], flat, 0, 1) ~ Widget ~|
young[r] = QUEUE AGE IN RANGE(q[r], :NA:, 1) ~ Widget ~|
old[r] = QUEUE AGE IN RANGE(q[r], 1.5, 2.5) ~ Widget ~|
${control(6, 0.5)}`;
    const engine = compileVensim(mdl, { file: 'queue.mdl' }).model.run();
    const ref = runReference(readVensim(mdl));
    for (const col of ['q[a]', 'q[b]', 'young[a]', 'young[b]', 'old[a]', 'old[b]']) {
      const want = ref.columns.get(col)!;
      expect(Array.from(engine.get(col)!), col).toEqual(Array.from(want));
    }
    expect(Math.max(...Array.from(engine.get('old[b]')!))).toBeGreaterThan(0);
  });

  it('in the causal graph the flows act at every step, profile, initial content and age range only at the start', () => {
    const g = causalGraph(readVensim(`${FLAT}start = 0 ~ Widget ~|\nrange = 3 ~ Day ~|\nin = 1 ~ Widget/Day ~|
q = QUEUE FIFO(in, out, flat, start, range) ~ Widget ~|\nout = QUEUE AGE IN RANGE(q, 2, :NA:) / TIME STEP ~ Widget/Day ~|\n${control(2, 1)}`));
    const into = Object.fromEntries(g.links.filter((l) => l.to === 'q').map((l) => [l.from, l.initialOnly]));
    expect(into).toEqual({ in: false, out: false, flat: true, start: true, range: true });
  });

  // The XMILE writer refuses both (src/sd/xmile/vensim-only-functions.test.ts).
  it('is written back to .mdl as itself and reruns the same', () => {
    const again = writeVensim(readVensim(twoReaders));
    expect(again).toMatch(/QUEUE FIFO\(in, out, flat, 0, 1\)/);
    expect(run(again)).toEqual(run(twoReaders));
  });
});
