/**
 * INIT, INT, SAFEDIV and DELAY are XMILE's; Vensim has INITIAL (fn_initial), INTEGER (fn_integer),
 * XIDZ / ZIDZ and DELAY FIXED instead. A .mdl that calls one is refused at the call in English and
 * Spanish, pointing to Vensim's function; XMILE keeps them. DERIVN and TIME SHIFT are Vensim's too.
 */
import { describe, expect, it } from 'vitest';
import { compileVensim, compileXmile } from '../run/engine.js';
import { columnReader, xmileDoc } from '../xmile/test-support.js';
import { readVensim } from './reader.js';
import { CONTROL, refusal } from './test-support/refusal.js';

describe('INIT in a .mdl', () => {
  it.each([
    ['y = Time ~~|\nx = INIT(y) ~~|', 2, 5],
    ['y = Time ~~|\nx = y / INIT(y) ~~|', 2, 9],
    ['y = Time ~~|\nx = MAX(0, init(y)) ~~|', 2, 12],
  ])('%s is refused at the call, pointing to INITIAL', (eqs, line, column) => {
    const d = refusal(eqs).diagnostics[0]!;
    expect(d.code).toBe('E_UNKNOWN_FUNCTION');
    expect(d.loc).toMatchObject({ file: 'm.mdl', line, column });
    expect(d.message).toBe("x's equation calls INIT, which is XMILE's function, not Vensim's (Vensim's reference has no INIT); Vensim's is INITIAL (page fn_initial), which must be the whole right-hand side: write x = INITIAL(…), or give INITIAL(…) a variable of its own and use that variable here");
    expect(d.messageEs).toBe('la ecuación de x llama a INIT, que es una función de XMILE y no de Vensim (la referencia de Vensim no tiene INIT); la de Vensim es INITIAL (página fn_initial), que debe ser todo el lado derecho: escriba x = INITIAL(…), o dé a INITIAL(…) una variable propia y use esa variable aquí');
  });

  it('is refused inside a macro too', () => {
    const d = refusal(':MACRO: GROWTH(q)\nGROWTH = q / INIT(q) ~~|\n:END OF MACRO:\ny = Time ~~|\nx = GROWTH(y) ~~|').diagnostics[0]!;
    expect([d.code, d.loc?.line]).toEqual(['E_UNKNOWN_FUNCTION', 2]);
  });

  it('INITIAL standing alone is read, and XMILE keeps INIT anywhere', () => {
    expect(() => readVensim(`y = Time ~~|\nx = INITIAL(y) ~~|\n${CONTROL}`, 'm.mdl')).not.toThrow();
    const run = compileXmile(xmileDoc('<aux name="y"><eqn>TIME + 2</eqn></aux><aux name="x"><eqn>y / INIT(y)</eqn></aux>', { stop: 2 })).model.run();
    expect(columnReader(run)('x')).toEqual([1, 1.5, 2]);
  });
});

describe('INT, SAFEDIV and DELAY in a .mdl', () => {
  it.each([
    ['y = Time ~~|\nx = 1 + INT(y) ~~|', 'INT', 'INTEGER (page fn_integer)', 'INTEGER (página fn_integer)', 9],
    ['y = Time ~~|\nx = SAFEDIV(1, y) ~~|', 'SAFEDIV', 'XIDZ(a, b, x) and ZIDZ(a, b)', 'XIDZ(a, b, x) y ZIDZ(a, b)', 5],
    ['y = Time ~~|\nx = MIN(0, delay(y, 2)) ~~|', 'DELAY', 'DELAY FIXED(input, delay time, initial value)', 'DELAY FIXED(entrada, tiempo de retardo, valor inicial)', 12],
  ])('%s is refused at the call, naming Vensim\'s function', (eqs, fn, en, es, column) => {
    const d = refusal(eqs).diagnostics[0]!;
    expect(d.code).toBe('E_UNKNOWN_FUNCTION');
    expect(d.loc).toMatchObject({ file: 'm.mdl', line: 2, column });
    expect(d.message).toContain(`x's equation calls ${fn}, which is XMILE's function, not Vensim's`);
    expect(d.message).toContain(en);
    expect(d.messageEs).toContain(`la ecuación de x llama a ${fn}, que es una función de XMILE y no de Vensim`);
    expect(d.messageEs).toContain(es);
  });

  it('a variable named int, delay or safediv is not a call, and DERIVN and TIME SHIFT are Vensim\'s', () => {
    expect(() => readVensim(`int = 2 ~~|\ndelay = int * 3 ~~|\nsafediv = delay + int ~~|\n${CONTROL}`, 'm.mdl')).not.toThrow();
    expect(() => readVensim(`u = Time ~~|\ndu = DERIVN(u, 1) ~~|\n${CONTROL}`, 'm.mdl')).not.toThrow();
  });

  it('a call to a macro the model declared under one of these names is the macro\'s', () => {
    const macro = ':MACRO: INT(IN)\nINT = IN + 100 ~~|\n:END OF MACRO:\n';
    const col = columnReader(compileVensim(`${macro}t = INT(Time) ~~|\n${CONTROL}`).model.run());
    expect(col('t')).toEqual([100, 101, 102, 103, 104]);
  });

  it('XMILE keeps INT as floor, SAFEDIV and DELAY', () => {
    const vars = '<aux name="y"><eqn>TIME - 2.5</eqn></aux><aux name="i"><eqn>INT(y)</eqn></aux><aux name="s"><eqn>SAFEDIV(1, TIME, 9)</eqn></aux><aux name="d"><eqn>DELAY(y, 1, 7)</eqn></aux>';
    const col = columnReader(compileXmile(xmileDoc(vars, { stop: 2 })).model.run());
    expect(col('i')).toEqual([-3, -2, -1]);
    expect(col('s')).toEqual([9, 1, 0.5]);
    expect(col('d')).toEqual([7, -2.5, -1.5]);
  });
});
