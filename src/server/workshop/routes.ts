/**
 * /api/models/:id/lessons (the model's lessons in a language) and /api/workshops (sessions: create,
 * join, submit, read submissions, show one to the room). The facilitator proves who they are with
 * the token returned at creation (header x-facilitator-token).
 */
import type { FastifyInstance } from 'fastify';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { modelFolder } from '../model-content.js';
import { notFound } from '../errors.js';
import { idParam, parse } from '../schemas.js';
import { checkScenarioLevers } from '../scenario-levers.js';
import { parseLesson, type Lesson } from './lesson-parse.js';
import { WorkshopStore } from './sessions.js';

const lang = z.object({ lang: z.enum(['es', 'en']).default('es') });
const code = z.object({ code: z.string().regex(/^[A-Za-z0-9]{6}$/, 'a 6-character workshop code') });
const create = z.strictObject({ modelId: z.string().min(1).max(200), lessonId: z.string().regex(/^[a-z0-9-]+$/).max(100) });
const submission = z.strictObject({
  participant: z.string().trim().min(1).max(100),
  justification: z.string().trim().min(1, 'say in a sentence why').max(2000),
  params: z.record(z.string().min(1).max(300), z.number().refine(Number.isFinite, 'must be a finite number')).refine((p) => Object.keys(p).length <= 500, 'at most 500 settings'),
});
const show = z.strictObject({ submissionId: z.string().max(20).nullable() });

/** The model's lessons in a language, sorted by file name. */
export function readLessons(dir: string | undefined, language: 'es' | 'en'): Lesson[] {
  const folder = dir && join(dir, 'lessons', language);
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseLesson(readFileSync(join(folder, f), 'utf8'), join(folder, f)));
}

export function registerWorkshopRoutes(app: FastifyInstance, ctx: AppContext): void {
  const store = new WorkshopStore();
  const token = (headers: Record<string, unknown>) => (typeof headers['x-facilitator-token'] === 'string' ? headers['x-facilitator-token'] : undefined);

  app.get('/api/models/:id/lessons', async (req) => {
    const { id } = parse(idParam, req.params, 'path');
    const q = parse(lang, req.query, 'query');
    return { lessons: readLessons(modelFolder(ctx, id), q.lang) };
  });

  app.post('/api/workshops', async (req, reply) => {
    const body = parse(create, req.body, 'body');
    if (!ctx.catalog.has(body.modelId)) throw notFound({ en: `model ${body.modelId}`, es: `el modelo ${body.modelId}` });
    if (!readLessons(modelFolder(ctx, body.modelId), 'es').some((l) => l.id === body.lessonId)) throw notFound({ en: `lesson ${body.lessonId}`, es: `la lección ${body.lessonId}` });
    const { workshop, facilitatorToken } = store.create(body.modelId, body.lessonId);
    return reply.status(201).send({ ...workshop, facilitatorToken });
  });

  app.get('/api/workshops/:code', async (req) => store.get(parse(code, req.params, 'path').code));

  app.post('/api/workshops/:code/submissions', async (req, reply) => {
    const c = parse(code, req.params, 'path').code;
    const body = parse(submission, req.body, 'body');
    checkScenarioLevers(ctx, store.get(c).modelId, body.params);
    return reply.status(201).send(store.submit(c, body));
  });

  app.get('/api/workshops/:code/submissions', async (req) => ({ submissions: store.submissions(parse(code, req.params, 'path').code, token(req.headers)) }));

  app.post('/api/workshops/:code/show', async (req) => {
    const c = parse(code, req.params, 'path').code;
    return store.show(c, token(req.headers), parse(show, req.body, 'body').submissionId);
  });
}
