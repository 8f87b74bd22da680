/**
 * The CGE side of the link: real use of each linked fuel, the total energy demand in the SD's
 * units (each fuel's use relative to the base year, weighted by the SD's base-year energy of that
 * fuel, so both models' totals cover the same fuels and weigh them alike), and purchaser-price
 * ratios scenario / baseline per SD fuel.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Calibration } from '../cge/calibrate.js';
import type { Solution } from '../cge/solve.js';
import type { LinkMappingFile } from './mapping.js';

const sum = (xs: { v: number }[]) => xs.reduce((s, d) => s + d.v, 0);

/** Commodity positions (in cal.C) of each SD fuel, in the mapping's order. */
export function fuelCommodities(cal: Calibration, map: LinkMappingFile): number[][] {
  const pos = new Map(cal.C.map((c, i) => [cal.acc[c]!.code, i]));
  return Object.entries(map.fuels).map(([f, v]) =>
    v.commodities.map((code) => {
      const i = pos.get(code);
      if (i === undefined || !cal.isEnergy[i]) throw new InputError(`${map.file}: fuels.${f}.commodities`, { en: `"${code}" is not an energy commodity of the SAM`, es: `"${code}" no es un bien energético de la MCS` });
      return i;
    }),
  );
}

/** Real use (intermediate, household, government, enterprise) of a commodity. */
export function commodityUse(sol: Solution, ci: number): number {
  const st = sol.st;
  return sum(st.QEN[ci]!) + sum(st.QH[ci]!) + sum(st.QG[ci]!) + sum(st.QENT[ci]!);
}

export const fuelUse = (sol: Solution, fc: number[][]): number[] => fc.map((cs) => cs.reduce((s, ci) => s + commodityUse(sol, ci), 0));

/** Energy index: Σ w_f·u_f/u0_f / Σ w_f (w: SD base-year energy by fuel, u0: CGE base-year use). */
export function energyIndex(use: number[], use0: number[], w: number[]): number {
  const tot = w.reduce((s, x) => s + x, 0);
  return use.reduce((s, u, f) => s + (w[f]! * u) / use0[f]!, 0) / tot;
}

/** Purchaser price of each fuel in `sol` relative to `base` (baseline-use weights when a fuel has several commodities). */
export function priceRatios(sol: Solution, base: Solution, fc: number[][]): number[] {
  return fc.map((cs) => {
    let num = 0, den = 0;
    for (const ci of cs) {
      const q = commodityUse(base, ci);
      num += sol.st.PQ[ci]!.v * q;
      den += base.st.PQ[ci]!.v * q;
    }
    return num / den;
  });
}

/** Activity positions (in cal.A) of each SD sector, in the mapping's order; every SAM activity must be in one sector. */
export function sectorActivities(cal: Calibration, map: LinkMappingFile): number[][] {
  const pos = new Map(cal.A.map((a, i) => [cal.acc[a]!.code, i]));
  const out = Object.entries(map.sectors).map(([s, v]) =>
    v.activities.map((code) => {
      const i = pos.get(code);
      if (i === undefined) throw new InputError(`${map.file}: sectors.${s}.activities`, { en: `"${code}" is not a SAM activity`, es: `"${code}" no es una actividad de la MCS` });
      return i;
    }),
  );
  const covered = new Set(out.flat());
  const missing = cal.A.map((a, i) => (covered.has(i) ? '' : cal.acc[a]!.code)).filter((c) => c);
  if (missing.length) throw new InputError(`${map.file}: sectors`, { en: `SAM activities without an SD sector: ${missing.join(', ')}`, es: `actividades de la MCS sin sector del SD: ${missing.join(', ')}` });
  return out;
}

/** Real gross output (base-year prices, PA0 = 1) of each SD sector: the sum of its activities' QA. */
export const sectorOutput = (sol: Solution, sa: number[][]): number[] => sa.map((as) => as.reduce((s, ai) => s + sol.st.QA[ai]!.v, 0));

/** Nominal income of each household group (YI), by SAM code. */
export function householdIncome(cal: Calibration, sol: Solution): Record<string, number> {
  const out: Record<string, number> = {};
  cal.INS.forEach((h, ii) => {
    if (cal.acc[h]!.type === 'household') out[cal.acc[h]!.code] = sol.st.YI[ii]!.v;
  });
  return out;
}
