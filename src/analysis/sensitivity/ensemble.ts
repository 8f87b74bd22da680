/**
 * Ensembles: the one step every sampling method shares is "evaluate these N parameter sets".
 * It is a single replaceable function (`EvaluateRuns`): the local one below runs them in this
 * thread; a worker-pool or queue implementation can take its place. Every job carries its own
 * index and seed (derived from the master seed and the index), and outputs are stored by index,
 * so results are identical whatever the order or the place of evaluation.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Model, RunOptions, RunResult } from '../../sd/run/types.js';
import { deriveSeed } from '../random.js';

/** One run to evaluate. Plain data, so that it can be sent to a worker or a queue. */
export interface RunJob {
  index: number;
  /** Constant overrides by the model's names. */
  params: Record<string, number>;
  /** Seed for the run's own random functions (derived from the master seed and `index`). */
  seed: number;
}

export interface EnsembleRequest {
  /** Output columns to return, in the model's spelling. */
  columns: string[];
  /** Time settings shared by every run. */
  runOptions: Omit<RunOptions, 'params' | 'columns' | 'into'>;
  jobs: RunJob[];
}

/** The saved times and one series per requested column, for the job with this index. */
export interface RunOutput {
  index: number;
  time: Float64Array;
  values: Float64Array[];
}

export interface EvaluateControl {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Evaluates every job once and hands each output to `onOutput`, in any order. Resolves when all
 * are done; rejects on the first failure or when `signal` aborts. An output's arrays are valid
 * only during the call: an evaluator may write the next run into them (copy what you keep).
 */
export type EvaluateRuns = (
  request: EnsembleRequest,
  onOutput: (output: RunOutput) => void,
  control?: EvaluateControl,
) => Promise<void>;

const SALT_RUN = 11;

/** The seed of run `index` under a master seed. */
export function runSeed(master: number, index: number): number {
  return deriveSeed(master, index, SALT_RUN);
}

/**
 * Evaluation in the calling thread, in index order. Each run writes into the previous run's arrays
 * (`into`): its output was consumed by `onOutput` before, and a new set of arrays per run was most
 * of what an ensemble of a small model allocated.
 */
export function localEvaluator(model: Model): EvaluateRuns {
  return async (request, onOutput, control) => {
    const total = request.jobs.length;
    let done = 0;
    let last: RunResult | undefined;
    for (const job of request.jobs) {
      if (control?.signal?.aborted) throw control.signal.reason ?? new Error('aborted');
      const result = model.run({ ...request.runOptions, params: job.params, columns: request.columns, seed: job.seed, into: last });
      last = result;
      const values = request.columns.map((c) => {
        const s = result.get(c);
        if (!s) throw new InputError(c, { en: `the run did not return "${c}"`, es: `la corrida no devolvió "${c}"` });
        return s;
      });
      onOutput({ index: job.index, time: result.time, values });
      done++;
      control?.onProgress?.(done, total);
    }
  };
}

/**
 * Holds every run's requested series, placed by run index: `value(c, t, run)`. It refuses a
 * duplicate or unknown index, so a run counted twice (or lost) cannot go unnoticed.
 */
export class EnsembleCollector {
  time: Float64Array | null = null;
  private data: Float64Array[] = [];
  private readonly seen: Uint8Array;
  private received = 0;

  constructor(
    readonly columns: string[],
    readonly runs: number,
  ) {
    this.seen = new Uint8Array(runs);
  }

  accept = (out: RunOutput): void => {
    if (!(Number.isInteger(out.index) && out.index >= 0 && out.index < this.runs)) {
      throw new Error(`ensemble: output for unknown run ${out.index}`);
    }
    if (this.seen[out.index]) throw new Error(`ensemble: run ${out.index} reported twice`);
    if (!this.time) {
      this.time = Float64Array.from(out.time);
      const nt = this.time.length;
      this.data = this.columns.map(() => new Float64Array(nt * this.runs));
    } else if (out.time.length !== this.time.length) {
      throw new Error(`ensemble: run ${out.index} saved ${out.time.length} times, others ${this.time.length}`);
    }
    const nt = this.time.length;
    out.values.forEach((series, c) => {
      const block = this.data[c];
      for (let t = 0; t < nt; t++) block[t * this.runs + out.index] = series[t];
    });
    this.seen[out.index] = 1;
    this.received++;
  };

  /** Throws unless every run has reported. */
  checkComplete(): void {
    if (this.received !== this.runs) throw new Error(`ensemble: ${this.runs - this.received} of ${this.runs} runs missing`);
  }

  /** All runs' values of column `c` at saved time `t` (a view, ordered by run index). */
  across(c: number, t: number): Float64Array {
    return this.data[c].subarray(t * this.runs, (t + 1) * this.runs);
  }

  value(c: number, t: number, run: number): number {
    return this.data[c][t * this.runs + run];
  }
}

/** Runs the jobs through `evaluate` and returns the filled collector. */
export async function runEnsemble(
  evaluate: EvaluateRuns,
  request: EnsembleRequest,
  control?: EvaluateControl,
): Promise<EnsembleCollector> {
  const collector = new EnsembleCollector(request.columns, request.jobs.length);
  request.jobs.forEach((job, i) => {
    if (job.index !== i) throw new Error(`ensemble: job ${i} has index ${job.index}`);
  });
  await evaluate(request, collector.accept, control);
  collector.checkComplete();
  return collector;
}
