/**
 * The Peru model's emigration of Peruvians (peru.mdl, group "Population"): a sourced exogenous series
 * (`Peruvian Net Emigration Data`, INEI/Migraciones departures without return net of returns) in place of
 * the fitted rate `Net Emigration Rate`; emigrants and the 2017-2019 Venezuelan wave each enter with their
 * own sourced age structure; the 65+ mortality is derived from INEI's deaths, not fitted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const STAGES = join(process.cwd(), 'models', 'peru', 'calibration', 'stages.json');
const AGES = ['young', 'adult', 'elder'] as const;

let model: Model;
let run: RunResult;

beforeAll(() => {
  model = loadModel(MODEL);
  run = model.run();
});

const deaths = (r: RunResult, y: number) =>
  ['urban', 'rural'].reduce((s, a) => s + AGES.reduce((t, g) => t + at(r, `Deaths[${a},${g}]`, y), 0), 0);

describe('Peru emigration of Peruvians from a sourced series', () => {
  it('follows INEI/Migraciones departures without return, net of 25 000 returns a year', () => {
    // 222 000, 198 000 and 160 000 departures in 2009, 2010 and 2015 (INEI, El Comercio 2016)
    expect(at(run, 'Peruvian Net Emigration', 2009)).toBe(197_000);
    expect(at(run, 'Peruvian Net Emigration', 2010)).toBe(173_000);
    expect(at(run, 'Peruvian Net Emigration', 2015)).toBe(135_000);
    // 2000 and 2005: UN WPP 2024 net migration (-92 000 and -222 000), in place of 113 000 assumed for 2000-2007
    expect(at(run, 'Peruvian Net Emigration', 2000)).toBe(92_000);
    expect(at(run, 'Peruvian Net Emigration', 2005)).toBe(222_000);
    // no longer proportional to the population: doubling fertility leaves it unchanged
    const more = model.run({ params: { 'Fertility Scale': 2 }, columns: ['Peruvian Net Emigration', 'Total Population'] });
    expect(at(more, 'Total Population', 2015)).toBeGreaterThan(at(run, 'Total Population', 2015));
    expect(at(more, 'Peruvian Net Emigration', 2015)).toBe(135_000);
  });

  it('fits no migration constant: the population stage fits fertility, not emigration or old-age mortality', () => {
    const stages = JSON.parse(readFileSync(STAGES, 'utf8')) as { name: string; parameters: Record<string, unknown> }[];
    const population = Object.keys(stages.find((s) => s.name === 'population')!.parameters);
    expect(population).toContain('Fertility Scale');
    expect(population.some((p) => /Emigration|Mortality/.test(p))).toBe(false);
    expect(() => model.run({ params: { 'Net Emigration Rate': -0.005 } })).toThrow(/Net Emigration Rate/);
  });

  it('splits emigrants by INEI\'s ages and every Venezuelan arrival by ENPOVE\'s', () => {
    for (const y of [2010, 2018, 2022]) {
      const emig = at(run, 'Peruvian Net Emigration', y);
      const arrivals = at(run, 'Immigration Wave Arrivals', y) + at(run, 'Post Wave Net Immigration', y);
      const expected = { young: -0.118 * emig + 0.156 * arrivals, adult: -0.84 * emig + 0.834 * arrivals, elder: -0.042 * emig + 0.01 * arrivals };
      for (const g of AGES) expect(at(run, `International Migration[urban,${g}]`, y)).toBeCloseTo(expected[g], 6);
      expect(at(run, 'Net International Migration', y)).toBeCloseTo(at(run, 'Immigration Wave Arrivals', y) - emig, 6);
    }
    // the wave of 2017-2019 adds about R4V's 861 698 by the end of 2019, 83.4 % of them aged 15-64
    const arrived = model.run({ saveper: model.time.dt, columns: ['Immigration Wave Arrivals'] });
    let total = 0;
    const flow = arrived.get('Immigration Wave Arrivals')!;
    for (let i = 0; i < arrived.time.length - 1; i++) total += flow[i] * (arrived.time[i + 1] - arrived.time[i]);
    expect(total).toBeGreaterThan(800_000);
    expect(total).toBeLessThan(900_000);
  });

  it('gives INEI\'s 165 000 deaths a year in 2000-2004 with the derived 65+ mortality', () => {
    let sum = 0;
    for (let y = 2000; y < 2005; y++) sum += deaths(run, y);
    expect(sum / 5 / 165_000).toBeGreaterThan(0.97);
    expect(sum / 5 / 165_000).toBeLessThan(1.03);
  });
});
