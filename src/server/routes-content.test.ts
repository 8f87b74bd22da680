import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { defaultConfig, PERU_MODEL, projectRoot } from './config.js';

describe('model content routes (Peru)', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'igem-content-'));
    const cfg = defaultConfig({ dataDir: join(dir, 'data'), defaultModel: join(projectRoot(), PERU_MODEL), webRoot: join(dir, 'no-web') });
    ({ app } = await buildApp(cfg));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the labels file with Spanish and English', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/models/peru/labels' });
    expect(r.statusCode).toBe(200);
    expect(r.json().variables['Real GDP']).toEqual({ es: 'PBI real', en: 'Real GDP' });
    expect(r.json().elements['waste policy'].es).toBe('residuos sólidos');
  });

  it('lists every ready-made scenario file with its levers', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/models/peru/library' });
    expect(r.statusCode).toBe(200);
    const ids = r.json().scenarios.map((s: { id: string }) => s.id);
    expect(ids).toContain('waste-arequipa');
    expect(ids.length).toBeGreaterThanOrEqual(14);
    const arequipa = r.json().scenarios.find((s: { id: string }) => s.id === 'waste-arequipa');
    expect(Object.keys(arequipa.levers).length).toBeGreaterThan(0);
  });

  it('serves the policy library, each policy with sources, SDG targets, levers and an existing scenario', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/models/peru/policies' });
    expect(r.statusCode).toBe(200);
    const { policies, scenarioTitles } = r.json();
    const lib = (await app.inject({ method: 'GET', url: '/api/models/peru/library' })).json().scenarios.map((s: { id: string }) => s.id);
    // Every ready-made scenario is offered by some policy, and has a title in both languages.
    expect(new Set(policies.map((p: { scenario: string }) => p.scenario))).toEqual(new Set(lib));
    for (const id of lib) expect(scenarioTitles[id]?.es, id).toBeTruthy();
    const isc = policies.find((p: { id: string }) => p.id === 'isc-reform');
    expect(isc.sources[0].citation).toContain('003-2018-MINAM');
    expect(isc.levers.length).toBeGreaterThan(0);
    expect(policies.find((p: { id: string }) => p.id === 'waste-arequipa').regions[0].name.es).toBe('Arequipa');
  });

  it('answers 404 for an unknown model', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/models/nope/labels' })).statusCode).toBe(404);
  });
});
