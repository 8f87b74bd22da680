import { describe, expect, it } from 'vitest';
import { LabelIndex } from './labels.js';

describe('model labels', () => {
  const idx = new LabelIndex({
    variables: { 'Policy Start Year': { es: 'Año de inicio', en: 'Start year' }, 'Poverty Rate': { es: 'Pobreza', en: 'Poverty', percent: true } },
    elements: { 'waste policy': { es: 'residuos sólidos', en: 'solid waste' } },
  });

  it('labels plain and subscripted names in either language, matching names as Vensim does', () => {
    expect(idx.variable('policy_start_year[Waste Policy]', 'es')).toBe('Año de inicio (residuos sólidos)');
    expect(idx.variable('Policy Start Year[waste policy]', 'en')).toBe('Start year (solid waste)');
    expect(idx.variable('Poverty Rate', 'es')).toBe('Pobreza');
    expect(idx.variable('Unknown', 'es')).toBeUndefined();
  });

  it('knows which variables are percentages', () => {
    expect(idx.percent('poverty rate')).toBe(true);
    expect(idx.percent('Policy Start Year[waste policy]')).toBe(false);
  });
});
