/** The indicator table as CSV (one row per scenario, indicator, year and target) and as text. */
import { fmt } from '../report/format.js';
import { textTable } from '../report/text-table.js';
import type { IndicatorTarget } from './indicator-spec.js';
import type { IndicatorTable, TargetCheck } from './indicators.js';

const csvCell = (v: string | number): string => {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Number(v.toPrecision(10))) : '') : v;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function metText(c: TargetCheck): string {
  return c.met === undefined ? 'n/a' : c.met ? 'yes' : 'no';
}

export function indicatorCsv(t: IndicatorTable): string {
  const head = ['scenario', 'indicator_id', 'indicator', 'unit', 'year', 'value', 'target', 'comparison', 'target_value', 'met', 'target_basis'];
  const lines = [head.join(',')];
  for (const r of t.rows) {
    const base = [r.scenario, r.indicator.id, r.indicator.name, r.indicator.unit, r.year, r.value];
    if (r.checks.length === 0) lines.push([...base, '', '', '', '', ''].map(csvCell).join(','));
    for (const c of r.checks) lines.push([...base, c.target.label, c.target.op, c.value, metText(c), c.target.basis].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** A short text for a target as specified, e.g. "<= 208.8 (2030)" or ">= baseline +10 %". */
export function targetSpecText(t: IndicatorTarget): string {
  const years = t.years.length ? ` (${t.years.join(', ')})` : '';
  const what = t.relativeToBaseline === undefined ? fmt(t.value, 4) : `baseline ${t.relativeToBaseline >= 0 ? '+' : ''}${fmt(100 * t.relativeToBaseline, 3)} %`;
  return `${t.op} ${what}${years}`;
}

/** The target of one check with its value in that year. */
export function targetText(c: TargetCheck): string {
  return c.target.relativeToBaseline === undefined ? targetSpecText(c.target) : `${c.target.op} ${fmt(c.value, 4)} (${targetSpecText(c.target)})`;
}

export function valueText(v: number, digits: number): string {
  return fmt(v, digits);
}

/** One line per indicator; a value column per scenario and year; targets and whether they are met. */
export function indicatorText(t: IndicatorTable): string {
  const header = ['SDG', 'indicator', 'unit'];
  for (const s of t.scenarios) for (const y of t.years) header.push(`${s.name} ${y}`);
  header.push('target', 'met');
  const rows: string[][] = [];
  for (const ind of t.indicators) {
    const row = [ind.id, ind.name, ind.unit];
    const met: string[] = [];
    for (const s of t.scenarios) {
      for (const y of t.years) {
        const r = t.rows.find((x) => x.scenario === s.name && x.indicator === ind && x.year === y)!;
        row.push(valueText(r.value, ind.digits));
        for (const c of r.checks) met.push(`${s.name} ${y}${r.checks.length > 1 ? ` ${c.target.label}` : ''}: ${metText(c)}`);
      }
    }
    row.push(ind.targets.map(targetSpecText).join('; ') || '–');
    row.push(met.join(', ') || '–');
    rows.push(row);
  }
  return textTable(header, rows);
}
