/**
 * Issue 13's load target, measured and printed (not asserted): 50 concurrent users each moving
 * sliders on the Peru model, simulated as bounded loops over real HTTP on loopback. Every user sends
 * `--moves` single-column runs (`POST /api/runs`, column `Real GDP`), each with one lever moved to a
 * new value inside its range, waiting for the answer and a think time (seeded, `--think MIN:MAX` ms, default
 * 50:150, about ten moves a second per user, as a slider drag throttled by the page) before the next move.
 * Each run is one full simulation of the model 2000–2050 on the server. Printed: p50/p95/max of the run latency
 * (target p95 < 200 ms), errors by status, the machine's load average and the server's RSS peak.
 *
 *   npm run bench:users [-- --users 50 --moves 20 --think 50:150]   (or: npx tsx src/bench/server-users.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { defaultConfig } from '../server/config.js';

/** Levers of models/peru/peru.mdl with their [min,max] from the model's units field. */
const LEVERS: { name: string; min: number; max: number }[] = [
  { name: 'ISC per Harmfulness Point', min: 0, max: 10 },
  { name: 'Green Investment Target Share', min: 0, max: 0.05 },
  { name: 'Forest Conservation Budget', min: 0, max: 2000 },
];

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const v = at > 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

/** A small seeded generator (mulberry32) so every run of the bench sends the same moves. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const users = arg('users', 50);
const moves = arg('moves', 20);
const thinkAt = process.argv.indexOf('--think');
const [thinkMin, thinkMax] = (thinkAt > 0 ? process.argv[thinkAt + 1]! : '50:150').split(':').map(Number) as [number, number];
if (!(thinkMin >= 0 && thinkMax >= thinkMin)) throw new Error('--think must be MIN:MAX milliseconds with 0 <= MIN <= MAX');
const dir = mkdtempSync(join(tmpdir(), 'igem-users-bench-'));
try {
  const { app, ctx } = await buildApp(defaultConfig({ dataDir: dir, webRoot: join(dir, 'no-web') }));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const models = (await (await fetch(`${address}/api/models`)).json()) as { defaultId: string; models: { id: string; file: string }[] };
  const modelId = models.defaultId;
  if (!models.models.find((m) => m.id === modelId)?.file.endsWith('peru.mdl')) throw new Error(`the default model is not the Peru model (${modelId})`);
  // Warm-up, so that the measure is a server that has been up: every run thread must have compiled the
  // model and its one-column program. One run reaches one thread only (the first measured runs on the
  // other thread then waited for its compile: maxima near 1 s), so send a few rounds of concurrent runs.
  const warm = () => fetch(`${address}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ modelId, columns: ['Real GDP'] }) }).then((r) => r.arrayBuffer());
  for (let round = 0; round < 4; round++) await Promise.all(Array.from({ length: 4 * ctx.config.limits.workers }, warm));

  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  // memoryUsage.rss() reads the resident size only (memoryUsage() also gathers heap statistics,
  // at times for milliseconds, on the thread that serves the requests).
  let rssPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, process.memoryUsage.rss()); }, 20);
  const t0 = performance.now();
  const load0 = loadavg()[0]!;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      const r = rng(20261205 + u);
      for (let i = 0; i < moves; i++) {
        const lever = LEVERS[Math.floor(r() * LEVERS.length)]!;
        const value = lever.min + r() * (lever.max - lever.min);
        const start = performance.now();
        const res = await fetch(`${address}/api/runs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ modelId, params: { [lever.name]: value }, columns: ['Real GDP'] }),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - start);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, thinkMin + r() * (thinkMax - thinkMin)));
      }
    }),
  );
  const wall = performance.now() - t0;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1);
  console.log(`server users: ${users} users × ${moves} moves on ${modelId}, single-column runs over loopback HTTP, think ${thinkMin}–${thinkMax} ms; ${ctx.config.limits.workers} run threads`);
  console.log(`  run latency: p50 ${f(percentile(latencies, 50))} ms, p95 ${f(percentile(latencies, 95))} ms (target < 200), max ${f(latencies[latencies.length - 1]!)} ms over ${latencies.length} runs`);
  console.log(`  statuses ${JSON.stringify(statuses)}; served ${f(latencies.length / (wall / 1000))} runs/s; wall ${f(wall)} ms; RSS peak ${(rssPeak / 2 ** 20).toFixed(0)} MB; load ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`);
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
