/** `igem greenjobs` in process: measure (text, JSON, CSV, XLSX), rules, and exit status 2 on bad input. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { runCli } from './test-support.js';
import { registerGreenjobsCommands } from './greenjobs-commands.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const small = join(root, 'src/econ/greenjobs/test-fixtures/enaho-500-small.csv');
const synthetic = join(root, 'models/peru/greenjobs/data/SYNTHETIC-enaho-2022-500.csv');
const descriptor = join(root, 'models/peru/greenjobs/descriptors/enaho-2022-500.json');
const dir = mkdtempSync(join(tmpdir(), 'igem-cli-gj-'));

const igem = (...args: string[]) => runCli(registerGreenjobsCommands, ['greenjobs', ...args]);

afterEach(() => {
  process.exitCode = undefined;
});

describe('igem greenjobs', () => {
  it('measure --json gives the hand-made file\'s green and transition totals', async () => {
    const r = await igem('measure', small, '--descriptor', descriptor, '--json', '--lonely-psu', 'certainty');
    expect(r.code).toBe(0);
    const [y] = JSON.parse(r.out) as { synthetic: boolean; rows: { dimension: string; totals: { green: { value: number }; transition: { value: number } } }[] }[];
    expect(y.synthetic).toBe(false);
    const all = y.rows.find((x) => x.dimension === 'all')!;
    expect(all.totals.green.value).toBe(250.5 + 110);
    expect(all.totals.transition.value).toBeCloseTo(180.25 + 0.03 * 90 + 0.03 * 95.5, 10);
  });

  it('measure on the SYNTHETIC sample labels text, CSV and XLSX output', async () => {
    const text = await igem('measure', synthetic, '--descriptor', descriptor, '--by', 'sector,sex,age,region');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^\*\*\* SYNTHETIC data/);
    expect(text.out).toMatch(/by region/);
    const csv = join(dir, 'out.csv');
    expect((await igem('measure', synthetic, '--descriptor', descriptor, '--out', csv)).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^data,year,dimension,category,measure,n,total,se,ci_low,ci_high/);
    expect(lines.slice(1).every((l) => l.startsWith('SYNTHETIC,2022,'))).toBe(true);
    const xlsx = join(dir, 'out.xlsx');
    expect((await igem('measure', synthetic, '--descriptor', descriptor, '--out', xlsx)).code).toBe(0);
    const book = XLSX.read(readFileSync(xlsx));
    expect(book.SheetNames).toEqual(['SYNTHETIC green jobs']);
  });

  it('rules prints the definition in force in both languages', async () => {
    const r = await igem('rules');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/EN: Employment in the environmental sector/);
    expect(r.out).toMatch(/ES: Empleo en el sector ambiental/);
    expect(r.out).toMatch(/2022-05-01 S\/ 1025 \(Decreto Supremo 003-2022-TR\)/);
  });

  it('exits 2 with file, line and field on bad input', async () => {
    const text = readFileSync(small, 'utf8').split('\n');
    const bad = join(dir, 'unknown.csv');
    writeFileSync(bad, [text[0], text[1].replace(',3811,3,', ',0400,3,'), ...text.slice(2)].join('\n'));
    const r = await igem('measure', bad, '--descriptor', descriptor);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown\.csv:2: field activity: 1 record\(s\)/);
    const kept = await igem('measure', bad, '--descriptor', descriptor, '--unknown', 'keep', '--lonely-psu', 'certainty');
    expect(kept.code).toBe(0);
    expect(kept.out).toMatch(/unknown activity codes .*: 1 records/);
    const missing = await igem('measure', small, '--descriptor', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.json: file not found/);
    const badDims = await igem('measure', small, '--descriptor', descriptor, '--by', 'colour');
    expect(badDims.code).toBe(2);
    expect(badDims.err).toMatch(/--by: unknown dimension "colour"/);
    const oneStratum = join(dir, 'lonely.csv');
    writeFileSync(oneStratum, text.filter((l) => !l.includes(',005002,')).join('\n'));
    const lonely = await igem('measure', oneStratum, '--descriptor', descriptor);
    expect(lonely.code).toBe(2);
    expect(lonely.err).toMatch(/stratum "1" has a single PSU/);
  });
});
