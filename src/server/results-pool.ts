/**
 * IO and CGE results off the request thread, on a small piscina pool of their own (the SD run pool
 * stays free for the sliders), with:
 * - a cache of answers by key (model version, scenario, lever values): a repeated request is
 *   answered at once, and requests for a key being computed share that computation;
 * - at most `maxCge` CGE solves at once (IGEM_CGE_CONCURRENCY, default 4); beyond that a 429
 *   TOO_MANY_SOLVES with Retry-After and a message in Spanish and English;
 * - a time budget per task (IGEM_RESULTS_TIMEOUT_MS, default 120 s; 504 beyond it).
 */
import { Piscina } from 'piscina';
import { workerScript } from '../analysis/ensemble/worker-script.js';
import { messageFields, ModelError } from '../sd/ir/diagnostics.js';
import { ApiError, failureText, foreignText, modelErrorToApi } from './errors.js';
import { envWholeNumber } from './limits.js';
import type { CgeAnswer, GreenJobsAnswer, ResultsAnswer, ResultsTask } from './results-task.js';

export interface ResultsLimits {
  threads: number;
  maxCge: number;
  timeoutMs: number;
  /** Answers kept (least recently used dropped first). */
  cacheSize: number;
  /** Seconds a 429 asks the client to wait. */
  retryAfterS: number;
}

export function defaultResultsLimits(workers: number, env: NodeJS.ProcessEnv = process.env): ResultsLimits {
  return {
    threads: envWholeNumber(env, 'IGEM_RESULTS_THREADS', Math.max(1, Math.min(4, workers))),
    maxCge: envWholeNumber(env, 'IGEM_CGE_CONCURRENCY', 4),
    timeoutMs: envWholeNumber(env, 'IGEM_RESULTS_TIMEOUT_MS', 120_000),
    cacheSize: envWholeNumber(env, 'IGEM_RESULTS_CACHE', 256),
    retryAfterS: 10,
  };
}

export interface Cached<T> {
  value: T;
  /** Whether the answer came from the cache (or from a computation already under way). */
  cached: boolean;
}

export class ResultsPool {
  private pool: Piscina<ResultsTask, ResultsAnswer> | undefined;
  private readonly cache = new Map<string, CgeAnswer | GreenJobsAnswer>();
  private readonly pending = new Map<string, Promise<CgeAnswer | GreenJobsAnswer>>();
  private cgeRunning = 0;
  private readonly aborts = new Set<AbortController>();

  constructor(readonly limits: ResultsLimits) {}

  /** CGE solves under way, for the health probe and tests. */
  get solving(): number {
    return this.cgeRunning;
  }

  cge(key: string, task: Extract<ResultsTask, { kind: 'cge' }>): Promise<Cached<CgeAnswer>> {
    return this.get(`cge|${key}`, task, true) as Promise<Cached<CgeAnswer>>;
  }

  greenJobs(key: string, task: Extract<ResultsTask, { kind: 'green-jobs' }>): Promise<Cached<GreenJobsAnswer>> {
    return this.get(`jobs|${key}`, task, false) as Promise<Cached<GreenJobsAnswer>>;
  }

  async close(): Promise<void> {
    for (const a of this.aborts) a.abort();
    await this.pool?.destroy();
  }

  private async get(key: string, task: ResultsTask, isCge: boolean): Promise<Cached<CgeAnswer | GreenJobsAnswer>> {
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return { value: hit, cached: true };
    }
    const under = this.pending.get(key);
    if (under) return { value: await under, cached: true };
    if (isCge && this.cgeRunning >= this.limits.maxCge) {
      throw new ApiError(
        429,
        'TOO_MANY_SOLVES',
        { en: `${this.limits.maxCge} CGE solves are under way; try again in ${this.limits.retryAfterS} s.`, es: `Hay ${this.limits.maxCge} cálculos del CGE en curso; intente de nuevo en ${this.limits.retryAfterS} s.` },
      );
    }
    if (isCge) this.cgeRunning++;
    const p = this.compute(task);
    this.pending.set(key, p);
    try {
      const value = await p;
      this.cache.set(key, value);
      if (this.cache.size > this.limits.cacheSize) this.cache.delete(this.cache.keys().next().value!);
      return { value, cached: false };
    } finally {
      this.pending.delete(key);
      if (isCge) this.cgeRunning--;
    }
  }

  private async compute(task: ResultsTask): Promise<CgeAnswer | GreenJobsAnswer> {
    this.pool ??= this.start();
    const abort = new AbortController();
    this.aborts.add(abort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.limits.timeoutMs);
    try {
      const a = await this.pool.run(task, { signal: abort.signal });
      if (!a.ok) throw toApiError(a.error);
      const value = a.cge ?? a.jobs;
      if (!value) throw new ApiError(500, 'INTERNAL', { en: 'the results thread gave no answer', es: 'el hilo de resultados no dio respuesta' });
      return value;
    } catch (e) {
      if (e instanceof ApiError) throw e;
      if (timedOut) {
        throw new ApiError(504, 'RESULTS_TIMEOUT', {
          en: `the ${task.kind} results took longer than ${this.limits.timeoutMs} ms and were stopped`,
          es: `los resultados ${task.kind} tardaron más de ${this.limits.timeoutMs} ms y se detuvieron`,
        });
      }
      throw new ApiError(500, 'INTERNAL', foreignText({ en: 'results thread failed', es: 'falló el hilo de resultados' }, (e as Error).message));
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
  }

  private start(): Piscina<ResultsTask, ResultsAnswer> {
    const { execArgv } = workerScript('pool-worker');
    const filename = new URL(`./results-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url).href;
    const pool = new Piscina<ResultsTask, ResultsAnswer>({
      filename,
      execArgv,
      minThreads: 0,
      maxThreads: this.limits.threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 5 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: 768 },
    });
    pool.on('error', () => {});
    return pool;
  }
}

function toApiError(err: Extract<ResultsAnswer, { ok: false }>['error']): ApiError {
  const text = failureText(err);
  if (err.kind === 'input') return new ApiError(400, 'BAD_INPUT', text, err.where ? [{ field: err.where, ...messageFields(text) }] : undefined);
  if (err.kind === 'simulation') return new ApiError(422, 'SIMULATION_FAILED', text);
  if (err.kind === 'model') return err.diagnostics?.length ? modelErrorToApi(new ModelError(err.diagnostics)) : new ApiError(422, 'MODEL_INVALID', text);
  return new ApiError(500, 'INTERNAL', text);
}
