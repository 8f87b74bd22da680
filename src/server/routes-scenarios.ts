/** /api/scenarios: saved lever settings of a model, with create, rename/edit, duplicate and delete. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { notFound } from './errors.js';
import { checkScenarioLevers } from './scenario-levers.js';
import { idParam, parse, scenarioCreate, scenarioDuplicate, scenarioQuery, scenarioUpdate } from './schemas.js';

export function registerScenarioRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/scenarios', async (req) => {
    const q = parse(scenarioQuery, req.query, 'query');
    return { scenarios: ctx.store.listScenarios(q.model) };
  });

  app.post('/api/scenarios', async (req, reply) => {
    const body = parse(scenarioCreate, req.body, 'body');
    if (!ctx.catalog.has(body.modelId)) throw notFound({ en: `model ${body.modelId}`, es: `el modelo ${body.modelId}` });
    checkScenarioLevers(ctx, body.modelId, body.params);
    return reply.status(201).send(ctx.store.createScenario(body));
  });

  app.get('/api/scenarios/:id', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    return ctx.store.getScenario(id) ?? Promise.reject(notFound({ en: `scenario ${id}`, es: `el escenario ${id}` }));
  });

  const update = async (req: { params: unknown; body: unknown }) => {
    const { id } = parse(idParam, req.params, 'path');
    const patch = parse(scenarioUpdate, req.body, 'body');
    const old = ctx.store.getScenario(id);
    if (old && patch.params && ctx.catalog.has(old.modelId)) checkScenarioLevers(ctx, old.modelId, patch.params);
    const s = ctx.store.updateScenario(id, patch);
    if (!s) throw notFound({ en: `scenario ${id}`, es: `el escenario ${id}` });
    return s;
  };
  app.patch('/api/scenarios/:id', update);
  app.put('/api/scenarios/:id', update);

  app.delete('/api/scenarios/:id', async (req, reply) => {
    const { id } = parse(idParam, req.params, 'path');
    if (!ctx.store.deleteScenario(id)) throw notFound({ en: `scenario ${id}`, es: `el escenario ${id}` });
    return reply.status(204).send();
  });

  app.post('/api/scenarios/:id/duplicate', async (req, reply) => {
    const { id } = parse(idParam, req.params, 'path');
    const body = parse(scenarioDuplicate, req.body ?? undefined, 'body');
    const s = ctx.store.duplicateScenario(id, body?.name);
    if (!s) throw notFound({ en: `scenario ${id}`, es: `el escenario ${id}` });
    return reply.status(201).send(s);
  });
}
