/**
 * The local worker pool: an ensemble's runs, cut into chunks, evaluated on piscina worker threads
 * (one per core by default). Each thread compiles the model once and keeps it for every chunk.
 * Outputs are handed over by run index, so the ensemble is the same whatever the number of
 * threads or the order in which chunks finish. Aborting the control's signal, or the first
 * failing run, cancels the queued chunks and terminates the threads still running one.
 */
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { EvaluateControl, EvaluateRuns, EnsembleRequest, RunJob, RunOutput } from '../sensitivity/ensemble.js';
import type { ModelRef } from './model-ref.js';
import type { ChunkTask } from './run-chunk.js';
import { fromWireError, unpackOutputs, type ChunkReply } from './wire.js';
import { workerScript } from './worker-script.js';

export interface PoolOptions {
  /** Worker threads (default: os.availableParallelism()). */
  workers?: number;
  /** Runs per chunk (default: about 32 chunks per thread, at most 100 runs). */
  chunkSize?: number;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Enough chunks per worker for an even finish (the last chunk of one thread is all the others
 * may wait for), few enough that messaging stays cheap (a chunk costs well under a millisecond).
 */
export function chunkSizeFor(runs: number, workers: number, perWorker = 32, max = 100): number {
  return Math.max(1, Math.min(max, Math.ceil(runs / (workers * perWorker))));
}

export function splitJobs(jobs: readonly RunJob[], size: number): RunJob[][] {
  const out: RunJob[][] = [];
  for (let i = 0; i < jobs.length; i += size) out.push(jobs.slice(i, i + size));
  return out;
}

/** Piscina threads that evaluate chunks, whatever model each chunk names. */
export class ChunkPool {
  readonly workers: number;
  private readonly pool: Piscina<ChunkTask, ChunkReply>;
  private poolError: Error | undefined;

  constructor(workers = defaultWorkers()) {
    if (!(Number.isInteger(workers) && workers >= 1)) throw new Error(`ensemble: workers must be a whole number >= 1, got ${workers}`);
    this.workers = workers;
    const script = workerScript('pool-worker');
    this.pool = new Piscina<ChunkTask, ChunkReply>({
      filename: script.url,
      execArgv: script.execArgv,
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
    });
    // Errors that belong to no task. When a chunk is aborted just as its thread sends the result,
    // piscina reports the late result as "Unexpected message from Worker": expected, ignored.
    // Anything else fails the next chunk, since there is no caller to tell now.
    this.pool.on('error', (err: Error) => {
      if (!/Unexpected message from Worker/.test(err.message)) this.poolError = err;
    });
  }

  /** Evaluates one chunk; aborting `signal` drops it from the queue or terminates its thread. */
  run(task: ChunkTask, signal?: AbortSignal): Promise<ChunkReply> {
    if (this.poolError) return Promise.reject(this.poolError);
    return this.pool.run(task, { signal });
  }

  /** Terminates the threads. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

export class EnsemblePool {
  private readonly threads: ChunkPool;

  constructor(
    private readonly model: ModelRef,
    private readonly options: PoolOptions = {},
  ) {
    this.threads = new ChunkPool(options.workers ?? defaultWorkers());
  }

  get workers(): number {
    return this.threads.workers;
  }

  /** An `EvaluateRuns` for the sensitivity analyses. */
  readonly evaluate: EvaluateRuns = (request, onOutput, control) => this.evaluateChunks(request, onOutput, control);

  private evaluateChunks(request: EnsembleRequest, onOutput: (o: RunOutput) => void, control?: EvaluateControl): Promise<void> {
    const outer = control?.signal;
    if (outer?.aborted) return Promise.reject(outer.reason);
    const size = this.options.chunkSize ?? chunkSizeFor(request.jobs.length, this.workers);
    const chunks = splitJobs(request.jobs, size);
    const total = request.jobs.length;
    const stop = new AbortController();
    setMaxListeners(0, stop.signal); // one listener per queued chunk
    return new Promise<void>((resolve, reject) => {
      let pending = chunks.length;
      let done = 0;
      let settled = false;
      const finish = (err?: unknown) => {
        if (settled) return;
        settled = true;
        outer?.removeEventListener('abort', onAbort);
        if (err === undefined) return resolve();
        stop.abort(err);
        reject(err);
      };
      const onAbort = () => finish(outer!.reason);
      outer?.addEventListener('abort', onAbort, { once: true });
      if (pending === 0) return finish();
      for (const jobs of chunks) {
        const task: ChunkTask = { model: this.model, columns: request.columns, runOptions: request.runOptions, jobs };
        this.threads.run(task, stop.signal).then(
          (reply) => {
            if (settled) return;
            try {
              if (!reply.ok) throw fromWireError(reply.error);
              for (const out of unpackOutputs(reply.outputs, request.columns.length)) onOutput(out);
              done += jobs.length;
              control?.onProgress?.(done, total);
              if (--pending === 0) finish();
            } catch (err) {
              finish(err);
            }
          },
          (err: unknown) => finish(err),
        );
      }
    });
  }

  /** Terminates the threads. */
  close(): Promise<void> {
    return this.threads.close();
  }
}
