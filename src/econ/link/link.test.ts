/**
 * The SD–CGE soft link on the Peru models: the SD inputs are neutral with the switch at 0 (and
 * with neutral values at 1), the linked isc-reform-lumpsum run converges within the tolerance in
 * every year with the CGE's technology unchanged by the scenario, the sector feedback has the
 * uniform GDP factor as its value-added-weighted mean and the CGE's sector mix, the household
 * income ratio is its definition from the CGE results, and the report exists in Spanish and
 * English. Timings are in the bench, not here.
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
  const SECTORS = ['agriculture', 'fishing', 'mining', 'manufacturing', 'construction', 'utilities', 'services'];
  const inputs = {
    ...Object.fromEntries(SECTORS.map((sec) => [`CGE Sector Output Feedback[${sec}]`, flat(sec === 'mining' ? 0.9 : 1.05)])),
    'CGE Household Income Ratio': flat(1.02),
    'CGE Fuel Price Ratio[diesel]': flat(1.3),
    'CGE Price Response Scale': flat(2),
  };
  it('with the switch at 0 the run equals the plain SD run, whatever the CGE inputs hold', () => {
    const plain = sd.run();
    expect(maxRelDiff(plain, sd.run({ params: { 'CGE Link Switch': 0, ...inputs } }))).toBe(0);
    // Switched on with neutral inputs: the reference of the link is business as usual.
    expect(maxRelDiff(plain, sd.run({ params: { 'CGE Link Switch': 1 } }))).toBe(0);
  });
  it('switched on, the CGE inputs act through the model (sector value added, income, diesel price → demand)', () => {
    const cols = ['Real GDP', 'Final Energy by Fuel', 'Value Added', 'Household Disposable Income'];
    const plain = sd.run({ columns: cols });
    const on = sd.run({ columns: cols, params: { 'CGE Link Switch': 1, ...inputs } });
    const i = 30; // 2030
    const ratio = (n: string) => on.get(n)![i]! / plain.get(n)![i]!;
    // Sector factors of 1.05 (0.9 for mining) give about +3 %; the T21 infrastructure module takes a
    // quarter of a point back (2030: 1.0319 without it, 1.0283 with it), since private capital grows with
    // the extra output faster than public capital and the public/private ratio drives productivity.
    expect(ratio('Real GDP')).toBeGreaterThan(1.025);
    // Each sector's value added moves with its own factor (dynamics aside).
    expect(ratio('Value Added[services]')).toBeGreaterThan(1.03);
    expect(ratio('Value Added[mining]')).toBeLessThan(0.95);
    // Disposable income: the income ratio on top of the GDP change.
    expect(ratio('Household Disposable Income')).toBeGreaterThan(ratio('Real GDP'));
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
      // ...and the CGE's sector mix and income ratio.
      expect(last.feedbackGap).toBeLessThanOrEqual(0.001);
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
  it("the sector feedback's value-added-weighted mean is the uniform GDP factor, its mix the CGE's", () => {
    // Weights: the SD's own business-as-usual value added (the link reference), from a plain run.
    const plain = loadModel(`${DIR}/peru.mdl`).run({ columns: ['Value Added'] });
    const sectors = Object.keys(r.map.sectors);
    expect(sectors).toEqual(['agriculture', 'fishing', 'mining', 'manufacturing', 'construction', 'utilities', 'services']);
    // Every SAM activity in exactly one sector.
    expect(Object.values(r.map.sectors).flatMap((x) => x.activities)).toHaveLength(23);
    const v = r.cge.variables, b = r.cgeBaseline.variables;
    for (const y of r.link.years) {
      const t = y.year - r.baseYear;
      const i = Array.prototype.indexOf.call(plain.time, y.year) as number;
      const w = sectors.map((sec) => plain.get(`Value Added[${sec}]`)![i]!);
      const fb = sectors.map((sec) => y.feedback.sectorFeedback[sec]!);
      const mean = fb.reduce((a, x, k) => a + x * w[k]!, 0) / w.reduce((a, x) => a + x, 0);
      expect(mean, `${y.year}`).toBeCloseTo(y.gdpFeedback, 12);
      // The CGE's real output change by SD sector, from the CGE results.
      const ratio = sectors.map((sec) => {
        const acts = r.map.sectors[sec]!.activities;
        return acts.reduce((a, c) => a + v[`output:${c}`]![t]!, 0) / acts.reduce((a, c) => a + b[`output:${c}`]![t]!, 0);
      });
      const rbar = ratio.reduce((a, x, k) => a + x * w[k]!, 0) / w.reduce((a, x) => a + x, 0);
      sectors.forEach((sec, k) => {
        expect(y.feedback.mix[sec], `${y.year} ${sec}`).toBeCloseTo(ratio[k]! / rbar, 10);
        // What the SD used is that mix (within the link's tolerance), times the uniform factor.
        expect(Math.abs(fb[k]! / y.gdpFeedback - ratio[k]! / rbar), `${y.year} ${sec}`).toBeLessThanOrEqual(0.001);
      });
    }
    // isc-reform-lumpsum, 2030: the CGE's mining (crude oil, natural gas) falls against services; so does the feedback.
    const y = r.link.years.find((x) => x.year === 2030)!;
    const t = 2030 - r.baseYear;
    const out = (vars: Record<string, number[]>, sec: string) => r.map.sectors[sec]!.activities.reduce((a, c) => a + vars[`output:${c}`]![t]!, 0);
    const rel = (sec: string) => out(v, sec) / out(b, sec);
    expect(rel('mining')).toBeLessThan(1);
    expect(rel('mining')).toBeLessThan(rel('services'));
    expect(y.feedback.sectorFeedback['mining']!).toBeLessThan(y.feedback.sectorFeedback['services']!);
    expect(y.feedback.sectorFeedback['mining']!).toBeLessThan(y.gdpFeedback);
    expect(y.feedback.sectorFeedback['services']!).toBeGreaterThan(y.gdpFeedback);
  });
  it('the household income ratio is the CGE real income change beyond its real GDP change', () => {
    const v = r.cge.variables, b = r.cgeBaseline.variables;
    const hh = Object.keys(v).filter((k) => k.startsWith('income:'));
    expect(hh).toHaveLength(7);
    for (const y of r.link.years) {
      const t = y.year - r.baseYear;
      const inc = (x: Record<string, number[]>) => hh.reduce((a, k) => a + x[k]![t]!, 0);
      const def = inc(v) / inc(b) / (v['cpi']![t]! / b['cpi']![t]!) / (v['real_gdp']![t]! / b['real_gdp']![t]!);
      expect(y.feedback.incomeRatio, `${y.year}`).toBeCloseTo(def, 12);
      expect(Math.abs(y.feedback.sdIncomeRatio - def), `${y.year}`).toBeLessThanOrEqual(0.001);
    }
    // It acts on the SD: 2030 disposable income moves against the reference by more than GDP does.
    const y = r.link.years.find((x) => x.year === 2030)!;
    expect(y.feedback.sdIncomeRatio).not.toBe(1);
    const dInc = y.feedback.sdDisposableIncome / y.feedback.sdReferenceDisposableIncome;
    expect(Math.sign(dInc - y.sdGdpIndex / (r.link.reference[y.year - r.baseYear]!.gdp / r.link.reference[0]!.gdp))).toBe(Math.sign(y.feedback.sdIncomeRatio - 1));
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
    expect(es).toMatch(/Sólo el total actúa sobre el SD/);
    expect(en).toMatch(/Only the total acts on the SD/);
    expect(es).toMatch(/CGE Sector Output Feedback\[sector\]/);
    expect(en).toMatch(/CGE real income by household group/);
    for (const v of Object.values(y2030.evPct)) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('link mapping', () => {
  it('an entry without its meaning in both languages is rejected, naming the file and field', () => {
    expect(() => parseLinkMapping({ description: { es: 'x', en: 'y' }, sdModel: 'a', cgeDir: 'b', fuels: { diesel: { commodities: ['c'], meaning: { es: 'x' } } } }, 'm.json')).toThrow(/m\.json: fuels\.diesel\.meaning/);
  });
  it('a tolerance without its source is rejected', () => {
    const m = { description: { es: 'x', en: 'y' }, sdModel: 'a', cgeDir: 'b', tolerance: { value: 0.005 }, fuels: { d: { commodities: ['c'], meaning: { es: 'x', en: 'y' } } }, sectors: { s: { activities: ['a'], meaning: { es: 'x', en: 'y' } } }, sdToCge: [], cgeToSd: [] };
    expect(() => parseLinkMapping(m, 'm.json')).toThrow(/m\.json: (sdToCge|tolerance)/);
  });
  it('a SAM activity in two SD sectors is rejected, naming the file and field', () => {
    const sec = (a: string[]) => ({ activities: a, meaning: { es: 'x', en: 'y' } });
    const m = { description: { es: 'x', en: 'y' }, sdModel: 'a', cgeDir: 'b', fuels: { d: { commodities: ['c'], meaning: { es: 'x', en: 'y' } } }, sectors: { mining: sec(['a-mine']), services: sec(['a-trade', 'a-mine']) } };
    expect(() => parseLinkMapping(m, 'm.json')).toThrow(/m\.json: sectors\.services\.activities/);
  });
});
