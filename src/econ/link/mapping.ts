/**
 * The SD–CGE link mapping (models/peru/link/cge-link.json): the model files, the convergence
 * settings, the SD fuels and their SAM commodities, the SD sectors and their SAM activities, and
 * which SD variable plays each role.
 * Every entry carries its meaning in Spanish and English; errors name the file and field.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';

export type Bilingual = { es: string; en: string };
export interface Sourced {
  value: number;
  source: string;
}
export const SD_ROLES = ['labourIndex', 'population', 'policyInvestment', 'energyEfficiency', 'energy', 'emissionFactorIndex', 'gdp', 'co2', 'valueAdded', 'disposableIncome'] as const;
export const CGE_ROLES = ['fuelPriceRatio', 'gdpFeedback', 'priceResponseScale', 'sectorOutput', 'householdIncome', 'fuelDemand'] as const;
export type SdRole = (typeof SD_ROLES)[number];
export type CgeRole = (typeof CGE_ROLES)[number];

export interface LinkMappingFile {
  file: string;
  description: Bilingual;
  sdModel: string;
  cgeDir: string;
  tolerance: number;
  maxIterations: number;
  damping: number;
  /** SD fuel element → SAM commodity codes. */
  fuels: Record<string, { commodities: string[]; meaning: Bilingual }>;
  /** SD sector element → SAM activity codes (every activity in exactly one sector). */
  sectors: Record<string, { activities: string[]; meaning: Bilingual }>;
  sd: Record<SdRole, { sd: string; meaning: Bilingual }>;
  /** CGE role → the SD input it sets (absent: report only). */
  cge: Record<CgeRole, { sd?: string; meaning: Bilingual }>;
}

export function readLinkMapping(file: string): LinkMappingFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, { en: `cannot read the link mapping: ${(e as Error).message}`, es: `no se puede leer el mapeo del enlace: ${(e as Error).message}` });
  }
  return parseLinkMapping(json, file);
}

export function parseLinkMapping(json: unknown, file: string): LinkMappingFile {
  const fail = (field: string, en: string, es: string): never => {
    throw new InputError(`${file}: ${field}`, { en, es });
  };
  if (typeof json !== 'object' || json === null) fail('(top level)', 'must be a JSON object', 'debe ser un objeto JSON');
  const o = json as Record<string, unknown>;
  const bilingual = (v: unknown, field: string): Bilingual => {
    const b = v as Bilingual | undefined;
    if (!b || typeof b.es !== 'string' || typeof b.en !== 'string' || !b.es || !b.en) fail(field, 'needs "es" and "en" text', 'necesita textos "es" y "en"');
    return b!;
  };
  const sourced = (k: string, lo: number, hi: number): number => {
    const v = o[k] as Sourced | undefined;
    if (!v || typeof v.value !== 'number' || !(v.value >= lo && v.value <= hi)) fail(`${k}.value`, `must be a number in [${lo}, ${hi}]`, `debe ser un número en [${lo}, ${hi}]`);
    if (typeof v!.source !== 'string' || !/^(Fuente|Supuesto):/.test(v!.source)) fail(`${k}.source`, 'needs "Fuente:" or "Supuesto:"', 'necesita "Fuente:" o "Supuesto:"');
    return v!.value;
  };
  const str = (k: string): string => {
    if (typeof o[k] !== 'string' || !o[k]) fail(k, 'must be a path', 'debe ser una ruta');
    return o[k] as string;
  };
  const fuelsIn = o['fuels'] as Record<string, { commodities?: unknown; meaning?: unknown }> | undefined;
  if (!fuelsIn || typeof fuelsIn !== 'object' || Object.keys(fuelsIn).length === 0) fail('fuels', 'must map SD fuels to SAM commodities', 'debe mapear energéticos del SD a bienes de la MCS');
  const fuels: LinkMappingFile['fuels'] = {};
  for (const [f, v] of Object.entries(fuelsIn!)) {
    if (!Array.isArray(v.commodities) || v.commodities.length === 0 || !v.commodities.every((c) => typeof c === 'string'))
      fail(`fuels.${f}.commodities`, 'must be a list of SAM codes', 'debe ser una lista de códigos de la MCS');
    fuels[f] = { commodities: v.commodities as string[], meaning: bilingual(v.meaning, `fuels.${f}.meaning`) };
  }
  const sectorsIn = o['sectors'] as Record<string, { activities?: unknown; meaning?: unknown }> | undefined;
  if (!sectorsIn || typeof sectorsIn !== 'object' || Object.keys(sectorsIn).length === 0) fail('sectors', 'must map SD sectors to SAM activities', 'debe mapear sectores del SD a actividades de la MCS');
  const sectors: LinkMappingFile['sectors'] = {};
  const seen = new Map<string, string>();
  for (const [sec, v] of Object.entries(sectorsIn!)) {
    if (!Array.isArray(v.activities) || v.activities.length === 0 || !v.activities.every((a) => typeof a === 'string' && a))
      fail(`sectors.${sec}.activities`, 'must be a list of SAM activity codes', 'debe ser una lista de códigos de actividad de la MCS');
    for (const a of v.activities as string[]) {
      if (seen.has(a)) fail(`sectors.${sec}.activities`, `activity "${a}" is already in sector "${seen.get(a)!}"`, `la actividad "${a}" ya está en el sector "${seen.get(a)!}"`);
      seen.set(a, sec);
    }
    sectors[sec] = { activities: v.activities as string[], meaning: bilingual(v.meaning, `sectors.${sec}.meaning`) };
  }
  const roles = <R extends string>(key: string, known: readonly R[], needSd: (r: R) => boolean): Record<R, { sd?: string; meaning: Bilingual }> => {
    const list = o[key];
    if (!Array.isArray(list)) fail(key, 'must be a list of {role, sd, meaning}', 'debe ser una lista de {role, sd, meaning}');
    const out = {} as Record<R, { sd?: string; meaning: Bilingual }>;
    (list as Record<string, unknown>[]).forEach((e, i) => {
      const role = e['role'] as R;
      if (!known.includes(role)) fail(`${key}[${i}].role`, `unknown role "${String(role)}" (${known.join(', ')})`, `rol desconocido "${String(role)}" (${known.join(', ')})`);
      if (out[role]) fail(`${key}[${i}].role`, `repeated role "${role}"`, `rol repetido "${role}"`);
      const sd = e['sd'];
      if (sd !== undefined && (typeof sd !== 'string' || !sd)) fail(`${key}[${i}].sd`, 'must name an SD variable', 'debe nombrar una variable del SD');
      out[role] = { sd: sd as string | undefined, meaning: bilingual(e['meaning'], `${key}[${i}].meaning`) };
    });
    for (const r of known) {
      if (!out[r]) fail(key, `missing role "${r}"`, `falta el rol "${r}"`);
      if (needSd(r) && !out[r].sd) fail(`${key}: ${r}.sd`, 'must name an SD variable', 'debe nombrar una variable del SD');
    }
    return out;
  };
  const sd = roles('sdToCge', SD_ROLES, () => true) as LinkMappingFile['sd'];
  const cge = roles('cgeToSd', CGE_ROLES, (r) => r !== 'gdpFeedback' && r !== 'fuelDemand');
  return {
    file,
    description: bilingual(o['description'], 'description'),
    sdModel: resolve(dirname(file), str('sdModel')),
    cgeDir: resolve(dirname(file), str('cgeDir')),
    tolerance: sourced('tolerance', 1e-6, 0.1),
    maxIterations: Math.round(sourced('maxIterations', 1, 500)),
    damping: sourced('damping', 0.05, 1),
    fuels,
    sectors,
    sd,
    cge,
  };
}
