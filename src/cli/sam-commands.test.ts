/** `igem sam` in process: check and balance on small fixtures, and exit status 2 with a located message on bad input. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkSamBalance, readSam } from '../econ/sam/index.js';
import { runCli } from './test-support.js';
import { registerSamCommands } from './sam-commands.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fx = (f: string): string => join(root, 'src/econ/sam/test-fixtures', f);
const dir = mkdtempSync(join(tmpdir(), 'igem-cli-sam-'));

const igem = (...args: string[]) => runCli(registerSamCommands, ['sam', ...args]);

afterEach(() => {
  process.exitCode = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('igem sam check', () => {
  it('reports a balanced SAM with exit 0 and an unbalanced one with every gap and exit 2', async () => {
    const ok = await igem('check', fx('tiny.csv'));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/balanced: every account/);
    const bad = await igem('check', fx('unbalanced.csv'), '--json');
    expect(bad.code).toBe(2);
    const report = JSON.parse(bad.out) as { gaps: { code: string; gap: number; where: string }[] };
    expect(report.gaps.map((g) => [g.code, g.gap])).toEqual([['com', 1], ['hh', -1]]);
    expect(report.gaps[0].where).toMatch(/unbalanced\.csv:3:1$/);
    expect((await igem('check', fx('unbalanced.csv'), '--absolute', '2')).code).toBe(0);
  });

  it('exits 2 naming the file and account for bad input', async () => {
    const r = await igem('check', fx('badtype.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/badtype\.csv:3:5: account "com": unknown account type "widget"/);
    const nonsq = await igem('check', fx('nonsquare.csv'));
    expect([nonsq.code, nonsq.err]).toEqual([2, expect.stringMatching(/must be square/)]);
    const missing = await igem('check', fx('tiny-nodesc.csv'), '--descriptor', fx('missing.descriptor.json'));
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/account "hh" is not in the descriptor/)]);
  });
});

describe('igem sam balance', () => {
  it('cross-entropy balances the unbalanced fixture, keeping fixed values, and reports the moves', async () => {
    const out = join(dir, 'ce.csv');
    const r = await igem('balance', fx('unbalanced.csv'), '--method', 'cross-entropy', '--out', out, '--fix', fx('fix-cell.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/cells moved: \d+ of 16/);
    const sam = readSam(out);
    expect(checkSamBalance(sam, { relative: 1e-9 }).balanced).toBe(true);
    expect(sam.values[1][0]).toBe(6);
    expect(sam.values[3][2]).toBeCloseTo(4.5, 9);
  });

  it('cross-entropy with --keep-totals holds each account at the mean of its row and column total where feasible', async () => {
    const out = join(dir, 'keep.csv');
    const r = await igem('balance', fx('tiny.csv'), '--method', 'cross-entropy', '--keep-totals', '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).moves.moved).toBe(0); // already balanced: nothing moves
    expect(readSam(out).values).toEqual(readSam(fx('tiny.csv')).values);
  });

  it('RAS balances to the account totals from --fix (XLSX out)', async () => {
    const out = join(dir, 'ras.xlsx');
    const r = await igem('balance', fx('unbalanced.csv'), '--prior', fx('unbalanced.csv'), '--method', 'ras', '--out', out, '--fix', fx('fix-total.csv'), '--json');
    expect(r.code).toBe(0);
    // The fixture's structure leaves one answer for totals act = com = 12, lab = hh = 4.5 (worked by hand).
    const sam = readSam(out);
    const want = [[0, 12, 0, 0], [7.5, 0, 0, 4.5], [4.5, 0, 0, 0], [0, 0, 4.5, 0]];
    sam.values.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 8)));
    expect(checkSamBalance(sam, { relative: 1e-9 }).balanced).toBe(true);
    expect(JSON.parse(r.out).method).toBe('ras');
  });

  it('exits 2 for a bad method, a missing --out, a fix naming an unknown account or a fix RAS cannot take', async () => {
    expect((await igem('balance', fx('tiny.csv'), '--method', 'magic', '--out', join(dir, 'x.csv'))).err).toMatch(/--method: must be "ras" or "cross-entropy"/);
    expect((await igem('balance', fx('tiny.csv'), '--method', 'ras')).err).toMatch(/--out: name the file/);
    const bad = await igem('balance', fx('tiny.csv'), '--method', 'ras', '--out', join(dir, 'x.csv'), '--fix', fx('fix-bad.csv'));
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/fix-bad\.csv:2:7: account "nowhere" is not in the SAM/)]);
    const rasCell = await igem('balance', fx('tiny.csv'), '--method', 'ras', '--out', join(dir, 'x.csv'), '--fix', fx('fix-cell.csv'));
    expect([rasCell.code, rasCell.err]).toEqual([2, expect.stringMatching(/RAS takes only account totals/)]);
  });
});
