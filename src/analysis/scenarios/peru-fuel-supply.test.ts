/**
 * Peru model (peru.mdl): the supply-side constants that replaced values the 2000-2015 fit had put at
 * a bound (issue 11). Domestic kerosene falls with its retail availability and the 2009-2010 ban, and
 * its share moves to the other fuels (no energy is lost); fugitive CO2 scales with primary oil and gas;
 * the LNG plant's own use starts with the plant; the long-run labour participation is the plateau of the
 * WDI labour force, not the fit's ceiling.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear } from './run.js';

const MODEL = join(process.cwd(), 'models', 'peru', 'peru.mdl');

let model: Model;
let bau: RunResult;
/** The same model with kerosene kept on sale at its 2000 availability. */
let keroseneKept: RunResult;

beforeAll(() => {
  model = loadModel(MODEL);
  bau = model.run();
  keroseneKept = model.run({ params: { 'Kerosene Availability': { x: [2000, 2050], y: [1, 1] } } });
});

const at = variableAtYear;

describe('Peru kerosene phase-out (Kerosene Availability)', () => {
  it('takes domestic kerosene from its 2000 share to zero after the 2010 ban', () => {
    expect(at(bau, 'Fuel Share[diesel,buildings]', 2000)).toBeCloseTo(at(keroseneKept, 'Fuel Share[diesel,buildings]', 2000), 12);
    expect(at(bau, 'Fuel Share[diesel,buildings]', 2004)).toBeLessThan(0.7 * at(bau, 'Fuel Share[diesel,buildings]', 2000));
    for (const y of [2010, 2015, 2030]) expect(at(bau, 'Fuel Share[diesel,buildings]', y)).toBe(0);
    // Without the phase-out, kerosene would still be bought in 2015 (its income elasticity is now 0).
    expect(at(keroseneKept, 'Fuel Share[diesel,buildings]', 2015)).toBeGreaterThan(0.02);
  });

  it('moves the kerosene share to the other fuels: buildings final energy is unchanged, LPG gains', () => {
    // With constant real fuel prices (crude held, World Oil Price Switch 0, and no exchange-rate pass-through in the
    // history) the fuel mix does not move the buildings price index; with the oil price history kerosene (priced
    // like diesel) is dearer than LPG, so dropping it lowers the buildings price index (4 % in 2012) and demand
    // rises a little through the price elasticity (0.6 % in 2012).
    const flat = { 'World Oil Price Switch': 0, 'Pass Through Reference Year': 2023 };
    const bauFlat = model.run({ params: flat });
    const keptFlat = model.run({ params: { ...flat, 'Kerosene Availability': { x: [2000, 2050], y: [1, 1] } } });
    for (const y of [2005, 2012, 2019]) {
      // Equal up to the small feedback of fuel spending on income (relative difference under 1e-4).
      const kept = at(keptFlat, 'Final Energy Demand[buildings]', y);
      expect(Math.abs(at(bauFlat, 'Final Energy Demand[buildings]', y) / kept - 1)).toBeLessThan(1e-4);
      const priceMix = at(bau, 'Final Energy Demand[buildings]', y) / at(keroseneKept, 'Final Energy Demand[buildings]', y) - 1;
      expect(priceMix).toBeGreaterThanOrEqual(0);
      expect(priceMix).toBeLessThan(0.01);
      expect(at(bau, 'Fuel Share[LPG,buildings]', y)).toBeGreaterThan(at(keroseneKept, 'Fuel Share[LPG,buildings]', y));
    }
    // Kerosene emits more per MWh than LPG (74.1 vs 63.1 tCO2/TJ): buildings CO2 is lower with the phase-out.
    expect(at(bau, 'Combustion CO2 by Use[buildings]', 2012)).toBeLessThan(at(keroseneKept, 'Combustion CO2 by Use[buildings]', 2012));
  });
});

describe('Peru oil and gas supply constants', () => {
  it('counts fugitive CO2 as the CAIT-derived factor times primary oil and gas', () => {
    const factor = at(bau, 'Other Energy CO2 Factor', 2010);
    expect(factor).toBeGreaterThan(0.0009);
    expect(factor).toBeLessThan(0.0061);
    for (const y of [2005, 2015]) {
      expect(at(bau, 'Other Energy CO2', y)).toBeCloseTo(factor * (at(bau, 'Primary Oil', y) + at(bau, 'Primary Gas', y)), 9);
    }
  });

  it('adds the LNG plant own use only from its 2010 start, at 7-10 % of a 66 TWh feed', () => {
    expect(at(bau, 'LNG Plant Own Use', 2009)).toBe(0);
    const use = at(bau, 'LNG Plant Own Use', 2012);
    expect(use).toBeGreaterThanOrEqual(0.07 * 66 - 1e-9);
    expect(use).toBeLessThanOrEqual(0.1 * 66 + 1e-9);
  });
});

describe('Peru long-run labour participation', () => {
  it('stays within the 2007-2016 plateau range 0.78-0.84 to 2050', () => {
    expect(at(bau, 'Long Run Participation Rate', 2000)).toBeGreaterThanOrEqual(0.78);
    expect(at(bau, 'Long Run Participation Rate', 2000)).toBeLessThanOrEqual(0.84);
    for (const y of [2030, 2050]) expect(at(bau, 'Participation Rate', y)).toBeLessThanOrEqual(0.84);
  });
});
