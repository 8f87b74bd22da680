/**
 * The sensitivity spec file (`--spec FILE.json`), all fields optional:
 * {
 *   "parameters": ["growth rate=uniform(0.01,0.05)"]
 *                 or { "growth rate": "uniform(0.01,0.05)" },
 *   "runs": 1000,  "seed": 1,  "method": "random" | "lhs" | "morris" | "sobol",
 *   "columns": ["Population"],  "percentiles": [5, 25, 50, 75, 95],  "times": [2030],
 *   "levels": 4,  "bootstrap": 200,
 *   "time": { "start": 0, "end": 50, "dt": 0.25, "saveper": 1 }
 * }
 */
import { readTimeSettings, specRoot } from '../spec-file.js';
import { parseVary, type VariedParameter } from './distributions.js';

export const SENSITIVITY_METHODS = ['random', 'lhs', 'morris', 'sobol'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

export interface SensitivitySpec {
  parameters: VariedParameter[];
  runs?: number;
  seed?: number;
  method?: SensitivityMethod;
  columns?: string[];
  percentiles?: number[];
  times?: number[];
  levels?: number;
  bootstrap?: number;
  time: ReturnType<typeof readTimeSettings>;
}

export function readSensitivitySpec(path: string): SensitivitySpec {
  const root = specRoot(path);
  root.only(['parameters', 'runs', 'seed', 'method', 'columns', 'percentiles', 'times', 'levels', 'bootstrap', 'time']);
  const params = root.get('parameters');
  const parameters = !params.present
    ? []
    : Array.isArray(params.value)
      ? params.items().map((f) => parseVary(f.string(), f.where))
      : params.entries().map(([name, f]) => parseVary(`${name}=${f.string()}`, f.where));
  const method = root.get('method').optional((f) => f.string());
  if (method !== undefined && !SENSITIVITY_METHODS.includes(method as SensitivityMethod)) {
    root.get('method').fail({ en: `unknown method "${method}" (use ${SENSITIVITY_METHODS.join(', ')})`, es: `método desconocido "${method}" (use ${SENSITIVITY_METHODS.join(', ')})` });
  }
  return {
    parameters,
    runs: root.get('runs').optional((f) => f.integer(1)),
    seed: root.get('seed').optional((f) => f.integer(-2147483647)),
    method: method as SensitivityMethod | undefined,
    columns: root.get('columns').optional((f) => f.items().map((x) => x.string())),
    percentiles: root.get('percentiles').optional((f) => f.items().map((x) => x.number())),
    times: root.get('times').optional((f) => f.items().map((x) => x.number())),
    levels: root.get('levels').optional((f) => f.integer(2)),
    bootstrap: root.get('bootstrap').optional((f) => f.integer(0)),
    time: readTimeSettings(root.get('time')),
  };
}
