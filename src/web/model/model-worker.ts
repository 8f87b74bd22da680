/**
 * The Web Worker that owns the compiled model: compiles once on `load`, then runs on every `run`
 * and hands the series back without copying (transferred Float64Arrays).
 */
import { ModelError } from '../../sd/ir/diagnostics.js';
import { compileModelText } from '../../sd/run/engine.js';
import type { CompiledModel } from '../../sd/run/compiled-model.js';
import { causalGraph, drawnDiagram, feedbackLoops, layoutGroups, type CausalGraph, type LoopReport } from '../../sd/analyze/structure/index.js';
import type { ModelIR } from '../../sd/ir/model.js';
import { loopDominance } from '../../sd/run/loop-dominance.js';
import { describeVariables } from './model-info.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { ReplayDataHost } from './replay-data-host.js';

const scope = self as unknown as { postMessage(m: FromWorker, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
let model: CompiledModel | undefined;
/** What loop dominance needs of the loaded model. */
let structure: { ir: ModelIR; graph: CausalGraph; report: LoopReport } | undefined;

function load(msg: Extract<ToWorker, { type: 'load' }>): FromWorker {
  const t0 = performance.now();
  try {
    const { model: m, ir, warnings } = compileModelText(msg.text, { file: msg.file, dataHost: new ReplayDataHost(msg.sheets) });
    model = m;
    const variables = describeVariables(ir, msg.text);
    // Structure from the engine: loops (initial-value links cannot feed back), the drawn diagram.
    const graph = causalGraph(ir);
    const loopReport = feedbackLoops(graph);
    structure = { ir, graph, report: loopReport };
    const drawn = drawnDiagram(ir, msg.text);
    return {
      type: 'loaded',
      facts: {
        file: msg.file,
        time: { start: m.time.start, end: m.time.end, dt: m.time.dt, saveper: m.time.saveper },
        parameters: m.parameters.map((p) => ({ ...p })),
        outputNames: [...m.outputNames],
        variables,
        graph,
        loopReport,
        views: drawn.views,
        viewWarnings: drawn.diagnostics,
        groups: layoutGroups(ir),
        warnings,
        compileMs: performance.now() - t0,
      },
    };
  } catch (e) {
    model = undefined;
    structure = undefined;
    if (e instanceof ModelError) return { type: 'load-error', message: e.message, diagnostics: e.diagnostics };
    return { type: 'load-error', message: (e as Error).message ?? String(e), diagnostics: [] };
  }
}

/** Ensembles pull in the sampling and distribution code (jstat): loaded on the first request only. */
async function bands(m: CompiledModel, msg: Extract<ToWorker, { type: 'bands' }>): Promise<void> {
  try {
    const { ensembleBands } = await import('./ensemble-bands.js');
    const b = ensembleBands(m, msg);
    scope.postMessage({ type: 'bands', id: msg.id, ...b }, [b.time.buffer, ...b.low.map((x) => x.buffer), ...b.high.map((x) => x.buffer)]);
  } catch (err) {
    scope.postMessage({ type: 'run-error', id: msg.id, message: (err as Error).message ?? String(err) });
  }
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'load') {
    scope.postMessage(load(msg));
    return;
  }
  if (!model) {
    scope.postMessage({ type: 'run-error', id: msg.id, message: 'no model is loaded' });
    return;
  }
  try {
    if (msg.type === 'bands') {
      void bands(model, msg);
      return;
    }
    if (msg.type === 'dominance') {
      const s = structure!;
      const d = loopDominance(model, s.ir, s.graph, s.report, { params: msg.params });
      scope.postMessage({ type: 'dominance', id: msg.id, shares: Object.fromEntries(d.loops.map((l) => [l.id, l.share])), notScored: d.notScored.length, periods: d.periods });
      return;
    }
    const t0 = performance.now();
    const r = model.run({ params: msg.params, columns: msg.columns });
    const ms = performance.now() - t0;
    scope.postMessage({ type: 'result', id: msg.id, time: r.time, names: r.names, series: r.series, ms }, [r.time.buffer, ...r.series.map((s) => s.buffer)]);
  } catch (err) {
    scope.postMessage({ type: 'run-error', id: msg.id, message: (err as Error).message ?? String(err) });
  }
};
