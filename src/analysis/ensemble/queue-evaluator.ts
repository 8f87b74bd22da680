/**
 * `--queue redis://HOST:PORT`: an ensemble's runs as BullMQ jobs (chunks of runs) that any
 * `igem worker --queue URL` evaluates. The model goes to Redis once as a bundle (text plus data
 * files), so workers need no shared disk. Results come back as the jobs' return values, heard
 * through QueueEvents and, as a safety net for missed events, read back by a periodic sweep.
 * Every run is handed over exactly once: a chunk is collected once, and a run index already
 * received is skipped, whatever BullMQ's stalled-job recovery made workers compute twice.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, QueueEvents, type Job } from 'bullmq';
import { InputError } from '../../sd/ir/diagnostics.js';
import type { EnsembleRequest, EvaluateControl, EvaluateRuns, RunJob, RunOutput } from '../sensitivity/ensemble.js';
import { bundleHash, makeBundle, type ModelBundle } from './bundle.js';
import { splitJobs } from './pool.js';
import {
  BUNDLE_TTL_SECONDS,
  bundleKey,
  connectionFor,
  decodeFailure,
  QUEUE_NAME,
  type QueueChunkData,
  type QueueConnection,
  type QueueChunkResult,
} from './queue-protocol.js';
import { parseQueueUrl, type QueueAddress } from './queue-url.js';
import { fromWireError, packedFromJson, unpackOutputs } from './wire.js';

export interface QueueEvaluatorOptions {
  /** redis://HOST:PORT[/DB] */
  url: string;
  /** Runs per job (default: about 100 jobs per ensemble, at most 500 runs each). */
  chunkSize?: number;
  /** Give up connecting after this long (default 10 s). */
  connectTimeoutMs?: number;
  /** Seconds between sweeps for results whose events were missed (default 2). */
  sweepSeconds?: number;
  /** Messages for the user (no worker connected yet, a chunk whose worker was lost). */
  onNotice?: (message: string) => void;
}

/** Default jobs per ensemble: enough to spread over many machines, few enough to stay cheap. */
export function queueChunkSize(runs: number): number {
  return Math.max(1, Math.min(500, Math.ceil(runs / 100)));
}

export class QueueEvaluator {
  /** Ids of the jobs reported stalled (their worker stopped renewing the lock), in order. */
  readonly stalled: string[] = [];
  /** Outputs received for a run already counted (and dropped). */
  duplicates = 0;

  private constructor(
    readonly address: QueueAddress,
    private readonly queue: Queue<QueueChunkData, QueueChunkResult>,
    private readonly events: QueueEvents,
    private readonly modelHash: string,
    private readonly options: QueueEvaluatorOptions,
    private readonly connection: QueueConnection,
  ) {
    events.on('stalled', ({ jobId }) => {
      this.stalled.push(jobId);
      options.onNotice?.(`queue: chunk ${jobId} lost its worker; BullMQ put it back in the queue`);
    });
  }

  /** Connects to Redis and stores the bundle of the model at `modelPath` there. */
  static async open(modelPath: string, options: QueueEvaluatorOptions): Promise<QueueEvaluator> {
    const address = parseQueueUrl(options.url);
    const bundle = makeBundle(modelPath);
    const connection = connectionFor(address);
    const queue = new Queue<QueueChunkData, QueueChunkResult>(QUEUE_NAME, { connection: connection.options });
    const events = new QueueEvents(QUEUE_NAME, { connection: connection.options });
    let lastError = '';
    const noteError = (err: Error) => (lastError = err.message);
    queue.on('error', noteError);
    events.on('error', noteError);
    const timeout = options.connectTimeoutMs ?? 10_000;
    const ready = Promise.all([queue.waitUntilReady(), events.waitUntilReady()]).then(
      () => true,
      () => false,
    );
    if (!(await Promise.race([ready, sleep(timeout, false, { ref: false })]))) {
      connection.giveUp();
      await Promise.allSettled([queue.close(), events.close()]);
      throw new InputError('--queue', {
        en: `cannot reach Redis at ${address.label} within ${timeout / 1000} s${lastError ? ` (${lastError})` : ''}`,
        es: `no se puede conectar con Redis en ${address.label} en ${timeout / 1000} s${lastError ? ` (${lastError})` : ''}`,
      });
    }
    const evaluator = new QueueEvaluator(address, queue, events, bundleHash(bundle), options, connection);
    await evaluator.storeBundle(bundle);
    return evaluator;
  }

  private async storeBundle(bundle: ModelBundle): Promise<void> {
    const client = await this.queue.client;
    await client.set(bundleKey(this.modelHash), JSON.stringify(bundle), { EX: BUNDLE_TTL_SECONDS });
  }

  /** An `EvaluateRuns` for the sensitivity analyses. */
  readonly evaluate: EvaluateRuns = (request, onOutput, control) => this.evaluateJobs(request, onOutput, control);

  private async evaluateJobs(request: EnsembleRequest, onOutput: (o: RunOutput) => void, control?: EvaluateControl): Promise<void> {
    const outer = control?.signal;
    if (outer?.aborted) throw outer.reason;
    const ensemble = randomUUID();
    const chunks = splitJobs(request.jobs, this.options.chunkSize ?? queueChunkSize(request.jobs.length));
    const outstanding = new Map<string, RunJob[]>(chunks.map((jobs, i) => [`${ensemble}-${i}`, jobs]));
    const ids = [...outstanding.keys()];
    const seen = new Set<number>();
    const total = request.jobs.length;
    let done = 0;

    let settled = false;
    let settle!: (err?: unknown) => void;
    const finished = new Promise<void>((resolve, reject) => {
      settle = (err?: unknown) => {
        if (settled) return;
        settled = true;
        if (err === undefined) resolve();
        else reject(err);
      };
    });
    // It may settle (abort, failure) while jobs are still being added; it is awaited below.
    finished.catch(() => undefined);

    const collect = (jobId: string, value: unknown): void => {
      const jobs = outstanding.get(jobId);
      if (!jobs || settled) return; // another ensemble's job, a chunk already collected, or too late
      try {
        const result = (typeof value === 'string' ? JSON.parse(value) : value) as QueueChunkResult;
        const mine = new Set(jobs.map((j) => j.index));
        const outputs = unpackOutputs(packedFromJson(result), request.columns.length);
        if (outputs.length !== jobs.length || outputs.some((o) => !mine.has(o.index))) {
          throw new Error(`queue: chunk ${jobId} returned runs [${outputs.map((o) => o.index).join(', ')}], expected ${jobs.length} runs from ${jobs[0].index}`);
        }
        outstanding.delete(jobId);
        for (const out of outputs) {
          if (seen.has(out.index)) {
            this.duplicates++;
            continue;
          }
          seen.add(out.index);
          onOutput(out);
          done++;
        }
        control?.onProgress?.(done, total);
        if (outstanding.size === 0) settle();
      } catch (err) {
        settle(err);
      }
    };
    const failed = (jobId: string, reason: string): void => {
      if (outstanding.has(jobId)) settle(fromWireError(decodeFailure(reason)));
    };
    const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => collect(jobId, returnvalue);
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => failed(jobId, failedReason);
    const onAbort = () => settle(outer!.reason);
    this.events.on('completed', onCompleted);
    this.events.on('failed', onFailed);
    outer?.addEventListener('abort', onAbort, { once: true });

    let sweeping = false;
    const sweep = async () => {
      if (sweeping) return;
      sweeping = true;
      try {
        for (const id of [...outstanding.keys()]) {
          const job = (await this.queue.getJob(id)) as Job<QueueChunkData, QueueChunkResult> | undefined;
          if (!outstanding.has(id)) continue;
          if (!job) throw new Error(`queue: chunk ${id} disappeared from ${this.address.label} before its result was read`);
          const state = await job.getState();
          if (state === 'completed') collect(id, job.returnvalue);
          else if (state === 'failed') failed(id, job.failedReason);
        }
      } catch (err) {
        settle(err);
      } finally {
        sweeping = false;
      }
    };
    let timer: NodeJS.Timeout | undefined;

    try {
      if (chunks.length === 0) settle();
      else {
        await this.queue.addBulk(
          chunks.map((jobs, i) => ({
            name: 'runs',
            data: { ensemble, modelHash: this.modelHash, columns: request.columns, runOptions: request.runOptions, jobs },
            opts: { jobId: ids[i], attempts: 1, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
          })),
        );
        // Only once every job is in the queue: a job not yet added would look lost.
        timer = setInterval(() => void sweep(), (this.options.sweepSeconds ?? 2) * 1000);
        // CLIENT LIST may be refused (managed Redis): then say nothing.
        const workers = await this.queue.getWorkersCount().catch(() => -1);
        if (workers === 0) {
          this.options.onNotice?.(`queue: no worker is connected to ${this.address.label} yet; start some with: igem worker --queue ${this.address.label}`);
        }
      }
      await finished;
    } finally {
      clearInterval(timer);
      this.events.off('completed', onCompleted);
      this.events.off('failed', onFailed);
      outer?.removeEventListener('abort', onAbort);
      // Collected chunks are done with; chunks not yet started are withdrawn (a running one
      // cannot be removed and is left to expire).
      await Promise.allSettled(ids.map((id) => this.queue.remove(id)));
    }
  }

  async close(): Promise<void> {
    this.connection.giveUp(); // a Redis that went away must not keep us waiting
    await Promise.allSettled([this.events.close(), this.queue.close()]);
  }
}
