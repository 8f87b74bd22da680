/**
 * DERIVN in the reference interpreter, on a model written from the Stella/Vensim description
 * (iseesystems.com Data builtins: dx/dt = (x(t) − x(t − dt)) / dt, applied recursively for higher
 * orders, 0 at the initial time where no earlier value exists). Hand-worked values; the compiled
 * engine must agree.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { compileVensim } from '../run/engine.js';
import { runReference } from './interpreter.js';

const MODEL = [
  'x = Time * Time ~~|', 'first = DERIVN(x, 1) ~~|', 'second = DERIVN(x, 2) ~~|', 'of sum = 1 + DERIVN(x, 1) ~~|',
  'INITIAL TIME = 0 ~~|', 'FINAL TIME = 2 ~~|', 'TIME STEP = 0.5 ~~|', 'SAVEPER = 0.5 ~~|',
].join('\n');
// x = 0, .25, 1, 2.25, 4 at t = 0, .5, 1, 1.5, 2.
const EXPECTED: [string, number[]][] = [
  ['first', [0, 0.5, 1.5, 2.5, 3.5]],
  ['second', [0, 1, 2, 2, 2]],
  ['of sum', [1, 1.5, 2.5, 3.5, 4.5]],
];

describe('DERIVN (backward differences over TIME STEP)', () => {
  it('the reference interpreter gives the hand-worked values', () => {
    const r = runReference(readVensim(MODEL));
    for (const [name, values] of EXPECTED) expect([name, r.columns.get(name)]).toEqual([name, values]);
  });

  it('the compiled engine agrees', () => {
    const r = compileVensim(MODEL).model.run();
    for (const [name, values] of EXPECTED) expect([name, Array.from(r.get(name)!)]).toEqual([name, values]);
  });
});
