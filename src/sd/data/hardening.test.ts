/**
 * Crafted workbooks and texts are refused by the data layer within a stated memory and time:
 * zip bombs (declared and lying sizes), huge shared strings, deeply nested XML, too many cells,
 * and prototype-pollution names that must never become object keys.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { Deflate, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { DataError } from './data-error.js';
import { readDataBytes } from './data-grid.js';
import { DEFAULT_DATA_LIMITS } from './limits.js';
import { readWorkbook } from './workbook.js';
import { concatBytes } from './test-support/concat-bytes.js';

/** Heap plus array buffers, after a collection when the test runner allows it. */
function memory(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Runs `f`, expects a DataError matching `message`, and returns the memory growth and time taken. */
function refused(f: () => unknown, message: RegExp): { grewMiB: number; ms: number } {
  const before = memory();
  const t0 = performance.now();
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  const grewMiB = (memory() - before) / 2 ** 20;
  expect(error).toBeInstanceOf(DataError);
  expect((error as Error).message).toMatch(message);
  // DATA_LIMITS_REPORT=1 prints what each refusal cost, for the record.
  if (process.env.DATA_LIMITS_REPORT) console.log(`${(error as Error).message.slice(0, 70)} … heap +${grewMiB.toFixed(1)} MiB, ${ms.toFixed(0)} ms`);
  return { grewMiB, ms };
}

/** Raw deflate of `total` zero bytes, fed 1 MiB at a time (nothing large is held). */
function deflatedZeros(total: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const block = new Uint8Array(1 << 20);
  for (let done = 0; done < total; done += block.length) d.push(block.subarray(0, Math.min(block.length, total - done)), done + block.length >= total);
  return concatBytes(parts);
}

interface RawEntry {
  name: string;
  data: Uint8Array;
  /** Uncompressed size written in the headers (a bomb may lie). */
  declared: number;
}

/** A zip written by hand (APPNOTE 4.3), so that headers can say whatever a crafted file says. */
function handZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.declared, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concatBytes([...locals, ...centrals, end]);
}

/** A small real xlsx (shared strings on), unzipped so that a test can change its parts. */
function xlsxParts(rows: unknown[][], sheet = 'S'): Record<string, Uint8Array> {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  return unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer));
}

const td = new TextDecoder();
const partText = (parts: Record<string, Uint8Array>, name: string): string => td.decode(parts[name]!);

describe('zip bombs are refused before inflating', () => {
  it('parts that declare more than maxUncompressedBytes in all (overlapping entries, 42.zip style)', () => {
    const zeros = deflatedZeros(16 * 2 ** 20); // 16 MiB of zeros deflate to ~16 KiB
    // 64 entries share the same compressed bytes: 1 GiB declared in a file of about 1 MiB.
    const bomb = handZip(Array.from({ length: 64 }, (_, i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: zeros, declared: 16 * 2 ** 20 })));
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    const r = refused(() => readDataBytes(bomb, 'bomb.xlsx'), /^bomb\.xlsx: the workbook's parts inflate to 1\.0 GiB, more than 256\.0 MiB .*refused before inflating/);
    expect(r.grewMiB).toBeLessThan(32);
    expect(r.ms).toBeLessThan(5000);
  });

  it('one part whose compression ratio is beyond maxCompressionRatio', () => {
    const bomb = handZip([{ name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(8 * 2 ** 20), declared: 8 * 2 ** 20 }]);
    const r = refused(() => readDataBytes(bomb, 'ratio.xlsx'), /part 'xl\/worksheets\/sheet1\.xml' inflates \d+-fold .*over the limit maxCompressionRatio 200/);
    expect(r.grewMiB).toBeLessThan(32);
  });

  it('a part that lies about its size is stopped as it inflates, without holding the output', () => {
    const bomb = handZip([{ name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(16 * 2 ** 20), declared: 1000 }]);
    const r = refused(() => readDataBytes(bomb, 'liar.xlsx'), /inflates past the 1000 bytes its header declares/);
    expect(r.grewMiB).toBeLessThan(32);
    expect(r.ms).toBeLessThan(5000);
  });
});

describe('crafted XML is refused while streaming', () => {
  it('a shared string longer than maxTextBytes', () => {
    const parts = xlsxParts([['a', 'b'], [1, 2]]);
    // 512 KiB of one string, of varied letters so that it does not trip the compression-ratio limit first.
    let seed = 7;
    const huge = Array.from({ length: DEFAULT_DATA_LIMITS.maxTextBytes * 2 }, () => String.fromCharCode(65 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 26))).join('');
    parts['xl/sharedStrings.xml'] = strToU8(partText(parts, 'xl/sharedStrings.xml').replace('<t>a</t>', `<t>${huge}</t>`));
    const bytes = zipSync(parts as Zippable);
    const r = refused(() => readDataBytes(bytes, 'sst.xlsx'), /part 'xl\/sharedStrings\.xml' holds a text or tag longer than 256\.0 KiB/);
    expect(r.grewMiB).toBeLessThan(64);
    // The same file reads when the caller raises the limit on purpose.
    const g = readDataBytes(bytes, 'sst.xlsx', { limits: { maxTextBytes: 4 * 2 ** 20 } });
    expect((g.rows[0]![0] as string).length).toBe(huge.length);
  });

  it('elements nested deeper than maxXmlDepth', () => {
    const parts = xlsxParts([['a'], [1]]);
    const depth = 100_000;
    const nested = '<x>'.repeat(depth) + '</x>'.repeat(depth);
    parts['xl/worksheets/sheet1.xml'] = strToU8(partText(parts, 'xl/worksheets/sheet1.xml').replace('</sheetData>', `</sheetData>${nested}`));
    const r = refused(() => readDataBytes(zipSync(parts as Zippable), 'deep.xlsx'), /nests XML elements deeper than 128 \(the limit maxXmlDepth\)/);
    expect(r.ms).toBeLessThan(5000);
  });

  it('more cells than maxCells, counted before the reader builds them (xlsx) and as text is split (csv)', () => {
    const rows = Array.from({ length: 50 }, (_, r) => Array.from({ length: 40 }, (_, c) => r * 40 + c));
    const bytes = zipSync(xlsxParts(rows) as Zippable);
    refused(() => readDataBytes(bytes, 'many.xlsx', { limits: { maxCells: 1000 } }), /more than 1,000 cells \(the limit maxCells\)/);
    expect(readDataBytes(bytes, 'many.xlsx', { limits: { maxCells: 2000 } }).rows.length).toBe(50);
    const csv = new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));
    refused(() => readDataBytes(csv, 'many.csv', { limits: { maxCells: 1000 } }), /^many\.csv:26:1: more than 1,000 cells/);
  });

  it('ODS rows and cells repeated into millions count as millions', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[1]]), 'S');
    const parts = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'ods' }) as ArrayBuffer));
    const content = partText(parts, 'content.xml');
    const crafted = content
      .replace(/<table:table-row(?=[ >])/, '<table:table-row table:number-rows-repeated="1048576"')
      .replace(/<table:table-cell(?=[ >])/, '<table:table-cell table:number-columns-repeated="16384"');
    expect(crafted).not.toBe(content);
    parts['content.xml'] = strToU8(crafted);
    const r = refused(() => readDataBytes(zipSync(parts as Zippable), 'rep.ods'), /more than 5,000,000 cells/);
    expect(r.ms).toBeLessThan(5000);
  });

  it('a file over maxFileBytes is refused before it is decoded', () => {
    refused(() => readDataBytes(new Uint8Array(2048), 'big.csv', { limits: { maxFileBytes: 1024 } }), /^big\.csv: the file is 2\.0 KiB, over the limit maxFileBytes 1\.0 KiB/);
  });
});

describe('prototype-pollution names never become object keys', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it("sheets named '__proto__', 'constructor' and 'prototype', and defined names of those names", () => {
    const parts = xlsxParts([['polluted', 1]], 'Sheet1');
    const wbXml = partText(parts, 'xl/workbook.xml');
    // Three sheets, all pointing at the one worksheet part, named as an attacker would.
    const sheets = ['__proto__', 'constructor', 'prototype'].map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId1"/>`).join('');
    const names =
      '<definedNames><definedName name="__proto__">__proto__!$A$1:$B$1</definedName>' +
      '<definedName name="constructor">constructor!$A$1</definedName><definedName name="polluted">__proto__!$B$1</definedName></definedNames>';
    parts['xl/workbook.xml'] = strToU8(wbXml.replace(/<sheets>.*<\/sheets>/, `<sheets>${sheets}</sheets>${names}`).replace(/<definedNames>.*?<\/definedNames>(?=.*<definedNames>)/, ''));
    const book = readWorkbook(zipSync(parts as Zippable), 'proto.xlsx');
    expect(book.sheetNames).toEqual(['__proto__', 'constructor', 'prototype']);
    const proto = book.findSheet('__proto__');
    expect(proto?.rows[0]).toEqual(['polluted', 1]);
    expect(book.findSheet('constructor')?.rows[0]).toEqual(['polluted', 1]);
    expect(book.findSheet('toString')).toBeUndefined();
    const named = book.namesFor('__proto__');
    expect(named).toBeInstanceOf(Map);
    expect(named.get('__proto__')).toEqual({ r0: 0, c0: 0, r1: 0, c1: 1 });
    expect(book.namesFor('constructor').get('constructor')).toEqual({ r0: 0, c0: 0, r1: 0, c1: 0 });
  });

  it('a sheet that does not exist is not found on Object.prototype', () => {
    const bytes = zipSync(xlsxParts([[1]], 'S') as Zippable);
    expect(() => readDataBytes(bytes, 'x.xlsx', { sheet: 'constructor' })).toThrow(/no sheet named 'constructor'/);
    expect(() => readDataBytes(bytes, 'x.xlsx', { sheet: '__proto__' })).toThrow(/no sheet named '__proto__'/);
  });
});

describe('damaged containers are refused before SheetJS reads them (the fuzz test found SheetJS looping forever on two)', () => {
  it('a zip whose local header says deflate for a part the directory stores', () => {
    const stored = zipSync(xlsxParts([['a'], [1]]) as Zippable, { level: 0 });
    const bad = stored.slice();
    new DataView(bad.buffer).setUint16(8, 8, true); // first local header: method 0 → 8
    const r = refused(() => readDataBytes(bad, 'm.xlsx'), /local header disagrees with the zip directory/);
    expect(r.ms).toBeLessThan(5000);
  });

  it('the damaged .xls the fuzz test found (SheetJS loops forever on it)', () => {
    const bytes = new Uint8Array(readFileSync(new URL('./fixtures/fuzz-cfb-hang.xls', import.meta.url)));
    const r = refused(() => readDataBytes(bytes, 'fuzz.xls'), /^fuzz\.xls: not a readable \.xls file/);
    expect(r.ms).toBeLessThan(5000);
  });

  it('an .xls whose directory chain loops, or whose directory tree has a cycle', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 1]]), 'S');
    const xls = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expect(readDataBytes(xls, 'ok.xls').rows[0]).toEqual(['a', 1]);
    const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
    const dir = view(xls).getUint32(48, true);
    const fat0 = view(xls).getUint32(76, true);
    const loop = xls.slice();
    view(loop).setUint32((fat0 + 1) * 512 + dir * 4, dir, true); // FAT: the directory sector points to itself
    const r = refused(() => readDataBytes(loop, 'loop.xls'), /^loop\.xls: not a readable \.xls file: the directory chain loops/);
    expect(r.ms).toBeLessThan(5000);
    const cycle = xls.slice();
    view(cycle).setUint32((dir + 1) * 512 + 128 + 68, 0, true); // entry 1's left sibling: the root
    refused(() => readDataBytes(cycle, 'cycle.xls'), /the directory tree has a cycle/);
  });
});
