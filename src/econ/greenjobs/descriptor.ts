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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw InputError.englishOnly(where, 'must be an object such as { "var": "P506R4" }');
  const f = raw as Record<string, unknown>;
  const sources = ['var', 'anyOf', 'sum'].filter((k) => f[k] !== undefined);
  if (sources.length !== 1) throw InputError.englishOnly(where, 'give exactly one of "var", "anyOf" or "sum"');
  if (f.var !== undefined && typeof f.var !== 'string') throw InputError.englishOnly(where, '"var" must be a column name');
  for (const k of ['anyOf', 'sum', 'yes', 'no', 'missing']) {
    if (f[k] !== undefined && !isStringArray(f[k])) throw InputError.englishOnly(`${where}.${k}`, 'must be a list of strings');
  }
  if (f.codes !== undefined && (typeof f.codes !== 'object' || f.codes === null || !Object.values(f.codes).every((v) => typeof v === 'string'))) {
    throw InputError.englishOnly(`${where}.codes`, 'must map codes to text, e.g. { "1": "male" }');
  }
  if (f.pad !== undefined && !(Number.isInteger(f.pad) && (f.pad as number) > 0 && (f.pad as number) <= 12)) throw InputError.englishOnly(`${where}.pad`, 'must be a width from 1 to 12');
  if (f.slice !== undefined && !(Array.isArray(f.slice) && f.slice.length === 2 && f.slice.every((x) => Number.isInteger(x) && x >= 0))) {
    throw InputError.englishOnly(`${where}.slice`, 'must be [start, end] character positions');
  }
  if (f.divide !== undefined && !(typeof f.divide === 'number' && f.divide > 0)) throw InputError.englishOnly(`${where}.divide`, 'must be a positive number');
  if (f.anyOf !== undefined && f.yes === undefined) throw InputError.englishOnly(where, '"anyOf" needs a "yes" list');
  const known = new Set(['var', 'anyOf', 'sum', 'pad', 'slice', 'codes', 'yes', 'no', 'missing', 'divide', '$comment', 'source']);
  for (const k of Object.keys(f)) if (!known.has(k)) throw InputError.englishOnly(`${where}.${k}`, `unknown key (known: ${[...known].join(', ')})`);
  return f as FieldSpec;
}

/** Checks a parsed descriptor; every problem is an InputError naming the file and key. */
export function parseDescriptor(raw: unknown, path: string): Descriptor {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw InputError.englishOnly(path, 'a descriptor must be a JSON object');
  const d = raw as Record<string, unknown>;
  if (!(Number.isInteger(d.year) && (d.year as number) >= 1990 && (d.year as number) <= 2100)) throw InputError.englishOnly(`${path}: year`, 'must be the survey year, e.g. 2019');
  if (typeof d.fields !== 'object' || d.fields === null) throw InputError.englishOnly(`${path}: fields`, 'missing: map each field to a column');
  const fields: Partial<Record<FieldName, FieldSpec>> = {};
  for (const [name, spec] of Object.entries(d.fields as Record<string, unknown>)) {
    if (!(FIELDS as readonly string[]).includes(name)) throw InputError.englishOnly(`${path}: fields.${name}`, `unknown field (known: ${FIELDS.join(', ')})`);
    fields[name as FieldName] = checkField(path, name, spec);
  }
  for (const name of REQUIRED_FIELDS) if (!fields[name]) throw InputError.englishOnly(`${path}: fields.${name}`, 'required field is not mapped');
  let filter: Descriptor['filter'];
  if (d.filter !== undefined) {
    const f = d.filter as Record<string, unknown>;
    if (typeof f?.var !== 'string' || !isStringArray(f.in)) throw InputError.englishOnly(`${path}: filter`, 'must be { "var": "OCU500", "in": ["1"] }');
    filter = { var: f.var, in: f.in };
  }
  let replicates: Descriptor['replicates'];
  if (d.replicates !== undefined) {
    const r = d.replicates as Record<string, unknown>;
    if (!isStringArray(r?.vars) || r.vars.length < 2) throw InputError.englishOnly(`${path}: replicates.vars`, 'must list at least two replicate-weight columns');
    const type = r.type ?? 'other';
    if (!['JK1', 'BRR', 'bootstrap', 'other'].includes(type as string)) throw InputError.englishOnly(`${path}: replicates.type`, 'must be JK1, BRR, bootstrap or other');
    const n = r.vars.length;
    const defaultScale = type === 'JK1' ? (n - 1) / n : type === 'BRR' ? 1 / n : type === 'bootstrap' ? 1 / (n - 1) : undefined;
    const scale = r.scale ?? defaultScale;
    if (!(typeof scale === 'number' && scale > 0)) throw InputError.englishOnly(`${path}: replicates.scale`, 'must be a positive number (required for type "other")');
    const rscales = r.rscales;
    if (rscales !== undefined && !(Array.isArray(rscales) && rscales.length === n && rscales.every((x) => typeof x === 'number'))) {
      throw InputError.englishOnly(`${path}: replicates.rscales`, `must list ${n} numbers`);
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
