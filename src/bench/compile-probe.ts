/**
 * Times each pass of compiling one model, cold (run it in a fresh process: the bench spawns it):
 * load (read the file), parse (text → IR), workbooks (data files read through the data host),
 * expansion (IR → scalar model, less the workbook time spent inside it), ordering, codegen, and
 * assemble (the generated JavaScript turned into a function, the model's tables built). Each pass
 * gets its wall time and its CPU time (the process's, so garbage collection on helper threads
 * counts): on a shared machine CPU time is the steadier figure.
 *
 *   node dist/bench/compile-probe.js MODEL.mdl [--json]
 *   node dist/bench/compile-probe.js --generated [--json]     (the 10,000-equation bench model)
 */
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expandModel } from '../sd/analyze/expand.js';
import { orderModel } from '../sd/analyze/order.js';
import { generate } from '../sd/compile/codegen.js';
import { parseFileTags } from '../sd/data/file-tags.js';
import type { DataHost } from '../sd/data/types.js';
import { createNodeDataHost } from '../sd/node/data-host.js';
import { readModelFile } from '../sd/node/load.js';
import { CompiledModel } from '../sd/run/compiled-model.js';
import { methodFromSettings } from '../sd/run/engine.js';
import { readVensim } from '../sd/vensim/reader.js';
import { generateModel } from './generated-model.js';

export const PASSES = ['load', 'parse', 'workbooks', 'expansion', 'order', 'codegen', 'assemble'] as const;
export type Pass = (typeof PASSES)[number];

export interface PassTime {
  wall: number;
  cpu: number;
}

export interface CompileTimes {
  model: string;
  scalars: number;
  /** From process start to the compile's start: Node and the engine's modules (SheetJS included) loading. */
  startup: number;
  passes: Record<Pass, PassTime>;
  total: PassTime;
}

/** Wall and CPU milliseconds since `start()`. */
function stopwatch(): { wall: () => number; cpu: () => number } {
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  return {
    wall: () => performance.now() - w0,
    cpu: () => {
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    },
  };
}

/** Compiles a Vensim model pass by pass, timing each. `path` undefined: the generated 10k model. */
export function probeCompile(path: string | undefined): CompileTimes {
  const startup = performance.now();
  const zero = (): PassTime => ({ wall: 0, cpu: 0 });
  const passes = Object.fromEntries(PASSES.map((p) => [p, zero()])) as Record<Pass, PassTime>;
  const total = stopwatch();
  const time = <T>(pass: Pass, f: () => T): T => {
    const s = stopwatch();
    try {
      return f();
    } finally {
      passes[pass].wall += s.wall();
      passes[pass].cpu += s.cpu();
    }
  };

  const file = path ? resolve(path) : '<generated 10k>';
  const text = time('load', () => (path ? readModelFile(file, path) : generateModel(20, 100)));
  let dataHost: DataHost | undefined;
  if (path) {
    // As loadModel does: the workbooks the text names start reading on a worker thread now.
    const host = time('load', () => createNodeDataHost(dirname(file), parseFileTags(text), undefined, { modelText: text }));
    // Workbooks are read inside the expansion, when an equation first reads a sheet. Later reads of
    // that sheet hit the host's cache: they get wall time only, as process.cpuUsage() on each of
    // MEDEAS's 2,700 reads would cost more than the reads.
    const seen = new Set<string>();
    dataHost = {
      readSheet: (f, tab) => {
        const key = `${f}\u0000${tab}`;
        if (!seen.has(key)) {
          seen.add(key);
          return time('workbooks', () => host.readSheet(f, tab));
        }
        const w0 = performance.now();
        try {
          return host.readSheet(f, tab);
        } finally {
          const w = performance.now() - w0;
          passes.workbooks.wall += w;
          passes.workbooks.cpu += w;
        }
      },
      expectSheets: (f, tabs) => time('workbooks', () => host.expectSheets?.(f, tabs)),
    };
  }
  const ir = time('parse', () => readVensim(text, file));
  const { model: scalar } = time('expansion', () => expandModel(ir, { dataHost }));
  passes.expansion.wall -= passes.workbooks.wall;
  passes.expansion.cpu -= passes.workbooks.cpu;
  const { ordering, exprRefs } = time('order', () => orderModel(scalar));
  const generated = time('codegen', () => generate(scalar, ordering, undefined, { exprRefs }));
  const model = time('assemble', () => new CompiledModel(scalar, ordering, generated, { method: ir.method ?? methodFromSettings(ir.settings) }));
  return { model: path ?? 'generated 10k', scalars: model.outputNames.length, startup, passes, total: { wall: total.wall(), cpu: total.cpu() } };
}

export function formatCompileTimes(t: CompileTimes): string {
  const parts = PASSES.map((p) => `${p} ${t.passes[p].wall.toFixed(0)}/${t.passes[p].cpu.toFixed(0)}`).join(', ');
  return (
    `${t.model} (${t.scalars} scalars): compile ${t.total.wall.toFixed(0)} ms wall, ${t.total.cpu.toFixed(0)} ms CPU; ` +
    `by pass (wall/CPU ms): ${parts}; process startup before it ${t.startup.toFixed(0)} ms`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const target = args.find((a) => !a.startsWith('--'));
  if (!target && !args.includes('--generated')) {
    console.error('usage: compile-probe MODEL.mdl [--json] | compile-probe --generated [--json]');
    process.exit(2);
  }
  try {
    const times = probeCompile(target);
    console.log(args.includes('--json') ? JSON.stringify(times) : formatCompileTimes(times));
  } catch (e) {
    // A file that cannot be read or a model that does not compile: its message, not a stack trace.
    // Imported here, so that a probe that succeeds loads (and measures) nothing more.
    const { reportError } = await import('../cli/exit.js');
    process.exitCode = reportError(e);
  }
}
