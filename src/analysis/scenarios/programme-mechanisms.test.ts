/**
 * Budgeted programmes of the Peru model (issue 11, part 1): each budget buys a physical stock at a
 * documented unit cost, the stock moves its outcome through the causal chain, and the money is
 * charged to the public accounts (reallocation lowers the other spending functions; debt financing
 * raises the public debt). One block per mechanism; the zero-budget identity is in zero-budget.test.ts.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { valueAtYear } from './run.js';

let model: Model;
let bau: RunResult;

beforeAll(() => {
  model = loadModel(join(process.cwd(), 'models', 'peru', 'peru.mdl'));
  bau = model.run();
});

function at(r: RunResult, name: string, year: number): number {
  const s = r.get(name);
  if (!s) throw new Error(`no series ${name}`);
  return valueAtYear(r, s, year);
}

const FUNCTIONS = ['education', 'health', 'social protection', 'public investment', 'other functions'];
function otherSpending(r: RunResult, year: number): number {
  return FUNCTIONS.reduce((sum, f) => sum + at(r, `Spending by Function[${f}]`, year), 0);
}

/** Spending is charged: reallocation crowds out the other functions; debt financing adds debt. */
function expectCharged(params: Record<string, number>, programmes: string[], budget: number, year: number) {
  const realloc = model.run({ params });
  const spent = programmes.reduce((s, p) => s + at(realloc, `Programme Spending[${p}]`, year), 0);
  expect(spent).toBeCloseTo(budget, 6);
  // The other functions lose at least most of the programme (GDP effects move revenue a little).
  expect(otherSpending(bau, year) - otherSpending(realloc, year)).toBeGreaterThan(0.5 * budget);
  const debt = model.run({ params: { ...params, 'Programme Debt Share': 1 } });
  expect(at(debt, 'Public Debt', year) - at(bau, 'Public Debt', year)).toBeGreaterThan(0.5 * budget * (year - 2030));
}

describe('low-emission cattle: pasture investment → herd productivity, methane by system, land sparing', () => {
  const timing = { 'Policy Start Year[cattle policy]': 2025, 'Policy Ramp Years[cattle policy]': 10 };
  const funded = { ...timing, 'Improved Pasture Budget': 300, 'Silvopastoral Budget': 250 };
  let r: RunResult;
  beforeAll(() => { r = model.run({ params: funded }); });

  it('builds hectares at the unit cost, converted from natural pasture', () => {
    expect(at(r, 'Improved Pasture Establishment', 2040)).toBeCloseTo(300e6 / 2500, 6);
    expect(at(r, 'Silvopastoral Establishment', 2040)).toBeCloseTo(250e6 / 5000, 6);
    // One year of full spending adds the hectares bought less the reversion of the young stock.
    const full = model.run({ params: { 'Improved Pasture Budget': 300, 'Policy Start Year[cattle policy]': 2025, 'Policy Ramp Years[cattle policy]': 0 } });
    const added = at(full, 'Improved Pasture Area', 2027) - at(full, 'Improved Pasture Area', 2026);
    expect(added).toBeGreaterThan(0.85 * 300e6 / 2500);
    expect(added).toBeLessThan(300e6 / 2500);
    const converted = at(r, 'Improved Pasture Area', 2040) - at(bau, 'Improved Pasture Area', 2040)
      + at(r, 'Silvopastoral Area', 2040) - at(bau, 'Silvopastoral Area', 2040);
    expect(at(bau, 'Natural Pasture Area', 2040) - at(r, 'Natural Pasture Area', 2040)).toBeCloseTo(converted, 3);
  });

  it('raises output per head, so the herd, its pasture and deforestation fall', () => {
    expect(at(r, 'Livestock Productivity Index', 2040)).toBeGreaterThan(at(bau, 'Livestock Productivity Index', 2040));
    expect(at(r, 'Cattle Herd', 2040)).toBeLessThan(at(bau, 'Cattle Herd', 2040));
    expect(at(r, 'Pasture Demand', 2040)).toBeLessThan(at(bau, 'Pasture Demand', 2040));
    expect(at(r, 'Deforestation', 2040)).toBeLessThan(at(bau, 'Deforestation', 2040));
  });

  it('cuts methane per head where silvopastoral systems grow; improved pasture cuts methane through a smaller herd', () => {
    expect(at(r, 'Herd Methane Factor', 2040)).toBeLessThan(1);
    const improvedOnly = model.run({ params: { ...timing, 'Improved Pasture Budget': 300 } });
    // Improved pasture has the natural factor; only the shift of the herd's small silvopastoral share moves it.
    expect(Math.abs(at(improvedOnly, 'Herd Methane Factor', 2040) - 1)).toBeLessThan(1e-3);
    expect(at(r, 'Herd Methane Factor', 2040)).toBeLessThan(at(improvedOnly, 'Herd Methane Factor', 2040) - 0.01);
    expect(at(improvedOnly, 'Cattle Methane Emissions', 2040)).toBeLessThan(at(bau, 'Cattle Methane Emissions', 2040));
    expect(at(r, 'Cattle Methane Emissions', 2040)).toBeLessThan(at(improvedOnly, 'Cattle Methane Emissions', 2040));
  });

  it('programme-built pasture reverts to natural pasture over its life: the stock stays below establishment × lifetime', () => {
    const stop = model.run({ params: { ...timing, 'Improved Pasture Budget': 300, 'Policy Start Year[cattle policy]': 2025, 'Policy Ramp Years[cattle policy]': 0 } });
    const midway = at(stop, 'Improved Pasture Area', 2040);
    expect(midway).toBeGreaterThan(at(bau, 'Improved Pasture Area', 2040));
    // Steady state of establishment E and reversion (A - A0)/L is A0 + E*L.
    expect(at(stop, 'Improved Pasture Area', 2050) - at(bau, 'Improved Pasture Area', 2050)).toBeLessThan(300e6 / 2500 * 8 * 1.0001);
  });

  it('is charged to the public accounts', () => expectCharged(funded, ['improved pasture', 'silvopastoral'], 550, 2040));
});
