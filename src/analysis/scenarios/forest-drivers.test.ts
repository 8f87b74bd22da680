/**
 * Drivers of deforestation in the Peru model (issue 11, model v2): gold-mining deforestation moved by the
 * World Bank gold price less what interdiction (Operación Mercurio) avoids, and the Programa Bosques community
 * forest under conservation agreements in force, which the conservation lever adds to. Checks that the data in peru.mdl reproduce their sources, that each
 * driver acts with the right sign, and that the calibration data carry MINAM's published figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { valueAtYear } from './run.js';

const peru = join(process.cwd(), 'models', 'peru');
let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModel(join(peru, 'peru.mdl'));
  bau = model.run();
});

function at(r: RunResult, name: string, year: number): number {
  const s = r.get(name);
  if (!s) throw new Error(`no series ${name}`);
  return valueAtYear(r, s, year);
}

/** year -> value from a two-column CSV with a header. */
function csvSeries(path: string): Map<number, number> {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1);
  return new Map(lines.map((l) => l.split(',').map(Number) as [number, number]));
}

describe('gold price → gold-mining deforestation', () => {
  it('the gold price data reproduce the World Bank annual series (bop/gold-annual-worldbank.csv)', () => {
    const gold = csvSeries(join(peru, 'bop', 'gold-annual-worldbank.csv'));
    expect(gold.size).toBe(24);
    for (const [year, price] of gold) expect(at(bau, 'Gold Price', year)).toBeCloseTo(price, 1);
  });

  it('follows the price with the documented elasticity and reference rate (Asner et al. 2013), less interdiction', () => {
    for (const year of [2001, 2012, 2020]) {
      const expected = 6145 * (at(bau, 'Gold Price', year) / 1262) ** 0.95 * (1 - at(bau, 'Mining Interdiction Reduction', year));
      expect(at(bau, 'Mining Deforestation', year)).toBeCloseTo(expected, 6);
    }
    expect(at(bau, 'Mining Interdiction Reduction', 2012)).toBe(0);
    // The 2001-2012 gold boom (271 -> 1670 US$/oz) multiplies mining clearing about fivefold.
    expect(at(bau, 'Mining Deforestation', 2012) / at(bau, 'Mining Deforestation', 2001)).toBeGreaterThan(5);
  });

  it('a higher gold price (a lower reference price) raises deforestation, forest loss and LULUCF emissions', () => {
    const dearer = model.run({ params: { 'Reference Gold Price': 631 } }); // every year's price doubles relative to it
    for (const year of [2010, 2020, 2030]) {
      expect(at(dearer, 'Mining Deforestation', year)).toBeCloseTo(at(bau, 'Mining Deforestation', year) * 2 ** 0.95, 3);
      expect(at(dearer, 'Deforestation', year)).toBeGreaterThan(at(bau, 'Deforestation', year));
      expect(at(dearer, 'LULUCF Emissions', year)).toBeGreaterThan(at(bau, 'LULUCF Emissions', year));
    }
    expect(at(dearer, 'Forest Area', 2030)).toBeLessThan(at(bau, 'Forest Area', 2030));
  });
});

describe('mining interdiction (Operación Mercurio) → gold-mining deforestation', () => {
  it('the 2019 interdiction spending (150 million soles) cuts mining deforestation by the 62 % MAAP measured', () => {
    expect(at(bau, 'Mining Interdiction Spending', 2019)).toBe(150);
    expect(at(bau, 'Mining Interdiction Reduction', 2019)).toBeCloseTo(0.62, 2);
    expect(at(bau, 'Mining Interdiction Spending', 2018)).toBe(0);
  });

  it('zero interdiction spending gives exactly zero effect (every year before 2019)', () => {
    for (const year of [2005, 2012, 2018]) {
      expect(at(bau, 'Mining Interdiction Spending', year)).toBe(0);
      expect(at(bau, 'Mining Interdiction Reduction', year)).toBe(0);
      expect(at(bau, 'Mining Deforestation', year)).toBeCloseTo(6145 * (at(bau, 'Gold Price', year) / 1262) ** 0.95, 9);
    }
    // With the lever at 0 the future keeps the 2023 level of spending (47 million soles), nothing more.
    expect(at(bau, 'Mining Interdiction Spending', 2035)).toBe(47);
  });

  it('the lever buys more interdiction with diminishing returns, and its cost is a programme line', () => {
    const lever = model.run({ params: { 'Mining Interdiction Budget': 100 } });
    const ramp = at(lever, 'Policy Ramp[forest policy]', 2035);
    expect(ramp).toBeGreaterThan(0);
    expect(at(lever, 'Programme Spending[forest conservation]', 2035)).toBeCloseTo(100 * ramp, 9);
    expect(at(bau, 'Programme Spending[forest conservation]', 2035)).toBe(0);
    const spend = at(lever, 'Mining Interdiction Spending', 2035);
    expect(at(lever, 'Mining Interdiction Reduction', 2035)).toBeCloseTo(spend / (spend + 92), 12);
    expect(at(lever, 'Mining Deforestation', 2035)).toBeLessThan(at(bau, 'Mining Deforestation', 2035));
    // The conservation coverage is not bought by the interdiction budget.
    expect(at(lever, 'Conservation Coverage', 2035)).toBeCloseTo(at(bau, 'Conservation Coverage', 2035), 12);
  });
});

describe('Programa Bosques conservation agreements → conservation coverage → deforestation', () => {
  it('the community forest under agreements reproduces the published areas in force', () => {
    expect(at(bau, 'Community Forest under Conservation Agreements', 2010)).toBe(0);
    expect(at(bau, 'Community Forest under Conservation Agreements', 2012)).toBe(450000);
    expect(at(bau, 'Community Forest under Conservation Agreements', 2013)).toBe(1e6);
    expect(at(bau, 'Community Forest under Conservation Agreements', 2017)).toBe(700000);
    expect(at(bau, 'Community Forest under Conservation Agreements', 2022)).toBeCloseTo(1271114, -1);
  });

  it('the transfers paid at 10 soles/ha agree with the 13.3 million soles paid in 2022 within 5 %', () => {
    expect(at(bau, 'Conservation Transfers Paid', 2022) / 13.298451).toBeGreaterThan(0.95);
    expect(at(bau, 'Conservation Transfers Paid', 2022) / 13.298451).toBeLessThan(1.0);
  });

  it('with the lever at zero, coverage is the history alone (the lever adds nothing)', () => {
    for (const year of [2005, 2015, 2030]) {
      const history = at(bau, 'Community Forest under Conservation Agreements', year) / 2.5e7;
      expect(at(bau, 'Conservation Coverage', year)).toBeCloseTo(history, 12);
    }
  });

  it('the agreements lower deforestation from 2011 on (effectiveness 0 removes the effect)', () => {
    const without = model.run({ params: { 'Conservation Effectiveness': 0 } });
    expect(at(without, 'Deforestation', 2005)).toBeCloseTo(at(bau, 'Deforestation', 2005), 6);
    for (const year of [2015, 2020, 2030]) expect(at(bau, 'Deforestation', year)).toBeLessThan(at(without, 'Deforestation', year));
    // About 4.2 % of the 25 Mha frontier covered in 2020 at effectiveness 0.5: some 2 % less deforestation.
    const cut = 1 - at(bau, 'Deforestation', 2020) / at(without, 'Deforestation', 2020);
    expect(cut).toBeCloseTo(0.5 * at(bau, 'Conservation Coverage', 2020), 3); // up to the feedback through forest area
    expect(cut).toBeGreaterThan(0.015);
    expect(cut).toBeLessThan(0.03);
  });
});

describe('calibration data', () => {
  const history = readFileSync(join(peru, 'calibration', 'history.csv'), 'utf8');
  it('carry MINAM/SERFOR published 2016 and 2021 losses and the 2001-2016 total', () => {
    expect(history).toMatch(/^2016,Deforestation,164662,/m);
    expect(history).toMatch(/^2021,Deforestation,137976,/m);
    expect(history).toMatch(/^2016,Cumulative Amazon Deforestation,1974209,/m);
  });

  it('the forest stage fits 2001-2023 and keeps the fit to 2001-2015 visible (holdout constants within bounds, in report.md)', () => {
    const calibration = join(peru, 'calibration');
    type Stage = { name: string; parameters: Record<string, [number, number]>; time: { end: number }; holdout?: { end: number } };
    const forest = (JSON.parse(readFileSync(join(calibration, 'stages.json'), 'utf8')) as Stage[]).find((s) => s.name === 'forest')!;
    expect(forest.time.end).toBe(2023);
    expect(forest.holdout?.end).toBe(2015);
    const held = JSON.parse(readFileSync(join(calibration, 'forest-holdout-params.json'), 'utf8')) as Record<string, number>;
    expect(Object.keys(held).sort()).toEqual(Object.keys(forest.parameters).sort());
    for (const [name, [lo, hi]] of Object.entries(forest.parameters)) {
      expect(held[name]).toBeGreaterThanOrEqual(lo);
      expect(held[name]).toBeLessThanOrEqual(hi);
    }
    const report = readFileSync(join(calibration, 'report.md'), 'utf8');
    expect(report).toMatch(/Stricter check \(the former protocol\)/);
    expect(report).toMatch(/\| 2016-2023 \(out of sample for the fit to 2015\) \| 8 \|/);
  });

  it('the cumulative total adds up the annual flows (2001-2015 total less 2001-2014 total = 2015)', () => {
    const annual = at(bau, 'Cumulative Amazon Deforestation', 2015) - at(bau, 'Cumulative Amazon Deforestation', 2014);
    expect(annual / at(bau, 'Deforestation', 2015)).toBeCloseTo(1, 2);
  });
});
