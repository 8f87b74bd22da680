/**
 * Every error the server sends carries `message` (English) and `messageEs` (Spanish). The compiler
 * makes ApiError and notFound take `{ en, es }`; this scans the server's sources with the engine's
 * scanner (bilingual-sites.test.ts) for a literal passed in English only and for pairs whose two
 * languages name different values, and asks a running app for errors of each kind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairProblems, scanBilingual } from '../sd/node/test-support/bilingual-scan.js';
import { buildApp } from './app.js';
import { defaultConfig, EXAMPLE_MODEL, projectRoot } from './config.js';

const ROOT = import.meta.dirname;

describe('the server\'s error sites', () => {
  const found = scanBilingual([ROOT], join(ROOT, '..'));

  it('find the messages written in both languages (ApiError, notFound and their details)', () => {
    expect(found.pairs.length).toBeGreaterThan(50);
    expect(new Set(found.pairs.map((p) => p.where.split(':')[0])).size).toBeGreaterThan(10);
  });

  it('no site passes an English-only message', () => {
    expect(found.englishOnly).toEqual([]);
  });

  it('each pair names the same values in both languages, and its Spanish is not English', () => {
    expect(pairProblems(found.pairs)).toEqual([]);
  });
});

describe('error answers of a running server', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'igem-errors-es-'));
    const cfg = defaultConfig({ dataDir: join(dir, 'data'), defaultModel: join(projectRoot(), EXAMPLE_MODEL), webRoot: join(dir, 'no-web'), bodyLimit: 4000 });
    ({ app } = await buildApp(cfg));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each has its Spanish, and the Spanish is not the English', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: [string, InjectOptions, number, string, RegExp][] = [
      ['unknown route', { method: 'GET', url: '/api/nothing' }, 404, 'NOT_FOUND', /^no hay ruta para GET \/api\/nothing$/],
      ['unknown scenario', { method: 'GET', url: '/api/scenarios/nope' }, 404, 'NOT_FOUND', /^no se encontró el escenario nope$/],
      ['unknown model', { method: 'GET', url: '/api/models/nope' }, 404, 'NOT_FOUND', /^no se encontró el modelo nope$/],
      ['unknown variable', { method: 'GET', url: '/api/models/green-growth/structure/tree?variable=GD' }, 404, 'NOT_FOUND', /^no hay una variable llamada 'GD' en el modelo green-growth \(¿quiso decir: .*GDP/],
      ['built-in model', { method: 'DELETE', url: '/api/models/green-growth' }, 403, 'READ_ONLY', /^el modelo green-growth viene incluido y no se puede borrar$/],
      ['broken JSON', { method: 'POST', url: '/api/scenarios', headers: json, payload: '{"name":' }, 400, 'BAD_JSON', /^el cuerpo de la solicitud no es JSON válido: /],
      ['body too large', { method: 'POST', url: '/api/scenarios', headers: json, payload: JSON.stringify({ name: 'x'.repeat(5000) }) }, 413, 'BODY_TOO_LARGE', /^el cuerpo de la solicitud supera el límite$/],
      ['media type', { method: 'POST', url: '/api/scenarios', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }, 415, 'UNSUPPORTED_MEDIA_TYPE', /^tipo de contenido no admitido: /],
      ['unknown lever', { method: 'POST', url: '/api/scenarios', payload: { modelId: 'green-growth', name: 'x', params: { typo: 1 } } }, 400, 'UNKNOWN_LEVER', /^params\.typo: el modelo no tiene una constante llamada "typo"$/],
    ];
    for (const [what, request, status, code, es] of cases) {
      const r = await app.inject(request);
      const e = r.json().error as { code: string; message: string; messageEs: string; details?: { message: string; messageEs: string }[] };
      expect([r.statusCode, e.code], what).toEqual([status, code]);
      expect(e.messageEs, what).toMatch(es);
      expect(e.message, what).not.toBe(e.messageEs);
      for (const d of e.details ?? []) expect(d.messageEs, what).not.toBe(d.message);
    }
  });
});
