/**
 * Which ranged Supuestos of peru.mdl belong in the Monte Carlo (models/peru/calibration/uncertainty.json): those that
 * act after 2023, where the 2030 verdicts of `npm run report` are drawn. The FEPC band constants move the fund's
 * flows of 2024-2025 (bottled LPG stayed in the fund to June 2024) and the balance-of-payments and gas-plant
 * Supuestos move 2030, so they are sampled; the Enforcement Deterrence Ratio multiplies a lapse that is non-zero only
 * in 2020: it moves that year's clearing, and after 2023 only what the 2020 forest stock passes on (under 0.1 % of
 * each year's clearing), so it is not sampled (a draw would mostly re-draw the fitted 2020 history the report does
 * not re-fit). The last check runs every other ranged Supuesto at both ends of its range, in business as usual and in
 * each scenario of the project (a programme's assumptions act only where it is funded), and requires that one that
 * moves a series after 2023 be sampled or exempt with a written reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { readProject } from './project.js';
import { variableAtYear as at } from './run.js';
import { readUncertainty } from './uncertainty.js';

const ROOT = process.cwd();
const sampled = new Set(readUncertainty(join(ROOT, 'models', 'peru', 'calibration', 'uncertainty.json')).parameters.map((p) => p.name));
let model: Model;
let bau: RunResult;
const range = (name: string) => model.parameters.find((p) => p.name === name)!.range!;

beforeAll(() => {
  model = loadModel(join(ROOT, 'models', 'peru', 'peru.mdl'));
  bau = model.run();
});

describe('ranged Supuestos that act after 2023 are sampled', () => {
  it('each FEPC band constant changes the fund\'s 2024-2025 flows at an end of its range and is in uncertainty.json', () => {
    // Cumulative cost at the start of 2026 minus at the start of 2024: the flows of the quarters of 2024 and 2025.
    const after2023 = (run: RunResult) => at(run, 'FEPC Cumulative Net Compensation', 2026) - at(run, 'FEPC Cumulative Net Compensation', 2024);
    for (const name of ['FEPC Band Adjustment Time', 'FEPC Band Downward Adjustment Time', 'FEPC Band Half Width']) {
      const r = range(name);
      // The upward lag moves them least (about 0.1 million soles: the parity fell in 2024-2025); the other two by tens.
      const moved = [r.min!, r.max!].some((v) => after2023(model.run({ params: { [name]: v } })) !== after2023(bau));
      expect(moved, name).toBe(true);
      expect(sampled.has(name), name).toBe(true);
    }
  });

  it('the balance-of-payments and gas-plant Supuestos appended by peru-small-fixes move 2030 and are sampled', () => {
    const outputs = ['Real GDP', 'Total GHG Emissions', 'Fossil CO2 Emissions', 'Real Exchange Rate', 'Government Deficit'];
    const names = [
      'Metal Price Trend', 'Price Perception Time', 'Investment Share Price Elasticity', 'Mining Export to VA Ratio',
      'Export Exchange Rate Elasticity', 'Exchange Rate Price Elasticity', 'Exchange Rate Adjustment Time', 'Mining Fiscal Take',
      'Combined Cycle Efficiency',
    ];
    for (const name of names) {
      const r = range(name);
      const moved = [r.min!, r.max!].some((v) => {
        const run = model.run({ params: { [name]: v } });
        return outputs.some((o) => Math.abs(at(run, o, 2030) / at(bau, o, 2030) - 1) > 1e-5);
      });
      expect(moved, name).toBe(true);
      expect(sampled.has(name), name).toBe(true);
    }
  });

  it('the methane per head of improved and silvopastoral cattle moves the cattle scenario\'s 2030 methane and is sampled', () => {
    // In business as usual the pasture mix stays as in 2000, so Herd Methane Factor stays 1 whatever these are; the
    // scenarios that fund the pasture programmes (cattle, green-economy) shift the mix, and the verdicts' bands must carry them.
    const cattle = (JSON.parse(readFileSync(join(ROOT, 'models', 'peru', 'scenarios', 'cattle.json'), 'utf8')) as { levers: Record<string, number> }).levers;
    const methane2030 = (params: Record<string, number>) => at(model.run({ params: { ...cattle, ...params } }), 'Cattle Methane Emissions', 2030);
    const central = methane2030({});
    for (const [name, ends] of [
      ['Relative Methane per Head[silvopastoral system]', [0.7, 1]],
      ['Relative Methane per Head[improved pasture system]', [0.9, 1.15]],
    ] as const) {
      const [low, high] = ends.map((v) => methane2030({ [name]: v }));
      expect(low!, name).toBeLessThan(central);
      expect(high!, name).toBeGreaterThan(central);
      expect(sampled.has(name), name).toBe(true);
    }
  });

  it('the Enforcement Deterrence Ratio changes clearing in 2020 only, so it is not sampled', () => {
    const name = 'Enforcement Deterrence Ratio';
    const r = range(name);
    for (const v of [r.min!, r.max!]) {
      const run = model.run({ params: { [name]: v } });
      for (let y = 2000; y <= 2050; y++) {
        expect(at(run, 'Enforcement Lapse Effect', y) === 1, `${v} ${y}`).toBe(y !== 2020);
        const change = Math.abs(at(run, 'Deforestation', y) / at(bau, 'Deforestation', y) - 1);
        if (y < 2020) expect(change, `${v} ${y}`).toBe(0);
        else if (y === 2020) expect(change, `${v} ${y}`).toBeGreaterThan(0.05);
        else expect(change, `${v} ${y}`).toBeLessThan(1e-3);
      }
      expect(Math.abs(at(run, 'Forest Area', 2030) / at(bau, 'Forest Area', 2030) - 1)).toBeLessThan(1e-3);
    }
    expect(sampled.has(name)).toBe(false);
  });
});

describe('every ranged Supuesto that acts after 2023 is sampled or exempt with a reason', () => {
  /** Ranged Supuestos deliberately left out of the Monte Carlo although they move some series after 2023. */
  const EXEMPT: Record<string, string> = {
    'Initial Paved Road Network': 'a year-2000 starting condition set to the data of that year; a draw would re-draw the history the report does not re-fit',
    'Initial Rural Electricity Access': 'a year-2000 starting condition set to the data of that year; a draw would re-draw the history the report does not re-fit',
    'Initial Sanitation Access Rate': 'a year-2000 starting condition set to the data of that year; a draw would re-draw the history the report does not re-fit',
    'Initial Mean Years of Schooling': 'a year-2000 starting condition set to the data of that year; a draw would re-draw the history the report does not re-fit',
    'Initial Secondary Enrolment': 'a year-2000 starting condition set to the data of that year; a draw would re-draw the history the report does not re-fit',
    'Enforcement Deterrence Ratio': 'its lapse is non-zero only in 2020; after 2023 only the forest stock it left (tested above)',
    'Fuel Income Elasticity': 'the zero elements state no range of their own; biomass in buildings sits at the edge of a former fit range (-3 to -0.3), not an uncertainty range; LPG in buildings is fitted',
    'Gas Potential Share': 'no range is stated for the assumed values (0.1-0.6 was the former fit range, the value at its floor)',
    'Fuel Import Parity Share[diesel]': 'Fuente (OSINERGMIN via RPP, 0.89), not a Supuesto',
    'Fuel Import Parity Share[gasoline]': 'Fuente (OSINERGMIN via RPP, 0.89), not a Supuesto',
    'Fuel Import Parity Share[electricity]': '0 by construction (regulated tariff; plant fuel costs enter through Relative Power Fuel Price), no range stated',
    'Fuel Import Parity Share[biomass]': '0 by construction (local firewood), no range stated',
    'Fuel Import Share': 'informative only: it measures the fuel import channel (Fuel Import Volume) and does not enter Imports',
    'COVID Death Age Share': 'shares that sum to 1, so one element cannot be drawn alone; acts after 2023 only through the age of the 2020-2021 deaths',
    'Emigrant Age Structure': 'shares that sum to 1, so one element cannot be drawn alone (the note ranges only the 65+ share, 2-6 %, against the 15-64 share)',
    'Post Wave Immigrant Age Structure': 'shares that sum to 1, so one element cannot be drawn alone (the note ranges only the 65+ share, 0.5-3 %, against the 15-64 share)',
    'Initial Fuel Share': 'year-2000 shares by fuel of each use, set to the data of that year and summing to 1; the note\'s range (50-100 %) is the domestic part of kerosene sales, whose remainder the LPG row absorbs to keep the 2000 CO2; a draw would re-draw the history the report does not re-fit',
    'Gas Vehicle Potential[bus]': 'Supuesto with no range stated (the note ranges only the car share, 10-30 %, which is sampled)',
    'Gas Vehicle Potential[mass transit]': 'Supuesto with no range stated (the note ranges only the car share, 10-30 %, which is sampled)',
    'Gas Vehicle Potential[motorcycle]': '0, no range stated (the note ranges only the car share, 10-30 %, which is sampled)',
    'Other Export Share[mining]': '0: the note\'s ±50 % of zero is zero (mining exports are Mining Export to VA Ratio, sampled)',
    'Other Export Share[construction]': '0: the note\'s ±50 % of zero is zero (non-tradable)',
    'Other Export Share[utilities]': '0: the note\'s ±50 % of zero is zero (non-tradable)',
  };
  /** Supuestos whose note states a range that their units field cannot declare, each with the reason. */
  const NOTE_RANGE_ONLY: Record<string, string> = {
    'Lima Car Mode Constant': 'a calibrated constant (fitted to the 2012 split); the range in its note (0.06-0.20) is the desired mass-transit share, not the constant',
  };
  const exemption = (name: string) => (name in EXEMPT ? name : name.replace(/\[.*$/, '') in EXEMPT ? name.replace(/\[.*$/, '') : undefined);

  const fitted = () => new Set(Object.keys(JSON.parse(readFileSync(join(ROOT, 'models', 'peru', 'calibration', 'calibrated-params.json'), 'utf8')) as Record<string, number>));
  const levers = () => new Set((JSON.parse(readFileSync(join(ROOT, 'models', 'peru', 'peru.web.json'), 'utf8')) as { levers: { name: string }[] }).levers.map((l) => l.name));

  it('declares in the units field the range each Supuesto\'s note states, or says why it cannot', () => {
    // The check below sees only declared ranges: a range stated in a note alone would escape it.
    const [fit, lever] = [fitted(), levers()];
    const undeclared = model.parameters.filter(
      (p) => /supuesto/i.test(p.doc ?? '') && /[Rr]ango|range/.test(p.doc ?? '') && !(p.range?.min !== undefined && p.range.max !== undefined),
    );
    const open = undeclared.filter((p) => !sampled.has(p.name) && !fit.has(p.name) && !lever.has(p.name)).map((p) => p.name);
    expect(open.sort()).toEqual(Object.keys(NOTE_RANGE_ONLY).sort());
  });

  it('checks each ranged Supuesto of peru.mdl that is neither sampled, fitted nor a simulator lever, in every scenario', () => {
    const [fit, lever] = [fitted(), levers()];
    const candidates = model.parameters.filter(
      (p) => /supuesto/i.test(p.doc ?? '') && /[Rr]ango|range/.test(p.doc ?? '') && p.range?.min !== undefined && p.range.max !== undefined,
    );
    expect(candidates.length).toBeGreaterThan(100);
    const unsampled = candidates.filter((p) => !sampled.has(p.name) && !fit.has(p.name) && !lever.has(p.name));
    // Business as usual and every scenario of the project: a programme's assumptions act only where it is funded.
    const scenarios = readProject(join(ROOT, 'models', 'peru')).scenarios.map((s) => ({ levers: s.levers, central: model.run({ params: s.levers }) }));
    const acting: string[] = [];
    for (const p of unsampled) {
      const moves = scenarios.some(({ levers, central }) =>
        [p.range!.min!, p.range!.max!].some((v) => {
          const run = model.run({ params: { ...levers, [p.name]: v } });
          return central.names.some((name) => {
            if (name === p.name) return false;
            const a = run.get(name)!;
            const b = central.get(name)!;
            return central.time.some((t, i) => t > 2023 && a[i] !== b[i] && !(Number.isNaN(a[i]!) && Number.isNaN(b[i]!)));
          });
        }),
      );
      if (moves) acting.push(p.name);
    }
    expect(acting.filter((n) => exemption(n) === undefined)).toEqual([]);
    // Each exemption still names a ranged Supuesto that acts after 2023 (a stale entry fails here).
    expect([...new Set(acting.map(exemption))].sort()).toEqual(Object.keys(EXEMPT).sort());
  });
});
