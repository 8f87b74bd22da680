/**
 * TIME SHIFT on a small model written from Vensim's reference
 * (vensim.com/documentation/fn_time_shift.html): `d := TIME SHIFT(data, shift)` is the data moved
 * in time, a positive shift letting the model see the data ahead ("sales next month :=
 * TIME SHIFT(sales data, 1)"); the shift is a number or a constant; the result is a new data series
 * on new time points. Hand-worked values; the compiled engine and the reference interpreter must agree.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { runReference } from '../reference/interpreter.js';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const DATA = new Map([['sales', { times: [0, 2, 4], values: [10, 20, 40] }]]);
const MODEL = `sales ~~|\nhorizon = 1 ~~|\nsales next := TIME SHIFT(sales, horizon) ~~|\nsales before := TIME SHIFT(sales, -2) ~~|\n${CONTROL}`;
// sales interpolates 10, 15, 20, 30, 40 at 0..4 and holds its ends.
const EXPECTED: [string, number[]][] = [
  ['sales next', [15, 20, 30, 40, 40]], // sales(t + 1)
  ['sales before', [10, 10, 10, 15, 20]], // sales(t − 2)
];

describe('TIME SHIFT (fn_time_shift)', () => {
  it('the compiled engine reads the data shift time units ahead', () => {
    const r = compileVensim(MODEL, { externalData: DATA }).model.run();
    for (const [name, values] of EXPECTED) expect([name, Array.from(r.get(name)!)]).toEqual([name, values]);
  });

  it('the reference interpreter gives the same', () => {
    const r = runReference(readVensim(MODEL), DATA);
    for (const [name, values] of EXPECTED) expect([name, r.columns.get(name)]).toEqual([name, values]);
  });

  it('makes a new series on new time points', () => {
    const r = compileVensim(`${MODEL}first = GET DATA FIRST TIME(sales next) ~~|\n`, { externalData: DATA }).model.run();
    expect(r.get('first')![0]).toBe(-1);
  });

  it('is only the whole right-hand side of a data equation, and says where otherwise', () => {
    expect(() => compileVensim(`sales ~~|\nx = 1 + TIME SHIFT(sales, 1) ~~|\n${CONTROL}`, { externalData: DATA })).toThrow(
      /2:\d+: error E_SYNTAX: TIME SHIFT must be the whole right-hand side of a data equation/,
    );
  });
});
