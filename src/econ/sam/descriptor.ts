/**
 * The SAM descriptor (JSON beside the matrix, `<stem>.descriptor.json`, or given explicitly): names
 * each account's type in the style of the IO table descriptor (src/econ/io/descriptor.ts). Types
 * may be written in English or Spanish; the type may also come from a `type`/`tipo` column of the
 * matrix file itself, in which case the descriptor is optional.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { SamAccountType } from './types.js';

export interface SamAccountSpec {
  /** The label as it appears in the matrix file's first column and header row. */
  code: string;
  /** Published (display) label; defaults to the code. */
  label?: string;
  type: SamAccountType;
  kind?: string;
  attributes?: Record<string, string>;
}

export interface SamDescriptor {
  title?: string;
  year?: number;
  units?: string;
  status?: 'official' | 'estimated' | 'example';
  /** Workbook sheet to read. */
  sheet?: string;
  tolerance?: { relative?: number; absolute?: number };
  /** Companion file (path relative to the descriptor) marking estimated cells with 1, same layout. */
  estimated?: string;
  accounts?: SamAccountSpec[];
}

export const SAM_ACCOUNT_TYPES: readonly SamAccountType[] = [
  'activity', 'commodity', 'margin', 'factor', 'household', 'enterprise', 'government', 'tax',
  'savings-investment', 'stock-change', 'rest-of-world',
];

/** Spanish and common English synonyms, compared without accents, case or punctuation. */
const TYPE_ALIASES: Record<string, SamAccountType> = {
  actividad: 'activity', actividades: 'activity', activities: 'activity',
  commodities: 'commodity', bien: 'commodity', bienes: 'commodity', producto: 'commodity', productos: 'commodity',
  margen: 'margin', margenes: 'margin', margins: 'margin', comercializacion: 'margin',
  factores: 'factor', factors: 'factor',
  hogar: 'household', hogares: 'household', households: 'household',
  empresa: 'enterprise', empresas: 'enterprise', enterprises: 'enterprise',
  gobierno: 'government',
  impuesto: 'tax', impuestos: 'tax', taxes: 'tax',
  'ahorro inversion': 'savings-investment', 'savings investment': 'savings-investment', 'cuenta de capital': 'savings-investment',
  'variacion de existencias': 'stock-change', 'stock change': 'stock-change', existencias: 'stock-change',
  'resto del mundo': 'rest-of-world', 'rest of world': 'rest-of-world', 'rest of the world': 'rest-of-world', rdm: 'rest-of-world',
};

export function normalizeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\s-]+/g, ' ')
    .trim();
}

/** The account type named by `text` (English or Spanish), or undefined. */
export function parseAccountType(text: string): SamAccountType | undefined {
  const key = normalizeKey(text);
  const direct = SAM_ACCOUNT_TYPES.find((t) => normalizeKey(t) === key);
  return direct ?? TYPE_ALIASES[key];
}

function typeList(es = false): string {
  return `${SAM_ACCOUNT_TYPES.join(', ')} (${es ? 'o en español' : 'or in Spanish'}: actividad, bien, margen, factor, hogar, empresa, gobierno, impuesto, ahorro-inversión, variación de existencias, resto del mundo)`;
}

export function unknownTypeMessage(text: string, es = false): string {
  return es ? `tipo de cuenta desconocido "${text}"; tipos conocidos: ${typeList(true)}` : `unknown account type "${text}"; known types: ${typeList()}`;
}

/** Checks the shape of a parsed descriptor; errors name the file and field, e.g. `d.json: accounts[3].type`. */
export function validateSamDescriptor(value: unknown, source: string): SamDescriptor {
  const fail = (field: string, en: string, es: string): never => {
    throw new InputError(`${source}: ${field}`, { en, es });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('(top level)', 'a SAM descriptor must be a JSON object', 'un descriptor de MCS debe ser un objeto JSON');
  const d = value as Record<string, unknown>;
  const known = new Set(['title', 'year', 'units', 'status', 'sheet', 'tolerance', 'estimated', 'accounts', 'notes', '$comment']);
  for (const key of Object.keys(d)) if (!known.has(key)) fail(key, `unknown field (known: ${[...known].join(', ')})`, `campo desconocido (conocidos: ${[...known].join(', ')})`);
  for (const k of ['title', 'units', 'sheet', 'estimated']) if (d[k] !== undefined && typeof d[k] !== 'string') fail(k, 'must be a string', 'debe ser un texto');
  if (d.year !== undefined && !Number.isInteger(d.year)) fail('year', 'must be a whole number', 'debe ser un número entero');
  if (d.status !== undefined && !['official', 'estimated', 'example'].includes(d.status as string)) {
    fail('status', 'must be "official", "estimated" or "example"', 'debe ser "official", "estimated" o "example"');
  }
  if (d.tolerance !== undefined) {
    const t = d.tolerance as Record<string, unknown>;
    if (typeof t !== 'object' || t === null) fail('tolerance', 'must be an object {relative, absolute}', 'debe ser un objeto {relative, absolute}');
    for (const k of ['relative', 'absolute']) {
      if (t[k] !== undefined && !(typeof t[k] === 'number' && (t[k] as number) >= 0)) fail(`tolerance.${k}`, 'must be a number ≥ 0', 'debe ser un número ≥ 0');
    }
  }
  const accounts: SamAccountSpec[] = [];
  if (d.accounts !== undefined) {
    if (!Array.isArray(d.accounts)) fail('accounts', 'must be a list of {code, label, type, kind, attributes}', 'debe ser una lista de {code, label, type, kind, attributes}');
    const seen = new Set<string>();
    (d.accounts as unknown[]).forEach((a, i) => {
      const o = a as Record<string, unknown>;
      if (typeof o !== 'object' || o === null) fail(`accounts[${i}]`, 'must be an object {code, label, type, kind, attributes}', 'debe ser un objeto {code, label, type, kind, attributes}');
      if (typeof o.code !== 'string' || o.code.trim() === '') fail(`accounts[${i}].code`, 'must name the account as it appears in the matrix', 'debe nombrar la cuenta como aparece en la matriz');
      const code = (o.code as string).trim();
      if (seen.has(normalizeKey(code))) fail(`accounts[${i}].code`, `"${code}" appears twice`, `"${code}" aparece dos veces`);
      seen.add(normalizeKey(code));
      if (typeof o.type !== 'string') fail(`accounts[${i}].type`, `missing; known types: ${typeList()}`, `falta; tipos conocidos: ${typeList(true)}`);
      const type = parseAccountType(o.type as string);
      if (!type) fail(`accounts[${i}].type`, `account "${code}": ${unknownTypeMessage(o.type as string)}`, `cuenta "${code}": ${unknownTypeMessage(o.type as string, true)}`);
      for (const k of ['label', 'kind']) if (o[k] !== undefined && typeof o[k] !== 'string') fail(`accounts[${i}].${k}`, 'must be a string', 'debe ser un texto');
      if (o.attributes !== undefined) {
        const at = o.attributes as Record<string, unknown>;
        if (typeof at !== 'object' || at === null || Array.isArray(at)) fail(`accounts[${i}].attributes`, 'must be an object of strings', 'debe ser un objeto de textos');
        for (const [k, v] of Object.entries(at)) if (typeof v !== 'string') fail(`accounts[${i}].attributes.${k}`, 'must be a string', 'debe ser un texto');
      }
      accounts.push({
        code,
        label: o.label as string | undefined,
        type: type as SamAccountType,
        kind: o.kind as string | undefined,
        attributes: o.attributes as Record<string, string> | undefined,
      });
    });
  }
  return { ...(d as SamDescriptor), accounts: d.accounts === undefined ? undefined : accounts };
}
