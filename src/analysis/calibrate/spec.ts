/**
 * The calibration spec file (`--spec FILE.json`), all fields optional:
 * {
 *   "data": "history.csv",                        (relative to the spec file)
 *   "parameters": [{ "name": "growth rate", "lo": 0, "hi": 0.1, "start": 0.03 }]
 *                 or { "growth rate": [0, 0.1] },
 *   "weights": { "Population": 2 },  "relativeErrors": false,
 *   "method": "lm" | "powell" | "nelder-mead",  "starts": 4,  "seed": 1,
 *   "maxEvaluations": 2000,  "ftol": 1e-10,  "xtol": 1e-7,
 *   "time": { "start": 0, "end": 50, "dt": 0.25, "saveper": 1 }
 * }
 */
import { dirname, resolve } from 'node:path';
import { readTimeSettings, specRoot, type Field } from '../spec-file.js';
import { OPTIMIZERS, type OptimizerName } from './calibrate.js';
import type { ParameterBound } from './parameters.js';

export interface CalibrationSpec {
  data?: string;
  parameters: ParameterBound[];
  weights?: Record<string, number>;
  relativeErrors?: boolean;
  method?: OptimizerName;
  starts?: number;
  seed?: number;
  maxEvaluations?: number;
  ftol?: number;
  xtol?: number;
  time: ReturnType<typeof readTimeSettings>;
}

function readBound(f: Field, name?: string): ParameterBound {
  if (Array.isArray(f.value)) {
    const items = f.items();
    if (items.length !== 2 && items.length !== 3) f.fail({ en: 'must be [LO, HI] or [LO, HI, START]', es: 'debe ser [LO, HI] o [LO, HI, START]' });
    return { name: name!, lo: items[0].number(), hi: items[1].number(), start: items[2]?.number(), where: f.where };
  }
  f.only(['name', 'lo', 'hi', 'start']);
  return {
    name: name ?? f.get('name').string(),
    lo: f.get('lo').number(),
    hi: f.get('hi').number(),
    start: f.get('start').optional((s) => s.number()),
    where: f.where,
  };
}

export function readCalibrationSpec(path: string): CalibrationSpec {
  const root = specRoot(path);
  root.only(['data', 'parameters', 'weights', 'relativeErrors', 'method', 'starts', 'seed', 'maxEvaluations', 'ftol', 'xtol', 'time']);
  const params = root.get('parameters');
  const parameters = !params.present
    ? []
    : Array.isArray(params.value)
      ? params.items().map((f) => readBound(f))
      : params.entries().map(([name, f]) => readBound(f, name));
  const weightsField = root.get('weights');
  const weights = weightsField.present ? Object.fromEntries(weightsField.entries().map(([k, f]) => [k, f.number()])) : undefined;
  const method = root.get('method').optional((f) => f.string());
  if (method !== undefined && !OPTIMIZERS.includes(method as OptimizerName)) {
    root.get('method').fail({ en: `unknown optimizer "${method}" (use ${OPTIMIZERS.join(', ')})`, es: `optimizador desconocido "${method}" (use ${OPTIMIZERS.join(', ')})` });
  }
  const data = root.get('data').optional((f) => f.string());
  return {
    data: data === undefined ? undefined : resolve(dirname(path), data),
    parameters,
    weights,
    relativeErrors: root.get('relativeErrors').optional((f) => f.boolean()),
    method: method as OptimizerName | undefined,
    starts: root.get('starts').optional((f) => f.integer(1)),
    seed: root.get('seed').optional((f) => f.integer(-2147483647)),
    maxEvaluations: root.get('maxEvaluations').optional((f) => f.integer(1)),
    ftol: root.get('ftol').optional((f) => f.number()),
    xtol: root.get('xtol').optional((f) => f.number()),
    time: readTimeSettings(root.get('time')),
  };
}
