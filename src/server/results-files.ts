/**
 * The files that let the server show IO and CGE results for a built-in model, beside its .mdl:
 * `cge/web.json` (lever link, labels of household groups and taxes, assumptions) with
 * `cge/model.json`, and `io/web-labels.json` (the IO table and SD link it uses, sector labels).
 * Each is checked; a model without them answers 404 NO_RESULTS naming the missing file, in Spanish
 * and English (the web shows its own sentence for the code first).
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { MeasuredBaseYear } from './api-types.js';
import type { AppContext } from './context.js';
import { ApiError } from './errors.js';
import { modelFolder, readJson } from './model-content.js';
import { CGE_MODEL_FILE, CGE_WEB_FILE, IO_WEB_FILE, resultFamiliesIn } from './result-families.js';

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

const WHAT = {
  io: { es: 'resultados de empleos verdes (IO)', en: 'green-jobs (IO) results', files: IO_WEB_FILE },
  cge: { es: 'resultados de precios y bienestar (CGE)', en: 'prices and welfare (CGE) results', files: `${CGE_MODEL_FILE} + ${CGE_WEB_FILE}` },
};

/** 404 NO_RESULTS in both languages: which model, which family, and the file(s) it would need. */
export function noResults(id: string, family: keyof typeof WHAT, upload = false): ApiError {
  const w = WHAT[family];
  const why = upload
    ? { es: 'es un modelo subido, sin carpeta de datos', en: 'it is an uploaded model, with no data folder' }
    : { es: `falta ${w.files} junto al modelo`, en: `${w.files} is missing beside the model` };
  return new ApiError(404, 'NO_RESULTS', { en: `model ${id} has no ${w.en}: ${why.en}`, es: `el modelo ${id} no tiene ${w.es}: ${why.es}` });
}

function folderOf(ctx: AppContext, id: string, family: keyof typeof WHAT): string {
  const dir = modelFolder(ctx, id);
  if (!dir) throw noResults(id, family, true);
  return dir;
}

export function readCgeWeb(ctx: AppContext, id: string): CgeWeb {
  const folder = folderOf(ctx, id, 'cge');
  const dir = join(folder, 'cge');
  if (!resultFamiliesIn(folder).cge) throw noResults(id, 'cge');
  return { ...readJson(join(folder, CGE_WEB_FILE), cgeWebSchema), dir };
}

export function readIoWeb(ctx: AppContext, id: string): IoWeb {
  const folder = folderOf(ctx, id, 'io');
  const dir = join(folder, 'io');
  const path = join(folder, IO_WEB_FILE);
  if (!resultFamiliesIn(folder).io) throw noResults(id, 'io');
  const w = readJson(path, ioWebSchema);
  return { ...w, tablePath: resolve(dir, w.table), mappingPath: resolve(dir, w.mapping), ...(w.measured ? { measuredPath: resolve(dir, w.measured) } : {}) };
}
