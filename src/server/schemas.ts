/** Request validation: every body and query the API accepts, as zod schemas. */
import { z } from 'zod';
import { validationError } from './errors.js';
import { spanishIssues } from './zod-issue.js';

const name = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');
const id = z.string().min(1).max(200);
/** Lever settings: variable name → finite number. */
const params = z
  .record(z.string().min(1).max(300), z.number().refine(Number.isFinite, 'must be a finite number'))
  .refine((p) => Object.keys(p).length <= 10_000, 'at most 10000 settings');

export const scenarioCreate = z.strictObject({
  modelId: id,
  name,
  description: z.string().max(5000).optional(),
  params,
});

export const scenarioUpdate = z
  .strictObject({ name: name.optional(), description: z.string().max(5000).optional(), params: params.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined || v.params !== undefined, 'nothing to change');

export const scenarioDuplicate = z.strictObject({ name: name.optional() }).optional();

export const scenarioQuery = z.object({ model: id.optional() });

export const modelUpload = z.strictObject({
  name: name.optional(),
  filename: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/\.(mdl|xmile|stmx|itmx)$/i, 'expected a Vensim .mdl or an XMILE .xmile, .stmx or .itmx file'),
  text: z.string().min(1, 'the file is empty'),
});

/**
 * A run: times finite, end not before start, step and save period positive. Whether the step
 * divides the span sensibly and the saved points fit is checked by the engine before it
 * allocates (src/sd/run/run-plan.ts), which answers 400 naming the field too.
 */
export const runRequest = z
  .strictObject({
    modelId: id,
    params: params.optional(),
    columns: z.array(z.string().min(1).max(300)).max(10_000).optional(),
    start: z.number().finite().optional(),
    end: z.number().finite().optional(),
    dt: z.number().finite().positive().optional(),
    saveper: z.number().finite().positive().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.start !== undefined && b.end !== undefined && b.end < b.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `must not be before start (${b.end} < ${b.start})` });
  });

export const idParam = z.object({ id });

const resultYear = z.number().int('must be a whole year').min(1900).max(2200);
const recycling = z.enum(['none', 'lumpsum', 'lumpsum-poorest', 'vat', 'labour', 'green-investment']);
const cgeScenarioName = z.string().regex(/^[a-z0-9-]{1,80}$/, 'a CGE scenario name (lower-case letters, digits, dashes)');

/** POST /api/models/:id/results/green-jobs: lever settings (the SD run) and the year shown. */
export const greenJobsRequest = z.strictObject({ params: params.optional(), year: resultYear.optional() });

/** POST /api/models/:id/results/cge: lever settings or a named CGE scenario, the recycling and the year. */
export const cgeRequest = z
  .strictObject({ params: params.optional(), scenario: cgeScenarioName.optional(), recycling: recycling.optional(), year: resultYear.optional() })
  .superRefine((b, ctx) => {
    if (b.params !== undefined && b.scenario !== undefined) ctx.addIssue({ code: 'custom', path: ['scenario'], message: 'give either params (lever settings) or a CGE scenario name, not both' });
    if (b.recycling !== undefined && b.scenario !== undefined) ctx.addIssue({ code: 'custom', path: ['recycling'], message: 'a named CGE scenario sets its own recycling' });
  });

/** The GET forms: query strings (numbers arrive as text). */
export const greenJobsQuery = z.strictObject({ year: z.coerce.number().pipe(resultYear).optional() });
export const cgeQuery = z.strictObject({ scenario: cgeScenarioName.optional(), year: z.coerce.number().pipe(resultYear).optional() });

export const uncertaintySpec = z.object({
  parameters: z.union([z.array(z.string()), z.record(z.string(), z.string())]),
  runs: z.number().int().min(2).max(1000).optional(),
  seed: z.number().int().optional(),
});

export const profileSchema = z.object({
  levers: z
    .array(
      z.object({
        name: z.string().min(1),
        group: z.union([z.string(), z.object({ en: z.string().optional(), es: z.string().optional() })]).optional(),
        label: z.union([z.string(), z.object({ en: z.string().optional(), es: z.string().optional() })]).optional(),
        help: z.union([z.string(), z.object({ en: z.string().optional(), es: z.string().optional() })]).optional(),
      }),
    )
    .optional(),
  indicators: z
    .array(
      z.object({
        name: z.string().min(1),
        label: z.union([z.string(), z.object({ en: z.string().optional(), es: z.string().optional() })]).optional(),
        sdg: z.string().optional(),
        target: z.object({ year: z.number(), value: z.number(), direction: z.enum(['max', 'min']) }).optional(),
        targets: z
          .array(
            z.object({
              year: z.number(),
              value: z.number(),
              direction: z.enum(['max', 'min']),
              label: z.union([z.string(), z.object({ en: z.string().optional(), es: z.string().optional() })]).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  charts: z.array(z.string()).optional(),
  history: z.string().optional(),
  references: z
    .array(
      z.object({
        file: z.string(),
        label: z.union([z.string(), z.object({ en: z.string().optional(), es: z.string().optional() })]),
        kind: z.enum(['estimate', 'projection']),
      }),
    )
    .optional(),
  uncertainty: z.union([z.string(), uncertaintySpec]).optional(),
});

/** Parses a value or throws a 400 ApiError naming the bad field. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(where, r.error, spanishIssues(schema, value));
  return r.data;
}
