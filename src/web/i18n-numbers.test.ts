import { afterEach, describe, expect, it } from 'vitest';
import { VENSIM_NA } from '../sd/ir/na.js';
import { fmt, fmtShare, setLang } from './i18n.js';

describe('number formats', () => {
  afterEach(() => setLang('en'));

  it('uses the decimal comma in Spanish and the point in English', () => {
    setLang('es');
    expect(fmt(0.5)).toBe('0,5');
    expect(fmt(70_830_000)).toBe('70.830.000');
    expect(fmtShare(0.007494)).toMatch(/^0,749\s?%$/);
    setLang('en');
    expect(fmt(0.5)).toBe('0.5');
    expect(fmt(70_830_000)).toBe('70,830,000');
    expect(fmtShare(0.007494)).toBe('0.749%');
  });

  it('keeps years without grouping', () => {
    setLang('es');
    expect(fmt(2030)).toBe('2030');
  });

  it("shows Vensim's :NA: as a dash, as Vensim's tables do, and a number next to it as a number", () => {
    expect(fmt(VENSIM_NA)).toBe('—');
    expect(fmt(2 * VENSIM_NA)).not.toBe('—');
  });
});
