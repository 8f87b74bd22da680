import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { defaultConfig, EXAMPLE_MODEL, projectRoot } from './config.js';

describe('scenario settings against the model\'s levers', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'igem-levers-'));
    const cfg = defaultConfig({ dataDir: join(dir, 'data'), defaultModel: join(projectRoot(), EXAMPLE_MODEL), webRoot: join(dir, 'no-web') });
    ({ app } = await buildApp(cfg));
  });
  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const create = (params: Record<string, number>) =>
    app.inject({ method: 'POST', url: '/api/scenarios', payload: { modelId: 'green-growth', name: 'x', params } });

  it('rejects a lever the model lacks with a 400 naming it', async () => {
    const r = await create({ 'carbon tax': 10, 'no such lever': 1 });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('UNKNOWN_LEVER');
    expect(r.json().error.message).toContain('no such lever');
    expect(r.json().error.details.map((d: { field: string }) => d.field)).toEqual(['params.no such lever']);
  });

  it('rejects a value outside the model\'s stated range, and accepts names in any Vensim spelling', async () => {
    const far = await create({ 'carbon tax': 1e12 });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.code).toBe('LEVER_OUT_OF_RANGE');
    expect(far.json().error.message).toContain('carbon tax');
    const ok = await create({ Carbon_Tax: 50 });
    expect(ok.statusCode).toBe(201);
  });

  it('checks the settings of an update too', async () => {
    const s = (await create({ 'carbon tax': 50 })).json();
    const bad = await app.inject({ method: 'PATCH', url: `/api/scenarios/${s.id}`, payload: { params: { typo: 3 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('typo');
    expect((await app.inject({ method: 'GET', url: `/api/scenarios/${s.id}` })).json().params).toEqual({ 'carbon tax': 50 });
  });
});
