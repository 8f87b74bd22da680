/**
 * Ensemble throughput on the worker pool with 1 thread and with N threads, on identical work
 * (the bench runner calls this; nothing here asserts a speed). Without `modelPath` it generates
 * a model of about 1,000 equations (the chain of chain-model.ts, 330 stages) in a temporary
 * folder. Each pool is warmed up first (threads started, model compiled in each), so the numbers
 * are steady-state runs per second, including the main thread's share (sampling, collecting,
 * percentile bands); the ensemble is benchEnsemble's Latin hypercube, whose checksum shows that
 * both pools computed the same results.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../sd/node/load.js';
import type { Model } from '../../sd/run/types.js';
import type { EvaluateRuns } from '../sensitivity/ensemble.js';
import { benchEnsemble, type EnsembleBenchResult } from '../bench-analysis.js';
import { chainModelText } from './chain-model.js';
import { defaultWorkers, EnsemblePool } from './pool.js';

export interface EnsembleThroughputOptions {
  /** A .mdl model (default: a generated ~1,000-equation chain). */
  modelPath?: string;
  /** Runs per measurement (default 10,000). */
  runs?: number;
  /** N (default: os.availableParallelism()). */
  workers?: number;
  seed?: number;
  /** Measurements per pool, alternating; the best of each is kept (default 1). */
  rounds?: number;
}

export interface EnsembleThroughput {
  model: string;
  /** Equations of the model (its output columns: one per scalar variable). */
  equations: number;
  runs: number;
  workers: number;
  oneWorker: Measured;
  nWorkers: Measured;
  /** nWorkers.runsPerSecond / oneWorker.runsPerSecond (whole Monte Carlo) */
  ratio: number;
  /** The same for the runs alone (without sampling and percentile bands, which are serial) */
  evaluateRatio: number;
  sameResults: boolean;
}

/**
 * A measurement: benchEnsemble's (whole Monte Carlo, percentile bands included), the runs alone
 * (`evaluateSeconds`, the pool's part), and the CPU time of this process meanwhile (all threads;
 * on a busy machine, cpuSeconds / seconds shows how many cores it got).
 */
export type Measured = EnsembleBenchResult & { cpuSeconds: number; evaluateSeconds: number; evaluateRunsPerSecond: number };

async function measure(model: Model, pool: EnsemblePool, runs: number, seed: number): Promise<Measured> {
  let evaluateSeconds = NaN;
  const timed: EvaluateRuns = async (request, onOutput, control) => {
    const started = performance.now();
    await pool.evaluate(request, onOutput, control);
    evaluateSeconds = (performance.now() - started) / 1000;
  };
  const before = process.cpuUsage();
  const result = await benchEnsemble(model, { runs, seed, evaluate: timed });
  const cpu = process.cpuUsage(before);
  return { ...result, cpuSeconds: (cpu.user + cpu.system) / 1e6, evaluateSeconds, evaluateRunsPerSecond: runs / evaluateSeconds };
}

/** The faster of two measurements (the one least disturbed by other work on the machine). */
function best(a: Measured | undefined, b: Measured): Measured {
  return a && a.runsPerSecond >= b.runsPerSecond ? a : b;
}

export async function benchEnsembleThroughput(opts: EnsembleThroughputOptions = {}): Promise<EnsembleThroughput> {
  const runs = opts.runs ?? 10_000;
  const workers = opts.workers ?? defaultWorkers();
  const seed = opts.seed ?? 1;
  const rounds = opts.rounds ?? 1;
  let dir: string | undefined;
  let modelPath = opts.modelPath;
  if (!modelPath) {
    dir = mkdtempSync(join(tmpdir(), 'igem-bench-ensemble-'));
    modelPath = join(dir, 'chain-330.mdl');
    writeFileSync(modelPath, chainModelText({ stages: 330 }));
  }
  try {
    const model = loadModel(modelPath);
    const equations = model.outputNames.length;
    const one = new EnsemblePool({ kind: 'file', path: modelPath }, { workers: 1 });
    const many = new EnsemblePool({ kind: 'file', path: modelPath }, { workers });
    let oneWorker: Measured | undefined;
    let nWorkers: Measured | undefined;
    try {
      // Warm-up: 8 runs per thread come as one-run chunks, so every thread compiles the model.
      for (const pool of [one, many]) await benchEnsemble(model, { runs: 8 * pool.workers, seed: seed + 1, evaluate: pool.evaluate });
      // Rounds alternate the two pools, so that a busy spell on the machine hurts both alike.
      for (let round = 0; round < rounds; round++) {
        oneWorker = best(oneWorker, await measure(model, one, runs, seed));
        nWorkers = best(nWorkers, await measure(model, many, runs, seed));
      }
    } finally {
      await Promise.all([one.close(), many.close()]);
    }
    if (!oneWorker || !nWorkers) throw new Error('bench: rounds must be >= 1');
    return {
      model: opts.modelPath ?? 'generated chain, 330 stages',
      equations,
      runs,
      workers,
      oneWorker,
      nWorkers,
      ratio: nWorkers.runsPerSecond / oneWorker.runsPerSecond,
      evaluateRatio: nWorkers.evaluateRunsPerSecond / oneWorker.evaluateRunsPerSecond,
      sameResults: oneWorker.checksum === nWorkers.checksum,
    };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
