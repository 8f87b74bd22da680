/**
 * Each policy lever of the Peru model, run alone from its scenario file, moves its indicators in
 * the direction the literature and the model's own structure lead one to expect, against business
 * as usual; the combined green-economy scenario cuts emissions more than any single policy.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allScenarioNames, analyseScenarios, type ScenarioAnalysis } from './analyse.js';
import { readProject } from './project.js';
import { valueAtYear } from './run.js';

let a: ScenarioAnalysis;

beforeAll(() => {
  const project = readProject(join(process.cwd(), 'models', 'peru'));
  a = analyseScenarios(project, allScenarioNames(project));
});

function value(scenario: string, variable: string, year: number): number {
  const run = a.runs.find((r) => r.scenario.name === scenario)!;
  const s = run.result.get(variable);
  if (!s) throw new Error(`no ${variable}`);
  return valueAtYear(run.result, s, year);
}

type Direction = 'up' | 'down';
const EXPECT: [string, string, Direction][] = [
  ['fuel-tax', 'Fossil CO2 Emissions', 'down'],
  ['fuel-tax', 'ISC Fuel Revenue', 'up'],
  ['fuel-tax', 'Renewable Generation Share', 'up'],
  ['fuel-tax', 'Transport Energy by Fuel[diesel]', 'down'],
  ['agriculture', 'Value Added[agriculture]', 'up'],
  ['agriculture', 'Poverty Rate', 'down'],
  ['water', 'Total Water Withdrawal', 'down'],
  ['water', 'Water Use Efficiency', 'up'],
  ['water', 'Pacific Water Stress', 'down'],
  ['cattle', 'Cattle Methane Emissions', 'down'],
  ['cattle', 'Degraded Land Fraction', 'down'],
  ['cattle', 'Total GHG Emissions', 'down'],
  ['forestry', 'Forest Area', 'up'],
  ['forestry', 'Deforestation', 'down'],
  ['forestry', 'LULUCF Emissions', 'down'],
  ['waste', 'Waste Managed Share', 'up'],
  ['waste', 'Recycling Rate', 'up'],
  ['waste', 'Waste GHG Emissions', 'down'],
  ['waste-arequipa', 'Recycling Rate', 'up'],
  ['urban-transport', 'Lima PM25 Concentration', 'down'],
  ['urban-transport', 'Mass Transit Share[Lima Callao]', 'up'],
  ['urban-transport', 'Combustion CO2 by Use[transport]', 'down'],
  ['telework', 'Passenger km Demand[Lima Callao]', 'down'],
  ['telework', 'Combustion CO2 by Use[transport]', 'down'],
  ['green-industry', 'Final Energy Demand[industry]', 'down'],
  ['green-industry', 'Manufacturing Share of GDP', 'up'],
  ['green-jobs', 'Informal Employment Rate', 'down'],
  ['green-jobs', 'Youth NEET Rate', 'down'],
  ['green-jobs', 'Youth Unemployment Rate', 'down'],
  ['green-investment', 'Renewable Generation Share', 'up'],
  ['green-investment', 'Real GDP', 'up'],
  ['green-investment', 'Forest Area', 'up'],
  ['green-economy', 'Total GHG Emissions', 'down'],
  ['green-economy', 'Fossil CO2 Emissions', 'down'],
];

describe('policy levers against business as usual', () => {
  // Fuel tax: electrification raises demand at once while the fund's renewable plants take years to
  // build, so in 2026-2030 gas covers the extra demand and the renewable share dips before it rises.
  const YEARS: Record<string, number[]> = { 'fuel-tax Renewable Generation Share': [2035, 2050] };
  it.each(EXPECT)('%s moves %s %s in 2030 and 2050', (scenario, variable, direction) => {
    for (const year of YEARS[`${scenario} ${variable}`] ?? [2030, 2050]) {
      const base = value('bau', variable, year);
      const policy = value(scenario, variable, year);
      if (direction === 'up') expect(policy, `${year}`).toBeGreaterThan(base);
      else expect(policy, `${year}`).toBeLessThan(base);
    }
  });

  it('leaves history untouched: every scenario equals business as usual before the policies start', () => {
    for (const r of a.runs) {
      for (const variable of ['Real GDP', 'Total GHG Emissions', 'Forest Area', 'Informal Employment Rate']) {
        expect(value(r.scenario.name, variable, 2018)).toBeCloseTo(value('bau', variable, 2018), 6);
      }
    }
  });

  it('the Arequipa pilot recycles less than the national waste programme', () => {
    expect(value('waste-arequipa', 'Recycling Rate', 2040)).toBeLessThan(value('waste', 'Recycling Rate', 2040));
  });

  it('the combined scenario cuts total GHG in 2030 more than any single policy', () => {
    const combined = value('green-economy', 'Total GHG Emissions', 2030);
    for (const r of a.runs) {
      if (r.scenario.name === 'green-economy') continue;
      expect(combined).toBeLessThan(value(r.scenario.name, 'Total GHG Emissions', 2030));
    }
  });

  it('green investment and the green jobs plan raise green jobs (IO link)', () => {
    const jobs = (s: string) => a.jobs.get(s)!.green[a.jobs.get(s)!.years.indexOf(2040)];
    expect(jobs('green-investment')).toBeGreaterThan(jobs('bau'));
    expect(jobs('green-jobs')).toBeGreaterThan(jobs('bau'));
    expect(jobs('green-economy')).toBeGreaterThan(jobs('bau'));
  });
});
