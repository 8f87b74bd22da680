import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { defaultConfig, EXAMPLE_MODEL, projectRoot } from './config.js';

const BROKEN = `{UTF-8}
x = 1
\t~\tDmnl
\t~\t|

y = x + * 2
\t~\tDmnl
\t~\t|

FINAL TIME = 10
\t~\tYear
\t~\t|
INITIAL TIME = 0
\t~\tYear
\t~\t|
TIME STEP = 1
\t~\tYear
\t~\t|
SAVEPER = 1
\t~\tYear
\t~\t|
`;

const SMALL = BROKEN.replace('y = x + * 2', 'y = x * growth\n\t~\tDmnl\n\t~\t|\n\ngrowth = 3').replace(
  'growth = 3\n\t~\tDmnl',
  'growth = 3\n\t~\tDmnl [0,10,1]',
);

/** 2,000 stocks and a billion years: a run far longer than any time limit. */
const HEAVY = [
  '{UTF-8}',
  'dim: (e1-e2000)\n\t~\t\n\t~\t|',
  's[dim] = INTEG(growth[dim], 0)\n\t~\tDmnl\n\t~\t|',
  // Every element feeds every other (through total): a run that keeps one column computes them all.
  'growth[dim] = 1 + total * 1e-12\n\t~\tDmnl\n\t~\t|',
  'total = SUM(s[dim!])\n\t~\tDmnl\n\t~\t|',
  'FINAL TIME = 5e7\n\t~\tYear\n\t~\t|',
  'INITIAL TIME = 0\n\t~\tYear\n\t~\t|',
  'SAVEPER = 1e8\n\t~\tYear\n\t~\t|',
  'TIME STEP = 1\n\t~\tYear\n\t~\t|',
].join('\n\n');

const XMILE = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>IGEM</vendor><product version="1">test</product></header>
  <sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
  <model><variables>
    <stock name="Stock"><eqn>1</eqn><inflow>growth</inflow></stock>
    <flow name="growth"><eqn>Stock * rate</eqn></flow>
    <aux name="rate"><eqn>0.1</eqn></aux>
  </variables></model>
</xmile>
`;

describe('web simulator API', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'igem-api-'));
    const cfg = defaultConfig({ dataDir: join(dir, 'data'), defaultModel: join(projectRoot(), EXAMPLE_MODEL), webRoot: join(dir, 'no-web') });
    ({ app } = await buildApp(cfg));
  });
  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the default model and serves its bundle with parameters\' text', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/models' });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.defaultId).toBe('green-growth');
    expect(body.models[0]).toMatchObject({ id: 'green-growth', source: 'builtin', isDefault: true });
    const b = await app.inject({ method: 'GET', url: '/api/models/green-growth' });
    expect(b.statusCode).toBe(200);
    expect(b.json().text).toContain('carbon tax');
    expect(b.json().sheets).toEqual([]);
  });

  it('creates, lists, renames, duplicates and deletes scenarios', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/scenarios',
      payload: { modelId: 'green-growth', name: 'Tax 50', description: 'carbon tax', params: { 'carbon tax': 50 } },
    });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ modelId: 'green-growth', name: 'Tax 50', params: { 'carbon tax': 50 } });

    const renamed = await app.inject({ method: 'PATCH', url: `/api/scenarios/${s.id}`, payload: { name: 'Tax fifty' } });
    expect(renamed.json()).toMatchObject({ name: 'Tax fifty', description: 'carbon tax', params: { 'carbon tax': 50 } });

    const dup = await app.inject({ method: 'POST', url: `/api/scenarios/${s.id}/duplicate`, payload: {} });
    expect(dup.statusCode).toBe(201);
    expect(dup.json()).toMatchObject({ name: 'Tax fifty (copy)', params: { 'carbon tax': 50 } });
    expect(dup.json().id).not.toBe(s.id);

    const list = await app.inject({ method: 'GET', url: '/api/scenarios?model=green-growth' });
    expect(list.json().scenarios.map((x: { name: string }) => x.name)).toEqual(['Tax fifty', 'Tax fifty (copy)']);
    expect((await app.inject({ method: 'GET', url: '/api/scenarios?model=other' })).json().scenarios).toEqual([]);

    expect((await app.inject({ method: 'DELETE', url: `/api/scenarios/${s.id}` })).statusCode).toBe(204);
    const gone = await app.inject({ method: 'GET', url: `/api/scenarios/${s.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('NOT_FOUND');
  });

  it('rejects bad scenario bodies with the field named', async () => {
    const cases: [unknown, string][] = [
      [{ modelId: 'green-growth', name: '', params: {} }, 'body.name'],
      [{ modelId: 'green-growth', name: 'x', params: { 'carbon tax': 'fifty' } }, 'body.params.carbon tax'],
      [{ modelId: 'green-growth', name: 'x', params: {}, extra: 1 }, 'body'],
      [{ name: 'x', params: {} }, 'body.modelId'],
    ];
    for (const [payload, field] of cases) {
      const r = await app.inject({ method: 'POST', url: '/api/scenarios', payload: payload as object });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION');
      expect(r.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    // Each issue and the message in Spanish too (zod's Spanish messages), the field the same.
    const wrongType = (await app.inject({ method: 'POST', url: '/api/scenarios', payload: { modelId: 'green-growth', name: 'x', params: { 'carbon tax': 'fifty' } } })).json().error;
    expect(wrongType.message).toBe('body.params.carbon tax: Invalid input: expected number, received string');
    expect(wrongType.messageEs).toBe('body.params.carbon tax: Entrada inválida: se esperaba número, recibido texto');
    expect(wrongType.details).toEqual([{ field: 'body.params.carbon tax', message: 'Invalid input: expected number, received string', messageEs: 'Entrada inválida: se esperaba número, recibido texto' }]);
    const unknownModel = await app.inject({ method: 'POST', url: '/api/scenarios', payload: { modelId: 'nope', name: 'x', params: {} } });
    expect(unknownModel.statusCode).toBe(404);
  });

  it('answers malformed JSON, unknown routes and oversized bodies as JSON errors', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_JSON');
    const none = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('NOT_FOUND');

    const small = await buildApp(defaultConfig({ dataDir: join(dir, 'data2'), bodyLimit: 1000, webRoot: join(dir, 'no-web') }));
    try {
      const big = await small.app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'a.mdl', text: 'x'.repeat(5000) } });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('BODY_TOO_LARGE');
    } finally {
      await small.app.close();
    }
  });

  it('runs the model on the server with lever settings', async () => {
    const base = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: 'green-growth', columns: ['Fossil CO2 Emissions'] } });
    expect(base.statusCode).toBe(200);
    const tax = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { modelId: 'green-growth', columns: ['Fossil CO2 Emissions'], params: { 'carbon tax': 100 } },
    });
    const b = base.json();
    const t = tax.json();
    expect(b.names).toEqual(['Fossil CO2 Emissions']);
    expect(b.time[0]).toBe(2000);
    expect(b.time.at(-1)).toBe(2050);
    // Before the policy starts (2025) both runs agree; by 2050 the tax has cut emissions.
    expect(t.series[0][0]).toBeCloseTo(b.series[0][0], 9);
    expect(t.series[0].at(-1)).toBeLessThan(b.series[0].at(-1) * 0.95);

    const unknown = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: 'green-growth', params: { 'no such lever': 1 } } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('no such lever');
  });

  it('stops a run that takes longer than the limit', async () => {
    const slow = await buildApp(defaultConfig({ dataDir: join(dir, 'data3'), runTimeoutMs: 8000, webRoot: join(dir, 'no-web') }));
    try {
      // Threads start with the app; a first small run waits until they have loaded the engine.
      expect((await slow.app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: 'green-growth', columns: ['GDP'] } })).statusCode).toBe(200);
      const up = await slow.app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'heavy.mdl', text: HEAVY } });
      expect(up.statusCode).toBe(201);
      // 2,000 stocks for 50 million steps: hours of work, stopped at the limit.
      const r = await slow.app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: up.json().id, columns: ['s[e1]'] } });
      expect(r.statusCode).toBe(504);
      expect(r.json().error.code).toBe('RUN_TIMEOUT');
      expect(r.json().error.messageEs).toBe('la corrida tardó más de 8000 ms y se detuvo');
      // The pool recovers with a fresh worker.
      const ok = await slow.app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: 'green-growth', columns: ['GDP'] } });
      expect(ok.statusCode).toBe(200);
    } finally {
      await slow.app.close();
    }
  });

  it('a refused Vensim function comes back with its reason in Spanish beside the English', async () => {
    const text = SMALL.replace('y = x * growth', 'y = DELAY BATCH(x, 1, 2, 0)');
    const bad = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'batch.mdl', text } });
    expect(bad.statusCode).toBe(422);
    const err = bad.json().error;
    expect(err.code).toBe('MODEL_INVALID');
    expect(err.details[0]).toMatchObject({ line: 6, code: 'E_UNSUPPORTED' });
    expect(err.details[0].message).toMatch(/^the Vensim function DELAY BATCH is not supported yet \(fn_delay_batch /);
    expect(err.details[0].messageEs).toMatch(/^la función de Vensim DELAY BATCH aún no se admite \(fn_delay_batch /);
    expect(err.message).toMatch(/^line 6, column \d+: the Vensim function DELAY BATCH/);
    expect(err.messageEs).toMatch(/^línea 6, columna \d+: la función de Vensim DELAY BATCH/);
  });

  it('stores an uploaded model and rejects a broken one with line and column', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'broken.mdl', text: BROKEN } });
    expect(bad.statusCode).toBe(422);
    const err = bad.json().error;
    expect(err.code).toBe('MODEL_INVALID');
    expect(err.details[0].line).toBe(6);
    expect(err.details[0].column).toBeGreaterThan(0);
    expect(err.message).toMatch(/^line 6, column \d+/);

    const wrongType = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'm.xlsx', text: SMALL } });
    expect(wrongType.statusCode).toBe(400);

    const ok = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'small.mdl', text: SMALL } });
    expect(ok.statusCode).toBe(201);
    const id = ok.json().id;
    expect(id).toMatch(/^u-/);
    expect(ok.json().parameters).toBeGreaterThan(0);
    const list = (await app.inject({ method: 'GET', url: '/api/models' })).json().models;
    expect(list.map((m: { id: string }) => m.id)).toContain(id);
    const run = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: id, columns: ['y'], params: { growth: 5 } } });
    expect(run.json().series[0][0]).toBe(5);
    expect((await app.inject({ method: 'DELETE', url: `/api/models/${id}` })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: '/api/models/green-growth' })).statusCode).toBe(403);
  });

  it('a run that saves NaN or ±∞ completes (200) with one warning per root cause, in both languages', async () => {
    const text = SMALL.replace('y = x * growth', 'y = x / (growth - 3)\n\t~\tDmnl\n\t~\t|\n\nz = y * 2');
    const up = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'div.mdl', text } });
    expect(up.statusCode).toBe(201);
    const id = up.json().id;
    const run = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: id, columns: ['y', 'z'] } });
    expect(run.statusCode).toBe(200);
    const body = run.json();
    expect(body.series[0][0]).toBeNull();
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]).toMatchObject({
      variable: 'y',
      location: 'div.mdl:6:1',
      time: 0,
      value: 'Infinity',
      cause: { kind: 'division-by-zero', op: '/', args: [1, 0] },
      columns: [{ name: 'y', time: 0, value: 'Infinity' }, { name: 'z', time: 0, value: 'Infinity' }],
    });
    expect(body.warnings[0].message).toBe('div.mdl:6:1: y became +∞ at time 0: 1 / 0 (division by zero); it reaches 2 saved variables (y, z)');
    expect(body.warnings[0].messageEs).toBe('div.mdl:6:1: y se volvió +∞ en el tiempo 0: 1 / 0 (división por cero); llega a 2 variables de las guardadas (y, z)');
    expect(body.warningsNotShown).toBeUndefined();
    const clean = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: id, columns: ['y'], params: { growth: 4 } } });
    expect(clean.statusCode).toBe(200);
    expect(clean.json().warnings).toEqual([]);
    expect(clean.json().series[0][0]).toBe(1);
  });

  it('accepts XMILE uploads and reports their errors with line and column', async () => {
    const ok = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'growth.xmile', text: XMILE } });
    expect(ok.statusCode).toBe(201);
    const run = await app.inject({ method: 'POST', url: '/api/runs', payload: { modelId: ok.json().id, columns: ['Stock'], params: { rate: 0 } } });
    expect(run.json().series[0]).toEqual(Array(11).fill(1));
    const bad = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'bad.stmx', text: XMILE.replace('Stock * rate', 'Stock * * rate') } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0]).toMatchObject({ line: 7 });
  });

  it('serves the built web app with caching fit for hashed assets', async () => {
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>IGEM</title>');
    writeFileSync(join(web, 'assets', 'index-abc123.js'), 'console.log(1)');
    const w = await buildApp(defaultConfig({ dataDir: join(dir, 'data5'), webRoot: web }));
    try {
      const page = await w.app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      const asset = await w.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      expect((await w.app.inject({ method: 'GET', url: '/api/nope' })).json().error.code).toBe('NOT_FOUND');
    } finally {
      await w.app.close();
    }
  });

  it('reads a model profile beside the model and reports a bad one by field', async () => {
    const model = join(dir, 'm.mdl');
    copyFileSync(join(projectRoot(), EXAMPLE_MODEL), model);
    writeFileSync(join(dir, 'm.web.json'), JSON.stringify({ indicators: [{ name: 'GDP', target: { year: 2030, value: 1, direction: 'up' } }] }));
    const p = await buildApp(defaultConfig({ dataDir: join(dir, 'data4'), defaultModel: model, webRoot: join(dir, 'no-web') }));
    try {
      const r = await p.app.inject({ method: 'GET', url: '/api/models/m' });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toContain('m.web.json: indicators.0.target.direction');
      writeFileSync(join(dir, 'm.web.json'), JSON.stringify({ charts: ['GDP'], indicators: [{ name: 'GDP', sdg: '8.1.1' }], history: 'hist.csv' }));
      writeFileSync(join(dir, 'hist.csv'), 'Time,GDP,Population\n2000,220000,2.6e7\n2005,260000,\n');
      const ok = await p.app.inject({ method: 'GET', url: '/api/models/m' });
      expect(ok.json().profile).toEqual({ charts: ['GDP'], indicators: [{ name: 'GDP', sdg: '8.1.1' }], history: 'hist.csv' });
      expect(ok.json().history).toEqual({
        source: 'hist.csv',
        series: [
          { name: 'GDP', time: [2000, 2005], value: [220000, 260000] },
          { name: 'Population', time: [2000], value: [2.6e7] },
        ],
      });
    } finally {
      await p.app.close();
    }
  });
});
