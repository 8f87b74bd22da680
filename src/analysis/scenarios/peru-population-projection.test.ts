/**
 * The Peru model's business-as-usual population after 2023 (peru.mdl, groups "Fertility path after 2023"
 * and "Cohorts reaching 65 after 2023", and `Peruvian Net Emigration after 2023`) against the published
 * PROJECTIONS of INEI (1950-2070) and UN WPP 2024, medium variant (models/peru/calibration/
 * population-projections.json). Those are projections, not data: the bands below say how far the model's
 * own drivers may lead from them, and are stated with each test.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const PROJECTIONS = join(process.cwd(), 'models', 'peru', 'calibration', 'population-projections.json');
const SHARE_SCRIPT = join(process.cwd(), 'models', 'peru', 'calibration', 'fertile-share-index.mjs');

interface Projection {
  source: string;
  population: Record<string, number>;
  tfr?: Record<string, number>;
  crudeBirthRate?: Record<string, number>;
  lifeExpectancy?: Record<string, number>;
  youngShare?: Record<string, number>;
  elderly60Over2050Min?: number;
}

let model: Model;
let run: RunResult;
let inei: Projection;
let wpp: Projection;

const share = (r: RunResult, name: string, y: number) => at(r, name, y) / at(r, 'Total Population', y);

beforeAll(() => {
  model = loadModel(MODEL);
  run = model.run();
  const all = (JSON.parse(readFileSync(PROJECTIONS, 'utf8')) as { projections: Projection[] }).projections;
  inei = all.find((p) => p.source === 'INEI')!;
  wpp = all.find((p) => p.source === 'WPP2024')!;
});

describe('Peru fertility after 2023 on the UN WPP 2024 TFR path', () => {
  it('takes the medium-variant TFR to 2040 and moves births per 15-64 person with it and the fertility-weighted 15-49 share', () => {
    for (const y of [2030, 2035, 2040]) expect(at(run, 'Projected Total Fertility Rate', y)).toBeCloseTo(wpp.tfr![String(y)], 6);
    const tfr2023 = at(run, 'Projected Total Fertility Rate', 2023);
    // to 2040 every cohort aged 15-64 was born by 2023: the model's share equals the one that
    // calibration/fertile-share-index.mjs derives from INEI births and INEI's 2020-2025 fertility by age
    const read = (args: string[]) => {
      const out = spawnSync(process.execPath, [SHARE_SCRIPT, ...args], { encoding: 'utf8' }).stdout.trim().split('\n');
      return new Map(out.map((l) => l.split('\t').map(Number) as [number, number]));
    };
    const index = read([]);
    const plain = read(['--unweighted']);
    for (const y of [2030, 2040]) {
      // weighting by the mothers' age falls faster than the plain 15-49 share (big 1980-95 cohorts age out of 20-34)
      expect(index.get(y)!).toBeLessThan(plain.get(y)! - 0.005);
      const tfrRatio = at(run, 'Projected Total Fertility Rate', y) / tfr2023;
      expect(at(run, 'Projected Fertility Ratio', y) / tfrRatio).toBeCloseTo(index.get(y)!, 4);
    }
    for (const y of [2030, 2040, 2050]) {
      for (const area of ['urban', 'rural']) {
        // the stored income effect is the one of 2023 (one step later at most), so the ratio holds to 0.2 %
        const ratio = at(run, `Fertility Rate[${area}]`, y) / at(run, `Fertility Rate[${area}]`, 2023) / at(run, 'Projected Fertility Ratio', y);
        expect(Math.abs(ratio - 1)).toBeLessThan(0.002);
      }
    }
  });

  it('keeps the crude birth rate within 10 % of WPP 2024 in 2030 and 2040, and falling to 2050', () => {
    // Band: WPP 2024 medium variant 14.4 and 12.6 per 1000 (population-projections.json). The model's
    // births per 15-64 person are anchored in 2023, where its crude birth rate (16.7, fitted to WPP and INEI
    // 2000-2015; INEI 2020-2025 16.55) is ~4 % above WPP's (16.6 in 2020, 15.8 in 2024); the model is
    // +4 % in 2030 and +8 % in 2040. Without any 15-49 share the 2040 gap was +16 %.
    const cbr = (y: number) => ((at(run, 'Births[urban]', y) + at(run, 'Births[rural]', y)) / at(run, 'Total Population', y)) * 1000;
    for (const y of ['2030', '2040']) {
      const gap = cbr(Number(y)) / wpp.crudeBirthRate![y] - 1;
      expect(gap).toBeGreaterThan(-0.05);
      expect(gap).toBeLessThan(0.1);
    }
    expect(cbr(2050)).toBeLessThan(cbr(2040));
    expect(cbr(2050)).toBeLessThan(wpp.crudeBirthRate!['2035']);
  });

  it('counts mothers born after 2023 from the model\'s own births: fewer births after 2023 shrink the 2050 share only', () => {
    const cols = ['Fertile Cohort Share', 'Total Births'];
    const base = model.run({ columns: cols });
    // WPP's TFR path 20 % lower from 2024 on (the same values to 2023)
    const lower = { x: [2000, 2020, 2023, 2024, 2030, 2040], y: [2.85, 2.06, 1.985, 1.96 * 0.8, 1.87 * 0.8, 1.79 * 0.8] };
    const low = model.run({ columns: cols, params: { 'WPP TFR Medium Variant': lower } });
    expect(at(low, 'Total Births', 2030)).toBeLessThan(0.85 * at(base, 'Total Births', 2030));
    // in 2040 every band is born by 2023 (INEI births); in 2050 the bands of 15-29 are the model's births of 2023-2035
    expect(at(low, 'Fertile Cohort Share', 2040)).toBe(at(base, 'Fertile Cohort Share', 2040));
    expect(at(low, 'Fertile Cohort Share', 2050)).toBeLessThan(at(base, 'Fertile Cohort Share', 2050) - 0.01);
  });

  it('leaves 2000-2023 unchanged when the post-2023 Supuestos move, and moves 2050 with them', () => {
    const cols = ['Total Population', 'Elderly Population', 'Real GDP'];
    const base = model.run({ columns: cols });
    const moved = model.run({ columns: cols, params: { 'TFR 2050': 1.55, 'Cohort Survival Gain': 0.012, 'Peruvian Net Emigration after 2023': 135_000 } });
    for (const y of [2000, 2010, 2019, 2023]) for (const c of cols) expect(at(moved, c, y)).toBe(at(base, c, y));
    expect(at(moved, 'Total Population', 2050)).toBeLessThan(at(base, 'Total Population', 2050) - 1e6);
  });
});

describe('Peru births and deaths 2000-2023 held to WPP 2024 and INEI (history.csv)', () => {
  const HISTORY = join(process.cwd(), 'models', 'peru', 'calibration', 'history.csv');
  const observed = (variable: string) =>
    readFileSync(HISTORY, 'utf8').trim().split('\n').slice(1)
      .map((l) => /^([^,]+),([^,]+),([^,]+),/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && m[2] === variable)
      .map((m) => ({ year: Number(m[1]), value: Number(m[3]) }));
  // the model saves whole years; a mid-quinquennium INEI mean is compared with the mean of its two neighbours
  const modelAt = (name: string, y: number) => (Number.isInteger(y) ? at(run, name, y) : (at(run, name, y - 0.5) + at(run, name, y + 0.5)) / 2);

  it('keeps the crude birth rate within 4 % of every WPP 2024 and INEI figure of 2000-2023', () => {
    // Band: the two sources differ by up to 5 % in the same year (2000: WPP 23.8, INEI 2000-2005 22.56);
    // the fit leaves at most 2.8 % (2000). Before it the model was 11.5 % below WPP in 2000 (21.1) and
    // 7-8 % below INEI and WPP in 2002-2012.
    const obs = observed('Crude Birth Rate');
    expect(obs.length).toBeGreaterThanOrEqual(10);
    for (const o of obs) expect(Math.abs(modelAt('Crude Birth Rate', o.year) / o.value - 1)).toBeLessThan(0.04);
  });

  it('keeps the crude death rate within 12 % of them outside the COVID-19 years (no mortality constant is fitted)', () => {
    // It held before this fit too (5.9-6.2 per 1000); the band: WPP's 6.7 in 2010 against INEI's 6.00 for 2010-2015; 2020 carries COVID-19 deaths (WPP 7.4).
    for (const o of observed('Crude Death Rate').filter((x) => x.year < 2020)) {
      expect(Math.abs(modelAt('Crude Death Rate', o.year) / o.value - 1)).toBeLessThan(0.12);
    }
  });

  it('lowers births per 15-64 person with the fertility-weighted cohort share from 2000, continuous in 2023', () => {
    expect(at(run, 'Fertile Age Composition Effect', 2000)).toBeCloseTo(1, 12);
    for (const y of [2010, 2020]) {
      expect(at(run, 'Fertile Age Composition Effect', y)).toBeCloseTo(at(run, 'Fertile Cohort Share', y) / at(run, 'Fertile Cohort Share', 2000), 12);
    }
    // the crude birth rate falls from 2015 to 2023 (with income alone it fell 0.4 points, 17.2 to 16.8)
    expect(at(run, 'Crude Birth Rate', 2023)).toBeLessThan(at(run, 'Crude Birth Rate', 2015) - 1);
    // after 2023 the composition is carried by Projected Fertility Ratio: the product moves as the share does
    const product = (y: number) => at(run, 'Fertile Age Composition Effect', y) * at(run, 'Projected Fertility Ratio', y) /
      (at(run, 'Projected Total Fertility Rate', y) / at(run, 'Projected Total Fertility Rate', 2023));
    for (const y of [2030, 2040]) expect(product(y)).toBeCloseTo(at(run, 'Fertile Cohort Share', y) / at(run, 'Fertile Cohort Share', 2000), 4);
  });
});

describe('Peru business-as-usual population against INEI and WPP 2024 projections (projections, not data)', () => {
  it('is within 3 % of both projections in 2030 and 2040', () => {
    for (const y of ['2030', '2040']) {
      for (const p of [inei, wpp]) {
        const gap = at(run, 'Total Population', Number(y)) / p.population[y] - 1;
        expect(Math.abs(gap)).toBeLessThan(0.03);
      }
    }
  });

  it('is within 5 % of INEI\'s 39.36 M in 2050 and not below it by more than 2 %', () => {
    // Band: INEI's 2050 is 0.9 M below a line through WPP's 2030 and 2040 (41.4 M); the model keeps a net
    // emigration Supuesto of -48 thousand a year against WPP's -5, and its 0-14 group is 2 points larger
    // than INEI's in 2040. No WPP 2050 figure was found, so 2050 is tested against INEI only.
    const gap = at(run, 'Total Population', 2050) / inei.population['2050'] - 1;
    expect(gap).toBeGreaterThan(-0.02);
    expect(gap).toBeLessThan(0.05);
  });

  it('ages as the projections do: 65+ in 2050 near INEI\'s 60+ floor, 0-14 in 2040 near INEI\'s share', () => {
    // INEI-based (Quispe 2021): over 9 M aged 60+ in 2050; 65+ is 0.65-0.80 of 60+ in populations at
    // that stage (Supuesto), so 65+ at least 0.65 x 9 M. Before the cohort flow the model had 5.27 M.
    expect(at(run, 'Elderly Population', 2050)).toBeGreaterThan(0.65 * inei.elderly60Over2050Min!);
    const elderShare = share(run, 'Elderly Population', 2050);
    expect(elderShare).toBeGreaterThan(0.14);
    expect(elderShare).toBeLessThan(0.2);
    // INEI 2040 0-14 share 19.9 %; band 2.5 points (the model has three age groups and no 60-64 split)
    expect(Math.abs(at(run, 'Young Share', 2040) - inei.youngShare!['2040'])).toBeLessThan(0.025);
    // 15-64: WPP's 66.9 % of 2025 falls as the cohorts of 1958-1985 turn 65; the model's falls below it
    const working2050 = share(run, 'Working Age Population', 2050);
    expect(working2050).toBeLessThan(share(run, 'Working Age Population', 2030));
    expect(working2050).toBeGreaterThan(0.6);
    expect(working2050).toBeLessThan(0.669);
  });

  it('keeps mortality improvement within 1.5 years of WPP\'s life expectancy in 2030 and 2040 (checked, not changed)', () => {
    for (const y of ['2030', '2040']) {
      expect(Math.abs(at(run, 'Life Expectancy at Birth', Number(y)) - wpp.lifeExpectancy![y])).toBeLessThan(1.5);
    }
  });
});
