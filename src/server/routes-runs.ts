/** /api/runs: one simulation on the server (for scripts and exports), with the run-time limit. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { parse, runRequest } from './schemas.js';

export function registerRunRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/runs', async (req) => {
    const body = parse(runRequest, req.body, 'body');
    const source = ctx.catalog.source(body.modelId);
    return ctx.pool.run(source, { params: body.params, columns: body.columns, start: body.start, end: body.end, saveper: body.saveper });
  });
}
