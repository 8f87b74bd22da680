/**
 * Issue 10 "credible" target: the long-run own-price elasticity of fuel demand in the recursive
 * Peru run lies in −0.2 … −0.8. Measured (MODEL.md, "Long-run fuel-demand elasticity"): a permanent
 * +10 points of ISC from 2020, no recycling, response in 2040 against the baseline.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fuelElasticity } from './fuel-elasticity.js';
import { loadModelDir } from './model-dir.js';

const DIR = 'models/peru/cge';
const have = existsSync(`${DIR}/model.json`) && existsSync('models/peru/sam/peru-sam-2019-estimated.csv');
describe.skipIf(!have)('long-run own-price elasticity of fuel demand (Peru CGE, recursive 2019–2040)', () => {
  const m = have ? loadModelDir(DIR) : null!;
  for (const fuel of ['c-diesel', 'c-gasoline']) {
    it(`${fuel}: 2040 response to a permanent ISC increase from 2020`, () => {
      const r = fuelElasticity(m, fuel, 0.1, 2020, 2040);
      expect(r.maxWalras).toBeLessThanOrEqual(1e-9);
      expect(r.maxResidual).toBeLessThanOrEqual(1e-9);
      const at = (y: number) => r.elasticity[r.years.indexOf(y)]!;
      // The tax raises the purchaser price and cuts use in every year it is in force.
      expect(r.pricePct[r.years.indexOf(2040)]!).toBeGreaterThan(1);
      expect(r.usePct[r.years.indexOf(2040)]!).toBeLessThan(0);
      // Measured: diesel −0.496 (2020) → −0.544 (2040); gasoline −0.539 → −0.698.
      expect(at(2040)).toBeLessThan(-0.2);
      expect(at(2040)).toBeGreaterThan(-0.8);
      // Le Chatelier: with capital reallocated, demand is more elastic than in the first year.
      expect(at(2040)).toBeLessThan(at(2020));
    });
  }
});
