/**
 * Runs models off the request thread, on a piscina pool of worker threads (as the ensembles do),
 * so that one pathological request never delays the rest:
 * - a queue per user (the `user` key of each call), served round robin, so one user's burst
 *   does not starve another; each queue and the whole pool have a bound (429 beyond it);
 * - two sizes: a run whose model's scalar count × steps passes `largeRunWork` is large, and large
 *   runs may hold at most workers − 1 threads, so small runs always find one. A model's size is
 *   learnt from its upload check or its first run (until then its runs count as small);
 * - a time budget per run: past it the run is aborted, which terminates its thread, and piscina
 *   starts a fresh one (504);
 * - a memory budget: the threads share `poolMemoryMb` as heap limits; a run that passes its
 *   share ends its thread, and the request gets a 413 rather than the server running out.
 * Results come back as JSON bytes built in the thread, so the event loop only writes them out.
 */
import { Piscina } from 'piscina';
import { workerScript } from '../analysis/ensemble/worker-script.js';
import { ModelError } from '../sd/ir/diagnostics.js';
import { formatCount } from '../sd/ir/limits.js';
import type { RunOptions } from '../sd/run/types.js';
import { ApiError, modelErrorToApi } from './errors.js';
import type { ServerLimits } from './limits.js';
import type { ModelSource } from './model-catalog.js';
import type { ModelInfo, WorkerAnswer, WorkerTask } from './run-protocol.js';

type Size = 'small' | 'large';

interface Pending {
  task: WorkerTask;
  user: string;
  size: Size;
  resolve(a: Extract<WorkerAnswer, { ok: true }>): void;
  reject(e: Error): void;
}

interface UserQueues {
  small: Pending[];
  large: Pending[];
}

/** Names of the run options, as the HTTP body spells them (for the 400's field). */
const RUN_FIELDS = new Set(['start', 'end', 'dt', 'saveper']);

export class RunPool {
  private readonly pool: Piscina<WorkerTask, WorkerAnswer>;
  private readonly queues = new Map<string, UserQueues>();
  /** Users with waiting runs, in the order they are served. */
  private turn: string[] = [];
  private queued = 0;
  private busy = 0;
  private largeBusy = 0;
  private closed = false;
  private readonly info = new Map<string, ModelInfo>();
  private readonly inFlight = new Set<AbortController>();
  /** Runs wait until every thread has loaded the engine, so that loading never counts against a run's time. */
  private warm = false;

  constructor(
    private readonly timeoutMs: number,
    readonly limits: ServerLimits,
  ) {
    // The loader options (tsx under vitest) are the ensembles'; the script is this folder's.
    const { execArgv } = workerScript('pool-worker');
    const filename = new URL(`./run-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url).href;
    const heapMb = Math.max(64, Math.floor(limits.poolMemoryMb / limits.workers));
    this.pool = new Piscina<WorkerTask, WorkerAnswer>({
      filename,
      execArgv,
      minThreads: limits.workers,
      maxThreads: limits.workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: Infinity,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, heapMb >> 3)) },
    });
    // A late result of an aborted run arrives as "Unexpected message from Worker": expected.
    this.pool.on('error', () => {});
    const ping: WorkerTask = { kind: 'ping' };
    const started = () => {
      this.warm = true;
      this.pump();
    };
    void Promise.all(Array.from({ length: limits.workers }, () => this.pool.run(ping))).then(started, started);
  }

  /** Compiles a model and reports its size, or throws a 422 with the diagnostics. */
  async check(source: ModelSource, user = 'anonymous'): Promise<{ parameters: number; outputs: number }> {
    const a = await this.submit({ kind: 'check', source, limits: this.limits.model }, user, 'small');
    return a.check!;
  }

  /** Runs a model; the answer is the JSON body, as bytes. */
  async run(source: ModelSource, options: RunOptions, user = 'anonymous'): Promise<Buffer> {
    const a = await this.submit({ kind: 'run', source, options, limits: this.limits.model }, user, this.sizeOf(source, options));
    return Buffer.from(a.json!.buffer, a.json!.byteOffset, a.json!.byteLength);
  }

  /** Waiting and running tasks, for the health probe. */
  stats(): { queued: number; running: number; workers: number } {
    return { queued: this.queued, running: this.busy, workers: this.limits.workers };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queues.values()) for (const p of [...q.small, ...q.large]) p.reject(new ApiError(503, 'SHUTTING_DOWN', 'the server is shutting down'));
    this.queues.clear();
    this.turn = [];
    for (const c of this.inFlight) c.abort();
    await this.pool.destroy();
  }

  private sizeOf(source: ModelSource, o: RunOptions): Size {
    const m = this.info.get(source.key);
    if (!m) return 'small';
    const steps = ((o.end ?? m.end) - (o.start ?? m.start)) / (o.dt ?? m.dt);
    return Number.isFinite(steps) && m.scalars * Math.max(1, steps) <= this.limits.largeRunWork ? 'small' : 'large';
  }

  private submit(task: WorkerTask, user: string, size: Size): Promise<Extract<WorkerAnswer, { ok: true }>> {
    if (this.closed) return Promise.reject(new ApiError(503, 'SHUTTING_DOWN', 'the server is shutting down'));
    let q = this.queues.get(user);
    const waiting = q ? q.small.length + q.large.length : 0;
    if (waiting >= this.limits.maxQueuedPerUser || this.queued >= this.limits.maxQueued) {
      const which = waiting >= this.limits.maxQueuedPerUser ? `you have ${formatCount(waiting)} runs waiting` : `${formatCount(this.queued)} runs are waiting`;
      return Promise.reject(new ApiError(429, 'TOO_MANY_RUNS', `${which}; the limit is ${formatCount(Math.min(this.limits.maxQueuedPerUser, this.limits.maxQueued))}: try again shortly`));
    }
    return new Promise((resolve, reject) => {
      if (!q) {
        q = { small: [], large: [] };
        this.queues.set(user, q);
        this.turn.push(user);
      }
      q[size].push({ task, user, size, resolve, reject });
      this.queued++;
      this.pump();
    });
  }

  /** The next task: users in turn; a user's small runs first; large runs only while a thread stays free for small ones. */
  private pick(): Pending | undefined {
    const largeSlots = Math.max(1, this.limits.workers - 1);
    for (let i = 0; i < this.turn.length; i++) {
      const user = this.turn[i]!;
      const q = this.queues.get(user)!;
      const p = q.small.length ? q.small.shift() : q.large.length && this.largeBusy < largeSlots ? q.large.shift() : undefined;
      if (!p) continue;
      // This user goes to the back of the line; users with nothing left leave it.
      this.turn.splice(i, 1);
      if (q.small.length + q.large.length) this.turn.push(user);
      else this.queues.delete(user);
      return p;
    }
    return undefined;
  }

  private pump(): void {
    while (this.warm && !this.closed && this.busy < this.limits.workers) {
      const p = this.pick();
      if (!p) return;
      this.queued--;
      this.dispatch(p);
    }
  }

  private dispatch(p: Pending): void {
    this.busy++;
    if (p.size === 'large') this.largeBusy++;
    const abort = new AbortController();
    this.inFlight.add(abort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.timeoutMs);
    const done = () => {
      clearTimeout(timer);
      this.inFlight.delete(abort);
      this.busy--;
      if (p.size === 'large') this.largeBusy--;
      this.pump();
    };
    this.pool.run(p.task, { signal: abort.signal }).then(
      (answer) => {
        done();
        if (answer.ok) {
          if (p.task.kind !== 'ping') this.info.set(p.task.source.key, answer.info);
          p.resolve(answer);
        } else p.reject(toApiError(answer.error));
      },
      (err: Error & { code?: string }) => {
        done();
        if (timedOut) p.reject(new ApiError(504, 'RUN_TIMEOUT', `the run took longer than ${this.timeoutMs} ms and was stopped`));
        else if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          p.reject(new ApiError(413, 'RUN_TOO_LARGE', `the run needed more than this server's memory budget per run (${Math.floor(this.limits.poolMemoryMb / this.limits.workers)} MB) and was stopped`));
        } else if (this.closed) p.reject(new ApiError(503, 'SHUTTING_DOWN', 'the server is shutting down'));
        else p.reject(new ApiError(500, 'INTERNAL', `run worker failed: ${err.message}`));
      },
    );
  }
}

function toApiError(err: Extract<WorkerAnswer, { ok: false }>['error']): ApiError {
  if (err.kind === 'model') return modelErrorToApi(new ModelError(err.diagnostics ?? []));
  if (err.kind === 'simulation') return new ApiError(422, 'SIMULATION_FAILED', err.message);
  if (err.kind === 'input') {
    const field = err.where && RUN_FIELDS.has(err.where) ? `body.${err.where}` : err.where;
    return new ApiError(400, 'BAD_INPUT', err.message, field ? [{ field, message: err.message }] : undefined);
  }
  return new ApiError(500, 'INTERNAL', err.message);
}
