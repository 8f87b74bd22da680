/**
 * What the measurement feeds elsewhere:
 *  - the IO green-jobs module (src/econ/io/greenjobs.ts) reads per sector an environmental share g and
 *    an informal share φ' and computes green = g(1−φ')E, transition = gφ'E. Writing
 *    g = (green+transition)/employment and φ' = transition/(green+transition) (the not-decent share
 *    among the sector's environmental jobs; the sector's overall not-decent share where the sample
 *    has no environmental job) makes the IO base year reproduce the survey's split exactly;
 *  - youth and sex splits of green jobs, as a tidy CSV (year,indicator,value,unit,se,ci_low,ci_high,source)
 *    for the Peru model's green-jobs indicators;
 *  - a small JSON of the measured base year with intervals, for the simulator.
 */
import { relative } from 'node:path';
import type { Classified } from './classify.js';
import { buildDesign, varianceFromPsuTotals, type Design } from './design.js';
import { zFor, type DomainRow, type Estimate } from './estimate.js';
import { SYNTHETIC_LABEL } from './report.js';

/** A path relative to the working directory when it lies below it. */
const shown = (p: string): string => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));

/** A ratio Σw·num / Σw·den with its linearised standard error and interval. */
export function ratioEstimate(c: Classified, d: Design, num: (i: number) => number, den: (i: number) => number): Estimate {
  const s = c.survey;
  const ty = new Float64Array(d.nPsu);
  const tx = new Float64Array(d.nPsu);
  let Y = 0;
  let X = 0;
  for (let i = 0; i < s.n; i++) {
    const w = s.weight[i];
    const y = w * num(i);
    const x = w * den(i);
    ty[d.psuOf[i]] += y;
    tx[d.psuOf[i]] += x;
    Y += y;
    X += x;
  }
  const R = Y / X;
  const z = new Float64Array(d.nPsu);
  for (let p = 0; p < d.nPsu; p++) z[p] = (ty[p] - R * tx[p]) / X;
  const se = Math.sqrt(varianceFromPsuTotals(d, z));
  const q = zFor(c.rules.confidence);
  const cv = R !== 0 ? se / Math.abs(R) : 0;
  return { value: R, se, low: R - q * se, high: R + q * se, cv, quality: cv > c.rules.cvFlag ? 'referencial' : '' };
}

const csvCell = (v: string | number): string => {
  const t = String(v);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};
const csv = (rows: (string | number)[][]): string => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

/** The two files the IO module reads (sector,environmental_share,basis and sector,informal_share,basis). */
export function ioShareFiles(c: Classified, sectorRows: DomainRow[], ioSectors: string[]): { classification: string; informality: string } {
  const s = c.survey;
  const label = `${s.synthetic ? 'SYNTHETIC ' : ''}measurement from ${shown(s.source)} (${s.year}), rules ${shown(c.rules.path)}`;
  // Sector-wide not-decent share, for sectors without environmental jobs in the sample.
  const notDecent = new Map<string, { nd: number; all: number }>();
  for (let i = 0; i < s.n; i++) {
    const key = c.sectorLabels[c.sector[i]];
    const e = notDecent.get(key) ?? { nd: 0, all: 0 };
    e.all += s.weight[i];
    if (!c.decent[i]) e.nd += s.weight[i];
    notDecent.set(key, e);
  }
  const cls: (string | number)[][] = [['sector', 'environmental_share', 'basis']];
  const inf: (string | number)[][] = [['sector', 'informal_share', 'basis']];
  for (const sector of ioSectors) {
    const row = sectorRows.find((r) => r.category === sector);
    if (!row) {
      cls.push([sector, 0, `no record of this sector in the sample (${label})`]);
      inf.push([sector, 1, `no record of this sector in the sample (${label})`]);
      continue;
    }
    const env = row.totals.green.value + row.totals.transition.value;
    const g = env / row.totals.total.value;
    cls.push([sector, g, `${label}: (green + in transition) / employment; 95 % interval of green share ${row.shares.green.low.toFixed(4)}-${row.shares.green.high.toFixed(4)}`]);
    if (env > 0) inf.push([sector, row.totals.transition.value / env, `${label}: jobs in transition / environmental jobs (not-decent share among environmental jobs)`]);
    else {
      const nd = notDecent.get(sector)!;
      inf.push([sector, nd.nd / nd.all, `${label}: no environmental job in the sample; sector's share of jobs failing the decent-work test`]);
    }
  }
  return { classification: csv(cls), informality: csv(inf) };
}

/** Youth and sex splits of green jobs and jobs in transition (tidy CSV for the Peru model). */
export function splitsCsv(c: Classified, rows: DomainRow[]): string {
  const s = c.survey;
  const d = buildDesign(s, c.rules.lonelyPsu, false);
  const src = `${s.synthetic ? 'SYNTHETIC ' : ''}${s.source}`;
  const out: (string | number)[][] = [['year', 'indicator', 'value', 'unit', 'se', 'ci_low', 'ci_high', 'source']];
  const add = (name: string, e: Estimate, unit: string): void => { out.push([s.year, name, e.value, unit, e.se, e.low, e.high, src]); };
  const all = rows.find((r) => r.dimension === 'all');
  if (all) {
    add('green_jobs', all.totals.green, 'persons');
    add('jobs_in_transition', all.totals.transition, 'persons');
    add('employment', all.totals.total, 'persons');
    add('green_jobs_share_of_employment', all.shares.green, 'fraction');
  }
  const young = c.rules.ageGroups[0];
  const isYoung = (i: number): number => (s.age[i] >= young.from && s.age[i] <= young.to ? 1 : 0);
  const female = (i: number): number => (s.sex[i] === 1 ? 1 : 0);
  add(`green_jobs_share_held_by_youth_${young.label}`, ratioEstimate(c, d, (i) => c.green[i] * isYoung(i), (i) => c.green[i]), 'fraction');
  add('green_jobs_share_held_by_women', ratioEstimate(c, d, (i) => c.green[i] * female(i), (i) => c.green[i]), 'fraction');
  add(`transition_jobs_share_held_by_youth_${young.label}`, ratioEstimate(c, d, (i) => c.transition[i] * isYoung(i), (i) => c.transition[i]), 'fraction');
  add('transition_jobs_share_held_by_women', ratioEstimate(c, d, (i) => c.transition[i] * female(i), (i) => c.transition[i]), 'fraction');
  for (const r of rows) {
    if (r.dimension !== 'sex' && r.dimension !== 'age') continue;
    const tag = r.category.replace(/[^A-Za-z0-9]+/g, '_');
    add(`green_jobs_${r.dimension}_${tag}`, r.totals.green, 'persons');
    add(`jobs_in_transition_${r.dimension}_${tag}`, r.totals.transition, 'persons');
  }
  return csv(out);
}

/** The measured base year for the simulator: national totals with intervals and the youth/women shares. */
export function baseYearJson(c: Classified, rows: DomainRow[]): unknown {
  const s = c.survey;
  const all = rows.find((r) => r.dimension === 'all');
  const pick = (e: Estimate | undefined) => (e ? { value: e.value, low: e.low, high: e.high, cv: e.cv } : null);
  return {
    ...(s.synthetic ? { label: SYNTHETIC_LABEL } : {}),
    synthetic: s.synthetic,
    year: s.year,
    source: s.source,
    confidence: c.rules.confidence,
    unit: 'persons',
    green: pick(all?.totals.green),
    transition: pick(all?.totals.transition),
    other: pick(all?.totals.other),
    employment: pick(all?.totals.total),
    greenShare: pick(all?.shares.green),
    bySex: rows.filter((r) => r.dimension === 'sex').map((r) => ({ category: r.category, green: pick(r.totals.green), transition: pick(r.totals.transition) })),
    byAge: rows.filter((r) => r.dimension === 'age').map((r) => ({ category: r.category, green: pick(r.totals.green), transition: pick(r.totals.transition) })),
  };
}
