/**
 * Mining value added of the Peru model after 2011 (issue 11, peru.mdl group "Mining value added volume"):
 * the sector follows INEI/BCRP's volume index of mining and hydrocarbons at 2007 prices (every metal and
 * hydrocarbon, not copper alone), and after 2023 the index's 2023 level grows with the capacity trend,
 * the copper part moved by `Future Copper Output Growth`. Checks against models/peru/calibration/mining-va-inei.csv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');
const INEI = join(process.cwd(), 'models', 'peru', 'calibration', 'mining-va-inei.csv');
/** 2000 level of mining and hydrocarbons value added, millions of soles of 2007 (`Initial Value Added[mining]`). */
const VA_2000 = 29946;

let model: Model;
let bau: RunResult;
const at = variableAtYear;

function ineiIndex(): [number, number][] {
  return readFileSync(INEI, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => {
    const [y, v] = l.split(',');
    return [Number(y), Number(v)];
  });
}

beforeAll(() => {
  model = loadModel(MODEL);
  bau = model.run();
});

describe('Peru mining value added after 2011', () => {
  it('the model\'s volume path is the INEI index of mining-va-inei.csv, year by year', () => {
    for (const [y, v] of ineiIndex()) expect(at(bau, 'Mining VA Volume Path', y), String(y)).toBeCloseTo(v, 4);
  });

  it('grows from 2011 as INEI\'s index does, within 6 % (employment and the shared post-2019 productivity level move it; copper-only was 30 % off by 2019)', () => {
    const va = (y: number): number => at(bau, 'Value Added[mining]', y);
    const idx = (y: number): number => at(bau, 'Mining VA Volume Path', y);
    for (const [y] of ineiIndex()) {
      expect(Math.abs(va(y) / va(2011) / (idx(y) / idx(2011)) - 1), String(y)).toBeLessThan(0.06);
    }
  });

  it('2023 level within 15 % of INEI (74 092 million soles of 2007), no longer about 1.5 times', () => {
    const level = VA_2000 * ineiIndex().find(([y]) => y === 2023)![1];
    expect(Math.abs(at(bau, 'Value Added[mining]', 2023) / level - 1)).toBeLessThan(0.15);
  });

  it('after 2023: the effect holds its 2023 value with no copper deviation; faster copper raises output later, not in 2023', () => {
    const effect = (r: RunResult, y: number): number => at(r, 'Mining Pipeline Effect[mining]', y);
    expect(effect(bau, 2040)).toBeCloseTo(effect(bau, 2023), 9);
    const fast = model.run({ params: { 'Future Copper Output Growth': 0.02 } });
    expect(at(fast, 'Value Added[mining]', 2023)).toBe(at(bau, 'Value Added[mining]', 2023));
    // copper part 0.4: against the capacity trend the 2035 volume is 0.4 x e^(0.02 x 12) + 0.6 of the 2023 index
    const relative = (r: RunResult): number => at(r, 'Mining VA Volume Path', 2035)
      / (at(r, 'Mining VA Volume Path', 2023) * at(r, 'Mining Capacity Trend', 2035) / at(r, 'Mining Capacity Trend', 2023));
    expect(relative(bau)).toBeCloseTo(1, 6);
    expect(relative(fast)).toBeCloseTo(0.4 * Math.exp(0.02 * 12) + 0.6, 6);
    // the capacity trend then grows a little more too (more output, more investment): never less than the direct 10.8 %
    expect(at(fast, 'Mining VA Volume Path', 2035) / at(bau, 'Mining VA Volume Path', 2035) - 1).toBeGreaterThan(0.108);
  });

  it('before 2011 the effect is exactly 1 (the sector is fitted to GGDC there)', () => {
    for (const y of [2000, 2005, 2011]) expect(at(bau, 'Mining Pipeline Effect[mining]', y)).toBe(1);
  });
});

