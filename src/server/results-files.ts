/**
 * The files that let the server show IO and CGE results for a built-in model, beside its .mdl:
 * `cge/web.json` (lever link, labels of household groups and taxes, assumptions) with
 * `cge/model.json`, and `io/web-labels.json` (the IO table and SD link it uses, sector labels).
 * Each is checked; a model without them answers 404 NO_RESULTS naming the missing file.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { MeasuredBaseYear } from './api-types.js';
import type { AppContext } from './context.js';
import { ApiError } from './errors.js';
import { modelFolder, readJson } from './model-content.js';

const bilingual = z.object({ es: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof bilingual>;

const cgeWebSchema = z.strictObject({
  $comment: z.string().optional(),
  levers: z.strictObject({
    reform: z.string().min(1),
    perPoint: z.string().min(1),
    perPointReference: z.number().positive(),
    earmarked: z.string().min(1),
    carbonPrice: z.string().min(1),
    startYear: z.string().min(1),
    rampYears: z.string().min(1),
    template: z.string().regex(/^[a-z0-9-]+$/),
    earmarkThreshold: z.number().min(0).max(1).optional(),
  }),
  money: bilingual,
  households: z.record(z.string(), bilingual),
  taxes: z.record(z.string(), bilingual),
  recycling: z.record(z.string(), bilingual),
  assumptions: z.array(bilingual),
});
export type CgeWeb = z.infer<typeof cgeWebSchema> & { dir: string };

const ioWebSchema = z.strictObject({
  $comment: z.string().optional(),
  table: z.string().min(1),
  mapping: z.string().min(1),
  unit: bilingual,
  sectors: z.record(z.string(), bilingual),
  /** The base year measured in a labour-force survey (`igem greenjobs export-io` writes it). */
  measured: z.string().min(1).optional(),
});
export type IoWeb = z.infer<typeof ioWebSchema> & { tablePath: string; mappingPath: string; measuredPath?: string };

const estimate = z.object({ value: z.number(), low: z.number(), high: z.number(), cv: z.number() });
const measuredSchema = z.object({
  label: z.string().optional(),
  synthetic: z.boolean(),
  year: z.number().int(),
  source: z.string(),
  confidence: z.number().gt(0).lt(1),
  unit: z.literal('persons'),
  green: estimate,
  transition: estimate,
  other: estimate,
  employment: estimate,
});
export function readMeasuredBaseYear(path: string): MeasuredBaseYear {
  const m = readJson(path, measuredSchema);
  return { synthetic: m.synthetic, year: m.year, source: m.source, confidence: m.confidence, green: m.green, transition: m.transition, other: m.other, employment: m.employment };
}

function folderOf(ctx: AppContext, id: string, what: string): string {
  const dir = modelFolder(ctx, id);
  if (!dir) throw new ApiError(404, 'NO_RESULTS', `model ${id} is an upload: it has no ${what} beside it`);
  return dir;
}

export function readCgeWeb(ctx: AppContext, id: string): CgeWeb {
  const dir = join(folderOf(ctx, id, 'CGE model'), 'cge');
  const path = join(dir, 'web.json');
  if (!existsSync(path) || !existsSync(join(dir, 'model.json'))) throw new ApiError(404, 'NO_RESULTS', `model ${id} has no CGE model (cge/model.json and cge/web.json beside it)`);
  return { ...readJson(path, cgeWebSchema), dir };
}

export function readIoWeb(ctx: AppContext, id: string): IoWeb {
  const dir = join(folderOf(ctx, id, 'IO table'), 'io');
  const path = join(dir, 'web-labels.json');
  if (!existsSync(path)) throw new ApiError(404, 'NO_RESULTS', `model ${id} has no IO results (io/web-labels.json beside it)`);
  const w = readJson(path, ioWebSchema);
  return { ...w, tablePath: resolve(dir, w.table), mappingPath: resolve(dir, w.mapping), ...(w.measured ? { measuredPath: resolve(dir, w.measured) } : {}) };
}
