/**
 * `npm run bench`: our engine and SDEverywhere 0.7.28's generated JavaScript timed in one
 * process on the same models, plus the targets of the other modules (IO multipliers,
 * calibration, ensemble throughput). Prints a table of ms per run and ratios and writes
 * out/bench/results.json. Targets are ratios against the peer measured in the same run.
 * Last, the web simulator's slider → redrawn-charts latency in headless Chromium on the Peru model
 * (src/web/bench-latency.ts), with the load average beside it; skipped, saying why, without a browser.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../sd/node/load.js';
import { compileVensim } from '../sd/run/engine.js';
import type { Model, RunResult } from '../sd/run/types.js';
import { benchModelsRoot } from '../conformance/bench-models.js';
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
import { preparePeer, readPeerNameMap, type PeerModel } from '../conformance/sde-peer.js';

interface Row {
  model: string;
  equations: number;
  outputs: string;
  compileMs?: number;
  oursMs?: number;
  peerMs?: number;
  ratio?: number;
  /** Ours writing each run into the previous run's arrays (`into`), as the peer's runner reuses its one output buffer. */
  oursReuseMs?: number;
  reuseRatio?: number;
  note?: string;
}

/** Mean ms per call after warm-up: repeats until `minMs` of timed work or `maxRuns` calls. */
function timeRuns(fn: () => unknown, warmup = 10, minMs = 2000, maxRuns = 300): number {
  for (let i = 0; i < warmup; i++) fn();
  let n = 0;
  const t0 = performance.now();
  while (n < maxRuns && (n < 3 || performance.now() - t0 < minMs)) {
    fn();
    n++;
  }
  return (performance.now() - t0) / n;
}

async function peerTime(mdl: string, outputs: string[], workDir: string, rename?: (n: string) => string): Promise<{ ms?: number; note?: string }> {
  let peer: PeerModel;
  try {
    peer = await preparePeer(mdl, { outputs, workDir, rename });
  } catch (err) {
    return { note: `peer failed: ${(err as Error).message.split('\n')[0]!.slice(0, 120)}` };
  }
  return { ms: timeRuns(() => peer.run()) };
}

function oursTime(model: Model, columns: string[] | undefined): number {
  return timeRuns(() => model.run({ columns }));
}

/** Like `oursTime`, each run overwriting the previous run's arrays: the peer's runner keeps one output buffer across runs too. */
function oursReuseTime(model: Model, columns: string[] | undefined): number {
  let last: RunResult | undefined;
  return timeRuns(() => (last = model.run({ columns, into: last })));
}

async function benchPair(label: string, mdl: string, opts: { outputs: 'one' | 'all'; peerMdl?: string; rename?: (n: string) => string; workDir: string; peer?: boolean }): Promise<Row> {
  const t0 = performance.now();
  const model = loadModel(mdl);
  const compileMs = performance.now() - t0;
  const columns = opts.outputs === 'one' ? [model.outputNames.find((n) => !/^(FINAL TIME|INITIAL TIME|TIME STEP|SAVEPER)$/i.test(n))!] : undefined;
  const oursMs = oursTime(model, columns);
  const oursReuseMs = oursReuseTime(model, columns);
  const row: Row = { model: label, equations: model.outputNames.length, outputs: opts.outputs === 'one' ? '1' : 'all', compileMs, oursMs, oursReuseMs };
  if (opts.peer === false) return { ...row, note: 'peer: SDEverywhere generates no code for this model as published' };
  const p = await peerTime(opts.peerMdl ?? mdl, columns ?? [], opts.workDir, opts.rename);
  return { ...row, peerMs: p.ms, ratio: p.ms ? oursMs / p.ms : undefined, reuseRatio: p.ms ? oursReuseMs / p.ms : undefined, note: p.note };
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

async function main(): Promise<void> {
  const outDir = resolve('out/bench');
  mkdirSync(outDir, { recursive: true });
  const workDir = join(outDir, 'peer');
  const rows: Row[] = [];
  const log = (r: Row) => {
    rows.push(r);
    console.error(`  ${r.model} (${r.outputs} outputs): ours ${fmt(r.oursMs)} ms, peer ${fmt(r.peerMs)} ms${r.note ? ` — ${r.note}` : ''}`);
  };

  // 1. The generated ~10,000-equation model.
  const genText = generateModel(20, 100);
  const genPath = join(outDir, 'generated-10k.mdl');
  writeFileSync(genPath, genText);
  const tc = performance.now();
  const gen = compileVensim(genText, { file: genPath }).model;
  const genCompileMs = performance.now() - tc;
  const genRunMs = oursTime(gen, ['total 20']);
  const genReuseMs = oursReuseTime(gen, ['total 20']);
  const genPeer = await peerTime(genPath, ['total 20'], workDir);
  rows.push({ model: 'generated 10k (100 years, dt 0.25)', equations: gen.outputNames.length, outputs: '1', compileMs: genCompileMs, oursMs: genRunMs, peerMs: genPeer.ms, ratio: genPeer.ms ? genRunMs / genPeer.ms : undefined, oursReuseMs: genReuseMs, reuseRatio: genPeer.ms ? genReuseMs / genPeer.ms : undefined, note: genPeer.note });
  console.error(`  generated 10k: compile ${genCompileMs.toFixed(0)} ms, run ${genRunMs.toFixed(2)} ms`);

  // 2. The Peru model (issue 5 target: one 2000-2050 run under 5 ms), one output and all.
  const peru = resolve('models/peru/peru.mdl');
  if (existsSync(peru)) {
    log(await benchPair('Peru (models/peru)', peru, { outputs: 'one', workDir }));
    log(await benchPair('Peru (models/peru)', peru, { outputs: 'all', workDir }));
  }

  // 3. Earth4All GL: ours on the published file, the peer on its rewritten copy.
  const bm = benchModelsRoot();
  if (bm) {
    const e4a = join(bm, 'earth4all/E4A-global-GL.mdl');
    const peerMdl = join(bm, 'earth4all/peer/E4A-global-GL-peer.mdl');
    const rename = readPeerNameMap(join(bm, 'earth4all/peer/E4A-global-GL-peer.names.json'));
    log(await benchPair('Earth4All GL', e4a, { outputs: 'one', peerMdl, rename, workDir }));
    log(await benchPair('Earth4All GL', e4a, { outputs: 'all', peerMdl, rename, workDir }));
    for (const [label, rel] of [
      ['FeliX algae', 'felix/algae/Felix3_algae_new_bau_NatureCommunications.mdl'],
      ['FeliX v25', 'felix/v25/FeliX3_YoGL_v25.mdl'],
      ['FeliX SDGs v45', 'felix/sdgs45/FeliX3_SDGs_v45.mdl'],
      ['MEDEAS World', 'pymedeas_w/models/pymedeas_w/pymedeas_w.mdl'],
    ] as const) {
      log(await benchPair(label, join(bm, rel), { outputs: 'all', workDir, peer: false }));
    }
  } else console.error('bench: ../shared/bench-models not found; the large published models are skipped');

  // 4. The suite's largest models that the peer can run (it generates no code for many).
  const sr = suiteRoot();
  if (sr) {
    let timed = 0;
    for (const m of largestSuiteModels(sr, 25)) {
      if (timed >= 5) break;
      const row = await benchPair(`suite ${m.name}`, m.path, { outputs: 'all', workDir });
      if (row.peerMs === undefined) {
        console.error(`  (not timed: ${m.name}: ${row.note})`);
        continue;
      }
      log(row);
      timed++;
    }
  }

  // Peak memory of the 10,000-equation model alone, measured in a fresh process.
  const probeScript = fileURLToPath(new URL('./memory-probe.js', import.meta.url));
  const probe = (args: string[]) => {
    const r = spawnSync(process.execPath, [probeScript, ...args], { encoding: 'utf8' });
    return r.status === 0 ? Number(r.stdout.trim()) : NaN;
  };
  const probeMb = probe([genPath, 'total 20']);
  const probeAllMb = probe([genPath]);

  const peakMb = process.resourceUsage().maxRSS / 1024;

  // Cold compile by pass (target: MEDEAS World < 1 s), each model in a fresh process.
  const compileLines = compileProbeLines(bm);

  // 5. Other modules' targets.
  const io = benchIoMultipliers(500);
  let calibration: ReturnType<typeof benchCalibration> | undefined;
  if (bm) calibration = benchCalibration(loadModel(join(bm, 'earth4all/E4A-global-GL.mdl')));
  const ensemble = await benchEnsembleThroughput({ runs: Number(process.env.IGEM_BENCH_ENSEMBLE_RUNS ?? 10_000) });
  const greenJobs = existsSync(resolve('../shared/data/peru/anchors.csv')) ? benchGreenJobs(resolve('.'), resolve('../shared/data/peru')) : undefined;

  // 6. The web simulator: slider move → charts redrawn, in headless Chromium (last: it needs a browser).
  const slider = await sliderSection();

  const lines = [
    '| model | scalar vars | outputs | compile ms | ours ms/run | SDE JS ms/run | ratio (ours/SDE) | ours, arrays reused ms/run | ratio, arrays reused | note |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.model} | ${r.equations} | ${r.outputs} | ${fmt(r.compileMs, 0)} | ${fmt(r.oursMs)} | ${fmt(r.peerMs)} | ${fmt(r.ratio)} | ${fmt(r.oursReuseMs)} | ${fmt(r.reuseRatio)} | ${r.note ?? ''} |`),
    '',
    'ours ms/run: each run returns new arrays. Arrays reused: each run writes into the previous result (`into`), as SDEverywhere\'s runner writes every run into its one output buffer; that is the like-for-like ratio.',
    `Peak memory, compiling and running the 10,000-equation model 20 times in a fresh process: ${probeMb.toFixed(0)} MB with one output saved (target < 150 MB), ${probeAllMb.toFixed(0)} MB saving all 10,124 columns; this whole bench process: ${peakMb.toFixed(0)} MB`,
    sdeCPeerLine(),
    `Targets: ratio ≤ 0.5 on every model both run; 10k model compile < 1000 ms (${genCompileMs.toFixed(0)} ms) and run < 10 ms (${genRunMs.toFixed(1)} ms).`,
    ...compileLines,
    `IO multipliers, 500 sectors: ${io.ms.toFixed(0)} ms`,
    cgeBenchLine(),
    linkBenchLine(),
    calibration ? `Calibration of ${calibration.parameters.length} parameters against ${calibration.series.length} series (Earth4All GL): ${calibration.seconds.toFixed(1)} s, ${calibration.runs} runs, payoff ${calibration.payoff.toExponential(2)}` : 'Calibration: skipped (no bench models)',
    greenJobs ? `Green jobs: ${greenJobs.records} SYNTHETIC person records classified and tabulated by sector, sex, age and region (${greenJobs.rows} domains, Taylor SEs): ${greenJobs.ms.toFixed(0)} ms (target < 3000 ms)` : 'Green jobs: skipped (no ../shared/data/peru)',
    `Ensemble throughput (${ensemble.runs} runs of a ${ensemble.equations}-equation model): ${ensemble.oneWorker.runsPerSecond.toFixed(0)} runs/s on 1 worker, ${ensemble.nWorkers.runsPerSecond.toFixed(0)} on ${ensemble.workers}: ratio ${ensemble.ratio.toFixed(2)} (same results: ${ensemble.sameResults})`,
    slider.line,
  ];
  console.log(lines.join('\n'));
  writeFileSync(join(outDir, 'results.json'), JSON.stringify({ date: new Date().toISOString(), rows, peakMb, probeMb, probeAllMb, io, calibration, ensemble, slider: slider.result ?? { skipped: slider.line } }, null, 2));
  console.error(`wrote ${join(outDir, 'results.json')}`);
}

if (!existsSync(resolve('package.json'))) console.error('run the bench from the project root (npm run bench)');
await main();
