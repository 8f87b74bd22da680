/**
 * Multi-user mode (`igem serve --multi-user`): password login with an HTTP-only session cookie,
 * CSRF tokens on every state-changing request, per-user rate limits on runs and uploads, and
 * ownership: scenarios and uploaded models are their creator's and private unless shared; a share
 * token grants read-only access. Without --multi-user none of this is registered (local mode).
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { BilingualText } from '../../sd/ir/diagnostics.js';
import { ApiError, notFound } from '../errors.js';
import { parse } from '../schemas.js';
import { UsersStore, type OwnedKind, type User } from './users-store.js';

declare module 'fastify' {
  interface FastifyRequest {
    user?: User;
  }
}

export const SESSION_COOKIE = 'igem_session';
const login = z.strictObject({ name: z.string().min(1).max(64), password: z.string().min(1).max(200) });
/** Requests anyone may make without signing in. */
const PUBLIC = [/^\/api\/health$/, /^\/api\/login$/, /^\/api\/me$/, /^\/api\/csrf$/];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthOptions {
  dataDir: string;
  /** Runs and uploads per user per minute. */
  runsPerMinute?: number;
  uploadsPerMinute?: number;
}

export async function registerAuth(app: FastifyInstance, opts: AuthOptions): Promise<UsersStore> {
  const users = new UsersStore(opts.dataDir);
  app.addHook('onClose', async () => users.close());
  await app.register(cookie);
  await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieOpts: { httpOnly: true, sameSite: 'strict', path: '/', signed: false } });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (req) => req.user?.id ?? req.ip,
    // Both limits count per minute (runsPerMinute, uploadsPerMinute); `ttl` is the time left in this one.
    errorResponseBuilder: (_req, ctx) => {
      const s = Math.ceil(ctx.ttl / 1000);
      return new ApiError(429, 'RATE_LIMITED', {
        en: `at most ${ctx.max} requests per minute for this user; try again in ${s} s`,
        es: `como máximo ${ctx.max} solicitudes por minuto para este usuario; intente de nuevo en ${s} s`,
      });
    },
  });

  // Who is asking: the session cookie's user; every /api request but the public ones needs one.
  app.addHook('onRequest', async (req) => {
    req.user = users.userForSession(req.cookies[SESSION_COOKIE]);
    const path = req.url.split('?')[0]!;
    if (!path.startsWith('/api/') || PUBLIC.some((re) => re.test(path))) return;
    if (!req.user && !(SAFE.has(req.method) && shareTokenOf(req))) throw new ApiError(401, 'UNAUTHORIZED', { en: 'sign in first', es: 'inicie sesión primero' });
  });
  // State changes need the CSRF token (header x-csrf-token) from GET /api/csrf.
  app.addHook('preHandler', (req, reply, done) => {
    if (SAFE.has(req.method) || req.url === '/api/login') return done();
    app.csrfProtection(req, reply, done);
  });

  // Per-user limits on runs and uploads (the routes are registered elsewhere: limited by URL here).
  const runLimit = app.rateLimit({ max: opts.runsPerMinute ?? 600, timeWindow: '1 minute' });
  const uploadLimit = app.rateLimit({ max: opts.uploadsPerMinute ?? 20, timeWindow: '1 minute' });
  app.addHook('preHandler', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (req.method === 'POST' && path === '/api/runs') await runLimit.call(app, req, reply);
    else if (req.method === 'POST' && path === '/api/models') await uploadLimit.call(app, req, reply);
  });

  app.post('/api/login', async (req, reply) => {
    const body = parse(login, req.body, 'body');
    const user = await users.verify(body.name, body.password);
    if (!user) throw new ApiError(401, 'UNAUTHORIZED', { en: 'wrong user name or password', es: 'nombre de usuario o contraseña incorrectos' });
    reply.setCookie(SESSION_COOKIE, users.startSession(user.id), { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https' });
    return { user, csrfToken: reply.generateCsrf() };
  });
  app.post('/api/logout', async (req, reply) => {
    users.endSession(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });
  app.get('/api/me', async (req) => ({ user: req.user ?? null, multiUser: true }));
  app.get('/api/csrf', async (_req, reply) => ({ csrfToken: reply.generateCsrf() }));

  registerOwnership(app, users);
  return users;
}

function shareTokenOf(req: FastifyRequest): string | undefined {
  const q = req.query as Record<string, unknown> | undefined;
  return typeof q?.share === 'string' ? q.share : undefined;
}

/** The item a request is about: scenarios by /api/scenarios/:id…, uploaded models by /api/models/:id (and its structure). */
function itemOf(req: FastifyRequest): { kind: OwnedKind; id: string; action: string } | undefined {
  const path = req.url.split('?')[0]!;
  const s = /^\/api\/scenarios\/([^/]+)(\/duplicate)?$/.exec(path);
  if (s) return { kind: 'scenario', id: decodeURIComponent(s[1]!), action: s[2] ? 'duplicate' : req.method };
  const m = /^\/api\/models\/(u-[^/]+)(?:\/structure\/[a-z]+)?$/.exec(path);
  if (m) return { kind: 'model', id: decodeURIComponent(m[1]!), action: req.method };
  return undefined;
}

/** 403 for an item of another user's, in both languages. */
function forbidden(kind: OwnedKind): ApiError {
  const item = THIS_ITEM[kind];
  return new ApiError(403, 'FORBIDDEN', { en: `${item.en} belongs to another user`, es: `${item.es} pertenece a otro usuario` });
}

const THIS_ITEM: Record<OwnedKind, BilingualText> = { scenario: { en: 'this scenario', es: 'este escenario' }, model: { en: 'this model', es: 'este modelo' } };

function registerOwnership(app: FastifyInstance, users: UsersStore): void {
  const may = (req: FastifyRequest, kind: OwnedKind, id: string, write: boolean): boolean => {
    const o = users.owner(kind, id);
    if (!o) return true; // made before accounts were turned on: the route decides (404 or the item)
    if (req.user && (req.user.role === 'admin' || req.user.id === o.userId)) return true;
    return !write && !!o.shareToken && shareTokenOf(req) === o.shareToken;
  };

  app.addHook('preHandler', async (req) => {
    const item = itemOf(req);
    if (!item) return;
    const write = !SAFE.has(item.action) || item.action === 'duplicate';
    if (!may(req, item.kind, item.id, write)) throw forbidden(item.kind);
  });

  // Record the creator of a new scenario or upload; lists show only the user's own items.
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const path = req.url.split('?')[0]!;
    if (!req.user || typeof payload !== 'string') return payload;
    if (reply.statusCode === 201 && req.method === 'POST' && (path === '/api/scenarios' || /^\/api\/scenarios\/[^/]+\/duplicate$/.test(path))) {
      users.setOwner('scenario', (JSON.parse(payload) as { id: string }).id, req.user.id);
    } else if (reply.statusCode === 201 && req.method === 'POST' && path === '/api/models') {
      users.setOwner('model', (JSON.parse(payload) as { id: string }).id, req.user.id);
    } else if (req.method === 'GET' && path === '/api/scenarios' && reply.statusCode === 200 && req.user.role !== 'admin') {
      const mine = users.ownedBy('scenario', req.user.id);
      const body = JSON.parse(payload) as { scenarios: { id: string }[] };
      return JSON.stringify({ scenarios: body.scenarios.filter((s) => mine.has(s.id) || !users.owner('scenario', s.id)) });
    }
    return payload;
  });

  // The owner makes a read-only share token: GET /api/scenarios/:id?share=TOKEN then works for anyone.
  app.post('/api/scenarios/:id/share', async (req) => {
    const id = (req.params as { id: string }).id;
    if (!users.owner('scenario', id)) throw notFound({ en: `scenario ${id}`, es: `el escenario ${id}` });
    if (!may(req, 'scenario', id, true)) throw forbidden('scenario');
    return { shareToken: users.share('scenario', id) };
  });
}
