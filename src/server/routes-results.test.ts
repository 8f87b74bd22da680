import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { defaultConfig, PERU_MODEL, projectRoot } from './config.js';
import { loadIoTable } from '../econ/io/load.js';

let app: FastifyInstance;
let dir: string;
const CGE = '/api/models/peru/results/cge';
const JOBS = '/api/models/peru/results/green-jobs';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'igem-results-'));
  ({ app } = await buildApp(defaultConfig({ dataDir: join(dir, 'data'), defaultModel: join(projectRoot(), PERU_MODEL), webRoot: join(dir, 'no-web') })));
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('green jobs (SD → IO)', () => {
  it('answers jobs by sector, split both ways, for the model’s own settings', async () => {
    const r = await app.inject({ method: 'GET', url: `${JOBS}?year=2019` });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b.year).toBe(2019);
    expect(b.unit).toEqual({ es: 'miles de personas', en: 'thousand persons' });
    expect(b.sectors).toHaveLength(15);
    for (const s of b.sectors) {
      const j = s.scenario;
      expect(j.green + j.transition + j.other).toBeCloseTo(j.total, 6);
      expect(j.formal + j.informal).toBeCloseTo(j.total, 6);
      expect(s.label.es).toBeTruthy();
      expect(s.label.en).toBeTruthy();
    }
    // The link's scales make the business-as-usual run equal the table's final demand in 2019, so the
    // implied jobs are the table's employment (up to the link's leaks and rounding).
    const table = loadIoTable(join(projectRoot(), 'models/peru/io/peru-io-2019-estimated.csv')).table;
    const employment = sum(table.satellites.find((s) => s.kind === 'employment')!.values);
    expect(Math.abs(b.total.scenario.total / employment - 1)).toBeLessThan(0.1);
    expect(b.byYear.years).toContain(2030);
    // The base year measured in the survey sample (models/peru/greenjobs/measured), with its intervals.
    const measured = JSON.parse(readFileSync(join(projectRoot(), 'models/peru/greenjobs/measured/base-year-SYNTHETIC-2022.json'), 'utf8'));
    expect(b.measured).toMatchObject({ synthetic: true, year: 2022, confidence: 0.95, green: measured.green, transition: measured.transition });
    for (const k of ['green', 'transition', 'other', 'employment']) {
      expect(b.measured[k].low).toBeLessThan(b.measured[k].value);
      expect(b.measured[k].high).toBeGreaterThan(b.measured[k].value);
    }
  });

  it('a lever set changes the run; the same settings again come from the cache', async () => {
    const body = { params: { 'Certified Seed Programme Budget': 300 }, year: 2035 };
    const a = await post(JOBS, body);
    expect(a.statusCode).toBe(200);
    expect(a.json().cached).toBe(false);
    const agri = a.json().sectors.find((s: { id: string }) => s.id === 'Agriculture');
    expect(agri.scenario.total).not.toBeCloseTo(agri.baseline.total, 6);
    const again = await post(JOBS, { year: 2040, params: { 'certified seed programme budget': 300 } });
    expect(again.json().cached).toBe(true);
    expect(again.json().year).toBe(2040);
  });

  it('bad bodies are 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ year: 1800 }, 'body.year'],
      [{ year: 2100 }, 'body.year'],
      [{ params: { 'No Such Lever': 1 } }, 'params.No Such Lever'],
      [{ params: { 'Carbon Price': 'a lot' } }, 'body.params.Carbon Price'],
      [{ colour: 'green' }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const r = await post(JOBS, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(r.json().error.details)).toContain(field);
    }
    expect((await app.inject({ method: 'GET', url: `${JOBS}?year=soon` })).statusCode).toBe(400);
  });
});

describe('CGE results', () => {
  it('the levers of a carbon tax give the same result as the CGE scenario file of that tax', async () => {
    const levers = await post(CGE, {
      params: { 'Carbon Price': 100, 'Policy Start Year[fuel tax]': 2024, 'Policy Ramp Years[fuel tax]': 5 },
      recycling: 'lumpsum',
    });
    expect(levers.statusCode).toBe(200);
    const named = await post(CGE, { scenario: 'carbon-tax' });
    expect(named.statusCode).toBe(200);
    const a = levers.json(), b = named.json();
    expect(a.converged).toBe(true);
    expect(a.maxResidual).toBeLessThan(1e-6);
    expect(a.households).toHaveLength(7);
    expect(a.assumptions.length).toBeGreaterThan(0);
    expect(b.label.en).toMatch(/Carbon tax/);
    b.households.forEach((h: { code: string; evPct: number }, i: number) => expect(a.households[i].evPct).toBeCloseTo(h.evPct, 9));
    expect(a.indicators.co2.changePct).toBeLessThan(0);
    expect(a.revenue.find((r: { code: string }) => r.code === 'carbon').value).toBeGreaterThan(0);
    for (const k of ['realGdp', 'cpi', 'revenue', 'fuelUse', 'co2']) expect(Number.isFinite(a.indicators[k].value)).toBe(true);
    // Cached: the same request again.
    const again = await post(CGE, { params: { 'Carbon Price': 100, 'Policy Start Year[fuel tax]': 2024, 'Policy Ramp Years[fuel tax]': 5 }, recycling: 'lumpsum', year: 2050 });
    expect(again.json().cached).toBe(true);
    expect(again.json().year).toBe(2050);
  }, 120_000);

  it('the model’s own settings are the CGE baseline: no welfare change', async () => {
    const r = await app.inject({ method: 'GET', url: CGE });
    expect(r.statusCode).toBe(200);
    for (const h of r.json().households) expect(h.evPct).toBe(0);
    expect(r.json().indicators.realGdp.changePct).toBe(0);
  }, 120_000);

  it('bad bodies are 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ scenario: 'no-such-scenario' }, 'body.scenario'],
      [{ scenario: 'carbon-tax', params: {} }, 'body.scenario'],
      [{ recycling: 'helicopter' }, 'body.recycling'],
      [{ params: { 'Fuel Tax Reform': 3 } }, 'params.Fuel Tax Reform'],
      [{ scenario: '../model' }, 'body.scenario'],
      [{ year: 2019.5 }, 'body.year'],
    ];
    for (const [payload, field] of cases) {
      const r = await post(CGE, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(r.json().error.details)).toContain(field);
    }
  });

  it('beyond four concurrent solves: 429 with Retry-After and a message in both languages', async () => {
    const bodies = [110, 120, 130, 140, 150].map((p) => ({ params: { 'Carbon Price': p } }));
    const answers = await Promise.all(bodies.map((b) => post(CGE, b)));
    const status = answers.map((a) => a.statusCode).sort();
    expect(status).toEqual([200, 200, 200, 200, 429]);
    const busy = answers.find((a) => a.statusCode === 429)!;
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    expect(busy.json().error.message).toMatch(/^4 CGE solves are under way; try again in \d+ s\.$/);
    expect(busy.json().error.messageEs).toMatch(/^Hay 4 cálculos del CGE en curso; intente de nuevo en \d+ s\.$/);
  }, 180_000);

  it('a model without an IO table or CGE beside it answers 404 NO_RESULTS', async () => {
    for (const url of ['/api/models/green-growth/results/cge', '/api/models/green-growth/results/green-jobs', '/api/models/nope/results/cge']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: '/api/models/green-growth/results/cge' })).json().error.code).toBe('NO_RESULTS');
  });
});

describe('which result families a model has', () => {
  const TINY = 'stock = INTEG(inflow, 1)\n~ t\n~|\ninflow = rate * stock\n~ 1/Year\n~|\nrate = 0.1\n~ 1/Year\n~|\nINITIAL TIME = 0\n~ Year\n~|\nFINAL TIME = 5\n~ Year\n~|\nTIME STEP = 1\n~ Year\n~|\nSAVEPER = 1\n~ Year\n~|\n';

  it('the model list and bundle flag IO and CGE for Peru only; uploads have neither', async () => {
    const up = await post('/api/models', { filename: 'tiny.mdl', text: TINY });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().results).toEqual({ io: false, cge: false });
    const models = (await app.inject({ method: 'GET', url: '/api/models' })).json().models as { id: string; results: unknown }[];
    const flags = Object.fromEntries(models.map((m) => [m.id, m.results]));
    expect(flags).toEqual({ peru: { io: true, cge: true }, 'green-growth': { io: false, cge: false }, [up.json().id]: { io: false, cge: false } });
    expect((await app.inject({ method: 'GET', url: '/api/models/peru' })).json().results).toEqual({ io: true, cge: true });
    expect((await app.inject({ method: 'GET', url: '/api/models/green-growth' })).json().results).toEqual({ io: false, cge: false });
    expect((await app.inject({ method: 'GET', url: `/api/models/${up.json().id}` })).json().results).toEqual({ io: false, cge: false });
  });

  it('asking a model for a family it lacks is 404 NO_RESULTS in Spanish and English, for GET and POST', async () => {
    const up = (await post('/api/models', { filename: 'tiny.mdl', text: TINY })).json().id as string;
    const cases: [string, RegExp, RegExp][] = [
      ['/api/models/green-growth/results/green-jobs', /^model green-growth has no green-jobs \(IO\) results: io.web-labels\.json.* is missing/, /^el modelo green-growth no tiene resultados de empleos verdes \(IO\): falta .*io.web-labels\.json/],
      ['/api/models/green-growth/results/cge', /^model green-growth has no prices and welfare \(CGE\) results/, /^el modelo green-growth no tiene resultados de precios y bienestar \(CGE\)/],
      [`/api/models/${up}/results/green-jobs`, /has no green-jobs \(IO\) results: it is an uploaded model/, /no tiene resultados de empleos verdes \(IO\): es un modelo subido/],
      [`/api/models/${up}/results/cge`, /: it is an uploaded model, with no data folder$/, /: es un modelo subido, sin carpeta de datos$/],
    ];
    for (const [url, en, es] of cases) {
      for (const r of [await app.inject({ method: 'GET', url }), await post(url, { params: {} })]) {
        expect(r.statusCode, url).toBe(404);
        expect(r.json().error.code, url).toBe('NO_RESULTS');
        // One language each, no longer both in one string.
        expect(r.json().error.message, url).toMatch(en);
        expect(r.json().error.message, url).not.toMatch(/modelo/);
        expect(r.json().error.messageEs, url).toMatch(es);
      }
    }
  });
});
