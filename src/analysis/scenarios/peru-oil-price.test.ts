/**
 * The Peru model's world crude price (peru.mdl, group "World oil price"): the real Brent index (2023 = 1) moves the
 * crude part of the import-parity share of fuel prices. Checks that the lookup is the one the builder derives from
 * the source files, that the 2000 relative prices stay 1, that switching the history off gives the constant-price
 * formula, and the direction and timing of the assumed path after 2023.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const FUELS = ['diesel', 'gasoline', 'LPG', 'natural gas', 'electricity', 'biomass', 'coal'];

let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModel(join(process.cwd(), 'models', 'peru', 'peru.mdl'));
  bau = model.run();
});

describe('world oil price history', () => {
  it('the lookup equals the table that models/peru/oil/build-oil-price.mjs derives from the CSV copies', () => {
    const out = execFileSync(process.execPath, [join(process.cwd(), 'models', 'peru', 'oil', 'build-oil-price.mjs')], { encoding: 'utf8' });
    const rows = out.split('\n').filter((l) => /^\d{4},/.test(l)).map((l) => l.split(',').map(Number));
    expect(rows.length).toBe(27); // 2000-2023 from the CSVs, 2024-2026 from the stated path
    for (const [year, usd, , index] of rows) {
      expect(at(bau, 'World Oil Real Price Index', year!), String(year)).toBeCloseTo(index!, 4);
      expect(usd!).toBeGreaterThan(20);
    }
    // Nominal anchors that anyone can check against FRED POILBREUSDM annual means.
    const usd = new Map(rows.map((r) => [r[0], r[1]]));
    expect(usd.get(2008)).toBeCloseTo(97.33, 2);
    expect(usd.get(2016)).toBeCloseTo(45.08, 2);
    expect(usd.get(2023)).toBeCloseTo(82.32, 2);
  });

  it('keeps every relative fuel price at 1 in 2000 and moves only the fuels with import parity', () => {
    for (const f of FUELS) expect(at(bau, `Relative Fuel Price[${f}]`, 2000), f).toBeCloseTo(1, 12);
    // Real crude 2011 / 2000 = 1.84 / 0.62: diesel (parity 0.9, crude 0.75 of parity) about twice as dear.
    expect(at(bau, 'Relative Fuel Price[diesel]', 2011)).toBeGreaterThan(1.5);
    expect(at(bau, 'Relative Fuel Price[diesel]', 2016)).toBeLessThan(at(bau, 'Relative Fuel Price[diesel]', 2013));
    for (const f of ['natural gas', 'electricity', 'biomass']) {
      for (const y of [2008, 2016, 2030]) expect(at(bau, `Relative Fuel Price[${f}]`, y), `${f} ${y}`).toBeCloseTo(1, 12);
    }
  });

  it('with the switch off the crude stays at its 2023 level: prices are base x index x exchange-rate factor + ISC', () => {
    // The fuel price stabilisation fund (its own switch) would clip the exchange-rate moves of the parity: off here.
    const flat = model.run({ params: { 'World Oil Price Switch': 0, 'FEPC Switch': 0 } });
    for (const y of [2000, 2008, 2016, 2030]) {
      expect(at(flat, 'World Oil Real Price Index', y)).toBe(1);
      for (const s of ['transport', 'industry', 'buildings']) expect(at(flat, `World Oil Energy Price Effect[${s}]`, y), `${s} ${y}`).toBeCloseTo(1, 12);
      for (const f of FUELS) {
        const former = at(flat, `Base Fuel Price[${f}]`, y) * at(flat, `Fuel Exchange Rate Price Factor[${f}]`, y) + at(flat, `ISC Rate[${f}]`, y);
        expect(at(flat, `Fuel Consumer Price[${f}]`, y), `${f} ${y}`).toBeCloseTo(former, 9);
      }
    }
  });

  it('the oil path scale leaves 2000-2023 untouched and after 2023 raises fuel prices, lowers fuel use and CO2', () => {
    const high = model.run({ params: { 'Oil Price Path Scale': 1.5 } });
    for (const y of [2000, 2010, 2023]) {
      for (const n of ['Fuel Consumer Price[diesel]', 'Fossil CO2 Emissions', 'Real GDP']) expect(at(high, n, y), `${n} ${y}`).toBe(at(bau, n, y));
    }
    // The scale enters in a straight line over 2023-2026.
    expect(at(high, 'World Oil Real Price Index', 2026) / at(bau, 'World Oil Real Price Index', 2026)).toBeCloseTo(1.5, 9);
    expect(at(high, 'World Oil Real Price Index', 2024) / at(bau, 'World Oil Real Price Index', 2024)).toBeCloseTo(1 + 0.5 / 3, 9);
    const d = (n: string) => at(high, n, 2030) - at(bau, n, 2030);
    expect(d('Fuel Consumer Price[diesel]')).toBeGreaterThan(0);
    expect(d('Final Energy Demand[transport]')).toBeLessThan(0);
    expect(d('Taxed Fuel Use[diesel]')).toBeLessThan(0);
    expect(d('Fossil CO2 Emissions')).toBeLessThan(0);
    expect(d('Fuel Import Bill')).toBeGreaterThan(0); // price up 30 % or more, volume down by much less
  });
});
