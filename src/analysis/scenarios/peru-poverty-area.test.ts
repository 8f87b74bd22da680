/**
 * Poverty by area and the 2020-2022 emergency cash transfers in the Peru model (issue 11): national poverty is the
 * population-weighted sum of an urban and a rural lognormal; the transfers are household income paid with public
 * debt, reach each area by their targeting, and act on poverty only through spending. Reference values use an
 * independent normal CDF (erf series), not the model's lookup tables.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelWithDiagnostics } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear } from './run.js';
import { phi } from './test-support/normal-reference.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const YEARS = [2000, 2004, 2010, 2015, 2019, 2020, 2021, 2022, 2023, 2030, 2050];
const BEFORE = [2000, 2005, 2010, 2015, 2019];
const OFF = { 'Emergency Cash Transfer Switch': 0 };

let model: Model;
let bau: RunResult;
let off: RunResult;

beforeAll(() => {
  model = loadModelWithDiagnostics(MODEL).model;
  bau = model.run();
  off = model.run({ params: OFF });
});

const at = variableAtYear;

describe('zero cash transfers give exactly the path without them', () => {
  it('every year: no transfer, no transfer spending, the survey mean and Gini untouched', () => {
    for (const y of YEARS) {
      expect(at(off, 'Emergency Cash Transfers', y)).toBe(0);
      expect(at(off, 'Transfer Spending per Capita', y)).toBe(0);
      expect(at(off, 'Survey Spending per Capita', y)).toBe(at(off, 'Survey Spending without Transfers', y));
      expect(at(off, 'Spending Gini before Transfers', y)).toBe(at(off, 'Spending Gini Index', y));
      expect(at(off, 'Urban Spending per Capita', y)).toBe(at(off, 'Urban Spending before Transfers', y));
    }
  });

  it('with zero transfers their targeting has no effect at all, and before 2020 both runs are identical', () => {
    const shifted = model.run({ params: { ...OFF, 'Emergency Cash Transfer Rural Share': 0.45 } });
    for (const y of YEARS) {
      for (const v of ['Poverty Rate', 'Urban Poverty Rate', 'Rural Poverty Rate', 'Public Debt']) expect(at(shifted, v, y)).toBe(at(off, v, y));
    }
    for (const y of BEFORE) {
      for (const v of ['Poverty Rate', 'Urban Poverty Rate', 'Rural Poverty Rate', 'Public Debt', 'Real GDP', 'Household Disposable Income']) {
        expect(at(bau, v, y)).toBe(at(off, v, y));
      }
    }
  });
});

describe('the transfers lower poverty in 2020 through household income, and cost debt', () => {
  it('national, urban and rural poverty are lower in 2020 and 2021 with the transfers', () => {
    for (const y of [2020, 2021]) {
      expect(at(bau, 'Poverty Rate', y)).toBeLessThan(at(off, 'Poverty Rate', y) - 0.005);
      expect(at(bau, 'Urban Poverty Rate', y)).toBeLessThan(at(off, 'Urban Poverty Rate', y));
      expect(at(bau, 'Rural Poverty Rate', y)).toBeLessThan(at(off, 'Rural Poverty Rate', y));
      // Through income: household disposable income carries the transfer one for one.
      const dIncome = at(bau, 'Household Disposable Income', y) - at(off, 'Household Disposable Income', y);
      expect(dIncome).toBeGreaterThan(0.95 * at(bau, 'Emergency Cash Transfers', y));
    }
  });

  it('the deficit rises by the transfer in 2020 and the debt by their sum, paid back by lower spending later', () => {
    const t = [2020, 2021, 2022].map((y) => at(bau, 'Emergency Cash Transfers', y));
    expect(t[0]).toBeGreaterThan(1000);
    const dDeficit = at(bau, 'Government Deficit', 2020) - at(off, 'Government Deficit', 2020);
    expect(dDeficit).toBeGreaterThan(0.95 * t[0]);
    expect(dDeficit).toBeLessThan(1.05 * t[0]);
    // Annual steps: by 2023 the debt holds the three years of transfers.
    const dDebt = at(bau, 'Public Debt', 2023) - at(off, 'Public Debt', 2023);
    const total = t.reduce((a, b) => a + b, 0);
    expect(dDebt).toBeGreaterThan(0.95 * total);
    expect(dDebt).toBeLessThan(1.05 * total);
    expect(at(bau, 'Interest Payments', 2025)).toBeGreaterThan(at(off, 'Interest Payments', 2025));
  });

  it('a larger rural share moves poverty from the countryside to the cities, not the national mean', () => {
    const rural = model.run({ params: { 'Emergency Cash Transfer Rural Share': 0.45 } });
    expect(at(rural, 'Rural Poverty Rate', 2020)).toBeLessThan(at(bau, 'Rural Poverty Rate', 2020));
    expect(at(rural, 'Urban Poverty Rate', 2020)).toBeGreaterThan(at(bau, 'Urban Poverty Rate', 2020));
    expect(at(rural, 'Survey Spending per Capita', 2020)).toBeCloseTo(at(bau, 'Survey Spending per Capita', 2020), 9);
  });
});

describe('the two areas add up to the nation', () => {
  it('area poverty rates weight to the national rate and area means to the national mean, every year', () => {
    for (const r of [bau, off]) {
      for (const y of YEARS) {
        const w = at(r, 'Urban Population Share', y);
        expect(w).toBeGreaterThan(0.7);
        expect(w).toBeLessThan(0.9);
        const pu = at(r, 'Urban Poverty Rate', y);
        const pr = at(r, 'Rural Poverty Rate', y);
        expect(at(r, 'Poverty Rate', y)).toBeCloseTo(w * pu + (1 - w) * pr, 12);
        expect(pr).toBeGreaterThan(pu);
        const mean = w * at(r, 'Urban Spending per Capita', y) + (1 - w) * at(r, 'Rural Spending per Capita', y);
        expect(mean).toBeCloseTo(at(r, 'Survey Spending per Capita', y), 8);
        const line = w * at(r, 'Urban Poverty Line', y) + (1 - w) * at(r, 'Rural Poverty Line', y);
        expect(line).toBeCloseTo(at(r, 'Poverty Line', y), 8);
      }
    }
  });

  it('each area is a lognormal before transfers plus its flat transfer, and the mixture keeps the national log-variance', () => {
    for (const y of YEARS) {
      const s = at(bau, 'Within Area Lognormal Sigma', y);
      const w = at(bau, 'Urban Population Share', y);
      const between = w * (1 - w) * Math.log(at(bau, 'Urban Spending Factor', y) / at(bau, 'Rural Spending Factor', y)) ** 2;
      expect(s * s + between).toBeCloseTo(at(bau, 'Lognormal Sigma before Transfers', y) ** 2, 9);
      for (const area of ['Urban', 'Rural']) {
        const z = at(bau, `${area} Poverty Line`, y) - at(bau, `${area} Transfer per Capita`, y);
        const m = at(bau, `${area} Spending before Transfers`, y);
        const exact = phi((Math.log(z / m) + (s * s) / 2) / s);
        expect(Math.abs(at(bau, `${area} Poverty Rate`, y) - exact)).toBeLessThan(2e-3);
      }
    }
  });
});
