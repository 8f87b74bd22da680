/**
 * Worker thread for server-side runs and upload checks: compiles each model once (cached by key)
 * and runs it. Living in a worker lets the pool stop a run that takes too long.
 */
import { parentPort } from 'node:worker_threads';
import { ModelError, SimulationError } from '../sd/ir/diagnostics.js';
import { loadModelWithDiagnostics } from '../sd/node/load.js';
import { compileModelText } from '../sd/run/engine.js';
import type { CompiledModel } from '../sd/run/compiled-model.js';
import type { WorkerAnswer, WorkerTask } from './run-protocol.js';

const compiled = new Map<string, CompiledModel>();

function modelFor(task: WorkerTask): CompiledModel {
  const src = task.source;
  let m = compiled.get(src.key);
  if (!m) {
    m = 'path' in src ? loadModelWithDiagnostics(src.path).model : compileModelText(src.text, { file: src.file }).model;
    if (compiled.size > 16) compiled.clear();
    compiled.set(src.key, m);
  }
  return m;
}

function handle(task: WorkerTask): WorkerAnswer {
  try {
    const m = modelFor(task);
    if (task.kind === 'check') {
      return { id: task.id, ok: true, check: { parameters: m.parameters.length, outputs: m.outputNames.length } };
    }
    const t0 = performance.now();
    const r = m.run(task.options);
    const ms = performance.now() - t0;
    return { id: task.id, ok: true, run: { time: Array.from(r.time), names: r.names, series: r.series.map((s) => Array.from(s)), ms } };
  } catch (e) {
    if (e instanceof ModelError) return { id: task.id, ok: false, error: { kind: 'model', message: e.message, diagnostics: e.diagnostics } };
    if (e instanceof SimulationError) return { id: task.id, ok: false, error: { kind: 'simulation', message: e.message } };
    const err = e as Error;
    return { id: task.id, ok: false, error: { kind: err.name === 'InputError' ? 'input' : 'other', message: err.message ?? String(e) } };
  }
}

parentPort!.on('message', (task: WorkerTask) => parentPort!.postMessage(handle(task)));
