/**
 * Human capital in the labour market (peru.mdl group "Human capital and jobs", issue 11): the
 * learning-adjusted schooling the Human Capital Index counts lowers the informality index
 * (probability of a formal job) and, a little, structural unemployment (employability). The effect
 * reaches workers through cohorts, so it is delayed; zero education budget gives exactly zero effect.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const TIMING = { 'Policy Start Year[public services]': 2025, 'Policy Ramp Years[public services]': 5 };
// grant-financed, so that crowding out of the other functions does not mix with the lever's effect
const EDUCATION = { ...TIMING, 'Education Programme Budget': 3000, 'Programme External Share': 1 };
const LABOUR = ['Informal Employment Rate', 'Formal Employment', 'Unemployment Rate', 'Employment', 'Labour Market Schooling Gap'];

let model: Model;
let bau: RunResult;
let edu: RunResult;

beforeAll(() => {
  model = loadModel(MODEL);
  bau = model.run();
  edu = model.run({ params: EDUCATION });
});

/** The informality index without the human-capital factor: the income channel alone. */
const incomeOnlyIndex = (r: RunResult, y: number) =>
  at(r, 'Initial Informality Index', y) * at(r, 'Perceived Relative Income', y) ** -at(r, 'Informality Income Elasticity', y);

describe('human capital and jobs: the channel', () => {
  it('uses the learning-adjusted schooling the Human Capital Index counts, zero in 2000', () => {
    for (const r of [bau, edu]) {
      for (const y of [2000, 2019, 2035, 2050]) {
        const gap = at(r, 'Labour Market Schooling Gap', y);
        expect(gap).toBeCloseTo(Math.log(at(r, 'Human Capital Index', y)) / at(r, 'Mincer Return to Schooling', y), 9);
        expect(at(r, 'Unadjusted Informality Index', y) / incomeOnlyIndex(r, y)).toBeCloseTo(
          Math.exp(-at(r, 'Informality Schooling Semi Elasticity', y) * gap),
          12,
        );
      }
    }
    expect(at(bau, 'Labour Market Schooling Gap', 2000)).toBe(0);
    expect(at(bau, 'Human Capital Informality Factor', 2000)).toBe(1);
    expect(at(bau, 'Human Capital Unemployment Factor', 2000)).toBe(1);
  });

  it('zero education budget gives exactly zero effect on jobs and formality', () => {
    const zero = model.run({ params: { ...TIMING, 'Education Programme Budget': 0, 'Programme External Share': 1 } });
    for (const v of LABOUR) {
      const a = zero.get(v)!;
      const b = bau.get(v)!;
      for (let i = 0; i < a.length; i++) expect(a[i], `${v} at ${zero.time[i]}`).toBe(b[i]);
    }
  });

  it('with the semi-elasticities at zero the labour market ignores schooling (the channel is only these factors)', () => {
    const off = model.run({ params: { ...EDUCATION, 'Informality Schooling Semi Elasticity': 0, 'Unemployment Schooling Semi Elasticity': 0 } });
    for (const y of [2030, 2050]) {
      expect(at(off, 'Labour Market Schooling Gap', y)).toBeGreaterThan(0);
      expect(at(off, 'Unadjusted Informality Index', y)).toBeCloseTo(incomeOnlyIndex(off, y), 12);
      expect(at(off, 'Human Capital Unemployment Factor', y)).toBe(1);
    }
  });
});

describe('human capital and jobs: more learning, more formal jobs, later', () => {
  it('does nothing before the policy starts', () => {
    for (const v of LABOUR) expect(at(edu, v, 2024), v).toBe(at(bau, v, 2024));
  });

  it('lowers the informality index by exp(-0.03 x the extra learning-adjusted years), beyond the income effect', () => {
    for (const y of [2035, 2050]) {
      const extraYears = at(edu, 'Labour Market Schooling Gap', y) - at(bau, 'Labour Market Schooling Gap', y);
      expect(extraYears).toBeGreaterThan(0);
      const direct = at(edu, 'Unadjusted Informality Index', y) / incomeOnlyIndex(edu, y) / (at(bau, 'Unadjusted Informality Index', y) / incomeOnlyIndex(bau, y));
      expect(direct).toBeCloseTo(Math.exp(-0.03 * extraYears), 12);
    }
  });

  it('is delayed by school exposure and cohort renewal, then grows', () => {
    const drop = (y: number) => at(bau, 'Informal Employment Rate', y) - at(edu, 'Informal Employment Rate', y);
    expect(drop(2030)).toBeGreaterThan(0);
    expect(drop(2030)).toBeLessThan(0.2 * drop(2050));
    expect(drop(2040)).toBeLessThan(drop(2050));
  });

  it('has the stated size: 3 bn soles a year give about 0.03 extra years by 2050, some 0.07 points less informality and 14 000 formal jobs', () => {
    const extraYears = at(edu, 'Labour Market Schooling Gap', 2050) - at(bau, 'Labour Market Schooling Gap', 2050);
    expect(extraYears).toBeGreaterThan(0.015);
    expect(extraYears).toBeLessThan(0.05);
    const points = at(bau, 'Informal Employment Rate', 2050) - at(edu, 'Informal Employment Rate', 2050);
    expect(points).toBeGreaterThan(0.0004);
    expect(points).toBeLessThan(0.0012);
    const formal = at(edu, 'Formal Employment', 2050) - at(bau, 'Formal Employment', 2050);
    expect(formal).toBeGreaterThan(8_000);
    expect(formal).toBeLessThan(25_000);
    // About half is the direct channel (0.03 x extra years of the index), the rest the income it adds.
    const directShare = (0.03 * extraYears * at(bau, 'Unadjusted Informality Index', 2050)) / (at(bau, 'Unadjusted Informality Index', 2050) - at(edu, 'Unadjusted Informality Index', 2050));
    expect(directShare).toBeGreaterThan(0.3);
    expect(directShare).toBeLessThan(0.8);
  });

  it('raises employability a little: structural unemployment falls by exp(-0.01 x the extra years)', () => {
    for (const y of [2040, 2050]) {
      const extraYears = at(edu, 'Labour Market Schooling Gap', y) - at(bau, 'Labour Market Schooling Gap', y);
      const ratio = at(edu, 'Human Capital Unemployment Factor', y) / at(bau, 'Human Capital Unemployment Factor', y);
      expect(ratio).toBeCloseTo(Math.exp(-0.01 * extraYears), 12);
      const okun = (r: RunResult) => 1 - at(r, 'Okun Coefficient', y) * (at(r, 'GDP Growth Rate', y) - at(r, 'Trend GDP Growth', y));
      expect(at(edu, 'Unemployment Rate before Programmes', y)).toBeCloseTo(
        at(edu, 'Natural Unemployment Rate', y) * at(edu, 'Human Capital Unemployment Factor', y) * okun(edu),
        12,
      );
      expect(at(edu, 'Unemployment Rate', y)).toBeLessThan(at(bau, 'Unemployment Rate', y));
    }
  });

  it('scales with the assumed semi-elasticity across its range (0.01-0.05)', () => {
    const direct = (s: number) => {
      const r = model.run({ params: { ...EDUCATION, 'Informality Schooling Semi Elasticity': s } });
      return 1 - at(r, 'Human Capital Informality Factor', 2050) / at(bau, 'Human Capital Informality Factor', 2050) ** (s / 0.03);
    };
    const low = direct(0.01);
    const high = direct(0.05);
    expect(low).toBeGreaterThan(0);
    expect(high / low).toBeGreaterThan(4.5);
    expect(high / low).toBeLessThan(5.5);
  });

  it('turns the other way when another programme is paid for by cutting education', () => {
    const r = model.run({ params: { 'Infrastructure Programme Budget': 5000 } });
    expect(at(r, 'Labour Market Schooling Gap', 2050)).toBeLessThan(at(bau, 'Labour Market Schooling Gap', 2050));
    expect(at(r, 'Human Capital Informality Factor', 2050)).toBeGreaterThan(at(bau, 'Human Capital Informality Factor', 2050));
  });
});
