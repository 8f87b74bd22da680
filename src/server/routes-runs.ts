/** /api/runs: one simulation on the server (for scripts and exports), with the run-time limit. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { parse, runRequest } from './schemas.js';

export function registerRunRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/runs', async (req, reply) => {
    const body = parse(runRequest, req.body, 'body');
    const source = ctx.catalog.source(body.modelId);
    const options = { params: body.params, columns: body.columns, start: body.start, end: body.end, dt: body.dt, saveper: body.saveper };
    // The pool answers with the JSON bytes, built in the run thread.
    const json = await ctx.pool.run(source, options, ctx.userKey(req));
    return reply.type('application/json; charset=utf-8').send(json);
  });
}
