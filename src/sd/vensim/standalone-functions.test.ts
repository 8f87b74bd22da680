/**
 * Functions whose Vensim page says they must directly follow the equal sign (fn_integ,
 * fn_delay_fixed, fn_sample_if_true, fn_active_initial, fn_initial …) are refused inside a larger
 * right-hand side, at the call, in English and Spanish; standing alone they read as before.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from './reader.js';
import { CONTROL, refusal } from './test-support/refusal.js';

describe('functions that must be the whole right-hand side', () => {
  it.each([
    // fn_integ's own invalid examples
    ['L = A + INTEG(R, 0) ~~|', 'INTEG', 1, 9],
    ['L = INTEG(B, 0) + 1 ~~|', 'INTEG', 1, 5],
    ['L = 2 * INTEG(R, 0) + 1 ~~|', 'INTEG', 1, 9],
    // fn_delay_fixed's invalid examples
    ['D = A + DELAY FIXED(R, 3.2, 0) ~~|', 'DELAY FIXED', 1, 9],
    ['D = DELAY FIXED(B, T, B) + 1 ~~|', 'DELAY FIXED', 1, 5],
    ['x = -SAMPLE IF TRUE(c, y, 0) ~~|', 'SAMPLE IF TRUE', 1, 6],
    ['x = MAX(0, ACTIVE INITIAL(y, 1)) ~~|', 'ACTIVE INITIAL', 1, 12],
    // fn_initial: "must appear first on the right of the = sign and not be followed by anything else"
    ['y = Time ~~|\nx = y / INITIAL(y) ~~|', 'INITIAL', 2, 9],
    ['y = Time ~~|\nx = INITIAL(y) * 2 ~~|', 'INITIAL', 2, 5],
    ['y = Time ~~|\nx = y - INITIAL(y - INITIAL(y)) ~~|', 'INITIAL', 2, 9],
    ['x = 1 + DELAY N(y, 2, 0, 3) ~~|', 'DELAY N', 1, 9],
    ['x = IF THEN ELSE(c, DELAY INFORMATION(y, 2, 0), 0) ~~|', 'DELAY INFORMATION', 1, 21],
    ['q = 1 ~~|\nx = INTEG(INTEG(q, 0), 0) ~~|', 'INTEG', 2, 11],
  ])('%s is refused at the call', (eqs, fn, line, column) => {
    const e = refusal(eqs);
    expect(e.diagnostics[0]!.loc).toMatchObject({ file: 'm.mdl', line, column });
    expect(e.diagnostics[0]!.message).toContain(`${fn} must be the whole right-hand side of`);
    expect(e.diagnostics[0]!.messageEs).toContain(`${fn} debe ser todo el lado derecho de la ecuación de`);
  });

  it('names the variable and the page, in both languages', () => {
    const d = refusal('Stock A = 1 + INTEG(R, 0) ~~|').diagnostics[0]!;
    expect(d.message).toBe("INTEG must be the whole right-hand side of Stock A's equation, not part of a larger expression (Vensim's page fn_integ: it must directly follow the equal sign); give it a variable of its own and use that variable here");
    expect(d.messageEs).toBe('INTEG debe ser todo el lado derecho de la ecuación de Stock A, no parte de una expresión mayor (página fn_integ de Vensim: debe seguir directamente al signo igual); dele una variable propia y use esa variable aquí');
    const i = refusal('GDP = Time ~~|\nRelative GDP = GDP / INITIAL(GDP) ~~|').diagnostics[0]!;
    expect(i.message).toBe("INITIAL must be the whole right-hand side of Relative GDP's equation, not part of a larger expression (Vensim's page fn_initial: it must directly follow the equal sign); give it a variable of its own and use that variable here");
    expect(i.messageEs).toBe('INITIAL debe ser todo el lado derecho de la ecuación de Relative GDP, no parte de una expresión mayor (página fn_initial de Vensim: debe seguir directamente al signo igual); dele una variable propia y use esa variable aquí');
  });

  it('reads them standing alone, and functions whose page has no such rule anywhere', () => {
    const m = readVensim(
      `L = INTEG(R * 2, 0) ~~|\nR = 1 ~~|\nD = DELAY FIXED(MAX(R, 0), 2, R) ~~|\nS = SAMPLE IF TRUE(Time > 2, R, 0) ~~|\nA = ACTIVE INITIAL(L * 2, 1) ~~|\nsm = 1 + SMOOTH(R, 2) + DELAY1(R, 3) ~~|\nL0 = INITIAL(L / 2 + MAX(R, 1)) ~~|\nrel = L / L0 ~~|\n${CONTROL}`,
      'm.mdl',
    );
    expect(m.equations.map((q) => q.lhs.name)).toEqual(expect.arrayContaining(['l', 'd', 's', 'a', 'sm', 'l0', 'rel']));
  });
});
