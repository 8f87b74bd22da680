/**
 * Macro closures as data (a closure JSON file), never code edits (MODEL.md E25, E33–E36).
 */
import { InputError } from '../../sd/ir/diagnostics.js';

export interface Closure {
  /** E34: price-level anchor. */
  numeraire: 'cpi' | 'exr';
  /** E36. */
  savingsInvestment: 'savings-driven' | 'investment-driven';
  /** E33: flexible exchange rate with fixed foreign savings, or fixed exchange rate. */
  foreign: 'flexible-exchange-rate' | 'fixed-exchange-rate';
  /** E35: tax rates fixed and government savings adjust, or savings fixed and an instrument adjusts. */
  government: 'savings-adjust' | 'fixed-savings';
  /** E35: the instrument when government savings are fixed. */
  instrument: 'direct' | 'vat' | 'lumpsum' | 'lumpsum-poorest' | 'labour' | 'green-investment';
  /** E23/E25. */
  labour: 'full-employment' | 'fixed-real-wage';
  /** E24: capital and land sector-specific (short run) or mobile. */
  capital: 'sector-specific' | 'mobile';
}

export const DEFAULT_CLOSURE: Closure = {
  numeraire: 'cpi',
  savingsInvestment: 'savings-driven',
  foreign: 'flexible-exchange-rate',
  government: 'savings-adjust',
  instrument: 'direct',
  labour: 'full-employment',
  capital: 'sector-specific',
};

const OPTIONS: { [K in keyof Closure]: readonly Closure[K][] } = {
  numeraire: ['cpi', 'exr'],
  savingsInvestment: ['savings-driven', 'investment-driven'],
  foreign: ['flexible-exchange-rate', 'fixed-exchange-rate'],
  government: ['savings-adjust', 'fixed-savings'],
  instrument: ['direct', 'vat', 'lumpsum', 'lumpsum-poorest', 'labour', 'green-investment'],
  labour: ['full-employment', 'fixed-real-wage'],
  capital: ['sector-specific', 'mobile'],
};

export function parseClosure(json: unknown, file: string, base: Closure = DEFAULT_CLOSURE): Closure {
  if (typeof json !== 'object' || json === null) throw new InputError(file, { en: 'closure must be a JSON object', es: 'el cierre debe ser un objeto JSON' });
  const out: Closure = { ...base };
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (k === 'description' || k.startsWith('_')) continue;
    if (!(k in OPTIONS)) throw new InputError(`${file}: ${k}`, { en: `unknown closure option (known: ${Object.keys(OPTIONS).join(', ')})`, es: `opción de cierre desconocida (conocidas: ${Object.keys(OPTIONS).join(', ')})` });
    const allowed = OPTIONS[k as keyof Closure] as readonly string[];
    if (typeof v !== 'string' || !allowed.includes(v))
      throw new InputError(`${file}: ${k}`, { en: `invalid value "${String(v)}"; use one of: ${allowed.join(', ')}`, es: `valor "${String(v)}" no válido; use uno de: ${allowed.join(', ')}` });
    (out as unknown as Record<string, string>)[k] = v;
  }
  return out;
}
