/**
 * Tables of measured green jobs for people (aligned text, bilingual labels), for files (CSV/XLSX rows)
 * and for programs (JSON). Synthetic data are labelled in every form.
 */
import type { Classified } from './classify.js';
import { MEASURES, type DomainRow, type Estimate } from './estimate.js';

export const SYNTHETIC_LABEL = 'SYNTHETIC data: not survey results / datos SINTÉTICOS: no son resultados de encuesta';

export const MEASURE_LABELS: Record<string, string> = {
  green: 'green jobs / empleos verdes',
  transition: 'jobs in transition / empleos en transición',
  other: 'other jobs / otros empleos',
  total: 'all jobs / empleo total',
};

export interface YearTables {
  year: number;
  source: string;
  synthetic: boolean;
  classified: Classified;
  rows: DomainRow[];
}

export const TABLE_HEADERS = [
  'data', 'year', 'dimension', 'category', 'measure', 'n', 'total', 'se', 'ci_low', 'ci_high', 'cv', 'quality',
  'share_of_domain', 'share_se', 'share_ci_low', 'share_ci_high', 'share_cv', 'share_quality',
];

const blankIfSuppressed = (e: Estimate, v: number): number | string => (e.quality === 'suppressed' ? '' : v);

export function tableRows(years: YearTables[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const y of years) {
    for (const r of y.rows) {
      for (const m of MEASURES) {
        const e = r.totals[m];
        const sh = m === 'total' ? undefined : r.shares[m];
        out.push([
          y.synthetic ? 'SYNTHETIC' : 'survey', y.year, r.dimension, r.category, m, r.n,
          blankIfSuppressed(e, e.value), blankIfSuppressed(e, e.se), blankIfSuppressed(e, e.low), blankIfSuppressed(e, e.high), e.cv, e.quality,
          sh ? blankIfSuppressed(sh, sh.value) : '', sh ? blankIfSuppressed(sh, sh.se) : '', sh ? blankIfSuppressed(sh, sh.low) : '',
          sh ? blankIfSuppressed(sh, sh.high) : '', sh ? sh.cv : '', sh ? sh.quality : '',
        ]);
      }
    }
  }
  return out;
}

const k = (v: number): string => (v / 1000).toFixed(1);
const cell = (e: Estimate): string => {
  if (e.quality === 'suppressed') return 'suppressed (CV)';
  const flag = e.quality === 'referencial' ? ' *' : '';
  return `${k(e.value)} [${k(e.low)}, ${k(e.high)}]${flag}`;
};

export function textReport(years: YearTables[]): string {
  const lines: string[] = [];
  for (const y of years) {
    const c = y.classified;
    if (y.synthetic) lines.push(`*** ${SYNTHETIC_LABEL} ***`);
    lines.push(`${y.source} — ${y.year}; rules ${c.rules.path}; minimum wage / RMV S/ ${c.minimumWage.value} (${c.minimumWage.source})`);
    lines.push('thousand persons, 95 % interval in brackets / miles de personas, intervalo al 95 % entre corchetes; * CV > ' +
      `${(c.rules.cvFlag * 100).toFixed(0)} %: referencial (INEI)`);
    if (c.unknownActivity.count > 0) lines.push(`unknown activity codes / códigos de actividad desconocidos: ${c.unknownActivity.count} records (weighted ${k(c.unknownActivity.weighted)} thousand), kept in "Unclassified"`);
    if (c.unknownOccupation.count > 0) lines.push(`unknown or missing occupation codes / ocupaciones desconocidas: ${c.unknownOccupation.count} records (classified by activity only)`);
    let dim = '';
    const width = Math.max(24, ...y.rows.map((r) => r.category.length + 2));
    for (const r of y.rows) {
      if (r.dimension !== dim) {
        dim = r.dimension;
        lines.push('', `by ${dim}`.padEnd(width) + ['green / verdes', 'in transition / en transición', 'other / otros', 'all / total'].map((h) => h.padEnd(32)).join(''));
      }
      lines.push(r.category.padEnd(width) + [r.totals.green, r.totals.transition, r.totals.other, r.totals.total].map((e) => cell(e).padEnd(32)).join(''));
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function jsonReport(years: YearTables[]): unknown {
  return years.map((y) => ({
    ...(y.synthetic ? { label: SYNTHETIC_LABEL } : {}),
    synthetic: y.synthetic,
    year: y.year,
    source: y.source,
    rules: y.classified.rules.path,
    minimumWage: y.classified.minimumWage,
    unknownActivityCodes: y.classified.unknownActivity,
    unknownOccupationCodes: y.classified.unknownOccupation,
    rows: y.rows,
  }));
}
