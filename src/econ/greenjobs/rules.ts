/**
 * The green-jobs definition as data: rules.json and the CSV files it names (sector map, environmental
 * shares by activity and occupation, minimum wage by date, regions). Every problem is an InputError
 * naming the file and line.
 */
import { dirname, resolve } from 'node:path';
import { InputError, type BilingualText } from '../../sd/ir/diagnostics.js';
import { cellText, type Grid } from '../io/grid.js';
import { cellNumber } from '../io/numbers.js';
import { readGrid, readJson } from '../io/read-grid.js';

export type FormalityPart = 'contract' | 'socialSecurity';

export interface Rules {
  path: string;
  raw: Record<string, unknown>;
  /** CIIU prefix (2-4 digits) → sector; the longest matching prefix wins. */
  sectorByPrefix: Map<string, string>;
  sectors: string[];
  /** CIIU prefix → environmental share (0-1). */
  activityShare: Map<string, number>;
  /** Occupation code → environmental share (0-1). */
  occupationShare: Map<string, number>;
  /** Minimum wage steps, sorted by date (YYYY-MM-DD). */
  minimumWage: { from: string; value: number; source: string }[];
  minimumWageMonthDay: string;
  regions: Map<string, string>;
  combine: 'max';
  formality: {
    method: 'components' | 'survey_flag';
    employees: FormalityPart[];
    others: FormalityPart[];
    familyWorkersFormal: boolean;
    socialSecurityAnyOf: ('pension' | 'health')[];
  };
  minimumWageMultiple: number;
  maxWeeklyHours: number;
  unknownCodes: 'error' | 'keep';
  ageGroups: { label: string; from: number; to: number }[];
  cvFlag: number;
  cvSuppress: number | null;
  confidence: number;
  lonelyPsu: 'error' | 'certainty' | 'adjust';
}

const num = (v: unknown, where: string, ok: (x: number) => boolean, what: BilingualText): number => {
  if (typeof v !== 'number' || !ok(v)) throw new InputError(where, { en: `must be ${what.en}, got ${JSON.stringify(v)}`, es: `debe ser ${what.es}, se recibió ${JSON.stringify(v)}` });
  return v;
};

function columns(grid: Grid, names: string[]): number[] {
  if (grid.rows.length === 0) throw new InputError(grid.source, { en: 'the file is empty', es: 'el archivo está vacío' });
  const header = grid.rows[0].map((c) => cellText(c).toLowerCase());
  return names.map((n) => {
    const i = header.indexOf(n);
    if (i < 0) throw new InputError(`${grid.source}:1`, { en: `missing column "${n}" (header: ${header.join(', ')})`, es: `falta la columna "${n}" (encabezado: ${header.join(', ')})` });
    return i;
  });
}

function codeAt(grid: Grid, r: number, c: number, digits: [number, number]): string {
  const t = cellText(grid.rows[r][c]);
  if (!new RegExp(`^\\d{${digits[0]},${digits[1]}}$`).test(t)) throw new InputError(grid.where(r, c), { en: `"${t}" is not a code of ${digits[0]} to ${digits[1]} digits`, es: `"${t}" no es un código de ${digits[0]} a ${digits[1]} dígitos` });
  return t;
}

function shareAt(grid: Grid, r: number, c: number): number {
  const v = cellNumber(grid.rows[r][c], grid.where(r, c));
  if (!(v >= 0 && v <= 1) || cellText(grid.rows[r][c]) === '') throw new InputError(grid.where(r, c), { en: `a share must be between 0 and 1, got "${cellText(grid.rows[r][c])}"`, es: `una participación debe estar entre 0 y 1, se recibió "${cellText(grid.rows[r][c])}"` });
  return v;
}

function prefixMap<T>(grid: Grid, codeCol: number, valueOf: (r: number) => T, digits: [number, number]): Map<string, T> {
  const out = new Map<string, T>();
  for (let r = 1; r < grid.rows.length; r++) {
    const code = codeAt(grid, r, codeCol, digits);
    if (out.has(code)) throw new InputError(grid.where(r, codeCol), { en: `code ${code} appears twice`, es: `el código ${code} aparece dos veces` });
    out.set(code, valueOf(r));
  }
  return out;
}

export function loadRules(path: string): Rules {
  const raw = readJson(path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(path, { en: 'the rules must be a JSON object', es: 'las reglas deben ser un objeto JSON' });
  const j = raw as Record<string, unknown>;
  const file = (key: string): string => {
    if (typeof j[key] !== 'string') throw new InputError(`${path}: ${key}`, { en: 'must name a CSV file (relative to the rules file)', es: 'debe nombrar un archivo CSV (relativo al archivo de reglas)' });
    return resolve(dirname(path), j[key] as string);
  };
  const sg = readGrid(file('sectors'));
  const [sp, ss] = columns(sg, ['ciiu_prefix', 'sector']);
  const sectorByPrefix = prefixMap(sg, sp, (r) => {
    const s = cellText(sg.rows[r][ss]);
    if (!s) throw new InputError(sg.where(r, ss), { en: 'missing sector name', es: 'falta el nombre del sector' });
    return s;
  }, [2, 4]);
  const ag = readGrid(file('activityShares'));
  const [ap, as] = columns(ag, ['ciiu_prefix', 'environmental_share']);
  const activityShare = prefixMap(ag, ap, (r) => shareAt(ag, r, as), [2, 4]);
  const og = readGrid(file('occupationShares'));
  const [oc, os] = columns(og, ['cno_code', 'environmental_share']);
  const occupationShare = prefixMap(og, oc, (r) => shareAt(og, r, os), [4, 4]);
  const mg = readGrid(file('minimumWage'));
  const [mf, mv, msrc] = columns(mg, ['from', 'rmv_soles_per_month', 'source']);
  const minimumWage = mg.rows.slice(1).map((row, k) => {
    const r = k + 1;
    const from = cellText(row[mf]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new InputError(mg.where(r, mf), { en: `"${from}" is not a date YYYY-MM-DD`, es: `"${from}" no es una fecha YYYY-MM-DD` });
    const value = cellNumber(row[mv], mg.where(r, mv));
    if (!(value > 0)) throw new InputError(mg.where(r, mv), { en: 'the minimum wage must be positive', es: 'el salario mínimo debe ser positivo' });
    return { from, value, source: cellText(row[msrc]) };
  }).sort((a, b) => a.from.localeCompare(b.from));
  const rg = readGrid(file('regions'));
  const [rc, rn] = columns(rg, ['code', 'name']);
  const regions = new Map<string, string>();
  for (let r = 1; r < rg.rows.length; r++) regions.set(codeAt(rg, r, rc, [1, 2]).padStart(2, '0'), cellText(rg.rows[r][rn]));

  const dw = (j.decentWork ?? {}) as Record<string, Record<string, unknown>>;
  const fm = (dw.formality ?? {}) as Record<string, unknown>;
  const parts = (v: unknown, key: string): FormalityPart[] => {
    if (!Array.isArray(v) || !v.every((x) => x === 'contract' || x === 'socialSecurity')) {
      throw new InputError(`${path}: decentWork.formality.${key}`, { en: 'must list "contract" and/or "socialSecurity"', es: 'debe listar "contract" y/o "socialSecurity"' });
    }
    return v as FormalityPart[];
  };
  const method = fm.method ?? 'components';
  if (method !== 'components' && method !== 'survey_flag') throw new InputError(`${path}: decentWork.formality.method`, { en: 'must be "components" or "survey_flag"', es: 'debe ser "components" o "survey_flag"' });
  const ssAny = ((fm.socialSecurity as Record<string, unknown> | undefined)?.anyOf ?? ['pension', 'health']) as unknown;
  if (!Array.isArray(ssAny) || ssAny.length === 0 || !ssAny.every((x) => x === 'pension' || x === 'health')) {
    throw new InputError(`${path}: decentWork.formality.socialSecurity.anyOf`, { en: 'must list "pension" and/or "health"', es: 'debe listar "pension" y/o "health"' });
  }
  const ages = j.ageGroups;
  if (!Array.isArray(ages) || ages.length === 0) throw new InputError(`${path}: ageGroups`, { en: 'must list { label, from, to } groups', es: 'debe listar grupos { label, from, to }' });
  const ageGroups = ages.map((g: Record<string, unknown>, i) => ({
    label: String(g.label),
    from: num(g.from, `${path}: ageGroups[${i}].from`, Number.isFinite, { en: 'an age', es: 'una edad' }),
    to: num(g.to, `${path}: ageGroups[${i}].to`, Number.isFinite, { en: 'an age', es: 'una edad' }),
  }));
  const q = (j.quality ?? {}) as Record<string, unknown>;
  const lonely = j.lonelyPsu ?? 'error';
  if (!['error', 'certainty', 'adjust'].includes(lonely as string)) throw new InputError(`${path}: lonelyPsu`, { en: 'must be "error", "certainty" or "adjust"', es: 'debe ser "error", "certainty" o "adjust"' });
  const unknown = j.unknownCodes ?? 'error';
  if (unknown !== 'error' && unknown !== 'keep') throw new InputError(`${path}: unknownCodes`, { en: 'must be "error" or "keep"', es: 'debe ser "error" o "keep"' });
  const md = ((j.minimumWageDate as Record<string, unknown> | undefined)?.monthDay ?? '07-01') as string;
  if (!/^\d{2}-\d{2}$/.test(md)) throw new InputError(`${path}: minimumWageDate.monthDay`, { en: 'must be MM-DD', es: 'debe ser MM-DD' });
  return {
    path, raw: j, sectorByPrefix, sectors: [...new Set(sectorByPrefix.values())], activityShare, occupationShare, minimumWage,
    minimumWageMonthDay: md, regions, combine: 'max',
    formality: {
      method,
      employees: parts(fm.employees ?? ['contract', 'socialSecurity'], 'employees'),
      others: parts(fm.others ?? ['socialSecurity'], 'others'),
      familyWorkersFormal: fm.familyWorkersFormal === true,
      socialSecurityAnyOf: ssAny as ('pension' | 'health')[],
    },
    minimumWageMultiple: num(dw.income?.minimumWageMultiple ?? 1, `${path}: decentWork.income.minimumWageMultiple`, (x) => x >= 0, { en: 'a number ≥ 0', es: 'un número ≥ 0' }),
    maxWeeklyHours: num(dw.hours?.maxWeekly ?? 48, `${path}: decentWork.hours.maxWeekly`, (x) => x > 0, { en: 'a positive number of hours', es: 'un número positivo de horas' }),
    unknownCodes: unknown,
    ageGroups,
    cvFlag: num(q.cvFlag ?? 0.15, `${path}: quality.cvFlag`, (x) => x > 0, { en: 'a positive fraction', es: 'una fracción positiva' }),
    cvSuppress: q.cvSuppress == null ? null : num(q.cvSuppress, `${path}: quality.cvSuppress`, (x) => x > 0, { en: 'a positive fraction or null', es: 'una fracción positiva o null' }),
    confidence: num(q.confidence ?? 0.95, `${path}: quality.confidence`, (x) => x > 0 && x < 1, { en: 'a level between 0 and 1', es: 'un nivel entre 0 y 1' }),
    lonelyPsu: lonely as Rules['lonelyPsu'],
  };
}

/** Longest matching prefix (4, 3, then 2 characters) of a code in a prefix map. */
export function byPrefix<T>(map: Map<string, T>, code: string): T | undefined {
  for (let k = Math.min(4, code.length); k >= 2; k--) {
    const v = map.get(code.slice(0, k));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The minimum wage in force on the rules' month-day of a year. */
export function minimumWageFor(rules: Rules, year: number): { value: number; source: string; from: string } {
  const day = `${year}-${rules.minimumWageMonthDay}`;
  let found: Rules['minimumWage'][number] | undefined;
  for (const m of rules.minimumWage) if (m.from <= day) found = m;
  if (!found) throw new InputError(rules.path, { en: `no minimum wage in force on ${day} (the file starts ${rules.minimumWage[0]?.from ?? 'nowhere'})`, es: `no hay salario mínimo vigente el ${day} (el archivo empieza en ${rules.minimumWage[0]?.from ?? 'ninguna fecha'})` });
  return found;
}
