/**
 * The SD side of the link: the per-year inputs the CGE writes into the SD model (as lookup
 * overrides of `CGE Fuel Price Ratio[fuel]`, `CGE Sector Output Feedback[sector]` (the uniform GDP
 * factor times the CGE's sector mix), `CGE Household Income Ratio`, `CGE Price Response Scale`, with
 * `CGE Link Switch` = 1), one run of the compiled model up to a year, and the quantities the link
 * reads from it for a year.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { LookupOverride, Model, RunResult } from '../../sd/run/types.js';
import type { LinkMappingFile } from './mapping.js';

/** The CGE-set SD inputs per year (index = year − first year); 1 = no effect. */
export interface SdInputs {
  firstYear: number;
  price: Record<string, number[]>;
  /** The uniform GDP factor the secant iterates (the value-added-weighted mean of the sector feedback). */
  gdpFeedback: number[];
  /** The CGE's real output per SD sector, scenario / baseline of the year. */
  sectorRatio: Record<string, number[]>;
  /** Per year, the SD reference's value added per sector (mapping order): the weights of the sector mix. */
  weights: number[][];
  incomeRatio: number[];
  priceScale: number[];
}

/**
 * The CGE's sector mix of year index t: each sector's output ratio over their mean weighted by the
 * SD reference's value added of that year (so the weighted mean of the mix is 1 in every year).
 */
export function sectorMix(inp: SdInputs, t: number): Record<string, number> {
  const secs = Object.keys(inp.sectorRatio);
  const { mix } = normalisedMix(secs.map((sec) => inp.sectorRatio[sec]![t]!), inp.weights[t]!);
  return Object.fromEntries(secs.map((sec, i) => [sec, mix[i]!]));
}

/** Sector output ratios over their mean weighted by value added: the mix whose weighted mean is 1. */
export function normalisedMix(ratio: number[], weights: number[]): { mean: number; mix: number[] } {
  const mean = ratio.reduce((a, x, i) => a + x * weights[i]!, 0) / weights.reduce((a, x) => a + x, 0);
  return { mean, mix: ratio.map((x) => x / mean) };
}

/** `CGE Sector Output Feedback[sector]` of year index t: the uniform GDP factor times the CGE's sector mix. */
export const sectorFeedback = (inp: SdInputs, sector: string, t: number): number => inp.gdpFeedback[t]! * sectorMix(inp, t)[sector]!;

export interface SdYear {
  gdp: number;
  /** Final energy of the linked fuels (TWh/yr), total and by fuel in the mapping's order. */
  energy: number;
  energyByFuel: number[];
  labour: number;
  population: number;
  policyInvestment: number;
  /** Energy savings from the SD's efficiency policies (fraction). */
  efficiencySavings: number;
  /** Combustion CO2 per MWh of linked fuels with a CGE emission factor (tCO2/MWh). */
  co2PerEnergy: number;
  co2: number;
  /** Real value added by SD sector, in the mapping's order (the SD's own units). */
  valueAdded: number[];
  disposableIncome: number;
  /** Energy-weighted log of the SD's price effects on aggregate demand (0 = no price effect). */
  logPriceEffect: number;
}

const PRICE_EFFECT = ['Energy Price Effect[industry]', 'Energy Price Effect[buildings]', 'Transport Price Effect'];
const USE_OF_EFFECT = ['industry', 'buildings', 'transport'];

export class SdSide {
  readonly fuels: string[];
  readonly sectors: string[];
  private readonly vaCols: string[];
  private readonly columns: string[];
  private readonly energyCols: string[][];
  private readonly useEnergyCols: string[][];
  private readonly switchName = 'CGE Link Switch';

  constructor(
    readonly model: Model,
    readonly map: LinkMappingFile,
    /** SD fuels whose CGE commodities carry an emission factor. */
    readonly fossil: boolean[],
  ) {
    this.fuels = Object.keys(map.fuels);
    this.sectors = Object.keys(map.sectors);
    const vaVar = map.sd.valueAdded.sd;
    this.vaCols = this.sectors.map((sec) => {
      const col = model.outputNames.find((n) => n.toLowerCase() === `${vaVar}[${sec}]`.toLowerCase());
      if (!col) throw new InputError(`${map.file}: sectors.${sec}`, { en: `is not an element of "${vaVar}" in the SD model`, es: `no es un elemento de "${vaVar}" en el modelo SD` });
      return col;
    });
    const names = new Set(model.outputNames.map((n) => n.toLowerCase()));
    const energyVar = map.sd.energy.sd;
    const arr = model.outputNames.filter((n) => n.toLowerCase().startsWith(energyVar.toLowerCase() + '['));
    const parse = (n: string) => n.slice(energyVar.length + 1, -1).split(',').map((s) => s.trim());
    for (const f of this.fuels) if (!arr.some((n) => parse(n)[0]!.toLowerCase() === f.toLowerCase())) throw new InputError(`${map.file}: fuels.${f}`, { en: `is not an element of "${energyVar}" in the SD model`, es: `no es un elemento de "${energyVar}" en el modelo SD` });
    this.energyCols = this.fuels.map((f) => arr.filter((n) => parse(n)[0]!.toLowerCase() === f.toLowerCase()));
    this.useEnergyCols = USE_OF_EFFECT.map((u) => arr.filter((n) => parse(n)[1]!.toLowerCase() === u && this.fuels.some((f) => f.toLowerCase() === parse(n)[0]!.toLowerCase())));
    for (const [role, e] of Object.entries(map.sd)) {
      const v = e.sd.toLowerCase();
      if (!names.has(v) && !model.outputNames.some((n) => n.toLowerCase().startsWith(v + '['))) throw new InputError(`${map.file}: sdToCge ${role}.sd`, { en: `"${e.sd}" is not a variable of the SD model (${map.sdModel})`, es: `"${e.sd}" no es una variable del modelo SD (${map.sdModel})` });
    }
    for (const n of [this.switchName, ...PRICE_EFFECT]) if (!names.has(n.toLowerCase())) throw new InputError(map.sdModel, { en: `the CGE link variable "${n}" is missing`, es: `falta la variable "${n}" del enlace con el CGE` });
    const s = map.sd;
    this.columns = [s.gdp.sd, s.labourIndex.sd, s.population.sd, s.policyInvestment.sd, s.co2.sd, energyVar, s.emissionFactorIndex.sd, s.energyEfficiency.sd, s.valueAdded.sd, s.disposableIncome.sd, ...PRICE_EFFECT];
  }

  /** Overrides that turn the link on with the given inputs (years before the first hold 1). */
  params(inp: SdInputs): Record<string, number | LookupOverride> {
    const x = [inp.firstYear - 1, ...inp.gdpFeedback.map((_, i) => inp.firstYear + i)];
    const look = (ys: number[]): LookupOverride => ({ x, y: [1, ...ys] });
    const p: Record<string, number | LookupOverride> = { [this.switchName]: 1 };
    for (const f of this.fuels) p[`${this.map.cge.fuelPriceRatio.sd!}[${f}]`] = look(inp.price[f]!);
    for (const sec of this.sectors) p[`${this.map.cge.sectorOutput.sd!}[${sec}]`] = look(inp.gdpFeedback.map((_, t) => sectorFeedback(inp, sec, t)));
    p[this.map.cge.householdIncome.sd!] = look(inp.incomeRatio);
    p[this.map.cge.priceResponseScale.sd!] = look(inp.priceScale);
    return p;
  }

  run(inp: SdInputs | null, end?: number): RunResult {
    return this.model.run({ columns: this.columns, params: inp ? this.params(inp) : { [this.switchName]: 1 }, end });
  }

  year(r: RunResult, year: number): SdYear {
    const i = Array.prototype.indexOf.call(r.time, year) as number;
    if (i < 0) throw new InputError(this.map.sdModel, { en: `the SD run has no year ${year}`, es: `la corrida SD no tiene el año ${year}` });
    const at = (n: string) => r.get(n)?.[i] ?? NaN;
    const sumOf = (cols: string[]) => cols.reduce((s, c) => s + at(c), 0);
    const energyByFuel = this.energyCols.map(sumOf);
    const energy = energyByFuel.reduce((s, x) => s + x, 0);
    const fossilE = energyByFuel.reduce((s, x, f) => s + (this.fossil[f] ? x : 0), 0);
    const co2Cols = r.names.filter((n) => n.toLowerCase().startsWith(this.map.sd.emissionFactorIndex.sd.toLowerCase() + '['));
    const useE = this.useEnergyCols.map(sumOf);
    const logPriceEffect = PRICE_EFFECT.reduce((s, n, u) => s + (useE[u]! / energy) * Math.log(at(n)), 0);
    return {
      gdp: at(this.map.sd.gdp.sd),
      energy,
      energyByFuel,
      labour: at(this.map.sd.labourIndex.sd),
      population: at(this.map.sd.population.sd),
      policyInvestment: at(this.map.sd.policyInvestment.sd),
      efficiencySavings: at(this.map.sd.energyEfficiency.sd),
      co2PerEnergy: sumOf(co2Cols) / fossilE,
      co2: at(this.map.sd.co2.sd),
      valueAdded: this.vaCols.map(at),
      disposableIncome: at(this.map.sd.disposableIncome.sd),
      logPriceEffect,
    };
  }
}
