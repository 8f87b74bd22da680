/**
 * A lane of the run pool: a fixed set of piscina worker threads (one batch per thread at a
 * time), warmed before use so that loading the engine never counts against a run's budget.
 * The pool keeps two: one for small runs, one for large runs whose threads run at a lower
 * scheduling priority.
 */
import { Piscina } from 'piscina';
import { workerScript } from '../analysis/ensemble/worker-script.js';
import type { WorkerAnswer, WorkerTask } from './run-protocol.js';

export class RunLane {
  readonly pool: Piscina<WorkerTask, WorkerAnswer>;
  busy = 0;
  private warm = false;

  constructor(
    readonly threads: number,
    heapMb: number,
    nice: number,
    onWarm: () => void,
  ) {
    // The loader options (tsx under vitest) are the ensembles'; the script is this folder's.
    const { execArgv } = workerScript('pool-worker');
    const filename = new URL(`./run-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url).href;
    this.pool = new Piscina<WorkerTask, WorkerAnswer>({
      filename,
      execArgv,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: Infinity,
      workerData: { nice },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, heapMb >> 3)) },
    });
    // A late result of an aborted batch arrives as "Unexpected message from Worker": expected.
    this.pool.on('error', () => {});
    const started = () => {
      this.warm = true;
      onWarm();
    };
    void Promise.all(Array.from({ length: threads }, () => this.pool.run({ kind: 'ping' }))).then(started, started);
  }

  /** A thread is free for a batch. */
  get free(): boolean {
    return this.warm && this.busy < this.threads;
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
