/** Parameters to calibrate: constants of the model with lower and upper bounds. */
import { InputError } from '../../sd/ir/diagnostics.js';
import { nameKey } from '../names.js';
import type { ModelNames } from '../model-names.js';

export interface ParameterBound {
  name: string;
  lo: number;
  hi: number;
  /** Starting value for the first start; default: the model's own value, moved inside the bounds. */
  start?: number;
  /** Where the bound was written (e.g. `--vary "g=0:1"`, `spec.json: parameters[1]`). */
  where?: string;
}

export interface ResolvedParameter {
  /** The model's spelling. */
  name: string;
  lo: number;
  hi: number;
  /** The value the first start begins from. */
  initial: number;
  where: string;
}

export function resolveBounds(names: ModelNames, bounds: readonly ParameterBound[]): ResolvedParameter[] {
  if (bounds.length === 0) {
    throw new InputError('--vary', { en: 'no parameters to calibrate: give at least one --vary NAME=LO:HI or a spec', es: 'no hay parámetros que calibrar: indique al menos un --vary NAME=LO:HI o una especificación' });
  }
  const seen = new Map<string, string>();
  return bounds.map((b, i) => {
    const where = b.where ?? `parameters[${i}]`;
    const info = names.constant(b.name, where);
    const key = nameKey(info.name);
    const first = seen.get(key);
    if (first !== undefined) throw new InputError(where, { en: `"${b.name}" is already varied (${first})`, es: `"${b.name}" ya se está variando (${first})` });
    seen.set(key, where);
    if (!Number.isFinite(b.lo) || !Number.isFinite(b.hi)) {
      throw new InputError(where, { en: `bounds of "${b.name}" must be finite numbers`, es: `los límites de "${b.name}" deben ser números finitos` });
    }
    if (b.lo >= b.hi) {
      throw new InputError(where, { en: `lower bound ${b.lo} of "${b.name}" must be below its upper bound ${b.hi}`, es: `el límite inferior ${b.lo} de "${b.name}" debe ser menor que su límite superior ${b.hi}` });
    }
    if (b.start !== undefined && !(b.start >= b.lo && b.start <= b.hi)) {
      throw new InputError(where, { en: `start ${b.start} of "${b.name}" lies outside [${b.lo}, ${b.hi}]`, es: `el inicio ${b.start} de "${b.name}" está fuera de [${b.lo}, ${b.hi}]` });
    }
    const initial = b.start ?? Math.min(b.hi, Math.max(b.lo, info.value));
    return { name: info.name, lo: b.lo, hi: b.hi, initial, where };
  });
}

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Parses `NAME=LO:HI` (or `NAME=LO:HI:START`) from the command line. */
export function parseBoundSpec(text: string): ParameterBound {
  const where = `--vary "${text}"`;
  const eq = text.lastIndexOf('=');
  if (eq <= 0) throw new InputError(where, { en: 'expected NAME=LO:HI', es: 'se esperaba NAME=LO:HI' });
  const name = text.slice(0, eq).trim();
  const parts = text.slice(eq + 1).split(':');
  if (parts.length < 2 || parts.length > 3) throw new InputError(where, { en: 'expected NAME=LO:HI (or NAME=LO:HI:START)', es: 'se esperaba NAME=LO:HI (o NAME=LO:HI:START)' });
  const nums = parts.map((p, i) => {
    if (!NUMBER.test(p)) throw new InputError(where, { en: `${['LO', 'HI', 'START'][i]} "${p.trim()}" is not a number`, es: `${['LO', 'HI', 'START'][i]} "${p.trim()}" no es un número` });
    return Number(p);
  });
  return { name, lo: nums[0], hi: nums[1], start: nums[2], where };
}
