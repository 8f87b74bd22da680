import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertSamBalanced, checkSamBalance } from './check.js';
import { loadSamFile, readSam } from './read.js';
import { readBalancedSam } from './read-balanced.js';
import { samDescriptor, writeEstimated, writeSam, writeSamDescriptor } from './write.js';

const fx = (f: string): string => resolve(import.meta.dirname, 'test-fixtures', f);

describe('readSam', () => {
  it('reads types from a type column (Spanish names) and checks balance', () => {
    const sam = readSam(fx('tiny.csv'));
    expect(sam.accounts.map((a) => a.type)).toEqual(['activity', 'commodity', 'factor', 'household']);
    expect(sam.values[1]).toEqual([6, 0, 0, 4]);
    expect(sam.accounts[2].where).toBe(`${fx('tiny.csv')}:4:1`);
    expect(checkSamBalance(sam).balanced).toBe(true);
  });

  it('takes types, labels, kinds and attributes from the descriptor beside the file and ignores total rows/columns', () => {
    const sam = readSam(fx('tiny-nodesc.csv'));
    expect(sam.title).toBe('tiny');
    expect(sam.accounts[0]).toMatchObject({ code: 'act', label: 'Actividad', type: 'activity' });
    expect(sam.accounts[2]).toMatchObject({ kind: 'labour', attributes: { segment: 'formal' } });
    expect(sam.accounts[3].type).toBe('household');
    expect(sam.values.length).toBe(4);
  });

  it('lists every gap with the account and its location', () => {
    const { sam, tolerance } = loadSamFile(fx('unbalanced.csv'));
    const report = checkSamBalance(sam, tolerance);
    expect(report.balanced).toBe(false);
    // com receives 6+5 = 11 and pays 10; hh receives 4 and pays 5.
    expect(report.gaps.map((g) => [g.code, g.gap])).toEqual([['com', 1], ['hh', -1]]);
    expect(report.gaps[0].where).toBe(`${fx('unbalanced.csv')}:3:1`);
    expect(() => assertSamBalanced(report)).toThrow(/unbalanced\.csv.*not balanced[\s\S]*account "com"[\s\S]*account "hh"/);
    expect(() => readBalancedSam(fx('unbalanced.csv'))).toThrow(/unbalanced\.csv: the SAM is not balanced[\s\S]*unbalanced\.csv:3:1: account "com"/);
    let es = '';
    try {
      assertSamBalanced(report);
    } catch (e) {
      es = (e as { messageEs: string }).messageEs;
    }
    expect(es).toMatch(/unbalanced\.csv: la MCS no está balanceada \(tolerancia: relativa [\d.e-]+, absoluta [\d.e-]+\); 2 cuenta\(s\) difieren:/);
    expect(es).toMatch(/unbalanced\.csv:3:1: cuenta "com" \([^)]*\): ingresos \(fila\) 11 ≠ gastos \(columna\) 10, brecha 1 \(/);
    expect(readBalancedSam(fx('tiny.csv')).sam.accounts.length).toBe(4);
    // A tolerance wider than the gap accepts it.
    expect(checkSamBalance(sam, { absolute: 1.5 }).balanced).toBe(true);
  });

  it('rejects bad input naming file and account', () => {
    expect(() => readSam(fx('nonsquare.csv'))).toThrow(/nonsquare\.csv: a SAM must be square: 4 account rows but 3 account columns/);
    expect(() => readSam(fx('badtype.csv'))).toThrow(/badtype\.csv:3:5: account "com": unknown account type "widget"/);
    expect(() => readSam(fx('tiny-nodesc.csv'), fx('missing.descriptor.json'))).toThrow(/tiny-nodesc\.csv:5:1: account "hh" is not in the descriptor .*missing\.descriptor\.json/);
    expect(() => readSam(fx('tiny-nodesc.csv'), fx('extra.descriptor.json'))).toThrow(/extra\.descriptor\.json: accounts\[4\]: account "gov" is not in the matrix/);
    expect(() => readSam(fx('no-such.csv'))).toThrow(/no-such\.csv: file not found/);
    expect(() => readSam(fx('tiny-nodesc.csv'), fx('widget.descriptor.json'))).toThrow(/widget\.descriptor\.json: accounts\[1\]\.type: account "com": unknown account type "widget"/);
    expect(() => readSam(fx('tiny-nodesc.csv'), fx('unknown-field.descriptor.json'))).toThrow(/unknown-field\.descriptor\.json: sectors: unknown field/);
  });

  it('writes CSV and XLSX that read back identically, with descriptor and estimated flags', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sam-'));
    try {
      const sam = readSam(fx('tiny-nodesc.csv'));
      sam.values[0][1] = 10.12345678901234;
      sam.values[1][0] = 5.87654321098766;
      sam.estimated = sam.values.map((r, i) => r.map((_, j) => i === 0 && j === 1));
      for (const ext of ['csv', 'xlsx']) {
        const path = join(dir, `t.${ext}`);
        writeSam(path, sam);
        writeEstimated(join(dir, `t-estimated.${ext}`), sam);
        writeSamDescriptor(join(dir, 't.descriptor.json'), samDescriptor(sam, { estimated: `t-estimated.${ext}` }));
        const back = readSam(path);
        expect(back.values).toEqual(sam.values);
        expect(back.accounts.map(({ code, label, type, kind, attributes }) => ({ code, label, type, kind, attributes }))).toEqual(
          sam.accounts.map(({ code, label, type, kind, attributes }) => ({ code, label, type, kind, attributes })),
        );
        expect(back.estimated).toEqual(sam.estimated);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const peru2004 = resolve(import.meta.dirname, '../../../models/peru/sam/peru-sam-2004.csv');
const shared = resolve(import.meta.dirname, '../../../../shared/data/peru/io/sam2004');

describe('Peru SAM 2004 as published', () => {
  it('has the 60 IFPRI accounts and balances within its stated tolerance', () => {
    const { sam, tolerance } = loadSamFile(peru2004);
    expect(sam.accounts.length).toBe(60);
    const count = (t: string): number => sam.accounts.filter((a) => a.type === t).length;
    expect([count('activity'), count('commodity'), count('household'), count('factor')]).toEqual([15, 15, 7, 7]);
    const report = checkSamBalance(sam, tolerance);
    expect(report.gaps).toEqual([]);
    expect(report.maxRelativeGap).toBeLessThan(1e-6);
  });

  it.skipIf(!existsSync(shared))('keeps every published cell (sum of the long file equals the matrix total)', async () => {
    const { readGrid } = await import('../io/read-grid.js');
    const grid = readGrid(join(shared, 'peru_sam2004_microsam_long.csv'));
    let sum = 0;
    for (const r of grid.rows.slice(1)) if (Number(r[0]) <= 60 && Number(r[3]) <= 60) sum += Number(r[6]);
    const sam = readSam(peru2004);
    const total = sam.values.flat().reduce((a, b) => a + b, 0);
    expect(Math.abs(total - sum)).toBeLessThan(1e-6 * sum);
    // Enterprises receive all capital income: 108,810.84 million soles (published cell 15,7).
    expect(sam.values[14][6] / 1e6).toBeCloseTo(108810.841, 3);
  });
});
