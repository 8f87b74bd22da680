/**
 * Yield land sparing in the Peru model (peru.mdl, group "Yield land sparing"): land needed = output the
 * market takes / output per hectare. The seed and cooperative programmes raise output per hectare by P
 * (Farm Programme Productivity Effect); the quantity sold rises by P^ε (ε = Farm Output Demand
 * Elasticity), so land moves by P^(ε−1) for the same other output: spared below ε = 1, more land above
 * (the Jevons branch that Angelsen and Kaimowitz 2001 and Villoria 2019 describe).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const DIR = join(process.cwd(), 'models', 'peru');
const AGRICULTURE = JSON.parse(readFileSync(join(DIR, 'scenarios', 'agriculture.json'), 'utf8')).levers as Record<string, number>;
const ELASTICITY = 'Farm Output Demand Elasticity';
const YEARS = [2030, 2040, 2050];

let model: Model;
const runs = new Map<number, { base: RunResult; policy: RunResult }>();

function pair(e: number): { base: RunResult; policy: RunResult } {
  let p = runs.get(e);
  if (!p) {
    p = { base: model.run({ params: { [ELASTICITY]: e } }), policy: model.run({ params: { ...AGRICULTURE, [ELASTICITY]: e } }) };
    runs.set(e, p);
  }
  return p;
}

const ratio = (p: { base: RunResult; policy: RunResult }, name: string, y: number) => at(p.policy, name, y) / at(p.base, name, y);

/** Output that does not come from the farm programmes: value added index / P (P = 1 in the base run). */
const otherOutput = (r: RunResult, y: number) => at(r, 'Sector VA Index[agriculture]', y) / at(r, 'Farm Programme Productivity Effect', y);

/** Policy/base land ratio with the output that is not the programmes', irrigation and shocks taken out. */
function landPerProgrammeYield(p: { base: RunResult; policy: RunResult }, y: number): number {
  return ratio(p, 'Cropland Demand', y) / (otherOutput(p.policy, y) / otherOutput(p.base, y))
    * ratio(p, 'Irrigation Yield Effect', y) * ratio(p, 'Agricultural Output Shock Factor', y);
}

function sumGhg(r: RunResult): number {
  let s = 0;
  for (let y = 2025; y <= 2050; y++) s += at(r, 'Total GHG Emissions', y);
  return s;
}

beforeAll(() => {
  model = loadModel(join(DIR, 'peru.mdl'));
});

describe('yield land sparing: zero budget, zero effect', () => {
  it('without farm programmes the demand elasticity changes no series (history and business as usual untouched)', () => {
    const bau = model.run({ params: {} });
    const r = model.run({ params: { [ELASTICITY]: 1.5 } });
    const differing: string[] = [];
    let compared = 0;
    for (const name of bau.names) {
      const a = bau.get(name)!;
      const b = r.get(name);
      if (!b || name === ELASTICITY) continue;
      if (Array.from(a).some((v, i) => !Object.is(v, b[i]))) differing.push(name);
      compared++;
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(500);
    expect(at(bau, 'Farm Programme Productivity Effect', 2040)).toBe(1);
    expect(at(bau, 'Farm Output Demand Factor', 2040)).toBe(1);
  });
});

describe('yield land sparing: land = output / yield', () => {
  it('with output fixed (elasticity 0) the yield gain lowers land needed by 1/P', () => {
    const p = pair(0);
    for (const y of YEARS) {
      const gain = at(p.policy, 'Farm Programme Productivity Effect', y);
      expect(gain, String(y)).toBeGreaterThan(1.01);
      expect(at(p.policy, 'Cropland Demand', y), String(y)).toBeLessThan(at(p.base, 'Cropland Demand', y));
      expect(landPerProgrammeYield(p, y), String(y)).toBeCloseTo(1 / gain, 9);
    }
  });

  it('the rebound has the sign and size of the stated elasticity: land × P^(1−ε) is unchanged', () => {
    for (const e of [0.5, 1, 1.5]) {
      const p = pair(e);
      for (const y of YEARS) {
        const gain = at(p.policy, 'Farm Programme Productivity Effect', y);
        const land = landPerProgrammeYield(p, y);
        expect(land, `ε ${e}, ${y}`).toBeCloseTo(gain ** (e - 1), 9);
        if (e < 1) expect(land).toBeLessThan(1);
        if (e > 1) expect(land).toBeGreaterThan(1);
      }
    }
  });

  it('more elastic demand means more deforestation and more GHG from the same programme', () => {
    const elasticities = [0, 0.5, 1, 1.5];
    const defor = elasticities.map((e) => at(pair(e).policy, 'Deforestation', 2050) - at(pair(e).base, 'Deforestation', 2050));
    const ghg = elasticities.map((e) => sumGhg(pair(e).policy) - sumGhg(pair(e).base));
    for (let i = 1; i < elasticities.length; i++) {
      expect(defor[i]).toBeGreaterThan(defor[i - 1]);
      expect(ghg[i]).toBeGreaterThan(ghg[i - 1]);
    }
    // Borlaug branch: fixed output spares land and forest; Jevons branch: elastic demand clears more forest.
    expect(defor[0]).toBeLessThan(0);
    expect(defor[3]).toBeGreaterThan(0);
  });

  it('other farm emissions follow the quantity sold, not the value added of the programmes', () => {
    const p = pair(0);
    const y = 2050;
    const e = model.run({ params: {} }).get('Other Agriculture Emission Elasticity')![0];
    const livestock = ratio(p, 'Livestock Productivity Index', y) ** 0.5;
    const quantity = otherOutput(p.policy, y) / otherOutput(p.base, y);
    expect(ratio(p, 'Other Agriculture Emissions', y)).toBeCloseTo((quantity / livestock) ** e, 9);
    expect(ratio(p, 'Sector VA Index[agriculture]', y)).toBeGreaterThan(quantity * 1.05);
  });
});
