import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { runRealityChecks } from './reality-check.js';

/**
 * A subscripted Constraint holds for each element: it is run and reported element by element, the
 * Test Input it uses bound to the same element, and only that element of the variable forced (the
 * others keep their computed values). Hand-worked: w = 1, 2, 3, y = 10 w, total = 60.
 * - no w no y[e]: w[e] forced 0 gives y[e] = 0 at t = 0, 1, 2: passes for a, b, c.
 * - small total[e]: zeroing a gives total 0 + 20 + 30 = 50 (not < 45, fails at t = 0); zeroing b
 *   gives 40 and c 30 (pass). A total of 0 would mean every element was forced.
 */
const text = `INITIAL TIME = 0 ~~|
FINAL TIME = 2 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
s: a, b, c ~~|
w[s] = 1, 2, 3 ~~|
y[s] = 10 * w[s] ~~|
total = SUM(y[s!]) ~~|
zero w[s] :TEST INPUT: w[s] = 0 ~~|
no w no y[s] :THE CONDITION: zero w[s] :IMPLIES: y[s] = 0 ~~|
small total[s] :THE CONDITION: zero w[s] :IMPLIES: total < 45 ~~|
one element :THE CONDITION: w[b] = 7 :IMPLIES: y[b] = 70 :AND: y[a] = 10 ~~|
`;

describe('subscripted Reality Check entries', () => {
  it('checks a subscripted Constraint for each element, forcing only that element', () => {
    const rs = runRealityChecks(readVensim(text, 's.mdl'));
    expect(rs.map((r) => [r.display, r.status, r.checked, r.failures])).toEqual([
      ['no w no y[a]', 'pass', 3, 0],
      ['no w no y[b]', 'pass', 3, 0],
      ['no w no y[c]', 'pass', 3, 0],
      ['small total[a]', 'fail', 3, 3],
      ['small total[b]', 'pass', 3, 0],
      ['small total[c]', 'pass', 3, 0],
      ['one element', 'pass', 3, 0],
    ]);
    expect(rs[3]).toMatchObject({ forced: [{ variable: 'w[a]', by: 'zero w[a]' }], firstFailure: { time: 0, values: [{ name: 'total', value: 50 }] } });
    expect(rs[0]!.loc).toMatchObject({ file: 's.mdl', line: 10 });
  });

  it('refuses a whole range forced at once and a variable defined element by element, located', () => {
    const bad = `${text.split('zero w[s] :TEST')[0]}zero w[s] :TEST INPUT: w[s] = 0 ~~|
v[a] = 1 ~~|
v[b] = 2 ~~|
all at once :THE CONDITION: zero w[s] :IMPLIES: total = 0 ~~|
by element :THE CONDITION: v[a] = 0 :IMPLIES: total = 60 ~~|
whole range :THE CONDITION: w[a] = 0 :IMPLIES: y[s] = 0 :AND: SUM(y[s!]) = 50 ~~|
`;
    const rs = runRealityChecks(readVensim(bad, 'b.mdl'));
    expect(rs.map((r) => [r.status, r.refusal!.loc!.line])).toEqual([
      ['refused', 12],
      ['refused', 13],
      ['refused', 14],
    ]);
    expect(rs[0]!.refusal!.message).toContain('s is not an element of s');
    expect(rs[0]!.refusal!.messageEs).toContain('no es un elemento de s');
    expect(rs[1]!.refusal!.message).toContain('several equations');
    expect(rs[2]!.refusal!.message).toBe('the consequence of whole range reads y[s] over the whole range s: name an element, or subscript the Constraint');
    expect(rs[2]!.refusal!.loc!.column).toBe(48); // at y[s]
  });
});
