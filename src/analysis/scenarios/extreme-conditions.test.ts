/**
 * Extreme-condition tests of the Peru model (Sterman's structural checks): with no investment at
 * all, with zero population growth and with a doubled fuel excise, the model must stay finite,
 * keep physical quantities non-negative and move the affected variables the way their structure
 * implies.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunOptions, RunResult } from '../../sd/run/types.js';
import { variableAtYear } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');

const NON_NEGATIVE = [
  'Total Population', 'Real GDP', 'Employment', 'Labour Force', 'Primary Energy Demand', 'Electricity Generation',
  'Fossil CO2 Emissions', 'Forest Area', 'Cattle Herd', 'Total Cropland', 'Total Water Withdrawal', 'Total Waste Generation',
  'Lima PM25 Concentration', 'Poverty Rate', 'Government Revenue',
];

let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModel(MODEL);
  bau = model.run();
});

function sane(r: RunResult): void {
  for (const [i, name] of r.names.entries()) {
    expect(Array.from(r.series[i]).every(Number.isFinite), `${name} finite`).toBe(true);
  }
  for (const name of NON_NEGATIVE) expect(Math.min(...r.get(name)!), name).toBeGreaterThanOrEqual(0);
}

const at = variableAtYear;

describe('zero investment', () => {
  const opts: RunOptions = {
    params: {
      'Historical Investment Share': { x: [2000, 2050], y: [0, 0] },
      'Long Run Investment Share': 0,
    },
  };

  it('stays finite and non-negative', () => sane(model.run(opts)));

  it('lets capital depreciate and output fall far below business as usual', () => {
    const r = model.run(opts);
    const k = r.get('Capital[manufacturing]')!;
    for (let i = 1; i < k.length; i++) expect(k[i]).toBeLessThan(k[i - 1]);
    // Capital lifetime 22 years: by 2050 only exp(-50/22) of it is left.
    expect(at(r, 'Capital[manufacturing]', 2050) / at(r, 'Capital[manufacturing]', 2000)).toBeCloseTo(Math.exp(-50 / 22), 1);
    expect(at(r, 'Real GDP', 2030)).toBeLessThan(0.8 * at(bau, 'Real GDP', 2030));
    expect(at(r, 'Real GDP', 2050)).toBeLessThan(at(r, 'Real GDP', 2030) * 1.5);
  });
});

describe('zero population growth', () => {
  const opts: RunOptions = {
    // every demographic flow off, the exogenous ones too (migration, COVID-19 deaths)
    params: {
      'Fertility Scale': 0, 'Mortality Rate': 0, 'Peruvian Net Emigration Data': { x: [2000, 2050], y: [0, 0] }, 'Peruvian Net Emigration after 2023': 0, 'Immigration Wave Size': 0, 'COVID Death Age Share': 0,
      'Venezuelan Stock Added after Wave': { x: [2000, 2050], y: [0, 0] }, 'Net Immigration after Last Observation': 0,
    },
  };

  it('keeps the total population constant while people age and move to cities', () => {
    const r = model.run(opts);
    sane(r);
    const pop = r.get('Total Population')!;
    for (const p of pop) expect(p / pop[0]).toBeCloseTo(1, 9);
    expect(at(r, 'Young Share', 2050)).toBeLessThan(0.05);
    expect(at(r, 'Urban Share', 2050)).toBeGreaterThan(at(r, 'Urban Share', 2000));
  });

  it('gives a smaller economy and labour force than business as usual', () => {
    const r = model.run(opts);
    expect(at(r, 'Labour Force', 2050)).toBeLessThan(at(bau, 'Labour Force', 2050));
    expect(at(r, 'Real GDP', 2050)).toBeLessThan(at(bau, 'Real GDP', 2050));
  });
});

describe('doubled fuel excise (ISC)', () => {
  const doubled = (): RunOptions => ({
    params: { 'Base ISC Rate[diesel]': 2 * 24.5, 'Base ISC Rate[gasoline]': 2 * 22.7 },
  });

  it('stays sane, raises revenue less than twofold and cuts diesel, gasoline and CO2', () => {
    const r = model.run(doubled());
    sane(r);
    for (const year of [2010, 2030, 2050]) {
      const revenue = at(r, 'ISC Fuel Revenue', year) / at(bau, 'ISC Fuel Revenue', year);
      expect(revenue).toBeGreaterThan(1.5);
      expect(revenue).toBeLessThan(2);
      expect(at(r, 'Transport Energy by Fuel[diesel]', year)).toBeLessThan(at(bau, 'Transport Energy by Fuel[diesel]', year));
      expect(at(r, 'Taxed Fuel Use[gasoline]', year)).toBeLessThan(at(bau, 'Taxed Fuel Use[gasoline]', year));
      expect(at(r, 'Fossil CO2 Emissions', year)).toBeLessThan(at(bau, 'Fossil CO2 Emissions', year));
    }
  });

  it('moves demand by a plausible amount (long-run elasticities of 0.15-0.3, not a collapse)', () => {
    const r = model.run(doubled());
    const ratio = at(r, 'Transport Energy by Fuel[diesel]', 2050) / at(bau, 'Transport Energy by Fuel[diesel]', 2050);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1);
  });
});
