/**
 * Content that sits beside a built-in model and is data, not code: display labels (labels.json),
 * the ready-made scenarios (scenarios/*.json), the policy library (policies/*.json) and the
 * workshop lessons (lessons/{es,en}/*.md). Each file is checked; a bad one is an InputError naming it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../sd/ir/diagnostics.js';
import type { AppContext } from './context.js';
import { firstIssue } from './zod-issue.js';


export const labelsSchema = z.strictObject({
  $comment: z.string().optional(),
  variables: z.record(z.string(), z.object({ en: z.string().optional(), es: z.string().optional(), percent: z.boolean().optional() })).optional(),
  elements: z.record(z.string(), z.object({ en: z.string().optional(), es: z.string().optional() })).optional(),
});
export type ModelLabels = z.infer<typeof labelsSchema>;

const scenarioFile = z.object({
  title: z.string().min(1),
  description: z.string().optional(),
  levers: z.record(z.string(), z.number().refine(Number.isFinite, 'must be a finite number')),
});
export interface LibraryScenario {
  id: string;
  title: string;
  description: string;
  levers: Record<string, number>;
}

/** The folder of a built-in model, or undefined for an uploaded one (which has no content files). */
export function modelFolder(ctx: AppContext, id: string): string | undefined {
  const src = ctx.catalog.source(id);
  return 'path' in src ? dirname(src.path) : undefined;
}

export function readJson<T>(path: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, { en: `not valid JSON: ${(e as Error).message}`, es: `no es JSON válido: ${(e as Error).message}` });
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const i = firstIssue(schema, json, r.error);
    throw new InputError(`${path}: ${i.field || '(top)'}`, i.text);
  }
  return r.data;
}

export function readLabels(dir: string | undefined): ModelLabels {
  const path = dir && join(dir, 'labels.json');
  return path && existsSync(path) ? readJson(path, labelsSchema) : {};
}

/** The ready-made scenarios, by file name without `.json`, sorted. */
export function readLibraryScenarios(dir: string | undefined): LibraryScenario[] {
  const folder = dir && join(dir, 'scenarios');
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const s = readJson(join(folder, f), scenarioFile);
      return { id: f.replace(/\.json$/, ''), title: s.title, description: s.description ?? '', levers: s.levers };
    });
}

const bilingual = z.object({ es: z.string().min(1), en: z.string().min(1) });

/** One policy of the library (models/<model>/policies/<id>.json): what it is, its sources, levers and scenario. */
export const policySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  order: z.number(),
  family: bilingual,
  title: bilingual,
  summary: bilingual,
  sources: z.array(z.strictObject({ citation: z.string().min(1), note: bilingual.optional(), verified: z.boolean().optional() })),
  sdg: z.array(z.string().regex(/^\d{1,2}\.[0-9a-z]+(\.\d+)?$/, 'an SDG target such as 13.2')),
  levers: z.array(z.strictObject({ name: z.string().min(1), meaning: bilingual, valueLabels: z.record(z.string(), bilingual).optional() })),
  assumptions: z.array(z.strictObject({ text: bilingual, source: z.string().min(1) })),
  scenario: z.string().min(1),
  regions: z.array(z.strictObject({ name: bilingual, populationShare: z.number().min(0).max(1).optional() })).optional(),
});
export type Policy = z.infer<typeof policySchema>;

const scenarioTitles = z.strictObject({ $comment: z.string().optional(), titles: z.record(z.string(), bilingual) });

/** The policy library, ordered; each policy's scenario must exist among the ready-made scenarios. */
export function readPolicies(dir: string | undefined): { policies: Policy[]; scenarioTitles: Record<string, { es: string; en: string }> } {
  const folder = dir && join(dir, 'policies');
  if (!folder || !existsSync(folder)) return { policies: [], scenarioTitles: {} };
  const scenarios = new Set(readLibraryScenarios(dir).map((s) => s.id));
  const titlesPath = join(folder, 'scenario-titles.json');
  const titles = existsSync(titlesPath) ? readJson(titlesPath, scenarioTitles).titles : {};
  const policies = readdirSync(folder)
    .filter((f) => f.endsWith('.json') && f !== 'scenario-titles.json')
    .map((f) => {
      const p = readJson(join(folder, f), policySchema);
      if (!scenarios.has(p.scenario)) throw new InputError(`${join(folder, f)}: scenario`, {
          en: `no ready-made scenario named "${p.scenario}" in ${join(dir!, 'scenarios')}`,
          es: `no hay un escenario predefinido llamado "${p.scenario}" en ${join(dir!, 'scenarios')}`,
        });
      return p;
    })
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { policies, scenarioTitles: titles };
}
