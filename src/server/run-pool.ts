/**
 * Runs models off the request thread, on piscina worker threads (as the ensembles do), so that
 * one pathological request never delays the rest:
 * - a queue per user (the `user` key of each call), served round robin, so one user's burst
 *   does not starve another; each queue and the whole pool have a bound (429 beyond it);
 * - two lanes: a run whose model's scalar count × steps passes `largeRunWork` is large and runs
 *   alone on a thread of the large lane, whose threads run at a lower priority (`largeRunNice`);
 *   small runs have a lane of their own (and use an idle large thread when no large run waits),
 *   so a slow run never holds them up. A model's size is learnt from its upload check or its
 *   first run (until then its runs go alone, as small ones);
 * - batches: small runs waiting together go to a thread as one message (at most `batchMaxRuns`
 *   runs, `batchWork` of scalars × steps), so messages, thread wake-ups and result transfers are
 *   paid once per batch; each run still has its own outcome;
 * - a time budget per run, counted from the run's own start in its batch (the thread reports
 *   which run is under way in shared memory): past it the thread is terminated and replaced, that
 *   run gets a 504, and the batch's other runs are queued again at the front;
 * - a memory budget: the threads share `poolMemoryMb` as heap limits; a run that passes its
 *   share ends its thread, that run gets a 413 (the others are queued again).
 * Results come back as JSON bytes built in the thread; the event loop only writes them out.
 */
import { EventEmitter } from 'node:events';
import { messageFields, ModelError } from '../sd/ir/diagnostics.js';
import { formatCount } from '../sd/ir/limits.js';
import type { RunOptions } from '../sd/run/types.js';
import { ApiError, failureText, foreignText, modelErrorToApi } from './errors.js';
import type { ServerLimits } from './limits.js';
import type { ModelSource } from './model-catalog.js';
import { RunLane } from './run-lane.js';
import { PROGRESS_RUN, PROGRESS_STARTED, type BatchRun, type ModelInfo, type RunFailure, type RunOutcome, type WorkerTask } from './run-protocol.js';
import { RunQueue, type Size, type Waiting } from './run-queue.js';

type Done = Extract<RunOutcome, { ok: true }> & { bytes: Uint8Array };

interface Pending extends Waiting {
  source: ModelSource;
  run: Omit<BatchRun, 'source'>;
  /** Times it was queued again after another run of its batch failed. */
  retries: number;
  resolve(d: Done): void;
  reject(e: Error): void;
}

/** Names of the run options, as the HTTP body spells them (for the 400's field). */
const RUN_FIELDS = new Set(['start', 'end', 'dt', 'saveper']);
/** A run put back this many times (its batches kept failing on other runs) fails with the last error. */
const MAX_RETRIES = 3;
/** How long a batch may wait for its thread to start (a replaced thread loads the engine first). */
const STARTUP_GRACE_MS = 60_000;
/** Answers written out per turn of the event loop. */
const SETTLE_SLICE = 8;

export class RunPool {
  private readonly small: RunLane;
  private readonly large: RunLane;
  private readonly queue = new RunQueue<Pending>();
  private running = 0;
  /** Batches sent to threads, and runs queued again after a batch-mate failed (counted since start). */
  private batches = 0;
  private requeued = 0;
  private closed = false;
  private readonly info = new Map<string, ModelInfo>();
  /**
   * Abort signals of the batches under way. Piscina takes an emitter of 'abort' as well as an
   * AbortSignal; an emitter is much cheaper to make (Node makes each AbortSignal transferable).
   */
  private readonly inFlight = new Set<EventEmitter>();

  constructor(
    private readonly timeoutMs: number,
    readonly limits: ServerLimits,
  ) {
    const heapMb = Math.max(64, Math.floor(limits.poolMemoryMb / limits.workers));
    const largeThreads = largeLaneThreads(limits.workers);
    const pump = () => this.pump();
    this.small = new RunLane(limits.workers - largeThreads, heapMb, 0, pump);
    this.large = new RunLane(largeThreads, heapMb, limits.largeRunNice, pump);
  }

  /** Compiles a model and reports its size, or throws a 422 with the diagnostics. */
  async check(source: ModelSource, user = 'anonymous'): Promise<{ parameters: number; outputs: number }> {
    const d = await this.submit(source, { kind: 'check' }, user, 'small', this.limits.batchWork);
    return d.check!;
  }

  /** Runs a model; the answer is the JSON body, as bytes (a view of the batch's buffer). */
  async run(source: ModelSource, options: RunOptions, user = 'anonymous'): Promise<Buffer> {
    const { size, work } = this.sizeOf(source, options);
    const d = await this.submit(source, { kind: 'run', options }, user, size, work);
    return Buffer.from(d.bytes.buffer, d.bytes.byteOffset + d.offset, d.length);
  }

  /** Waiting and running runs, batches sent and runs queued again, for the health probe. */
  stats(): { queued: number; running: number; workers: number; batches: number; requeued: number } {
    return { queued: this.queue.length, running: this.running, workers: this.limits.workers, batches: this.batches, requeued: this.requeued };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.drain()) p.reject(shuttingDown());
    for (const c of this.inFlight) c.emit('abort');
    await Promise.all([this.small.destroy(), this.large.destroy()]);
  }

  private sizeOf(source: ModelSource, o: RunOptions): { size: Size; work: number } {
    const m = this.info.get(source.key);
    if (!m) return { size: 'small', work: this.limits.batchWork };
    const steps = ((o.end ?? m.end) - (o.start ?? m.start)) / (o.dt ?? m.dt);
    const work = m.scalars * Math.max(1, steps);
    return Number.isFinite(work) && work <= this.limits.largeRunWork ? { size: 'small', work } : { size: 'large', work: Infinity };
  }

  private submit(source: ModelSource, run: Pending['run'], user: string, size: Size, work: number): Promise<Done> {
    if (this.closed) return Promise.reject(shuttingDown());
    const waiting = this.queue.waitingFor(user);
    if (waiting >= this.limits.maxQueuedPerUser || this.queue.length >= this.limits.maxQueued) {
      const mine = waiting >= this.limits.maxQueuedPerUser;
      const n = formatCount(mine ? waiting : this.queue.length);
      const limit = formatCount(Math.min(this.limits.maxQueuedPerUser, this.limits.maxQueued));
      const text = mine
        ? { en: `you have ${n} runs waiting; the limit is ${limit}: try again shortly`, es: `tiene ${n} corridas en espera; el límite es ${limit}: intente de nuevo en un momento` }
        : { en: `${n} runs are waiting; the limit is ${limit}: try again shortly`, es: `hay ${n} corridas en espera; el límite es ${limit}: intente de nuevo en un momento` };
      return Promise.reject(new ApiError(429, 'TOO_MANY_RUNS', text));
    }
    return new Promise((resolve, reject) => {
      this.queue.add({ source, run, user, size, work, retries: 0, resolve, reject });
      this.pump();
    });
  }

  /** Fills free threads: large runs on the large lane; small batches on the small lane, then on idle large threads. */
  private pump(): void {
    if (this.closed) return;
    const { batchMaxRuns, batchWork } = this.limits;
    // A run queued before its model's size was known is weighed again: it may now share a batch.
    const workOf = (p: Pending) => (p.run.kind === 'run' ? this.sizeOf(p.source, p.run.options ?? {}).work : p.work);
    while (this.large.free && this.queue.waiting('large')) this.dispatch(this.large, this.queue.take('large', 1, Infinity));
    while (this.small.free && this.queue.waiting('small')) this.dispatch(this.small, this.queue.take('small', batchMaxRuns, batchWork, workOf));
    while (this.large.free && this.queue.waiting('small')) this.dispatch(this.large, this.queue.take('small', batchMaxRuns, batchWork, workOf));
  }

  private dispatch(lane: RunLane, batch: Pending[]): void {
    const sources: ModelSource[] = [];
    const index = new Map<string, number>();
    const runs = batch.map((p): BatchRun => {
      let i = index.get(p.source.key);
      if (i === undefined) index.set(p.source.key, (i = sources.push(p.source) - 1));
      return { ...p.run, source: i };
    });
    const progress = new SharedArrayBuffer(8);
    const epoch = Date.now();
    const task: WorkerTask = { kind: 'batch', sources, runs, limits: this.limits.model, progress, epoch };

    lane.busy++;
    this.batches++;
    this.running += batch.length;
    const abort = new EventEmitter();
    this.inFlight.add(abort);
    const p = new Int32Array(progress);
    /** The run (index) that went past its time budget. */
    let overTime: number | undefined;
    const watch = (): void => {
      const at = Atomics.load(p, PROGRESS_RUN);
      if (at > batch.length) return; // every run is done: the answer is on its way
      // Before its first run the thread may still be starting (a replaced one loads the engine):
      // that time is no run's, within a grace period.
      const left = at === 0 ? STARTUP_GRACE_MS - (Date.now() - epoch) : Atomics.load(p, PROGRESS_STARTED) + this.timeoutMs - (Date.now() - epoch);
      if (left > 0) {
        timer = setTimeout(watch, at === 0 ? Math.min(left, 250) : left);
        return;
      }
      overTime = at === 0 ? -1 : at - 1;
      abort.emit('abort');
    };
    let timer = setTimeout(watch, this.timeoutMs);
    const done = () => {
      clearTimeout(timer);
      this.inFlight.delete(abort);
      lane.busy--;
      this.running -= batch.length;
    };
    lane.pool.run(task, { signal: abort }).then(
      (answer) => {
        done();
        if (answer.kind !== 'batch' || answer.outcomes.length !== batch.length) {
          for (const q of batch) q.reject(new ApiError(500, 'INTERNAL', { en: 'run worker: unexpected answer', es: 'hilo de corridas: respuesta inesperada' }));
          return this.pump();
        }
        answer.outcomes.forEach((o, i) => o.ok && this.info.set(batch[i]!.source.key, o.info));
        // The thread gets its next batch before the answers are written out.
        this.pump();
        this.settle(batch, answer.outcomes, answer.bytes, 0);
      },
      (err: Error & { code?: string }) => {
        done();
        const at = overTime ?? Atomics.load(p, PROGRESS_RUN) - 1;
        this.failed(batch, at >= 0 && at < batch.length ? at : undefined, this.failure(err, overTime !== undefined));
        this.pump();
      },
    );
  }

  /**
   * Answers a batch's runs a slice at a time, letting the event loop serve other requests (the
   * health probe, new runs) between slices rather than writing out 64 answers in one stretch.
   */
  private settle(batch: Pending[], outcomes: RunOutcome[], bytes: Uint8Array, from: number): void {
    const end = Math.min(batch.length, from + SETTLE_SLICE);
    for (let i = from; i < end; i++) {
      const o = outcomes[i]!;
      if (o.ok) batch[i]!.resolve({ ...o, bytes });
      else batch[i]!.reject(toApiError(o.error));
    }
    if (end < batch.length) setImmediate(() => this.settle(batch, outcomes, bytes, end));
  }

  /** A batch whose thread ended: the run it was on gets the error; the others are queued again at the front. */
  private failed(batch: Pending[], culprit: number | undefined, error: ApiError): void {
    const again: Pending[] = [];
    batch.forEach((p, i) => {
      if (i === culprit || this.closed || batch.length === 1 || p.retries >= MAX_RETRIES) p.reject(this.closed ? shuttingDown() : error);
      else again.push({ ...p, retries: p.retries + 1, alone: p.alone || culprit === undefined });
    });
    this.requeued += again.length;
    // Front of their queues, in their order.
    for (const p of again.reverse()) this.queue.add(p, true);
  }

  private failure(err: Error & { code?: string }, timedOut: boolean): ApiError {
    if (timedOut) return new ApiError(504, 'RUN_TIMEOUT', { en: `the run took longer than ${this.timeoutMs} ms and was stopped`, es: `la corrida tardó más de ${this.timeoutMs} ms y se detuvo` });
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      const mb = Math.floor(this.limits.poolMemoryMb / this.limits.workers);
      return new ApiError(413, 'RUN_TOO_LARGE', {
        en: `the run needed more than this server's memory budget per run (${mb} MB) and was stopped`,
        es: `la corrida necesitó más memoria que la asignada por corrida en este servidor (${mb} MB) y se detuvo`,
      });
    }
    if (this.closed) return shuttingDown();
    return new ApiError(500, 'INTERNAL', foreignText({ en: 'run worker failed', es: 'falló el hilo de corridas' }, err.message));
  }
}

/** Threads of the large lane: half of them (at least one), the rest serve small runs. */
export function largeLaneThreads(workers: number): number {
  return Math.max(1, Math.floor(workers / 2));
}

function shuttingDown(): ApiError {
  return new ApiError(503, 'SHUTTING_DOWN', { en: 'the server is shutting down', es: 'el servidor se está apagando' });
}

function toApiError(err: RunFailure): ApiError {
  if (err.kind === 'model') return modelErrorToApi(new ModelError(err.diagnostics ?? []));
  const text = failureText(err);
  if (err.kind === 'simulation') return new ApiError(422, 'SIMULATION_FAILED', text);
  if (err.kind === 'input') {
    const field = err.where && RUN_FIELDS.has(err.where) ? `body.${err.where}` : err.where;
    return new ApiError(400, 'BAD_INPUT', text, field ? [{ field, ...messageFields(text) }] : undefined);
  }
  return new ApiError(500, 'INTERNAL', text);
}
