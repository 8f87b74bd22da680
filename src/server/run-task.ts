/**
 * A run thread of the server's pool (piscina): compiles each model once (cached by key and
 * limits) and runs it. The result is serialised to JSON here, off the event loop, and handed
 * over as bytes without a copy; the main thread only writes them to the socket.
 */
import { Piscina } from 'piscina';
import { InputError, ModelError, SimulationError } from '../sd/ir/diagnostics.js';
import { loadModelWithDiagnostics } from '../sd/node/load.js';
import { compileModelText } from '../sd/run/engine.js';
import type { CompiledModel } from '../sd/run/compiled-model.js';
import type { RunAnswer } from './api-types.js';
import type { ModelInfo, WorkerAnswer, WorkerTask } from './run-protocol.js';

const compiled = new Map<string, CompiledModel>();

function modelFor(task: Exclude<WorkerTask, { kind: 'ping' }>): CompiledModel {
  const src = task.source;
  const key = `${src.key}|${JSON.stringify(task.limits)}`;
  let m = compiled.get(key);
  if (!m) {
    m = 'path' in src ? loadModelWithDiagnostics(src.path, { limits: task.limits }).model : compileModelText(src.text, { file: src.file, limits: task.limits }).model;
    if (compiled.size >= 16) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, m);
  }
  return m;
}

function infoOf(m: CompiledModel): ModelInfo {
  return { scalars: m.scalar.nodes.length, start: m.time.start, end: m.time.end, dt: m.time.dt };
}

/** JSON text of a run, built piece by piece (one string per column, no intermediate arrays). */
function runJson(answer: Omit<RunAnswer, 'time' | 'series'> & { time: Float64Array; series: Float64Array[] }): Uint8Array {
  const parts: string[] = [`{"ms":${answer.ms},"names":${JSON.stringify(answer.names)},"time":${numbers(answer.time)},"series":[`];
  answer.series.forEach((s, i) => parts.push((i ? ',' : '') + numbers(s)));
  parts.push(']}');
  return new TextEncoder().encode(parts.join(''));
}

/** `[1,2,NaN]` as JSON: non-finite values become null, as JSON.stringify writes them. */
function numbers(a: Float64Array): string {
  let out = '[';
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    out += (i ? ',' : '') + (Number.isFinite(v) ? String(v) : 'null');
  }
  return out + ']';
}

/** The answer with its bytes marked for transfer (moved to the main thread, not copied). */
function moved(answer: WorkerAnswer & { ok: true; json: Uint8Array }): WorkerAnswer {
  const transferable = { [Piscina.transferableSymbol]: [answer.json.buffer], [Piscina.valueSymbol]: answer };
  return Piscina.move(transferable as never) as unknown as WorkerAnswer;
}

export default function handle(task: WorkerTask): WorkerAnswer {
  if (task.kind === 'ping') return { ok: true, info: { scalars: 0, start: 0, end: 0, dt: 1 } };
  try {
    const m = modelFor(task);
    if (task.kind === 'check') return { ok: true, info: infoOf(m), check: { parameters: m.parameters.length, outputs: m.outputNames.length } };
    const t0 = performance.now();
    const r = m.run(task.options);
    const ms = performance.now() - t0;
    const json = runJson({ time: r.time, names: r.names, series: r.series, ms });
    return moved({ ok: true, info: infoOf(m), json });
  } catch (e) {
    if (e instanceof ModelError) return { ok: false, error: { kind: 'model', message: e.message, diagnostics: e.diagnostics } };
    if (e instanceof SimulationError) return { ok: false, error: { kind: 'simulation', message: e.message } };
    if (e instanceof InputError) return { ok: false, error: { kind: 'input', message: e.message, where: e.where } };
    const err = e as Error;
    return { ok: false, error: { kind: 'other', message: err?.message ?? String(e) } };
  }
}
