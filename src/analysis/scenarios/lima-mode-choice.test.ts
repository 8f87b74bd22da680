/**
 * Lima-Callao mode choice (issue 11): a multinomial logit on the generalised cost per trip (money +
 * value of time × door-to-door time) splits Lima passenger-km between car, bus and mass transit;
 * mass transit is capped by the capacity in service and what does not fit stays on car and bus in
 * proportion. Checks the base-year calibration, the fuel-price response against the stated cost
 * sensitivity and the capacity cap.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const LIMA = 'Lima Callao';
let model: Model;
let bau: RunResult;
beforeAll(() => {
  model = loadModel(join(process.cwd(), 'models', 'peru', 'peru.mdl'));
  bau = model.run();
});
const share = (r: RunResult, mode: string, y: number) => at(r, `Mode Share[${LIMA},${mode}]`, y);

describe('Lima mode choice: logit on generalised cost, capped by mass transit capacity', () => {
  it('reproduces the 2012 base shares the mode constants were calibrated to', () => {
    // Base shares stated in the note of `Lima Car Mode Constant` (car 0.282, bus 0.598, mass transit 0.120).
    expect(at(bau, 'Lima Logit Share[car]', 2012)).toBeCloseTo(0.282, 3);
    expect(at(bau, 'Lima Logit Share[bus]', 2012)).toBeCloseTo(0.598, 3);
    expect(at(bau, 'Lima Logit Share[mass transit]', 2012)).toBeCloseTo(0.12, 3);
    expect(at(bau, 'Lima Logit Share[motorcycle]', 2012)).toBe(0);
  });

  it('the realised split keeps the logit car/bus ratio and sums to one', () => {
    for (const y of [2005, 2012, 2030, 2050]) {
      const sum = ['car', 'bus', 'mass transit', 'motorcycle'].reduce((s, m) => s + share(bau, m, y), 0);
      expect(sum).toBeCloseTo(1, 12);
      expect(share(bau, 'car', y) / share(bau, 'bus', y))
        .toBeCloseTo(at(bau, 'Lima Logit Share[car]', y) / at(bau, 'Lima Logit Share[bus]', y), 10);
    }
    // Before the Metropolitano (2010) there is no capacity: no mass transit at all.
    expect(share(bau, 'mass transit', 2005)).toBe(0);
  });

  it('a fuel price rise lowers the car share by about beta × extra fuel cost × (1 − car share of car+bus)', () => {
    // World prices 30 % higher from 2000 on: the pre-tax part of every fuel price rises.
    const r = model.run({ params: { 'World Energy Price Index': 1.3 } });
    const y = 2035;
    const dFuel = at(r, 'Lima Car Fuel Cost per Trip', y) - at(bau, 'Lima Car Fuel Cost per Trip', y);
    expect(dFuel).toBeGreaterThan(0.05);
    expect(share(r, 'car', y)).toBeLessThan(share(bau, 'car', y));
    // In the capped regime car and bus share what mass transit leaves, so the log ratio car/bus moves by
    // −beta × Δ(cost car − cost bus) + income term: check it against the stated sensitivity.
    const beta = at(bau, 'Mode Cost Sensitivity', y);
    const gamma = at(bau, 'Car Income Elasticity', y);
    const lr = (x: RunResult) => Math.log(share(x, 'car', y) / share(x, 'bus', y));
    const dCost = (at(r, 'Lima Car Generalised Cost', y) - at(bau, 'Lima Car Generalised Cost', y))
      - (at(r, 'Lima Bus Generalised Cost', y) - at(bau, 'Lima Bus Generalised Cost', y));
    const dIncome = Math.log(at(r, 'Perceived Relative Income', y) / at(bau, 'Perceived Relative Income', y));
    expect(lr(r) - lr(bau)).toBeCloseTo(-beta * dCost + gamma * dIncome, 9);
    // First-order size from the fuel cost alone. The run moves a bit more (ratio about 1.4 in 2035):
    // less car traffic relieves congestion and the slower bus gains more time than the car, and the
    // full mass transit lines take a larger share of the lower total demand.
    const carOfCarBus = share(bau, 'car', y) / (share(bau, 'car', y) + share(bau, 'bus', y));
    const expected = -beta * dFuel * (1 - carOfCarBus);
    const measured = Math.log(share(r, 'car', y) / share(bau, 'car', y));
    expect(measured).toBeLessThan(0);
    expect(measured / expected).toBeGreaterThan(1);
    expect(measured / expected).toBeLessThan(1.6);
  });

  it('more transit capacity raises its share only while demand exceeds capacity', () => {
    const timing = { 'Policy Start Year[urban transport]': 2025, 'Policy Ramp Years[urban transport]': 10 };
    const y = 2045;
    const wanted = (r: RunResult) => (1 - at(r, 'Lima Motorcycle Share', y)) * at(r, 'Lima Logit Share[mass transit]', y);
    // Business as usual: the lines in service are full (share below what travellers would choose).
    expect(at(bau, `Mass Transit Share[${LIMA}]`, y)).toBeLessThan(wanted(bau) - 0.01);
    const some = model.run({ params: { ...timing, 'Mass Transit Investment Budget': 1000 } });
    expect(at(some, `Mass Transit Share[${LIMA}]`, y)).toBeGreaterThan(at(bau, `Mass Transit Share[${LIMA}]`, y));
    // A very large programme builds more than travellers want: the share is the logit's and more money adds nothing.
    const big = model.run({ params: { ...timing, 'Mass Transit Investment Budget': 20000 } });
    const bigger = model.run({ params: { ...timing, 'Mass Transit Investment Budget': 40000 } });
    expect(at(big, 'Mass Transit Capacity', y)).toBeGreaterThan(wanted(big) * at(big, `Passenger km Demand[${LIMA}]`, y));
    expect(at(big, `Mass Transit Share[${LIMA}]`, y)).toBeCloseTo(wanted(big), 12);
    // Doubling the money again moves the share only through the income effect of charging the
    // spending to the public accounts: under 1 % of what the first 1 000 M soles a year did.
    const firstStep = at(some, `Mass Transit Share[${LIMA}]`, y) - at(bau, `Mass Transit Share[${LIMA}]`, y);
    const lastStep = at(bigger, `Mass Transit Share[${LIMA}]`, y) - at(big, `Mass Transit Share[${LIMA}]`, y);
    expect(Math.abs(lastStep)).toBeLessThan(0.01 * firstStep);
  });

  it('car traffic raises congestion, which raises the car and bus cost but not the mass transit cost', () => {
    expect(at(bau, 'Lima Congestion Index', 2030)).toBeGreaterThan(at(bau, 'Lima Congestion Index', 2012));
    expect(at(bau, 'Lima Mass Transit Generalised Cost', 2030)).toBeCloseTo(at(bau, 'Lima Mass Transit Generalised Cost', 2012), 12);
    const slow = model.run({ params: { 'Congestion Time Elasticity': 1 } });
    expect(at(slow, 'Lima Bus Generalised Cost', 2030)).toBeGreaterThan(at(bau, 'Lima Bus Generalised Cost', 2030));
  });
});
