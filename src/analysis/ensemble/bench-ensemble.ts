/**
 * Ensemble throughput on the worker pool with 1 thread and with N threads, on identical work
 * (the bench runner calls this; nothing here asserts a speed). Without `modelPath` it generates
 * a model of about 1,000 equations (the chain of chain-model.ts, 330 stages) in a temporary
 * folder. Each pool is warmed up first (threads started, model compiled in each), so the numbers
 * are steady-state runs per second; the ensemble itself is benchEnsemble's Latin hypercube, whose
 * checksum shows that both pools computed the same results.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../sd/node/load.js';
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
}

export interface EnsembleThroughput {
  model: string;
  /** Equations of the model (its output columns: one per scalar variable). */
  equations: number;
  runs: number;
  workers: number;
  oneWorker: EnsembleBenchResult;
  nWorkers: EnsembleBenchResult;
  /** nWorkers.runsPerSecond / oneWorker.runsPerSecond */
  ratio: number;
  sameResults: boolean;
}

async function measure(modelPath: string, workers: number, runs: number, seed: number): Promise<EnsembleBenchResult> {
  const model = loadModel(modelPath);
  const pool = new EnsemblePool({ kind: 'file', path: modelPath }, { workers });
  try {
    // Warm-up: 8 runs per thread come as one-run chunks, so every thread compiles the model.
    await benchEnsemble(model, { runs: 8 * workers, seed: seed + 1, evaluate: pool.evaluate });
    return await benchEnsemble(model, { runs, seed, evaluate: pool.evaluate });
  } finally {
    await pool.close();
  }
}

export async function benchEnsembleThroughput(opts: EnsembleThroughputOptions = {}): Promise<EnsembleThroughput> {
  const runs = opts.runs ?? 10_000;
  const workers = opts.workers ?? defaultWorkers();
  const seed = opts.seed ?? 1;
  let dir: string | undefined;
  let modelPath = opts.modelPath;
  if (!modelPath) {
    dir = mkdtempSync(join(tmpdir(), 'igem-bench-ensemble-'));
    modelPath = join(dir, 'chain-330.mdl');
    writeFileSync(modelPath, chainModelText({ stages: 330 }));
  }
  try {
    const equations = loadModel(modelPath).outputNames.length;
    const oneWorker = await measure(modelPath, 1, runs, seed);
    const nWorkers = await measure(modelPath, workers, runs, seed);
    return {
      model: opts.modelPath ?? 'generated chain, 330 stages',
      equations,
      runs,
      workers,
      oneWorker,
      nWorkers,
      ratio: nWorkers.runsPerSecond / oneWorker.runsPerSecond,
      sameResults: oneWorker.checksum === nWorkers.checksum,
    };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
