/**
 * From a simulator lever set (the SD model's constants) to a CGE scenario. The SD model and the CGE
 * describe the same fuel-tax policies in different units, so the link is a named assumption, set
 * in the CGE folder's web.json (`levers`), and reported with every result:
 *
 * - ISC reform: the SD lever `reform` (0–1) is how far the ISC moves from today's rates to the
 *   harmfulness-index rates; the CGE applies the index measure of the `template` scenario with that
 *   `scale`. The template's ad valorem rate per index point stands for the SD reform at its default
 *   excise per harmfulness point (`perPoint`, soles/MWh per point); other values scale it in
 *   proportion (rate per index = template rate × perPoint / perPoint's reference value).
 * - Carbon price: the SD price (soles per tCO2) is the CGE carbon tax per tonne.
 * - Timetable: both follow the SD fuel-tax policy's start and ramp. The SD ramp reaches 1/ramp one
 *   year after its start; the CGE phase reaches 1/ramp in its start year, so the CGE starts one year
 *   later to match.
 * - Revenue use: the SD earmarks a share of the revenue for the energy transition; the CGE recycles
 *   all or nothing through one instrument. A share of one half or more is green public investment,
 *   less keeps the revenue in the budget (no recycling, the deficit falls): the larger part decides.
 *   A request may name the recycling instead.
 * Levers the mapping does not name do not reach the CGE (its own baseline dynamics are used).
 */
import { InputError, type BilingualText } from '../../sd/ir/diagnostics.js';
import type { Measure, Recycling, Scenario } from './scenario.js';

export const RECYCLINGS: Recycling[] = ['none', 'lumpsum', 'lumpsum-poorest', 'vat', 'labour', 'green-investment'];

/** web.json `levers`: the SD constants that carry the fuel-tax policy. */
export interface LeverLink {
  /** ISC reform switch/intensity (0–1). */
  reform: string;
  /** Excise per harmfulness point, and the value the template scenario stands for. */
  perPoint: string;
  perPointReference: number;
  /** Share of ISC and carbon revenue earmarked for the energy transition (0–1). */
  earmarked: string;
  /** Carbon price, soles per tCO2. */
  carbonPrice: string;
  /** Start year and ramp years of the fuel-tax policy. */
  startYear: string;
  rampYears: string;
  /** The CGE scenario whose `isc-index` measure gives the index by fuel and the rate per index. */
  template: string;
  /** Earmarked share from which the revenue counts as green investment (default 0.5). */
  earmarkThreshold?: number;
}

export interface LeverValues {
  reform: number;
  perPoint: number;
  earmarked: number;
  carbonPrice: number;
  startYear: number;
  rampYears: number;
}

export interface MappedScenario {
  /** null: no fuel-tax measure is active, the CGE result is its baseline. */
  scenario: Scenario | null;
  recycling: Recycling;
}

/** A canonical lever name: case, spaces and underscores do not matter (as Vensim names). */
const canon = (s: string) => s.toLowerCase().replace(/[\s_]+/g, ' ').trim();

function lookup(values: Readonly<Record<string, number>>, defaults: Readonly<Record<string, number>>, name: string): number {
  const k = canon(name);
  for (const [n, v] of Object.entries(values)) if (canon(n) === k) return v;
  for (const [n, v] of Object.entries(defaults)) if (canon(n) === k) return v;
  throw new InputError('levers', { en: `the model has no constant "${name}" that the CGE link needs`, es: `el modelo no tiene la constante "${name}" que necesita el enlace con el CGE` });
}

/** The linked levers' values: given in `values`, else the model's `defaults`; each checked. */
export function leverValues(link: LeverLink, values: Readonly<Record<string, number>>, defaults: Readonly<Record<string, number>>): LeverValues {
  const get = (name: string) => lookup(values, defaults, name);
  const used = {
    reform: get(link.reform),
    perPoint: get(link.perPoint),
    earmarked: get(link.earmarked),
    carbonPrice: get(link.carbonPrice),
    startYear: get(link.startYear),
    rampYears: get(link.rampYears),
  };
  const check = (ok: boolean, name: string, what: BilingualText, v: number) => {
    if (!ok) throw new InputError(`params.${name}`, { en: `must be ${what.en}, got ${v}`, es: `debe ser ${what.es}, se recibió ${v}` });
  };
  const share = { en: 'between 0 and 1', es: 'entre 0 y 1' };
  const nonNegative = { en: '≥ 0', es: '≥ 0' };
  check(used.reform >= 0 && used.reform <= 1, link.reform, share, used.reform);
  check(used.perPoint >= 0, link.perPoint, nonNegative, used.perPoint);
  check(used.earmarked >= 0 && used.earmarked <= 1, link.earmarked, share, used.earmarked);
  check(used.carbonPrice >= 0, link.carbonPrice, nonNegative, used.carbonPrice);
  check(Number.isFinite(used.startYear), link.startYear, { en: 'a year', es: 'un año' }, used.startYear);
  check(used.rampYears >= 0, link.rampYears, nonNegative, used.rampYears);
  return used;
}

/** The recycling the rule gives, unless one is named. */
export function recyclingFor(link: LeverLink, used: LeverValues, named?: Recycling): Recycling {
  if (named !== undefined && !RECYCLINGS.includes(named)) throw new InputError('recycling', { en: `use one of ${RECYCLINGS.join(', ')}`, es: `use uno de ${RECYCLINGS.join(', ')}` });
  return named ?? (used.earmarked >= (link.earmarkThreshold ?? 0.5) ? 'green-investment' : 'none');
}

/** Whether any fuel-tax measure is active: without one, the CGE result is its baseline. */
export const anyMeasure = (used: LeverValues): boolean => (used.reform > 0 && used.perPoint > 0) || used.carbonPrice > 0;

/**
 * A stable text for caching: equal keys give equal CGE results (all lever sets without an active
 * measure share the baseline's key; the timetable and recycling matter only with a measure).
 */
export function leverKey(link: LeverLink, used: LeverValues, named?: Recycling): string {
  if (!anyMeasure(used)) return 'base';
  const isc = used.reform > 0 && used.perPoint > 0 ? [used.reform, used.perPoint] : null;
  const carbon = used.carbonPrice > 0 ? used.carbonPrice : null;
  return JSON.stringify({ isc, carbon, start: Math.round(used.startYear), ramp: Math.max(1, Math.round(used.rampYears)), recycling: recyclingFor(link, used, named) });
}

/** The CGE scenario for the linked levers' values; `template` is the parsed template scenario. */
export function scenarioFromLevers(link: LeverLink, used: LeverValues, template: Scenario, named?: Recycling): MappedScenario {
  const recycling = recyclingFor(link, used, named);
  if (!anyMeasure(used)) return { scenario: null, recycling };
  const iscTemplate = template.measures.find((m) => m.type === 'isc-index');
  if (!iscTemplate) throw new InputError(template.file, { en: `the template scenario "${template.name}" has no isc-index measure`, es: `el escenario plantilla "${template.name}" no tiene una medida isc-index` });
  const start = Math.round(used.startYear) + 1;
  const rampYears = Math.max(1, Math.round(used.rampYears));
  const measures: Measure[] = [];
  if (used.reform > 0 && used.perPoint > 0) {
    measures.push({ ...iscTemplate, start, rampYears, ratePerIndex: iscTemplate.ratePerIndex * (used.perPoint / link.perPointReference), ...(used.reform < 1 ? { scale: used.reform } : {}) });
  }
  if (used.carbonPrice > 0) measures.push({ type: 'carbon-tax', start, rampYears, perTonne: used.carbonPrice });
  const scenario: Scenario = { name: 'levers', file: `${template.file} (from the simulator's levers)`, recycling, closure: template.closure, measures };
  return { scenario, recycling };
}
