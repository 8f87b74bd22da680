/** Data made by a model with known constants, plus seeded noise: the ground truth for recovery tests. */
import jstatPkg from 'jstat';
import type { Model } from '../../sd/run/types.js';
import type { HistoricalData } from '../data/types.js';
import { uniformStream } from '../random.js';

const { jStat } = jstatPkg;

export interface SyntheticOptions {
  /** Constants used to generate the data. */
  truth: Record<string, number>;
  columns: string[];
  /** Standard deviation of the multiplicative noise: value × (1 + noise × z). */
  noise: number;
  seed: number;
  /** Keep every `every`-th saved time (default all). */
  every?: number;
}

export function syntheticData(model: Model, opts: SyntheticOptions): HistoricalData {
  const result = model.run({ params: opts.truth, columns: opts.columns });
  const rng = uniformStream(opts.seed);
  const every = opts.every ?? 1;
  return {
    source: 'synthetic',
    series: opts.columns.map((name, c) => {
      const time: number[] = [];
      const value: number[] = [];
      const sim = result.series[c];
      for (let i = 0; i < result.time.length; i += every) {
        const z = jStat.normal.inv(rng.next(), 0, 1) as number;
        time.push(result.time[i]);
        value.push(sim[i] * (1 + opts.noise * z));
      }
      return { name, where: `synthetic:${name}`, time: Float64Array.from(time), value: Float64Array.from(value) };
    }),
  };
}
