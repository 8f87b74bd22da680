/** What every sensitivity method shares: the varied constants, the outputs kept, the run settings. */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Model, RunOptions } from '../../sd/run/types.js';
import { ModelNames } from '../model-names.js';
import { nameKey } from '../names.js';
import { quantile, type VariedParameter } from './distributions.js';
import { runSeed, type RunJob } from './ensemble.js';

export interface SensitivitySetup {
  parameters: readonly VariedParameter[];
  /** Output columns to keep (default: every output that is not a constant). */
  columns?: readonly string[];
  runOptions?: Omit<RunOptions, 'params' | 'columns'>;
}

export interface ResolvedSetup {
  parameters: VariedParameter[];
  columns: string[];
  runOptions: Omit<RunOptions, 'params' | 'columns'>;
}

/** Checks names against the model (unknown, not a constant, duplicates) and picks the columns. */
export function resolveSetup(model: Model, setup: SensitivitySetup): ResolvedSetup {
  const names = new ModelNames(model);
  if (setup.parameters.length === 0) {
    throw new InputError('--vary', { en: 'no parameters to vary: give at least one --vary "NAME=uniform(LO,HI)"', es: 'no hay parámetros que variar: indique al menos un --vary "NAME=uniform(LO,HI)"' });
  }
  const seen = new Map<string, string>();
  const parameters = setup.parameters.map((p) => {
    const info = names.constant(p.name, p.where);
    const key = nameKey(info.name);
    const first = seen.get(key);
    if (first !== undefined) throw new InputError(p.where, { en: `"${p.name}" is already varied (${first})`, es: `"${p.name}" ya se está variando (${first})` });
    seen.set(key, p.where);
    return { ...p, name: info.name };
  });
  const constants = new Set(model.parameters.map((p) => nameKey(p.name)));
  const columns = setup.columns?.length
    ? setup.columns.map((c) => names.output(c, `--columns ${c}`))
    : model.outputNames.filter((n) => !constants.has(nameKey(n)));
  if (columns.length === 0) throw new InputError('--columns', { en: 'no output columns to keep', es: 'no hay columnas de salida que conservar' });
  return { parameters, columns: [...new Set(columns)], runOptions: setup.runOptions ?? {} };
}

/** Jobs for unit-cube points: coordinate j of a point becomes parameter j through its quantile. */
export function jobsFromUnitPoints(setup: ResolvedSetup, points: readonly Float64Array[], seed: number): RunJob[] {
  return points.map((u, index) => {
    const params: Record<string, number> = {};
    setup.parameters.forEach((p, j) => (params[p.name] = quantile(p.distribution, u[j])));
    return { index, params, seed: runSeed(seed, index) };
  });
}

/** Index of the saved time nearest `t`, or an InputError when none is within half a save period. */
export function savedTimeIndex(time: Float64Array, t: number, where: string): number {
  let best = 0;
  for (let i = 1; i < time.length; i++) if (Math.abs(time[i] - t) < Math.abs(time[best] - t)) best = i;
  const spacing = time.length > 1 ? Math.abs(time[1] - time[0]) : 1;
  if (Math.abs(time[best] - t) > 1e-6 * Math.max(1, spacing)) {
    throw new InputError(where, { en: `time ${t} is not a saved time (saved: ${time[0]} to ${time[time.length - 1]} every ${spacing})`, es: `el tiempo ${t} no es un tiempo guardado (guardados: de ${time[0]} a ${time[time.length - 1]} cada ${spacing})` });
  }
  return best;
}
