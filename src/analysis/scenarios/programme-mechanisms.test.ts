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
  // Reallocation: the programme is taken out of the primary spending the other functions share ...
  expect(otherSpending(realloc, year)).toBeCloseTo(at(realloc, 'Primary Government Spending', year) - spent, 3);
  // ... so they get less than in business as usual, even after the revenue from any extra growth.
  expect(otherSpending(realloc, year)).toBeLessThan(otherSpending(bau, year));
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

describe('certified seed and cooperatives: extension and organisation budgets → adoption by diffusion → yields and farm output', () => {
  const timing = { 'Policy Start Year[agri policy]': 2025, 'Policy Ramp Years[agri policy]': 8 };
  const seed = { ...timing, 'Certified Seed Programme Budget': 400 };
  let r: RunResult;
  beforeAll(() => { r = model.run({ params: { ...seed, 'Cooperative Programme Budget': 300 } }); });

  it('extension reaches producers at the cost per contact, and adoption follows an S-shaped diffusion', () => {
    expect(at(r, 'Seed Extension Coverage', 2040)).toBeCloseTo(400e6 / 800 / 2.26097e6, 9);
    const adopters = [2027, 2030, 2033, 2036, 2039, 2042, 2045].map((y) => at(r, 'Seed Programme Adopters', y));
    const gains = adopters.slice(1).map((a, i) => a - adopters[i]);
    // Adoption rises and its yearly gain first grows (imitation) then shrinks (saturation, dis-adoption).
    expect(gains.every((g) => g > 0)).toBe(true);
    const peak = gains.indexOf(Math.max(...gains));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(gains.length - 1);
    expect(at(r, 'Certified Seed Adoption', 2050)).toBeLessThanOrEqual(0.6);
  });

  it('without imitation the same budget yields fewer adopters (word of mouth multiplies the programme)', () => {
    const noImitation = model.run({ params: { ...seed, 'Seed Imitation Coefficient': 0 } });
    expect(at(noImitation, 'Seed Programme Adopters', 2035)).toBeLessThan(at(r, 'Seed Programme Adopters', 2035));
    expect(at(noImitation, 'Seed Programme Adopters', 2035)).toBeGreaterThan(0);
  });

  it('a dearer contact buys less adoption', () => {
    const dear = model.run({ params: { ...seed, 'Cost per Seed Extension Contact': 1500 } });
    expect(at(dear, 'Certified Seed Adoption', 2035)).toBeLessThan(at(r, 'Certified Seed Adoption', 2035));
  });

  it('raises yields, agricultural value added and cooperative membership, and lowers informality', () => {
    expect(at(r, 'Land Yield Index', 2040)).toBeGreaterThan(at(bau, 'Land Yield Index', 2040));
    expect(at(r, 'Value Added[agriculture]', 2040)).toBeGreaterThan(at(bau, 'Value Added[agriculture]', 2040));
    expect(at(r, 'Cooperative Membership', 2040)).toBeGreaterThan(at(bau, 'Cooperative Membership', 2040));
    expect(at(r, 'Cooperative Membership', 2050)).toBeLessThanOrEqual(0.5);
    expect(at(r, 'Informal Employment Rate', 2040)).toBeLessThan(at(bau, 'Informal Employment Rate', 2040));
  });

  it('adoption is not permanent: programme adopters return to farm-saved seed at 1/duration', () => {
    expect(at(r, 'Seed Disadoption', 2045)).toBeCloseTo(at(r, 'Seed Programme Adopters', 2045) / 6, 3);
    const shorter = model.run({ params: { ...seed, 'Seed Adoption Duration': 3 } });
    expect(at(shorter, 'Seed Programme Adopters', 2045)).toBeLessThan(at(r, 'Seed Programme Adopters', 2045));
  });

  it('is charged to the public accounts', () => expectCharged({ ...seed, 'Cooperative Programme Budget': 300 }, ['certified seed', 'cooperatives'], 700, 2040));
});

describe('Lima-Callao transport: transit investment, electric buses and bus renewal with capital costs', () => {
  const timing = { 'Policy Start Year[urban transport]': 2025, 'Policy Ramp Years[urban transport]': 10 };
  const funded = { ...timing, 'Mass Transit Investment Budget': 2000, 'Electric Bus Budget': 500, 'Bus Renewal Budget': 300 };
  let r: RunResult;
  beforeAll(() => { r = model.run({ params: funded }); });

  it('transit capacity arrives only after construction, at the capacity per million soles', () => {
    const early = model.run({ params: { ...timing, 'Mass Transit Investment Budget': 2000 } });
    // Completion lags spending: in-service capital is below cumulative spending while works continue.
    const spentBy2030 = at(early, 'Transit Under Construction', 2030) + at(early, 'Programme Transit Capital', 2030);
    expect(at(early, 'Programme Transit Capital', 2030)).toBeLessThan(0.5 * spentBy2030);
    expect(at(early, 'Additional Mass Transit Capacity', 2040)).toBeCloseTo(at(early, 'Programme Transit Capital', 2040) * 500000, 0);
    expect(at(early, 'Mass Transit Share[Lima Callao]', 2040)).toBeGreaterThan(at(bau, 'Mass Transit Share[Lima Callao]', 2040));
  });

  it('electric buses bought at their cost premium raise the electric share of bus passenger-km', () => {
    expect(at(r, 'Electric Bus Purchases', 2040)).toBeCloseTo(500e6 / 600000, 6);
    const buses = at(r, 'Vehicle Fleet[Lima Callao,bus]', 2040) + at(r, 'Vehicle Fleet[Rest of Peru,bus]', 2040);
    expect(at(r, 'Electric Share[bus]', 2040) - at(bau, 'Electric Share[bus]', 2040)).toBeCloseTo(at(r, 'Programme Electric Buses', 2040) / buses, 6);
    const dear = model.run({ params: { ...funded, 'Electric Bus Cost Premium': 900000 } });
    expect(at(dear, 'Electric Share[bus]', 2040)).toBeLessThan(at(r, 'Electric Share[bus]', 2040));
  });

  it('renewed buses save energy in proportion to the renewed share of the fleet', () => {
    expect(at(r, 'Bus Fleet Renewal', 2040)).toBeCloseTo(at(r, 'Renewed Bus Share', 2040) * 0.25, 9);
    expect(at(r, 'Renewed Bus Share', 2040)).toBeGreaterThan(0);
  });

  it('cuts transport CO2 and Lima PM2.5', () => {
    expect(at(r, 'Combustion CO2 by Use[transport]', 2040)).toBeLessThan(at(bau, 'Combustion CO2 by Use[transport]', 2040));
    expect(at(r, 'Lima PM25 Concentration', 2040)).toBeLessThan(at(bau, 'Lima PM25 Concentration', 2040));
  });

  it('is charged to the public accounts', () => expectCharged(funded, ['mass transit', 'electric buses', 'bus renewal'], 2800, 2040));
});

describe('forest certification and reforestation: budgets → certified and planted hectares → deforestation and forest area', () => {
  const timing = { 'Policy Start Year[forest policy]': 2025, 'Policy Ramp Years[forest policy]': 5 };
  const funded = { ...timing, 'Forest Certification Budget': 30, 'Reforestation Budget': 240 };
  let r: RunResult;
  beforeAll(() => { r = model.run({ params: funded }); });

  it('certifies hectares at the cost per hectare; certificates lapse unless renewed, so the area levels off at spending × duration / cost', () => {
    expect(at(r, 'New Forest Certification', 2040)).toBeCloseTo(30e6 / 60, 6);
    const extra = at(r, 'Certified Forest Area', 2050) - at(bau, 'Certified Forest Area', 2050);
    expect(extra).toBeGreaterThan(0.9 * 30e6 / 60 * 5);
    expect(extra).toBeLessThan(30e6 / 60 * 5);
  });

  it('certified area weakens the drivers of deforestation; reforestation adds forest at its cost per hectare', () => {
    const certOnly = model.run({ params: { ...timing, 'Forest Certification Budget': 30 } });
    expect(at(certOnly, 'Deforestation', 2040)).toBeLessThan(at(bau, 'Deforestation', 2040));
    const weaker = model.run({ params: { ...timing, 'Forest Certification Budget': 30, 'Certified Forest Protection': 0.5 } });
    expect(at(weaker, 'Deforestation', 2040)).toBeGreaterThan(at(certOnly, 'Deforestation', 2040));
    expect(at(r, 'Reforestation', 2040)).toBeCloseTo(240 / 0.008, 3);
    expect(at(r, 'Forest Area', 2040)).toBeGreaterThan(at(bau, 'Forest Area', 2040));
  });

  it('is charged to the public accounts', () => expectCharged(funded, ['forest certification', 'reforestation'], 270, 2040));
});

describe('Arequipa waste: a regional module with its own population and waste; recycling and landfill gas capture from investment', () => {
  const timing = { 'Policy Start Year[waste policy]': 2025, 'Policy Ramp Years[waste policy]': 3 };
  const funded = { ...timing, 'Arequipa Recycling Budget': 10, 'Arequipa Landfill Gas Budget': 1 };
  let r: RunResult;
  beforeAll(() => { r = model.run({ params: funded }); });

  it('has its own population (2017 census) and waste, with the income reference taken from the model in 2017', () => {
    expect(Math.abs(at(bau, 'Arequipa Population', 2017.3) / 1382730 - 1)).toBeLessThan(1e-4);
    expect(at(bau, 'Perceived Relative Income at Arequipa Census', 2017) / at(bau, 'Perceived Relative Income', 2017)).toBeCloseTo(1, 2);
    // Arequipa is a few per cent of the country's waste, not a fixed share of it: its population grows at its own rate.
    const share = (y: number) => at(bau, 'Arequipa Waste Generation', y) / at(bau, 'Total Waste Generation', y);
    expect(share(2020)).toBeGreaterThan(0.02);
    expect(share(2020)).toBeLessThan(0.08);
    expect(Math.abs(share(2050) - share(2020))).toBeGreaterThan(1e-4);
  });

  it('recycling capacity is bought at its cost, ages out, and recycles up to the recyclable share of collected waste', () => {
    expect(at(r, 'Arequipa Recycling Investment', 2040)).toBeCloseTo(10e6 / 400, 6);
    expect(at(r, 'Arequipa Programme Recycling', 2040)).toBeLessThanOrEqual(0.25 * at(r, 'Arequipa Collected Waste', 2040) + 1e-6);
    const small = model.run({ params: { ...timing, 'Arequipa Recycling Budget': 1 } });
    expect(at(small, 'Arequipa Programme Recycling', 2030)).toBeLessThan(at(r, 'Arequipa Programme Recycling', 2030));
    expect(at(r, 'Recycling Rate', 2040)).toBeGreaterThan(at(bau, 'Recycling Rate', 2040));
  });

  it('recycling lowers the methane generated in Arequipa; capture removes part of the rest, up to 60 %', () => {
    const recyclingOnly = model.run({ params: { ...timing, 'Arequipa Recycling Budget': 10 } });
    expect(at(recyclingOnly, 'Arequipa Methane Generation', 2040)).toBeLessThan(at(bau, 'Arequipa Methane Generation', 2040));
    expect(at(r, 'Arequipa Captured Methane', 2040)).toBeGreaterThan(0);
    expect(at(r, 'Arequipa Captured Methane', 2040)).toBeLessThanOrEqual(0.6 * at(r, 'Arequipa Methane Generation', 2040) + 1e-9);
    expect(at(r, 'Waste GHG Emissions', 2040)).toBeLessThan(at(recyclingOnly, 'Waste GHG Emissions', 2040));
  });

  it('is charged to the public accounts', () => expectCharged(funded, ['arequipa recycling', 'arequipa landfill gas'], 11, 2040));
});

describe('national waste programme: collection, landfills, recycling, recyclers and gas capture bought at their unit costs, up to what is physically there', () => {
  const timing = { 'Policy Start Year[waste policy]': 2025, 'Policy Ramp Years[waste policy]': 8 };
  const budgets = { 'Waste Collection Budget': 120, 'Sanitary Landfill Budget': 400, 'National Recycling Budget': 80, 'Recycler Formalisation Budget': 14, 'National Landfill Gas Budget': 35 };
  const funded = { ...timing, ...budgets };
  const now = { 'Policy Start Year[waste policy]': 2025, 'Policy Ramp Years[waste policy]': 0 };
  let r: RunResult;
  beforeAll(() => { r = model.run({ params: funded }); });

  it('collection pays tonnes at 150 soles each, up to the coverage ceilings (all urban, 80 % rural)', () => {
    const small = model.run({ params: { ...now, 'Waste Collection Budget': 30 } });
    expect(at(small, 'Programme Collected Waste', 2030)).toBeCloseTo(30e6 / 150, 3);
    const urbanGain = at(small, 'Collection Coverage[urban]', 2030) - at(bau, 'Collection Coverage[urban]', 2030);
    const ruralGain = at(small, 'Collection Coverage[rural]', 2030) - at(bau, 'Collection Coverage[rural]', 2030);
    const tonnes = urbanGain * at(bau, 'Waste Generation[urban]', 2030) + ruralGain * at(bau, 'Waste Generation[rural]', 2030);
    expect(tonnes).toBeCloseTo(30e6 / 150, 0);
    const huge = model.run({ params: { ...now, 'Waste Collection Budget': 5000 } });
    expect(at(huge, 'Collection Coverage[urban]', 2040)).toBeCloseTo(1, 9);
    expect(at(huge, 'Collection Coverage[rural]', 2040)).toBeCloseTo(0.8, 9);
    expect(at(huge, 'Programme Collected Waste', 2040)).toBeLessThan(5000e6 / 150);
  });

  it('landfill capacity = spending / 600 soles per t a year, retired over 20 years, up to 90 % of the non-recycled waste', () => {
    expect(at(r, 'National Landfill Investment', 2040)).toBeCloseTo(400e6 / 600, 3);
    const steady = model.run({ params: { ...now, 'Sanitary Landfill Budget': 100 } });
    const invest = 100e6 / 600;
    // First-order retirement: after 20 years of constant spending the stock is I * L * (1 - e^-1), not I * 20.
    const cap = at(steady, 'National Landfill Capacity', 2045) - at(steady, 'National Landfill Capacity', 2025);
    expect(cap / (invest * 20 * (1 - Math.exp(-1)))).toBeGreaterThan(0.97);
    expect(cap / (invest * 20 * (1 - Math.exp(-1)))).toBeLessThan(1.03);
    expect(at(steady, 'Sanitary Landfill Share', 2035)).toBeGreaterThan(at(bau, 'Sanitary Landfill Share', 2035));
    const huge = model.run({ params: { ...now, 'Sanitary Landfill Budget': 20000 } });
    expect(at(huge, 'Sanitary Landfill Share', 2040)).toBeCloseTo(0.9, 9);
  });

  it('recycling plants and formalised recyclers recover at most the 25 % recyclable share of collected waste', () => {
    expect(at(r, 'National Recycling Investment', 2040)).toBeCloseTo(80e6 / 400, 3);
    expect(at(r, 'Recycler Formalisation', 2040)).toBeCloseTo(14e6 / 3000, 6);
    // Formalisations lapse after 5 years: 17 years after the ramp the stock is near 5 years of enrolment, not 17.
    const recyclers = at(r, 'Formal Recyclers', 2050);
    expect(recyclers).toBeGreaterThan(0.9 * 5 * 14e6 / 3000);
    expect(recyclers).toBeLessThan(5 * 14e6 / 3000);
    expect(at(r, 'Formal Recycler Recovery', 2040)).toBeCloseTo(15 * at(r, 'Formal Recyclers', 2040), 3);
    expect(at(r, 'Recycling Share', 2040)).toBeGreaterThan(at(bau, 'Recycling Share', 2040) + 0.1);
    const huge = model.run({ params: { ...now, 'National Recycling Budget': 5000, 'Recycler Formalisation Budget': 1000 } });
    expect(at(huge, 'Recycling Share', 2040)).toBeCloseTo(0.25, 9);
    // Recyclers cannot exceed the waste pickers there are.
    expect(at(huge, 'Formal Recycler Recovery', 2040)).toBeLessThanOrEqual(15 * 100000 + 1e-6);
  });

  it('gas capture capacity = spending / 1 000 soles per tCH4 a year, captured only in sanitary landfills, up to 60 % of their methane', () => {
    expect(at(r, 'National Gas Capture Investment', 2040)).toBeCloseTo(35e6 / 1000, 3);
    const gasOnly = model.run({ params: { ...now, 'National Landfill Gas Budget': 500 } });
    const ceiling = (x: RunResult, y: number) => 0.6 * at(x, 'Landfill Methane Generation', y) * at(x, 'Sanitary Landfill Methane Share', y);
    expect(at(gasOnly, 'National Captured Methane', 2040)).toBeCloseTo(ceiling(gasOnly, 2040), 3);
    // More sanitary landfill makes more of the methane capturable.
    const both = model.run({ params: { ...now, 'National Landfill Gas Budget': 500, 'Sanitary Landfill Budget': 400 } });
    expect(at(both, 'Landfill Gas Capture', 2040)).toBeGreaterThan(at(gasOnly, 'Landfill Gas Capture', 2040));
    expect(at(r, 'Waste GHG Emissions', 2040)).toBeLessThan(at(bau, 'Waste GHG Emissions', 2040));
  });

  it('is charged to the public accounts', () => expectCharged(funded, ['waste collection', 'sanitary landfills', 'national recycling', 'recycler formalisation', 'national landfill gas'], 649, 2040));
});
