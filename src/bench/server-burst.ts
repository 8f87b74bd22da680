/**
 * The server burst targets of issue 14, measured and printed (not asserted): 200 concurrent
 * requests, one run that would take hours (stopped by the 10 s budget) and 199 small runs of
 * the example model; the small runs' p95 should stay under 200 ms, the health probe under
 * 50 ms and the process under 1 GB. A second burst asks for every column of every run.
 *
 *   npm run build && node dist/bench/server-burst.js        (or: npx tsx src/bench/server-burst.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { measureBurst, type BurstResult } from '../server/burst-probe.js';
import { defaultConfig } from '../server/config.js';

function report(label: string, r: BurstResult): void {
  const f = (x: number) => x.toFixed(1);
  console.log(`${label}`);
  console.log(`  small runs (${r.small.count}): p50 ${f(r.small.p50)} ms, p95 ${f(r.small.p95)} ms (target < 200), max ${f(r.small.max)} ms; statuses ${JSON.stringify(r.small.statuses)}`);
  console.log(`  health probe (${r.health.count}): p95 ${f(r.health.p95)} ms, max ${f(r.health.max)} ms (target < 50)`);
  console.log(`  slow run: HTTP ${r.slowStatus}; resident size peak ${r.rssPeakMb.toFixed(0)} MB (target < 1024)`);
}

const dir = mkdtempSync(join(tmpdir(), 'igem-burst-bench-'));
try {
  const { app, ctx } = await buildApp(defaultConfig({ dataDir: dir, webRoot: join(dir, 'no-web'), runTimeoutMs: 10_000 }));
  console.log(`server burst: ${ctx.config.limits.workers} run threads, pool memory ${ctx.config.limits.poolMemoryMb} MB`);
  report('one slow run + 199 small runs (one column)', await measureBurst(app, { smallModelId: 'green-growth', smallRuns: 199, smallColumns: ['GDP'] }));
  report('one slow run + 199 small runs (all columns)', await measureBurst(app, { smallModelId: 'green-growth', smallRuns: 199 }));
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
