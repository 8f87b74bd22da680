/** Every refused Vensim function gives its reason in English and Spanish, naming the same things. */
import { describe, expect, it } from 'vitest';
import { bilingualProblem, keptTokens } from './bilingual-check.js';
import { UNSUPPORTED_VENSIM_FUNCTIONS, unsupportedFunctionMessage } from './unsupported.js';

describe('unsupported Vensim functions', () => {
  it('each reason is in both languages and names the same functions, pages and code', () => {
    expect(UNSUPPORTED_VENSIM_FUNCTIONS.size).toBeGreaterThan(30);
    for (const fn of UNSUPPORTED_VENSIM_FUNCTIONS.keys()) {
      const m = unsupportedFunctionMessage(fn.toLowerCase())!;
      expect(m.en).toContain(fn);
      expect(m.es).toContain(fn);
      expect(bilingualProblem(m.en, m.es), fn).toBeUndefined();
    }
  });

  it('the check catches a dropped page id, a renamed function and an untranslated text', () => {
    const en = 'fn_delay_batch does not say it; use DELAY FIXED on a batch of TIME STEPs';
    expect(bilingualProblem(en, 'fn_delay_batch no lo dice; use DELAY FIXED sobre un lote de TIME STEP')).toBeUndefined();
    expect(bilingualProblem(en, 'la página no lo dice; use DELAY FIXED sobre un lote de TIME STEP')).toMatch(/names differ/);
    expect(bilingualProblem(en, 'fn_delay_batch no lo dice; use RETARDO FIJO sobre un lote de TIME STEP')).toMatch(/names differ/);
    expect(bilingualProblem(en, en)).toMatch(/English/);
    expect(keptTokens('use SUM over x[dim!] (documentation/24335.html) with --data, <sim_specs>')).toEqual(
      ['--data', '<sim_specs>', 'SUM', 'documentation/24335.html', 'x[dim!]'].sort(),
    );
  });

  it('a name that is not refused has no message', () => {
    expect(unsupportedFunctionMessage('DELAY FIXED')).toBeUndefined();
  });
});
