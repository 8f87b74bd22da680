/**
 * A scenario project: a folder with `project.json` naming the model, the scenario files, the
 * indicator list and (optionally) the input-output link for green jobs. Reading checks every
 * field and reports the file and field of any mistake.
 *
 * project.json:
 * {
 *   "title": "…", "model": "peru.mdl", "baseline": "bau", "scenarios": "scenarios",
 *   "indicators": "indicators.json", "years": [2030, 2050],
 *   "charts": ["Real GDP", …],
 *   "greenJobs": { "table": "…csv", "mapping": "…json", "classification": "…csv",
 *                  "informality": "…csv", "baseYear": 2019,
 *                  "environmentalShareFrom": { "IO sector": "Model variable" },
 *                  "formalShareFrom": "Model variable" },
 *   "notes": ["caveat shown in reports", …],
 *   "unitAliases": { "MWh": "TWh", … }             (names that differ only by scale, for the units check)
 * }
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { readMeasuredSplits } from '../../econ/greenjobs/read-splits.js';
import { specRoot, type Field } from '../spec-file.js';
import { readIndicatorSpecs, type IndicatorSpec } from './indicator-spec.js';
import { readScenarioFile, type ScenarioSpec } from './scenario-spec.js';

export interface GreenJobsSpec {
  table: string;
  mapping: string;
  classification: string;
  informality: string;
  baseYear: number;
  /** IO sector -> model variable (0–1) that replaces the sector's fixed environmental share over time. */
  environmentalShareFrom: Record<string, string>;
  /** Model variable (0–1) whose change relative to the base year scales every sector's formal share. */
  formalShareFrom?: string;
  /** The splits file of `igem greenjobs export-io` (youth and women's shares measured in a survey). */
  measuredSplits?: string;
}

export interface ScenarioProject {
  dir: string;
  title: string;
  modelPath: string;
  baseline: string;
  years: number[];
  charts: string[];
  scenarios: ScenarioSpec[];
  indicators: IndicatorSpec[];
  greenJobs?: GreenJobsSpec;
  /** Caveats printed at the end of reports. */
  notes: string[];
  /** Unit name -> base unit, for the units check (e.g. { "MWh": "TWh" }). */
  unitAliases: Record<string, string>;
}

const PROJECT_FILE = 'project.json';

function pathIn(dir: string, f: Field): string {
  const p = resolve(dir, f.string());
  if (!existsSync(p)) f.fail({ en: `file not found: ${p}`, es: `archivo no encontrado: ${p}` });
  return p;
}

function readGreenJobs(dir: string, f: Field): GreenJobsSpec | undefined {
  if (!f.present) return undefined;
  f.only(['table', 'mapping', 'classification', 'informality', 'baseYear', 'environmentalShareFrom', 'formalShareFrom', 'measuredSplits']);
  const shareFrom = f.get('environmentalShareFrom');
  return {
    table: pathIn(dir, f.get('table')),
    mapping: pathIn(dir, f.get('mapping')),
    classification: pathIn(dir, f.get('classification')),
    informality: pathIn(dir, f.get('informality')),
    baseYear: f.get('baseYear').integer(1900),
    environmentalShareFrom: shareFrom.present ? Object.fromEntries(shareFrom.entries().map(([k, v]) => [k, v.string()])) : {},
    formalShareFrom: f.get('formalShareFrom').optional((x) => x.string()),
    measuredSplits: f.get('measuredSplits').optional((x) => pathIn(dir, x)),
  };
}

/** Fills each indicator's measured share from the project's splits file, or says what is missing. */
function resolveShares(indicators: IndicatorSpec[], greenJobs: GreenJobsSpec | undefined, where: string): void {
  const wanted = indicators.filter((s) => s.share);
  if (wanted.length === 0) return;
  if (!greenJobs?.measuredSplits) {
    throw new InputError(`${wanted[0].where}.share`, { en: `needs "greenJobs.measuredSplits" in ${where} (the file \`igem greenjobs export-io\` writes)`, es: `necesita "greenJobs.measuredSplits" en ${where} (el archivo que escribe \`igem greenjobs export-io\`)` });
  }
  const splits = readMeasuredSplits(greenJobs.measuredSplits);
  for (const spec of wanted) {
    const share = spec.share!;
    const m = splits.get(share.name);
    if (!m) {
      const known = [...splits.keys()].filter((k) => k.includes('share')).join(', ');
      throw new InputError(`${spec.where}.share`, { en: `no split "${share.name}" in ${greenJobs.measuredSplits} (shares there: ${known})`, es: `no hay una partición "${share.name}" en ${greenJobs.measuredSplits} (participaciones disponibles: ${known})` });
    }
    if (m.unit !== 'fraction' || !(m.value >= 0 && m.value <= 1)) {
      throw new InputError(`${spec.where}.share`, { en: `split "${share.name}" is ${m.value} ${m.unit}, not a fraction between 0 and 1`, es: `la partición "${share.name}" vale ${m.value} ${m.unit}, no una fracción entre 0 y 1` });
    }
    Object.assign(share, { value: m.value, low: m.low, high: m.high, year: m.year, synthetic: m.synthetic });
  }
}

/** Reads a project folder (or a project.json path). */
export function readProject(pathOrDir: string): ScenarioProject {
  const isDir = existsSync(pathOrDir) && statSync(pathOrDir).isDirectory();
  const file = isDir ? join(pathOrDir, PROJECT_FILE) : pathOrDir;
  if (!existsSync(file)) {
    throw new InputError(pathOrDir, { en: `not a scenario project: ${file} not found (a project folder holds ${PROJECT_FILE})`, es: `no es un proyecto de escenarios: no se encontró ${file} (una carpeta de proyecto contiene ${PROJECT_FILE})` });
  }
  const dir = resolve(isDir ? pathOrDir : join(file, '..'));
  const root = specRoot(file);
  root.only(['title', 'model', 'baseline', 'scenarios', 'indicators', 'years', 'charts', 'greenJobs', 'notes', 'unitAliases']);
  const scenarioDir = pathIn(dir, root.get('scenarios'));
  const files = readdirSync(scenarioDir).filter((n) => n.endsWith('.json')).sort();
  if (files.length === 0) root.get('scenarios').fail({ en: `no scenario files (*.json) in ${scenarioDir}`, es: `no hay archivos de escenario (*.json) en ${scenarioDir}` });
  const scenarios = files.map((n) => readScenarioFile(join(scenarioDir, n)));
  const baseline = root.get('baseline').string();
  if (!scenarios.some((s) => s.name === baseline)) {
    const found = scenarios.map((s) => s.name).join(', ');
    root.get('baseline').fail({ en: `no scenario named "${baseline}" in ${scenarioDir} (found ${found})`, es: `no hay ningún escenario llamado "${baseline}" en ${scenarioDir} (hay ${found})` });
  }
  const years = root.get('years').items().map((y) => y.integer(0));
  if (years.length === 0) root.get('years').fail({ en: 'must list at least one year', es: 'debe listar al menos un año' });
  const indicators = readIndicatorSpecs(pathIn(dir, root.get('indicators')));
  const greenJobs = readGreenJobs(dir, root.get('greenJobs'));
  resolveShares(indicators, greenJobs, file);
  return {
    dir,
    title: root.get('title').optional((t) => t.string()) ?? basename(dir),
    modelPath: pathIn(dir, root.get('model')),
    baseline,
    years,
    charts: root.get('charts').optional((c) => c.items().map((x) => x.string())) ?? [],
    scenarios,
    indicators,
    greenJobs,
    notes: root.get('notes').optional((n) => n.items().map((x) => x.string())) ?? [],
    unitAliases: Object.fromEntries(root.get('unitAliases').optional((a) => a.entries().map(([k, v]) => [k, v.string()])) ?? []),
  };
}

/** The scenarios called `names`, in that order, or an error listing the known ones. */
export function pickScenarios(project: ScenarioProject, names: string[]): ScenarioSpec[] {
  return names.map((n) => {
    const s = project.scenarios.find((x) => x.name === n);
    if (!s) throw new InputError(`scenario "${n}"`, { en: `not found in ${project.dir} (known: ${project.scenarios.map((x) => x.name).join(', ')})`, es: `no se encontró en ${project.dir} (conocidos: ${project.scenarios.map((x) => x.name).join(', ')})` });
    return s;
  });
}
