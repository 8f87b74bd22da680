/**
 * The Peru model's learning-quality channel (peru.mdl, group "Education"): spending per pupil against
 * the no-programme path → test scores (Jackson & Mackevicius 2024) → learning-adjusted schooling of
 * each cohort (World Bank HCI, LAYS = years × score / 625) → the 15-64 stock → Human Capital Index →
 * value added. Zero budget → zero effect; a budget → a positive, delayed and bounded effect whose size
 * is checked against the sources' orders of magnitude.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const LEARNING = ['Programme Education Spending Ratio', 'Cohort Learning Gain', 'Harmonized Test Score Gain', 'Learning Adjusted Schooling Gain'];
/** Jackson & Mackevicius (2024): +1 000 US$ per pupil for four years (+7.6 % of US spending) → +0.0316 SD; 90 % of true effects below 0.067 SD. */
const JM_SD_PER_LOG = 0.0316 / Math.log(1 + 1000 / 12600);
const JM_UPPER_SD_PER_LOG = 0.067 / Math.log(1 + 1000 / 12600);
/** Hanushek et al. (2015), PIAAC: +18 % wages per SD of adult numeracy. */
const PIAAC_LOG_RETURN = Math.log(1.18);

let model: Model;
let bau: RunResult;
let edu: RunResult;

beforeAll(() => {
  model = loadModel(MODEL);
  bau = model.run();
  // grant-financed, so that crowding out of the other functions does not mix with the lever's effect
  edu = model.run({ params: { 'Education Programme Budget': 3000, 'Programme External Share': 1 } });
});

describe('Peru learning quality: business as usual', () => {
  it('adds nothing without programmes: spending ratio exactly 1, no learning gain in any year', () => {
    for (const v of LEARNING) {
      const s = bau.get(v)!;
      for (let i = 0; i < s.length; i++) expect(s[i], `${v} at ${bau.time[i]}`).toBe(v === 'Programme Education Spending Ratio' ? 1 : 0);
    }
  });
});

describe('Peru learning quality: the education budget', () => {
  it('does nothing before the policy starts and raises test scores only after pupils are exposed', () => {
    for (const v of [...LEARNING, 'Human Capital Index', 'Real GDP']) expect(at(edu, v, 2024), v).toBe(at(bau, v, 2024));
    expect(at(edu, 'Programme Education Spending Ratio', 2030)).toBeGreaterThan(1.05);
    // third-order exposure delay of 5.5 years: the 2026 cohort has almost none of it, the 2040 cohort nearly all
    expect(at(edu, 'Harmonized Test Score Gain', 2026)).toBeLessThan(0.05 * at(edu, 'Harmonized Test Score Gain', 2040));
    expect(at(edu, 'Harmonized Test Score Gain', 2040)).toBeGreaterThan(0);
  });

  it('gives test-score gains of the order of the school-spending meta-analysis, not more than its upper tail', () => {
    // long after the ramp the cohort's gain per log unit of extra spending approaches the elasticity (0.4 SD)
    const perLog = at(edu, 'Cohort Learning Gain', 2045) / Math.log(at(edu, 'Programme Education Spending Ratio', 2045));
    expect(perLog).toBeGreaterThan(0.5 * JM_SD_PER_LOG);
    expect(perLog).toBeLessThan(JM_UPPER_SD_PER_LOG);
    // 3 bn soles is about +10 % per pupil: a few HLO points (Peru scored 407 in 2018), not tens
    const points = at(edu, 'Harmonized Test Score Gain', 2045);
    expect(points).toBeGreaterThan(1);
    expect(points).toBeLessThan(10);
  });

  it('enters the Human Capital Index as learning-adjusted years at the Mincer return, renewed by cohorts', () => {
    const r = model.run({ params: { 'Education Programme Budget': 3000, 'Programme External Share': 1 }, saveper: model.time.dt });
    const dt = model.time.dt;
    const stock = r.get('Learning Adjusted Schooling Gain')!;
    const entrants = r.get('Entrant Learning Adjusted Schooling Gain')!;
    const rate = r.get('Working Age Entry Rate')!;
    for (const i of [120, 160, 199]) expect(stock[i + 1]).toBeCloseTo(stock[i] + dt * rate[i] * (entrants[i] - stock[i]), 12);
    for (const y of [2035, 2050]) {
      const years = at(r, 'Mean Years of Schooling', y) - at(r, 'Reference Mean Years of Schooling', y) + at(r, 'Learning Adjusted Schooling Gain', y);
      expect(Math.log(at(r, 'Human Capital Index', y))).toBeCloseTo(at(r, 'Mincer Return to Schooling', y) * years, 12);
    }
  });

  it('turns one SD of learning into the productivity gain adult-skill returns report (PIAAC 18 % per SD)', () => {
    const y = 2045;
    const perSd = (at(edu, 'Entrant Learning Adjusted Schooling Gain', y) * at(edu, 'Mincer Return to Schooling', y)) / at(edu, 'Cohort Learning Gain', y);
    expect(perSd).toBeGreaterThan(0.6 * PIAAC_LOG_RETURN);
    expect(perSd).toBeLessThan(1.4 * PIAAC_LOG_RETURN);
  });

  it('reaches workers through cohorts: a delayed, growing and bounded effect on human capital and GDP', () => {
    const hci = (y: number) => at(edu, 'Human Capital Index', y) / at(bau, 'Human Capital Index', y) - 1;
    const gdp = (y: number) => at(edu, 'Real GDP', y) / at(bau, 'Real GDP', y) - 1;
    expect(hci(2030)).toBeLessThan(0.2 * hci(2050));
    expect(hci(2040)).toBeLessThan(hci(2050));
    expect(gdp(2035)).toBeLessThan(gdp(2050));
    // the stock cannot gain more than the entrants carry
    expect(at(edu, 'Learning Adjusted Schooling Gain', 2050)).toBeLessThan(at(edu, 'Entrant Learning Adjusted Schooling Gain', 2050));
    // 3 bn soles a year (about 0.4 % of GDP): by 2050 a third of the 15-64 stock has been renewed, so
    // GDP gains tenths of a per cent, not per cents
    expect(gdp(2050)).toBeGreaterThan(0.0005);
    expect(gdp(2050)).toBeLessThan(0.005);
  });

  it('lowers learning when another programme is financed by cutting the other functions', () => {
    const r = model.run({ params: { 'Infrastructure Programme Budget': 5000 } });
    expect(at(r, 'Programme Education Spending Ratio', 2030)).toBeLessThan(1);
    expect(at(r, 'Harmonized Test Score Gain', 2040)).toBeLessThan(0);
    expect(at(r, 'Learning Adjusted Schooling Gain', 2050)).toBeLessThan(0);
  });
});
