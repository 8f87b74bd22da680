/**
 * `npm run bench`: our engine and SDEverywhere 0.7.28's generated JavaScript timed in one
 * process on the same models, plus the targets of the other modules (IO multipliers,
 * calibration, ensemble throughput). Prints a table of ms per run and ratios and writes
 * out/bench/results.json. Targets are ratios against the peer measured in the same run.
 * Last, the web simulator's slider → redrawn-charts latency in headless Chromium on the Peru model
 * (src/web/bench-latency.ts), with the load average beside it; skipped, saying why, without a browser.
 * `npm run bench -- --only=gen10k,e4a --reps=3` runs some sections, each row timed in interleaved
 * repetitions (src/bench/bench-options.ts, src/bench/pair-timing.ts).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../sd/node/load.js';
import { compileVensim } from '../sd/run/engine.js';
import type { Model, RunResult } from '../sd/run/types.js';
import { benchModelsRoot, publishedColumnsOf } from '../conformance/bench-models.js';
import { suiteRoot } from '../conformance/suite.js';
import { benchIoMultipliers } from '../econ/io/bench-io.js';
import { cgeBenchLine } from '../econ/cge/bench-cge.js';
import { linkBenchLine } from '../econ/link/bench-link.js';
import { benchCalibration } from '../analysis/bench-analysis.js';
import { benchEnsembleThroughput } from '../analysis/ensemble/bench-ensemble.js';
import { benchGreenJobs } from '../econ/greenjobs/bench-greenjobs.js';
import { generateModel } from './generated-model.js';
import { sliderSection } from './slider-section.js';
import { sdeCPeerLine } from './sde-c-peer.js';
import { parseBenchOptions, type BenchOptions, type BenchSection } from './bench-options.js';
import { ratioText, timePair } from './pair-timing.js';
import { loadPeerModule, type PeerModel } from '../conformance/sde-peer.js';
import type { PeerGenerateRequest } from './peer-generate.js';

interface Row {
  model: string;
  equations: number;
  outputs: string;
  compileMs?: number;
  /** Ours, each run returning new arrays (median over the repetitions). */
  oursMs?: number;
  peerMs?: number;
  ratio?: number;
  /** Ours writing each run into the previous run's arrays (`into`), as the peer's runner reuses its one output buffer: the headline. */
  oursReuseMs?: number;
  reuseRatio?: number;
  /** Per-repetition ratios (ours / peer in the same repetition). */
  ratios?: number[];
  reuseRatios?: number[];
  /** MB our run allocates for its results when it returns new arrays (none when reusing). */
  oursAllocMb?: number;
  /** MB of the peer's one output buffer, allocated at its first run and reused by every run. */
  peerBufferMb?: number;
  /** Minor page faults per run: ours with new arrays, ours reusing them. */
  oursFaults?: number;
  reuseFaults?: number;
  /** Which ratio the targets are judged on. */
  headline: 'arrays reused';
  note?: string;
}

/** Bytes of saved values: one float64 per point of every column and of the time column. */
function resultMb(columns: number, points: number): number {
  return ((columns + 1) * points * 8) / 1048576;
}

/**
 * The peer for a model: SDEverywhere's generator runs in a child process (src/bench/peer-generate.ts)
 * and this process imports only the module it wrote, so the generator's heap does not make our
 * runs' garbage collections longer. `names`: the peer copy's name map, when it has one.
 */
async function preparePeerSafely(mdl: string, outputs: string[], workDir: string, names?: string): Promise<{ peer?: PeerModel; note?: string }> {
  const failed = (msg: string) => ({ note: `peer failed: ${msg.split('\n')[0]!.slice(0, 120)}` });
  const script = fileURLToPath(new URL('./peer-generate.js', import.meta.url));
  const request: PeerGenerateRequest = { mdl, outputs, workDir, names };
  const r = spawnSync(process.execPath, [script], { input: JSON.stringify(request), encoding: 'utf8' });
  if (r.status !== 0) return failed(r.stderr.trim() || `the generator exited with ${r.status ?? r.signal}`);
  try {
    return { peer: await loadPeerModule(r.stdout.trim(), mdl, outputs) };
  } catch (err) {
    return failed((err as Error).message);
  }
}

/** Times a loaded model against the peer (when given) in `reps` interleaved repetitions. */
async function timeModel(
  label: string,
  model: Model,
  columns: string[] | undefined,
  outputs: string,
  opts: { reps: number; peerMdl?: string; names?: string; workDir: string; peer?: boolean; compileMs?: number },
): Promise<Row> {
  const p = opts.peer === false ? { note: 'peer: SDEverywhere generates no code for this model as published' } : await preparePeerSafely(opts.peerMdl!, columns ?? [], opts.workDir, opts.names);
  let last: RunResult | undefined;
  const t = timePair(
    () => model.run({ columns }),
    () => (last = model.run({ columns, into: last })),
    p.peer ? () => p.peer!.run() : undefined,
    opts.reps,
  );
  const saved = last!;
  const peerBufferMb = p.peer ? (p.peer.outputNames.length * p.peer.time.length * 8) / 1048576 : undefined;
  return {
    model: label,
    equations: model.outputNames.length,
    outputs,
    compileMs: opts.compileMs,
    oursMs: t.oursMs,
    peerMs: t.peerMs,
    ratio: t.peerMs ? t.oursMs / t.peerMs : undefined,
    oursReuseMs: t.oursReuseMs,
    reuseRatio: t.peerMs ? t.oursReuseMs / t.peerMs : undefined,
    ratios: t.ratios,
    reuseRatios: t.reuseRatios,
    oursAllocMb: resultMb(saved.series.length, saved.time.length),
    peerBufferMb,
    oursFaults: t.oursFaults,
    reuseFaults: t.reuseFaults,
    headline: 'arrays reused',
    note: p.note,
  };
}

async function benchPair(label: string, mdl: string, opts: { outputs: 'one' | 'all'; reps: number; peerMdl?: string; names?: string; workDir: string; peer?: boolean; column?: string }): Promise<Row> {
  const t0 = performance.now();
  const model = loadModel(mdl);
  const compileMs = performance.now() - t0;
  const columns = opts.outputs === 'one' ? [opts.column ?? model.outputNames.find((n) => !/^(FINAL TIME|INITIAL TIME|TIME STEP|SAVEPER)$/i.test(n))!] : undefined;
  return timeModel(label, model, columns, opts.outputs === 'one' ? '1' : 'all', { ...opts, peerMdl: opts.peerMdl ?? mdl, compileMs });
}

/** The suite's largest Vensim models by scalar count. */
function largestSuiteModels(root: string, count: number): { name: string; path: string; size: number }[] {
  const out: { name: string; path: string; size: number }[] = [];
  const tests = join(root, 'tests');
  for (const dir of readdirSync(tests)) {
    for (const f of readdirSync(join(tests, dir))) {
      if (!f.endsWith('.mdl')) continue;
      try {
        const m = loadModel(join(tests, dir, f));
        out.push({ name: `${dir}/${f}`, path: join(tests, dir, f), size: m.outputNames.length });
      } catch {
        // Models that need data we do not have are not timed.
      }
    }
  }
  return out.sort((a, b) => b.size - a.size).slice(0, count);
}

/** One line per model from src/bench/compile-probe.ts run cold (its own process): time by compile pass. */
function compileProbeLines(benchRoot: string | undefined): string[] {
  const script = fileURLToPath(new URL('./compile-probe.js', import.meta.url));
  const targets = [['--generated'], ...(benchRoot ? [[join(benchRoot, 'pymedeas_w/models/pymedeas_w/pymedeas_w.mdl')]] : [])];
  const lines = targets.map((args) => {
    const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
    return r.status === 0 ? `Cold compile, ${r.stdout.trim()}` : `Cold compile of ${args[0]} failed: ${r.stderr.trim().split('\n')[0]}`;
  });
  const load = loadavg().map((x) => x.toFixed(2)).join(', ');
  return [...lines, `Compile target: MEDEAS World < 1000 ms wall (load average after the probes: ${load})`];
}

function fmt(x: number | undefined, digits = 2): string {
  return x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(digits);
}

/** One table row: the headline (like-for-like) ratio first, then the run returning new arrays and what it allocates. */
function rowLine(r: Row): string {
  const size = (mb: number) => (mb < 1 ? `${(mb * 1024).toFixed(1)} KB` : `${mb.toFixed(1)} MB`);
  const alloc = r.oursAllocMb === undefined ? '' : `new arrays: ${size(r.oursAllocMb)} allocated per run, ${fmt(r.oursFaults, 0)} page faults/run (reused: ${fmt(r.reuseFaults, 0)})`;
  const peerBuf = r.peerBufferMb === undefined ? '' : `; peer: one ${size(r.peerBufferMb)} buffer kept across runs`;
  const note = [alloc + peerBuf, r.note].filter(Boolean).join('; ');
  return `| ${r.model} | ${r.equations} | ${r.outputs} | ${fmt(r.compileMs, 0)} | ${fmt(r.peerMs)} | ${fmt(r.oursReuseMs)} | ${ratioText(r.reuseRatios ?? [], r.oursReuseMs ?? 0, r.peerMs)} | ${fmt(r.oursMs)} | ${ratioText(r.ratios ?? [], r.oursMs ?? 0, r.peerMs)} | ${note} |`;
}

async function main(opts: BenchOptions): Promise<void> {
  const run = (s: BenchSection) => opts.only.has(s);
  const outDir = resolve('out/bench');
  mkdirSync(outDir, { recursive: true });
  const workDir = join(outDir, 'peer');
  const rows: Row[] = [];
  const log = (r: Row) => {
    rows.push(r);
    console.error(`  ${r.model} (${r.outputs} outputs): ours ${fmt(r.oursReuseMs)} ms reusing arrays, ${fmt(r.oursMs)} ms new arrays; peer ${fmt(r.peerMs)} ms${r.note ? ` — ${r.note}` : ''}`);
  };
  const reps = opts.reps;
  const lines: string[] = [];

  // 1. The generated ~10,000-equation model.
  const genText = generateModel(20, 100);
  const genPath = join(outDir, 'generated-10k.mdl');
  writeFileSync(genPath, genText);
  let genCompileMs: number | undefined;
  let genRunMs: number | undefined;
  if (run('gen10k')) {
    const tc = performance.now();
    const gen = compileVensim(genText, { file: genPath }).model;
    genCompileMs = performance.now() - tc;
    const row = await timeModel('generated 10k (100 years, dt 0.25)', gen, ['total 20'], '1', { reps, peerMdl: genPath, workDir, compileMs: genCompileMs });
    genRunMs = row.oursMs;
    log(row);
  }

  // 2. The Peru model (issue 5 target: one 2000-2050 run under 5 ms), one output and all.
  const peru = resolve('models/peru/peru.mdl');
  if (run('peru') && existsSync(peru)) {
    // One output: total GHG, which depends on nearly the whole model (the first output name is a constant, which the run prunes to nothing).
    log(await benchPair('Peru (models/peru)', peru, { outputs: 'one', reps, workDir, column: 'Total GHG Emissions' }));
    log(await benchPair('Peru (models/peru)', peru, { outputs: 'all', reps, workDir }));
  }

  // 3. Earth4All GL: ours on the published file, the peer on its rewritten copy; one column, the
  // 317 columns Vensim's published output has, and every variable.
  const bm = benchModelsRoot();
  if (!bm && (run('e4a') || run('large'))) console.error('bench: ../shared/bench-models not found; the large published models are skipped');
  if (bm && run('e4a')) {
    const e4a = join(bm, 'earth4all/E4A-global-GL.mdl');
    const peerMdl = join(bm, 'earth4all/peer/E4A-global-GL-peer.mdl');
    const names = join(bm, 'earth4all/peer/E4A-global-GL-peer.names.json');
    log(await benchPair('Earth4All GL', e4a, { outputs: 'one', reps, peerMdl, names, workDir }));
    const t0 = performance.now();
    const model = loadModel(e4a);
    const compileMs = performance.now() - t0;
    const published = publishedColumnsOf(model.outputNames, join(bm, 'earth4all/expected/e4a_gl_vensim.csv'));
    log(await timeModel('Earth4All GL', model, published, `${published.length} published`, { reps, peerMdl, names, workDir, compileMs }));
    log(await timeModel('Earth4All GL', model, undefined, 'all', { reps, peerMdl, names, workDir, compileMs }));
  }
  if (bm && run('large')) {
    for (const [label, rel] of [
      ['FeliX algae', 'felix/algae/Felix3_algae_new_bau_NatureCommunications.mdl'],
      ['FeliX v25', 'felix/v25/FeliX3_YoGL_v25.mdl'],
      ['FeliX SDGs v45', 'felix/sdgs45/FeliX3_SDGs_v45.mdl'],
      ['MEDEAS World', 'pymedeas_w/models/pymedeas_w/pymedeas_w.mdl'],
    ] as const) {
      log(await benchPair(label, join(bm, rel), { outputs: 'all', reps, workDir, peer: false }));
    }
  }

  // 4. The suite's largest models that the peer can run (it generates no code for many).
  const sr = suiteRoot();
  if (sr && run('suite')) {
    let timed = 0;
    for (const m of largestSuiteModels(sr, 25)) {
      if (timed >= 5) break;
      const row = await benchPair(`suite ${m.name}`, m.path, { outputs: 'all', reps, workDir });
      if (row.peerMs === undefined) {
        console.error(`  (not timed: ${m.name}: ${row.note})`);
        continue;
      }
      log(row);
      timed++;
    }
  }

  if (rows.length > 0) {
    lines.push(
      '| model | scalar vars | outputs | compile ms | SDE JS ms/run | ours ms/run, arrays reused | ratio, arrays reused (headline) | ours ms/run, new arrays | ratio, new arrays | note |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map(rowLine),
      '',
      'Headline ratio: like for like. SDEverywhere\'s runner writes every run into one output buffer it allocated at its first run; ours writes each run into the previous result (`into`), so neither allocates per run. ' +
        '"New arrays": each of our runs returns fresh arrays, i.e. also allocates (and the collector frees) the MB in the note, which the peer never does. ' +
        `Times are medians of ${reps} interleaved repetition${reps > 1 ? 's' : ''} (peer, ours new, ours reused), ratios with their per-repetition range; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (1/5/15 min) on ${cpus().length} cores.`,
    );
  }

  // Peak memory of the 10,000-equation model alone, measured in a fresh process.
  let probeMb: number | undefined;
  let probeAllMb: number | undefined;
  let probeAllReusedMb: number | undefined;
  if (run('memory')) {
    const probeScript = fileURLToPath(new URL('./memory-probe.js', import.meta.url));
    const probe = (args: string[]) => {
      const r = spawnSync(process.execPath, [probeScript, ...args], { encoding: 'utf8' });
      return r.status === 0 ? Number(r.stdout.trim()) : NaN;
    };
    probeMb = probe([genPath, 'total 20']);
    probeAllMb = probe([genPath]);
    probeAllReusedMb = probe([genPath, '--reuse']);
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  if (probeMb !== undefined) {
    lines.push(`Peak memory, compiling and running the 10,000-equation model 20 times in a fresh process: ${probeMb.toFixed(0)} MB with one output saved (target < 150 MB), ${probeAllMb!.toFixed(0)} MB saving all 10,124 columns in new arrays each run, ${probeAllReusedMb!.toFixed(0)} MB saving all of them into the previous run's arrays (\`into\`, as the headline timing and the peer's runner); this whole bench process: ${peakMb.toFixed(0)} MB`);
  } else lines.push(`This bench process's peak memory: ${peakMb.toFixed(0)} MB`);
  if (run('gen10k') || run('e4a')) lines.push(sdeCPeerLine());
  if (genCompileMs !== undefined) lines.push(`Targets: headline ratio ≤ 0.5 on every model both run; 10k model compile < 1000 ms (${genCompileMs.toFixed(0)} ms) and run < 10 ms (${genRunMs!.toFixed(1)} ms returning new arrays).`);

  // Cold compile by pass (target: MEDEAS World < 1 s), each model in a fresh process.
  if (run('compile')) lines.push(...compileProbeLines(bm));

  // 5. Other modules' targets.
  let modules: Record<string, unknown> = {};
  if (run('modules')) {
    const io = benchIoMultipliers(500);
    let calibration: ReturnType<typeof benchCalibration> | undefined;
    if (bm) calibration = benchCalibration(loadModel(join(bm, 'earth4all/E4A-global-GL.mdl')));
    const ensemble = await benchEnsembleThroughput({ runs: Number(process.env.IGEM_BENCH_ENSEMBLE_RUNS ?? 10_000) });
    const greenJobs = existsSync(resolve('../shared/data/peru/anchors.csv')) ? benchGreenJobs(resolve('.'), resolve('../shared/data/peru')) : undefined;
    modules = { io, calibration, ensemble };
    lines.push(
      `IO multipliers, 500 sectors: ${io.ms.toFixed(0)} ms`,
      cgeBenchLine(),
      linkBenchLine(),
      calibration ? `Calibration of ${calibration.parameters.length} parameters against ${calibration.series.length} series (Earth4All GL): ${calibration.seconds.toFixed(1)} s, ${calibration.runs} runs, payoff ${calibration.payoff.toExponential(2)}` : 'Calibration: skipped (no bench models)',
      greenJobs ? `Green jobs: ${greenJobs.records} SYNTHETIC person records classified and tabulated by sector, sex, age and region (${greenJobs.rows} domains, Taylor SEs): ${greenJobs.ms.toFixed(0)} ms (target < 3000 ms)` : 'Green jobs: skipped (no ../shared/data/peru)',
      `Ensemble throughput (${ensemble.runs} runs of a ${ensemble.equations}-equation model): ${ensemble.oneWorker.runsPerSecond.toFixed(0)} runs/s on 1 worker, ${ensemble.nWorkers.runsPerSecond.toFixed(0)} on ${ensemble.workers}: ratio ${ensemble.ratio.toFixed(2)} (same results: ${ensemble.sameResults})`,
    );
  }

  // 6. The web simulator: slider move → charts redrawn, in headless Chromium (last: it needs a browser).
  let slider: Awaited<ReturnType<typeof sliderSection>> | undefined;
  if (run('slider')) {
    slider = await sliderSection();
    lines.push(slider.line);
  }

  console.log(lines.join('\n'));
  const sections = [...opts.only];
  writeFileSync(join(outDir, 'results.json'), JSON.stringify({ date: new Date().toISOString(), sections, reps, rows, peakMb, probeMb, probeAllMb, probeAllReusedMb, ...modules, slider: slider ? (slider.result ?? { skipped: slider.line }) : undefined }, null, 2));
  console.error(`wrote ${join(outDir, 'results.json')}`);
}

if (!existsSync(resolve('package.json'))) console.error('run the bench from the project root (npm run bench)');
await main(parseBenchOptions(process.argv.slice(2), process.env));
