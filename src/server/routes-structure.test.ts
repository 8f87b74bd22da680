import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { defaultConfig, EXAMPLE_MODEL, projectRoot } from './config.js';
import { UsersStore } from './auth/users-store.js';

/** A stock with a balancing loop, drawn: Stock A fed by rate through a valve. */
const SKETCHED = [
  '{UTF-8}',
  'Stock A = INTEG(inflow - outflow, 10)\n\t~\tWidget\n\t~\t|',
  'inflow = rate * 2\n\t~\tWidget/Year\n\t~\t|',
  'outflow = Stock A * rate\n\t~\tWidget/Year\n\t~\t|',
  'rate = 0.1\n\t~\t1/Year\n\t~\t|',
  'INITIAL TIME = 0\n\t~\tYear\n\t~\t|',
  'FINAL TIME = 10\n\t~\tYear\n\t~\t|',
  'TIME STEP = 1\n\t~\tYear\n\t~\t|',
  'SAVEPER = TIME STEP\n\t~\tYear\n\t~\t|',
  '\\\\\\---/// Sketch information - do not modify anything except names',
  'V300  Do not put anything below this section - it will be ignored',
  '*View 1',
  '$192-192-192,0,Helvetica|12|B|0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|72,72,100,0',
  '10,1,Stock A,300,200,40,20,3,3,0,0,0,0,0,0',
  '12,2,48,150,200,10,8,0,3,0,0,-1,0,0,0',
  '11,3,0,220,200,6,8,34,3,0,0,1,0,0,0',
  '10,4,inflow,220,215,22,7,40,3,0,0,-1,0,0,0',
  '1,5,3,1,4,0,0,22,0,0,0,-1--1--1,,1|(250,200)|',
  '1,6,3,2,100,0,0,22,0,0,0,-1--1--1,,1|(180,200)|',
  '10,7,rate,200,120,30,10,8,3,0,0,0,0,0,0',
  '1,8,7,4,0,0,43,0,0,64,0,-1--1--1,,1|(205,170)|',
  '1,9,7,77,0,0,0,0,0,64,0,-1--1--1,,1|(0,0)|',
  '///---\\\\\\',
  '',
].join('\n');

describe('structure API', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'igem-structure-'));
    const cfg = defaultConfig({ dataDir: join(dir, 'data'), defaultModel: join(projectRoot(), EXAMPLE_MODEL), webRoot: join(dir, 'no-web') });
    ({ app } = await buildApp(cfg));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the loops of a model with their polarity, families and counts', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/models/green-growth/structure/loops' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.counts.loops).toBe(body.loops.length);
    expect(body.counts.R + body.counts.B + body.counts.U).toBe(body.loops.length);
    expect(body.counts.families).toBe(body.families.length);
    for (const l of body.loops) {
      expect(l.links).toHaveLength(l.variables.length);
      expect(body.families[l.family].loops).toContain(l.id);
    }
  });

  it('answers a causes and a uses tree, and refuses bad queries with 400 and unknown names with 404', async () => {
    const causes = await app.inject({ method: 'GET', url: '/api/models/green-growth/structure/tree?variable=Population&depth=1' });
    expect(causes.statusCode).toBe(200);
    expect(causes.json().tree.children.map((c: { display: string }) => c.display)).toContain('births');
    const uses = await app.inject({ method: 'GET', url: '/api/models/green-growth/structure/tree?variable=births&direction=uses' });
    expect(uses.json().tree.children.map((c: { key: string; polarity: string }) => [c.key, c.polarity])).toContainEqual(['population', '+']);
    for (const q of ['direction=sideways&variable=births', 'variable=births&depth=0', 'variable=births&depth=1.5', 'variable=', 'variable=births&extra=1']) {
      const bad = await app.inject({ method: 'GET', url: `/api/models/green-growth/structure/tree?${q}` });
      expect(bad.statusCode, q).toBe(400);
    }
    const unknown = await app.inject({ method: 'GET', url: '/api/models/green-growth/structure/tree?variable=birth' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('did you mean: births');
    expect((await app.inject({ method: 'GET', url: '/api/models/no-such-model/structure/loops' })).statusCode).toBe(404);
  });

  it('gives an uploaded model\'s own diagram, with a warning at the line of a record it cannot draw', async () => {
    const up = await app.inject({ method: 'POST', url: '/api/models', payload: { filename: 'sketched.mdl', text: SKETCHED } });
    expect(up.statusCode).toBe(201);
    const r = await app.inject({ method: 'GET', url: `/api/models/${up.json().id}/structure/diagram` });
    expect(r.statusCode).toBe(200);
    const { views, warnings } = r.json();
    expect(views).toHaveLength(1);
    expect(views[0].nodes.map((n: { kind: string }) => n.kind).sort()).toEqual(['aux', 'cloud', 'flow', 'stock', 'valve']);
    expect(views[0].links.find((l: { id: string }) => l.id === '8')).toMatchObject({ kind: 'influence', polarity: '+' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0].loc.line).toBe(SKETCHED.split('\n').findIndex((l) => l.startsWith('1,9,')) + 1);
    const loops = (await app.inject({ method: 'GET', url: `/api/models/${up.json().id}/structure/loops` })).json();
    expect(loops.counts).toMatchObject({ loops: 1, B: 1 });
  });
});

describe('structure API with accounts', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'igem-structure-auth-'));
    const dataDir = join(dir, 'data');
    const users = new UsersStore(dataDir);
    await users.addUser('ana', 'participant', 'contraseña-ana');
    await users.addUser('luis', 'participant', 'contraseña-luis');
    users.close();
    const cfg = defaultConfig({ dataDir, defaultModel: join(projectRoot(), EXAMPLE_MODEL), webRoot: join(dir, 'no-web') });
    ({ app } = await buildApp(cfg, { multiUser: true }));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async (name: string, password: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/login', payload: { name, password } });
    return { cookie: r.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': r.json().csrfToken as string };
  };

  it('keeps an uploaded model\'s structure private to its owner (403 for another user)', async () => {
    const ana = await login('ana', 'contraseña-ana');
    const luis = await login('luis', 'contraseña-luis');
    const up = await app.inject({ method: 'POST', url: '/api/models', headers: ana, payload: { filename: 'sketched.mdl', text: SKETCHED } });
    expect(up.statusCode).toBe(201);
    for (const part of ['loops', 'diagram', 'tree?variable=rate']) {
      expect((await app.inject({ method: 'GET', url: `/api/models/${up.json().id}/structure/${part}`, headers: ana })).statusCode, part).toBe(200);
      expect((await app.inject({ method: 'GET', url: `/api/models/${up.json().id}/structure/${part}`, headers: luis })).statusCode, part).toBe(403);
    }
  });
});
