/**
 * The optional table descriptor (JSON) that names which rows and columns play which role when
 * the layout is not the common one. Every field is optional; labels are matched like table labels
 * (case and accents ignored). See models/peru/io/*.descriptor.json for an example.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { SatelliteKind } from './types.js';

export interface SatelliteSpec {
  row: string;
  name?: string;
  kind?: SatelliteKind;
  unit?: string;
}

export interface TableDescriptor {
  title?: string;
  status?: 'official' | 'estimated' | 'example';
  units?: string;
  /** Workbook sheet to read. */
  sheet?: string;
  /** Decimal separator of text cells: '.' (default) or ',' (then '.' groups thousands). */
  decimal?: '.' | ',';
  /** Sector labels, as they appear both as rows and as columns. */
  sectors?: string[];
  finalDemand?: string[];
  householdConsumption?: string;
  totalOutput?: string;
  totalInput?: string;
  primaryInputs?: string[];
  labourIncome?: string;
  nonValueAdded?: string[];
  satellites?: SatelliteSpec[];
  ignoreRows?: string[];
  ignoreColumns?: string[];
  householdIncome?: number;
  tolerance?: { relative?: number; absolute?: number };
  /** Green-jobs inputs, paths relative to the descriptor. */
  greenJobs?: { classification?: string; informality?: string };
}

const KINDS: SatelliteKind[] = ['employment', 'formal_employment', 'emissions', 'water', 'energy', 'other'];

/** Checks the shape of a parsed descriptor; errors name the field, e.g. `d.json: satellites[1].kind`. */
export function validateDescriptor(value: unknown, source: string): TableDescriptor {
  const fail = (field: string, en: string, es: string): never => {
    throw new InputError(`${source}: ${field}`, { en, es });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('(top level)', 'a descriptor must be a JSON object', 'un descriptor debe ser un objeto JSON');
  const d = value as Record<string, unknown>;
  const known = new Set([
    'title', 'status', 'units', 'sheet', 'decimal', 'sectors', 'finalDemand', 'householdConsumption', 'totalOutput',
    'totalInput', 'primaryInputs', 'labourIncome', 'nonValueAdded', 'satellites', 'ignoreRows', 'ignoreColumns',
    'householdIncome', 'tolerance', 'greenJobs', 'notes', '$comment',
  ]);
  for (const key of Object.keys(d)) if (!known.has(key)) fail(key, `unknown field (known: ${[...known].join(', ')})`, `campo desconocido (conocidos: ${[...known].join(', ')})`);
  const str = (k: string): void => {
    if (d[k] !== undefined && typeof d[k] !== 'string') fail(k, 'must be a string', 'debe ser un texto');
  };
  const strs = (k: string): void => {
    const v = d[k];
    if (v === undefined) return;
    if (!Array.isArray(v)) fail(k, 'must be a list of labels', 'debe ser una lista de etiquetas');
    (v as unknown[]).forEach((s, i) => {
      if (typeof s !== 'string' || s.trim() === '') fail(`${k}[${i}]`, 'must be a non-empty string', 'debe ser un texto no vacío');
    });
  };
  ['title', 'units', 'sheet', 'householdConsumption', 'totalOutput', 'totalInput', 'labourIncome'].forEach(str);
  ['sectors', 'finalDemand', 'primaryInputs', 'nonValueAdded', 'ignoreRows', 'ignoreColumns'].forEach(strs);
  if (d.status !== undefined && !['official', 'estimated', 'example'].includes(d.status as string)) {
    fail('status', 'must be "official", "estimated" or "example"', 'debe ser "official", "estimated" o "example"');
  }
  if (d.decimal !== undefined && d.decimal !== '.' && d.decimal !== ',') fail('decimal', 'must be "." or ","', 'debe ser "." o ","');
  if (d.householdIncome !== undefined && !(typeof d.householdIncome === 'number' && d.householdIncome > 0)) {
    fail('householdIncome', 'must be a positive number', 'debe ser un número positivo');
  }
  if (d.tolerance !== undefined) {
    const t = d.tolerance as Record<string, unknown>;
    if (typeof t !== 'object' || t === null) fail('tolerance', 'must be an object {relative, absolute}', 'debe ser un objeto {relative, absolute}');
    for (const k of ['relative', 'absolute']) {
      if (t[k] !== undefined && !(typeof t[k] === 'number' && (t[k] as number) >= 0)) fail(`tolerance.${k}`, 'must be a number ≥ 0', 'debe ser un número ≥ 0');
    }
  }
  if (d.satellites !== undefined) {
    if (!Array.isArray(d.satellites)) fail('satellites', 'must be a list of {row, name, kind, unit}', 'debe ser una lista de {row, name, kind, unit}');
    (d.satellites as unknown[]).forEach((s, i) => {
      const o = s as Record<string, unknown>;
      if (typeof o !== 'object' || o === null || typeof o.row !== 'string') fail(`satellites[${i}].row`, 'must name a row label', 'debe nombrar la etiqueta de una fila');
      if (o.kind !== undefined && !KINDS.includes(o.kind as SatelliteKind)) fail(`satellites[${i}].kind`, `must be one of ${KINDS.join(', ')}`, `debe ser uno de ${KINDS.join(', ')}`);
      for (const k of ['name', 'unit']) if (o[k] !== undefined && typeof o[k] !== 'string') fail(`satellites[${i}].${k}`, 'must be a string', 'debe ser un texto');
    });
  }
  if (d.greenJobs !== undefined) {
    const g = d.greenJobs as Record<string, unknown>;
    if (typeof g !== 'object' || g === null) fail('greenJobs', 'must be an object {classification, informality}', 'debe ser un objeto {classification, informality}');
    for (const k of ['classification', 'informality']) if (g[k] !== undefined && typeof g[k] !== 'string') fail(`greenJobs.${k}`, 'must be a file path', 'debe ser la ruta de un archivo');
  }
  return d as TableDescriptor;
}
