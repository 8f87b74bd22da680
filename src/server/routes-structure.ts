/**
 * /api/models/:id/structure/…: a model's structure for API users, as the web explorer shows it
 * (the explorer itself computes it in the page's model worker):
 * - `loops`: feedback loops folded by variable set, with polarity (R/B/U), families and counts;
 * - `tree?variable=…&direction=causes|uses&depth=2`: the causes or uses tree of a variable;
 * - `diagram`: the diagram drawn in the file (Vensim sketch views or XMILE views), with warnings.
 * Bad queries answer 400, an unknown variable 404 (with close names), a model that cannot be read 4xx.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { causalGraph, causesTree, drawnDiagram, feedbackLoops, loopCounts, usesTree, type CausalGraph, type DrawnDiagram, type LoopReport } from '../sd/analyze/structure/index.js';
import { canonicalName } from '../sd/ir/names.js';
import { readVensim } from '../sd/vensim/reader.js';
import { looksLikeXmile, readXmile } from '../sd/xmile/reader.js';
import type { AppContext } from './context.js';
import { ApiError } from './errors.js';
import { idParam, parse } from './schemas.js';

const treeQuery = z.strictObject({
  variable: z.string().trim().min(1, 'must not be empty').max(300),
  direction: z.enum(['causes', 'uses']).default('causes'),
  depth: z.coerce.number().int('must be a whole number').min(1).max(10).default(2),
});

interface Structure {
  text: string;
  graph: CausalGraph;
  report: LoopReport;
  diagram: DrawnDiagram;
}

export function registerStructureRoutes(app: FastifyInstance, ctx: AppContext): void {
  // One entry per model, recomputed when its text changes.
  const cache = new Map<string, Structure>();
  const structureOf = (id: string): Structure => {
    const bundle = ctx.catalog.bundle(id);
    const hit = cache.get(id);
    if (hit && hit.text === bundle.text) return hit;
    const ir = looksLikeXmile(bundle.text) ? readXmile(bundle.text, bundle.file) : readVensim(bundle.text, bundle.file);
    const graph = causalGraph(ir);
    const s: Structure = { text: bundle.text, graph, report: feedbackLoops(graph), diagram: drawnDiagram(ir, bundle.text) };
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    cache.set(id, s);
    return s;
  };

  app.get('/api/models/:id/structure/loops', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    const { graph, report } = structureOf(id);
    const name = (k: string) => graph.nodes.get(k)?.display ?? k;
    return {
      counts: loopCounts(report),
      method: report.method,
      truncated: report.truncated,
      limit: report.limit,
      loops: report.loops.map((l) => ({ id: l.id, polarity: l.polarity, variables: l.variables.map(name), links: l.links.map((x) => x.polarity), family: l.family, variants: l.variants })),
      families: report.families.map((f) => ({ polarity: f.polarity, stocks: f.stocks.map(name), loops: f.loops })),
    };
  });

  app.get('/api/models/:id/structure/tree', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    const q = parse(treeQuery, req.query, 'query');
    const { graph } = structureOf(id);
    const key = canonicalName(q.variable);
    if (!graph.nodes.has(key)) {
      const near = [...graph.nodes.values()].filter((n) => n.key.includes(key)).slice(0, 5).map((n) => n.display);
      const list = near.join(', ');
      const hint = near.length ? { en: ` (did you mean: ${list}?)`, es: ` (¿quiso decir: ${list}?)` } : undefined;
      throw new ApiError(404, 'NOT_FOUND', { en: `no variable named '${q.variable}' in model ${id}${hint?.en ?? ''}`, es: `no hay una variable llamada '${q.variable}' en el modelo ${id}${hint?.es ?? ''}` });
    }
    return { variable: graph.nodes.get(key)!.display, direction: q.direction, depth: q.depth, tree: q.direction === 'causes' ? causesTree(graph, key, q.depth) : usesTree(graph, key, q.depth) };
  });

  app.get('/api/models/:id/structure/diagram', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    const { diagram } = structureOf(id);
    return { views: diagram.views, warnings: diagram.diagnostics };
  });
}
