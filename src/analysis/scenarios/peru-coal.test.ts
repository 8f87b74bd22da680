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
    // A later closure keeps the plant; it runs only if the merit order calls it (always, with the floor at 0).
    const later = model.run({ params: { 'Coal Phase Out Year': 2030 } });
    expect(at(later, 'Installed Capacity[coal fired]', 2025)).toBeCloseTo(0.135, 9);
    const laterCalled = model.run({ params: { 'Coal Phase Out Year': 2030, 'Coal Dispatch Floor Ratio': 0, 'Coal Full Dispatch Ratio': 0.01 } });
    expect(at(laterCalled, 'Generation[coal fired]', 2025)).toBeGreaterThan(at(bau, 'Generation[coal fired]', 2025) + 0.5);
  });
});

describe('industrial coal kilns and thermal dispatch (issue 11, industry-oos)', () => {
  it('Ilo 21 keeps its 135 MW until the closure instead of wearing down with a fleet lifetime', () => {
    for (const y of [2005, 2015, 2020]) expect(at(bau, 'Installed Capacity[coal fired]', y), String(y)).toBeCloseTo(0.135, 9);
  });

  it('industrial coal follows the cement kilns: less clinker, less coal, and only coal moves the kiln factor', () => {
    const less = model.run({ params: { 'Cement Construction Elasticity': 0.5 } });
    for (const y of [2010, 2019]) {
      const clinker = at(less, 'Cement Output Index', y) / at(bau, 'Cement Output Index', y);
      expect(clinker, String(y)).toBeLessThan(0.95);
      expect(at(less, 'Final Energy by Fuel[coal,industry]', y)).toBeLessThan(at(bau, 'Final Energy by Fuel[coal,industry]', y));
      expect(at(bau, 'Industrial Coal Kiln Factor[diesel,industry]', y)).toBe(1);
      expect(at(bau, 'Industrial Coal Kiln Factor[coal,buildings]', y)).toBe(1);
    }
    // The factor makes coal's weight the clinker index over the industrial activity index.
    const y = 2016;
    expect(at(bau, 'Industrial Coal Kiln Factor[coal,industry]', y)).toBeCloseTo(
      at(bau, 'Cement Output Index', y) / at(bau, 'Activity Index[industry]', y), 9);
  });

  it('coal is dispatched only when the thermal residual is tight against the gas capability', () => {
    // Before Camisea the gas cannot cover the thermal demand: coal at its plant factor.
    expect(at(bau, 'Thermal Tightness', 2002)).toBeGreaterThan(1);
    expect(at(bau, 'Coal Dispatch Fraction', 2002)).toBe(1);
    expect(at(bau, 'Generation[coal fired]', 2002)).toBeCloseTo(0.135 * 8.76 * at(bau, 'Capacity Factor[coal fired]', 2002), 9);
    // With the floor above any tightness after Camisea coal leaves the merit order and gas takes its place.
    const none = model.run({ params: { 'Coal Dispatch Floor Ratio': 20, 'Coal Full Dispatch Ratio': 30 } });
    for (const y of [2012, 2016]) {
      expect(at(none, 'Generation[coal fired]', y), String(y)).toBe(0);
      expect(at(none, 'Generation[gas fired]', y)).toBeGreaterThan(at(bau, 'Generation[gas fired]', y));
    }
    // Linear between the thresholds.
    const t = at(bau, 'Thermal Tightness', 2014);
    const floor = at(bau, 'Coal Dispatch Floor Ratio', 2014);
    const full = at(bau, 'Coal Full Dispatch Ratio', 2014);
    expect(at(bau, 'Coal Dispatch Fraction', 2014)).toBeCloseTo(Math.min(1, Math.max(0, (t - floor) / (full - floor))), 12);
  });
});
