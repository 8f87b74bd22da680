/** The SD → IO link on a run built by hand (time vector + named series), as the SD engine returns it. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sd/ir/diagnostics.js';
import type { RunResult } from '../../sd/run/types.js';
import { splitJobs, type GreenSpec } from './greenjobs.js';
import { linkRunToIo, linkRows, validateLinkMapping, valueAt, wholeYears } from './link.js';
import { buildModels } from './multipliers.js';
import { randomBalancedTable } from './random-table.js';

function run(time: number[], columns: Record<string, number[]>): RunResult {
  const names = Object.keys(columns);
  const series = names.map((n) => Float64Array.from(columns[n]));
  return {
    time: Float64Array.from(time),
    names,
    series,
    get: (name) => series[names.findIndex((n) => n.toLowerCase() === name.toLowerCase())],
  };
}

const table = randomBalancedTable(4, 9);
const time = [2025, 2025.5, 2026, 2026.5, 2027];
// Investment ramps 100 → 200 over two years; irrigation is constant.
const scenario = run(time, { 'Solar investment': [100, 125, 150, 175, 200], 'Irrigation spending': [30, 30, 30, 30, 30] });
const mapping = validateLinkMapping(
  {
    entries: [
      { variable: 'Solar investment', sectors: { S1: 0.5, S2: 0.3 }, scale: 2 },
      { variable: 'irrigation spending', sectors: { S3: 1 }, mode: 'change' },
    ],
  },
  'mapping.json',
  table.sectors,
);

describe('SD link', () => {
  it('samples whole years and turns variables into final demand by sector', () => {
    const r = linkRunToIo(scenario, mapping, { table });
    expect(r.years).toEqual([2025, 2026, 2027]);
    // Solar: value × scale 2 × share; irrigation in "change" mode: value − first-year value = 0.
    expect(r.finalDemand).toEqual([
      [100, 60, 0, 0],
      [150, 90, 0, 0],
      [200, 120, 0, 0],
    ]);
  });

  it('output, value added and jobs follow from L·Δf each year', () => {
    const r = linkRunToIo(scenario, mapping, { table });
    const { open } = buildModels(table);
    r.years.forEach((_, t) => {
      const x = open.outputFor(r.finalDemand[t]);
      x.forEach((v, j) => expect(r.output[t][j]).toBeCloseTo(v, 9));
      const jobsPer = table.satellites[0].values.map((e, j) => e / table.x[j]);
      x.forEach((v, j) => expect(r.jobs![t][j]).toBeCloseTo(v * jobsPer[j], 9));
    });
    // Linear in demand: year 2027 demand is 2× year 2025.
    r.output[2].forEach((v, j) => expect(v).toBeCloseTo(2 * r.output[0][j], 9));
  });

  it('type 2 adds induced effects; green jobs split the jobs of each year', () => {
    const green: GreenSpec = { environmentalShare: [1, 0.5, 0, 0], formalShare: [0.5, 0.5, 0.5, 1], basis: { environmental: 't', formal: 't' } };
    const r1 = linkRunToIo(scenario, mapping, { table, green });
    const r2 = linkRunToIo(scenario, { ...mapping, type: 2 }, { table, green });
    r2.output[0].forEach((v, j) => expect(v).toBeGreaterThan(r1.output[0][j]));
    const split = splitJobs(r1.jobs![1], green);
    expect(r1.greenJobs![1]).toEqual(split.green);
    expect(r1.jobsInTransition![1]).toEqual(split.transition);
    expect(r1.greenJobs![1][0]).toBeCloseTo(r1.jobs![1][0] * 0.5, 12);
    const rows = linkRows(r1);
    expect(rows).toContainEqual([2026, 'S1', 'green_jobs', r1.greenJobs![1][0]]);
  });

  it('a baseline run is subtracted', () => {
    const baseline = run(time, { 'Solar investment': [100, 100, 100, 100, 100], 'Irrigation spending': [30, 30, 30, 30, 30] });
    const r = linkRunToIo(scenario, mapping, { table, baseline });
    expect(r.finalDemand.map((f) => f[0])).toEqual([0, 50, 100]); // (scenario − baseline) × scale 2 × share 0.5
  });

  it('interpolates between saved times and needs at least one whole year', () => {
    expect(valueAt([2020, 2022], [0, 10], 2021)).toBe(5);
    expect(wholeYears([2020.2, 2021.9])).toEqual([2021]);
    expect(() => wholeYears([2020.2, 2020.8])).toThrow(/no whole year/);
  });

  it('bad mappings and missing variables name the field', () => {
    const bad = (m: unknown): string => {
      try {
        validateLinkMapping(m, 'map.json', table.sectors);
      } catch (err) {
        if (err instanceof InputError) return err.message;
      }
      return 'no error';
    };
    expect(bad({ entries: [{ variable: 'x', sectors: { Nowhere: 1 } }] })).toMatch(/^map\.json: entries\[0\]\.sectors: unknown sector "Nowhere"/);
    expect(bad({ entries: [{ variable: 'x', sectors: { S1: 0.7, S2: 0.6 } }] })).toMatch(/entries\[0\]\.sectors: shares add up to 1\.3/);
    expect(bad({ entries: [{ variable: 'x', sectors: { S1: 1 }, mode: 'delta' }] })).toMatch(/entries\[0\]\.mode: must be "level" or "change"/);
    expect(bad({ entries: [] })).toMatch(/map\.json: entries: must be a non-empty list/);
    const m = validateLinkMapping({ entries: [{ variable: 'Wind investment', sectors: { S1: 1 } }] }, 'map.json', table.sectors);
    expect(() => linkRunToIo(scenario, m, { table, where: 'map.json' })).toThrow(/map\.json: entries\[0\]\.variable: the run has no output named "Wind investment"/);
  });
});
