/**
 * `igem io` end to end, in process: the commands on the textbook fixture, the Peru table and a
 * tiny .mdl model, their JSON and CSV outputs, and exit status 2 with a located message on bad input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LeontiefModel, loadIoTable } from '../econ/io/index.js';
import { runCli } from './test-support.js';
import { registerIoCommands } from './io-commands.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (f: string): string => join(root, 'src/econ/io/test-fixtures', f);
const peru = join(root, 'models/peru/io/peru-io-2019-estimated.csv');
const dir = mkdtempSync(join(tmpdir(), 'igem-cli-io-'));

const igem = (...args: string[]) => runCli(registerIoCommands, ['io', ...args]);

afterEach(() => {
  process.exitCode = undefined;
});

describe('igem io multipliers', () => {
  it('--json has sectors, leontief and output multipliers (Miller & Blair values)', async () => {
    const r = await igem('multipliers', fixture('miller-blair-2x2.csv'), '--json', '--type', '2');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.sectors).toEqual(['Sector 1', 'Sector 2']);
    expect(j.leontief.map((row: number[]) => row.map((v) => +v.toFixed(3)))).toEqual([[1.254, 0.33], [0.264, 1.122]]);
    expect(j.output_multipliers_type1.map((v: number) => +v.toFixed(3))).toEqual([1.518, 1.452]);
    expect(j.output_multipliers.map((v: number) => +v.toFixed(3))).toEqual([1.892, 1.773]);
    expect(j.leontief_closed[2].map((v: number) => +v.toFixed(3))).toEqual([0.57, 0.489, 1.289]);
  });

  it('--out writes one CSV row per sector', async () => {
    const out = join(dir, 'm.csv');
    const r = await igem('multipliers', peru, '--type', '2', '--out', out);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(16);
    expect(lines[0]).toMatch(/^sector,output_type1,output_type2,output_total,income_simple/);
    expect(lines[1]).toMatch(/^Agriculture,/);
  });

  it('SAM accounting multipliers with chosen exogenous accounts', async () => {
    const r = await igem('multipliers', fixture('miller-blair-sam.csv'), '--sam', '--exogenous', 'Other value added,Other final demand', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).multipliers[2].map((v: number) => +v.toFixed(3))).toEqual([0.57, 0.489, 1.289]);
  });
});

describe('igem io greenjobs, impact, check on the Peru table', () => {
  it('greenjobs prints green jobs, jobs in transition and other jobs by sector, labelled ESTIMATED', async () => {
    const r = await igem('greenjobs', peru);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ESTIMATED');
    expect(r.out).toMatch(/sector\s+jobs\s+environmental_share\s+formal_share\s+green_jobs\s+jobs_in_transition\s+other_jobs/);
    const j = JSON.parse((await igem('greenjobs', peru, '--json')).out);
    const t = j.base_year.totals;
    expect(t.green + t.transition + t.other).toBeCloseTo(t.total, 6);
    // Employment in the table is ENAHO's 2019 total (18,049.074 thousand), split by sector and rounded.
    expect(t.total).toBeCloseTo(18049.074, 0);
    expect(j.sectors).toHaveLength(15);
  });

  it('greenjobs with a programme and the demand it displaces prints gross, displaced and net', async () => {
    const shocks = join(root, 'models/peru/io/shocks');
    const r = await igem('greenjobs', peru, '--demand', join(shocks, 'renewable-power-programme.csv'), '--displaced', join(shocks, 'displaced-gas-power.csv'), '--json', '--type', '2');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['total', 'green', 'transition', 'other'] as const) {
      expect(j.net.total.totals[k]).toBeCloseTo(j.gross.total.totals[k] - j.displaced_effect.total.totals[k], 9);
    }
    expect(j.gross.induced).not.toBeNull();
    // The programme's own demand is environmental (environmental_share 1), so all its direct jobs are green or in transition.
    expect(j.gross.direct.totals.other).toBeCloseTo(0, 9);
  });

  it('impact: totals equal L·Δf; structural paths listed', async () => {
    const shock = join(dir, 'shock.csv');
    writeFileSync(shock, 'sector,value\nConstruction,100\n');
    const r = await igem('impact', peru, '--demand', shock, '--json', '--paths', '3');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const { table } = loadIoTable(peru);
    const x = new LeontiefModel(table).outputFor(table.sectors.map((s) => (s === 'Construction' ? 100 : 0)));
    j.output.total.forEach((v: number, i: number) => expect(v).toBeCloseTo(x[i], 9));
    expect(j.structural_paths.paths).toHaveLength(3);
    expect(j.structural_paths.paths[0].names).toEqual(['Construction']);
  });

  it('check reports a balanced table and exits 0', async () => {
    const r = await igem('check', peru);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/balance: \d+ checks.*: balanced/);
  });
});

describe('bad input exits with status 2 and a located message', () => {
  it('unbalanced table: check lists every gap', async () => {
    const bad = join(dir, 'unbalanced.csv');
    writeFileSync(bad, readFileSync(fixture('miller-blair-2x2.csv'), 'utf8').replace('Sector 2,200,100,400,1300,2000', 'Sector 2,200,100,400,1350,2000'));
    const r = await igem('check', bad);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${bad}:3:1: row "Sector 2": intermediate + final demand 2050 ≠ 2000 (gap 50, 2.44 %)`);
    const m = await igem('multipliers', bad);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/not balanced/);
  });

  it('unknown sector in a shock file', async () => {
    const shock = join(dir, 'typo.csv');
    writeFileSync(shock, 'sector,value\nConstrucción,10\n');
    const r = await igem('impact', peru, '--demand', shock);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${shock}:2:1: unknown sector "Construcción" (the table's sectors: Agriculture, Livestock, Forestry, Fishing, Mining, Oil and gas, Food industry, Other manufacturing, Electricity, Water and sanitation, Construction, Trade, restaurants and hotels, Transport, Other services, Public administration)`);
  });

  it('negative flows, malformed CSV, bad --type', async () => {
    const neg = join(dir, 'neg.csv');
    writeFileSync(neg, readFileSync(fixture('miller-blair-2x2.csv'), 'utf8').replace('Sector 1,150,500', 'Sector 1,-150,500'));
    expect((await igem('multipliers', neg)).err).toBe(`error: ${neg}:2:10: negative intermediate flow -150 from "Sector 1" to "Sector 1"; intermediate flows must be ≥ 0`);
    const quote = join(dir, 'quote.csv');
    writeFileSync(quote, ',a,b\na,"1,2\n');
    const q = await igem('check', quote);
    expect(q.code).toBe(2);
    expect(q.err).toBe(`error: ${quote}:2:3: unterminated quoted field (a " is never closed)`);
    const t = await igem('multipliers', fixture('miller-blair-2x2.csv'), '--type', '3');
    expect(t.code).toBe(2);
    expect(t.err).toBe('error: --type: must be 1 or 2, got "3"');
  });
});

describe('igem io link', () => {
  it('runs a tiny .mdl and writes yearly output, jobs and green jobs by sector', async () => {
    const out = join(dir, 'link.csv');
    const r = await igem('link', fixture('solar-programme.mdl'), '--mapping', fixture('solar-mapping.json'), '--table', peru, '--out', out);
    expect(r.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const years = [...new Set(rows.map((r) => Number(r[0])))];
    expect(years).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    // 2027: Solar investment = 100 + 50 × 2 = 200; irrigation 200. Construction demand = 0.45·200 + 0.6·200.
    const value = (y: number, s: string, ind: string): number => Number(rows.find((r) => Number(r[0]) === y && r[1] === s && r[2] === ind)![3]);
    expect(value(2027, 'Construction', 'final_demand_change')).toBeCloseTo(0.45 * 200 + 0.6 * 200, 9);
    const { table } = loadIoTable(peru);
    const df = table.sectors.map((s) => ({ Construction: 210, 'Other manufacturing': 50, 'Other services': 20, Agriculture: 40 } as Record<string, number>)[s] ?? 0);
    const x = new LeontiefModel(table).outputFor(df);
    expect(value(2027, 'Transport', 'output')).toBeCloseTo(x[table.sectors.indexOf('Transport')], 6);
    const jobs = value(2027, 'Construction', 'jobs');
    const green = value(2027, 'Construction', 'green_jobs');
    const transition = value(2027, 'Construction', 'jobs_in_transition');
    expect(green + transition + value(2027, 'Construction', 'other_jobs')).toBeCloseTo(jobs, 9);
    expect(value(2027, 'Electricity', 'GHG emissions')).toBeGreaterThan(0);
  });

  it('an unknown variable in the mapping names the mapping field', async () => {
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ entries: [{ variable: 'Wind investment', sectors: { Construction: 1 } }] }));
    const r = await igem('link', fixture('solar-programme.mdl'), '--mapping', map, '--table', peru);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^error: ${map.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: entries\\[0\\]\\.variable: the run has no output named "Wind investment"`));
  });
});
