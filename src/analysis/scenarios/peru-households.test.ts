/**
 * Households in the Peru model (issue 11): the quintile shares of spending come from the same lognormal
 * as the poverty rate, so they sum to 1, rise from q1 to q5 and carry the model's Gini; the poverty rate
 * is the lognormal head count at the INEI line; the measured 2020-2022 household spending gap only acts
 * from 2020. Reference values use an independent normal CDF (erf series), not the model's lookup tables.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelWithDiagnostics } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear } from './run.js';
import { invPhi, phi } from './test-support/normal-reference.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const YEARS = [2000, 2004, 2010, 2015, 2019, 2020, 2022, 2030, 2040, 2050];
const QUINTILES = ['q1', 'q2', 'q3', 'q4', 'q5'];

let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModelWithDiagnostics(MODEL).model;
  bau = model.run();
});

const at = variableAtYear;

describe('households by spending quintile (lognormal Lorenz curve)', () => {
  it('quintile shares sum to 1, are positive and rise from q1 to q5, every year', () => {
    for (const y of YEARS) {
      const s = QUINTILES.map((q) => at(bau, `Quintile Consumption Share[${q}]`, y));
      expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (let i = 0; i < 5; i++) expect(s[i]).toBeGreaterThan(0);
      for (let i = 1; i < 5; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    }
  });

  it('the shares are the lognormal ones for the model sigma, and that sigma carries the spending Gini', () => {
    for (const y of YEARS) {
      const sigma = at(bau, 'Lognormal Sigma', y);
      // G = 2 Phi(sigma / sqrt 2) - 1 for a lognormal: the Inverse Normal table must invert it.
      expect(2 * phi(sigma / Math.SQRT2) - 1).toBeCloseTo(at(bau, 'Spending Gini Index', y), 3);
      const lorenz = (p: number) => (p >= 1 ? 1 : p <= 0 ? 0 : phi(invPhi(p) - sigma));
      QUINTILES.forEach((q, i) => {
        const exact = lorenz((i + 1) / 5) - lorenz(i / 5);
        expect(Math.abs(at(bau, `Quintile Consumption Share[${q}]`, y) - exact)).toBeLessThan(1e-3);
      });
    }
  });

  it('the Gini of the five shares (trapezoid Lorenz) is below the spending Gini by the grouping loss only', () => {
    for (const y of YEARS) {
      const s = QUINTILES.map((q) => at(bau, `Quintile Consumption Share[${q}]`, y));
      let cum = 0;
      let area = 0;
      for (const v of s) {
        area += 0.2 * (cum + (cum + v)) / 2;
        cum += v;
      }
      const grouped = 1 - 2 * area;
      const gini = at(bau, 'Spending Gini Index', y);
      expect(grouped).toBeLessThan(gini);
      expect(gini - grouped).toBeLessThan(0.05);
    }
  });

  it('mean spending per quintile averages to the survey mean', () => {
    for (const y of YEARS) {
      const mean = QUINTILES.reduce((a, q) => a + at(bau, `Quintile Mean Spending[${q}]`, y), 0) / 5;
      expect(mean).toBeCloseTo(at(bau, 'Survey Spending per Capita', y), 6);
    }
  });
});

describe('poverty is the lognormal head count at the INEI line', () => {
  it('is close to Phi((ln(z / mu) + sigma^2 / 2) / sigma) for the whole country before 2020 (the urban and rural mixture keeps mu and the log-variance)', () => {
    // The mixture of two lognormals is not a lognormal: the bound is the mixture error, measured 0.01-0.02.
    for (const y of YEARS.filter((t) => t < 2020)) {
      const z = at(bau, 'Poverty Line', y);
      const mu = at(bau, 'Survey Spending per Capita', y);
      const sigma = at(bau, 'Lognormal Sigma', y);
      const exact = phi((Math.log(z / mu) + (sigma * sigma) / 2) / sigma);
      expect(Math.abs(at(bau, 'Poverty Rate', y) - exact)).toBeLessThan(0.03);
    }
  });

  it('the measured household spending gap acts only from 2020 and raises poverty in 2021-2022', () => {
    const off = model.run({ params: { 'Household Spending Gap Switch': 0 } });
    for (const y of [2004, 2010, 2015, 2019]) expect(at(off, 'Poverty Rate', y)).toBeCloseTo(at(bau, 'Poverty Rate', y), 12);
    for (const y of [2021, 2022]) expect(at(bau, 'Poverty Rate', y)).toBeGreaterThan(at(off, 'Poverty Rate', y) + 0.02);
  });
});
