/**
 * The SD–CGE soft link on the Peru models: the SD inputs are neutral with the switch at 0 (and
 * with neutral values at 1), the linked isc-reform-lumpsum run converges within the tolerance in
 * every year with the CGE's technology unchanged by the scenario, and the report exists in
 * Spanish and English. Timings are in the bench, not here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model } from '../../sd/run/types.js';
import { parseLinkMapping } from './mapping.js';
import { markdownReport, reportData } from './report.js';
import { runIntegrated, type IntegratedResult } from './run-integrated.js';

const DIR = 'models/peru';
const flat = (v: number) => ({ x: [2000, 2050], y: [v, v] });
const maxRelDiff = (a: { names: string[]; series: Float64Array[] }, b: { get(n: string): Float64Array | undefined }) => {
  let worst = 0;
  a.names.forEach((n, j) => {
    if (n === 'CGE Link Switch') return; // the switch itself
    const y = b.get(n)!;
    a.series[j]!.forEach((x, i) => (worst = Math.max(worst, Math.abs(x - y[i]!) / Math.max(1e-12, Math.abs(x)))));
  });
  return worst;
};

describe('SD model link inputs', () => {
  let sd: Model;
  beforeAll(() => {
    sd = loadModel(`${DIR}/peru.mdl`);
  });
  const inputs = { 'CGE GDP Feedback': flat(1.05), 'CGE Fuel Price Ratio[diesel]': flat(1.3), 'CGE Price Response Scale': flat(2) };
  it('with the switch at 0 the run equals the plain SD run, whatever the CGE inputs hold', () => {
    const plain = sd.run();
    expect(maxRelDiff(plain, sd.run({ params: { 'CGE Link Switch': 0, ...inputs } }))).toBe(0);
    // Switched on with neutral inputs: the reference of the link is business as usual.
    expect(maxRelDiff(plain, sd.run({ params: { 'CGE Link Switch': 1 } }))).toBe(0);
  });
  it('switched on, the CGE inputs act through the model (GDP, diesel price → demand)', () => {
    const plain = sd.run({ columns: ['Real GDP', 'Final Energy by Fuel'] });
    const on = sd.run({ columns: ['Real GDP', 'Final Energy by Fuel'], params: { 'CGE Link Switch': 1, ...inputs } });
    const i = 30; // 2030
    expect(on.get('Real GDP')![i]! / plain.get('Real GDP')![i]!).toBeGreaterThan(1.03);
    expect(on.get('Final Energy by Fuel[diesel,industry]')![i]!).toBeLessThan(plain.get('Final Energy by Fuel[diesel,industry]')![i]!);
  });
});

describe('linked run, isc-reform-lumpsum', () => {
  let r: IntegratedResult;
  beforeAll(() => {
    r = runIntegrated(DIR, { scenario: 'isc-reform-lumpsum' });
  }, 120_000);
  it('converges within the mapping tolerance (0.5 %) in every year from the SAM base year to 2050', () => {
    expect(r.map.tolerance).toBe(0.005);
    expect(r.link.years.map((y) => y.year)).toEqual(Array.from({ length: 32 }, (_, t) => 2019 + t));
    for (const y of r.link.years) {
      expect(y.converged, `${y.year}`).toBe(true);
      expect(Math.abs(y.gdpGap), `${y.year} GDP gap`).toBeLessThanOrEqual(0.005);
      expect(Math.abs(y.energyGap), `${y.year} energy gap`).toBeLessThanOrEqual(0.005);
      // The gaps are those of the last exchange, and the SD used the CGE's prices.
      const last = y.history[y.history.length - 1]!;
      expect(last.gdpGap).toBe(y.gdpGap);
      expect(last.priceGap).toBeLessThanOrEqual(0.001);
      expect(y.sdGdpIndex / y.cgeGdpIndex - 1).toBeCloseTo(y.gdpGap, 12);
    }
  });
  it('the policy moves both models: fuel prices up, energy demand down against each reference', () => {
    const y = r.link.years.find((x) => x.year === 2030)!;
    expect(y.priceRatio['diesel']).toBeGreaterThan(1.05);
    expect(y.sdEnergyIndex).toBeLessThan(y.sdRefEnergyIndex);
    expect(y.cgeEnergyIndex).toBeLessThan(y.cgeBaseEnergyIndex);
    expect(y.iterations).toBeGreaterThan(1);
  });
  it('the scenario keeps the baseline technology: the same AEEI and productivity in every year', () => {
    r.link.run.records.forEach((rec, t) => {
      const b = r.link.baseline.records[t]!;
      expect(rec.sol.spec.policy.aeei).toEqual(b.sol.spec.policy.aeei);
      expect(rec.tfp).toBe(b.tfp);
    });
  });
  it('the baseline CGE follows the SD reference GDP index', () => {
    r.link.years.forEach((y, t) => expect(r.link.baseline.records[t]!.gdp / r.link.baseline.records[0]!.gdp).toBeCloseTo(r.link.reference[t]!.gdp / r.link.reference[0]!.gdp, 6));
  });
  it('the report exists in Spanish and English, with EV for every household group', () => {
    const d = reportData(r);
    const es = markdownReport(d, 'es'), en = markdownReport(d, 'en');
    expect(es).toMatch(/## Convergencia/);
    expect(es).toMatch(/Variación equivalente/);
    expect(en).toMatch(/## Convergence/);
    expect(en).toMatch(/Equivalent variation/);
    const y2030 = d.years.find((y) => y.year === 2030)!;
    expect(Object.keys(y2030.evPct)).toHaveLength(7);
    for (const v of Object.values(y2030.evPct)) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('link mapping', () => {
  it('an entry without its meaning in both languages is rejected, naming the file and field', () => {
    expect(() => parseLinkMapping({ description: { es: 'x', en: 'y' }, sdModel: 'a', cgeDir: 'b', fuels: { diesel: { commodities: ['c'], meaning: { es: 'x' } } } }, 'm.json')).toThrow(/m\.json: fuels\.diesel\.meaning/);
  });
  it('a tolerance without its source is rejected', () => {
    const m = { description: { es: 'x', en: 'y' }, sdModel: 'a', cgeDir: 'b', tolerance: { value: 0.005 }, fuels: { d: { commodities: ['c'], meaning: { es: 'x', en: 'y' } } }, sdToCge: [], cgeToSd: [] };
    expect(() => parseLinkMapping(m, 'm.json')).toThrow(/m\.json: (sdToCge|tolerance)/);
  });
});
