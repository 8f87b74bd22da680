/**
 * Magnitudes a ministry reviewer checks in the Peru model (issue 11, part 5 and its targets):
 * irrigation costs what the programmes document per hectare and reproduces the census growth of
 * irrigated land; energy intensity (SDG 7.3.1) is on physical energy content, so a fuel tax cannot
 * raise it through prices; Lima PM2.5 sits in the monitored range; industrial efficiency is not a
 * fitted constant at its bound; the long-run fuel price elasticity is inside the literature range.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelWithDiagnostics } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { readProject } from './project.js';
import { variableAtYear } from './run.js';

const DIR = join(process.cwd(), 'models', 'peru');
let model: Model;
let bau: RunResult;
let levers: (name: string) => Record<string, number>;

beforeAll(() => {
  model = loadModelWithDiagnostics(join(DIR, 'peru.mdl')).model;
  bau = model.run();
  const project = readProject(DIR);
  levers = (name) => project.scenarios.find((s) => s.name === name)!.levers;
});

const at = variableAtYear;

describe('irrigation (PP 0042): cost per hectare and irrigated area', () => {
  // Documented range in 2007 soles per hectare: Sierra Azul, Paltuture, Arma, Chavimochic III and
  // Majes-Siguas II cost 14 000-48 000 current soles per ha (2016-2019), deflated by about 1.38.
  const LOW = 10_000;
  const HIGH = 35_000;

  it('the cost per hectare implied by a run is inside the programmes\' documented range', () => {
    for (const r of [bau, model.run({ params: levers('water') })]) {
      for (const year of [2010, 2030]) {
        const newIrrigationSoles = at(r, 'Irrigation Investment', year) * (1 - at(r, 'Efficiency Share of Irrigation Investment', year)) * 1e6;
        const perHa = newIrrigationSoles / at(r, 'Irrigation Expansion', year);
        expect(perHa).toBeGreaterThanOrEqual(LOW);
        expect(perHa).toBeLessThanOrEqual(HIGH);
      }
    }
  });

  it('irrigated area grows to the 2012 agricultural census (2.58 Mha) within 5 %', () => {
    expect(at(bau, 'Irrigated Cropland', 2000)).toBeCloseTo(2.0e6, -4);
    expect(Math.abs(at(bau, 'Irrigated Cropland', 2012) / 2.58e6 - 1)).toBeLessThan(0.05);
  });

  it('the PP 0042 scenario adds tens of thousands of hectares a year, as the programme reports', () => {
    const extra = at(model.run({ params: levers('water') }), 'Irrigation Expansion', 2032) - at(bau, 'Irrigation Expansion', 2032);
    expect(extra).toBeGreaterThan(20_000);
    expect(extra).toBeLessThan(200_000);
  });
});

describe('SDG 7.3.1 energy intensity on physical energy content', () => {
  it('is physical supply over real GDP: no price enters, so a tax moves it only through quantities', () => {
    for (const year of [2018, 2030]) {
      expect(at(bau, 'Energy Intensity', year)).toBeCloseTo((at(bau, 'Total Energy Supply Physical Content', year) * 1e6) / at(bau, 'Real GDP', year), 6);
    }
  });

  it('a fuel tax lowers energy intensity in the long run (2040, 2050) and raises it by under 1 % while phasing in', () => {
    // During the phase-in some households switch from taxed LPG back to firewood, which has a lower
    // efficiency; that is a physical effect, bounded here, not a price effect.
    const tax = model.run({ params: levers('fuel-tax') });
    expect(at(tax, 'Energy Intensity', 2030)).toBeLessThan(at(bau, 'Energy Intensity', 2030) * 1.01);
    for (const year of [2040, 2050]) expect(at(tax, 'Energy Intensity', year)).toBeLessThan(at(bau, 'Energy Intensity', year));
  });

  it('counts hydro, wind and solar at their generation (so total supply is below the substitution-method total)', () => {
    expect(at(bau, 'Total Energy Supply Physical Content', 2018)).toBeLessThan(at(bau, 'Primary Energy Demand', 2018) + at(bau, 'Traditional Biomass Use', 2018));
  });
});

describe('Lima PM2.5 against the monitored range (SENAMHI 2014-2019, Silva et al. 2017)', () => {
  it('the 2015-2018 mean is within the network mean of about 27 ug/m3 (22-32)', () => {
    const mean = [2015, 2016, 2017, 2018].reduce((a, y) => a + at(bau, 'Lima PM25 Concentration', y), 0) / 4;
    expect(mean).toBeGreaterThan(22);
    expect(mean).toBeLessThan(32);
  });
  it('every year 2010-2018 is inside the range of station means (14-55 ug/m3)', () => {
    for (let y = 2010; y <= 2018; y++) {
      expect(at(bau, 'Lima PM25 Concentration', y)).toBeGreaterThan(14);
      expect(at(bau, 'Lima PM25 Concentration', y)).toBeLessThan(55);
    }
  });
});

describe('industrial energy efficiency', () => {
  it('is a sourced rate (0.5-2.5 %/yr), not a fitted constant; the fitted activity elasticity is inside its bounds', () => {
    const stages = JSON.parse(readFileSync(join(DIR, 'calibration', 'stages.json'), 'utf8')) as { parameters: Record<string, [number, number]> }[];
    const fitted = Object.assign({}, ...stages.map((s) => s.parameters)) as Record<string, [number, number]>;
    expect(fitted['Autonomous Efficiency Improvement[industry]']).toBeUndefined();
    const rate = at(bau, 'Autonomous Efficiency Improvement[industry]', 2000);
    expect(rate).toBeGreaterThanOrEqual(0.005);
    expect(rate).toBeLessThanOrEqual(0.025);
    const [lo, hi] = fitted['Industrial Activity Elasticity']!;
    const e = at(bau, 'Industrial Activity Elasticity', 2000);
    expect(e).toBeGreaterThan(lo + 0.01 * (hi - lo));
    expect(e).toBeLessThan(hi - 0.01 * (hi - lo));
  });
});

describe('long-run fuel price elasticity', () => {
  it('of transport fuel demand is within -0.2 ... -0.8 (Dahl 2012; Goodwin et al. 2004)', () => {
    // A permanent 30 % rise in world energy prices from 2000; elasticity after 30 years of adjustment.
    const high = model.run({ params: { 'World Energy Price Index': 1.3 } });
    const fossil = (r: RunResult, y: number) => ['diesel', 'gasoline', 'LPG', 'natural gas'].reduce((a, f) => a + at(r, `Transport Energy by Fuel[${f}]`, y), 0);
    const dq = Math.log(fossil(high, 2030) / fossil(bau, 2030));
    const dp = Math.log(at(high, 'Energy Price Index[transport]', 2030) / at(bau, 'Energy Price Index[transport]', 2030));
    const elasticity = dq / dp;
    expect(elasticity).toBeLessThanOrEqual(-0.2);
    expect(elasticity).toBeGreaterThanOrEqual(-0.8);
  });
});

describe('COVID-19 shock and the 2023 re-anchor', () => {
  it('real GDP falls in 2020 and is within 2 % of the 2023 figure (563 784 M soles of 2007, WB_WDI_GDP)', () => {
    expect(at(bau, 'Real GDP', 2020)).toBeLessThan(at(bau, 'Real GDP', 2019) * 0.92);
    expect(Math.abs(at(bau, 'Real GDP', 2023) / 563_784 - 1)).toBeLessThan(0.02);
  });
  it('leaves the years before 2019 (the fit and the out-of-sample test) untouched', () => {
    const noAnchor = model.run({ params: { 'Reanchor Productivity Gap': 0 } });
    expect(at(bau, 'Post 2019 Productivity Level', 2019)).toBe(1);
    for (const y of [2015, 2019]) expect(at(noAnchor, 'Real GDP', y)).toBe(at(bau, 'Real GDP', y));
    expect(at(noAnchor, 'Real GDP', 2023)).toBeGreaterThan(at(bau, 'Real GDP', 2023));
  });
});

describe('youth unemployment and the labour-force identity', () => {
  it('youth unemployment is at most 2.5 times the total, and the adult rate implied by the identity is between 0 and the total', () => {
    for (const r of [bau, model.run({ params: levers('green-jobs') })]) {
      for (let y = 2000; y <= 2050; y += 5) {
        const total = at(r, 'Unemployment Rate', y);
        expect(at(r, 'Youth Unemployment Rate', y)).toBeLessThanOrEqual(2.5 * total + 1e-12);
        // Adult rate = (unemployed - youth unemployed) / (labour force - youth labour force): the identity
        // holds only if it is neither negative nor above the total rate.
        const adult = at(r, 'Adult Unemployment Rate', y);
        expect(adult).toBeGreaterThanOrEqual(0);
        expect(adult).toBeLessThanOrEqual(total + 1e-12);
        expect(at(r, 'Youth Labour Force', y)).toBeLessThan(at(r, 'Labour Force', y));
        expect(at(r, 'Youth Unemployed', y)).toBeLessThan(at(r, 'Unemployed', y));
      }
    }
  });
});

describe('poverty carries the COVID-19 shock through income and the Gini (not a dummy)', () => {
  // INEI monetary poverty rose from 20.2 % (2019) to 30.1 % (2020) and stayed above 2019 in 2022 (27.5 %).
  // The 2022 level is compared, not asserted, in calibration/report.md (README, "Poverty (issue 11)"); what
  // must hold is the direction, from the GDP loss and the WDI Gini (0.415 in 2019, 0.437 in 2020).
  it('rises by at least 5 points in 2020, stays above 2019 in 2022, through both the income loss and the wider spread', () => {
    const p = (r: RunResult, y: number) => at(r, 'Poverty Rate', y);
    expect(p(bau, 2020) - p(bau, 2019)).toBeGreaterThan(0.05);
    expect(p(bau, 2022)).toBeGreaterThan(p(bau, 2019));
    expect(at(bau, 'Gini Index', 2020)).toBeCloseTo(0.437, 6);
    // Both channels move the right way: a wider spread (Gini) and a lower mean (the GDP loss).
    const sigma19 = at(bau, 'Lognormal Sigma', 2019);
    const sigma20 = at(bau, 'Lognormal Sigma', 2020);
    expect(sigma20).toBeGreaterThan(sigma19);
    expect(at(bau, 'Consumption per Capita', 2020)).toBeLessThan(0.9 * at(bau, 'Consumption per Capita', 2019));
  });
});
