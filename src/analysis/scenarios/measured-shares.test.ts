/**
 * Indicators that carry a survey-measured share of green jobs (youth, women) into the scenario
 * report: the share read from the splits file `igem greenjobs export-io` writes, applied to the
 * IO green-jobs series, and clear errors when the split or the file is missing.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitsFromGrid } from '../../econ/greenjobs/read-splits.js';
import { parseCsv } from '../../econ/io/csv.js';
import type { GreenJobsSeries } from './green-jobs.js';
import { indicatorValue } from './indicators.js';
import { readProject } from './project.js';
import type { ScenarioRun } from './run.js';

const TOY = `{UTF-8}
Stock = INTEG(rate, 1) ~ Widget ~ |
rate = Stock * growth ~ Widget/Year ~ |
growth = 0.1 ~ 1/Year ~ |
INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 10 ~ Year ~ |
TIME STEP = 1 ~ Year ~ |
SAVEPER = 1 ~ Year ~ |
`;

const SPLITS = `year,indicator,value,unit,se,ci_low,ci_high,source
2022,green_jobs,1000,persons,50,902,1098,SYNTHETIC s.csv
2022,green_jobs_share_held_by_women,0.25,fraction,0.02,0.21,0.29,SYNTHETIC s.csv
2022,green_jobs_sex_female,250,persons,20,211,289,SYNTHETIC s.csv
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'igem-shares-'));
  for (const [name, text] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

function project(indicators: unknown[], greenJobsExtra: Record<string, unknown> = { measuredSplits: 'splits.csv' }): string {
  return folder({
    'project.json': JSON.stringify({
      model: 'm.mdl', baseline: 'base', scenarios: 'scenarios', indicators: 'ind.json', years: [10],
      greenJobs: { table: 'io.csv', mapping: 'link.json', classification: 'cls.csv', informality: 'inf.csv', baseYear: 2019, ...greenJobsExtra },
    }),
    'm.mdl': TOY, 'ind.json': JSON.stringify(indicators), 'scenarios/base.json': '{}',
    'io.csv': '', 'link.json': '{}', 'cls.csv': '', 'inf.csv': '', 'splits.csv': SPLITS,
  });
}

const jobs: GreenJobsSeries = { years: [2030, 2050], green: [400_000, 800_000], transition: [1, 2], total: [10, 20] };
const noRun = {} as ScenarioRun;

describe('measured shares of green jobs in indicators', () => {
  it('multiplies the jobs series by the split read from the file, in every year', () => {
    const p = project([{ id: '8.b', name: "Women's green jobs", source: 'green jobs', share: 'green_jobs_share_held_by_women', scale: 0.001 }]);
    const spec = readProject(p).indicators[0];
    expect(spec.share).toMatchObject({ name: 'green_jobs_share_held_by_women', value: 0.25, low: 0.21, high: 0.29, year: 2022, synthetic: true });
    expect(indicatorValue(spec, noRun, 2030, jobs)).toBeCloseTo(400_000 * 0.25 * 0.001, 12);
    expect(indicatorValue(spec, noRun, 2050, jobs)).toBeCloseTo(800_000 * 0.25 * 0.001, 12);
  });

  it('names the field and lists the shares the file has when the split is unknown', () => {
    const p = project([{ id: '8.b', name: 'Youth', source: 'green jobs', share: 'green_jobs_share_held_by_youth' }]);
    expect(() => readProject(p)).toThrow(/ind\.json.*share.*no split "green_jobs_share_held_by_youth".*green_jobs_share_held_by_women/);
  });

  it('refuses a split that is not a fraction, a share on a model indicator, and a share without the file', () => {
    const notFraction = project([{ id: '8.b', name: 'F', source: 'green jobs', share: 'green_jobs_sex_female' }]);
    expect(() => readProject(notFraction)).toThrow(/split "green_jobs_sex_female" is 250 persons, not a fraction/);
    const onModel = project([{ id: 'x', name: 'S', variable: 'Stock', share: 'green_jobs_share_held_by_women' }]);
    expect(() => readProject(onModel)).toThrow(/share.*applies to "green jobs" or "jobs in transition" indicators only/);
    const noFile = project([{ id: '8.b', name: 'W', source: 'green jobs', share: 'green_jobs_share_held_by_women' }], {});
    expect(() => readProject(noFile)).toThrow(/needs "greenJobs\.measuredSplits"/);
  });

  it('locates a bad number in the splits file', () => {
    const grid = parseCsv('year,indicator,value,unit,se,ci_low,ci_high,source\n2022,a,abc,fraction,0,0,1,x\n', 'bad.csv');
    expect(() => splitsFromGrid(grid)).toThrow(/bad\.csv:2:8: "abc" is not a number/);
  });

  it('the Peru project reads its youth and women shares from the measured splits file', () => {
    const peru = readProject(resolve('models/peru'));
    const file = peru.greenJobs!.measuredSplits!;
    // Read the file independently of the reader under test.
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
    const valueOf = (name: string): number => Number(lines.find((l) => l[1] === name)![2]);
    const youth = peru.indicators.find((i) => i.share?.name === 'green_jobs_share_held_by_youth_15-29');
    const women = peru.indicators.find((i) => i.share?.name === 'green_jobs_share_held_by_women');
    expect(youth?.share?.value).toBe(valueOf('green_jobs_share_held_by_youth_15-29'));
    expect(women?.share?.value).toBe(valueOf('green_jobs_share_held_by_women'));
    expect(youth!.share!.low).toBeLessThan(youth!.share!.value);
    expect(women!.share!.high).toBeGreaterThan(women!.share!.value);
  });
});
