/**
 * The models the server offers: built-in model files (the default one first) and uploaded ones
 * from the store. A bundle is what the browser needs to compile and run a model itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { readHistoricalData } from '../analysis/data/read.js';
import { parseVary } from '../analysis/sensitivity/distributions.js';
import { parseFileTags } from '../sd/data/file-tags.js';
import { InputError, ModelError } from '../sd/ir/diagnostics.js';
import { createNodeDataHost } from '../sd/node/data-host.js';
import { readTextFile } from '../sd/node/load.js';
import { compileModelText } from '../sd/run/engine.js';
import { looksLikeXmile } from '../sd/xmile/reader.js';
import type { ModelBundle, ModelProfile, ModelSummary, RecordedSheet } from './api-types.js';
import type { ServerConfig } from './config.js';
import { modelErrorToApi, notFound } from './errors.js';
import { profileSchema, uncertaintySpec } from './schemas.js';
import { firstIssue } from './zod-issue.js';
import { RecordingDataHost } from './recording-data-host.js';
import { NO_RESULT_FAMILIES, resultFamiliesIn } from './result-families.js';
import type { Store } from './store.js';

/** What the run worker needs to compile a model: a file path (built-in) or the text (uploaded). */
export type ModelSource = { key: string; path: string } | { key: string; text: string; file: string };

interface Builtin {
  id: string;
  path: string;
}

/** `models/peru/peru.mdl` → `peru`; ids of uploads start with `u-`, so they never clash. */
export function builtinId(path: string): string {
  return basename(path).replace(/\.(mdl|xmile|stmx|itmx)$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'model';
}

/** Reads `<model>.web.json` beside a model file, when there is one. */
export function readProfile(modelPath: string): ModelProfile {
  const path = modelPath.replace(/\.(mdl|xmile|stmx|itmx)$/i, '') + '.web.json';
  if (!existsSync(path)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(path, { en: `not valid JSON: ${(e as Error).message}`, es: `no es JSON válido: ${(e as Error).message}` });
  }
  const r = profileSchema.safeParse(json);
  if (!r.success) {
    const i = firstIssue(profileSchema, json, r.error);
    throw new InputError(`${path}: ${i.field}`, i.text);
  }
  return r.data as ModelProfile;
}

export class ModelCatalog {
  private readonly builtins: Builtin[];
  private readonly cache = new Map<string, { mtimeMs: number; bundle: ModelBundle }>();

  constructor(
    private readonly config: ServerConfig,
    private readonly store: Store,
  ) {
    const seen = new Set<string>();
    this.builtins = [config.defaultModel, ...config.extraModels]
      .map((path) => ({ id: builtinId(path), path }))
      .filter((b) => (seen.has(b.id) ? false : (seen.add(b.id), true)));
  }

  get defaultId(): string {
    return this.builtins[0]!.id;
  }

  list(): ModelSummary[] {
    const builtins: ModelSummary[] = this.builtins
      .filter((b) => existsSync(b.path))
      .map((b, i) => ({ id: b.id, name: basename(b.path), source: 'builtin', file: basename(b.path), isDefault: i === 0, results: resultFamiliesIn(dirname(b.path)) }));
    const uploads: ModelSummary[] = this.store
      .listModels()
      .map((m) => ({ id: m.id, name: m.name, source: 'upload', file: m.file, isDefault: false, createdAt: m.createdAt, results: NO_RESULT_FAMILIES }));
    return [...builtins, ...uploads];
  }

  has(id: string): boolean {
    return this.builtins.some((b) => b.id === id) || this.store.getModel(id) !== undefined;
  }

  source(id: string): ModelSource {
    const b = this.builtins.find((x) => x.id === id);
    if (b) return { key: `${b.id}@${this.mtime(b.path)}`, path: b.path };
    const m = this.store.getModel(id);
    if (!m) throw notFound({ en: `model ${id}`, es: `el modelo ${id}` });
    return { key: m.id, text: m.text, file: m.file };
  }

  /** The model's text, the data cells it reads and its display profile. */
  bundle(id: string): ModelBundle {
    const b = this.builtins.find((x) => x.id === id);
    // The families are looked up each time: the bundle is cached by the model file's mtime only.
    if (b) return { ...this.builtinBundle(b, b === this.builtins[0]), results: resultFamiliesIn(dirname(b.path)) };
    const m = this.store.getModel(id);
    if (!m) throw notFound({ en: `model ${id}`, es: `el modelo ${id}` });
    return { id: m.id, name: m.name, source: 'upload', file: m.file, isDefault: false, createdAt: m.createdAt, results: NO_RESULT_FAMILIES, text: m.text, sheets: [], profile: {}, history: null, uncertainty: null };
  }

  private mtime(path: string): number {
    // One system call per run request (not an existence check and then a stat).
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) throw notFound({ en: `model file ${path}`, es: `el archivo de modelo ${path}` });
    return st.mtimeMs;
  }

  private builtinBundle(b: Builtin, isDefault: boolean): ModelBundle {
    const mtimeMs = this.mtime(b.path);
    const hit = this.cache.get(b.id);
    if (hit && hit.mtimeMs === mtimeMs) return hit.bundle;
    const text = readTextFile(b.path);
    const sheets = recordSheets(text, b.path);
    const profile = readProfile(b.path);
    const bundle: ModelBundle = {
      id: b.id,
      results: NO_RESULT_FAMILIES,
      name: basename(b.path),
      source: 'builtin',
      file: basename(b.path),
      isDefault,
      text,
      sheets,
      profile,
      ...readHistory(b.path, profile),
      ...readReferences(b.path, profile),
      uncertainty: readUncertainty(b.path, profile),
    };
    this.cache.set(b.id, { mtimeMs, bundle });
    return bundle;
  }
}

/** A data file's series as plain arrays, as the API sends them. */
function plainSeries(data: ReturnType<typeof readHistoricalData>): { name: string; time: number[]; value: number[] }[] {
  return data.series.map((s) => ({ name: s.name, time: Array.from(s.time), value: Array.from(s.value) }));
}

/**
 * Observed history for the calibration view: the profile's `history` file, else
 * `calibration/history.csv` beside the model. A bad file is reported, not fatal.
 */
export function readHistory(modelPath: string, profile: ModelProfile): Pick<ModelBundle, 'history' | 'historyError'> {
  const dir = dirname(modelPath);
  const path = profile.history ? join(dir, profile.history) : join(dir, 'calibration', 'history.csv');
  if (!existsSync(path)) return profile.history ? { history: null, historyError: `${path}: no such file` } : { history: null };
  try {
    const data = readHistoricalData(path);
    return {
      history: {
        source: relative(dir, path),
        series: plainSeries(data),
      },
    };
  } catch (e) {
    return { history: null, historyError: (e as Error).message };
  }
}

/**
 * The profile's reference figures (published estimates and projections) for the simulator's charts.
 * A bad file is reported and left out; the others and the model still load.
 */
export function readReferences(modelPath: string, profile: ModelProfile): Pick<ModelBundle, 'references' | 'referencesError'> {
  if (!profile.references?.length) return {};
  const dir = dirname(modelPath);
  const references: NonNullable<ModelBundle['references']> = [];
  const errors: string[] = [];
  for (const r of profile.references) {
    const path = join(dir, r.file);
    try {
      const data = readHistoricalData(path);
      references.push({ label: r.label, kind: r.kind, source: relative(dir, path), series: plainSeries(data) });
    } catch (e) {
      errors.push(existsSync(path) ? (e as Error).message : `${path}: no such file`);
    }
  }
  return errors.length ? { references, referencesError: errors.join('; ') } : { references };
}

/** Default ensemble size for bands: enough for 5–95% percentiles, small enough to follow the sliders. */
export const BAND_RUNS = 60;

/**
 * The profile's uncertain parameters, from a sensitivity spec file or inline, each checked as
 * `igem sensitivity` checks them (errors name the file and the parameter).
 */
export function readUncertainty(modelPath: string, profile: ModelProfile): ModelBundle['uncertainty'] {
  const u = profile.uncertainty;
  if (u === undefined) return null;
  const profilePath = modelPath.replace(/\.(mdl|xmile|stmx|itmx)$/i, '') + '.web.json';
  let where = `${profilePath}: uncertainty`;
  let spec = u;
  if (typeof u === 'string') {
    const path = join(dirname(modelPath), u);
    where = path;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new InputError(path, {
        en: `cannot read the sensitivity spec: ${(e as Error).message}`,
        es: `no se puede leer la especificación de sensibilidad: ${(e as Error).message}`,
      });
    }
    const r = uncertaintySpec.safeParse(json);
    if (!r.success) {
      const i = firstIssue(uncertaintySpec, json, r.error);
      throw new InputError(`${path}: ${i.field}`, i.text);
    }
    spec = r.data;
  }
  const s = spec as Exclude<typeof spec, string>;
  const parameters = Array.isArray(s.parameters) ? s.parameters : Object.entries(s.parameters).map(([k, v]) => `${k}=${v}`);
  parameters.forEach((p, i) => parseVary(p, `${where}: parameters[${i}]`));
  return { parameters, runs: s.runs ?? BAND_RUNS, seed: s.seed ?? 1, source: typeof u === 'string' ? u : 'profile' };
}

/** Compiles a model file once with a recording data host and returns the cells it read. */
export function recordSheets(text: string, path: string): RecordedSheet[] {
  const host = new RecordingDataHost(createNodeDataHost(dirname(path), looksLikeXmile(text) ? new Map() : parseFileTags(text)));
  try {
    compileModelText(text, { file: path, dataHost: host });
  } catch (e) {
    if (e instanceof ModelError) throw modelErrorToApi(e);
    throw e;
  }
  return host.recorded();
}

