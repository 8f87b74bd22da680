/**
 * A CGE model directory (e.g. models/peru/cge): model.json names the SAM (a path, possibly into
 * models/peru/sam), the elasticities, the default closure, household populations, emission
 * factors and the dynamic paths; scenarios/ holds the policy files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../../sd/ir/diagnostics.js';
import { assertSamBalanced, checkSamBalance } from '../sam/check.js';
import { loadSamFile } from '../sam/read.js';
import { calibrate, type Calibration } from './calibrate.js';
import { DEFAULT_CLOSURE, parseClosure, type Closure } from './closure.js';
import { parseElasticities } from './elasticities.js';

export interface Valued {
  value: number;
  source: string;
}
export interface ModelDescriptor {
  sam: string;
  elasticities: string;
  closure?: string;
  endYear?: number;
  /** Population by household account (persons), for lump-sum per person. */
  population?: Record<string, Valued>;
  /** The poorest groups (household codes), for targeted transfers. */
  poorest?: string[];
  /** tCO2 per SAM value unit (base purchaser prices) by fuel commodity. */
  emissionFactors?: Record<string, Valued>;
  /** Composition of green public investment by commodity. */
  greenInvestment?: Record<string, number>;
  /** Activities whose capital the green investment builds (shares). */
  greenTargets?: Record<string, number>;
  dynamics?: {
    depreciation: Valued;
    grossReturn: Valued;
    allocationElasticity: Valued;
    labourGrowth: Valued;
    energyEfficiencyGain: Valued;
    /** Real GDP growth per year (fraction), from the base year + 1; the last value repeats. */
    gdpGrowth: { years: number[]; rates: number[]; source: string };
  };
}

export interface LoadedModel {
  dir: string;
  file: string;
  desc: ModelDescriptor;
  cal: Calibration;
  closure: Closure;
  baseYear: number;
}

export function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(path, { en: 'cannot read the file', es: 'no se puede leer el archivo' });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(path, { en: `invalid JSON: ${(e as Error).message}`, es: `JSON no válido: ${(e as Error).message}` });
  }
}

export function loadModelDir(dir: string, closureFile?: string): LoadedModel {
  const file = join(dir, 'model.json');
  if (!existsSync(file)) throw new InputError(file, { en: 'the CGE directory needs a model.json', es: 'falta model.json en el directorio del CGE' });
  const desc = readJson(file) as ModelDescriptor;
  if (typeof desc.sam !== 'string') throw new InputError(`${file}: sam`, { en: 'missing the SAM path', es: 'falta la ruta de la MCS' });
  if (typeof desc.elasticities !== 'string') throw new InputError(`${file}: elasticities`, { en: 'missing the elasticities path', es: 'falta la ruta de elasticidades' });
  const samPath = resolve(dir, desc.sam);
  const loaded = loadSamFile(samPath);
  const sam = loaded.sam;
  // An unbalanced SAM cannot be an equilibrium: one error listing the gaps (tolerance from its descriptor).
  assertSamBalanced(checkSamBalance(sam, loaded.tolerance));
  const elPath = join(dir, desc.elasticities);
  const el = parseElasticities(readJson(elPath), elPath);
  const cal = calibrate(sam, el);
  let closure = DEFAULT_CLOSURE;
  if (desc.closure) closure = parseClosure(readJson(join(dir, desc.closure)), join(dir, desc.closure));
  if (closureFile) closure = parseClosure(readJson(closureFile), closureFile, closure);
  const code = (i: number) => cal.acc[i]!.code;
  const known = new Set(cal.acc.map((a) => a.code));
  for (const [block, rec] of [['population', desc.population], ['emissionFactors', desc.emissionFactors], ['greenInvestment', desc.greenInvestment]] as const) {
    for (const k of Object.keys(rec ?? {})) if (!known.has(k)) throw new InputError(`${file}: ${block}.${k}`, { en: `account not in the SAM (${sam.source})`, es: `cuenta desconocida en la MCS (${sam.source})` });
  }
  void code;
  return { dir, file, desc, cal, closure, baseYear: sam.year ?? 2019 };
}

export function modelDirOf(path: string): string {
  return existsSync(join(path, 'model.json')) ? path : existsSync(join(path, 'cge', 'model.json')) ? join(path, 'cge') : dirname(path);
}
