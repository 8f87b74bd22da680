/**
 * CGE policy scenarios (models/peru/cge/scenarios/*.json): fuel-tax measures phased in over years
 * and a revenue use (recycling). Each measure is a price instrument whose effect comes through the
 * model's demand and supply responses (MODEL.md E4, E35), never a direct cut of a quantity.
 *
 * { "label": {"es": …, "en": …}, "recycling": "none" | "lumpsum" | "lumpsum-poorest" | "vat" | "labour" | "green-investment",
 *   "closure": { …closure overrides… },
 *   "measures": [
 *     { "type": "isc-index", "start": 2025, "rampYears": 5, "ratePerIndex": 0.5,
 *       "index": { "c-diesel": {"value": 0.9, "source": "Supuesto: …"}, … } },
 *     { "type": "carbon-tax", "start": 2025, "rampYears": 5, "perTonne": 100, "source": "…" },
 *     { "type": "fuel-subsidy-removal", "start": 2025, "rampYears": 1, "rates": { "c-lpg": {"value": 0.1, "source": "…"} } } ] }
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Calibration } from './calibrate.js';
import type { Closure } from './closure.js';
import type { Valued } from './model-dir.js';
import type { Policy } from './policy.js';

export type Recycling = 'none' | 'lumpsum' | 'lumpsum-poorest' | 'vat' | 'labour' | 'green-investment';
const RECYCLING: Recycling[] = ['none', 'lumpsum', 'lumpsum-poorest', 'vat', 'labour', 'green-investment'];

/** `scale` (0–1, default 1): how far the measure goes, e.g. a partial reform (applied with the phase-in). */
export type Measure =
  | { type: 'isc-index'; start: number; rampYears: number; ratePerIndex: number; index: Record<string, Valued>; scale?: number }
  | { type: 'carbon-tax'; start: number; rampYears: number; perTonne: number; scale?: number }
  | { type: 'fuel-subsidy-removal'; start: number; rampYears: number; rates: Record<string, Valued>; scale?: number };

export interface Scenario {
  name: string;
  file: string;
  label?: { es: string; en: string };
  recycling: Recycling;
  closure: Partial<Closure>;
  measures: Measure[];
}

export function parseScenario(json: unknown, file: string, name: string, cal: Calibration): Scenario {
  if (typeof json !== 'object' || json === null) throw new InputError(file, { en: 'scenario must be a JSON object', es: 'el escenario debe ser un objeto JSON' });
  const o = json as Record<string, unknown>;
  const recycling = (o['recycling'] ?? 'none') as Recycling;
  if (!RECYCLING.includes(recycling)) throw new InputError(`${file}: recycling`, { en: `use one of: ${RECYCLING.join(', ')}`, es: `use uno de: ${RECYCLING.join(', ')}` });
  const commodities = new Set(cal.C.map((c) => cal.acc[c]!.code));
  const measures = ((o['measures'] ?? []) as Record<string, unknown>[]).map((m, i) => {
    const at = `${file}: measures[${i}]`;
    const num = (k: string, def?: number): number => {
      const v = m[k] ?? def;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`${at}.${k}`, { en: 'must be a number', es: 'debe ser un número' });
      return v;
    };
    const byFuel = (k: string): Record<string, Valued> => {
      const r = (m[k] ?? {}) as Record<string, Valued>;
      for (const [c, v] of Object.entries(r)) {
        if (!commodities.has(c)) throw new InputError(`${at}.${k}.${c}`, { en: 'commodity not in the SAM', es: 'bien desconocido en la MCS' });
        if (typeof v?.value !== 'number' || typeof v.source !== 'string' || !/^(Fuente|Supuesto):/.test(v.source))
          throw new InputError(`${at}.${k}.${c}`, { en: 'needs "value" and a "source" starting with Fuente:/Supuesto:', es: 'necesita "value" y "source" con Fuente:/Supuesto:' });
      }
      return r;
    };
    const start = num('start'), rampYears = Math.max(1, num('rampYears', 1));
    const scale = num('scale', 1);
    if (!(scale >= 0 && scale <= 1)) throw new InputError(`${at}.scale`, { en: 'must be between 0 and 1', es: 'debe estar entre 0 y 1' });
    const scaled = scale === 1 ? {} : { scale };
    if (m['type'] === 'isc-index') return { type: 'isc-index', start, rampYears, ratePerIndex: num('ratePerIndex'), index: byFuel('index'), ...scaled } as Measure;
    if (m['type'] === 'carbon-tax') return { type: 'carbon-tax', start, rampYears, perTonne: num('perTonne'), ...scaled } as Measure;
    if (m['type'] === 'fuel-subsidy-removal') return { type: 'fuel-subsidy-removal', start, rampYears, rates: byFuel('rates'), ...scaled } as Measure;
    throw new InputError(`${at}.type`, { en: 'unknown measure type (isc-index, carbon-tax, fuel-subsidy-removal)', es: 'tipo de medida desconocido (isc-index, carbon-tax, fuel-subsidy-removal)' });
  });
  const label = o['label'] as Scenario['label'];
  return { name, file, label, recycling, closure: (o['closure'] ?? {}) as Partial<Closure>, measures };
}

/** The closure a scenario runs under: its recycling sets the government closure (E35). */
export function scenarioClosure(base: Closure, sc: Scenario | null): Closure {
  if (!sc) return base;
  const c = { ...base, ...sc.closure };
  if (sc.recycling === 'none') return { ...c, government: 'savings-adjust' };
  return { ...c, government: 'fixed-savings', instrument: sc.recycling };
}

const phase = (year: number, start: number, ramp: number) => Math.max(0, Math.min(1, (year - start + 1) / ramp));

/** The tax part of the policy in a year: additive ISC/subsidy rate changes and the carbon tax. */
export function measuresPolicy(sc: Scenario | null, cal: Calibration, year: number): Pick<Policy, 'dtq' | 'carbonTax'> {
  const dtq = cal.T.map(() => cal.C.map(() => 0));
  let carbonTax = 0;
  if (!sc) return { dtq, carbonTax };
  const cpos = new Map(cal.C.map((c, i) => [cal.acc[c]!.code, i]));
  // The ISC account of a fuel: the `isc` account whose attributes name that fuel, else the first `isc` account.
  const iscOf = (ci: number): number => {
    const fuel = cal.acc[cal.C[ci]!]!.attributes?.['fuel'];
    const own = cal.T.findIndex((t, ti) => cal.taxKind[ti] === 'isc' && fuel !== undefined && cal.acc[t]!.attributes?.['fuel'] === fuel);
    const any = cal.taxKind.findIndex((k) => k === 'isc');
    if (own < 0 && any < 0) throw new InputError(sc.file, { en: 'the SAM has no ISC tax account', es: 'la MCS no tiene cuenta de ISC' });
    return own >= 0 ? own : any;
  };
  for (const m of sc.measures) {
    const f = phase(year, m.start, m.rampYears) * (m.scale ?? 1);
    if (f === 0) continue;
    if (m.type === 'carbon-tax') carbonTax += f * m.perTonne;
    if (m.type === 'isc-index') {
      for (const [code, v] of Object.entries(m.index)) {
        const ci = cpos.get(code)!;
        const t = iscOf(ci);
        const current = cal.tq[t]![ci]!;
        // Rates rise to the index-based target; a fuel already taxed above it keeps its rate.
        dtq[t]![ci]! += f * Math.max(0, m.ratePerIndex * v.value - current);
      }
    }
    if (m.type === 'fuel-subsidy-removal') {
      for (const [code, v] of Object.entries(m.rates)) {
        const ci = cpos.get(code)!;
        dtq[iscOf(ci)]![ci]! += f * v.value;
      }
    }
  }
  return { dtq, carbonTax };
}
