/**
 * The corpus of public models (corpus/): models collected from public repositories with an open
 * licence, each run as published. A model either matches its reference output (where the source
 * repository has one), or runs to its final time with finite values, or stops with a located
 * diagnostic. What each model did last time is recorded in corpus/status.json, so a change shows.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { formatDiagnostic, InputError, ModelError, SimulationError } from '../sd/ir/diagnostics.js';
import { parseRunTable } from '../sd/data/run-table.js';
import { loadModel, readTextFile } from '../sd/node/load.js';
import { compareResults } from './compare.js';
import { compareRecorded, type RecordedPair } from './corpus-recorded.js';

/** One model of the catalog (corpus/catalog.json). */
export interface CorpusEntry {
  /** Folder under corpus/models/. */
  name: string;
  /** Model file inside the folder. */
  file: string;
  /** What the model is, in one line. */
  about: string;
  topic: string;
  source: { repo: string; path: string; commit: string; licence: string };
  /** Reference output inside the folder (a .tab/.csv exported by Vensim or Stella), if the source has one. */
  reference?: string;
  /** Where the reference came from, when it has a source of its own. */
  referenceNote?: string;
  /**
   * Constants the reference was produced with, where they differ from the published model and the
   * reference itself records them (e.g. a Stella export whose columns include the constant).
   */
  referenceParams?: Record<string, number>;
  /**
   * Where the source publishes no run file but the model records a reference run of its own (lookups
   * of Time holding its results): each computed column and the variable that records it.
   */
  recorded?: RecordedPair[];
  /** What the recorded series are and where the model says they come from. */
  recordedNote?: string;
  /** Changes made to the published text (e.g. sketch section left out), stated plainly. */
  changes?: string;
}

/**
 * - match: every column of the reference within the suite's tolerance;
 * - mismatch: runs, but differs from the reference;
 * - runs: no reference; ran to its final time with every value finite;
 * - non-finite: ran to its final time, but some value is NaN or infinite;
 * - stops: a located diagnostic (unsupported feature, bad input) or a simulation error naming the variable;
 * - crash: anything else (a bare exception, a diagnostic without a location): an engine bug;
 * - skipped: over the corpus size limit.
 */
export type CorpusStatus = 'match' | 'mismatch' | 'runs' | 'non-finite' | 'stops' | 'crash' | 'skipped';

export interface CorpusResult {
  name: string;
  format: 'Vensim' | 'XMILE';
  /** Scalar output columns (every element of an array counts). */
  variables?: number;
  status: CorpusStatus;
  reason?: string;
  ms: number;
}

/** Models larger than this are listed but not run in the test (keeps the corpus test short). */
export const CORPUS_SIZE_LIMIT_BYTES = 1_500_000;

export function corpusRoot(): string {
  return resolve(process.env.IGEM_CORPUS ?? join(process.cwd(), 'corpus'));
}

export function readCatalog(root: string): CorpusEntry[] {
  const file = join(root, 'catalog.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, { en: `cannot read the corpus catalog: ${(e as Error).message}`, es: `no se puede leer el catálogo del corpus: ${(e as Error).message}` });
  }
  if (!Array.isArray(parsed)) throw new InputError(file, { en: 'the catalog must be a JSON array of models', es: 'el catálogo debe ser un arreglo JSON de modelos' });
  return parsed as CorpusEntry[];
}

export function readStatus(root: string): Record<string, { status: CorpusStatus; reason?: string }> {
  const file = join(root, 'status.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { status: CorpusStatus; reason?: string }>) : {};
}

/** Messages name files relative to the corpus, so the table reads the same on every machine. */
function located(root: string, message: string): string {
  return message.split(root + '/').join('').split('\n')[0]!;
}

export function checkCorpusModel(root: string, e: CorpusEntry, sizeLimit = CORPUS_SIZE_LIMIT_BYTES): CorpusResult {
  const t0 = performance.now();
  const path = join(root, 'models', e.name, e.file);
  const format = /\.mdl$/i.test(e.file) ? 'Vensim' : 'XMILE';
  const done = (r: Omit<CorpusResult, 'name' | 'format' | 'ms'>): CorpusResult => ({ name: e.name, format, ...r, ms: Math.round(performance.now() - t0) });
  if (!existsSync(path)) return done({ status: 'crash', reason: `model file missing: models/${e.name}/${e.file}` });
  const size = statSync(path).size;
  if (size > sizeLimit) return done({ status: 'skipped', reason: `${(size / 1e6).toFixed(1)} MB, over the corpus limit of ${sizeLimit / 1e6} MB` });
  let variables: number | undefined;
  try {
    const model = loadModel(path);
    variables = model.outputNames.length;
    const r = model.run(e.reference && e.referenceParams ? { params: e.referenceParams } : {});
    const end = r.time[r.time.length - 1];
    if (end === undefined || Math.abs(end - model.time.end) > 1e-6 * Math.max(1, Math.abs(model.time.end)) + model.time.saveper) {
      return done({ variables, status: 'crash', reason: `stopped at Time ${end} before its final time ${model.time.end}` });
    }
    const bad = r.names.findIndex((_, j) => r.series[j]!.some((x) => !Number.isFinite(x)));
    if (e.reference) {
      const refPath = join(root, 'models', e.name, e.reference);
      const expected = parseRunTable(readTextFile(refPath), basename(refPath));
      const cmp = compareResults(r, expected, { subsetTimes: true });
      if (cmp.pass) return done({ variables, status: 'match', reason: `${cmp.columnsChecked} reference columns within rtol 1e-3 / atol 1e-6 of the column maximum` });
      return done({ variables, status: 'mismatch', reason: cmp.reason });
    }
    if (e.recorded) {
      const cmp = compareRecorded(r, e.recorded);
      if (cmp.pass) return done({ variables, status: 'match', reason: `${cmp.columnsChecked} columns within rtol 1e-3 / atol 1e-6 of the column maximum of the reference run the model records (${e.recorded.map((p) => p.recorded).join(', ')})` });
      return done({ variables, status: 'mismatch', reason: cmp.reason });
    }
    if (bad >= 0) return done({ variables, status: 'non-finite', reason: `${r.names[bad]} is not finite` });
    return done({ variables, status: 'runs', reason: `to Time ${end}, ${r.names.length} columns finite` });
  } catch (err) {
    if (err instanceof ModelError) {
      const first = err.diagnostics.find((d) => d.severity === 'error') ?? err.diagnostics[0];
      const reason = first ? located(root, formatDiagnostic(first)) : located(root, err.message);
      const more = err.diagnostics.length > 1 ? ` (+${err.diagnostics.length - 1} more)` : '';
      return done({ variables, status: first?.loc ? 'stops' : 'crash', reason: reason + more });
    }
    if (err instanceof SimulationError) return done({ variables, status: 'stops', reason: `simulation stopped at Time ${err.time}: ${located(root, err.message)}` });
    if (err instanceof InputError) return done({ variables, status: 'stops', reason: located(root, err.message) });
    return done({ variables, status: 'crash', reason: `bare exception: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`.split('\n')[0] });
  }
}

/**
 * What the corpus test holds fixed: the status, and for a model that stops, where and with which
 * code (the message wording may improve without counting as a change).
 */
export function statusKey(r: { status: CorpusStatus; reason?: string }): { status: CorpusStatus; at?: string } {
  const at = r.status === 'stops' ? /^(.*?: error [A-Z_]+)/.exec(r.reason ?? '')?.[1] ?? r.reason : undefined;
  return at === undefined ? { status: r.status } : { status: r.status, at };
}

export function runCorpus(root: string, filter?: string): CorpusResult[] {
  return readCatalog(root)
    .filter((e) => !filter || e.name.includes(filter))
    .map((e) => checkCorpusModel(root, e));
}

const cell = (s: string | number | undefined) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The README table: one row per model, then the figures. */
export function formatCorpusTable(entries: CorpusEntry[], results: CorpusResult[]): string {
  const byName = new Map(results.map((r) => [r.name, r]));
  const lines = [
    '| model | topic | source (licence) | format | variables (scalar columns) | reference | status | reason |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const e of entries) {
    const r = byName.get(e.name);
    const src = `${e.source.repo} \`${e.source.path}\` @${e.source.commit.slice(0, 7)} (${e.source.licence})`;
    lines.push(`| [${cell(e.name)}](corpus/models/${encodeURI(e.name)}/SOURCE.md) | ${cell(e.topic)} | ${cell(src)} | ${r?.format ?? ''} | ${r?.variables ?? ''} | ${e.reference ? 'yes' : e.recorded ? 'recorded in the model' : '—'} | ${r?.status ?? 'not run'} | ${cell(r?.reason)} |`);
  }
  const count = (s: CorpusStatus[]) => results.filter((r) => s.includes(r.status)).length;
  const ran = count(['match', 'runs', 'mismatch', 'non-finite']);
  lines.push('');
  lines.push(
    `${results.length} models: ${ran} run to their final time (${count(['match'])} match their reference, ${count(['mismatch'])} differ from it, ${count(['non-finite'])} with non-finite values), ` +
      `${count(['stops'])} stop with a located message, ${count(['crash'])} crash, ${count(['skipped'])} skipped for size.`,
  );
  return lines.join('\n');
}

/** SOURCE.md of one model, written from the catalog so the two never disagree. */
export function formatSource(e: CorpusEntry): string {
  return [
    `# ${e.name}`,
    '',
    e.about,
    '',
    `- Repository: ${e.source.repo}`,
    `- Path: \`${e.source.path}\``,
    `- Commit: ${e.source.commit}`,
    `- Licence of the repository: ${e.source.licence}; its text: [LICENSES/${e.source.repo.replace('/', '-')}.txt](../../LICENSES/${e.source.repo.replace('/', '-')}.txt)`,
    `- Model file here: \`${e.file}\``,
    e.reference
      ? `- Reference output: \`${e.reference}\`${e.referenceNote ? ` (${e.referenceNote})` : ''}`
      : e.recorded
        ? `- Reference output: none published as a file; the model records a reference run of its own, compared column by column: ${e.recorded.map((p) => `${p.column} with ${p.recorded}`).join('; ')}${e.recordedNote ? ` (${e.recordedNote})` : ''}`
        : '- Reference output: none published in the source repository',
    ...(e.referenceParams ? [`- Compared with these constants, as the reference records them: ${Object.entries(e.referenceParams).map(([k, v]) => `${k} = ${v}`).join(', ')}`] : []),
    `- Changes to the published text: ${e.changes ?? 'none'}`,
    '',
  ].join('\n');
}

export function relativeToCorpus(root: string, p: string): string {
  return relative(root, p);
}
