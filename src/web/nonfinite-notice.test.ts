/** The simulator's notice for saved NaN/±∞: nothing for a clean run, else the engine's lines in the page's language. */
import { afterAll, describe, expect, it } from 'vitest';
import { setLang } from './i18n.js';
import { nonFiniteNotice } from './nonfinite-notice.js';
import { compileVensim } from '../sd/run/engine.js';
import { scanResult } from '../sd/run/nonfinite-scan.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

function reportOf(eqs: string) {
  const m = compileVensim(`${eqs}\n${CONTROL}`, { file: 'm.mdl' }).model;
  return m.explainNonFinite(scanResult(m.run()));
}

describe('non-finite notice', () => {
  afterAll(() => setLang('en'));

  it('says nothing for a clean run', () => {
    expect(nonFiniteNotice(reportOf('x = Time + 1 ~~|'))).toBeUndefined();
    expect(nonFiniteNotice(undefined)).toBeUndefined();
  });

  it('gives the heading and the root cause in English and in Spanish, with the count of causes left out', () => {
    const eqs = Array.from({ length: 12 }, (_, i) => `v${i} = ${i + 1} / 0 ~~|`).join('\n');
    setLang('en');
    const en = nonFiniteNotice(reportOf(eqs))!;
    expect(en.heading).toMatch(/^The run finished, but some values are not finite numbers/);
    expect(en.lines[0]).toBe('m.mdl:1:1: v0 became +∞ at time 0: 1 / 0 (division by zero)');
    expect(en.lines.at(-1)).toBe('… and 2 more causes');
    setLang('es');
    const es = nonFiniteNotice(reportOf(eqs))!;
    expect(es.heading).toMatch(/^La corrida terminó, pero algunos valores no son números finitos/);
    expect(es.lines[0]).toBe('m.mdl:1:1: v0 se volvió +∞ en el tiempo 0: 1 / 0 (división por cero)');
    expect(es.lines.at(-1)).toBe('… y 2 causas más');
  });
});
