/**
 * Long-run own-price elasticity of fuel demand from the recursive run (issue 10, "credible"
 * target): a permanent increase of one fuel's ISC rate from `start` on, no revenue recycling,
 * against the baseline of the same paths. In a year t the elasticity is
 * ε_t = ln(use_scenario / use_baseline) / ln(PQ_scenario / PQ_baseline), where `use` is the
 * domestic use of the fuel (energy-bundle demand of all activities, households, government and
 * enterprises) and PQ its purchaser price. In the start year capital is still where the baseline
 * put it (short run); by the end year it has been reallocated by relative profitability (E41).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { LoadedModel } from './model-dir.js';
import { runRecursive } from './recursive.js';
import type { Scenario } from './scenario.js';
import type { Solution } from './solve.js';

export interface FuelElasticity {
  fuel: string;
  years: number[];
  /** ε_t per year (NaN before the tax starts). */
  elasticity: number[];
  /** % change of the fuel's purchaser price and domestic use against the baseline, per year. */
  pricePct: number[];
  usePct: number[];
  /** Largest Walras slack and residual over every year of both runs (target c: ≤ 1e-9). */
  maxWalras: number;
  maxResidual: number;
}

const use = (s: Solution, ci: number) => [...s.st.QEN[ci]!, ...s.st.QH[ci]!, ...s.st.QG[ci]!, ...s.st.QENT[ci]!].reduce((a, d) => a + d.v, 0);

export function fuelElasticity(model: LoadedModel, fuel: string, rateIncrease: number, start: number, end: number): FuelElasticity {
  const { cal } = model;
  const ci = cal.C.findIndex((c) => cal.acc[c]!.code === fuel);
  if (ci < 0) throw new InputError(model.dir, { en: `unknown fuel commodity "${fuel}"`, es: `combustible desconocido "${fuel}"` });
  const scenario: Scenario = {
    name: `isc-${fuel}-permanent`,
    file: '(fuel-elasticity)',
    recycling: 'none',
    closure: {},
    measures: [{ type: 'fuel-subsidy-removal', start, rampYears: 1, rates: { [fuel]: { value: rateIncrease, source: 'Supuesto: shock de medición' } } }],
  };
  const years: [number, number] = [model.baseYear, end];
  const base = runRecursive(model, { years });
  const run = runRecursive(model, { years, scenario, tfpPath: base.tfpPath, gsavPath: base.gsavPath, startFrom: base });
  const recs = [...base.records, ...run.records];
  const out: FuelElasticity = {
    fuel, years: base.years, elasticity: [], pricePct: [], usePct: [],
    maxWalras: Math.max(...recs.map((r) => r.sol.walras)),
    maxResidual: Math.max(...recs.map((r) => r.sol.maxResidual)),
  };
  base.records.forEach((b, t) => {
    const s = run.records[t]!;
    const p = s.sol.st.PQ[ci]!.v / b.sol.st.PQ[ci]!.v;
    const q = use(s.sol, ci) / use(b.sol, ci);
    out.pricePct.push(100 * (p - 1));
    out.usePct.push(100 * (q - 1));
    out.elasticity.push(b.year >= start ? Math.log(q) / Math.log(p) : NaN);
  });
  return out;
}
