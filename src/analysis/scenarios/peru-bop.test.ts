/**
 * The Peru model's balance-of-payments module (peru.mdl, group "Balance of payments"): its
 * accounting identities, the direction of a metal-price shock on GDP, exports and government
 * revenue, the real metal price index (nominal index / US CPI) against the transcribed source files
 * in models/peru/bop and models/peru/forest, and mining exports against the published share of GDP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const BOP = join(process.cwd(), 'models', 'peru', 'bop');
/** The US CPI (FRED CPIAUCSL) used as import-price deflator is stored once, beside the forest module. */
const US_CPI = join('..', 'forest', 'us-cpi-monthly-fred-cpiaucsl.csv');
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

/** Annual mean of a monthly date,value file; each year must have twelve months. */
function annualMean(file: string): (y: number) => number {
  const byYear = new Map<number, number[]>();
  for (const [date, v] of csvRows(file)) {
    const y = Number(date.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), v]);
  }
  return (y: number): number => {
    const m = byYear.get(y)!;
    expect(m.length, `${file}: months in ${y}`).toBe(12);
    return m.reduce((a, b) => a + b, 0) / m.length;
  };
}

/** The nominal index and the US CPI deflator (both 2007 = 1) recomputed from the source files. */
function indexFromSources(): Map<number, { nominal: number; deflator: number }> {
  const cu = annualMean('copper-monthly-imf-pcoppusdm.csv');
  const cpi = annualMean(US_CPI);
  const au = new Map(csvRows('gold-annual-worldbank.csv').map(([y, v]) => [Number(y), v]));
  const out = new Map<number, { nominal: number; deflator: number }>();
  for (const y of au.keys()) {
    out.set(y, {
      nominal: COPPER_WEIGHT * (cu(y) / cu(BASE_YEAR)) + (1 - COPPER_WEIGHT) * (au.get(y)! / au.get(BASE_YEAR)!),
      deflator: cpi(y) / cpi(BASE_YEAR),
    });
  }
  return out;
}

describe('Peru balance of payments: data', () => {
  it('carries the real metal price index (nominal index / US CPI) computed from the source files, 2000-2023', () => {
    const idx = indexFromSources();
    expect([...idx.keys()].sort()).toEqual(Array.from({ length: 24 }, (_, i) => 2000 + i));
    for (const [year, v] of idx) {
      expect(at(bau, 'Export Price Index', year), String(year)).toBeCloseTo(v.nominal / v.deflator, 3);
      expect(at(bau, 'Import Price Deflator', year), String(year)).toBeCloseTo(v.deflator, 4);
    }
    // Real, not nominal: the 2023 real price is about a third below the nominal one.
    expect(at(bau, 'Export Price Index', 2023)).toBeLessThan(0.75 * idx.get(2023)!.nominal);
    // The derived table beside the sources says the same (build-price-index.mjs).
    const table = readFileSync(join(BOP, 'metal-price-index.csv'), 'utf8').trim().split('\n').slice(1);
    expect(table).toHaveLength(24);
    for (const line of table) {
      const [y, , , nominal, deflator, real] = line.split(',').map(Number);
      expect(nominal, String(y)).toBeCloseTo(idx.get(y)!.nominal, 4);
      expect(deflator, String(y)).toBeCloseTo(idx.get(y)!.deflator, 4);
      expect(real, String(y)).toBeCloseTo(idx.get(y)!.nominal / idx.get(y)!.deflator, 3);
    }
  });

  it('keeps the deflator at its 2023 value after the data (future prices are real)', () => {
    expect(at(bau, 'Import Price Deflator', 2040)).toBe(at(bau, 'Import Price Deflator', 2023));
  });

  it('keeps the 2023 price after the data in the base case (Future Metal Price Level = 1, no trend)', () => {
    expect(at(bau, 'Export Price Index', 2030)).toBeCloseTo(at(bau, 'Export Price Index', 2023), 9);
  });
});

/** Published mining exports, % of GDP (bop/bop-validation.csv, series mining_exports: MEM and SNMPE as reported). */
function publishedMiningExports(): [number, number][] {
  return readFileSync(join(BOP, 'bop-validation.csv'), 'utf8').trim().split(/\r?\n/).slice(1)
    .map((l) => l.split(','))
    .filter((f) => f[1] === 'mining_exports')
    .map((f) => [Number(f[0]), Number(f[2])]);
}

/** Model share of real national income (its counterpart of nominal GDP), in %. */
const shareOfIncome = (r: RunResult, name: string, y: number): number => (100 * at(r, name, y)) / at(r, 'Real National Income', y);

/**
 * Band of this test, points of GDP (model minus data). Mining export volume follows the published INEI/BCRP volume
 * index of mining and hydrocarbons value added to 2023 (group "Mining export volume" of peru.mdl). What the data
 * support: the published figures leave out hydrocarbons, which the model includes (oil and gas exports were about
 * 1.3-2 % of GDP in 2010-2023), the price index is copper and gold only (60/40, no zinc, silver or lead), and 2010
 * is a first estimate; so the model may sit up to ~2 points above from hydrocarbons plus ~2 from the price proxy.
 * Measured: 2004-2007 0.8-1.3 below, 2010-2023 0.8-3.5 above (before this change, with the model's mining value
 * added as volume: 1.9-2.6 below and 4.6-10.2 above). Band: 2 points in 2004-2007, 4 points after, mean absolute
 * gap under 2.5 points.
 */
const MINING_BAND = { early: { last: 2007, gap: 2 }, late: { gap: 4 }, meanGap: 2.5 };

describe('Peru balance of payments: mining exports against the published share of GDP', () => {
  it('has the published years 2004-2023 and stays within the stated band of each', () => {
    const data = publishedMiningExports();
    expect(data.length).toBeGreaterThanOrEqual(8);
    let sum = 0;
    for (const [y, v] of data) {
      const gap = shareOfIncome(bau, 'Mining Export Value', y) - v;
      const limit = y <= MINING_BAND.early.last ? MINING_BAND.early.gap : MINING_BAND.late.gap;
      expect(Math.abs(gap), `${y}: model ${(v + gap).toFixed(1)} % against ${v} %`).toBeLessThan(limit);
      sum += Math.abs(gap);
    }
    expect(sum / data.length).toBeLessThan(MINING_BAND.meanGap);
  });

  it('the nominal index (deflator held at 1) would put 2023 mining exports far outside that band', () => {
    const nominal = model.run({ params: { 'Import Price Deflator Data': { x: [2000, 2023], y: [1, 1] } } });
    const v = publishedMiningExports().find(([y]) => y === 2023)![1];
    expect(shareOfIncome(nominal, 'Mining Export Value', 2023) - v).toBeGreaterThan(MINING_BAND.late.gap);
  });
});

describe('Peru balance of payments: mining export volume', () => {
  /** Published levels, millions of soles of 2007 (BCRP via ComexPeru/Gestion 2018), and the 2000 level of the model. */
  const BCRP_LEVEL = { 2009: 50076, 2016: 69446, 2017: 71659 };
  const VA_2000 = 29946;

  it('follows the published volume index to 2023: the BCRP levels of 2009, 2016 and 2017 within 0.5 %', () => {
    for (const [y, level] of Object.entries(BCRP_LEVEL)) {
      expect(VA_2000 * at(bau, 'Mining Export Volume Index', Number(y)) / level - 1, y).toBeCloseTo(0, 2);
    }
    // 2007-2023: 1.60 times (mining value added follows this index after 2011; peru-mining-va.test.ts).
    const growth = at(bau, 'Mining Export Volume Index', 2023) / at(bau, 'Mining Export Volume Index', 2007);
    expect(growth).toBeGreaterThan(1.55);
    expect(growth).toBeLessThan(1.65);
  });

  it('after 2023 grows with the model\'s mining value added, continuously at the data edge', () => {
    const idx = (y: number): number => at(bau, 'Mining Export Volume Index', y);
    const va = (y: number): number => at(bau, 'Value Added[mining]', y);
    expect(idx(2040) / idx(2030)).toBeCloseTo(va(2040) / va(2030), 9);
    expect(idx(2024) / idx(2023)).toBeCloseTo(va(2024) / va(2023), 9);
    // Faster copper growth after 2023 raises the volume (and so exports) through mining value added.
    const fast = model.run({ params: { 'Future Copper Output Growth': 0.02 } });
    expect(at(fast, 'Mining Export Volume', 2035)).toBeGreaterThan(at(bau, 'Mining Export Volume', 2035));
    expect(at(fast, 'Mining Export Volume', 2023)).toBe(at(bau, 'Mining Export Volume', 2023));
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

  it('without the correction (sensitivity 0) the current account drifts far from its target: the closure is what holds it', () => {
    // With the published mining volume the uncorrected drift is a deficit (5-8 % of GDP in 2010-2015, as the sol
    // appreciates with the metal price and imports follow national income); with the model's own mining value added
    // as volume it used to be a growing surplus. Either way the closure keeps the gap to the target much smaller.
    const r = model.run({ params: { 'Exchange Rate Current Account Sensitivity': 0 } });
    const target = at(bau, 'Target Current Account Share', 2050);
    const worstGap = (x: RunResult): number => {
      let worst = 0;
      for (let y = 2005; y <= 2050; y++) worst = Math.max(worst, Math.abs(at(x, 'Current Account Share of GDP', y) - target));
      return worst;
    };
    expect(worstGap(r)).toBeGreaterThan(worstGap(bau) + 0.02);
  });

  it('a zero metal price shock gives business as usual exactly', () => {
    const r = model.run({ params: { 'Metal Price Shock': 0, 'Metal Price Shock Year': 2025 } });
    for (const name of ['Real Exchange Rate', 'Imports', 'Current Account', 'Fuel Consumer Price[diesel]']) {
      for (const y of [2025, 2035, 2050]) expect(at(r, name, y), `${name} ${y}`).toBe(at(bau, name, y));
    }
  });
});
