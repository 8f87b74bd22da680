/**
 * Ensembles from the command line: `--workers N` and `--queue URL` for commands that run many
 * simulations (added with `workersOption()` / `queueOption()` and opened with `openEnsemble`),
 * and `igem worker --queue URL`, which evaluates queued runs on this machine.
 *
 * Ctrl-C during an ensemble aborts it: queued chunks are dropped, the worker threads are
 * terminated, the command writes nothing and exits with status 130. A second Ctrl-C quits at once.
 */
import { Option, type Command } from 'commander';
import { EnsembleInterrupted } from '../analysis/ensemble/interrupt.js';
import { defaultWorkers, EnsemblePool } from '../analysis/ensemble/pool.js';
import { QueueEvaluator } from '../analysis/ensemble/queue-evaluator.js';
import { parseQueueUrl } from '../analysis/ensemble/queue-url.js';
import { startQueueWorker } from '../analysis/ensemble/queue-worker.js';
import type { EvaluateControl, EvaluateRuns } from '../analysis/sensitivity/ensemble.js';
import { InputError } from '../sd/ir/diagnostics.js';
import { action } from './exit.js';

const EXIT_INTERRUPTED = 130;

export interface EnsembleCliOptions {
  workers?: string;
  queue?: string;
}

export function workersOption(): Option {
  return new Option('--workers <n>', `worker threads for the runs (default: one per core, here ${defaultWorkers()})`);
}

export function queueOption(): Option {
  return new Option('--queue <url>', 'send the runs to a Redis queue (redis://HOST:PORT) served by `igem worker --queue URL` processes');
}

function wholeNumber(text: string, where: string, min: number): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < min) throw new InputError(where, { en: `must be a whole number >= ${min}, got "${text}"`, es: `debe ser un número entero >= ${min}, se recibió "${text}"` });
  return Number(text);
}

export interface OpenEnsemble {
  evaluate: EvaluateRuns;
  /** `base` with the Ctrl-C signal added. */
  control: EvaluateControl;
  /** Stops the threads or disconnects from the queue, and removes the Ctrl-C handler. */
  close(): Promise<void>;
}

/** A worker pool (default) or a queue for the runs of the model at `modelPath`. */
export async function openEnsemble(modelPath: string, opts: EnsembleCliOptions, base: EvaluateControl = {}): Promise<OpenEnsemble> {
  if (opts.queue !== undefined && opts.workers !== undefined) {
    throw new InputError('--workers', { en: 'with --queue the runs go to `igem worker` processes; set their threads there (igem worker --threads N)', es: 'con --queue las corridas van a procesos `igem worker`; fije allí sus hilos (igem worker --threads N)' });
  }
  const workers = opts.workers !== undefined ? wholeNumber(opts.workers, '--workers', 1) : undefined;
  const runner = opts.queue
    ? await QueueEvaluator.open(modelPath, { url: opts.queue, onNotice: (m) => process.stderr.write(`\n${m}\n`) })
    : new EnsemblePool({ kind: 'file', path: modelPath }, { workers });
  const interrupt = new AbortController();
  let presses = 0;
  const onSigint = () => {
    presses++;
    if (presses > 1) process.exit(EXIT_INTERRUPTED);
    process.stderr.write('\ninterrupted: stopping the workers (Ctrl-C again to quit at once)\n');
    process.once('exit', () => (process.exitCode = EXIT_INTERRUPTED));
    interrupt.abort(new EnsembleInterrupted());
  };
  process.on('SIGINT', onSigint);
  const where = runner instanceof EnsemblePool ? `${runner.workers} worker thread${runner.workers === 1 ? '' : 's'}` : `the queue at ${runner.address.label}`;
  process.stderr.write(`ensemble: runs on ${where} (Ctrl-C stops them)\n`);
  return {
    evaluate: runner.evaluate,
    control: { ...base, signal: base.signal ? AbortSignal.any([base.signal, interrupt.signal]) : interrupt.signal },
    async close() {
      process.off('SIGINT', onSigint);
      await runner.close();
    },
  };
}

interface WorkerCliOptions {
  queue: string;
  threads?: string;
  lockMs?: string;
}

export async function workerCommand(opts: WorkerCliOptions): Promise<void> {
  const address = parseQueueUrl(opts.queue);
  const threads = opts.threads !== undefined ? wholeNumber(opts.threads, '--threads', 1) : undefined;
  const lockMs = opts.lockMs !== undefined ? wholeNumber(opts.lockMs, '--lock-ms', 1000) : undefined;
  const log = (line: string) => process.stderr.write(`igem worker: ${line}\n`);
  const handle = await startQueueWorker({ address, threads, lockMs, log });
  await new Promise<void>((resolve, reject) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(EXIT_INTERRUPTED);
      stopping = true;
      log('stopping after the chunks in progress (Ctrl-C again to quit at once)');
      handle.close().then(resolve, reject);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  log('stopped');
}

export function registerEnsembleCommands(program: Command): void {
  program
    .command('worker')
    .description('evaluate ensemble runs from a Redis queue (sent by `igem sensitivity --queue URL`) until Ctrl-C')
    .requiredOption('--queue <url>', 'the queue: redis://HOST:PORT')
    .option('--threads <n>', `threads, and chunks taken at a time (default: one per core, here ${defaultWorkers()})`)
    .option('--lock-ms <ms>', 'how long a chunk stays claimed without a heartbeat before another worker takes it over', '30000')
    .action(action(workerCommand));
}
