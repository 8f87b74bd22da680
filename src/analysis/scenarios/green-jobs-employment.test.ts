/**
 * Employability as a mechanism (issue 11): training places and youth programme places buy a gross
 * employment gain per participant that fades after the programme; a share of it is taken from other
 * job seekers (displacement); the rest lowers unemployment, youth and adult consistently with the
 * total (labour force by age). Zero budget gives zero effect; a budget gives positive, bounded net jobs
 * at a cost per job-year the report prints.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { analyseScenarios } from './analyse.js';
import { costEffectiveness } from './cost-effectiveness.js';
import { readProject } from './project.js';
import { valueAtYear } from './run.js';

const DIR = join(process.cwd(), 'models', 'peru');
const TIMING = { 'Policy Start Year[green jobs]': 2025, 'Policy Ramp Years[green jobs]': 6 };
const YEARS = [2026, 2030, 2035, 2040, 2045, 2050];

let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModel(join(DIR, 'peru.mdl'));
  bau = model.run();
});

function at(r: RunResult, name: string, year: number): number {
  const s = r.get(name);
  if (!s) throw new Error(`no series ${name}`);
  return valueAtYear(r, s, year);
}

function sum(r: RunResult, name: string, from = 2025, to = 2050): number {
  let t = 0;
  for (let y = from; y <= to; y++) t += at(r, name, y);
  return t;
}

describe('employability: training and youth places lower unemployment net of displacement', () => {
  it('adds no job in business as usual and with the budgets at zero', () => {
    const zero = model.run({ params: { ...TIMING, 'Green Skills Training Budget': 0, 'Youth Employment Budget': 0, 'Formalization Incentive Budget': 0, 'Labour Inspection Budget': 0 } });
    for (const r of [bau, zero]) {
      for (const y of [2000, 2019, ...YEARS]) {
        expect(at(r, 'Programme Net Jobs', y)).toBe(0);
        expect(at(r, 'Unemployment Rate', y)).toBe(at(r, 'Unemployment Rate before Programmes', y));
        expect(at(r, 'Youth Unemployment Rate', y)).toBe(at(r, 'Youth Unemployment Rate before Programmes', y));
      }
    }
  });

  it('a youth budget gives positive net jobs, below the gross gain less displacement and below the youth unemployed', () => {
    const r = model.run({ params: { ...TIMING, 'Youth Employment Budget': 375 } });
    const displacement = at(r, 'Programme Displacement Share', 2030);
    for (const y of YEARS) {
      const net = at(r, 'Youth Programme Net Jobs', y);
      expect(net, String(y)).toBeGreaterThan(0);
      expect(net).toBeLessThanOrEqual(at(r, 'Youth Programme Employment Gain', y) * (1 - displacement) + 1e-6);
      expect(net).toBeLessThan(at(r, 'Youth Unemployed before Programmes', y));
      expect(at(r, 'Adult Programme Net Jobs', y)).toBe(0);
    }
    // 250 000 places a year at a 5-point gain fading over 5 years: about 62 000 gross, 31 000 net at full scale.
    expect(at(r, 'Youth Programme Net Jobs', 2045)).toBeGreaterThan(20_000);
    expect(at(r, 'Youth Programme Net Jobs', 2045)).toBeLessThan(40_000);
    // Employment rises by about the net jobs (the rest is the growth and crowding-out of the spending).
    const added = sum(r, 'Employment') - sum(bau, 'Employment');
    expect(added / sum(r, 'Programme Net Jobs')).toBeGreaterThan(0.8);
    expect(added / sum(r, 'Programme Net Jobs')).toBeLessThan(1.2);
  });

  it('the effect fades: the gain stock settles at entrants x gain x duration instead of accumulating', () => {
    const r = model.run({ params: { ...TIMING, 'Youth Employment Budget': 375 } });
    const inflow = at(r, 'Youth Programme Participants', 2050) * at(r, 'Youth Programme Placement Rate', 2050);
    const duration = at(r, 'Programme Employment Effect Duration', 2050);
    // Full spending from 2031: after 19 years the stock is within e^(-19/5) of its steady state.
    expect(at(r, 'Youth Programme Employment Gain', 2050)).toBeLessThan(inflow * duration);
    expect(at(r, 'Youth Programme Employment Gain', 2050)).toBeGreaterThan(0.95 * inflow * duration);
    const longer = model.run({ params: { ...TIMING, 'Youth Employment Budget': 375, 'Programme Employment Effect Duration': 10 } });
    expect(at(longer, 'Youth Programme Employment Gain', 2050)).toBeGreaterThan(1.6 * at(r, 'Youth Programme Employment Gain', 2050));
  });

  it('more displacement, fewer net jobs, in proportion to the share kept', () => {
    const low = model.run({ params: { ...TIMING, 'Green Skills Training Budget': 900, 'Programme Displacement Share': 0.2 } });
    const high = model.run({ params: { ...TIMING, 'Green Skills Training Budget': 900, 'Programme Displacement Share': 0.9 } });
    const ratio = at(high, 'Programme Net Jobs', 2040) / at(low, 'Programme Net Jobs', 2040);
    expect(ratio).toBeGreaterThan(0.1 / 0.8 * 0.95);
    expect(ratio).toBeLessThan(0.1 / 0.8 * 1.05);
  });

  it('youth and adult unemployment add up to the total (labour force by age), each no higher than without programmes', () => {
    const r = model.run({ params: { ...TIMING, 'Green Skills Training Budget': 5000, 'Youth Employment Budget': 5000 } });
    for (const y of YEARS) {
      const youthLf = at(r, 'Youth Labour Force', y);
      const lf = at(r, 'Labour Force', y);
      const youthU = at(r, 'Youth Unemployment Rate', y) * youthLf;
      const adultU = at(r, 'Adult Unemployment Rate', y) * (lf - youthLf);
      expect(youthU + adultU).toBeCloseTo(at(r, 'Unemployment Rate', y) * lf, 3);
      // The total falls by exactly the net jobs, split between the ages.
      expect((at(r, 'Unemployment Rate before Programmes', y) - at(r, 'Unemployment Rate', y)) * lf).toBeCloseTo(at(r, 'Programme Net Jobs', y), 3);
      expect(at(r, 'Youth Unemployment Rate', y)).toBeLessThan(at(r, 'Youth Unemployment Rate before Programmes', y));
      const adultBefore = at(r, 'Adult Unemployed before Programmes', y) / (lf - youthLf);
      expect(at(r, 'Adult Unemployment Rate', y)).toBeLessThan(adultBefore);
      expect(at(r, 'Adult Unemployment Rate', y)).toBeGreaterThan(0);
      expect(at(r, 'Youth NEET Rate', y)).toBeLessThan(at(bau, 'Youth NEET Rate', y));
    }
  });

  it('the report gives the green-jobs scenario a cost per job-year in a plausible range', () => {
    const project = readProject(DIR);
    const a = analyseScenarios(project, ['bau', 'green-jobs'], model);
    const row = costEffectiveness(a.runs, 'bau').find((x) => x.scenario === 'green-jobs')!;
    expect(row.jobYears).toBeGreaterThan(0);
    // Lower bound: ProJoven's gross cost per placement-year (US$400 a participant, +6 points lasting about
    // three years: about 7 000 soles); a net job-year, after displacement, cannot cost less than a gross one.
    // Upper bound: ten years of Peru's minimum wage (930 soles x 14 payments) per job-year.
    expect(row.solesPerJobYear).toBeGreaterThan(7_000);
    expect(row.solesPerJobYear).toBeLessThan(130_000);
  });
});
