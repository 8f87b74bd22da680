/**
 * The Peru model's balance-of-payments module (peru.mdl, group "Balance of payments"): its
 * accounting identities, the direction of a metal-price shock on GDP, exports and government
 * revenue, and the metal price index data against the transcribed source files in models/peru/bop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const BOP = join(process.cwd(), 'models', 'peru', 'bop');
/** Index weights and base year as stated in SOURCES.md and `Copper Weight in Metal Index`. */
const COPPER_WEIGHT = 0.6;
const BASE_YEAR = 2007;

let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModel(MODEL);
  bau = model.run();
});

const at = variableAtYear;

function csvRows(file: string): [string, number][] {
  return readFileSync(join(BOP, file), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => {
    const [k, v] = l.split(',');
    return [k, Number(v)];
  });
}

/** The index recomputed from the source files: annual mean of monthly copper, annual gold. */
function indexFromSources(): Map<number, number> {
  const cu = new Map<number, number[]>();
  for (const [date, v] of csvRows('copper-monthly-imf-pcoppusdm.csv')) {
    const y = Number(date.slice(0, 4));
    cu.set(y, [...(cu.get(y) ?? []), v]);
  }
  const au = new Map(csvRows('gold-annual-worldbank.csv').map(([y, v]) => [Number(y), v]));
  const mean = (y: number): number => {
    const m = cu.get(y)!;
    expect(m.length, `copper months in ${y}`).toBe(12);
    return m.reduce((a, b) => a + b, 0) / m.length;
  };
  const out = new Map<number, number>();
  for (const y of au.keys()) out.set(y, COPPER_WEIGHT * (mean(y) / mean(BASE_YEAR)) + (1 - COPPER_WEIGHT) * (au.get(y)! / au.get(BASE_YEAR)!));
  return out;
}

describe('Peru balance of payments: data', () => {
  it('carries the metal price index computed from the source files, 2000-2023', () => {
    const idx = indexFromSources();
    expect([...idx.keys()].sort()).toEqual(Array.from({ length: 24 }, (_, i) => 2000 + i));
    for (const [year, v] of idx) expect(at(bau, 'Export Price Index', year), String(year)).toBeCloseTo(v, 4);
    // The derived table beside the sources says the same (build-price-index.mjs).
    const table = readFileSync(join(BOP, 'metal-price-index.csv'), 'utf8').trim().split('\n').slice(1);
    expect(table).toHaveLength(24);
    for (const line of table) {
      const [y, , , i] = line.split(',').map(Number);
      expect(i, String(y)).toBeCloseTo(idx.get(y)!, 4);
    }
  });

  it('keeps the 2023 price after the data in the base case (Future Metal Price Level = 1, no trend)', () => {
    expect(at(bau, 'Export Price Index', 2030)).toBeCloseTo(at(bau, 'Export Price Index', 2023), 9);
  });
});

describe('Peru balance of payments: accounting', () => {
  it('trade balance = exports - imports and exports = mining value + other exports, every year', () => {
    for (let i = 0; i < bau.time.length; i++) {
      const g = (n: string): number => bau.get(n)![i];
      expect(g('Trade Balance')).toBeCloseTo(g('Total Exports') - g('Imports'), 6);
      expect(g('Total Exports')).toBeCloseTo(g('Mining Export Value') + g('Other Export Volume'), 6);
      expect(g('Mining Export Value')).toBeCloseTo(g('Mining Export Volume') * g('Export Price Index'), 6);
      expect(g('Real National Income')).toBeCloseTo(g('Real GDP') + g('Terms of Trade Gain'), 6);
      expect(g('Imports')).toBeGreaterThan(0);
    }
  });

  it('the terms-of-trade gain is zero at 2007 prices and changes sign with the price', () => {
    expect(Math.abs(at(bau, 'Terms of Trade Gain', 2007))).toBeLessThan(1e-6 * at(bau, 'Real GDP', 2007));
    expect(at(bau, 'Terms of Trade Gain', 2003)).toBeLessThan(0);
    expect(at(bau, 'Terms of Trade Gain', 2012)).toBeGreaterThan(0);
  });
});

describe('Peru balance of payments: a metal price shock', () => {
  const shocked = (shock: number): RunResult => model.run({ params: { 'Metal Price Shock': shock, 'Metal Price Shock Year': 2025 } });

  it('leaves the years before the shock unchanged', () => {
    const up = shocked(0.3);
    expect(at(up, 'Real GDP', 2024)).toBeCloseTo(at(bau, 'Real GDP', 2024), 6);
  });

  it.each([
    [0.3, 1],
    [-0.3, -1],
  ])('a %s price shock moves GDP, export revenue, government revenue and the sol in the expected direction', (shock, sign) => {
    const r = shocked(shock);
    for (const [name, dir] of [
      ['Real GDP', sign],
      ['Mining Export Value', sign],
      ['Government Revenue', sign],
      ['Mining Windfall Revenue', sign],
      ['Trade Balance', sign],
      ['Real Exchange Rate', -sign], // a higher price appreciates the sol (the index falls)
      ['Imports', sign], // more national income and a dearer sol both raise imports
      ['Mining Profit Remittances', sign],
    ] as const) {
      const d = at(r, name, 2027) - at(bau, name, 2027);
      expect(Math.sign(d), `${name}: ${d}`).toBe(dir);
    }
    // The effect on GDP is a few per cent, not a multiple of the shock.
    const rel = at(r, 'Real GDP', 2027) / at(bau, 'Real GDP', 2027) - 1;
    expect(Math.abs(rel)).toBeGreaterThan(1e-4);
    expect(Math.abs(rel)).toBeLessThan(Math.abs(shock) / 2);
  });
});

/** Observed band of the current account, % of GDP: the 16 BCRP years 2000-2023 in bop/bop-validation.csv run from -4.0 (2022) to +1.1 (2020). */
const CA_OBSERVED = { low: -0.04, high: 0.011 };
/** Plausible band to 2050: the observed range widened by 2 points of GDP on each side (assumption of this test). */
const CA_BAND = { low: CA_OBSERVED.low - 0.02, high: CA_OBSERVED.high + 0.02 };

describe('Peru balance of payments: current-account closure', () => {
  it('current account = trade balance + primary income + secondary income, every year', () => {
    for (let i = 0; i < bau.time.length; i++) {
      const g = (n: string): number => bau.get(n)![i];
      expect(g('Current Account')).toBeCloseTo(g('Trade Balance') + g('Net Primary Income') + g('Net Secondary Income'), 6);
      expect(g('Net Primary Income')).toBeLessThan(0);
    }
  });

  it('keeps the business-as-usual current account within the plausible band every year 2024-2050', () => {
    for (let y = 2024; y <= 2050; y++) {
      const ca = at(bau, 'Current Account Share of GDP', y);
      expect(ca, String(y)).toBeGreaterThan(CA_BAND.low);
      expect(ca, String(y)).toBeLessThan(CA_BAND.high);
    }
    // The trade surplus left after 2023 is paid out as factor income (mining profits): primary income absorbs most of it.
    const y = 2050;
    expect(-at(bau, 'Net Primary Income', y)).toBeGreaterThan(0.8 * at(bau, 'Trade Balance', y));
  });

  it('the exchange rate brings the current account back towards its sustainable level after a lasting price rise', () => {
    const r = model.run({ params: { 'Metal Price Shock': 0.3, 'Metal Price Shock Year': 2025 } });
    const target = at(r, 'Target Current Account Share', 2050);
    const gap = (y: number): number => Math.abs(at(r, 'Current Account Share of GDP', y) - target);
    expect(gap(2050)).toBeLessThan(gap(2026));
    expect(gap(2050)).toBeLessThan(0.01);
  });

  it('without the correction (sensitivity 0) the surplus drifts away: the closure is what holds it', () => {
    const r = model.run({ params: { 'Exchange Rate Current Account Sensitivity': 0 } });
    expect(at(r, 'Current Account Share of GDP', 2050)).toBeGreaterThan(at(bau, 'Current Account Share of GDP', 2050) + 0.02);
  });

  it('a zero metal price shock gives business as usual exactly', () => {
    const r = model.run({ params: { 'Metal Price Shock': 0, 'Metal Price Shock Year': 2025 } });
    for (const name of ['Real Exchange Rate', 'Imports', 'Current Account', 'Fuel Consumer Price[diesel]']) {
      for (const y of [2025, 2035, 2050]) expect(at(r, name, y), `${name} ${y}`).toBe(at(bau, name, y));
    }
  });
});
