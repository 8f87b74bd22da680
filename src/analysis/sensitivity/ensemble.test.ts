/** Results must not depend on the order (or place) in which runs are evaluated. */
import { describe, expect, it } from 'vitest';
import type { Model } from '../../sd/run/types.js';
import { InputError } from '../../sd/ir/diagnostics.js';
import { compileVensim } from '../../sd/run/engine.js';
import { uniformStream } from '../random.js';
import { logisticModel } from '../testing/toy-model.js';
import { parseVary } from './distributions.js';
import { localEvaluator, runEnsemble, type EvaluateRuns } from './ensemble.js';
import { monteCarlo } from './monte-carlo.js';
import { morris } from './morris.js';
import { sobol } from './sobol.js';

/** Evaluates the jobs in a shuffled order, as a pool of workers might. */
function shuffledEvaluator(model: Model, seed: number): EvaluateRuns {
  const local = localEvaluator(model);
  return async (request, onOutput, control) => {
    const jobs = request.jobs.slice();
    const rng = uniformStream(seed);
    for (let i = jobs.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
    }
    // Two halves, as two workers would return them.
    const half = Math.floor(jobs.length / 2);
    await local({ ...request, jobs: jobs.slice(half) }, onOutput, control);
    await local({ ...request, jobs: jobs.slice(0, half) }, onOutput, control);
  };
}

const vary = ['fractional growth=triangular(0.1,0.25,0.5)', 'carrying capacity=lognormal(7,0.2)', 'initial adopters=discrete(5,10,20)'].map((v) =>
  parseVary(v),
);

/** The logistic model in Vensim text, compiled by the engine (which honours `into`; the toy model does not). */
const LOGISTIC = `Adopters = INTEG(adoption, 10) ~~|
adoption = fractional growth * Adopters * (1 - Adopters / 1000) ~~|
fractional growth = 0.25 ~~|
INITIAL TIME = 0 ~~|
FINAL TIME = 60 ~~|
TIME STEP = 0.25 ~~|
SAVEPER = 1 ~~|
`;

describe('ensembles', () => {
  it('give identical bands, Morris and Sobol indices whatever the evaluation order', async () => {
    const model = logisticModel();
    const setup = { parameters: vary, columns: ['Adopters'] };
    for (const sampling of ['random', 'lhs'] as const) {
      const a = await monteCarlo(model, setup, { runs: 101, seed: 17, sampling });
      const b = await monteCarlo(model, setup, { runs: 101, seed: 17, sampling, evaluate: shuffledEvaluator(model, 4) });
      expect(b.bands.columns).toEqual(a.bands.columns);
      const c = await monteCarlo(model, setup, { runs: 101, seed: 18, sampling });
      expect(c.bands.columns).not.toEqual(a.bands.columns);
    }
    const m1 = await morris(model, setup, { trajectories: 10, seed: 2 });
    const m2 = await morris(model, setup, { trajectories: 10, seed: 2, evaluate: shuffledEvaluator(model, 9) });
    expect(m2.indices).toEqual(m1.indices);
    const s1 = await sobol(model, setup, { baseSamples: 64, seed: 2, times: [10, 20] });
    const s2 = await sobol(model, setup, { baseSamples: 64, seed: 2, times: [10, 20], evaluate: shuffledEvaluator(model, 1) });
    expect(s2.indices).toEqual(s1.indices);
    expect(s1.indices).toHaveLength(6);
  });

  it('write each run into the previous run\'s arrays, while the collector keeps every run\'s own values', async () => {
    const model = compileVensim(LOGISTIC).model;
    const jobs = [0.1, 0.3, 0.5].map((g, index) => ({ index, params: { 'fractional growth': g }, seed: index + 1 }));
    const request = { columns: ['Adopters', 'adoption'], runOptions: {}, jobs };
    const buffers = new Set<ArrayBufferLike>();
    await localEvaluator(model)(request, (o) => void buffers.add(o.values[0]!.buffer));
    expect(buffers.size).toBe(1);
    const collected = await runEnsemble(localEvaluator(model), request);
    for (const job of jobs) {
      const own = model.run({ params: job.params, columns: request.columns, seed: job.seed });
      own.series.forEach((series, c) => series.forEach((x, t) => expect(collected.value(c, t, job.index)).toBe(x)));
    }
    expect(collected.value(0, 40, 0)).not.toBe(collected.value(0, 40, 2));
  });

  it('notice a run reported twice or missing', async () => {
    const model = logisticModel();
    const twice: EvaluateRuns = async (request, onOutput) => {
      await localEvaluator(model)(request, onOutput);
      await localEvaluator(model)({ ...request, jobs: request.jobs.slice(0, 1) }, onOutput);
    };
    await expect(monteCarlo(model, { parameters: vary }, { runs: 5, evaluate: twice })).rejects.toThrow('run 0 reported twice');
    const missing: EvaluateRuns = (request, onOutput) => localEvaluator(model)({ ...request, jobs: request.jobs.slice(1) }, onOutput);
    await expect(monteCarlo(model, { parameters: vary }, { runs: 5, evaluate: missing })).rejects.toThrow('1 of 5 runs missing');
  });

  it('reject unknown and computed names, and unsaved times', async () => {
    const model = logisticModel();
    const err = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        if (e instanceof InputError) return e.message;
        throw e;
      }
      throw new Error('expected an InputError');
    };
    expect(await err(monteCarlo(model, { parameters: [parseVary('Adopters=uniform(1,2)')] }, { runs: 5 }))).toContain('"Adopters" is not a constant');
    expect(await err(monteCarlo(model, { parameters: [parseVary('adopter=uniform(1,2)')] }, { runs: 5 }))).toContain('unknown variable "adopter"');
    expect(await err(monteCarlo(model, { parameters: vary, columns: ['Nope'] }, { runs: 5 }))).toBe(
      '--columns Nope: unknown variable "Nope": the model has no output of that name',
    );
    expect(await err(sobol(model, { parameters: vary }, { baseSamples: 4, times: [10.3] }))).toContain('time 10.3 is not a saved time');
  });
});
