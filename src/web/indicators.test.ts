import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readVensim } from '../sd/vensim/reader.js';
import { describeVariables } from './model/model-info.js';
import { defaultCharts, indicatorsFor, targetMet, valueAt } from './indicators.js';

const example = join(__dirname, '..', '..', 'models', 'examples', 'green-growth.mdl');

describe('indicators', () => {
  const text = readFileSync(example, 'utf8');
  const vars = describeVariables(readVensim(text, 'g.mdl'), text);
  const outputs = vars.map((v) => v.name);

  it('charts headline names first, then end results, stocks and the most used variables', () => {
    // The example names Fossil CO2 Emissions as the headline series does.
    expect(defaultCharts(vars, outputs, {})).toEqual(['Fossil CO2 Emissions', 'Population', 'Capital', 'GDP']);
    const withoutHeadline = outputs.filter((n) => n !== 'Fossil CO2 Emissions');
    expect(defaultCharts(vars, withoutHeadline, {}, 3)).toEqual(['Population', 'Capital', 'GDP']);
    expect(defaultCharts(vars, outputs, { charts: ['gdp', 'missing'] })).toEqual(['GDP']);
  });

  it('adds the NDC caps to Total GHG Emissions and keeps profile targets first', () => {
    const inds = indicatorsFor(['Total GHG Emissions', 'GDP'], { indicators: [{ name: 'GDP', sdg: '8.1.1', target: { year: 2030, value: 5, direction: 'min' } }] }, ['GDP']);
    expect(inds.map((i) => i.name)).toEqual(['GDP', 'Total GHG Emissions']);
    expect(inds[1]!.targets.map((t) => t.value)).toEqual([208.8, 179.0]);
  });

  it('interpolates between saved times and judges targets', () => {
    const time = [2000, 2025, 2050];
    const s = [0, 10, 30];
    expect(valueAt(time, s, 2030)).toBeCloseTo(14, 12);
    expect(valueAt(time, s, 2050)).toBe(30);
    expect(valueAt(time, s, 2060)).toBeNaN();
    expect(targetMet(200, { year: 2030, value: 208.8, direction: 'max' })).toBe(true);
    expect(targetMet(210, { year: 2030, value: 208.8, direction: 'max' })).toBe(false);
    expect(targetMet(NaN, { year: 2030, value: 1, direction: 'min' })).toBeUndefined();
  });
});
