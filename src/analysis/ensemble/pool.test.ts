import { afterAll, describe, expect, it } from 'vitest';
import { InputError, SimulationError } from '../../sd/ir/diagnostics.js';
import { loadModel } from '../../sd/node/load.js';
import { parseVary } from '../sensitivity/distributions.js';
import { localEvaluator, runEnsemble, runSeed } from '../sensitivity/ensemble.js';
import { monteCarlo } from '../sensitivity/monte-carlo.js';
import { chainColumns } from './chain-model.js';
import { chunkSizeFor, EnsemblePool, splitJobs } from './pool.js';
import { ensembleValues, tempDir, writeChainModel } from './test-support/fixtures.js';

const dir = tempDir('igem-pool-');
const stages = 20;
const modelPath = writeChainModel(dir, { stages, finalTime: 30 });
const model = loadModel(modelPath);
const setup = {
  parameters: ['residence time=uniform(1,4)', 'loss fraction=triangular(0,0.02,0.05)', 'entry rate=normal(100,10,50,150)'].map((v) => parseVary(v)),
  columns: chainColumns(stages),
};
const pools: EnsemblePool[] = [];
function pool(workers: number, chunkSize?: number): EnsemblePool {
  const p = new EnsemblePool({ kind: 'file', path: modelPath }, { workers, chunkSize });
  pools.push(p);
  return p;
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('chunking', () => {
  it('splits jobs into consecutive chunks that cover every job once', () => {
    const jobs = Array.from({ length: 23 }, (_, index) => ({ index, params: {}, seed: runSeed(1, index) }));
    const chunks = splitJobs(jobs, 5);
    expect(chunks.map((c) => c.length)).toEqual([5, 5, 5, 5, 3]);
    expect(chunks.flat().map((j) => j.index)).toEqual(jobs.map((j) => j.index));
    expect(chunkSizeFor(10_000, 2)).toBe(100);
    expect(chunkSizeFor(1000, 2)).toBe(16);
    expect(chunkSizeFor(3, 8)).toBe(1);
  });
});

describe('EnsemblePool', () => {
  it('gives bit-identical ensembles and bands for 1, 2 and 3 threads and any chunk size', async () => {
    const runs = 97;
    const reference = await monteCarlo(model, setup, { runs, seed: 42, sampling: 'lhs', evaluate: localEvaluator(model) });
    const expected = ensembleValues(reference.ensemble);
    for (const [workers, chunkSize] of [[1, undefined], [2, 1], [3, 13]] as const) {
      const progress: number[] = [];
      const result = await monteCarlo(model, setup, {
        runs,
        seed: 42,
        sampling: 'lhs',
        evaluate: pool(workers, chunkSize).evaluate,
        control: { onProgress: (done, total) => (expect(total).toBe(runs), progress.push(done)) },
      });
      expect(ensembleValues(result.ensemble)).toEqual(expected);
      expect(result.bands).toEqual(reference.bands);
      expect(progress.at(-1)).toBe(runs);
      expect(progress.every((d, i) => i === 0 || d > progress[i - 1])).toBe(true);
    }
    // A different seed gives a different ensemble (the comparison above can fail).
    const other = await monteCarlo(model, setup, { runs, seed: 43, sampling: 'lhs', evaluate: pool(2).evaluate });
    expect(ensembleValues(other.ensemble)).not.toEqual(expected);
  });

  it('stops on abort: rejects with the reason and hands over nothing afterwards', async () => {
    const p = pool(2, 1);
    const controller = new AbortController();
    const jobs = Array.from({ length: 400 }, (_, index) => ({ index, params: { 'residence time': 1 + index / 400 }, seed: runSeed(1, index) }));
    let received = 0;
    let afterAbort = 0;
    const reason = new Error('stop now');
    const running = p.evaluate({ columns: ['total'], runOptions: {}, jobs }, () => (controller.signal.aborted ? afterAbort++ : received++), {
      signal: controller.signal,
      onProgress: (done) => done >= 5 && controller.abort(reason),
    });
    await expect(running).rejects.toBe(reason);
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toBeGreaterThanOrEqual(5);
    expect(received).toBeLessThan(400);
    expect(afterAbort).toBe(0);
    // The pool still works for the next ensemble.
    const again = await runEnsemble(p.evaluate, { columns: ['total'], runOptions: {}, jobs: jobs.slice(0, 10) });
    again.checkComplete();
  });

  it('brings errors back with their class: a failed simulation and an unknown constant', async () => {
    const p = pool(2);
    const jobs = [0, 1, 2].map((index) => ({ index, params: { 'residence time': index === 1 ? 0 : 2 }, seed: runSeed(1, index) }));
    const failed = runEnsemble(p.evaluate, { columns: ['total'], runOptions: {}, jobs });
    await expect(failed).rejects.toBeInstanceOf(SimulationError);
    const unknown = runEnsemble(p.evaluate, { columns: ['total'], runOptions: {}, jobs: [{ index: 0, params: { 'no such thing': 1 }, seed: 1 }] });
    await expect(unknown).rejects.toBeInstanceOf(InputError);
    await expect(unknown).rejects.toThrow('no such thing: is not a constant of this model');
  });
});
