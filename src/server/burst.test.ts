/**
 * A burst of 200 requests (one run that would take hours, stopped by its time budget, and 199
 * small runs) against the app, checked for what must hold whatever the machine's load (no
 * timings here): every small run succeeds with the values a direct run gives, all of them are
 * answered while the slow run still holds its thread (its own lane), the health probe answers
 * during the burst, and the process stays under 1 GB. The latency targets (small runs' p95
 * < 200 ms, health < 50 ms) are measured and printed by `npm run bench:burst` (src/bench/server-burst.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../sd/node/load.js';
import { buildApp } from './app.js';
import { measureBurst } from './burst-probe.js';
import { defaultConfig, EXAMPLE_MODEL, projectRoot } from './config.js';
import { defaultServerLimits } from './limits.js';

const dir = mkdtempSync(join(tmpdir(), 'igem-burst-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a burst of runs', () => {
  it('one slow run does not hold up 199 small runs nor the health probe; every small run has the right values', async () => {
    const limits = { ...defaultServerLimits({}), workers: 2 };
    const { app } = await buildApp(defaultConfig({ dataDir: join(dir, 'd1'), webRoot: join(dir, 'no-web'), runTimeoutMs: 10_000, limits }));
    try {
      const r = await measureBurst(app, { smallModelId: 'green-growth', smallRuns: 199, smallColumns: ['GDP'], keepBodies: true });
      console.log(`burst: small runs p50 ${r.small.p50.toFixed(0)} ms, p95 ${r.small.p95.toFixed(0)} ms, max ${r.small.max.toFixed(0)} ms; health p95 ${r.health.p95.toFixed(1)} ms, max ${r.health.max.toFixed(1)} ms over ${r.health.count} probes; slow run ${r.slowStatus}; RSS peak ${r.rssPeakMb.toFixed(0)} MB`);
      expect(r.small.statuses).toEqual({ 200: 199 });
      const want = loadModel(join(projectRoot(), EXAMPLE_MODEL)).run({ columns: ['GDP'] });
      for (const body of r.bodies!) {
        const got = JSON.parse(body) as { time: number[]; names: string[]; series: number[][] };
        expect(got.names).toEqual(want.names);
        expect(got.time).toEqual([...want.time]);
        expect(got.series).toEqual(want.series.map((s) => [...s]));
      }
      // The slow run was still on its thread (stopped only at its 10 s budget) when the last small
      // run was answered: with one thread serving everything in order, they would all wait for it.
      expect(r.slowPendingAtEnd).toBe(true);
      expect(r.slowStatus).toBe(504);
      expect(r.health.count).toBeGreaterThan(0);
      expect(r.health.statuses).toEqual({ 200: r.health.count });
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
