/**
 * The HTTP server: the web app's files and the JSON API (/api/models, /api/scenarios, /api/runs).
 * Every request body and query is validated; every error is answered as
 * `{ "error": { "code", "message", "messageEs", "details"? } }` with a fitting status.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, ModelError } from '../sd/ir/diagnostics.js';
import type { ServerConfig } from './config.js';
import type { AppContext } from './context.js';
import { ApiError, errorBody, foreignText, modelErrorToApi } from './errors.js';
import { ModelCatalog } from './model-catalog.js';
import { registerAuth } from './auth/plugin.js';
import { registerContentRoutes } from './routes-content.js';
import { registerWorkshopRoutes } from './workshop/routes.js';
import { registerModelRoutes } from './routes-models.js';
import { registerRunRoutes } from './routes-runs.js';
import { registerScenarioRoutes } from './routes-scenarios.js';
import { registerStructureRoutes } from './routes-structure.js';
import { clientAddressKey, type UserKeyOf } from './limits.js';
import { RunPool } from './run-pool.js';
import { defaultResultsLimits, ResultsPool } from './results-pool.js';
import { registerResultsRoutes } from './routes-results.js';
import { Store } from './store.js';

export interface BuildOptions {
  logger?: boolean;
  /** Accounts, login, ownership and per-user limits (`igem serve --multi-user`); off: single-user local mode. */
  multiUser?: boolean;
  /** Whom a request counts against in the run queues (default: the signed-in user, else the client address). */
  userKey?: UserKeyOf;
}

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ModelError) return modelErrorToApi(err);
  if (err instanceof InputError) return new ApiError(400, 'BAD_INPUT', { en: err.message, es: err.messageEs });
  // Fastify's and its plugins' errors: known by their code; their own English text is kept after ours.
  const f = err as FastifyError;
  if (f.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new ApiError(413, 'BODY_TOO_LARGE', { en: 'the request body is larger than the limit', es: 'el cuerpo de la solicitud supera el límite' });
  if (f.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', foreignText({ en: 'unsupported content type', es: 'tipo de contenido no admitido' }, f.message));
  if (f.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || f.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || f instanceof SyntaxError)
    return new ApiError(400, 'BAD_JSON', foreignText({ en: 'the request body is not valid JSON', es: 'el cuerpo de la solicitud no es JSON válido' }, f.message));
  if (f.code === 'FST_CSRF_INVALID_TOKEN' || f.code === 'FST_CSRF_MISSING_SECRET')
    return new ApiError(403, 'CSRF', { en: 'the CSRF token (header x-csrf-token, from GET /api/csrf) is missing or wrong', es: 'falta el token CSRF (cabecera x-csrf-token, de GET /api/csrf) o no es el correcto' });
  if (typeof f.statusCode === 'number' && f.statusCode >= 400 && f.statusCode < 500)
    return new ApiError(f.statusCode, f.code ?? 'BAD_REQUEST', foreignText({ en: 'bad request', es: 'solicitud no válida' }, f.message));
  return new ApiError(500, 'INTERNAL', { en: 'internal server error', es: 'error interno del servidor' });
}

export async function buildApp(config: ServerConfig, options: BuildOptions = {}): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: config.bodyLimit });
  const store = new Store(config.dataDir);
  const ctx: AppContext = { config, store, catalog: new ModelCatalog(config, store), pool: new RunPool(config.runTimeoutMs, config.limits), results: new ResultsPool(defaultResultsLimits(config.limits.workers)), userKey: options.userKey ?? clientAddressKey };

  app.setErrorHandler((err, req, reply) => {
    const e = toApiError(err);
    if (e.status >= 500) req.log.error(err);
    void reply.status(e.status).send(errorBody(e));
  });
  app.setNotFoundHandler((req, reply) => {
    const route = `${req.method} ${req.url.split('?')[0]}`;
    void reply.status(404).send(errorBody(new ApiError(404, 'NOT_FOUND', { en: `no route for ${route}`, es: `no hay ruta para ${route}` })));
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    return payload;
  });
  app.addHook('onClose', async () => {
    await ctx.pool.close();
    await ctx.results.close();
    store.close();
  });

  if (options.multiUser) await registerAuth(app, { dataDir: config.dataDir });
  app.get('/api/health', async () => ({ ok: true, defaultModel: ctx.catalog.defaultId, runs: ctx.pool.stats() }));
  registerModelRoutes(app, ctx);
  registerStructureRoutes(app, ctx);
  registerScenarioRoutes(app, ctx);
  registerRunRoutes(app, ctx);
  registerContentRoutes(app, ctx);
  registerWorkshopRoutes(app, ctx);
  registerResultsRoutes(app, ctx);

  if (existsSync(join(config.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.webRoot,
      prefix: '/',
      index: 'index.html',
      cacheControl: false,
      // Built assets carry a content hash in their names: cached for good; the page itself never.
      setHeaders: (res, path) => res.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><title>IGEM</title><p>The web app is not built yet: run <code>npm run build:web</code> (or start with <code>npx igem serve</code>, which builds it).</p>'),
    );
  }
  return { app, ctx };
}
