/**
 * The Web Worker that owns the compiled model: compiles once on `load`, then runs on every `run`
 * and hands the series back without copying (transferred Float64Arrays).
 */
import { scanResult } from '../../sd/run/nonfinite-scan.js';
import { InputError, ModelError, SimulationError } from '../../sd/ir/diagnostics.js';
import { compileModelText } from '../../sd/run/engine.js';
import type { CompiledModel } from '../../sd/run/compiled-model.js';
import { causalGraph, drawnDiagram, feedbackLoops, layoutGroup, layoutGroups, loopCounts, type CausalGraph, type LayoutGroup, type LoopReport } from '../../sd/analyze/structure/index.js';
import type { ModelIR } from '../../sd/ir/model.js';
import { loopDominance } from '../../sd/run/loop-dominance.js';
import { dominanceSummary } from './dominance-summary.js';
import { describeVariables } from './model-info.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { ReplayDataHost } from './replay-data-host.js';
import * as fastXmlParser from 'fast-xml-parser';
import * as fflate from 'fflate';
import * as pureRand from 'pure-rand';
import { providePackage } from '../../sd/ir/lazy-package.js';

// A browser cannot load a package when the engine first asks for it: hand over those it may need
// (XMILE files, zipped workbooks, RANDOM functions) from this bundle (src/sd/ir/lazy-package.ts).
providePackage('fast-xml-parser', fastXmlParser);
providePackage('fflate', fflate);
providePackage('pure-rand', pureRand);

const scope = self as unknown as { postMessage(m: FromWorker, transfer?: Transferable[]): void; addEventListener(type: 'message', f: (e: MessageEvent<ToWorker>) => void): void };
let model: CompiledModel | undefined;
/** What loop dominance needs of the loaded model. */
let structure: { ir: ModelIR; graph: CausalGraph; report: LoopReport; groups: LayoutGroup[] } | undefined;

function load(msg: Extract<ToWorker, { type: 'load' }>): FromWorker {
  const t0 = performance.now();
  try {
    const { model: m, ir, warnings } = compileModelText(msg.text, { file: msg.file, dataHost: new ReplayDataHost(msg.sheets) });
    model = m;
    const variables = describeVariables(ir, msg.text);
    // Structure from the engine: loops (initial-value links cannot feed back), the drawn diagram.
    const graph = causalGraph(ir);
    const loopReport = feedbackLoops(graph);
    const groups = layoutGroups(ir);
    structure = { ir, graph, report: loopReport, groups };
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
        loopCounts: loopCounts(loopReport),
        views: drawn.views,
        viewWarnings: drawn.diagnostics,
        groups,
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
    const { bandBuffers, ensembleBands } = await import('./ensemble-bands.js');
    const b = ensembleBands(m, msg);
    scope.postMessage({ type: 'bands', id: msg.id, ...b }, bandBuffers(b));
  } catch (err) {
    scope.postMessage(runError(msg.id, err));
  }
}

const handle = (e: MessageEvent<ToWorker>): void => {
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
      // The explorer scores the loops it lists (ids must match): no strongest-path search here.
      const d = loopDominance(model, s.ir, s.graph, s.report, { params: msg.params, discover: false });
      scope.postMessage({ type: 'dominance', id: msg.id, ...dominanceSummary(d, s.report) });
      return;
    }
    if (msg.type === 'layout') {
      const s = structure!;
      const group = s.groups[msg.group];
      if (!group) throw new Error(`no group ${msg.group} in the model (it has ${s.groups.length})`);
      const id = msg.id;
      layoutGroup(s.graph, group).then(
        (view) => scope.postMessage({ type: 'layout', id, view }),
        (err: unknown) => scope.postMessage(runError(id, err)),
      );
      return;
    }
    const t0 = performance.now();
    const r = model.run({ params: msg.params, columns: msg.columns });
    const ms = performance.now() - t0;
    // Saved NaN or ±∞: the run is made again to name the causes (only then).
    const found = scanResult(r);
    const nonFinite = found.length > 0 ? model.explainNonFinite(found, { params: msg.params, columns: msg.columns }) : undefined;
    // Series share buffers (the engine saves columns in blocks): each buffer is transferred once.
    scope.postMessage({ type: 'result', id: msg.id, time: r.time, names: r.names, series: r.series, ms, nonFinite }, [...new Set([r.time.buffer, ...r.series.map((s) => s.buffer)])]);
  } catch (err) {
    scope.postMessage(runError(msg.id, err));
  }
};
/** A failed request as the page gets it: the engine's Spanish beside the English where it wrote one. */
function runError(id: number, err: unknown): FromWorker {
  const message = (err as Error).message ?? String(err);
  return err instanceof SimulationError || err instanceof InputError ? { type: 'run-error', id, message, messageEs: err.messageEs } : { type: 'run-error', id, message };
}

// Listened to, not assigned to `onmessage`: elkjs' bundle, once running inside a worker, sets the
// worker's `onmessage` to its own dispatcher (it expects to be the layout worker itself). Its
// dispatcher ignores our messages (they carry no `cmd`), and ours are never lost.
scope.addEventListener('message', handle);
