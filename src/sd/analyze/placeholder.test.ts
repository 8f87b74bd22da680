/**
 * `X = A FUNCTION OF(...)` is Vensim's placeholder for an equation not yet written. Beside a real
 * equation of X it is dropped with a warning; alone it still stops with a located message.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileVensim } from '../run/engine.js';

const SETTINGS = `INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 4 ~ Year ~ |
TIME STEP = 1 ~ Year ~ |
SAVEPER = 1 ~ Year ~ |
`;

describe('A FUNCTION OF placeholders', () => {
  it('a real equation of the same variable is used, before or after the placeholder, with a warning', () => {
    for (const order of ['before', 'after'] as const) {
      const placeholder = 'growth = A FUNCTION OF( rate) ~~|\n';
      const real = 'growth = rate * 2 ~ 1/Year ~ |\n';
      const text = `{UTF-8}\n${order === 'before' ? placeholder + real : real + placeholder}rate = 0.1 ~ 1/Year ~ |\nS = INTEG(S * growth, 1) ~ w ~ |\n${SETTINGS}`;
      const { model, warnings } = compileVensim(text, { file: 'm.mdl' });
      const s = model.run({ columns: ['S'] }).get('S')!;
      expect(s[1]).toBeCloseTo(1.2, 12);
      expect(s[4]).toBeCloseTo(1.2 ** 4, 12);
      const w = warnings.filter((x) => x.code === 'W_PLACEHOLDER');
      expect(w).toHaveLength(1);
      expect(w[0]!.loc?.line).toBe(order === 'before' ? 2 : 3);
      expect(w[0]!.message).toMatch(/growth: the A FUNCTION OF placeholder is ignored; the equation at line \d defines it/);
    }
  });

  it('a variable with only a placeholder still stops, naming the line', () => {
    const text = `{UTF-8}\ngrowth = A FUNCTION OF( rate) ~~|\nrate = 0.1 ~ 1/Year ~ |\nS = INTEG(S * growth, 1) ~ w ~ |\n${SETTINGS}`;
    try {
      compileVensim(text, { file: 'm.mdl' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ModelError);
      expect((err as Error).message).toMatch(/m\.mdl:2:\d+.*growth is defined as A FUNCTION OF, which has no equation to simulate/);
    }
  });

  it('two real equations of one variable are still a redefinition', () => {
    const text = `{UTF-8}\nx = 1 ~~|\nx = 2 ~~|\n${SETTINGS}`;
    expect(() => compileVensim(text, { file: 'm.mdl' })).toThrow(/x is defined more than once/);
  });

  // Vensim reference, "missing" variable type: a variable with no equation is an error where it is
  // used (ERROR: Used, not Computed). Vensim saves such a variable as `x =` with nothing before '~'.
  it('an empty equation (`x =` then `~`) is a variable with no equation, reported at its line', () => {
    const used = `{UTF-8}\ngrowth = A FUNCTION OF( rate) ~~|\ngrowth =\n\t~\t\n\t~\tnot written yet\n\t|\nS = INTEG(S * growth, 1) ~ w ~ |\nrate = 0.1 ~~|\n${SETTINGS}`;
    try {
      compileVensim(used, { file: 'm.mdl' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ModelError);
      expect((err as Error).message).toMatch(/m\.mdl:3:1: error E_DATA: growth has no equation and no data source/);
    }
  });
});
