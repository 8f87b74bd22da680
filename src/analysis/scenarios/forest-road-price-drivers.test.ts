/**
 * Road access and frontier-crop prices as drivers of deforestation in the Peru model (issue 11, model v2).
 * The road driver is the model's own paved network (infrastructure capital / Road Cost per km), so a road
 * investment lever adds kilometres, costs money and raises frontier clearing with the stated elasticity;
 * the price driver is the real coffee price (IMF PCOFFOTMUSDM / US CPI, models/peru/forest).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const forestData = join(process.cwd(), 'models', 'peru', 'forest');
const model: Model = loadModel(join(forestData, '..', 'peru.mdl'));
const bau: RunResult = model.run();

/** Annual means of a monthly CSV (date,value) with its 12 months. */
function annualMeans(file: string): Map<number, number> {
  const sums = new Map<number, number[]>();
  for (const line of readFileSync(join(forestData, file), 'utf8').trim().split(/\r?\n/).slice(1)) {
    const [date, value] = line.split(',');
    const year = Number(date.slice(0, 4));
    sums.set(year, [...(sums.get(year) ?? []), Number(value)]);
  }
  return new Map([...sums].filter(([, v]) => v.length === 12).map(([y, v]) => [y, v.reduce((a, b) => a + b, 0) / 12]));
}

describe('frontier-crop price data', () => {
  it('the real price in peru.mdl is the IMF coffee price over the US CPI, 2000 = 1 (models/peru/forest)', () => {
    const coffee = annualMeans('coffee-monthly-imf-pcoffotmusdm.csv');
    const cpi = annualMeans('us-cpi-monthly-fred-cpiaucsl.csv');
    expect(coffee.size).toBe(24);
    expect(cpi.size).toBe(24);
    const base = coffee.get(2000)! / cpi.get(2000)!;
    for (let year = 2000; year <= 2023; year++) {
      expect(at(bau, 'Frontier Crop Real Price', year)).toBeCloseTo(coffee.get(year)! / cpi.get(year)! / base, 3);
    }
    // The 2011 coffee peak is more than three times the 2002 trough in real terms.
    expect(at(bau, 'Frontier Crop Real Price', 2011) / at(bau, 'Frontier Crop Real Price', 2002)).toBeGreaterThan(3);
  });
});

describe('road investment → paved network → frontier deforestation', () => {
  const budget = 3000; // MSoles/yr of the infrastructure programme, 40 % of it to roads
  let roads: RunResult;
  let zero: RunResult;
  beforeAll(() => {
    roads = model.run({ params: { 'Infrastructure Programme Budget': budget } });
    zero = model.run({ params: { 'Infrastructure Programme Budget': 0 } });
  });

  it('zero investment gives exactly zero effect on roads and deforestation', () => {
    for (const year of [2010, 2025, 2030, 2050]) {
      for (const name of ['Paved Road Network', 'Road Access Effect', 'Agricultural Frontier Deforestation', 'Deforestation']) {
        expect(at(zero, name, year)).toBe(at(bau, name, year));
      }
    }
  });

  it('costs money: the budget is public spending, financed like every programme', () => {
    for (const year of [2030, 2040]) {
      const extra = at(roads, 'Policy Public Cost', year) - at(bau, 'Policy Public Cost', year);
      expect(extra).toBeCloseTo(budget, 6);
      expect(at(roads, 'Programme Debt Financing', year) + at(roads, 'Programme Tax Financing', year)
        + at(roads, 'Programme External Financing', year) + at(roads, 'Programme Reallocation', year)).toBeCloseTo(at(roads, 'Total Programme Spending', year), 6);
    }
  });

  it('adds paved kilometres at Road Cost per km and raises frontier clearing with the stated elasticity 0.2', () => {
    expect(at(roads, 'Paved Road Network', 2024)).toBe(at(bau, 'Paved Road Network', 2024)); // the programme starts in 2025
    const elasticity = 0.2;
    const pressureElasticity = at(bau, 'Deforestation Pressure Elasticity', 2030);
    for (const year of [2030, 2040]) {
      const roadRatio = at(roads, 'Paved Road Network', year) / at(bau, 'Paved Road Network', year);
      expect(roadRatio).toBeGreaterThan(1.01); // about 1.4 % more paved km by 2030 at 1,200 MSoles/yr to roads
      const addedKm = at(roads, 'Paved Road Network', year) - at(bau, 'Paved Road Network', year);
      const addedCapital = at(roads, 'Infrastructure Capital[roads]', year) - at(bau, 'Infrastructure Capital[roads]', year);
      expect(addedCapital / addedKm).toBeCloseTo(at(bau, 'Road Cost per km', year), 8);
      expect(at(roads, 'Road Access Effect', year) / at(bau, 'Road Access Effect', year)).toBeCloseTo(roadRatio ** elasticity, 10);
      // Frontier clearing moves by the road channel times the land-demand and forest-area channels (the lever
      // also raises output, hence land demand); the price channel is exogenous and unchanged.
      const expected = roadRatio ** elasticity
        * (at(roads, 'Agricultural Land Pressure', year) / at(bau, 'Agricultural Land Pressure', year)) ** pressureElasticity
        * (at(roads, 'Forest Area', year) / at(bau, 'Forest Area', year));
      expect(at(roads, 'Agricultural Frontier Deforestation', year) / at(bau, 'Agricultural Frontier Deforestation', year)).toBeCloseTo(expected, 8);
      expect(at(roads, 'Deforestation', year)).toBeGreaterThan(at(bau, 'Deforestation', year));
    }
  });
});

describe('frontier-crop price shock → deforestation', () => {
  it('a dearer crop raises deforestation, a cheaper one lowers it, from the shock year on', () => {
    const dearer = model.run({ params: { 'Frontier Crop Price Shock': 0.5 } });
    const cheaper = model.run({ params: { 'Frontier Crop Price Shock': -0.3 } });
    expect(at(dearer, 'Deforestation', 2024)).toBe(at(bau, 'Deforestation', 2024));
    for (const year of [2027, 2035]) {
      expect(at(dearer, 'Deforestation', year)).toBeGreaterThan(at(bau, 'Deforestation', year));
      expect(at(cheaper, 'Deforestation', year)).toBeLessThan(at(bau, 'Deforestation', year));
    }
    // Once expectations have caught up (15 years at a 2-year expectation time) the effect is 1.5^0.3.
    expect(at(dearer, 'Frontier Price Effect', 2045) / at(bau, 'Frontier Price Effect', 2045)).toBeCloseTo(1.5 ** 0.3, 3);
    expect(at(dearer, 'LULUCF Emissions', 2035)).toBeGreaterThan(at(bau, 'LULUCF Emissions', 2035));
  });
});
