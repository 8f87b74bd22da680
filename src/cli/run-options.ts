/** Turns `--set`, `--params` and time options into RunOptions, with clear errors. */
import { existsSync } from 'node:fs';
import { InputError } from '../sd/ir/diagnostics.js';
import { readTextFile } from '../sd/node/load.js';
import type { IntegrationMethod, LookupOverride, RunOptions } from '../sd/run/types.js';

export function parseNumber(text: string, where: string): number {
  const v = Number(text.trim());
  if (text.trim() === '' || Number.isNaN(v)) throw new InputError(where, { en: `'${text}' is not a number`, es: `'${text}' no es un número` });
  return v;
}

/** `NAME=VALUE` pairs from repeated --set options. */
export function parseSets(sets: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) {
    const eq = s.lastIndexOf('=');
    if (eq <= 0) throw new InputError(`--set ${s}`, { en: 'expected NAME=VALUE', es: 'se esperaba NAME=VALUE' });
    out[s.slice(0, eq).trim()] = parseNumber(s.slice(eq + 1), `--set ${s}`);
  }
  return out;
}

/**
 * A parameters file: JSON `{ "Name": 1.5, "Table": { "x": [...], "y": [...] } }` (what
 * `igem calibrate --out-params` writes), or CSV/TSV lines `name,value`.
 */
export function readParamsFile(path: string): Record<string, number | LookupOverride> {
  if (!existsSync(path)) throw new InputError(path, { en: 'no such file', es: 'el archivo no existe' });
  const text = readTextFile(path);
  if (/\.json$/i.test(path) || text.trim().startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new InputError(path, { en: `not valid JSON: ${(err as Error).message}`, es: `no es JSON válido: ${(err as Error).message}` });
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError(path, { en: 'expected an object of name → value', es: 'se esperaba un objeto de nombre → valor' });
    const out: Record<string, number | LookupOverride> = {};
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      if (typeof v === 'number') out[k] = v;
      else if (v && typeof v === 'object' && Array.isArray((v as LookupOverride).x) && Array.isArray((v as LookupOverride).y)) out[k] = v as LookupOverride;
      else throw new InputError(`${path}: ${k}`, { en: 'expected a number or a lookup { "x": [...], "y": [...] }', es: 'se esperaba un número o una tabla (lookup) { "x": [...], "y": [...] }' });
    }
    return out;
  }
  const out: Record<string, number> = {};
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const parts = line.split(/[,\t;]/);
    if (parts.length < 2) throw new InputError(`${path}:${i + 1}:1`, { en: 'expected name,value', es: 'se esperaba nombre,valor' });
    const value = parts[parts.length - 1]!;
    const name = parts.slice(0, -1).join(',').trim().replace(/^"|"$/g, '');
    if (i === 0 && Number.isNaN(Number(value))) return; // header
    out[name] = parseNumber(value, `${path}:${i + 1}:${line.lastIndexOf(value) + 1}`);
  });
  return out;
}

export interface RunFlags {
  set?: string[];
  params?: string;
  columns?: string;
  start?: string;
  end?: string;
  dt?: string;
  saveper?: string;
  method?: string;
}

export function runOptionsFrom(flags: RunFlags): RunOptions {
  const params: Record<string, number | LookupOverride> = {};
  if (flags.params) Object.assign(params, readParamsFile(flags.params));
  if (flags.set?.length) Object.assign(params, parseSets(flags.set));
  const opts: RunOptions = { params };
  if (flags.columns) opts.columns = splitColumns(flags.columns);
  if (flags.start !== undefined) opts.start = parseNumber(flags.start, '--start');
  if (flags.end !== undefined) opts.end = parseNumber(flags.end, '--end');
  if (flags.dt !== undefined) opts.dt = parseNumber(flags.dt, '--dt');
  if (flags.saveper !== undefined) opts.saveper = parseNumber(flags.saveper, '--saveper');
  if (flags.method !== undefined) {
    if (!['euler', 'rk4', 'rk2'].includes(flags.method)) throw new InputError('--method', { en: `'${flags.method}' is not one of euler, rk4, rk2`, es: `'${flags.method}' no es uno de euler, rk4, rk2` });
    opts.method = flags.method as IntegrationMethod;
  }
  return opts;
}

/** Runs `f`; a bad time option (the engine names it `start`, `end`, `dt`, `saveper`) is reported as the command-line option. */
export function runNamingOptions<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof InputError && ['start', 'end', 'dt', 'saveper'].includes(err.where)) {
      throw new InputError(`--${err.where}`, err.text);
    }
    throw err;
  }
}

/** Splits `A,B[x,y],C` on commas outside brackets. */
export function splitColumns(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
