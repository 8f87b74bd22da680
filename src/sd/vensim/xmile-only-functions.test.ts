/**
 * INIT is XMILE's; Vensim has INITIAL (fn_initial) and no INIT. A .mdl that calls INIT is refused at
 * the call in English and Spanish, pointing to INITIAL; XMILE keeps INIT.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileXmile } from '../run/engine.js';
import { columnReader, xmileDoc } from '../xmile/test-support.js';
import { readVensim } from './reader.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

function refusal(eqs: string): ModelError {
  try {
    readVensim(`${eqs}\n${CONTROL}`, 'm.mdl');
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  throw new Error('the model was read');
}

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
