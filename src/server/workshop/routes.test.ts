import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { defaultConfig, PERU_MODEL, projectRoot } from '../config.js';

describe('workshop lessons and sessions (Peru)', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'igem-workshop-'));
    const cfg = defaultConfig({ dataDir: join(dir, 'data'), defaultModel: join(projectRoot(), PERU_MODEL), webRoot: join(dir, 'no-web') });
    ({ app } = await buildApp(cfg));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the five lessons in both languages with the same ids', async () => {
    const es = (await app.inject({ method: 'GET', url: '/api/models/peru/lessons?lang=es' })).json().lessons;
    const en = (await app.inject({ method: 'GET', url: '/api/models/peru/lessons?lang=en' })).json().lessons;
    expect(es.map((l: { id: string }) => l.id)).toEqual(['forest-stocks', 'isc-reform', 'green-jobs', 'ndc-gap', 'calibration-report']);
    expect(en.map((l: { id: string }) => l.id)).toEqual(es.map((l: { id: string }) => l.id));
    expect(es[0].steps[1]).toMatchObject({ chart: 'Forest Area', lever: 'Forest Conservation Budget' });
  });

  it('runs a session: participants submit, only the facilitator reads submissions, one is shown to the room', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/workshops', payload: { modelId: 'peru', lessonId: 'forest-stocks' } });
    expect(created.statusCode).toBe(201);
    const { code, facilitatorToken } = created.json();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const submit = (participant: string, params: Record<string, number>) =>
      app.inject({ method: 'POST', url: `/api/workshops/${code}/submissions`, payload: { participant, justification: 'porque sí', params } });
    expect((await submit('Ana', { 'Forest Conservation Budget': 625 })).statusCode).toBe(201);
    expect((await submit('Luis', { 'Reforestation Budget': 240 })).statusCode).toBe(201);
    const bad = await submit('Eve', { 'No Such Lever': 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('UNKNOWN_LEVER');

    expect((await app.inject({ method: 'GET', url: `/api/workshops/${code}/submissions` })).statusCode).toBe(403);
    const list = await app.inject({ method: 'GET', url: `/api/workshops/${code}/submissions`, headers: { 'x-facilitator-token': facilitatorToken } });
    expect(list.json().submissions.map((s: { participant: string }) => s.participant)).toEqual(['Ana', 'Luis']);

    expect((await app.inject({ method: 'POST', url: `/api/workshops/${code}/show`, payload: { submissionId: '2' } })).statusCode).toBe(403);
    const shown = await app.inject({ method: 'POST', url: `/api/workshops/${code}/show`, headers: { 'x-facilitator-token': facilitatorToken }, payload: { submissionId: '2' } });
    expect(shown.statusCode).toBe(200);
    const room = (await app.inject({ method: 'GET', url: `/api/workshops/${code.toLowerCase()}` })).json();
    expect(room.shownSubmission).toMatchObject({ participant: 'Luis', params: { 'Reforestation Budget': 240 } });
    expect(room.submissions).toEqual([]);
  });

  it('rejects unknown lessons and codes', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/workshops', payload: { modelId: 'peru', lessonId: 'nope' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/workshops/ZZZZZZ' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/workshops/bad' })).statusCode).toBe(400);
  });
});
