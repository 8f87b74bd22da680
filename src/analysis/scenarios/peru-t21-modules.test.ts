/**
 * The Peru model's T21 modules (peru.mdl, groups "Education", "Health", "Infrastructure" and "Public
 * services programmes"): stock identities, effects equal to 1 at the 2000 driver levels, zero budget →
 * zero effect, the direction of each spending lever and of its crowding out, and the modelled life
 * expectancy and water access against the data files in models/peru/t21.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const DATA = join(process.cwd(), 'models', 'peru', 't21');
const BUDGETS = ['Education Programme Budget', 'Health Programme Budget', 'Infrastructure Programme Budget'];
/** Mincer return and public capital elasticity as the task and their sources state them. */
const MINCER = 0.08;
const PUBLIC_CAPITAL_ELASTICITY = 0.083;

let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModel(MODEL);
  bau = model.run();
});

const at = variableAtYear;

/** `indicator` of a t21 data file by year. */
function series(file: string): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const line of readFileSync(join(DATA, file), 'utf8').trim().split(/\r?\n/).slice(1)) {
    const [year, indicator, value] = line.split(',');
    if (!out.has(indicator)) out.set(indicator, new Map());
    out.get(indicator)!.set(Number(year), Number(value));
  }
  return out;
}

/**
 * A budget run financed by external grants, so that the lever's own effect is not mixed with crowding
 * out (reallocation cuts the other functions now; debt cuts them later through interest under the
 * fiscal rule).
 */
const granted = (lever: string, budget: number) => model.run({ params: { [lever]: budget, 'Programme External Share': 1 } });

describe('Peru T21 modules: data', () => {
  it('starts life expectancy at WDI 2000 and follows WDI 2000-2019 within a year on average', () => {
    const le = series('life-expectancy.csv').get('life_expectancy_at_birth')!;
    expect(at(bau, 'Life Expectancy at Birth', 2000)).toBeCloseTo(le.get(2000)!, 1);
    const errors: number[] = [];
    for (let y = 2000; y <= 2019; y++) errors.push(Math.abs(at(bau, 'Life Expectancy at Birth', y) - le.get(y)!));
    const mae = errors.reduce((a, b) => a + b, 0) / errors.length;
    expect(mae).toBeLessThan(1);
    expect(Math.abs(at(bau, 'Life Expectancy at Birth', 2019) - le.get(2019)!)).toBeLessThan(0.5);
  });

  it('starts water access at JMP 2000 and follows JMP 2005-2015 within 2.5 points', () => {
    const w = series('water-access.csv');
    const share = (y: number) => {
      const basic = w.get('water_people_at_least_basic')!.get(y)!;
      const all = basic + w.get('water_people_limited')!.get(y)! + w.get('water_people_unimproved')!.get(y)! + w.get('water_people_surface')!.get(y)!;
      return basic / all;
    };
    expect(at(bau, 'Water Access Rate', 2000)).toBeCloseTo(share(2000), 3);
    for (const y of [2005, 2010, 2015]) expect(Math.abs(at(bau, 'Water Access Rate', y) - share(y)), `${y}`).toBeLessThan(0.025);
  });
});

describe('Peru T21 modules: identities and normalisation', () => {
  it('integrates the schooling and capital stocks from their flows (Euler, one step)', () => {
    const r = model.run({ saveper: model.time.dt });
    const dt = model.time.dt;
    const mys = r.get('Mean Years of Schooling')!;
    const inflow = r.get('Schooling Inflow')!;
    const outflow = r.get('Schooling Outflow')!;
    const k = r.get('Infrastructure Capital[water supply]')!;
    const inv = r.get('Infrastructure Investment[water supply]')!;
    const dep = r.get('Infrastructure Depreciation[water supply]')!;
    for (const i of [0, 40, 100, 199]) {
      expect(mys[i + 1]).toBeCloseTo(mys[i] + dt * (inflow[i] - outflow[i]), 9);
      expect(k[i + 1] / (k[i] + dt * (inv[i] - dep[i]))).toBeCloseTo(1, 12);
    }
  });

  it('spends on education and health what the government function and the programme give them', () => {
    const r = model.run({ params: { 'Education Programme Budget': 1000, 'Health Programme Budget': 500 } });
    for (const y of [2024, 2030, 2050]) {
      expect(at(r, 'Education Spending', y)).toBeCloseTo(at(r, 'Spending by Function[education]', y) + at(r, 'Programme Spending[education services]', y), 6);
      expect(at(r, 'Health Spending', y)).toBeCloseTo(at(r, 'Spending by Function[health]', y) + at(r, 'Programme Spending[health services]', y), 6);
    }
    expect(at(r, 'Programme Spending[education services]', 2030)).toBeCloseTo(1000, 6);
  });

  it('has every effect at 1 (or 0 years) in 2000, the base year of its drivers', () => {
    expect(at(bau, 'Human Capital Index', 2000)).toBe(1);
    expect(at(bau, 'Infrastructure Productivity Effect', 2000)).toBeCloseTo(1, 12);
    expect(at(bau, 'Health Mortality Index', 2000)).toBeCloseTo(1, 12);
    expect(at(bau, 'Health Services Life Expectancy Gain', 2000)).toBeCloseTo(0, 12);
  });

  it('gives the Mincer return and the public capital elasticity it is given', () => {
    for (const y of [2015, 2040]) {
      const gap = at(bau, 'Mean Years of Schooling', y) - at(bau, 'Reference Mean Years of Schooling', y) + at(bau, 'Learning Adjusted Schooling Gain', y);
      expect(Math.log(at(bau, 'Human Capital Index', y))).toBeCloseTo(MINCER * gap, 10);
      const ratio = at(bau, 'Public to Private Capital Ratio', y) / at(bau, 'Public to Private Capital Ratio', 2000);
      expect(Math.log(at(bau, 'Infrastructure Productivity Effect', y))).toBeCloseTo(PUBLIC_CAPITAL_ELASTICITY * Math.log(ratio), 10);
    }
  });
});

describe('Peru T21 modules: levers', () => {
  it('gives exactly business as usual with zero budgets, whatever the financing and timing', () => {
    const r = model.run({ params: { ...Object.fromEntries(BUDGETS.map((b) => [b, 0])), 'Programme Debt Share': 0.5, 'Policy Start Year[public services]': 2026, 'Policy Ramp Years[public services]': 2 } });
    const levers = /^(Policy (Ramp|Start Year|Ramp Years)\[|Programme Debt Share$)/;
    for (let c = 0; c < bau.names.length; c++) {
      if (levers.test(bau.names[c])) continue;
      const a = bau.series[c];
      const b = r.get(bau.names[c])!;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) throw new Error(`${bau.names[c]} differs at ${bau.time[i]}`);
    }
  });

  it('raises enrolment, schooling and GDP with an education budget, and nothing before the policy starts', () => {
    const r = granted('Education Programme Budget', 3000);
    expect(at(r, 'Real GDP', 2024)).toBe(at(bau, 'Real GDP', 2024));
    expect(at(r, 'Secondary Enrolment Rate', 2030)).toBeGreaterThan(at(bau, 'Secondary Enrolment Rate', 2030));
    expect(at(r, 'Mean Years of Schooling', 2050)).toBeGreaterThan(at(bau, 'Mean Years of Schooling', 2050));
    expect(at(r, 'Human Capital Index', 2050)).toBeGreaterThan(at(bau, 'Human Capital Index', 2050));
    expect(at(r, 'Real GDP', 2050)).toBeGreaterThan(at(bau, 'Real GDP', 2050));
    // Years of schooling only (the learning-quality channel is tested in peru-learning-quality.test.ts).
    // 3 bn soles is about +12 % of education spending: with a gap elasticity of 0.3, enrolment gains
    // a few tenths of a point, each cohort about 0.02-0.03 years, and cohorts renew the 15-64 stock
    // over decades, so by 2050 the stock has gained hundredths of a year, not tenths.
    const entrants = at(r, 'Entrant Years of Schooling', 2035) - at(bau, 'Entrant Years of Schooling', 2035);
    expect(entrants).toBeGreaterThan(0.01);
    expect(entrants).toBeLessThan(0.1);
    const gain2050 = at(r, 'Mean Years of Schooling', 2050) - at(bau, 'Mean Years of Schooling', 2050);
    expect(gain2050).toBeGreaterThan(0.002);
    expect(gain2050).toBeLessThan(entrants);
  });

  it('raises life expectancy and lowers deaths with a health budget, by a plausible amount', () => {
    const r = granted('Health Programme Budget', 2000);
    const gain = at(r, 'Life Expectancy at Birth', 2035) - at(bau, 'Life Expectancy at Birth', 2035);
    // about +20-30 % of public health spending: 1.5 years per log unit gives a few tenths of a year
    expect(gain).toBeGreaterThan(0.1);
    expect(gain).toBeLessThan(1.5);
    expect(at(r, 'Health Mortality Index', 2035)).toBeLessThan(at(bau, 'Health Mortality Index', 2035));
    expect(at(r, 'Total Population', 2050)).toBeGreaterThan(at(bau, 'Total Population', 2050));
  });

  it('raises access, paved roads, productivity and life expectancy with an infrastructure budget', () => {
    const r = granted('Infrastructure Programme Budget', 5000);
    for (const v of ['Water Access Rate', 'Sanitation Access Rate', 'Rural Electricity Access', 'Paved Road Network', 'Infrastructure Productivity Effect', 'Life Expectancy at Birth'])
      expect(at(r, v, 2035), v).toBeGreaterThan(at(bau, v, 2035));
    expect(at(r, 'Real GDP', 2040)).toBeGreaterThan(at(bau, 'Real GDP', 2040));
    // 5 bn soles a year is about 1 % of GDP: 0.083 × ln(capital ratio) keeps the productivity gain to a few per cent
    const effect = at(r, 'Infrastructure Productivity Effect', 2050) / at(bau, 'Infrastructure Productivity Effect', 2050) - 1;
    expect(effect).toBeGreaterThan(0.002);
    expect(effect).toBeLessThan(0.05);
    const water = at(r, 'Water Access Rate', 2030) - at(bau, 'Water Access Rate', 2030);
    expect(water).toBeGreaterThan(0.002);
    expect(water).toBeLessThan(0.06);
  });

  it('crowds out the other functions when a budget is reallocated', () => {
    const r = model.run({ params: { 'Education Programme Budget': 3000 } });
    expect(at(r, 'Spending by Function[health]', 2030)).toBeLessThan(at(bau, 'Spending by Function[health]', 2030));
    expect(at(r, 'Infrastructure Capital[roads]', 2035)).toBeLessThan(at(bau, 'Infrastructure Capital[roads]', 2035));
    const debt = model.run({ params: { 'Education Programme Budget': 3000, 'Programme Debt Share': 1 } });
    expect(at(debt, 'Public Debt', 2035)).toBeGreaterThan(at(r, 'Public Debt', 2035));
  });
});
