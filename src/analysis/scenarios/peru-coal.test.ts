/**
 * The Peru model's coal (peru.mdl, group "Coal power and industrial coal"): the import-parity part of the coal price
 * follows the real world coal price (IMF PCOALAUUSDM / US CPI, 2023 = 1), not the crude price, and the coal plant
 * Ilo 21 starts with its 135 MW. Checks the lookup against the builder, that coal and crude move apart where the
 * data say so, that the coal-only constants leave the liquids alone, and the plant's capacity and closure.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModel(join(process.cwd(), 'models', 'peru', 'peru.mdl'));
  bau = model.run();
});

describe('world coal price', () => {
  it('the lookup equals the table that models/peru/oil/build-coal-price.mjs derives from the CSV copies', () => {
    const out = execFileSync(process.execPath, [join(process.cwd(), 'models', 'peru', 'oil', 'build-coal-price.mjs')], { encoding: 'utf8' });
    const rows = out.split('\n').filter((l) => /^\d{4},/.test(l)).map((l) => l.split(',').map(Number));
    expect(rows.length).toBe(26); // 2000-2025
    for (const [year, , , index] of rows) expect(at(bau, 'World Coal Real Price Index', year!), String(year)).toBeCloseTo(index!, 4);
    // Nominal anchors that anyone can check against FRED PCOALAUUSDM annual means.
    const usd = new Map(rows.map((r) => [r[0], r[1]]));
    expect(usd.get(2016)).toBeCloseTo(70.08, 2);
    expect(usd.get(2023)).toBeCloseTo(188.15, 2);
  });

  it('coal keeps its 2000 relative price of 1 and, unlike diesel, is dearer in 2018 than in 2016', () => {
    expect(at(bau, 'Relative Fuel Price[coal]', 2000)).toBeCloseTo(1, 12);
    const change = (f: string, a: number, b: number) => at(bau, `Relative Fuel Price[${f}]`, b) / at(bau, `Relative Fuel Price[${f}]`, a);
    // 2013 -> 2016: real crude fell 60 %, real coal 25 %.
    expect(change('coal', 2013, 2016)).toBeGreaterThan(change('diesel', 2013, 2016));
    expect(change('coal', 2016, 2018)).toBeGreaterThan(1.2);
    expect(at(bau, 'World Commodity Real Price Index[diesel]', 2016)).toBe(at(bau, 'World Oil Real Price Index', 2016));
  });

  it('the coal FOB share moves the world-price factor of coal only', () => {
    // Consumer prices all move a little through the exchange rate (coal imports); the world-price factor does not.
    const low = model.run({ params: { 'Coal FOB Share of Import Parity Price': 0.65 } });
    for (const y of [2008, 2016, 2030]) {
      expect(at(low, 'Oil Price Fuel Factor[diesel]', y)).toBe(at(bau, 'Oil Price Fuel Factor[diesel]', y));
      expect(at(low, 'Oil Price Fuel Factor[coal]', y)).not.toBeCloseTo(at(bau, 'Oil Price Fuel Factor[coal]', y), 3);
    }
  });

  it('with the oil switch off the coal price is constant too (the model before the price histories)', () => {
    const flat = model.run({ params: { 'World Oil Price Switch': 0 } });
    for (const y of [2000, 2016, 2030]) expect(at(flat, 'World Coal Real Price Index', y)).toBe(1);
  });
});

describe('Ilo 21 coal plant', () => {
  it('starts at 135 MW and is closed by the 2022 phase-out', () => {
    expect(at(bau, 'Installed Capacity[coal fired]', 2000)).toBeCloseTo(0.135, 9);
    expect(at(bau, 'Generation[coal fired]', 2005)).toBeGreaterThan(0.5);
    expect(at(bau, 'Generation[coal fired]', 2005)).toBeLessThanOrEqual(0.135 * 8.76);
    expect(at(bau, 'Installed Capacity[coal fired]', 2024)).toBeLessThan(0.01);
    const later = model.run({ params: { 'Coal Phase Out Year': 2030 } });
    expect(at(later, 'Generation[coal fired]', 2025)).toBeGreaterThan(at(bau, 'Generation[coal fired]', 2025));
  });
});
