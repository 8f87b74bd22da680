/** /api/models: list, fetch (text + recorded data cells + profile), upload with checking, delete. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { ApiError, notFound } from './errors.js';
import { NO_RESULT_FAMILIES } from './result-families.js';
import { idParam, modelUpload, parse } from './schemas.js';
import { uploadedModelId } from './store.js';

export function registerModelRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/models', async () => ({ models: ctx.catalog.list(), defaultId: ctx.catalog.defaultId }));

  app.get('/api/models/:id', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    return ctx.catalog.bundle(id);
  });

  app.post('/api/models', async (req, reply) => {
    const body = parse(modelUpload, req.body, 'body');
    const text = body.text.replace(/^\uFEFF/, '');
    // Compile in the run worker (with its time limit) before storing: a bad file answers 422 with line and column.
    const size = await ctx.pool.check({ key: uploadedModelId(text), text, file: body.filename }, ctx.userKey(req));
    const m = ctx.store.addModel(body.name ?? body.filename, body.filename, text);
    return reply.status(201).send({ id: m.id, name: m.name, source: 'upload', file: m.file, isDefault: false, createdAt: m.createdAt, results: NO_RESULT_FAMILIES, ...size });
  });

  app.delete('/api/models/:id', async (req, reply) => {
    const { id } = parse(idParam, req.params, 'path');
    if (!ctx.store.getModel(id)) {
      if (ctx.catalog.has(id)) throw new ApiError(403, 'READ_ONLY', { en: `model ${id} is built in and cannot be deleted`, es: `el modelo ${id} viene incluido y no se puede borrar` });
      throw notFound({ en: `model ${id}`, es: `el modelo ${id}` });
    }
    ctx.store.deleteModel(id);
    return reply.status(204).send();
  });
}
