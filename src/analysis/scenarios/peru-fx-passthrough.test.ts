/**
 * The Peru model's exchange-rate pass-through (peru.mdl, group "Exchange rate pass-through"): the real
 * exchange rate moves the soles price of the import-parity part of fuel prices; a depreciation makes
 * fuels dearer, their demand, imports and the per-unit fuel tax (ISC) fall. With no shock the years
 * up to the reference year are untouched, and a zero pass-through restores the former price formula.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const FUELS = ['diesel', 'gasoline', 'LPG', 'natural gas', 'electricity', 'biomass', 'coal'];
const SHOCK_YEAR = 2025;
/** Two years after the shock: the current-account closure (peru.mdl) unwinds a real-rate shock in about five. */
const EFFECT_YEAR = SHOCK_YEAR + 2;

let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModel(join(process.cwd(), 'models', 'peru', 'peru.mdl'));
  bau = model.run();
});

const shocked = (shock: number, extra: Record<string, number> = {}): RunResult =>
  model.run({ params: { 'Exchange Rate Shock': shock, 'Exchange Rate Shock Year': SHOCK_YEAR, ...extra } });

/** The price formula without the pass-through: base price times the world energy index and the crude price factor
 * (group "World oil price"), less the stabilisation fund's support (group "Fuel price stabilization fund"), plus ISC
 * and carbon. */
function formerPrice(r: RunResult, fuel: string, year: number): number {
  return at(r, `Base Fuel Price[${fuel}]`, year) * at(r, 'World Energy Price Index', year) * at(r, `Oil Price Fuel Factor[${fuel}]`, year)
    - at(r, `FEPC Price Support[${fuel}]`, year)
    + at(r, `ISC Rate[${fuel}]`, year)
    + at(r, 'Effective Carbon Price', year) * at(r, `Emission Factor[${fuel}]`, year);
}

describe('exchange-rate pass-through: no shock, no change', () => {
  it('leaves fuel prices at the former formula in every year up to the reference year (2023 here; 2000 in the model)', () => {
    const late = model.run({ params: { 'Pass Through Reference Year': 2023 } });
    for (let y = 2000; y <= 2023; y++) {
      expect(at(late, 'Import Price Exchange Rate Index', y), String(y)).toBe(1);
      for (const f of FUELS) expect(at(late, `Fuel Consumer Price[${f}]`, y), `${f} ${y}`).toBeCloseTo(formerPrice(late, f, y), 9);
    }
  });

  it('from the reference year the index is the real exchange rate relative to that year, to the pass-through', () => {
    const year = at(bau, 'Pass Through Reference Year', 2000);
    const pt = at(bau, 'Exchange Rate Pass Through to Import Prices', 2000);
    expect(at(bau, 'Import Price Exchange Rate Index', year)).toBe(1);
    for (const y of [2008, 2016, 2023, 2040]) {
      if (y <= year) continue;
      const ratio = at(bau, 'Real Exchange Rate', y) / at(bau, 'Real Exchange Rate', year);
      expect(at(bau, 'Import Price Exchange Rate Index', y), String(y)).toBeCloseTo(ratio ** pt, 9);
    }
  });

  it('a zero pass-through gives the former formula in every year, whatever the exchange rate does', () => {
    const r = shocked(0.3, { 'Exchange Rate Pass Through to Import Prices': 0 });
    for (const y of [2024, 2025, 2030, 2050]) {
      for (const f of FUELS) expect(at(r, `Fuel Consumer Price[${f}]`, y), `${f} ${y}`).toBeCloseTo(formerPrice(r, f, y), 9);
    }
  });

  it('a zero shock is business as usual exactly', () => {
    const r = shocked(0);
    for (const name of ['Real Exchange Rate', 'Fuel Consumer Price[diesel]', 'Total GHG Emissions', 'Imports']) {
      for (const y of [2025, 2035, 2050]) expect(at(r, name, y), `${name} ${y}`).toBe(at(bau, name, y));
    }
  });
});

describe('exchange-rate pass-through and the linked CGE run', () => {
  it('the linked run\'s price-response scale acts on policy prices only, not on the exchange-rate part', () => {
    // Switch on with CGE price ratios of 1 and a scale of 5, with and without a 25 % depreciation in SHOCK_YEAR (the
    // simulator's Exchange Rate Shock lever): the shock moves fuel prices through the pass-through only, so demand
    // must respond with the model's own elasticities, not five times them.
    const s = 0.25;
    const linked = { 'CGE Link Switch': 1, 'CGE Price Response Scale': { x: [2000, 2050], y: [5, 5] } };
    const calm = model.run({ params: linked });
    const hit = model.run({ params: { ...linked, 'Exchange Rate Shock': s, 'Exchange Rate Shock Year': SHOCK_YEAR } });
    const y0 = SHOCK_YEAR;
    // Size on impact from the coefficients: the index rises by (1 + s)^pt, and the diesel pre-tax price by
    // Base Fuel Price x World Energy Price Index x parity share x index x ((1 + s)^pt - 1) x (1 + commodity share x
    // (world commodity price - 1)); diesel has left the stabilisation fund (no support in either run).
    const pt = at(hit, 'Exchange Rate Pass Through to Import Prices', y0);
    const share = at(hit, 'Fuel Import Parity Share[diesel]', y0);
    const commodity = 1 + at(hit, 'Commodity Share of Import Parity Price[diesel]', y0) * (at(hit, 'World Commodity Real Price Index[diesel]', y0) - 1);
    const index0 = at(calm, 'Import Price Exchange Rate Index', y0);
    for (const r of [calm, hit]) expect(Math.abs(at(r, 'FEPC Price Support[diesel]', y0))).toBe(0);
    const expected = at(calm, 'Base Fuel Price[diesel]', y0) * at(calm, 'World Energy Price Index', y0) * share * index0 * ((1 + s) ** pt - 1) * commodity;
    const rise = at(hit, 'Fuel Consumer Price[diesel]', y0) - at(calm, 'Fuel Consumer Price[diesel]', y0);
    expect(rise).toBeCloseTo(expected, 6);
    expect(rise / at(calm, 'Fuel Consumer Price[diesel]', y0)).toBeGreaterThan(0.1); // about +20 % with pt = 1
    // Two years on, the perceived exchange-rate part of transport prices is up, and transport demand responds with
    // elasticity Transport Price Elasticity (not 5 times it): the effect ratio is the index ratio to the -elasticity.
    const y2 = EFFECT_YEAR;
    const eps = at(hit, 'Transport Price Elasticity', y2);
    const indexRatio = at(hit, 'Smoothed Exchange Rate Energy Price Index[transport]', y2) / at(calm, 'Smoothed Exchange Rate Energy Price Index[transport]', y2);
    const effectRatio = at(hit, 'Exchange Rate Energy Price Effect[transport]', y2) / at(calm, 'Exchange Rate Energy Price Effect[transport]', y2);
    expect(indexRatio).toBeGreaterThan(1.05);
    expect(effectRatio).toBeCloseTo(indexRatio ** -eps, 12);
    expect(effectRatio).toBeLessThan(0.99);
    // The same shock without the link gives the same demand: the scale did not touch the exchange-rate part.
    const unlinked = shocked(s);
    for (const name of ['Final Energy Demand[industry]', 'Final Energy Demand[buildings]', 'Final Energy Demand[transport]']) {
      for (const y of [y2, 2040]) expect(at(hit, name, y) / at(unlinked, name, y) - 1, `${name} ${y}`).toBeCloseTo(0, 9);
    }
    expect(at(hit, 'Energy Price Effect[industry]', 2040)).toBeCloseTo(1, 9);
  });
});

describe('exchange-rate pass-through: a depreciation shock', () => {
  it.each([1, 0.67])('raises the soles price of imported fuel by the pass-through (%s) times the shock on impact', (pt) => {
    const base = model.run({ params: { 'Exchange Rate Pass Through to Import Prices': pt } });
    for (const s of [0.2, 0.05]) {
      const r = shocked(s, { 'Exchange Rate Pass Through to Import Prices': pt });
      // The shock multiplies the real exchange rate from its first year; the smoothed part has not reacted yet.
      expect(at(r, 'Real Exchange Rate', SHOCK_YEAR) / at(base, 'Real Exchange Rate', SHOCK_YEAR)).toBeCloseTo(1 + s, 12);
      const ratio = at(r, 'Import Price Exchange Rate Index', SHOCK_YEAR) / at(base, 'Import Price Exchange Rate Index', SHOCK_YEAR);
      expect(Math.log(ratio)).toBeCloseTo(pt * Math.log(1 + s), 12);
      // Linear reading of the same elasticity: within 2 % of pt x shock for a 5 % shock.
      if (s === 0.05) expect(Math.abs((ratio - 1) / (pt * s) - 1)).toBeLessThan(0.02);
      // The import-parity part of the diesel price moves by that ratio; the local margin does not.
      const share = at(r, 'Fuel Import Parity Share[diesel]', SHOCK_YEAR);
      const preTax = (x: RunResult) => at(x, 'Fuel Consumer Price[diesel]', SHOCK_YEAR) - at(x, 'ISC Rate[diesel]', SHOCK_YEAR);
      const baseImported = preTax(base) - at(base, 'Base Fuel Price[diesel]', SHOCK_YEAR) * (1 - share);
      expect(preTax(r) - preTax(base)).toBeCloseTo(baseImported * (ratio - 1), 6);
    }
  });

  it('does not move the prices of fuels without import parity (natural gas, electricity, biomass)', () => {
    const r = shocked(0.2);
    for (const f of ['natural gas', 'electricity', 'biomass']) {
      expect(at(r, `Fuel Consumer Price[${f}]`, 2030)).toBe(at(bau, `Fuel Consumer Price[${f}]`, 2030));
    }
  });

  it('every feedback has the expected sign: dearer fuels, less fuel demand, fewer fuel imports, less ISC, fewer imports', () => {
    const r = shocked(0.2);
    const d = (name: string, y = EFFECT_YEAR) => at(r, name, y) - at(bau, name, y);
    expect(d('Fuel Consumer Price[diesel]')).toBeGreaterThan(0);
    expect(d('Fuel Consumer Price[gasoline]')).toBeGreaterThan(0);
    expect(d('Final Energy Demand[transport]')).toBeLessThan(0);
    expect(d('Taxed Fuel Use[diesel]')).toBeLessThan(0);
    expect(d('Fuel Import Volume')).toBeLessThan(0);
    expect(d('ISC Fuel Revenue')).toBeLessThan(0); // the ISC is per unit: less volume, less revenue
    expect(d('Fossil CO2 Emissions')).toBeLessThan(0);
    expect(d('Imports')).toBeLessThan(0);
    expect(d('Other Export Volume')).toBeGreaterThan(0);
    // The better current account appreciates the indicated rate (balance-of-payments closure), so the shock
    // unwinds within about five years; two years on it has partly unwound but keeps its sign.
    const rer = at(r, 'Real Exchange Rate', EFFECT_YEAR) / at(bau, 'Real Exchange Rate', EFFECT_YEAR);
    expect(rer).toBeGreaterThan(1);
    expect(rer).toBeLessThan(1.2);
    // The imported fuel bill in soles rises less than the price: volume falls.
    const bill = at(r, 'Fuel Import Bill', EFFECT_YEAR) / at(bau, 'Fuel Import Bill', EFFECT_YEAR);
    const price = at(r, 'Import Price Exchange Rate Index', EFFECT_YEAR) / at(bau, 'Import Price Exchange Rate Index', EFFECT_YEAR);
    expect(bill).toBeLessThan(price);
  });

  it('an appreciation does the opposite', () => {
    const r = shocked(-0.2);
    expect(at(r, 'Fuel Consumer Price[diesel]', EFFECT_YEAR)).toBeLessThan(at(bau, 'Fuel Consumer Price[diesel]', EFFECT_YEAR));
    expect(at(r, 'Fuel Import Volume', EFFECT_YEAR)).toBeGreaterThan(at(bau, 'Fuel Import Volume', EFFECT_YEAR));
  });
});
