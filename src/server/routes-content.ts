/** /api/models/:id/{labels,library,policies}: a built-in model's display labels, ready-made scenarios and policy library. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { modelFolder, readLabels, readLibraryScenarios, readPolicies } from './model-content.js';
import { idParam, parse } from './schemas.js';

export function registerContentRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/models/:id/labels', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    return readLabels(modelFolder(ctx, id));
  });

  app.get('/api/models/:id/library', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    return { scenarios: readLibraryScenarios(modelFolder(ctx, id)) };
  });

  app.get('/api/models/:id/policies', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    return readPolicies(modelFolder(ctx, id));
  });
}
