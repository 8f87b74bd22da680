/**
 * A burst of 200 requests (one run that would take hours, stopped by its time budget, and 199
 * small runs) against the app: the small runs and the health probe are not held up by the slow
 * one (each answered well before the slow run's 10 s budget), and the process stays under 1 GB.
 * The bounds are loose (CI has 2 shared cores; on this 2-core machine under a load of ~19 the
 * small runs' p95 measured 1.1-2.0 s alone and 3.3 s beside other test files);
 * the strict targets (p95 < 200 ms, health < 50 ms) are printed by src/bench/server-burst.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { measureBurst } from './burst-probe.js';
import { defaultConfig } from './config.js';
import { defaultServerLimits } from './limits.js';

const dir = mkdtempSync(join(tmpdir(), 'igem-burst-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a burst of runs', () => {
  it('one slow run does not delay 199 small runs nor the health probe', async () => {
    const limits = { ...defaultServerLimits({}), workers: 2 };
    const { app } = await buildApp(defaultConfig({ dataDir: join(dir, 'd1'), webRoot: join(dir, 'no-web'), runTimeoutMs: 10_000, limits }));
    try {
      const r = await measureBurst(app, { smallModelId: 'green-growth', smallRuns: 199, smallColumns: ['GDP'] });
      console.log(`burst: small runs p50 ${r.small.p50.toFixed(0)} ms, p95 ${r.small.p95.toFixed(0)} ms, max ${r.small.max.toFixed(0)} ms; health p95 ${r.health.p95.toFixed(1)} ms, max ${r.health.max.toFixed(1)} ms over ${r.health.count} probes; slow run ${r.slowStatus}; RSS peak ${r.rssPeakMb.toFixed(0)} MB`);
      expect(r.small.statuses).toEqual({ 200: 199 });
      // Every small run is answered well before the slow run's 10 s budget ends (with one thread
      // serving everything in order, they would all wait for it). Loose: when this file runs beside
      // the rest of the suite on this loaded 2-core machine, p95 measured up to 3.3 s.
      expect(r.small.max).toBeLessThan(8000);
      expect(r.small.p95).toBeLessThan(5000);
      expect(r.health.p95).toBeLessThan(250);
      expect(r.slowStatus).toBe(504);
      expect(r.rssPeakMb).toBeLessThan(1024);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('a run asking for more than the limits is refused before it allocates; the largest allowed fits in memory', async () => {
    const { app } = await buildApp(defaultConfig({ dataDir: join(dir, 'd2'), webRoot: join(dir, 'no-web') }));
    try {
      const huge = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: 'green-growth', end: 1e7, dt: 0.01 } });
      expect(huge.statusCode).toBe(400);
      expect(huge.json().error.details[0].field).toBe('body.end');
      expect(huge.json().error.message).toMatch(/needs [\d,]+ steps; the limit is 100,000,000|points; the limit/);
      // 105 columns × 19,001 saved times = 1,995,105 points, just under the server's 2 million.
      const text = ['d: (e1-e100) ~~|', 'x[d] = Time * 2 ~~|', 's = INTEG(1, 0) ~~|', 'INITIAL TIME = 0 ~~|', 'FINAL TIME = 19000 ~~|', 'TIME STEP = 1 ~~|', 'SAVEPER = 1 ~~|'].join('\n');
      const up = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'wide.mdl', text } });
      expect(up.statusCode).toBe(201);
      const big = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: up.json().id } });
      expect(big.statusCode, big.body.slice(0, 200)).toBe(200);
      expect(big.json().time.length).toBe(19_001);
      const many = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: up.json().id, end: 30_000 } });
      expect(many.statusCode).toBe(400);
      expect(many.json().error.message).toMatch(/this run needs ~[\d,.]+ MB \(3,150,105 points: 30,001 saved times × 105 columns\); the limit is 2,000,000 points/);
      expect(process.memoryUsage.rss() / 2 ** 20).toBeLessThan(1024);
    } finally {
      await app.close();
    }
  }, 60_000);

  it.each([
    [{ start: 5, end: 1 }, 'body.end'],
    [{ start: 1e308 }, 'FINAL TIME'],
    [{ start: -1e308, end: 1e308 }, 'TIME STEP'],
    [{ dt: 0 }, 'body.dt'],
    [{ saveper: -1 }, 'body.saveper'],
  ])('refuses %j with a 400 naming the field', async (payload, field) => {
    const { app } = await getShared();
    const r = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: 'green-growth', ...payload } });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json().error)).toContain(field);
  });
});

let shared: Awaited<ReturnType<typeof buildApp>> | undefined;
async function getShared() {
  shared ??= await buildApp(defaultConfig({ dataDir: join(dir, 'd3'), webRoot: join(dir, 'no-web') }));
  return shared;
}
afterAll(async () => {
  await shared?.app.close();
});
