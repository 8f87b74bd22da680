import { describe, expect, it } from 'vitest';
import { InputError } from '../../sd/ir/diagnostics.js';
import { anyMeasure, leverKey, leverValues, scenarioFromLevers, type LeverLink } from './lever-scenario.js';
import { loadModelDir } from './model-dir.js';
import { loadScenario } from './run-model.js';
import { measuresPolicy, type Scenario } from './scenario.js';

const link: LeverLink = {
  reform: 'Fuel Tax Reform', perPoint: 'ISC per Harmfulness Point', perPointReference: 3, earmarked: 'ISC Earmarked Share',
  carbonPrice: 'Carbon Price', startYear: 'Policy Start Year[fuel tax]', rampYears: 'Policy Ramp Years[fuel tax]', template: 'isc-reform',
};
const defaults = { 'Fuel Tax Reform': 0, 'ISC per Harmfulness Point': 3, 'ISC Earmarked Share': 0, 'Carbon Price': 0, 'Policy Start Year[fuel tax]': 2025, 'Policy Ramp Years[fuel tax]': 5 };
const template: Scenario = {
  name: 'isc-reform', file: 'isc-reform.json', recycling: 'none', closure: {},
  measures: [{ type: 'isc-index', start: 2025, rampYears: 5, ratePerIndex: 0.7, index: { 'c-diesel': { value: 0.85, source: 'Supuesto: x' } } }],
};

describe('simulator levers → CGE scenario', () => {
  it('the model defaults map to no measure: the CGE baseline', () => {
    const used = leverValues(link, {}, defaults);
    expect(anyMeasure(used)).toBe(false);
    expect(scenarioFromLevers(link, used, template).scenario).toBeNull();
    expect(leverKey(link, used)).toBe('base');
    // Moving the timetable alone changes nothing while no measure is on.
    expect(leverKey(link, leverValues(link, { 'Policy Start Year[fuel tax]': 2030 }, defaults))).toBe('base');
  });

  it('the full reform at the reference excise is the template, starting a year after the SD start', () => {
    const used = leverValues(link, { 'fuel tax reform': 1 }, defaults);
    const m = scenarioFromLevers(link, used, template).scenario!.measures;
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ type: 'isc-index', start: 2026, rampYears: 5, ratePerIndex: 0.7 });
    expect(m[0]!.scale).toBeUndefined();
  });

  it('a partial reform scales the measure; the excise per point scales the rate per index', () => {
    const used = leverValues(link, { 'Fuel Tax Reform': 0.5, 'ISC per Harmfulness Point': 6, 'Policy Ramp Years[fuel tax]': 0 }, defaults);
    const [m] = scenarioFromLevers(link, used, template).scenario!.measures;
    expect(m).toMatchObject({ type: 'isc-index', ratePerIndex: 1.4, scale: 0.5, rampYears: 1 });
  });

  it('the carbon price becomes a carbon tax per tonne on the same timetable', () => {
    const used = leverValues(link, { 'Carbon Price': 100, 'Policy Start Year[fuel tax]': 2028 }, defaults);
    const sc = scenarioFromLevers(link, used, template).scenario!;
    expect(sc.measures).toEqual([{ type: 'carbon-tax', start: 2029, rampYears: 5, perTonne: 100 }]);
  });

  it('revenue use: the larger part of the earmarked share decides, unless a recycling is named', () => {
    const on = { 'Fuel Tax Reform': 1 };
    expect(scenarioFromLevers(link, leverValues(link, { ...on, 'ISC Earmarked Share': 0.4 }, defaults), template).recycling).toBe('none');
    expect(scenarioFromLevers(link, leverValues(link, { ...on, 'ISC Earmarked Share': 0.5 }, defaults), template).recycling).toBe('green-investment');
    expect(scenarioFromLevers(link, leverValues(link, on, defaults), template, 'lumpsum').recycling).toBe('lumpsum');
    const a = leverKey(link, leverValues(link, on, defaults));
    expect(leverKey(link, leverValues(link, on, defaults), 'lumpsum')).not.toBe(a);
  });

  it('bad values name the lever', () => {
    expect(() => leverValues(link, { 'Fuel Tax Reform': 2 }, defaults)).toThrow(/params\.Fuel Tax Reform.*between 0 and 1/s);
    expect(() => leverValues(link, { 'Carbon Price': -1 }, defaults)).toThrow(InputError);
    expect(() => leverValues({ ...link, carbonPrice: 'No Such Lever' }, {}, defaults)).toThrow(/No Such Lever/);
  });

  it('on the Peru CGE, half the reform gives half the ISC rate change of the full reform in every year', () => {
    const model = loadModelDir('models/peru/cge');
    const tpl = loadScenario(model, 'isc-reform');
    const full = scenarioFromLevers(link, leverValues(link, { 'Fuel Tax Reform': 1 }, defaults), tpl).scenario!;
    const half = scenarioFromLevers(link, leverValues(link, { 'Fuel Tax Reform': 0.5 }, defaults), tpl).scenario!;
    let seen = 0;
    for (const year of [2025, 2026, 2028, 2035]) {
      const f = measuresPolicy(full, model.cal, year).dtq!.flat();
      const h = measuresPolicy(half, model.cal, year).dtq!.flat();
      f.forEach((v, i) => expect(h[i]).toBeCloseTo(v / 2, 12));
      seen += f.filter((v) => v > 0).length;
      if (year === 2025) expect(f.every((v) => v === 0)).toBe(true);
    }
    expect(seen).toBeGreaterThan(0);
  });
});
