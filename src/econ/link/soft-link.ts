/**
 * The yearly SD–CGE soft link (issue 10, part 7). Three stages:
 *
 * 1. Reference: the SD model with the link switched on and neutral inputs (identical to its
 *    business as usual).
 * 2. CGE baseline harmonised with the SD reference: each year the CGE's productivity is solved
 *    inside Newton so that its real GDP follows the SD's GDP index (E43) and its labour supply
 *    follows the SD's labour force. Its autonomous energy efficiency (AEEI) keeps the CGE's own
 *    trend (model.json), times the savings of the SD's efficiency policies, in baseline and
 *    scenario alike. The two models' energy trends are not forced together: the CGE's energy grows
 *    about one for one with GDP, the SD's much less, and an AEEI that closed that gap would need
 *    efficiency gains of about 7 % a year (×9 by 2050), which would shrink the energy cost share
 *    and with it the welfare effects of any fuel tax. Total energy demand is therefore compared as
 *    the scenario's change against each model's own reference.
 * 3. Scenario, one year at a time from the CGE base year: the CGE solves the year with the SD's
 *    labour force, emission factors and policy investment; the SD is re-run with the CGE's fuel
 *    price ratios (damped Gauss–Seidel), a GDP feedback factor (quasi-Newton on the unit response
 *    of value added, secant-accelerated) and a scale of its energy price elasticities
 *    (quasi-Newton on the SD's own price effects, secant-accelerated), until real GDP and total
 *    energy demand (as above) agree within the tolerance and the price ratios the SD uses are the CGE's.
 *    The GDP factor is uniform, but it reaches the SD's value added sector by sector
 *    (`CGE Sector Output Feedback[sector]` = factor × the CGE's sector mix): the mix is each SD
 *    sector's change in CGE real output (scenario / baseline of the year, its activities summed)
 *    over the mean of those changes weighted by the SD reference's value added of the year, so the
 *    weighted mean of the sector feedback is the uniform factor and the secant stays scalar. The
 *    SD's household disposable income is multiplied by the CGE's real household income change
 *    beyond its real GDP change (`CGE Household Income Ratio`); both are updated each exchange until
 *    what the SD used is the CGE's result within the price tolerance.
 *    The energy gap is thus closed through the demand's price response (the CGE's, whose
 *    elasticities carry sources), never by changing the CGE's technology in the scenario.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Model } from '../../sd/run/types.js';
import type { LoadedModel } from '../cge/model-dir.js';
import { commitYear, finishRecursive, solveYear, startRecursive, type RecursiveRun, type YearRecord } from '../cge/recursive.js';
import type { Scenario } from '../cge/scenario.js';
import { energyIndex, fuelCommodities, fuelUse, householdIncome, priceRatios, sectorActivities, sectorOutput } from './cge-side.js';
import type { LinkMappingFile } from './mapping.js';
import { normalisedMix, SdSide, sectorFeedback, sectorMix, type SdInputs, type SdYear } from './sd-side.js';

export interface LinkIteration {
  gdpGap: number;
  energyGap: number;
  /** Largest |CGE price ratio − the ratio the SD used|. */
  priceGap: number;
  /** Largest |CGE sector mix or income ratio − the value the SD used|. */
  feedbackGap: number;
}
/** The CGE's sector and household results that act on the SD in one year (final exchange). */
export interface LinkFeedback {
  /** Per SD sector: CGE real output, scenario / baseline. */
  outputRatio: Record<string, number>;
  /** Mean of outputRatio weighted by the SD reference value added of the year. */
  meanOutputRatio: number;
  /** The CGE's real GDP, scenario / baseline. */
  gdpRatio: number;
  /** outputRatio / meanOutputRatio: the CGE's sector mix. */
  mix: Record<string, number>;
  /** SD reference value added by sector (the weights). */
  weights: Record<string, number>;
  /** What the SD used: `CGE Sector Output Feedback[sector]` = gdpFeedback × the mix. */
  sectorFeedback: Record<string, number>;
  /** The CGE's household income by group (nominal, M S/ 2019), scenario and baseline. */
  income: Record<string, { scenario: number; baseline: number }>;
  /** The CGE's CPI, scenario / baseline. */
  cpiRatio: number;
  /** Σ income scenario / Σ baseline / cpiRatio / gdpRatio (the CGE's). */
  incomeRatio: number;
  /** What the SD used as `CGE Household Income Ratio`. */
  sdIncomeRatio: number;
  /** SD household disposable income, linked and reference. */
  sdDisposableIncome: number;
  sdReferenceDisposableIncome: number;
}
export interface LinkYear {
  year: number;
  iterations: number;
  converged: boolean;
  history: LinkIteration[];
  gdpGap: number;
  energyGap: number;
  sd: SdYear;
  sdGdpIndex: number;
  sdEnergyIndex: number;
  cgeGdp: number;
  cgeGdpIndex: number;
  cgeEnergyIndex: number;
  priceRatio: Record<string, number>;
  gdpFeedback: number;
  priceScale: number;
  feedback: LinkFeedback;
  /** The CGE's energy efficiency (AEEI) of the year, the same in baseline and scenario. */
  aeei: number;
  /** Energy index (base year = 1) of the CGE baseline and of the SD reference: their trends are each model's own. */
  cgeBaseEnergyIndex: number;
  sdRefEnergyIndex: number;
}
export interface LinkedRun {
  scenario: Scenario;
  fuels: string[];
  sectors: string[];
  years: LinkYear[];
  baseline: RecursiveRun;
  run: RecursiveRun;
  sdInputs: SdInputs;
  /** SD reference (link neutral) per year. */
  reference: SdYear[];
  sdRuns: number;
  cgeSolves: number;
}

const K_MIN = 0.2, K_MAX = 10;

/** One quasi-Newton step on x for the gap g(x), with a model-based slope; secant when two points agree in sign. */
function step(hist: [number, number][], modelSlope: number): number | null {
  const [x1, g1] = hist[hist.length - 1]!;
  let slope = modelSlope;
  if (hist.length >= 2) {
    const [x0, g0] = hist[hist.length - 2]!;
    const s = (g1 - g0) / (x1 - x0);
    if (x1 !== x0 && Number.isFinite(s) && s * modelSlope > 0) slope = s;
  }
  if (!(Math.abs(slope) > 1e-12)) return null;
  return x1 - g1 / slope;
}

export function runSoftLink(sdModel: Model, cge: LoadedModel, map: LinkMappingFile, scenario: Scenario, endYear: number): LinkedRun {
  const { cal } = cge;
  const y0 = cge.baseYear;
  if (!(endYear >= y0)) throw new InputError('--years', { en: `the end year must be ≥ ${y0}`, es: `el año final debe ser ≥ ${y0}` });
  const fc = fuelCommodities(cal, map);
  const ef = cal.C.map((c) => cge.desc.emissionFactors?.[cal.acc[c]!.code]?.value ?? 0);
  const sd = new SdSide(sdModel, map, fc.map((cs) => cs.some((ci) => ef[ci]! > 0)));
  const fuels = sd.fuels;
  const sectors = sd.sectors;
  const sa = sectorActivities(cal, map);
  const n = endYear - y0 + 1;
  let sdRuns = 0, cgeSolves = 0;
  const runSd = (inp: SdInputs | null, end?: number) => {
    sdRuns++;
    return sd.run(inp, end);
  };
  // 1. Reference.
  const refRun = runSd(null, endYear);
  const reference = Array.from({ length: n }, (_, t) => sd.year(refRun, y0 + t));
  const r0 = reference[0]!;
  const w = r0.energyByFuel;
  const tol = map.tolerance;
  // 2. CGE baseline harmonised with the SD reference in GDP (E43) and labour; its own autonomous energy efficiency.
  const bs = startRecursive(cge, { years: [y0, endYear] });
  const effOf = (t: number, s: SdYear) => (1 + bs.par.gE) ** t / (1 - s.efficiencySavings);
  const baseE: number[] = [];
  let use0: number[] = [];
  let gdp0 = NaN, conv = 0;
  for (let t = 0; t < n; t++) {
    const s = reference[t]!;
    cgeSolves++;
    const rec = solveYear(bs, {
      labourIndex: s.labour / r0.labour,
      emissionFactorIndex: s.co2PerEnergy / r0.co2PerEnergy,
      gdpIndex: s.gdp / r0.gdp,
      energyEfficiency: effOf(t, s),
      greenInvestment: s.policyInvestment * conv,
    });
    if (t === 0) {
      use0 = fuelUse(rec.sol, fc);
      gdp0 = rec.gdp;
      // SD green investment (2007 soles) to SAM units (2019 soles): ratio of the two models' base-year GDP.
      conv = gdp0 / r0.gdp;
    }
    baseE.push(energyIndex(fuelUse(rec.sol, fc), use0, w));
    commitYear(bs, rec);
  }
  const baseline = finishRecursive(bs);
  // 3. Scenario, year by year.
  const inp: SdInputs = {
    firstYear: y0,
    price: Object.fromEntries(fuels.map((f) => [f, new Array<number>(n).fill(1)])),
    gdpFeedback: new Array<number>(n).fill(1),
    sectorRatio: Object.fromEntries(sectors.map((sec) => [sec, new Array<number>(n).fill(1)])),
    weights: reference.map((r) => r.valueAdded),
    incomeRatio: new Array<number>(n).fill(1),
    priceScale: new Array<number>(n).fill(1),
  };
  const cs = startRecursive(cge, { years: [y0, endYear], scenario, tfpPath: baseline.tfpPath, gsavPath: baseline.gsavPath, startFrom: baseline });
  const years: LinkYear[] = [];
  /** Start year t + 1 from year t's SD inputs. */
  const carry = (t: number) => {
    for (const f of fuels) inp.price[f]![t + 1] = inp.price[f]![t]!;
    for (const sec of sectors) inp.sectorRatio[sec]![t + 1] = inp.sectorRatio[sec]![t]!;
    inp.gdpFeedback[t + 1] = inp.gdpFeedback[t]!;
    inp.incomeRatio[t + 1] = inp.incomeRatio[t]!;
    inp.priceScale[t + 1] = inp.priceScale[t]!;
  };
  /** The CGE's sector mix and real household income change of one exchange (see the module note). */
  const feedbackOf = (sc: YearRecord, b: YearRecord, ref: SdYear) => {
    const qs = sectorOutput(sc.sol, sa), qb = sectorOutput(b.sol, sa);
    const ratio = qs.map((q, i) => q / qb[i]!);
    const { mean: meanOutputRatio, mix } = normalisedMix(ratio, ref.valueAdded);
    const gdpRatio = sc.gdp / b.gdp;
    const is = householdIncome(cal, sc.sol), ib = householdIncome(cal, b.sol);
    const tot = (o: Record<string, number>) => Object.values(o).reduce((a, x) => a + x, 0);
    const cpiRatio = sc.sol.st.CPI.v / b.sol.st.CPI.v;
    return {
      outputRatio: Object.fromEntries(sectors.map((sec, i) => [sec, ratio[i]!])),
      meanOutputRatio,
      gdpRatio,
      mix: Object.fromEntries(sectors.map((sec, i) => [sec, mix[i]!])),
      weights: Object.fromEntries(sectors.map((sec, i) => [sec, ref.valueAdded[i]!])),
      income: Object.fromEntries(Object.keys(is).map((h) => [h, { scenario: is[h]!, baseline: ib[h]! }])),
      cpiRatio,
      incomeRatio: tot(is) / tot(ib) / cpiRatio / gdpRatio,
    };
  };
  let sdr = refRun;
  for (let t = 0; t < n; t++) {
    const y = y0 + t;
    const history: LinkIteration[] = [];
    const hPhi: [number, number][] = [];
    const hK: [number, number][] = [];
    let converged = false;
    let rec: YearRecord;
    let s: SdYear;
    let gG: number, gE: number, cgeGdpIdx: number, cgeE: number, p: number[], fb: ReturnType<typeof feedbackOf>;
    for (;;) {
      s = sd.year(sdr, y);
      cgeSolves++;
      rec = solveYear(cs, {
        labourIndex: s.labour / r0.labour,
        emissionFactorIndex: s.co2PerEnergy / r0.co2PerEnergy,
        energyEfficiency: effOf(t, s),
        greenInvestment: s.policyInvestment * conv,
      });
      cgeGdpIdx = rec.gdp / gdp0;
      cgeE = energyIndex(fuelUse(rec.sol, fc), use0, w);
      gG = s.gdp / r0.gdp / cgeGdpIdx - 1;
      // Energy: the scenario's change against each model's own reference (see the module note).
      gE = s.energy / reference[t]!.energy / (cgeE / baseE[t]!) - 1;
      p = priceRatios(rec.sol, baseline.records[t]!.sol, fc);
      const pGap = Math.max(...fuels.map((f, i) => Math.abs(p[i]! - inp.price[f]![t]!)));
      fb = feedbackOf(rec, baseline.records[t]!, reference[t]!);
      const used = sectorMix(inp, t);
      const fbGap = Math.max(Math.abs(fb.incomeRatio - inp.incomeRatio[t]!), ...sectors.map((sec) => Math.abs(fb.mix[sec]! - used[sec]!)));
      history.push({ gdpGap: gG, energyGap: gE, priceGap: pGap, feedbackGap: fbGap });
      if (Math.abs(gG) <= tol && Math.abs(gE) <= tol && pGap <= tol / 5 && fbGap <= tol / 5) {
        converged = true;
        break;
      }
      if (history.length >= map.maxIterations) break;
      // Gauss–Seidel update of the SD's inputs for this year (and, as a start, the next).
      fuels.forEach((f, i) => (inp.price[f]![t] = inp.price[f]![t]! + map.damping * (p[i]! - inp.price[f]![t]!)));
      // The CGE's sector mix and real household income change, as they are (they depend little on the SD).
      for (const sec of sectors) inp.sectorRatio[sec]![t] = fb.outputRatio[sec]!;
      inp.incomeRatio[t] = fb.incomeRatio;
      // GDP: value added is proportional to the feedback factor (d gap / d ln φ ≈ 1 + gap).
      const phi = inp.gdpFeedback[t]!;
      hPhi.push([Math.log(phi), gG]);
      const nPhi = step(hPhi, 1 + gG);
      if (nPhi !== null) inp.gdpFeedback[t] = Math.exp(nPhi);
      // Energy: the SD's price effects are P^(−ε·k), so d ln E / d k = (energy-weighted log price effect) / k.
      const k = inp.priceScale[t]!;
      hK.push([k, gE]);
      const nK = Math.abs(s.logPriceEffect) > 1e-9 ? step(hK, ((1 + gE) * s.logPriceEffect) / k) : null;
      if (nK !== null) inp.priceScale[t] = Math.min(K_MAX, Math.max(K_MIN, nK));
      if (t + 1 < n) carry(t);
      sdr = runSd(inp, Math.min(y + 1, endYear));
    }
    commitYear(cs, rec);
    const feedback: LinkFeedback = {
      ...fb!,
      sectorFeedback: Object.fromEntries(sectors.map((sec) => [sec, sectorFeedback(inp, sec, t)])),
      sdIncomeRatio: inp.incomeRatio[t]!,
      sdDisposableIncome: s.disposableIncome,
      sdReferenceDisposableIncome: reference[t]!.disposableIncome,
    };
    years.push({
      year: y,
      iterations: history.length,
      converged,
      history,
      gdpGap: gG,
      energyGap: gE,
      sd: s,
      sdGdpIndex: s.gdp / r0.gdp,
      sdEnergyIndex: s.energy / r0.energy,
      cgeGdp: rec.gdp,
      cgeGdpIndex: cgeGdpIdx,
      cgeEnergyIndex: cgeE,
      priceRatio: Object.fromEntries(fuels.map((f, i) => [f, p[i]!])),
      gdpFeedback: inp.gdpFeedback[t]!,
      priceScale: inp.priceScale[t]!,
      feedback,
      aeei: effOf(t, s!),
      cgeBaseEnergyIndex: baseE[t]!,
      sdRefEnergyIndex: reference[t]!.energy / r0.energy,
    });
    // Start the next year from this year's inputs (the last SD run already covers it with them).
    if (t + 1 < n) {
      carry(t);
      if (sdr.time[sdr.time.length - 1]! < y + 1) sdr = runSd(inp, Math.min(y + 1, endYear));
    }
  }
  return { scenario, fuels, sectors, years, baseline, run: finishRecursive(cs), sdInputs: inp, reference, sdRuns, cgeSolves };
}
