/** The workbook guard with Node's zlib as its inflater: same parts, same refusals as with fflate. */
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataError } from '../data/data-error.js';
import { DEFAULT_DATA_LIMITS } from '../data/limits.js';
import { xlsxBytes } from '../data/workbook-write.js';
import { guardZip } from '../data/zip-guard.js';
import { zlibInflateRaw } from './inflate.js';

/** Rewrites the uncompressed size that the local header and the directory declare for the first part. */
function declare(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, size, true);
  let eocd = out.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  view.setUint32(view.getUint32(eocd + 16, true) + 24, size, true);
  return out;
}

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('zlibInflateRaw in guardZip', () => {
  it('gives the parts fflate gives', () => {
    const book = xlsxBytes([{ name: 'S', rows: [['t', 1, 2], ['x', 3, 4]] }]);
    const native = unzipSync(guardZip(book, 'b.xlsx', DEFAULT_DATA_LIMITS, zlibInflateRaw));
    const js = unzipSync(guardZip(book, 'b.xlsx', DEFAULT_DATA_LIMITS));
    expect(Object.keys(native).length).toBeGreaterThan(3);
    for (const name of Object.keys(js)) expect(native[name]).toEqual(js[name]);
  });

  it('stops a part that inflates past its declared size, without inflating the rest', () => {
    const liar = declare(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(16 * 2 ** 20) }, { level: 9 }), 1000);
    const before = process.memoryUsage().arrayBuffers;
    expect(refusal(() => guardZip(liar, 'liar.xlsx', DEFAULT_DATA_LIMITS, zlibInflateRaw))).toMatch(/inflates past the 1000 bytes its header declares/);
    expect((process.memoryUsage().arrayBuffers - before) / 2 ** 20).toBeLessThan(8);
  });

  it('names a part whose data is damaged', () => {
    const zip = zipSync({ 'a.xml': new TextEncoder().encode('<a>' + 'x y z '.repeat(5000) + '</a>') }, { level: 9 });
    const view = new DataView(zip.buffer);
    const start = 30 + view.getUint16(26, true);
    zip.fill(0xff, start, start + 40); // an invalid block header
    expect(refusal(() => guardZip(zip, 'bad.xlsx', DEFAULT_DATA_LIMITS, zlibInflateRaw))).toMatch(/part 'a\.xml' does not inflate/);
  });
});
