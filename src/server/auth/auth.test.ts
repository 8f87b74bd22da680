import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { defaultConfig, EXAMPLE_MODEL, projectRoot } from '../config.js';
import { UsersStore } from './users-store.js';

interface Agent {
  cookie: string;
  csrf: string;
}

describe('multi-user mode: login, CSRF and ownership', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'igem-auth-'));
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

  const login = async (name: string, password: string): Promise<Agent> => {
    const r = await app.inject({ method: 'POST', url: '/api/login', payload: { name, password } });
    expect(r.statusCode).toBe(200);
    const session = r.cookies.find((c) => c.name === 'igem_session')!;
    expect(session.httpOnly).toBe(true);
    return { cookie: r.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: r.json().csrfToken };
  };
  const as = (a: Agent) => ({ cookie: a.cookie, 'x-csrf-token': a.csrf });

  /** The error's status, code and both languages. */
  const errorOf = (r: { statusCode: number; json: () => { error: { code: string; message: string; messageEs: string } } }) => {
    const e = r.json().error;
    return { status: r.statusCode, code: e.code, en: e.message, es: e.messageEs };
  };

  it('refuses anonymous requests and wrong passwords', async () => {
    expect(errorOf(await app.inject({ method: 'GET', url: '/api/scenarios' }))).toEqual({ status: 401, code: 'UNAUTHORIZED', en: 'sign in first', es: 'inicie sesión primero' });
    expect(errorOf(await app.inject({ method: 'POST', url: '/api/login', payload: { name: 'ana', password: 'wrong-password' } }))).toEqual({
      status: 401,
      code: 'UNAUTHORIZED',
      en: 'wrong user name or password',
      es: 'nombre de usuario o contraseña incorrectos',
    });
    expect((await app.inject({ method: 'POST', url: '/api/login', payload: { name: 'nobody', password: 'whatever12' } })).statusCode).toBe(401);
  });

  it('needs the CSRF token for changes', async () => {
    const ana = await login('ana', 'contraseña-ana');
    const r = await app.inject({ method: 'POST', url: '/api/scenarios', headers: { cookie: ana.cookie }, payload: { modelId: 'green-growth', name: 'x', params: {} } });
    expect(r.statusCode).toBe(403);
    // The plugin's own error, answered under the code the web's catalogue knows, in both languages.
    expect(errorOf(r)).toMatchObject({ code: 'CSRF', es: 'falta el token CSRF (cabecera x-csrf-token, de GET /api/csrf) o no es el correcto' });
  });

  it('a participant cannot read or delete another\'s scenario (403); a share token grants read-only access', async () => {
    const ana = await login('ana', 'contraseña-ana');
    const luis = await login('luis', 'contraseña-luis');
    const created = await app.inject({ method: 'POST', url: '/api/scenarios', headers: as(ana), payload: { modelId: 'green-growth', name: 'Ana tax', params: { 'carbon tax': 50 } } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    expect(errorOf(await app.inject({ method: 'GET', url: `/api/scenarios/${id}`, headers: as(luis) }))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      en: 'this scenario belongs to another user',
      es: 'este escenario pertenece a otro usuario',
    });
    expect((await app.inject({ method: 'DELETE', url: `/api/scenarios/${id}`, headers: as(luis) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PATCH', url: `/api/scenarios/${id}`, headers: as(luis), payload: { name: 'mine now' } })).statusCode).toBe(403);
    const list = await app.inject({ method: 'GET', url: '/api/scenarios?model=green-growth', headers: as(luis) });
    expect(list.json().scenarios).toEqual([]);
    expect((await app.inject({ method: 'GET', url: `/api/scenarios/${id}`, headers: as(ana) })).json().name).toBe('Ana tax');

    const share = await app.inject({ method: 'POST', url: `/api/scenarios/${id}/share`, headers: as(ana) });
    const token = share.json().shareToken as string;
    expect((await app.inject({ method: 'POST', url: `/api/scenarios/${id}/share`, headers: as(luis) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/scenarios/${id}?share=${token}`, headers: as(luis) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/scenarios/${id}?share=${token}` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/scenarios/${id}?share=${token}`, headers: as(luis) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/scenarios/${id}?share=wrong` })).statusCode).toBe(403);

    expect((await app.inject({ method: 'DELETE', url: `/api/scenarios/${id}`, headers: as(ana) })).statusCode).toBe(204);
  });

  it('limits uploads per user per minute: 429 in both languages', async () => {
    // Last: it uses up luis's uploads for the minute. Bad bodies are refused by the route after the limit counted them.
    const luis = await login('luis', 'contraseña-luis');
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 21; i++) {
      last = await app.inject({ method: 'POST', url: '/api/models', headers: as(luis), payload: {} });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(20).fill(400), 429]);
    const e = errorOf(last!);
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.en).toMatch(/^at most 20 requests per minute for this user; try again in \d+ s$/);
    expect(e.es).toMatch(/^como máximo 20 solicitudes por minuto para este usuario; intente de nuevo en \d+ s$/);
  });
});
