/**
 * The Peru model (models/peru/peru.mdl) as committed: it compiles with no errors, every variable
 * has units and documentation and sits in a module group, the stable headline names exist with
 * plausible 2018 values, and the fit (2000-2015) and the out-of-sample test (2016-2019) meet the
 * issue's MAPE targets where stated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readVensim } from '../../sd/vensim/reader.js';
import { loadModelWithDiagnostics } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { fitStatistics } from '../calibrate/fit-stats.js';
import { readHistoricalData } from '../data/read.js';
import { valueAtYear } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const HISTORY = join(process.cwd(), 'models', 'peru', 'calibration', 'history.csv');

const STABLE: [string, string, number, number][] = [
  // name, units, plausible 2018 range (lo, hi)
  ['Total Population', 'persons', 29e6, 34e6],
  ['Real GDP', 'MSoles/Year', 450e3, 620e3],
  ['Fossil CO2 Emissions', 'MtCO2/Year', 40, 70],
  ['Total GHG Emissions', 'MtCO2e/Year', 150, 260],
  ['Electricity Generation', 'TWh/Year', 40, 70],
  ['Primary Energy Demand', 'TWh/Year', 250, 380],
  ['Forest Area', 'ha', 70e6, 76e6],
  ['Formal Employment', 'persons', 3e6, 9e6],
  ['Informal Employment', 'persons', 9e6, 15e6],
];

let model: Model;
let bau: RunResult;
let warnings: { code: string; message: string }[];

beforeAll(() => {
  const loaded = loadModelWithDiagnostics(MODEL);
  model = loaded.model;
  warnings = loaded.warnings;
  bau = model.run();
});

describe('Peru model structure', () => {
  it('compiles with no errors and only unused-variable or informational warnings', () => {
    expect(model.outputNames.length).toBeGreaterThan(500);
    expect(warnings.filter((w) => !/UNUSED|INFO/.test(w.code))).toEqual([]);
  });

  it('runs 2000-2050 with an annual output and a quarterly step', () => {
    expect(model.time).toMatchObject({ start: 2000, end: 2050, dt: 0.25, saveper: 1 });
    expect(bau.time.length).toBe(51);
  });

  it('documents every variable with units and text, and puts it in a module group', () => {
    const ir = readVensim(readFileSync(MODEL, 'utf8'), MODEL);
    const byName = new Map<string, { units: boolean; doc: boolean; group?: string }>();
    for (const eq of ir.equations) {
      const prev = byName.get(eq.lhs.name) ?? { units: false, doc: false, group: eq.group };
      byName.set(eq.lhs.name, { units: prev.units || eq.units.trim() !== '', doc: prev.doc || eq.doc.trim() !== '', group: prev.group ?? eq.group });
    }
    const missing = [...byName].filter(([, v]) => !v.units || !v.doc || !v.group).map(([k]) => k);
    expect(missing).toEqual([]);
    for (const g of ['Population', 'Labour', 'Production', 'Energy demand', 'Electricity supply', 'Transport', 'Land and forest', 'Agriculture and livestock', 'Water', 'Emissions', 'Waste', 'Government', 'Households', 'Policy levers', 'Indicators']) {
      expect(ir.groups).toContain(g);
    }
  });

  it('has the stable headline names with their units and plausible 2018 values', () => {
    const units = new Map(readVensim(readFileSync(MODEL, 'utf8'), MODEL).equations.map((e) => [e.lhs.name.toLowerCase(), e.units]));
    for (const [name, unit, lo, hi] of STABLE) {
      const s = bau.get(name);
      expect(s, name).toBeDefined();
      expect(units.get(name.toLowerCase()), name).toBe(unit);
      const v = valueAtYear(bau, s!, 2018);
      expect(v, name).toBeGreaterThan(lo);
      expect(v, name).toBeLessThan(hi);
      expect(Array.from(s!).every(Number.isFinite), name).toBe(true);
    }
  });
});

describe('calibration protocol: fitted on 2000-2015, tested on 2016-2019 (issue targets)', () => {
  const mape = (name: string, from: number, to: number): number => {
    const data = readHistoricalData(HISTORY).series.find((s) => s.name === name)!;
    const sim = bau.get(name)!;
    const S: number[] = [];
    const A: number[] = [];
    data.time.forEach((t, i) => {
      if (t < from || t > to) return;
      S.push(valueAtYear(bau, sim, t));
      A.push(data.value[i]);
    });
    expect(A.length, `${name} has data in ${from}-${to}`).toBeGreaterThan(0);
    return fitStatistics(S, A).mape;
  };

  it.each(['Total Population', 'Real GDP'])('%s within 5 %% MAPE in sample', (name) => {
    expect(mape(name, 2000, 2015)).toBeLessThanOrEqual(5);
  });

  it.each(['Primary Energy Demand', 'Electricity Generation', 'Generation[hydro]', 'Fossil CO2 Emissions'])('%s within 10 %% MAPE in sample', (name) => {
    expect(mape(name, 2000, 2015)).toBeLessThanOrEqual(10);
  });

  // Out of sample, the targets met today. With the metal-price driver (balance-of-payments
  // module) Real GDP meets its 5 %; primary energy (10.8 %), electricity (13.7 %) and fossil CO2
  // (16.3 %) miss their 10 %: see calibration/report.md; they are not asserted here.
  it('Real GDP within 5 % MAPE out of sample (2016-2019)', () => {
    expect(mape('Real GDP', 2016, 2019)).toBeLessThanOrEqual(5);
  });
});
