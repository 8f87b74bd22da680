import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { setLang } from '../i18n.js';
import { buildWorkbook } from '../export/xlsx.js';
import { headlineRows, headlineSheet, headlineTable, sectorSheet, type ScenarioResults } from './results-rows.js';
import type { CgeResult, GreenJobsResult, SectorJobs } from './results-api.js';

// Answers shaped as the server's (routes-results.ts), small enough to check by hand.
const jobs = (green: number, informal: number): SectorJobs => ({ green, transition: 2, other: 10, formal: green + 12 - informal, informal, total: green + 12 });
const io = (g: number): GreenJobsResult => ({
  year: 2030,
  years: [2019, 2030],
  unit: { es: 'miles de personas', en: 'thousand persons' },
  sectors: [
    { id: 'Agriculture', label: { es: 'Agricultura', en: 'Agriculture' }, scenario: jobs(g, 5), baseline: jobs(1, 5) },
    { id: 'Energy', label: { es: 'Energía', en: 'Energy' }, scenario: jobs(3, 4), baseline: jobs(3, 4) },
  ],
  total: { scenario: jobs(g + 3, 9), baseline: jobs(4, 9) },
  cached: false,
});
const change = (changePct: number | null) => ({ base: 100, value: 100 + (changePct ?? 0), changePct });
const cge = (ev: number): CgeResult => ({
  year: 2030,
  years: [2030],
  recycling: 'lumpsum',
  recyclingLabel: { es: 'Transferencia', en: 'Transfer' },
  recyclingOptions: [],
  assumptions: [],
  converged: true,
  maxResidual: 1e-9,
  numeraire: 'cpi',
  money: { es: 'millones de soles', en: 'million soles' },
  indicators: { realGdp: change(-0.25), cpi: change(0), revenue: change(3.5), fuelUse: change(-4), co2: change(-5.126) },
  revenue: [],
  households: [
    { code: 'urb-q1', label: { es: 'Urbano Q1', en: 'Urban Q1' }, ev: 1, evPct: ev },
    { code: 'rur-q1', label: { es: 'Rural Q1', en: 'Rural Q1' }, ev: -1, evPct: 0 - ev / 2 },
  ],
  cached: true,
});
const answers: ScenarioResults[] = [{ jobs: io(1), cge: cge(0) }, { jobs: io(6), cge: cge(0.4) }];

describe('IO and CGE results as rows', () => {
  afterEach(() => setLang('en'));

  it('headline rows carry each scenario’s jobs split, CGE changes and EV by household group, in Spanish', () => {
    setLang('es');
    const t = headlineTable(['BAU', 'Impuesto'], answers);
    expect(t.header).toEqual(['Indicador', 'BAU', 'Impuesto']);
    const row = (label: string) => t.rows.find((r) => r[0] === label)?.slice(1);
    expect(row('Empleos verdes (miles de personas)')).toEqual(['4', '9']);
    expect(row('Empleos informales (miles de personas)')).toEqual(['9', '9']);
    expect(row('Empleo total (miles de personas)')).toEqual(['16', '21']);
    expect(row('PBI real (% de cambio)')).toEqual(['−0,25 %', '−0,25 %']);
    expect(row('Recaudación tributaria (% de cambio)')).toEqual(['+3,50 %', '+3,50 %']);
    expect(row('CO₂ de combustibles (% de cambio)')).toEqual(['−5,13 %', '−5,13 %']);
    expect(row('VE Urbano Q1 (% del ingreso)')).toEqual(['0,00 %', '+0,40 %']);
    expect(row('VE Rural Q1 (% del ingreso)')).toEqual(['0,00 %', '−0,20 %']);
    expect(t.rows).toHaveLength(6 + 4 + 2);
  });

  it('in English, and a model with only one family gives only its rows', () => {
    expect(headlineRows([{ cge: cge(1) }]).map((r) => r.label)).toEqual([
      'Real GDP (% change)', 'Consumer prices (CPI) (% change)', 'Tax revenue (% change)', 'Fuel CO₂ (% change)', 'EV Urban Q1 (% of income)', 'EV Rural Q1 (% of income)',
    ]);
    expect(headlineRows([{ jobs: io(1) }]).map((r) => r.label)[0]).toBe('Green jobs (thousand persons)');
    expect(headlineRows([{}])).toEqual([]);
  });

  it('jobs by sector as a sheet: the scenario split both ways, business as usual, the total', () => {
    setLang('es');
    const s = sectorSheet(io(6));
    expect(s[1]).toEqual(['Sector', 'Empleos verdes (miles de personas)', 'Empleos en transición (miles de personas)', 'Otros empleos (miles de personas)', 'Empleos formales (miles de personas)', 'Empleos informales (miles de personas)', 'Empleo total (miles de personas)', 'Empleo total, Tendencial (BAU) (miles de personas)']);
    expect(s[2]).toEqual(['Agricultura', 6, 2, 10, 13, 5, 18, 13]);
    expect(s[4]).toEqual(['Total', 9, 2, 10, 12, 9, 21, 16]);
  });

  it('the Excel export holds the results sheets with numbers, after the series', () => {
    setLang('en');
    const bytes = buildWorkbook([['Carbon Price', 100, 0, 'USD/tCO2']], [{ name: 'Current', time: [2030], names: ['x'], series: [[1]] }], [
      { name: 'IO and CGE', rows: headlineSheet(['BAU', 'Tax'], answers, 2030) },
      { name: 'Green jobs', rows: sectorSheet(answers[1]!.jobs!) },
    ]);
    const wb = XLSX.read(bytes);
    expect(wb.SheetNames).toEqual(['Levers', 'Current', 'IO and CGE', 'Green jobs']);
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['IO and CGE']!, { header: 1 });
    expect(rows[1]).toEqual(['Indicator', 'BAU', 'Tax']);
    expect(rows.find((r) => r[0] === 'EV Rural Q1 (% of income)')).toEqual(['EV Rural Q1 (% of income)', 0, -0.2]);
    expect(rows.find((r) => r[0] === 'Real GDP (% change)')).toEqual(['Real GDP (% change)', -0.25, -0.25]);
    const sectors = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['Green jobs']!, { header: 1 });
    expect(sectors[3]).toEqual(['Energy', 3, 2, 10, 11, 4, 15, 15]);
  });
});
