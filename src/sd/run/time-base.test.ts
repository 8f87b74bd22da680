/**
 * TIME BASE on a small model written from Vensim's reference
 * (vensim.com/documentation/fn_time_base.html): "a new time base having the value START when
 * Time is 0 and increasing by SLOPE relative to Time", the same as START + Time × SLOPE.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { runReference } from '../reference/interpreter.js';
import { compileVensim } from './engine.js';

// The reference's example: a yearly time base for a monthly model, here starting in month 12.
const MODEL = [
  'decimal year = TIME BASE(1970, months per year) ~ Year ~|',
  'months per year = 0.25 ~ Year/Month ~|',
  'INITIAL TIME = 12 ~ Month ~|', 'FINAL TIME = 16 ~ Month ~|', 'TIME STEP = 2 ~ Month ~|', 'SAVEPER = 2 ~ Month ~|',
].join('\n');
// START is the value at Time 0, not at the initial time: 1970 + 12 × 0.25 = 1973 at month 12.
const EXPECTED = [1973, 1973.5, 1974];

describe('TIME BASE (fn_time_base)', () => {
  it('the compiled engine gives START + Time × SLOPE', () => {
    expect(Array.from(compileVensim(MODEL).model.run().get('decimal year')!)).toEqual(EXPECTED);
  });

  it('the reference interpreter gives the same', () => {
    expect(runReference(readVensim(MODEL)).columns.get('decimal year')).toEqual(EXPECTED);
  });

  it('takes exactly two arguments, and says where when not', () => {
    expect(() => compileVensim(`x = TIME BASE(1970) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|`)).toThrow(
      /1:\d+: error E_ARITY: TIME BASE takes 2 arguments/,
    );
  });
});
