/**
 * The IO and CGE results of several scenarios as rows, in the reader's language: the one place the
 * compare view, the facilitator's submission table and the exports (Excel, PDF) take them from.
 * The numbers are the server's answers (routes-results.ts, the same calls the tabs make); this file
 * only picks and labels them.
 */
import type { ResultFamilies } from '../../server/api-types.js';
import { fmt, fmtFixed, localized, t } from '../i18n.js';
import { resultsApi, type CgeResult, type GreenJobsResult } from './results-api.js';

/** The year the side-by-side tables and exports show. */
export const RESULTS_YEAR = 2030;

/** EV as % of income, with two decimals (the changes are small): +0,12 %. */
export const fmtEv = (x: number) => {
  const r = Math.round(x * 100) / 100;
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${fmtFixed(Math.abs(r), 2)} %`;
};

/** One scenario's answers, for the families the model has. */
export interface ScenarioResults {
  jobs?: GreenJobsResult;
  cge?: CgeResult;
}

export const hasResults = (f: ResultFamilies | undefined): f is ResultFamilies => !!f && (f.io || f.cge);

/** Asks the server for each family the model has, one request after another (CGE solves are limited). */
export async function scenarioResults(modelId: string, families: ResultFamilies, params: Record<string, number>, year = RESULTS_YEAR, signal?: AbortSignal): Promise<ScenarioResults> {
  const out: ScenarioResults = {};
  if (families.io) out.jobs = await resultsApi.greenJobs(modelId, params, year, signal);
  if (families.cge) out.cge = await resultsApi.cge(modelId, params, { year }, signal);
  return out;
}

/** A row across scenarios: `jobs` values are counts in the IO table's unit, `pct` values are % changes. */
export interface ResultRow {
  label: string;
  kind: 'jobs' | 'pct';
  values: (number | null)[];
}

export const formatCell = (row: ResultRow, v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : row.kind === 'jobs' ? fmt(v) : fmtEv(v));

type JobKey = 'green' | 'transition' | 'other' | 'formal' | 'informal' | 'total';
const JOB_ROWS: [JobKey, 'jobsGreen' | 'jobsTransition' | 'jobsOther' | 'jobsFormal' | 'jobsInformal' | 'jobsTotal'][] = [
  ['green', 'jobsGreen'],
  ['transition', 'jobsTransition'],
  ['other', 'jobsOther'],
  ['formal', 'jobsFormal'],
  ['informal', 'jobsInformal'],
  ['total', 'jobsTotal'],
];
const CGE_ROWS: ['realGdp' | 'cpi' | 'revenue' | 'co2', 'realGdp' | 'cpi' | 'fiscalRevenue' | 'co2Fuel'][] = [
  ['realGdp', 'realGdp'],
  ['cpi', 'cpi'],
  ['revenue', 'fiscalRevenue'],
  ['co2', 'co2Fuel'],
];

/**
 * The headline rows, one value per scenario: jobs green / in transition / other and formal /
 * informal (IO totals), the CGE's real GDP, CPI, tax revenue and fuel CO2 (% change against its
 * baseline) and EV as % of income by household group. A family no answer has gives no rows.
 */
export function headlineRows(answers: ScenarioResults[]): ResultRow[] {
  const rows: ResultRow[] = [];
  const jobs = answers.find((a) => a.jobs)?.jobs;
  if (jobs) {
    const unit = localized(jobs.unit);
    for (const [key, label] of JOB_ROWS) rows.push({ label: `${t(label)} (${unit})`, kind: 'jobs', values: answers.map((a) => a.jobs?.total.scenario[key] ?? null) });
  }
  const cge = answers.find((a) => a.cge)?.cge;
  if (cge) {
    for (const [key, label] of CGE_ROWS) rows.push({ label: `${t(label)} (${t('changePctUnit')})`, kind: 'pct', values: answers.map((a) => a.cge?.indicators[key].changePct ?? null) });
    for (const hh of cge.households) {
      rows.push({ label: t('evPctOf', { name: localized(hh.label) }), kind: 'pct', values: answers.map((a) => a.cge?.households.find((x) => x.code === hh.code)?.evPct ?? null) });
    }
  }
  return rows;
}

/** The headline rows as a table of text: a header (the scenarios' names) and formatted cells. */
export function headlineTable(names: string[], answers: ScenarioResults[]): { header: string[]; rows: string[][] } {
  return {
    header: [t('indicator'), ...names],
    rows: headlineRows(answers).map((r) => [r.label, ...r.values.map((v) => formatCell(r, v))]),
  };
}

/** Jobs by sector for one answer, as a sheet: scenario split both ways, then business as usual. */
export function sectorSheet(jobs: GreenJobsResult): (string | number)[][] {
  const unit = localized(jobs.unit);
  const keys: JobKey[] = ['green', 'transition', 'other', 'formal', 'informal', 'total'];
  const header = [t('sector'), ...JOB_ROWS.map(([, label]) => `${t(label)} (${unit})`), `${t('jobsTotal')}, ${t('bau')} (${unit})`];
  const rows = jobs.sectors.map((s) => [localized(s.label), ...keys.map((k) => s.scenario[k]), s.baseline.total]);
  const total = [t('total'), ...keys.map((k) => jobs.total.scenario[k]), jobs.total.baseline.total];
  return [[t('ioSheetTitle', { year: jobs.year })], header, ...rows, total];
}

/** The headline rows of several scenarios as a sheet of numbers (Excel formats them itself). */
export function headlineSheet(names: string[], answers: ScenarioResults[], year: number): (string | number | null)[][] {
  return [[t('resultsSheetTitle', { year })], [t('indicator'), ...names], ...headlineRows(answers).map((r) => [r.label, ...r.values])];
}
