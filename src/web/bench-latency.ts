/**
 * Latency benchmark of the web simulator, in headless Debian chromium:
 *   - slider move → charts redrawn and painted (input event to the next animation frame after the
 *     charts and dashboard took the new run), N moves over a lever's range;
 *   - first load: navigation start → first charts drawn;
 *   - bundle size: the JavaScript a first visit loads (entry + model worker), raw and gzip.
 * Run: npx tsx src/web/bench-latency.ts [--model file.mdl] [--lever NAME] [--n 40]
 * `npm run bench` runs the same measurement as its last section (src/bench/run-bench.ts).
 * A measurement, not a test: it prints numbers and asserts nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../server/app.js';
import { defaultConfig, projectRoot } from '../server/config.js';
import { ensureWebBuild } from '../server/web-build.js';
import { launchBrowser } from './e2e/browser.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** Sizes of the files index.html loads at once (entry script, its static imports, CSS, the worker). */
function bundleSize(webRoot: string): { file: string; bytes: number; gzip: number }[] {
  const assets = join(webRoot, 'assets');
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+)"/g)].map((m) => m[1]!);
  const worker = readdirSync(assets).filter((f) => f.startsWith('model-worker'));
  return [...new Set([...entry, ...worker])].map((f) => {
    const buf = readFileSync(join(assets, f));
    return { file: f, bytes: statSync(join(assets, f)).size, gzip: gzipSync(buf).length };
  });
}

/**
 * Runs in the page (as text, so the TypeScript loader's helpers are not needed there): moves the
 * slider, waits until the charts and dashboard show that run, then for the frame that paints them.
 */
const MEASURE_MOVE = `async ({ name, value }) => {
  const el = document.querySelector('[data-lever="' + CSS.escape(name) + '"]');
  const seq0 = Number(document.body.dataset.drawSeq);
  const t0 = performance.now();
  el.value = String(value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((res) => {
    if (Number(document.body.dataset.drawSeq) > seq0) return res();
    const obs = new MutationObserver(() => {
      if (Number(document.body.dataset.drawSeq) > seq0) { obs.disconnect(); res(); }
    });
    obs.observe(document.body, { attributes: true, attributeFilter: ['data-draw-seq'] });
  });
  await new Promise((res) => requestAnimationFrame(() => res()));
  return performance.now() - t0;
}`;

export interface SliderLatency {
  model: string;
  outputs: number;
  compileMs: number;
  lever: string;
  moves: number;
  /** Slider move → charts redrawn and painted, ms. */
  median: number;
  p95: number;
  max: number;
  runMedian: number;
  runP95: number;
  firstLoadMs: number;
  bundle: { file: string; bytes: number; gzip: number }[];
}

/** Serves the web app with the model (default: the server's default, Peru when present) and times N slider moves. */
export async function measureSliderLatency(opts: { model?: string; lever?: string; n?: number } = {}): Promise<SliderLatency> {
  const root = projectRoot();
  const n = opts.n ?? 40;
  const dataDir = mkdtempSync(join(tmpdir(), 'igem-bench-'));
  const config = defaultConfig({ dataDir, ...(opts.model ? { defaultModel: resolve(opts.model) } : {}) });
  ensureWebBuild(root, config.webRoot);
  const { app } = await buildApp(config);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => Number(document.body.dataset.drawSeq ?? 0) >= 1 || document.querySelector('.error-box'), undefined, { timeout: 120_000 });
    const err = await page.locator('.error-box').allTextContents();
    if (err.length) throw new Error(`the model did not load: ${err.join(' ')}`);
    const firstLoad = await page.evaluate(() => performance.now());
    const facts = await page.evaluate(() => {
      const a = (window as unknown as { igem: { facts: { compileMs: number; outputNames: string[] }; levers: { name: string; min: number; max: number; isSwitch: boolean; policy: boolean }[] } }).igem;
      return { compileMs: a.facts.compileMs, outputs: a.facts.outputNames.length, levers: a.levers };
    });
    const lever = facts.levers.find((l) => l.name === opts.lever) ?? facts.levers.find((l) => l.policy && !l.isSwitch) ?? facts.levers[0]!;
    const times: number[] = [];
    const runMs: number[] = [];
    for (let i = 0; i < n; i++) {
      const value = lever.min + ((lever.max - lever.min) * ((i % 10) + 1)) / 11;
      const ms = (await page.evaluate(`(${MEASURE_MOVE})(${JSON.stringify({ name: lever.name, value })})`)) as number;
      times.push(ms);
      runMs.push((await page.evaluate('window.igem.current.ms')) as number);
    }
    return {
      model: config.defaultModel,
      outputs: facts.outputs,
      compileMs: facts.compileMs,
      lever: lever.name,
      moves: n,
      median: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      max: Math.max(...times),
      runMedian: quantile(runMs, 0.5),
      runP95: quantile(runMs, 0.95),
      firstLoadMs: firstLoad,
      bundle: bundleSize(config.webRoot),
    };
  } finally {
    await browser?.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const r = await measureSliderLatency({ model: arg('model'), lever: arg('lever'), n: Number(arg('n') ?? 40) });
  const total = r.bundle.reduce((a, b) => ({ bytes: a.bytes + b.bytes, gzip: a.gzip + b.gzip }), { bytes: 0, gzip: 0 });
  console.log(`model: ${r.model} (${r.outputs} output series; compiled in the browser in ${r.compileMs.toFixed(0)} ms)`);
  console.log(`lever: ${r.lever}, ${r.moves} moves`);
  console.log(`slider move → charts redrawn: median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
  console.log(`  of which the model run in the worker: median ${r.runMedian.toFixed(1)} ms, p95 ${r.runP95.toFixed(1)} ms`);
  console.log(`first load (navigation start → first charts drawn): ${r.firstLoadMs.toFixed(0)} ms`);
  console.log(`first-visit JavaScript + CSS: ${(total.bytes / 1024).toFixed(1)} KiB (${(total.gzip / 1024).toFixed(1)} KiB gzip)`);
  for (const b of r.bundle) console.log(`  ${b.file}: ${(b.bytes / 1024).toFixed(1)} KiB (${(b.gzip / 1024).toFixed(1)} KiB gzip)`);
}

// Run as a script (tsx or node on the built file); imported by the bench, it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
