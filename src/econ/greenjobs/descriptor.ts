/**
 * A survey descriptor (JSON) says where each canonical field sits in one survey year's file and how
 * its codes read, so a new year loads without code. Each field is one of:
 *   { "var": "P506R4", "pad": 4 }                     a column, text left-padded with zeros
 *   { "var": "UBIGEO", "pad": 6, "slice": [0, 2] }    part of a column (department from UBIGEO)
 *   { "var": "P507", "codes": { "1": "employer" } }   a coded column mapped to canonical values
 *   { "var": "P511A", "yes": ["1"], "no": ["7"] }     a yes/no column (other codes: not known)
 *   { "anyOf": ["P558A1", "P558A2"], "yes": ["1"] }   yes when any column holds a yes code, else no
 *   { "sum": ["I524A1", "I530A"], "divide": 12 }      numbers added (blanks count 0), then divided
 * `missing` lists codes that mean "no answer" (e.g. 999999). Unknown codes are errors naming the
 * file, line and field, so a wrong descriptor never silently drops people.
 */
import { InputError } from '../../sd/ir/diagnostics.js';

export const FIELDS = [
  'activity', 'occupation', 'status', 'contract', 'pension', 'health', 'informal', 'firmSize', 'hours', 'income',
  'sex', 'age', 'region', 'area', 'weight', 'stratum', 'psu', 'fpc',
] as const;
export type FieldName = (typeof FIELDS)[number];
/** Fields every survey must map: without them there is no estimate. */
export const REQUIRED_FIELDS: FieldName[] = ['activity', 'weight', 'stratum', 'psu'];

export interface FieldSpec {
  var?: string;
  anyOf?: string[];
  sum?: string[];
  pad?: number;
  slice?: [number, number];
  codes?: Record<string, string>;
  yes?: string[];
  no?: string[];
  missing?: string[];
  divide?: number;
}

export interface Descriptor {
  path: string;
  survey: string;
  year: number;
  /** Keep only records whose column holds one of these codes (e.g. employed: OCU500 = 1). */
  filter?: { var: string; in: string[] };
  fields: Partial<Record<FieldName, FieldSpec>>;
  replicates?: { vars: string[]; type: 'JK1' | 'BRR' | 'bootstrap' | 'other'; scale: number; rscales?: number[]; mse?: boolean };
  synthetic?: boolean;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function checkField(path: string, name: string, raw: unknown): FieldSpec {
  const where = `${path}: fields.${name}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(where, { en: 'must be an object such as { "var": "P506R4" }', es: 'debe ser un objeto como { "var": "P506R4" }' });
  const f = raw as Record<string, unknown>;
  const sources = ['var', 'anyOf', 'sum'].filter((k) => f[k] !== undefined);
  if (sources.length !== 1) throw new InputError(where, { en: 'give exactly one of "var", "anyOf" or "sum"', es: 'indique exactamente uno de "var", "anyOf" o "sum"' });
  if (f.var !== undefined && typeof f.var !== 'string') throw new InputError(where, { en: '"var" must be a column name', es: '"var" debe ser el nombre de una columna' });
  for (const k of ['anyOf', 'sum', 'yes', 'no', 'missing']) {
    if (f[k] !== undefined && !isStringArray(f[k])) throw new InputError(`${where}.${k}`, { en: 'must be a list of strings', es: 'debe ser una lista de textos' });
  }
  if (f.codes !== undefined && (typeof f.codes !== 'object' || f.codes === null || !Object.values(f.codes).every((v) => typeof v === 'string'))) {
    throw new InputError(`${where}.codes`, { en: 'must map codes to text, e.g. { "1": "male" }', es: 'debe asignar textos a los códigos, p. ej. { "1": "male" }' });
  }
  if (f.pad !== undefined && !(Number.isInteger(f.pad) && (f.pad as number) > 0 && (f.pad as number) <= 12)) throw new InputError(`${where}.pad`, { en: 'must be a width from 1 to 12', es: 'debe ser un ancho de 1 a 12' });
  if (f.slice !== undefined && !(Array.isArray(f.slice) && f.slice.length === 2 && f.slice.every((x) => Number.isInteger(x) && x >= 0))) {
    throw new InputError(`${where}.slice`, { en: 'must be [start, end] character positions', es: 'debe ser [start, end], posiciones de caracteres' });
  }
  if (f.divide !== undefined && !(typeof f.divide === 'number' && f.divide > 0)) throw new InputError(`${where}.divide`, { en: 'must be a positive number', es: 'debe ser un número positivo' });
  if (f.anyOf !== undefined && f.yes === undefined) throw new InputError(where, { en: '"anyOf" needs a "yes" list', es: '"anyOf" necesita una lista "yes"' });
  const known = new Set(['var', 'anyOf', 'sum', 'pad', 'slice', 'codes', 'yes', 'no', 'missing', 'divide', '$comment', 'source']);
  for (const k of Object.keys(f)) if (!known.has(k)) throw new InputError(`${where}.${k}`, { en: `unknown key (known: ${[...known].join(', ')})`, es: `clave desconocida (conocidas: ${[...known].join(', ')})` });
  return f as FieldSpec;
}

/** Checks a parsed descriptor; every problem is an InputError naming the file and key. */
export function parseDescriptor(raw: unknown, path: string): Descriptor {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(path, { en: 'a descriptor must be a JSON object', es: 'un descriptor debe ser un objeto JSON' });
  const d = raw as Record<string, unknown>;
  if (!(Number.isInteger(d.year) && (d.year as number) >= 1990 && (d.year as number) <= 2100)) throw new InputError(`${path}: year`, { en: 'must be the survey year, e.g. 2019', es: 'debe ser el año de la encuesta, p. ej. 2019' });
  if (typeof d.fields !== 'object' || d.fields === null) throw new InputError(`${path}: fields`, { en: 'missing: map each field to a column', es: 'falta: asigne cada campo a una columna' });
  const fields: Partial<Record<FieldName, FieldSpec>> = {};
  for (const [name, spec] of Object.entries(d.fields as Record<string, unknown>)) {
    if (!(FIELDS as readonly string[]).includes(name)) throw new InputError(`${path}: fields.${name}`, { en: `unknown field (known: ${FIELDS.join(', ')})`, es: `campo desconocido (conocidos: ${FIELDS.join(', ')})` });
    fields[name as FieldName] = checkField(path, name, spec);
  }
  for (const name of REQUIRED_FIELDS) if (!fields[name]) throw new InputError(`${path}: fields.${name}`, { en: 'required field is not mapped', es: 'el campo obligatorio no está asignado' });
  let filter: Descriptor['filter'];
  if (d.filter !== undefined) {
    const f = d.filter as Record<string, unknown>;
    if (typeof f?.var !== 'string' || !isStringArray(f.in)) throw new InputError(`${path}: filter`, { en: 'must be { "var": "OCU500", "in": ["1"] }', es: 'debe ser { "var": "OCU500", "in": ["1"] }' });
    filter = { var: f.var, in: f.in };
  }
  let replicates: Descriptor['replicates'];
  if (d.replicates !== undefined) {
    const r = d.replicates as Record<string, unknown>;
    if (!isStringArray(r?.vars) || r.vars.length < 2) throw new InputError(`${path}: replicates.vars`, { en: 'must list at least two replicate-weight columns', es: 'debe listar al menos dos columnas de pesos replicados' });
    const type = r.type ?? 'other';
    if (!['JK1', 'BRR', 'bootstrap', 'other'].includes(type as string)) throw new InputError(`${path}: replicates.type`, { en: 'must be JK1, BRR, bootstrap or other', es: 'debe ser JK1, BRR, bootstrap u other' });
    const n = r.vars.length;
    const defaultScale = type === 'JK1' ? (n - 1) / n : type === 'BRR' ? 1 / n : type === 'bootstrap' ? 1 / (n - 1) : undefined;
    const scale = r.scale ?? defaultScale;
    if (!(typeof scale === 'number' && scale > 0)) throw new InputError(`${path}: replicates.scale`, { en: 'must be a positive number (required for type "other")', es: 'debe ser un número positivo (obligatorio para el tipo "other")' });
    const rscales = r.rscales;
    if (rscales !== undefined && !(Array.isArray(rscales) && rscales.length === n && rscales.every((x) => typeof x === 'number'))) {
      throw new InputError(`${path}: replicates.rscales`, { en: `must list ${n} numbers`, es: `debe listar ${n} números` });
    }
    replicates = { vars: r.vars, type: type as 'JK1', scale, rscales: rscales as number[] | undefined, mse: r.mse === true };
  }
  return {
    path, survey: typeof d.survey === 'string' ? d.survey : 'survey', year: d.year as number, filter, fields, replicates,
    synthetic: d.synthetic === true,
  };
}

/** Every column a descriptor reads. */
export function columnsOf(d: Descriptor): string[] {
  const out = new Set<string>();
  for (const f of Object.values(d.fields)) for (const c of [f.var, ...(f.anyOf ?? []), ...(f.sum ?? [])]) if (c) out.add(c);
  if (d.filter) out.add(d.filter.var);
  for (const c of d.replicates?.vars ?? []) out.add(c);
  return [...out];
}
