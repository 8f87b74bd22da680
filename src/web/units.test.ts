import { describe, expect, it } from 'vitest';
import { isFractionUnit, translateUnit } from './units.js';

describe('unit translation', () => {
  it('says units in Spanish and English', () => {
    expect(translateUnit('Dmnl', 'es')).toBe('adimensional');
    expect(translateUnit('Dmnl', 'en')).toBe('dimensionless');
    expect(translateUnit('MSoles/Year', 'es')).toBe('millones de soles/año');
    expect(translateUnit('MSoles/Year', 'en')).toBe('million soles/year');
    expect(translateUnit('1/Year', 'es')).toBe('por año');
    expect(translateUnit('tCO2e/(ha*Year)', 'es')).toBe('tCO2e/(ha·año)');
    expect(translateUnit('persons/Year', 'es')).toBe('personas/año');
    expect(translateUnit('TWh/Year', 'es')).toBe('TWh/año');
    expect(translateUnit('', 'es')).toBe('');
  });

  it('knows which units are fractions', () => {
    expect(isFractionUnit('Dmnl')).toBe(true);
    expect(isFractionUnit(' 1/Year')).toBe(true);
    expect(isFractionUnit('MSoles/Year')).toBe(false);
  });
});
