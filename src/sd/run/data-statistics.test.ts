/**
 * GET DATA MAX / MIN / MEAN, each on a small model written from Vensim's reference
 * (vensim.com/documentation/fn_get_data_min.html: "the minimum value that a Data variable takes
 * over a time range; :NA: when there is no data in the range"). MAX and MEAN are read the same
 * way (assumed; no page of their own was found). Expected values are worked out by hand, and the
 * compiled engine and the reference interpreter must both give them.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { runReference } from '../reference/interpreter.js';
import { compileVensim } from './engine.js';
import { VENSIM_NA } from '../ir/na.js';

const NA = VENSIM_NA;
const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
// sales has points at 1, 2 and 4; gappy has a :NA: point at 1 and a missing one (NaN) at 3.
const DATA = new Map([
  ['sales', { times: [1, 2, 4], values: [10, 4, 7] }],
  ['gappy', { times: [0, 1, 2, 3], values: [3, NA, 5, NaN] }],
]);
const EQUATIONS = [
  'sales ~~|', 'gappy ~~|',
  'hi = GET DATA MAX(sales, INITIAL TIME, FINAL TIME) ~~|',
  'hi from start = GET DATA MAX(sales, 2, 3) ~~|',
  'lo = GET DATA MIN(sales, 2, 4) ~~|',
  'lo to end = GET DATA MIN(sales, 2.5, 4) ~~|',
  'avg = GET DATA MEAN(sales, 0, 10) ~~|',
  'empty = GET DATA MEAN(sales, 2.5, 3.5) ~~|',
  'lo so far = GET DATA MIN(sales, 0, Time) ~~|',
  'gappy mean = GET DATA MEAN(gappy, 0, 3) ~~|',
  'gappy min = GET DATA MIN(gappy, 0, 3) ~~|',
];
const EXPECTED: [string, number[]][] = [
  ['hi', [10, 10, 10, 10, 10]],
  ['hi from start', [4, 4, 4, 4, 4]], // only the point at 2, the start of the range
  ['lo', [4, 4, 4, 4, 4]],
  ['lo to end', [7, 7, 7, 7, 7]], // only the point at 4, the end of the range
  ['avg', [7, 7, 7, 7, 7]], // (10 + 4 + 7) / 3
  ['empty', [NA, NA, NA, NA, NA]],
  ['lo so far', [NA, 10, 4, 4, 4]],
  ['gappy mean', [4, 4, 4, 4, 4]], // (3 + 5) / 2: the :NA: and the missing point are skipped
  ['gappy min', [3, 3, 3, 3, 3]],
];

describe('GET DATA MAX / MIN / MEAN (fn_get_data_min)', () => {
  it('the compiled engine takes them over the data points in the range, both ends included', () => {
    const r = compileVensim(`${EQUATIONS.join('\n')}\n${CONTROL}`, { externalData: DATA }).model.run();
    for (const [name, values] of EXPECTED) expect([name, Array.from(r.get(name)!)]).toEqual([name, values]);
  });

  it('the reference interpreter gives the same values', () => {
    const r = runReference(readVensim(`${EQUATIONS.join('\n')}\n${CONTROL}`), DATA);
    for (const [name, values] of EXPECTED) expect([name, r.columns.get(name)]).toEqual([name, values]);
  });

  it('works inside INITIAL, as the reference example writes it', () => {
    const text = `sales ~~|\nmin sales in data = INITIAL(GET DATA MIN(sales, INITIAL TIME, FINAL TIME)) ~~|\n${CONTROL}`;
    const r = compileVensim(text, { externalData: DATA }).model.run();
    expect(Array.from(r.get('min sales in data')!)).toEqual([4, 4, 4, 4, 4]);
  });

  it('says where, when the first argument is not a data variable', () => {
    expect(() => compileVensim(`c = 1 ~~|\nx = GET DATA MAX(c, 0, 4) ~~|\n${CONTROL}`)).toThrow(/2:\d+: error E_ARGUMENT: GET DATA MAX needs a data variable/);
  });
});
