/**
 * The COVID-19 shock of the Peru model by sector (issue 11, model v2): `COVID Output Loss[Sector]` comes from
 * INEI's real growth by activity (models/peru/calibration/covid-shock.mjs computes the tables). Checks that the
 * sector losses weighted by 2019 value added reproduce the aggregate WDI loss, that peru.mdl carries the
 * script's losses, and that mining (which follows INEI's volume index after 2011) gets no separate shock.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import type { RunResult } from '../../sd/run/types.js';
import { valueAtYear } from './run.js';

const SECTORS = ['agriculture', 'fishing', 'mining', 'manufacturing', 'construction', 'utilities', 'services'] as const;
const YEARS = [2020, 2021, 2022] as const;

interface ShockTables {
  shares2019: Record<string, number>;
  applied: string[];
  losses: Record<string, Record<string, number>>;
  check: { year: number; weighted: number; aggregate: number }[];
}

let tables: ShockTables;
let bau: RunResult;

beforeAll(() => {
  const r = spawnSync(process.execPath, [join('models', 'peru', 'calibration', 'covid-shock.mjs'), '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`covid-shock.mjs failed: ${r.stderr}`);
  tables = JSON.parse(r.stdout) as ShockTables;
  bau = loadModel(join(process.cwd(), 'models', 'peru', 'peru.mdl')).run();
});

function at(name: string, year: number): number {
  const s = bau.get(name);
  if (!s) throw new Error(`no series ${name}`);
  return valueAtYear(bau, s, year);
}

describe('COVID-19 output loss by sector (INEI growth by activity)', () => {
  it('2019 shares are those of a real GDP split: positive, services the largest, summing to 1', () => {
    const w = tables.shares2019;
    for (const s of SECTORS) expect(w[s]).toBeGreaterThan(0);
    expect(Object.values(w).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
    // INEI 2019 at 2007 prices: mining and manufacturing about 12-13 % each, services with taxes about 60 %.
    expect(w.mining).toBeGreaterThan(0.1);
    expect(w.mining).toBeLessThan(0.15);
    expect(w.services).toBeGreaterThan(0.55);
    expect(w.services).toBeLessThan(0.65);
  });

  it('weighted by 2019 value added, the sector losses reproduce the WDI aggregate loss within 0.5 points', () => {
    // 2020 is a real check (INEI's first-release sector figures against WDI's revised GDP: -11.1 % and -10.9 %);
    // in 2021-2022 services are the WDI residual, so there the check holds by construction.
    expect(tables.check.map((c) => c.year)).toEqual([...YEARS]);
    for (const c of tables.check) expect(Math.abs(c.weighted - c.aggregate)).toBeLessThan(0.005);
    const y2020 = tables.check[0]!;
    expect(y2020.aggregate).toBeCloseTo(0.1285, 3); // the former uniform loss was 12.8 %
  });

  it('peru.mdl carries the script\'s losses (1 - COVID Output Factor outside mining)', () => {
    expect(tables.applied).toEqual(SECTORS.filter((x) => x !== 'mining'));
    for (const s of tables.applied) {
      for (const y of YEARS) expect(1 - at(`COVID Output Factor[${s}]`, y)).toBeCloseTo(tables.losses[s]![String(y)]!, 4);
    }
  });

  it('agriculture, which grew in 2020 (INEI +1.3 %), loses about 1 % instead of the uniform 12.8 %; services lose more', () => {
    expect(tables.losses.agriculture!['2020']).toBeLessThan(0.02);
    expect(tables.losses.services!['2020']).toBeGreaterThan(0.12);
    expect(at('COVID Output Factor[agriculture]', 2020)).toBeGreaterThan(0.98);
  });

  it('mining: no separate shock, the sector follows the INEI volume index that already holds the 2020 fall', () => {
    for (const y of YEARS) expect(at('COVID Output Factor[mining]', y)).toBe(1);
    // the volume path carries the data: -13.16 % in 2020 (INEI), so the pipeline effect falls with it
    const fall = at('Mining VA Volume Path', 2020) / at('Mining VA Volume Path', 2019) - 1;
    expect(fall).toBeCloseTo(-0.1316, 3);
    expect(at('Mining Pipeline Effect[mining]', 2020)).toBeLessThan(at('Mining Pipeline Effect[mining]', 2019));
    // The script's mining row is the whole sector's loss, the one the index carries (2020 and 2021 are the same INEI
    // rates; 2022 differs, see covid-shock.mjs), not the non-copper loss the model applied before branch mining-va.
    for (const y of [2020, 2021]) {
      const carried = 1 - at('Mining VA Volume Path', y) / at('Mining VA Volume Path', 2019) / 1.022 ** (y - 2019);
      expect(tables.losses.mining![String(y)], String(y)).toBeCloseTo(carried, 4);
    }
  });

  it('leaves the years before 2020 and from 2023 untouched', () => {
    for (const s of SECTORS) {
      for (const y of [2015, 2019, 2023, 2030]) expect(at(`COVID Output Factor[${s}]`, y)).toBe(1);
    }
  });
});
