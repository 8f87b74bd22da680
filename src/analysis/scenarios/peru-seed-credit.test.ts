/**
 * Seed credit channel of the Peru model (peru.mdl, group "Seed credit"): a lending line for certified
 * seed gives farmers credit at an average loan size, a share of the borrowers adopts, and the state pays
 * the defaults, the interest subsidy and the administration through Programme Spending[seed credit].
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { Model, RunResult } from '../../sd/run/types.js';
import { variableAtYear as at } from './run.js';

const TIMING = { 'Policy Start Year[agri policy]': 2025, 'Policy Ramp Years[agri policy]': 8 };
const SEED = { ...TIMING, 'Certified Seed Programme Budget': 400 };
const LENDING = 300;

let model: Model;
let seedOnly: RunResult;
let withCredit: RunResult;

beforeAll(() => {
  model = loadModel(join(process.cwd(), 'models', 'peru', 'peru.mdl'));
  seedOnly = model.run({ params: SEED });
  withCredit = model.run({ params: { ...SEED, 'Seed Credit Budget': LENDING } });
});

describe('seed credit: zero budget, zero effect', () => {
  it('with no lending, the credit costs and parameters change nothing in any series', () => {
    const r = model.run({ params: { ...SEED, 'Seed Credit Budget': 0, 'Average Seed Loan': 2000, 'Seed Credit Default Rate': 0.5, 'Seed Credit Cost per Borrower': 5000, 'Seed Adoption per Borrower': 1 } });
    let compared = 0;
    const differing: string[] = [];
    for (const name of seedOnly.names) {
      const a = seedOnly.get(name)!;
      const b = r.get(name);
      if (!b || /^(average seed loan|seed credit default rate|seed credit cost per borrower|seed adoption per borrower)$/i.test(name)) continue;
      if (Array.from(a).some((v, i) => !Object.is(v, b[i]))) differing.push(name);
      compared++;
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(500);
    expect(at(r, 'Programme Spending[seed credit]', 2040)).toBe(0);
  });
});

describe('seed credit: lending → borrowers → faster adoption, at a fiscal cost', () => {
  it('reaches borrowers at the average loan size', () => {
    expect(at(withCredit, 'Farmers with Seed Credit Access', 2040)).toBeCloseTo(LENDING * 1e6 / 4740, 3);
    expect(at(withCredit, 'Seed Credit Coverage', 2040)).toBeCloseTo(LENDING * 1e6 / 4740 / 2.26097e6, 9);
  });

  it('raises adoption, yields and farm output over the seed programme alone', () => {
    for (const y of [2030, 2035, 2045]) {
      expect(at(withCredit, 'Seed Programme Adopters', y), String(y)).toBeGreaterThan(at(seedOnly, 'Seed Programme Adopters', y));
    }
    expect(at(withCredit, 'Certified Seed Adoption', 2035)).toBeGreaterThan(at(seedOnly, 'Certified Seed Adoption', 2035) + 0.005);
    expect(at(withCredit, 'Certified Seed Adoption', 2050)).toBeLessThanOrEqual(0.6);
    expect(at(withCredit, 'Land Yield Index', 2040)).toBeGreaterThan(at(seedOnly, 'Land Yield Index', 2040));
    expect(at(withCredit, 'Value Added[agriculture]', 2040)).toBeGreaterThan(at(seedOnly, 'Value Added[agriculture]', 2040));
  });

  it('works on its own: credit without extension still starts adoption (then imitation)', () => {
    const alone = model.run({ params: { ...TIMING, 'Seed Credit Budget': LENDING } });
    expect(at(alone, 'Seed Programme Adopters', 2035)).toBeGreaterThan(0);
    const noImitation = model.run({ params: { ...TIMING, 'Seed Credit Budget': LENDING, 'Seed Imitation Coefficient': 0 } });
    expect(at(noImitation, 'Seed Programme Adopters', 2035)).toBeLessThan(at(alone, 'Seed Programme Adopters', 2035));
  });

  it('costs the defaults, the interest subsidy over the funding cost and the administration per borrower', () => {
    const y = 2040;
    const borrowers = LENDING * 1e6 / 4740;
    const expected = LENDING * 0.06 + LENDING * 1 * (0.06 - 0.035) + borrowers * 600 / 1e6;
    expect(at(withCredit, 'Seed Credit Public Cost', y)).toBeCloseTo(expected, 6);
    expect(at(withCredit, 'Programme Spending[seed credit]', y)).toBeCloseTo(expected, 6);
    // Charged to the public accounts like the other programmes: total spending and the policy cost rise by it.
    expect(at(withCredit, 'Total Programme Spending', y) - at(seedOnly, 'Total Programme Spending', y)).toBeCloseTo(expected, 6);
    expect(at(withCredit, 'Policy Public Cost', y)).toBeGreaterThan(at(seedOnly, 'Policy Public Cost', y) + 0.99 * expected);
    const debt = model.run({ params: { ...SEED, 'Seed Credit Budget': LENDING, 'Programme Debt Share': 1 } });
    const debtSeedOnly = model.run({ params: { ...SEED, 'Programme Debt Share': 1 } });
    expect(at(debt, 'Public Debt', y)).toBeGreaterThan(at(debtSeedOnly, 'Public Debt', y));
  });

  it('riskier lending costs more for the same adoption; larger loans reach fewer farmers', () => {
    const risky = model.run({ params: { ...SEED, 'Seed Credit Budget': LENDING, 'Seed Credit Default Rate': 0.12 } });
    expect(at(risky, 'Seed Credit Public Cost', 2040)).toBeCloseTo(at(withCredit, 'Seed Credit Public Cost', 2040) + LENDING * 0.06, 6);
    expect(at(risky, 'Seed Programme Adopters', 2040)).toBeCloseTo(at(withCredit, 'Seed Programme Adopters', 2040), 0);
    const large = model.run({ params: { ...SEED, 'Seed Credit Budget': LENDING, 'Average Seed Loan': 7500 } });
    expect(at(large, 'Certified Seed Adoption', 2035)).toBeLessThan(at(withCredit, 'Certified Seed Adoption', 2035));
  });
});
