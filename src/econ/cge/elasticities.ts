/**
 * Elasticities file: every value carries its source (`Fuente: …`) or the reason it is assumed
 * (`Supuesto: …`). A value missing for an account is an error naming the file and the account.
 *
 * { "armington": { "c-agr": {"value": 2.2, "source": "Fuente: GTAP 10 …"}, "*": {...} },
 *   "cet": {...}, "va": {...}, "energy": {...}, "vae": {...},
 *   "incomeElasticity": {...commodities}, "frisch": {...households}, "demand": "les"|"cobb-douglas" }
 * "*" is an explicit default for the block (it needs its own source).
 */
import { InputError } from '../../sd/ir/diagnostics.js';

export interface ElasticityEntry {
  value: number;
  source: string;
}
export type ElasticityBlock = 'armington' | 'cet' | 'va' | 'energy' | 'vae' | 'incomeElasticity' | 'frisch';
export const ELASTICITY_BLOCKS: ElasticityBlock[] = ['armington', 'cet', 'va', 'energy', 'vae', 'incomeElasticity', 'frisch'];

export interface Elasticities {
  file: string;
  demand: 'les' | 'cobb-douglas';
  blocks: Partial<Record<ElasticityBlock, Record<string, ElasticityEntry>>>;
}

/** What each block means, for messages (es / en). */
const MEANING: Record<ElasticityBlock, string> = {
  armington: 'Armington (importado/doméstico; imports/domestic)',
  cet: 'CET (exportación/doméstico; exports/domestic)',
  va: 'sustitución entre factores (factor substitution)',
  energy: 'sustitución entre combustibles y electricidad (fuel/electricity substitution)',
  vae: 'sustitución valor agregado–energía (value added–energy)',
  incomeElasticity: 'elasticidad ingreso (income elasticity)',
  frisch: 'parámetro de Frisch (Frisch parameter)',
};

export function parseElasticities(json: unknown, file: string): Elasticities {
  if (typeof json !== 'object' || json === null) throw new InputError(file, { en: 'the elasticities file must be a JSON object', es: 'el archivo de elasticidades debe ser un objeto JSON' });
  const o = json as Record<string, unknown>;
  const demand = o['demand'] ?? 'les';
  if (demand !== 'les' && demand !== 'cobb-douglas') throw new InputError(`${file}: demand`, { en: `must be "les" or "cobb-douglas"`, es: `debe ser "les" o "cobb-douglas"` });
  const blocks: Elasticities['blocks'] = {};
  for (const b of ELASTICITY_BLOCKS) {
    const raw = o[b];
    if (raw === undefined) continue;
    if (typeof raw !== 'object' || raw === null) throw new InputError(`${file}: ${b}`, { en: 'must be an object', es: 'debe ser un objeto' });
    const out: Record<string, ElasticityEntry> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      const e = v as { value?: unknown; source?: unknown };
      if (typeof e !== 'object' || e === null || typeof e.value !== 'number' || !Number.isFinite(e.value))
        throw new InputError(`${file}: ${b}.${k}`, { en: 'needs a numeric "value"', es: 'falta "value" numérico' });
      if (typeof e.source !== 'string' || !/^(Fuente|Supuesto):/.test(e.source.trim()))
        throw new InputError(`${file}: ${b}.${k}`, { en: 'needs a "source" starting with "Fuente:" or "Supuesto:"', es: 'falta "source" con "Fuente:" o "Supuesto:"' });
      out[k] = { value: e.value, source: e.source };
    }
    blocks[b] = out;
  }
  return { file, demand, blocks };
}

/** The value for an account; an error naming file and account when absent. */
export function elasticity(el: Elasticities, block: ElasticityBlock, code: string): number {
  const b = el.blocks[block];
  const e = b?.[code] ?? b?.['*'];
  if (!e)
    throw new InputError(`${el.file}: ${block}.${code}`, {
      en: `missing ${block} elasticity for account ${code}`,
      es: `falta la elasticidad ${MEANING[block]} para la cuenta ${code}`,
    });
  return e.value;
}
