/**
 * The Peru indicator table: every indicator has a finite value for every scenario and report
 * year, the NDC caps of 208.8 and 179.0 MtCO2e are checked in 2030 and only then, and the
 * met/missed flags agree with the values. Also the CSV and HTML forms carry every row.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allScenarioNames, analyseScenarios, type ScenarioAnalysis } from './analyse.js';
import { cell } from './indicators.js';
import { readProject } from './project.js';
import { scenarioReportHtml } from './report-html.js';
import { indicatorCsv } from './table-format.js';

let a: ScenarioAnalysis;

beforeAll(() => {
  const project = readProject(join(process.cwd(), 'models', 'peru'));
  a = analyseScenarios(project, allScenarioNames(project));
});

describe('Peru indicator table', () => {
  it('covers the issue list of indicators', () => {
    const ids = new Set(a.table.indicators.map((i) => i.id));
    for (const id of ['8.1.1', '9.2.1', '1.2.1', '8.3.1', '8.5.2', '8.6.1', '7.2.1', '7.3.1', '9.4.1', '6.4.1', '6.4.2', '11.6.1', '12.5.1', '11.6.2', '13.2', '15.1.1']) {
      expect(ids, id).toContain(id);
    }
    expect(a.table.indicators.some((i) => i.source === 'green jobs')).toBe(true);
    expect(a.table.indicators.some((i) => i.source === 'jobs in transition')).toBe(true);
  });

  it('has a finite value for every indicator, scenario and year, with a target', () => {
    expect(a.table.rows.length).toBe(a.runs.length * a.table.indicators.length * a.table.years.length);
    for (const r of a.table.rows) {
      expect(Number.isFinite(r.value), `${r.scenario} ${r.indicator.name} ${r.year}`).toBe(true);
      expect(r.indicator.targets.length, r.indicator.name).toBeGreaterThan(0);
    }
  });

  it('checks total GHG against both NDC caps in 2030, and not in 2050', () => {
    for (const s of a.table.scenarios) {
      const c2030 = cell(a.table, s.name, 'Total GHG emissions', 2030)!;
      expect(c2030.checks.map((c) => c.value).sort()).toEqual([179.0, 208.8]);
      for (const c of c2030.checks) expect(c.met).toBe(c2030.value <= c.value);
      expect(cell(a.table, s.name, 'Total GHG emissions', 2050)!.checks).toEqual([]);
    }
  });

  it('computes baseline-relative targets from the baseline run', () => {
    const bau = cell(a.table, 'bau', 'Green jobs', 2030)!;
    const other = cell(a.table, 'green-investment', 'Green jobs', 2030)!;
    expect(other.checks[0].value).toBeCloseTo(bau.value * 1.1, 6);
    expect(bau.checks[0].met).toBe(false);
  });

  it('writes one CSV line per row and target, and an HTML page naming every scenario', () => {
    const csv = indicatorCsv(a.table).trim().split('\n');
    const expected = a.table.rows.reduce((n, r) => n + Math.max(1, r.checks.length), 0);
    expect(csv.length).toBe(expected + 1);
    expect(csv[0]).toBe('scenario,indicator_id,indicator,unit,year,value,target,comparison,target_value,met,target_basis');
    const html = scenarioReportHtml({ title: 't', table: a.table, runs: a.runs, charts: ['Total GHG Emissions'], jobs: a.jobs, reference: 'bau' });
    for (const s of a.table.scenarios) expect(html).toContain(`>${s.name}<`);
    expect((html.match(/<svg /g) ?? []).length).toBe(2);
    expect(html).not.toMatch(/<script|\b(src|href)=/);
  });
});
