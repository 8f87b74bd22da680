/**
 * XMILE's INT (the floor, XMILE 1.0 §3.5.1) written to .mdl with Vensim's INTEGER, which truncates
 * toward zero (vensim.com/documentation/fn_integer.html), where the argument may be written twice
 * (int-as-expression.ts). Expected values worked by hand: floor(−0.5) = −1, floor(−1) = −1,
 * floor(−1.5) = −2, …, floor(1.25) = 1, floor(0.25) = 0.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { xmileDoc } from '../xmile/test-support.js';
import { writeVensim } from './writer.js';

const doc = (vars: string) => xmileDoc(vars, { stop: 4, dt: '<dt>0.5</dt>' });

describe('XMILE INT written to .mdl', () => {
  const source = compileXmile(doc('<aux name="neg"><eqn>INT(-TIME - 0.5)</eqn></aux><aux name="pos"><eqn>INT(1.25 - TIME / 2)</eqn></aux>'));
  const text = writeVensim(source.ir);
  const run = compileVensim(text).model.run();
  const col = (n: string) => Array.from(run.get(n)!);

  it('as INTEGER less one below a negative fraction, with no macro left', () => {
    expect(text).toContain('INTEGER(-Time - 0.5) - IF THEN ELSE(-Time - 0.5 < INTEGER(-Time - 0.5), 1, 0)');
    expect(text).not.toContain('#int');
  });

  it('is the floor for negative fractions, negative whole numbers and positive values', () => {
    // TIME 0, 0.5, …, 4: −TIME − 0.5 is −0.5, −1, −1.5, …, −4.5.
    expect(col('neg')).toEqual([-1, -1, -2, -2, -3, -3, -4, -4, -5]);
    // 1.25 − TIME/2 is 1.25, 1, 0.75, 0.5, 0.25, 0, −0.25, −0.5, −0.75.
    expect(col('pos')).toEqual([1, 1, 0, 0, 0, 0, -1, -1, -1]);
    expect(col('neg')).toEqual(Array.from(source.model.run().get('neg')!));
  });

  it('keeps the macro where the argument has randomness or state (written twice it would differ)', () => {
    const kept = writeVensim(compileXmile(doc('<aux name="r"><eqn>INT(RANDOM(0, 3))</eqn></aux><aux name="s"><eqn>INT(SMTH1(TIME, 2))</eqn></aux><aux name="p"><eqn>INT(-TIME)</eqn></aux>')).ir);
    expect(kept).toContain(':MACRO: "#int"(x)');
    expect(kept).toMatch(/"#int"\(RANDOM UNIFORM\(0, 3\)\)/);
    expect(kept).toMatch(/"#int"\(SMOOTH\(/);
    expect(kept).toContain('INTEGER(-Time) - IF THEN ELSE(-Time < INTEGER(-Time), 1, 0)');
  });
});
