import { describe, expect, it } from 'vitest';
import { dominanceOf } from './test-support/dominance.js';

// Lookups read with their own rule are scored by that rule: the partial change of inflow when s
// alone moves is the table read by LOOKUP EXTRAPOLATE / FORWARD / BACKWARD at the moved s. Rules
// from Vensim's reference pages for LOOKUP EXTRAPOLATE (the first or last segment's line continued
// past the ends), LOOKUP FORWARD (the y of the first point at or after x, no interpolation) and
// LOOKUP BACKWARD (the y of the last point at or before x); XMILE 1.0 §3.1.4 gives the same for
// extrapolate and discrete graphical functions. Expected scores worked out by hand below.
//
// One loop, s → inflow → s; inflow the only flow, so its link to s scores 1 (2023: |Δinflow/Δnet|)
// and the loop score at t = 0 is that of s → inflow: |partial / Δinflow| · sign(partial / Δs), with
// partial = inflow evaluated with s moved and m held, minus inflow. m grows by 1 a year, dt = 1.

const model = (table: string, inflow: string, s0: number) => `
g(${table}) ~~|
s = INTEG(inflow, ${s0}) ~ u ~|
inflow = ${inflow} ~ u/Year ~|
m = INTEG(1, 1) ~ 1/Year ~|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 2 ~ Year ~|
TIME STEP = 1 ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

function firstScore(text: string, arrayed = false): number {
  const d = dominanceOf(arrayed ? text.replace(/\bs\b/g, 's[dim]').replace(/\binflow\b/g, 'inflow[dim]').replace('g(', 'dim: A1, A2 ~~|\ng(') : text, { discover: false });
  expect(d.notScored).toEqual([]);
  expect(d.loops.length).toBe(arrayed ? 2 : 1);
  return d.loops[0]!.score[0]!;
}

describe('loop scores through lookups read with their own rule', () => {
  // g = x on [0, 10]; s(0) = 12, past the end. inflow = g(s)·m/10 = 1.2; s(1) = 13.2, m(1) = 2,
  // inflow(1) = 13.2·2/10 = 2.64. Extrapolated, partial = 13.2·1/10 − 1.2 = 0.12, Δinflow = 1.44:
  // score 0.12/1.44 = 1/12. (A normal lookup holds 10 past the end: partial 0, score 0.)
  const extrapolating = (fn: string) => model('[(0,0)-(10,10)],(0,0),(10,10)', `${fn} * m / 10`, 12);
  it('LOOKUP EXTRAPOLATE: the last segment continued', () => {
    expect(firstScore(extrapolating('LOOKUP EXTRAPOLATE(g, s)'))).toBeCloseTo(1 / 12, 12);
    expect(firstScore(extrapolating('g(s)'))).toBe(0);
  });

  // Points (0,0), (10,10), (20,20); s(0) = 9.5.
  // BACKWARD: inflow = (1 + g(9.5))·1 = 1 → s(1) = 10.5, m(1) = 2, inflow(1) = (1 + 10)·2 = 22.
  // partial = (1 + g(10.5))·1 − 1 = 10, Δinflow = 21: score 10/21.
  const table = '[(0,0)-(20,20)],(0,0),(10,10),(20,20)';
  it('LOOKUP BACKWARD: the last point at or before x', () => {
    expect(firstScore(model(table, '(1 + LOOKUP BACKWARD(g, s)) * m', 9.5))).toBeCloseTo(10 / 21, 12);
  });

  // FORWARD: inflow = (1 + g(9.5))·1 = 11 → s(1) = 20.5, m(1) = 2, inflow(1) = (1 + 20)·2 = 42 (past
  // the last point: its y). partial = (1 + 20)·1 − 11 = 10, Δinflow = 31: score 10/31.
  it('LOOKUP FORWARD: the first point at or after x', () => {
    expect(firstScore(model(table, '(1 + LOOKUP FORWARD(g, s)) * m', 9.5))).toBeCloseTo(10 / 31, 12);
  });

  // The same loops per element of an array (the element scorer, element-eval.ts): the same scores.
  it('scores each rule element by element too', () => {
    expect(firstScore(extrapolating('LOOKUP EXTRAPOLATE(g, s)'), true)).toBeCloseTo(1 / 12, 12);
    expect(firstScore(model(table, '(1 + LOOKUP BACKWARD(g, s)) * m', 9.5), true)).toBeCloseTo(10 / 21, 12);
    expect(firstScore(model(table, '(1 + LOOKUP FORWARD(g, s)) * m', 9.5), true)).toBeCloseTo(10 / 31, 12);
  });
});
