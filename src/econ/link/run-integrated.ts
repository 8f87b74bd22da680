/**
 * `integrated.run(dir, {scenario})`: the linked SD–CGE run of a model folder (models/peru): reads
 * link/cge-link.json, loads the SD model and the CGE directory it names, runs the soft link and
 * collects the CGE results (EV against the harmonised baseline).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { loadModel } from '../../sd/node/load.js';
import { loadModelDir } from '../cge/model-dir.js';
import { collectResults, type CgeResults } from '../cge/results.js';
import { loadScenario } from '../cge/run-model.js';
import { readLinkMapping, type LinkMappingFile } from './mapping.js';
import { runSoftLink, type LinkedRun } from './soft-link.js';

export interface IntegratedOptions {
  scenario: string;
  /** First and last year of the report; the link always runs from the CGE base year. */
  years?: [number, number];
  /** The mapping file (default DIR/link/cge-link.json). */
  mapping?: string;
}

export interface IntegratedResult {
  link: LinkedRun;
  cge: CgeResults;
  /** The harmonised CGE baseline's results (the reference of the scenario's changes). */
  cgeBaseline: CgeResults;
  map: LinkMappingFile;
  reportYears: [number, number];
  baseYear: number;
  timing: { wallMs: number; cpuMs: number };
}

export function runIntegrated(dir: string, opts: IntegratedOptions): IntegratedResult {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const file = opts.mapping ?? join(dir, 'link', 'cge-link.json');
  if (!existsSync(file)) throw new InputError(file, { en: 'the SD–CGE link mapping is missing', es: 'falta el mapeo del enlace SD–CGE' });
  const map = readLinkMapping(file);
  const cge = loadModelDir(map.cgeDir);
  if (opts.scenario === 'base') throw new InputError('--scenario', { en: 'the linked run needs a CGE policy scenario', es: 'la corrida vinculada necesita un escenario de política del CGE' });
  const scDir = join(cge.dir, 'scenarios');
  if (!existsSync(join(scDir, `${opts.scenario}.json`))) {
    const known = existsSync(scDir) ? readdirSync(scDir).filter((f) => f.endsWith('.json') && f !== 'base.json').map((f) => f.slice(0, -5)) : [];
    throw new InputError(`--scenario ${opts.scenario}`, { en: `unknown scenario in ${scDir}; use one of: ${known.join(', ')}`, es: `escenario desconocido en ${scDir}; use uno de: ${known.join(', ')}` });
  }
  const scenario = loadScenario(cge, opts.scenario);
  if (!existsSync(map.sdModel)) throw new InputError(`${file}: sdModel`, { en: `does not exist: ${map.sdModel}`, es: `no existe: ${map.sdModel}` });
  const sd = loadModel(map.sdModel);
  const y0 = cge.baseYear;
  const last = Math.min(cge.desc.endYear ?? 2050, sd.time.end);
  const [ya, yb] = opts.years ?? [y0, last];
  if (!(ya >= y0 && ya <= yb && yb <= last)) {
    throw new InputError('--years', { en: `${ya}:${yb} out of range: must be A:B with ${y0} ≤ A ≤ B ≤ ${last}`, es: `${ya}:${yb} fuera de rango: debe ser A:B con ${y0} ≤ A ≤ B ≤ ${last}` });
  }
  const link = runSoftLink(sd, cge, map, scenario, yb);
  const results = collectResults(cge.cal, link.run, opts.scenario, link.baseline);
  const cgeBaseline = collectResults(cge.cal, link.baseline, 'base');
  const c1 = process.cpuUsage(c0);
  return { link, cge: results, cgeBaseline, map, reportYears: [ya, yb], baseYear: y0, timing: { wallMs: performance.now() - t0, cpuMs: (c1.user + c1.system) / 1000 } };
}
