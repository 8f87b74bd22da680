/**
 * The one rule for an expression written more than once (repeatable.ts), used by both writers'
 * computed-subscript forms. Each case is read from a small .mdl so the expressions are the reader's.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { repeatable } from './repeatable.js';

const MACROS =
  ':MACRO: TWICE(a)\nTWICE = 2 * a ~~|\n:END OF MACRO:\n' +
  ':MACRO: LAGGED(a)\nLAGGED = SMOOTH(a, 2) ~~|\n:END OF MACRO:\n' +
  ':MACRO: NOISY(a)\nNOISY = a + RANDOM UNIFORM(0, 1, 3) ~~|\n:END OF MACRO:\n' +
  ':MACRO: SELF(a)\nSELF = IF THEN ELSE(a > 0, SELF(a - 1), 0) ~~|\n:END OF MACRO:\n' +
  ':MACRO: SPLIT(a : rest)\nSPLIT = INTEGER(a) ~~|\nrest = a - INTEGER(a) ~~|\n:END OF MACRO:\n';

/** Whether the right-hand side of `y = rhs` is repeatable, with the macros above and a lookup g. */
function of(rhs: string): boolean {
  const ir = readVensim(`${MACROS}g((0,0),(10,10)) ~~|\nx = 3 ~~|\ny = ${rhs} ~~|\n`);
  const y = ir.equations.find((q) => q.lhs.name === 'y')!;
  return repeatable(y.expr!, new Map(ir.macros.map((m) => [m.name, m])));
}

describe('repeatable: the same number each time it is written', () => {
  it('numbers, variables, operators and functions of their arguments alone', () => {
    expect(of('x + Time * 2')).toBe(true);
    expect(of('INTEGER(ABS(x - 7)) + MODULO(x, 2) + MIN(x, 1) + ELMCOUNT(x)')).toBe(true);
    expect(of('IF THEN ELSE(x > 1, STEP(1, 2), PULSE(1, 2))')).toBe(true);
  });

  it('a lookup is a function of its input', () => {
    expect(of('g(x) + 1')).toBe(true);
    expect(of('g(SMOOTH(x, 2))')).toBe(false);
  });

  it('a function with state is not: each copy would be a stock of its own', () => {
    expect(of('SMOOTH(x, 2)')).toBe(false);
    expect(of('1 + DELAY1(x, 1)')).toBe(false);
    expect(of('INITIAL(x)')).toBe(false);
  });

  it('a random draw is not: each copy draws again', () => {
    expect(of('RANDOM UNIFORM(0, 1, 7)')).toBe(false);
    expect(of('x * RANDOM 0 1()')).toBe(false);
  });

  it('a macro is as repeatable as its equations; a call with extra outputs is not (written twice it defines them twice)', () => {
    expect(of('TWICE(x)')).toBe(true);
    expect(of('TWICE(RANDOM UNIFORM(0, 1, 7))')).toBe(false);
    expect(of('LAGGED(x)')).toBe(false);
    expect(of('NOISY(x)')).toBe(false);
    expect(of('SELF(x)')).toBe(true);
    expect(of('SPLIT(x : r)')).toBe(false);
  });
});
