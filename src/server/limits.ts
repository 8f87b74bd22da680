/**
 * The server's budgets, in one place: how many run threads, how much memory they may use, how
 * long one run may take, how many runs may wait per user and in all, and the model limits
 * (src/sd/ir/limits.ts) tightened so that one run's result fits the server's 1 GB budget.
 * Every value can be set from the environment (read once at startup).
 */
import { availableParallelism } from 'node:os';
import type { FastifyRequest } from 'fastify';
import type { ModelLimits } from '../sd/ir/limits.js';

export interface ServerLimits {
  /** Run threads: IGEM_RUN_WORKERS, default min(4, max(2, cores)); at least 2, so one slow run leaves a thread free. */
  workers: number;
  /** Memory of all run threads together, in MB (each gets an equal share as its heap limit): IGEM_POOL_MEMORY_MB, default 640. */
  poolMemoryMb: number;
  /** Runs (and upload checks) waiting per user: IGEM_MAX_QUEUED_PER_USER, default 400. */
  maxQueuedPerUser: number;
  /** Runs waiting in all: IGEM_MAX_QUEUED, default 2,000. Beyond either, 429. */
  maxQueued: number;
  /**
   * A run is "large" when its model's scalar count × its steps passes this (IGEM_LARGE_RUN_WORK,
   * default 50 million, about a quarter of a second of work); large runs may hold at most
   * workers − 1 threads, so small ones always find one.
   */
  largeRunWork: number;
  /**
   * Batches of small runs (one message to a thread, one answer back): at most `batchMaxRuns` runs
   * (IGEM_BATCH_RUNS, default 64) and `batchWork` of model scalars × steps in all (IGEM_BATCH_WORK,
   * default 1 million, some 20 ms of work), so that a batch stays short. A run of a model whose size
   * is not known yet goes alone.
   */
  batchMaxRuns: number;
  batchWork: number;
  /**
   * Scheduling priority (`nice`, 0-19) of the large-run threads: IGEM_LARGE_RUN_NICE, default 10;
   * 0 leaves them at normal priority. Small runs and the event loop then get the cores first.
   */
  largeRunNice: number;
  /** Model limits for uploads and runs; saved points default to 2 million (~40 MB of JSON): IGEM_MAX_POINTS. */
  model: Partial<ModelLimits>;
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, zeroAllowed = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < 0 || (v === 0 && !zeroAllowed)) throw new Error(`${name}: expected a ${zeroAllowed ? 'non-negative' : 'positive'} number, got "${raw}"`);
  return v;
}

/** A whole number > 0 from the environment (the fallback when unset or empty); anything else is refused by name. */
export function envWholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name}: expected a whole number > 0, got "${raw}"`);
  return v;
}

export function defaultServerLimits(env: NodeJS.ProcessEnv = process.env): ServerLimits {
  return {
    workers: Math.max(2, Math.floor(envNumber(env, 'IGEM_RUN_WORKERS', Math.min(4, Math.max(2, availableParallelism()))))),
    poolMemoryMb: envNumber(env, 'IGEM_POOL_MEMORY_MB', 640),
    maxQueuedPerUser: envNumber(env, 'IGEM_MAX_QUEUED_PER_USER', 400),
    maxQueued: envNumber(env, 'IGEM_MAX_QUEUED', 2000),
    largeRunWork: envNumber(env, 'IGEM_LARGE_RUN_WORK', 50_000_000),
    batchMaxRuns: Math.max(1, Math.floor(envNumber(env, 'IGEM_BATCH_RUNS', 64))),
    batchWork: envNumber(env, 'IGEM_BATCH_WORK', 1_000_000),
    largeRunNice: Math.min(19, Math.floor(envNumber(env, 'IGEM_LARGE_RUN_NICE', 10, true))),
    model: { maxSavedPoints: envNumber(env, 'IGEM_MAX_POINTS', 2_000_000) },
  };
}

/**
 * Who a request counts against in the run queues: the signed-in user in multi-user mode
 * (`req.user`, set by the accounts plugin), else the client address.
 */
export type UserKeyOf = (req: FastifyRequest) => string;
export const clientAddressKey: UserKeyOf = (req) => {
  const user = (req as { user?: { id?: string | number } }).user;
  return user?.id !== undefined ? `user:${user.id}` : req.ip || 'anonymous';
};
