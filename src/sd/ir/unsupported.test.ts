/** Every refused Vensim function gives its reason in English and Spanish, naming the same things. */
import { describe, expect, it } from 'vitest';
import { bilingualProblem, keptTokens } from './bilingual-check.js';
import { UNSUPPORTED_VENSIM_FUNCTIONS, unsupportedFunctionMessage } from './unsupported.js';
import { ModelError } from './diagnostics.js';
import { compileXmile } from '../run/engine.js';

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

  it('a Stella-only builtin (ALLOCATE) in an XMILE model is named as isee\'s, located, in both languages', () => {
    const text = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
      '<header><vendor>isee systems</vendor><product version="1">Stella</product></header>',
      '<sim_specs><start>0</start><stop>1</stop><dt>1</dt></sim_specs>',
      '<model><variables><aux name="share"><eqn>ALLOCATE(10, 2, 3, 4, 5)</eqn></aux></variables></model></xmile>',
    ].join('\n');
    let caught: unknown;
    try {
      compileXmile(text, { file: 'alloc.xmile' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ModelError);
    const d = (caught as ModelError).diagnostics[0]!;
    expect(d.code).toBe('E_UNSUPPORTED');
    expect(d.loc?.file).toBe('alloc.xmile');
    expect(d.message).toContain('the Stella (isee) function ALLOCATE is not supported');
    expect(d.messageEs).toContain('la función de Stella (isee) ALLOCATE no se admite');
  });

  it('a name that is not refused has no message', () => {
    expect(unsupportedFunctionMessage('DELAY FIXED')).toBeUndefined();
  });
});
