/**
 * A run thread of the server's pool (piscina): runs a batch of runs one after another, each
 * with its own outcome (a run that fails fails alone), compiling each model once per thread
 * (cached by key and limits). Before each run it writes the run's index and start time to the
 * batch's shared progress array, so the pool can hold that run, and only that run, to its time
 * and memory budget. The results are serialised to JSON here, off the event loop, into one
 * buffer that is moved (not copied) to the main thread.
 *
 * Threads of the large-run lane lower their own scheduling priority (`nice`, from the pool's
 * workerData) once, so that on a busy machine small runs and the event loop get the cores first.
 */
import { setPriority } from 'node:os';
import { Piscina } from 'piscina';
import { InputError, ModelError, SimulationError } from '../sd/ir/diagnostics.js';
import type { ModelLimits } from '../sd/ir/limits.js';
import { loadModelWithDiagnostics } from '../sd/node/load.js';
import type { CompiledModel } from '../sd/run/compiled-model.js';
import { compileModelText } from '../sd/run/engine.js';
import type { RunResult } from '../sd/run/types.js';
import { scanResult } from '../sd/run/nonfinite-scan.js';
import type { ModelSource } from './model-catalog.js';
import { JsonBytes } from './run-json.js';
import { PROGRESS_RUN, PROGRESS_STARTED, type BatchRun, type ModelInfo, type RunFailure, type RunOutcome, type WorkerAnswer, type WorkerTask } from './run-protocol.js';

const compiled = new Map<string, CompiledModel>();

function modelFor(src: ModelSource, limits: Partial<ModelLimits>, limitsKey: string): CompiledModel {
  const key = `${src.key}|${limitsKey}`;
  let m = compiled.get(key);
  if (!m) {
    m = 'path' in src ? loadModelWithDiagnostics(src.path, { limits }).model : compileModelText(src.text, { file: src.file, limits }).model;
    if (compiled.size >= 16) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, m);
  }
  return m;
}

function infoOf(m: CompiledModel): ModelInfo {
  return { scalars: m.scalar.nodes.length, start: m.time.start, end: m.time.end, dt: m.time.dt };
}

function failure(e: unknown): RunFailure {
  if (e instanceof ModelError) return { kind: 'model', message: e.message, diagnostics: e.diagnostics };
  if (e instanceof SimulationError) return { kind: 'simulation', message: e.message, messageEs: e.messageEs };
  if (e instanceof InputError) return { kind: 'input', message: e.message, messageEs: e.messageEs, where: e.where };
  const err = e as Error;
  return { kind: 'other', message: err?.message ?? String(e) };
}

/**
 * This thread's last run: the next run of the same model writes into its arrays (its values were
 * serialised before), instead of allocating new ones. One run is kept, not one per model, so that
 * a thread holds at most one run's arrays between batches.
 */
let last: { model: CompiledModel; result: RunResult } | undefined;

function runOne(src: ModelSource, run: BatchRun, limits: Partial<ModelLimits>, limitsKey: string, out: JsonBytes): RunOutcome {
  try {
    const m = modelFor(src, limits, limitsKey);
    if (run.kind === 'check') return { ok: true, info: infoOf(m), check: { parameters: m.parameters.length, outputs: m.outputNames.length }, offset: 0, length: 0 };
    const t0 = performance.now();
    const r = m.run({ ...run.options, into: last?.model === m ? last.result : undefined });
    last = { model: m, result: r };
    const ms = performance.now() - t0;
    // Saved NaN or ±∞: the run is made again to find the causes (only then; `ms` is the run's own time).
    const found = scanResult(r);
    const nonFinite = found.length > 0 ? m.explainNonFinite(found, run.options) : undefined;
    return { ok: true, info: infoOf(m), ...out.appendRun({ ms, names: r.names, time: r.time, series: r.series, nonFinite }) };
  } catch (e) {
    return { ok: false, error: failure(e) };
  }
}

let niced = false;
function lowerPriorityOnce(): void {
  if (niced) return;
  niced = true;
  const nice = (Piscina.workerData as { nice?: number } | undefined)?.nice;
  // On Linux this sets the calling thread's priority only; elsewhere it may not apply: harmless.
  if (nice) {
    try {
      setPriority(0, nice);
    } catch {
      /* not permitted here: the lane runs at normal priority */
    }
  }
}

export default function handle(task: WorkerTask): WorkerAnswer {
  lowerPriorityOnce();
  if (task.kind === 'ping') return { kind: 'pong' };
  const progress = new Int32Array(task.progress);
  const limitsKey = JSON.stringify(task.limits);
  const out = new JsonBytes();
  const outcomes = task.runs.map((run, i) => {
    Atomics.store(progress, PROGRESS_STARTED, Date.now() - task.epoch);
    Atomics.store(progress, PROGRESS_RUN, i + 1);
    return runOne(task.sources[run.source]!, run, task.limits, limitsKey, out);
  });
  Atomics.store(progress, PROGRESS_RUN, task.runs.length + 1);
  const answer: WorkerAnswer = { kind: 'batch', outcomes, bytes: out.bytes() };
  // The bytes are moved to the main thread, not copied.
  return Piscina.move({ [Piscina.transferableSymbol]: [answer.bytes.buffer], [Piscina.valueSymbol]: answer } as never) as unknown as WorkerAnswer;
}
