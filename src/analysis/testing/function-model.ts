/**
 * A model without dynamics: outputs are a function of the constants, saved at a single time.
 * Lets the sensitivity methods be checked on test functions with known indices (e.g. Ishigami).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Model, RunOptions, RunResult } from '../../sd/run/types.js';
import { NameTable } from '../names.js';

export function functionModel(constants: Record<string, number>, outputs: (c: Record<string, number>) => Record<string, number>): Model {
  const constantNames = Object.keys(constants);
  const outputNames = [...Object.keys(outputs(constants)), ...constantNames];
  const own = new NameTable(constantNames.map((n) => [n, n] as const));
  return {
    outputNames,
    parameters: constantNames.map((name) => ({ name, value: constants[name] })),
    time: { start: 0, end: 0, dt: 1, saveper: 1, method: 'euler' },
    run(options: RunOptions = {}): RunResult {
      const c = { ...constants };
      for (const [name, v] of Object.entries(options.params ?? {})) {
        const key = own.get(name);
        if (key === undefined || typeof v !== 'number') throw new InputError(`params.${name}`, { en: 'not a constant', es: 'no es una constante' });
        c[key] = v;
      }
      const all = { ...outputs(c), ...c };
      const names = options.columns ?? outputNames;
      const byName = new NameTable(Object.entries(all));
      const series = names.map((n) => Float64Array.of(byName.get(n) ?? NaN));
      const table = new NameTable(names.map((n, i) => [n, series[i]] as const));
      return { time: Float64Array.of(0), names, series, get: (n) => table.get(n) };
    },
  };
}

/** Ishigami & Homma (1990): sin x1 + a sin² x2 + b x3⁴ sin x1, inputs uniform on [-π, π]. */
export function ishigamiModel(a = 7, b = 0.1): Model {
  return functionModel({ x1: 0, x2: 0, x3: 0 }, (c) => ({
    Y: Math.sin(c.x1) + a * Math.sin(c.x2) ** 2 + b * c.x3 ** 4 * Math.sin(c.x1),
  }));
}
