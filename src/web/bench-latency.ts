/**
 * Latency benchmark of the web simulator, in headless Debian chromium:
 *   - slider move → charts redrawn and painted (input event to the next animation frame after the
 *     charts and dashboard took the new run), N moves over a lever's range;
 *   - first load: navigation start → first charts drawn;
 *   - bundle size: the JavaScript a first visit loads (entry + model worker), raw and gzip.
 * Run: npx tsx src/web/bench-latency.ts [--model file.mdl] [--lever NAME] [--n 40]
 * A measurement, not a test: it prints numbers and asserts nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

async function main(): Promise<void> {
  const root = projectRoot();
  const n = Number(arg('n') ?? 40);
  const dataDir = mkdtempSync(join(tmpdir(), 'igem-bench-'));
  const config = defaultConfig({ dataDir, ...(arg('model') ? { defaultModel: resolve(arg('model')!) } : {}) });
  ensureWebBuild(root, config.webRoot);
  const { app } = await buildApp(config);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  try {
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
    const lever = facts.levers.find((l) => l.name === arg('lever')) ?? facts.levers.find((l) => l.policy && !l.isSwitch) ?? facts.levers[0]!;
    const times: number[] = [];
    const runMs: number[] = [];
    for (let i = 0; i < n; i++) {
      const value = lever.min + ((lever.max - lever.min) * ((i % 10) + 1)) / 11;
      const ms = (await page.evaluate(`(${MEASURE_MOVE})(${JSON.stringify({ name: lever.name, value })})`)) as number;
      times.push(ms);
      runMs.push((await page.evaluate('window.igem.current.ms')) as number);
    }
    const bundle = bundleSize(config.webRoot);
    const total = bundle.reduce((a, b) => ({ bytes: a.bytes + b.bytes, gzip: a.gzip + b.gzip }), { bytes: 0, gzip: 0 });
    console.log(`model: ${config.defaultModel} (${facts.outputs} output series; compiled in the browser in ${facts.compileMs.toFixed(0)} ms)`);
    console.log(`lever: ${lever.name}, ${n} moves`);
    console.log(`slider move → charts redrawn: median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
    console.log(`  of which the model run in the worker: median ${quantile(runMs, 0.5).toFixed(1)} ms, p95 ${quantile(runMs, 0.95).toFixed(1)} ms`);
    console.log(`first load (navigation start → first charts drawn): ${firstLoad.toFixed(0)} ms`);
    console.log(`first-visit JavaScript + CSS: ${(total.bytes / 1024).toFixed(1)} KiB (${(total.gzip / 1024).toFixed(1)} KiB gzip)`);
    for (const b of bundle) console.log(`  ${b.file}: ${(b.bytes / 1024).toFixed(1)} KiB (${(b.gzip / 1024).toFixed(1)} KiB gzip)`);
  } finally {
    await browser.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
