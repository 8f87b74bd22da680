/**
 * The HTTP API under random bodies (fast-check): valid and invalid run requests, scenario
 * writes and model uploads, sent through fastify's inject. Every answer is 2xx or 4xx, never
 * 5xx, and every error body has a code and a message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { defaultConfig } from './config.js';

const dir = mkdtempSync(join(tmpdir(), 'igem-api-fuzz-'));
let app: Awaited<ReturnType<typeof buildApp>>['app'];

beforeAll(async () => {
  ({ app } = await buildApp(defaultConfig({ dataDir: join(dir, 'data'), webRoot: join(dir, 'no-web'), runTimeoutMs: 20_000 })));
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const CASES = Number(process.env.IGEM_FUZZ_CASES ?? (process.env.CI === 'true' ? 300 : 60));

const anyNumber = fc.oneof(fc.double(), fc.constantFrom(0, -1, 1e308, -1e308, 1e-320, 2000, 2050, 0.25, 1e9, Number.MAX_SAFE_INTEGER));
const anyValue = fc.oneof(anyNumber, fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }));
const runBody = fc.record(
  {
    modelId: fc.oneof(fc.constant('green-growth'), fc.string(), anyValue),
    params: fc.oneof(fc.dictionary(fc.constantFrom('carbon tax', 'GDP', 'nope', '__proto__', 'constructor'), anyNumber), anyValue),
    columns: fc.oneof(fc.array(fc.constantFrom('GDP', 'Population', 'Time', 'nope', '', 'GDP['), { maxLength: 4 }), anyValue),
    start: anyNumber,
    end: anyNumber,
    dt: anyNumber,
    saveper: anyNumber,
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const modelText = fc.oneof(
  fc.constant('x = 1 ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 10 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|'),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(`x = ${'('.repeat(5000)}1 ~~|`, 'Big: (b1-b100000000) ~~|\nx[Big] = 1 ~~|', '<xmile><model/></xmile>', ':MACRO: M(a)\nM = M(a) ~~|\n:END OF MACRO:\nx = M(1) ~~|'),
);
const request = fc.oneof(
  fc.record({ method: fc.constant('POST' as const), url: fc.constant('/api/runs'), payload: fc.oneof(runBody, anyValue) }),
  fc.record({ method: fc.constant('POST' as const), url: fc.constant('/api/scenarios'), payload: fc.oneof(fc.record({ modelId: fc.constantFrom('green-growth', 'nope'), name: fc.string(), params: fc.dictionary(fc.string(), anyNumber) }, { requiredKeys: [] }), anyValue) }),
  fc.record({ method: fc.constant('POST' as const), url: fc.constant('/api/models'), payload: fc.oneof(fc.record({ filename: fc.constantFrom('m.mdl', 'm.xmile', 'm.txt', ''), text: modelText, name: fc.string() }, { requiredKeys: [] }), anyValue) }),
  fc.record({ method: fc.constantFrom('GET' as const, 'DELETE' as const, 'PUT' as const, 'PATCH' as const), url: fc.oneof(fc.constantFrom('/api/models/green-growth', '/api/scenarios/1', '/api/scenarios?model=x', '/api/models/%00', '/api/health'), fc.string().map((s) => `/api/${encodeURIComponent(s)}`)), payload: fc.option(anyValue, { nil: undefined }) }),
);

describe('API under random requests', () => {
  it(`${CASES} random requests: never a 5xx, every error a code and a message in English and Spanish`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const payload = req.payload === undefined ? undefined : typeof req.payload === 'string' ? req.payload : JSON.stringify(req.payload);
        const r = await app.inject({ method: req.method, url: req.url, payload, headers: payload === undefined ? {} : { 'content-type': 'application/json' } });
        if (r.statusCode >= 500) throw new Error(`${req.method} ${req.url} ${String(payload).slice(0, 300)} → ${r.statusCode} ${r.body.slice(0, 300)}`);
        expect(r.statusCode).toBeGreaterThanOrEqual(200);
        if (r.statusCode >= 400) {
          const e = r.json().error;
          expect(typeof e.code).toBe('string');
          expect(e.message.length).toBeGreaterThan(0);
          // And its Spanish (bilingual-errors.test.ts checks the sites).
          expect(typeof e.messageEs).toBe('string');
          expect(e.messageEs.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: CASES, seed: 20261204, endOnFailure: true },
    );
  }, 600_000);

  it('an injected fault is a 500 with a JSON error body and no stack trace; the next request is served', async () => {
    const fresh = await buildApp(defaultConfig({ dataDir: join(dir, 'data2'), webRoot: join(dir, 'no-web') }));
    try {
      const run = fresh.ctx.pool.run.bind(fresh.ctx.pool);
      fresh.ctx.pool.run = async () => {
        throw new Error('injected fault');
      };
      const bad = await fresh.app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: 'green-growth' } });
      expect(bad.statusCode).toBe(500);
      expect(bad.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal server error', messageEs: 'error interno del servidor' } });
      fresh.ctx.pool.run = run;
      const ok = await fresh.app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: 'green-growth', columns: ['GDP'] } });
      expect(ok.statusCode).toBe(200);
    } finally {
      await fresh.app.close();
    }
  }, 60_000);
});
