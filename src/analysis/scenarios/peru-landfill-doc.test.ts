/**
 * The Peru model's landfill carbon (peru.mdl, group "Waste"): DOCf, the fraction of degradable organic
 * carbon that decomposes (IPCC 2006 vol. 5 ch. 3, default 0.5), is now a constant of its own, so the
 * fitted `Degradable Organic Carbon` is DOC alone and can be compared with IPCC's defaults.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const HISTORY = join(process.cwd(), 'models', 'peru', 'calibration', 'history.csv');
/**
 * IPCC 2006 vol. 5 ch. 2: Table 2.3, MSW composition of South America (percent of wet waste), and
 * Table 2.4, DOC of each component (fraction of wet waste: default, low, high). Rubber and leather
 * (0.7 %) are left out: Table 2.4 brackets their DOC, natural rubber does not degrade anaerobically.
 */
const SOUTH_AMERICA = [
  { component: 'food', share: 44.9, doc: [0.15, 0.08, 0.2] },
  { component: 'paper and cardboard', share: 17.1, doc: [0.4, 0.36, 0.45] },
  { component: 'wood', share: 4.7, doc: [0.43, 0.39, 0.46] },
  { component: 'textiles', share: 2.6, doc: [0.24, 0.2, 0.4] },
];
const ipccDoc = (k: 0 | 1 | 2) => SOUTH_AMERICA.reduce((a, c) => a + (c.share / 100) * c.doc[k], 0);

let model: Model;
let run: RunResult;

beforeAll(() => {
  model = loadModel(MODEL);
  run = model.run();
});

describe('Peru landfill DOC and DOCf', () => {
  it('deposits waste x DOC x DOCf, with DOCf the IPCC default 0.5', () => {
    expect(at(run, 'Decomposable Fraction of DOC', 2010)).toBe(0.5);
    for (const y of [2000, 2015, 2030]) {
      const disposed = at(run, 'Waste by Destination[sanitary landfill]', y) + at(run, 'Waste by Destination[dump]', y)
        + at(run, 'Uncollected Waste', y) * at(run, 'Uncollected Disposal Share', y);
      expect(at(run, 'Degradable Carbon Deposited', y)).toBeCloseTo(disposed * at(run, 'Degradable Organic Carbon', y) * 0.5, 6);
    }
  });

  it('halving DOCf halves the landfill methane generated', () => {
    const half = model.run({ params: { 'Decomposable Fraction of DOC': 0.25 }, columns: ['Landfill Methane Generation'] });
    expect(at(half, 'Landfill Methane Generation', 2020) / at(run, 'Landfill Methane Generation', 2020)).toBeCloseTo(0.5, 10);
  });

  it('computes the IPCC South America DOC from Tables 2.3 and 2.4: 0.162 (0.121-0.199)', () => {
    expect(ipccDoc(0)).toBeCloseTo(0.162, 3);
    expect(ipccDoc(1)).toBeCloseTo(0.121, 3);
    expect(ipccDoc(2)).toBeCloseTo(0.199, 3);
  });

  // The emissions stage fits waste to Peru's national inventory, no longer to CAIT's waste series (about 1.5 times
  // the inventory): wastewater to the inventory's category split (2000, 2010, 2012; history.csv) and the landfill
  // level to INGEI 2016, where industrial processes and waste are given together.
  it('matches the INGEI 2016 figure for industrial processes and waste together (history.csv) within 1 %', () => {
    const row = readFileSync(HISTORY, 'utf8').split('\n').find((l) => l.startsWith('2016,IPPU and Waste GHG Emissions,'));
    expect(row).toBeDefined();
    const inventory = Number(row!.split(',')[2]);
    expect(inventory).toBeGreaterThan(12);
    const model = at(run, 'IPPU and Waste GHG Emissions', 2016);
    expect(model).toBeCloseTo(at(run, 'Cement Process CO2', 2016) + at(run, 'IPPU Other GHG', 2016) + at(run, 'Waste GHG Emissions', 2016), 9);
    expect(Math.abs(model / inventory - 1)).toBeLessThan(0.01);
  });

  // Met since the fit to the inventory (2026-12-07, branch waste-ingei): 0.149. Fitted to CAIT it was 0.238, above the
  // range; fitted to INGEI 2016 with wastewater at the old Supuesto 0.12 t per person it was 0.097, below it. With the
  // older inventories' solid waste disposal (IPCC 1996 format, 6.6-7.4 Mt) it would be about 0.22-0.25 (README,
  // "Waste against the national inventory"). This test fails if a refit leaves the range again.
  it('fits a DOC inside the IPCC range for South American waste (0.121-0.199)', () => {
    const doc = at(run, 'Degradable Organic Carbon', 2000);
    expect(doc).toBeGreaterThanOrEqual(ipccDoc(1));
    expect(doc).toBeLessThanOrEqual(ipccDoc(2));
  });
});
