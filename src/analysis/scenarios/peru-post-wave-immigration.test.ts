/**
 * The Peru model's Venezuelan immigration after the 2017-2019 wave (peru.mdl, group "Post wave
 * immigration"): an exogenous input built from R4V's stock of Venezuelans in Peru to 2023 and a
 * Supuesto after, split by age as INEI's ENPOVE 2018 gives. Checked against INEI's population
 * estimates for 2020-2024 (models/peru/calibration/population-inei.json, validation only) and against
 * the model without the input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const INEI_FILE = join(process.cwd(), 'models', 'peru', 'calibration', 'population-inei.json');
/** R4V's Venezuelans in Peru above the 861 698 of the end of 2019, at model times (sources in peru.mdl). */
const R4V_ADDED = new Map([[2020.5, 188_272], [2023, 680_306]]);
const ZERO_INPUT = {
  'Venezuelan Stock Added after Wave': { x: [2000, 2050], y: [0, 0] },
  'Net Immigration after Last Observation': 0,
};
/** The population equation as it was before the input (the term this change added, removed). */
const ADDED_TERM = '+Post Wave Net Immigration*Post Wave Immigrant Age Structure[Age]';
/** The new group's own variables: inputs and their sums, not part of the old model's path. */
const INPUT_BLOCK = ['Venezuelan Stock Added after Wave', 'Post Wave Net Immigration', 'Last R4V Observation Time', 'Net Immigration after Last Observation', 'Post Wave Immigrant Age Structure', 'Total Net International Migration'];

let model: Model;
let withInput: RunResult;
let zeroInput: RunResult;
let inei: Map<number, number>;

beforeAll(() => {
  model = loadModel(MODEL);
  withInput = model.run();
  zeroInput = model.run({ params: ZERO_INPUT });
  const file = JSON.parse(readFileSync(INEI_FILE, 'utf8')) as { estimates: { year: number; value: number }[] };
  inei = new Map(file.estimates.map((e) => [e.year, e.value]));
});

describe('Peru Venezuelan immigration after the 2017-2019 wave', () => {
  it('with a zero input gives exactly the path of the model without it, in every column and year', () => {
    const text = readFileSync(MODEL, 'utf8');
    expect(text.split(ADDED_TERM).length).toBe(2);
    const before = loadModel(text.replace(ADDED_TERM, '')).run();
    let compared = 0;
    for (const name of before.names) {
      if (INPUT_BLOCK.some((v) => name === v || name.startsWith(`${v}[`))) continue;
      const a = before.get(name)!;
      const b = zeroInput.get(name)!;
      for (let i = 0; i < a.length; i++) expect(b[i], `${name} at ${before.time[i]}`).toBe(a[i]);
      compared++;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('adds exactly R4V\'s stock change at the observed dates, nothing before mid-2019', () => {
    const r = model.run({ saveper: model.time.dt, columns: ['Post Wave Net Immigration'] });
    const flow = r.get('Post Wave Net Immigration')!;
    let cumulative = 0;
    for (let i = 0; i < r.time.length - 1; i++) {
      const t = r.time[i];
      if (t < 2019.5 - 1e-9) expect(flow[i]).toBe(0);
      for (const [time, added] of R4V_ADDED) if (Math.abs(t - time) < 1e-9) expect(cumulative).toBeCloseTo(added, 3);
      cumulative += flow[i] * (r.time[i + 1] - t);
    }
    // after the last observation (2023.0) the Supuesto's 50 000 a year
    expect(at(withInput, 'Post Wave Net Immigration', 2030)).toBe(50_000);
  });

  it('puts the migrants mostly in the 15-64 stock, so the labour force receives them', () => {
    const added = (v: string, y: number) => at(withInput, v, y) - at(zeroInput, v, y);
    const total = added('Total Population', 2023);
    // ENPOVE 2018: 83.4 % of the arrivals are 15-64; their births add to 0-14 (so the share is a bit lower)
    expect(added('Working Age Population', 2023) / total).toBeGreaterThan(0.75);
    expect(added('Working Age Population', 2023) / total).toBeLessThan(0.834);
    expect(added('Labour Force', 2023)).toBeGreaterThan(0.7 * added('Working Age Population', 2023));
    for (let y = 2000; y <= 2019; y++) expect(at(withInput, 'Labour Force', y)).toBe(at(zeroInput, 'Labour Force', y));
  });

  it('brings the model within 0.5 % of INEI\'s estimates 2020-2024, narrowing the gap from 2021 on', () => {
    for (const [y, value] of inei) {
      const gapWith = Math.abs(at(withInput, 'Total Population', y) / value - 1);
      const gapWithout = Math.abs(at(zeroInput, 'Total Population', y) / value - 1);
      expect(gapWith, String(y)).toBeLessThan(0.005);
      // mid-2020 the input has added little yet and the model without it is already at INEI's level
      // (-0.07 %, +0.22 % with it, since births and emigration are held to WPP 2024 and INEI, births-fit);
      // from 2021 the gap without it grows to -1.0 ... -2.1 %
      if (y >= 2021) expect(gapWith, String(y)).toBeLessThan(gapWithout);
    }
    // by mid-2024: 680 306 (R4V to 2023) + 50 000 (Supuesto) + their births minus their deaths (emigration is exogenous)
    const added2024 = at(withInput, 'Total Population', 2024) - at(zeroInput, 'Total Population', 2024);
    expect(added2024).toBeGreaterThan(700_000);
    expect(added2024).toBeLessThan(800_000);
  });

  // Target of issue 11: population 2024 within 2 % of INEI's 34 039 000 (INEI, "Situación de la Población
  // Peruana 2024", July 2024; population-inei.json). Missed (-2.04 %) while Peruvian emigration was a fitted
  // -0.55 %/yr of the population; met since it is the sourced series `Peruvian Net Emigration Data`
  // (INEI/Migraciones departures without return, net of returns) and the 2017-2019 wave has ENPOVE's ages.
  it('population 2024 within 2 % of INEI\'s 34.04 M', () => {
    expect(inei.get(2024)).toBe(34_039_000);
    expect(Math.abs(at(withInput, 'Total Population', 2024) / inei.get(2024)! - 1)).toBeLessThan(0.02);
  });
});
