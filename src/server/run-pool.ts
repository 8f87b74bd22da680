/**
 * Runs models off the request thread with a time limit: one worker thread, tasks in order; a task
 * past the limit gets its worker terminated (and a fresh one for the next task).
 */
import { Worker } from 'node:worker_threads';
import { ModelError } from '../sd/ir/diagnostics.js';
import type { RunOptions } from '../sd/run/types.js';
import type { RunAnswer } from './api-types.js';
import { ApiError, modelErrorToApi } from './errors.js';
import type { ModelSource } from './model-catalog.js';
import type { WorkerAnswer, WorkerTask } from './run-protocol.js';

type TaskBody = { kind: 'check'; source: ModelSource } | { kind: 'run'; source: ModelSource; options: RunOptions };

interface Pending {
  task: WorkerTask;
  resolve(a: WorkerAnswer): void;
  reject(e: Error): void;
}

/** Under vitest the sources are .ts: the worker then registers tsx's loader before importing them. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./run-worker.js', import.meta.url));
  const url = new URL('./run-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { eval: true });
}

export class RunPool {
  private worker: Worker | undefined;
  private queue: Pending[] = [];
  private current: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private closed = false;

  constructor(private readonly timeoutMs: number) {}

  /** Compiles a model and reports its size, or throws a 422 with the diagnostics. */
  async check(source: ModelSource): Promise<{ parameters: number; outputs: number }> {
    const a = await this.submit({ kind: 'check', source });
    return a.check!;
  }

  async run(source: ModelSource, options: RunOptions): Promise<RunAnswer> {
    const a = await this.submit({ kind: 'run', source, options });
    return a.run!;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue) p.reject(new ApiError(503, 'SHUTTING_DOWN', 'the server is shutting down'));
    this.queue = [];
    if (this.timer) clearTimeout(this.timer);
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private async submit(body: TaskBody): Promise<Extract<WorkerAnswer, { ok: true }>> {
    if (this.closed) throw new ApiError(503, 'SHUTTING_DOWN', 'the server is shutting down');
    const task = { ...body, id: this.nextId++ } as WorkerTask;
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
    if (answer.ok) return answer;
    const err = answer.error;
    if (err.kind === 'model') throw modelErrorToApi(new ModelError(err.diagnostics ?? []));
    if (err.kind === 'simulation') throw new ApiError(422, 'SIMULATION_FAILED', err.message);
    if (err.kind === 'input') throw new ApiError(400, 'BAD_INPUT', err.message);
    throw new ApiError(500, 'INTERNAL', err.message);
  }

  private spawn(): Worker {
    const w = startWorker();
    w.on('message', (a: WorkerAnswer) => this.finish(a.id, (p) => p.resolve(a)));
    // A worker we terminated on purpose (time limit, close) is no longer `this.worker`: ignore it.
    w.on('error', (e) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.finish(undefined, (p) => p.reject(new ApiError(500, 'INTERNAL', `run worker failed: ${e.message}`)));
    });
    w.on('exit', () => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.finish(undefined, (p) => p.reject(new ApiError(500, 'INTERNAL', 'run worker stopped')));
    });
    w.unref();
    return w;
  }

  private finish(id: number | undefined, settle: (p: Pending) => void): void {
    const p = this.current;
    if (!p || (id !== undefined && p.task.id !== id)) return;
    this.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    settle(p);
    this.pump();
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const p = this.queue.shift();
    if (!p) return;
    this.current = p;
    this.worker ??= this.spawn();
    const w = this.worker;
    this.timer = setTimeout(() => {
      this.worker = undefined;
      this.finish(p.task.id, (q) =>
        q.reject(new ApiError(504, 'RUN_TIMEOUT', `the run took longer than ${this.timeoutMs} ms and was stopped`)),
      );
      void w.terminate();
    }, this.timeoutMs);
    w.postMessage(p.task);
  }
}
