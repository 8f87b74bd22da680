/**
 * Vensim semantics each checked on a small model written from Vensim's function reference
 * (vensim.com/documentation/fn_*.html); the expected values are worked out by hand from it.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const run = (eqs: string) => compileVensim(`${eqs}\n${CONTROL}`).model.run();
const at = (r: ReturnType<typeof run>, name: string, t = 0) => r.get(name)![t];

describe('VECTOR ELM MAP (fn_vector_elm_map)', () => {
  // Reference: v2[sub,tub] = VECTOR ELM MAP(v[s1,t1], (sub-1)*ELMCOUNT(tub) + (tub-1)) is v[sub,tub]:
  // the offset counts over the variable laid out flat, last subscript fastest.
  const model = [
    'row: r1, r2 ~~|', 'col: c1, c2, c3 ~~|',
    'v[row, col] = 1, 2, 3; 4, 5, 6; ~~|',
    'same[row, col] = VECTOR ELM MAP(v[r1, c1], (row - 1) * ELMCOUNT(col) + (col - 1)) ~~|',
    'wrap = VECTOR ELM MAP(v[r1, c2], 2) ~~|',
    'moving = VECTOR ELM MAP(v[r1, c1], Time) ~~|',
    'outside = VECTOR ELM MAP(v[r2, c3], 1) ~~|',
  ].join('\n');
  const r = run(model);

  it('reproduces the source through the documented flat offset', () => {
    const got = ['r1', 'r2'].flatMap((a) => ['c1', 'c2', 'c3'].map((b) => at(r, `same[${a},${b}]`)));
    expect(got).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('runs past the end of a row into the next one', () => {
    expect(at(r, 'wrap')).toBe(4); // v[r1,c2] is flat 1; 1 + 2 = 3 is v[r2,c1]
  });

  it('follows an offset that changes over time, and gives :NA: outside the variable', () => {
    expect(Array.from(r.get('moving')!)).toEqual([1, 2, 3, 4, 5]);
    expect(Number.isNaN(at(r, 'outside'))).toBe(true);
  });
});
