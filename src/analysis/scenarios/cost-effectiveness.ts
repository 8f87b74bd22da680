/**
 * What each scenario costs and what it buys, against a reference run (business as usual): the
 * public cost summed over the policy years, the GHG avoided over the same years, soles per tonne of
 * CO2e avoided and soles per additional job-year. A scenario that avoids no emissions or adds no
 * jobs gets no ratio (undefined), not a negative or infinite one.
 *
 * Units follow the model: cost in million soles per year (MSoles/Year), emissions in MtCO2e per
 * year, so cost / avoided is directly soles per tCO2e (10^6 soles / 10^6 t).
 */
import type { ScenarioRun } from './run.js';
import { valueAtYear } from './run.js';

export interface CostEffectivenessOptions {
  from: number;
  to: number;
  /** Model variable with the yearly public cost of the policies (MSoles/Year). */
  cost: string;
  /** Model variable with total GHG emissions (MtCO2e/Year). */
  ghg: string;
  /** Model variable with total employment (persons). */
  jobs: string;
}

export const PERU_COST_OPTIONS: CostEffectivenessOptions = { from: 2025, to: 2050, cost: 'Policy Public Cost', ghg: 'Total GHG Emissions', jobs: 'Employment' };

export interface CostEffectivenessRow {
  scenario: string;
  /** Public cost summed over the years, million soles (of the model's price base). */
  cost: number;
  /** GHG avoided against the reference, summed over the years, MtCO2e. */
  ghgAvoided: number;
  /** Additional employment against the reference, summed over the years, job-years. */
  jobYears: number;
  solesPerTonne?: number;
  solesPerJobYear?: number;
}

function sumOver(run: ScenarioRun, name: string, from: number, to: number): number | undefined {
  const s = run.result.get(name);
  if (!s) return undefined;
  let total = 0;
  for (let y = from; y <= to; y++) total += valueAtYear(run.result, s, y);
  return total;
}

/** One row per run except the reference; empty when the model has no cost variable. */
export function costEffectiveness(runs: ScenarioRun[], reference: string, o: CostEffectivenessOptions = PERU_COST_OPTIONS): CostEffectivenessRow[] {
  const ref = runs.find((r) => r.scenario.name === reference);
  if (!ref || !ref.result.get(o.cost)) return [];
  const refGhg = sumOver(ref, o.ghg, o.from, o.to) ?? NaN;
  const refJobs = sumOver(ref, o.jobs, o.from, o.to) ?? NaN;
  const refCost = sumOver(ref, o.cost, o.from, o.to) ?? 0;
  return runs
    .filter((r) => r !== ref)
    .map((r) => {
      const cost = (sumOver(r, o.cost, o.from, o.to) ?? NaN) - refCost;
      const ghgAvoided = refGhg - (sumOver(r, o.ghg, o.from, o.to) ?? NaN);
      const jobYears = (sumOver(r, o.jobs, o.from, o.to) ?? NaN) - refJobs;
      return {
        scenario: r.scenario.name,
        cost,
        ghgAvoided,
        jobYears,
        solesPerTonne: ghgAvoided > 1e-9 && cost > 0 ? cost / ghgAvoided : undefined,
        solesPerJobYear: jobYears > 0.5 && cost > 0 ? (cost * 1e6) / jobYears : undefined,
      };
    });
}
