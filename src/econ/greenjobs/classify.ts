/**
 * Classifies each person as green, in transition or other (ILO 19th ICLS guidelines): an
 * environmental share from the activity (longest CIIU prefix) or the occupation (process approach),
 * whichever is larger, and a decent-work test (formality, income ≥ minimum wage, hours). Shares of
 * mixed activities enter as fractional contributions: a person with share s counts s in the
 * environmental sector and 1 − s in other jobs, so every estimate stays a linear total.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { byPrefix, minimumWageFor, type FormalityPart, type Rules } from './rules.js';
import { STATUSES, type Survey } from './types.js';

export const UNKNOWN_SECTOR = 'Unclassified (unknown activity code)';

export interface UnknownCodes {
  count: number;
  weighted: number;
  /** The first few offending records. */
  examples: { line: number; code: string }[];
}

export interface Classified {
  survey: Survey;
  rules: Rules;
  /** Per person: environmental share, decent-work flag and the three contributions (sum to 1). */
  env: Float64Array;
  decent: Uint8Array;
  green: Float64Array;
  transition: Float64Array;
  other: Float64Array;
  sector: Int32Array;
  sectorLabels: string[];
  unknownActivity: UnknownCodes;
  unknownOccupation: UnknownCodes;
  minimumWage: { value: number; source: string; from: string };
}

const employeeLike = new Set([STATUSES.indexOf('employee'), STATUSES.indexOf('domestic')]);
const family = STATUSES.indexOf('family_worker');

/** Fields the rules read that the survey must have mapped (an unmapped field would make everyone fail). */
function checkFieldsPresent(s: Survey, rules: Rules): void {
  const needs: [string, Int8Array | Float64Array][] = [['hours', s.hours], ['income', s.income]];
  if (rules.formality.method === 'survey_flag') needs.push(['informal', s.informal]);
  else {
    needs.push(['status', s.status]);
    const parts = new Set<FormalityPart>([...rules.formality.employees, ...rules.formality.others]);
    if (parts.has('contract')) needs.push(['contract', s.contract]);
    if (parts.has('socialSecurity')) for (const f of rules.formality.socialSecurityAnyOf) needs.push([f, f === 'pension' ? s.pension : s.health]);
  }
  for (const [name, arr] of needs) {
    let any = false;
    for (let i = 0; i < arr.length && !any; i++) any = arr instanceof Float64Array ? !Number.isNaN(arr[i]) : arr[i] !== -1;
    if (!any && s.n > 0) throw new InputError(s.source, { en: `the rules (${rules.path}) need the field "${name}", but no record has a value for it: map it in the descriptor`, es: `las reglas (${rules.path}) necesitan el campo "${name}", pero ningún registro tiene valor para él: asígnelo en el descriptor` });
  }
}

export function classify(s: Survey, rules: Rules, unknownCodes: 'error' | 'keep' = rules.unknownCodes): Classified {
  checkFieldsPresent(s, rules);
  const n = s.n;
  const rmv = minimumWageFor(rules, s.year);
  const minIncome = rmv.value * rules.minimumWageMultiple;
  const sectorLabels = [...rules.sectors];
  const sectorIndex = new Map(sectorLabels.map((l, i) => [l, i]));
  const activityCache = new Map<string, { sector: number; share: number }>();
  const occCache = new Map<string, number>();
  const unknownActivity: UnknownCodes = { count: 0, weighted: 0, examples: [] };
  const unknownOccupation: UnknownCodes = { count: 0, weighted: 0, examples: [] };
  const out: Classified = {
    survey: s, rules, env: new Float64Array(n), decent: new Uint8Array(n), green: new Float64Array(n), transition: new Float64Array(n),
    other: new Float64Array(n), sector: new Int32Array(n), sectorLabels, unknownActivity, unknownOccupation, minimumWage: rmv,
  };
  const f = rules.formality;
  const ssPension = f.socialSecurityAnyOf.includes('pension');
  const ssHealth = f.socialSecurityAnyOf.includes('health');
  const meets = (parts: FormalityPart[], i: number): boolean => {
    for (const p of parts) {
      if (p === 'contract' && s.contract[i] !== 1) return false;
      if (p === 'socialSecurity' && !((ssPension && s.pension[i] === 1) || (ssHealth && s.health[i] === 1))) return false;
    }
    return true;
  };
  for (let i = 0; i < n; i++) {
    const code = s.activity[i];
    let a = activityCache.get(code);
    if (!a) {
      const sector = /^\d{4}$/.test(code) ? byPrefix(rules.sectorByPrefix, code) : undefined;
      a = { sector: sector === undefined ? -1 : sectorIndex.get(sector)!, share: sector === undefined ? 0 : byPrefix(rules.activityShare, code) ?? 0 };
      activityCache.set(code, a);
    }
    let sector = a.sector;
    if (sector < 0) {
      unknownActivity.count++;
      unknownActivity.weighted += s.weight[i];
      if (unknownActivity.examples.length < 5) unknownActivity.examples.push({ line: s.line[i], code });
      if (!sectorIndex.has(UNKNOWN_SECTOR)) { sectorIndex.set(UNKNOWN_SECTOR, sectorLabels.length); sectorLabels.push(UNKNOWN_SECTOR); }
      sector = sectorIndex.get(UNKNOWN_SECTOR)!;
    }
    const occ = s.occupation[i];
    let o = occCache.get(occ);
    if (o === undefined) {
      o = /^\d{4}$/.test(occ) ? rules.occupationShare.get(occ) ?? 0 : -1;
      occCache.set(occ, o);
    }
    if (o < 0) {
      unknownOccupation.count++;
      unknownOccupation.weighted += s.weight[i];
      if (unknownOccupation.examples.length < 5) unknownOccupation.examples.push({ line: s.line[i], code: occ });
    }
    const env = Math.max(a.share, o < 0 ? 0 : o);
    let formal: boolean;
    if (f.method === 'survey_flag') formal = s.informal[i] === 0;
    else {
      const st = s.status[i];
      if (st < 0) formal = false;
      else if (st === family) formal = f.familyWorkersFormal;
      else formal = meets(employeeLike.has(st) ? f.employees : f.others, i);
    }
    const inc = s.income[i];
    const hrs = s.hours[i];
    const decent = formal && inc >= minIncome && hrs <= rules.maxWeeklyHours ? 1 : 0;
    out.sector[i] = sector;
    out.env[i] = env;
    out.decent[i] = decent;
    out.green[i] = env * decent;
    out.transition[i] = env * (1 - decent);
    out.other[i] = 1 - env;
  }
  if (unknownActivity.count > 0 && unknownCodes === 'error') {
    const ex = unknownActivity.examples.map((e) => `line ${e.line}: "${e.code}"`).join('; ');
    throw new InputError(`${s.source}:${unknownActivity.examples[0].line}`, { en: `field activity: ${unknownActivity.count} record(s) have an activity code that is not a CIIU rev. 4 class known to ${rules.path} (${ex}). Fix the codes, extend the sector file, or pass --unknown keep to count them in "${UNKNOWN_SECTOR}"`, es: `campo activity: ${unknownActivity.count} registro(s) tienen un código de actividad que no es una clase CIIU rev. 4 conocida en ${rules.path} (${ex}). Corrija los códigos, amplíe el archivo de sectores o use --unknown keep para contarlos en "${UNKNOWN_SECTOR}"` });
  }
  return out;
}
