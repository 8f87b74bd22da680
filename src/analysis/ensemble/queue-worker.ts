/**
 * `igem worker --queue URL`: takes chunks of runs from the BullMQ queue and evaluates them on a
 * local pool of threads (so one worker uses every core of its machine, and its main thread stays
 * free to renew job locks). The model comes as a bundle from Redis, written once to a local
 * folder and compiled once per thread. A chunk whose worker dies is not lost: when its lock
 * expires (`lockMs`) another worker's stalled-job check puts it back in the queue.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UnrecoverableError, Worker } from 'bullmq';
import { InputError } from '../../sd/ir/diagnostics.js';
import { bundleHash, writeBundle } from './bundle.js';
import { ChunkPool, defaultWorkers } from './pool.js';
import {
  bundleKey,
  connectionFor,
  encodeFailure,
  isBundle,
  QUEUE_NAME,
  type QueueChunkData,
  type QueueChunkResult,
} from './queue-protocol.js';
import type { QueueAddress } from './queue-url.js';
import { packedToJson } from './wire.js';

export interface QueueWorkerOptions {
  address: QueueAddress;
  /** Threads, and chunks taken at a time (default: os.availableParallelism()). */
  threads?: number;
  /** How long a chunk stays claimed without a heartbeat before it is handed to another worker (default 30 s). */
  lockMs?: number;
  /** Where bundles are written (default: <tmp>/igem-model-bundles). */
  bundleRoot?: string;
  /** Give up connecting after this long (default 10 s). */
  connectTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface QueueWorkerHandle {
  readonly worker: Worker<QueueChunkData, QueueChunkResult>;
  /** Stops taking chunks; waits for those in progress unless `force`. */
  close(force?: boolean): Promise<void>;
}

function fail(message: string): never {
  throw new UnrecoverableError(encodeFailure({ kind: 'other', message }));
}

export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const threads = opts.threads ?? defaultWorkers();
  const lockMs = opts.lockMs ?? 30_000;
  const root = opts.bundleRoot ?? join(tmpdir(), 'igem-model-bundles');
  const log = opts.log ?? (() => undefined);
  const pool = new ChunkPool(threads);
  const connection = connectionFor(opts.address);
  const bundleDirs = new Map<string, Promise<string>>();

  const fetchBundle = async (hash: string): Promise<string> => {
    const client = await worker.client;
    const text = await client.get(bundleKey(hash));
    if (text === null) fail(`the model bundle ${hash.slice(0, 12)} is no longer in Redis (expired or deleted); submit the ensemble again`);
    const bundle: unknown = JSON.parse(text);
    if (!isBundle(bundle) || bundleHash(bundle) !== hash) fail(`the model bundle ${hash.slice(0, 12)} in Redis is damaged`);
    return writeBundle(bundle, root, hash);
  };
  const bundleDir = (hash: string): Promise<string> => {
    let dir = bundleDirs.get(hash);
    if (!dir) {
      dir = fetchBundle(hash);
      bundleDirs.set(hash, dir);
      dir.catch(() => bundleDirs.delete(hash));
    }
    return dir;
  };

  const worker: Worker<QueueChunkData, QueueChunkResult> = new Worker<QueueChunkData, QueueChunkResult>(
    QUEUE_NAME,
    async (job) => {
      const d = job.data;
      const dir = await bundleDir(d.modelHash);
      const runs = `${d.jobs[0]?.index}-${d.jobs.at(-1)?.index}`;
      log(`chunk ${job.id} started: runs ${runs}`);
      const reply = await pool.run({ model: { kind: 'bundle', dir, hash: d.modelHash }, columns: d.columns, runOptions: d.runOptions, jobs: d.jobs });
      // A model error is the same on every worker: fail the chunk for good, without retries.
      if (!reply.ok) throw new UnrecoverableError(encodeFailure(reply.error));
      log(`chunk ${job.id} done: runs ${runs}`);
      return packedToJson(reply.outputs);
    },
    {
      connection: connection.options,
      concurrency: threads,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      // A chunk may lose its worker a few times (machines come and go) before it counts as failed.
      maxStalledCount: 5,
    },
  );
  let lastError = '';
  worker.on('error', (err) => {
    lastError = err.message;
    log(`queue error: ${err.message}`);
  });
  const timeout = opts.connectTimeoutMs ?? 10_000;
  const ready = worker.waitUntilReady().then(
    () => true,
    () => false,
  );
  if (!(await Promise.race([ready, sleep(timeout, false, { ref: false })]))) {
    connection.giveUp();
    await Promise.allSettled([worker.close(true), pool.close()]);
    throw new InputError('--queue', {
      en: `cannot reach Redis at ${opts.address.label} within ${timeout / 1000} s${lastError ? ` (${lastError})` : ''}`,
      es: `no se puede conectar con Redis en ${opts.address.label} en ${timeout / 1000} s${lastError ? ` (${lastError})` : ''}`,
    });
  }
  log(`worker ready on ${opts.address.label}, queue "${QUEUE_NAME}", ${threads} thread${threads === 1 ? '' : 's'}`);

  return {
    worker,
    async close(force = false) {
      connection.giveUp(); // a Redis that went away must not keep us waiting
      await worker.close(force);
      await pool.close();
    },
  };
}
