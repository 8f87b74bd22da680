/**
 * Small hand-written models that honour the engine's `Model` contract, for tests and benchmarks
 * of the analyses before (and independently of) the SD engine: Euler integration of a few
 * stocks, constants as overridable parameters, saving by an integer step count.
 */
import { InputError, SimulationError } from '../../sd/ir/diagnostics.js';
import type { IntegrationMethod, Model, ParameterInfo, RunOptions, RunResult } from '../../sd/run/types.js';
import { NameTable, nameKey } from '../names.js';

export type Values = Record<string, number>;

export interface ToySpec {
  /** Constants and their default values. */
  constants: Values;
  /** Initial value of each stock from the constants. */
  initial: (c: Values) => Values;
  /** Rate of change of each stock. */
  derivatives: (stocks: Values, c: Values, time: number) => Values;
  /** Other outputs computed from stocks and constants. */
  auxiliaries?: (stocks: Values, c: Values, time: number) => Values;
  time: { start: number; end: number; dt: number; saveper: number };
}

function makeResult(time: Float64Array, names: string[], series: Float64Array[]): RunResult {
  const table = new NameTable(names.map((n, i) => [n, series[i]] as const));
  return { time, names, series, get: (name) => table.get(name) };
}

export function toyModel(spec: ToySpec): Model {
  const constantNames = Object.keys(spec.constants);
  const stockNames = Object.keys(spec.initial(spec.constants));
  const auxNames = Object.keys(spec.auxiliaries?.(spec.initial(spec.constants), spec.constants, spec.time.start) ?? {});
  const outputNames = [...stockNames, ...auxNames, ...constantNames];
  const parameters: ParameterInfo[] = constantNames.map((name) => ({ name, value: spec.constants[name] }));
  const byKey = new NameTable(constantNames.map((n) => [n, n] as const));
  const method: IntegrationMethod = 'euler';
  return {
    outputNames,
    parameters,
    time: { ...spec.time, method },
    run(options: RunOptions = {}): RunResult {
      const c: Values = { ...spec.constants };
      for (const [name, value] of Object.entries(options.params ?? {})) {
        const own = byKey.get(name);
        if (own === undefined || typeof value !== 'number') throw new InputError(`params.${name}`, { en: 'not a constant of this model', es: 'no es una constante de este modelo' });
        c[own] = value;
      }
      const start = options.start ?? spec.time.start;
      const end = options.end ?? spec.time.end;
      const dt = options.dt ?? spec.time.dt;
      const saveper = options.saveper ?? spec.time.saveper;
      const steps = Math.round((end - start) / dt);
      const saveEvery = Math.max(1, Math.round(saveper / dt));
      const keep = options.columns ? options.columns.map((n) => outputNames.find((o) => nameKey(o) === nameKey(n)) ?? n) : outputNames;
      const saves = Math.floor(steps / saveEvery) + 1;
      const time = new Float64Array(saves);
      const series = keep.map(() => new Float64Array(saves));
      let stocks = spec.initial(c);
      let row = 0;
      for (let step = 0; step <= steps; step++) {
        const t = start + step * dt;
        if (step % saveEvery === 0) {
          const all: Values = { ...stocks, ...(spec.auxiliaries?.(stocks, c, t) ?? {}), ...c };
          time[row] = t;
          keep.forEach((n, j) => (series[j][row] = all[n]));
          row++;
        }
        if (step === steps) break;
        const d = spec.derivatives(stocks, c, t);
        const next: Values = {};
        for (const s of stockNames) {
          next[s] = stocks[s] + dt * d[s];
          if (!Number.isFinite(next[s])) throw new SimulationError({ en: `${s} is not finite at time ${t + dt}`, es: `${s} no es finito en el tiempo ${t + dt}` }, s, t + dt);
        }
        stocks = next;
      }
      return makeResult(time, keep, series);
    },
  };
}

/** Exponential growth: Population' = growth rate × Population. */
export function exponentialModel(): Model {
  return toyModel({
    constants: { 'growth rate': 0.03, 'initial population': 100 },
    initial: (c) => ({ Population: c['initial population'] }),
    derivatives: (s, c) => ({ Population: c['growth rate'] * s.Population }),
    auxiliaries: (s, c) => ({ births: c['growth rate'] * s.Population }),
    time: { start: 0, end: 50, dt: 0.25, saveper: 1 },
  });
}

/** Logistic growth: x' = r x (1 - x / K). */
export function logisticModel(): Model {
  return toyModel({
    constants: { 'fractional growth': 0.25, 'carrying capacity': 1000, 'initial adopters': 10 },
    initial: (c) => ({ Adopters: c['initial adopters'] }),
    derivatives: (s, c) => ({
      Adopters: c['fractional growth'] * s.Adopters * (1 - s.Adopters / c['carrying capacity']),
    }),
    time: { start: 0, end: 60, dt: 0.125, saveper: 1 },
  });
}

/**
 * A second-order stock chain that oscillates: orders close the gap between desired and actual
 * inventory, and arrive after passing through a supply line.
 *   Supply Line' = (desired inventory - Inventory) / adjustment time - Supply Line / delivery delay
 *   Inventory'   = Supply Line / delivery delay
 * It is underdamped when adjustment time < 4 × delivery delay.
 */
export function oscillatorModel(): Model {
  return toyModel({
    constants: { 'desired inventory': 100, 'adjustment time': 2, 'delivery delay': 3, 'initial inventory': 20 },
    initial: (c) => ({ Inventory: c['initial inventory'], 'Supply Line': 0 }),
    derivatives: (s, c) => ({
      'Supply Line': (c['desired inventory'] - s.Inventory) / c['adjustment time'] - s['Supply Line'] / c['delivery delay'],
      Inventory: s['Supply Line'] / c['delivery delay'],
    }),
    auxiliaries: (s, c) => ({ orders: (c['desired inventory'] - s.Inventory) / c['adjustment time'] }),
    time: { start: 0, end: 40, dt: 0.0625, saveper: 0.5 },
  });
}
