/**
 * Which ranged Supuestos of the FEPC and forest-enforcement blocks of peru.mdl belong in the Monte Carlo
 * (models/peru/calibration/uncertainty.json): those that act after 2023, where the 2030 verdicts of `npm run report`
 * are drawn. The balance-of-payments Supuestos with stated ranges and the gas plants' efficiency move 2030 and are
 * sampled. The FEPC band constants move the fund's flows of 2024-2025 (bottled LPG stayed in the fund to June 2024),
 * so they are sampled; the Enforcement Deterrence Ratio multiplies a lapse that is non-zero only in 2020: it moves
 * that year's clearing, and after 2023 only what the 2020 forest stock passes on (under 0.1 % of each year's clearing),
 * so it is not sampled (a draw would mostly re-draw the fitted 2020 history the report does not re-fit).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
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
