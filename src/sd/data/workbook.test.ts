/**
 * The workbook reader's two shortcuts give the same cells as the plain read: parts inflated once by
 * the guard and handed on stored, and sheets parsed only when announced or first asked for.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_LIMITS } from './limits.js';
import { readWorkbook } from './workbook.js';
import { xlsxBytes } from './workbook-write.js';
import { guardZip } from './zip-guard.js';

const book = xlsxBytes([
  { name: 'Alpha', rows: [['t', 1, 2], ['x', 10, 20]] },
  { name: 'Beta', rows: [[1.5, 'text', true]] },
  { name: 'Gamma Sheet', rows: [[], [null, 7]] },
]);

describe('guardZip', () => {
  it('returns the same parts, stored rather than deflated', () => {
    const stored = guardZip(book, 'book.xlsx', DEFAULT_DATA_LIMITS);
    const before = unzipSync(book);
    const after = unzipSync(stored);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);
    // Method 0 (stored) in each local header: nothing is left for the spreadsheet reader to inflate.
    const view = new DataView(stored.buffer, stored.byteOffset, stored.byteLength);
    for (let p = 0, k = 0; k < Object.keys(before).length; k++) {
      expect(view.getUint32(p, true)).toBe(0x04034b50);
      expect(view.getUint16(p + 8, true)).toBe(0);
      p += 30 + view.getUint16(p + 26, true) + view.getUint32(p + 18, true);
    }
  });
});

describe('readWorkbook with announced sheets', () => {
  const all = readWorkbook(book, 'book.xlsx');
  it('reads announced sheets, and any other sheet when asked for it', () => {
    const some = readWorkbook(book, 'book.xlsx', undefined, { sheets: ['beta'] });
    expect(some.sheetNames).toEqual(all.sheetNames);
    for (const name of ['Beta', 'Alpha', 'gamma sheet ', 'Gamma Sheet']) {
      expect(some.findSheet(name)?.rows).toEqual(all.findSheet(name)?.rows);
    }
    expect(some.findSheet('Delta')).toBeUndefined();
  });
  it('ignores announced names that are not sheets', () => {
    const none = readWorkbook(book, 'book.xlsx', undefined, { sheets: ['Nope'] });
    expect(none.findSheet('Alpha')?.rows).toEqual([['t', 1, 2], ['x', 10, 20]]);
  });
});
