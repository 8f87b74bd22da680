import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { parseFileTags } from '../data/file-tags.js';
import { withLimits } from '../data/limits.js';
import { createNodeDataHost } from './data-host.js';
import { readBookSheets } from './prefetch-read.js';
import { sheetHints } from './sheet-hints.js';
import { startPrefetch } from './workbook-prefetch.js';

const dir = mkdtempSync(join(tmpdir(), 'igem-prefetch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The thread's TypeScript module under test (the built .js is not beside the sources): an entry
 * that registers tsx's loader on the thread, then imports it.
 */
const WORKER = (() => {
  // tsx's ES module build of its API (the one `require` resolves to registers nothing on a thread).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = join(dir, 'worker-entry.mjs');
  writeFileSync(entry, `const { register } = await import(${JSON.stringify(tsx)});\nregister();\nawait import(${JSON.stringify(new URL('./workbook-worker.ts', import.meta.url).href)});\n`);
  return { entry: pathToFileURL(entry) };
})();

function writeBook(name: string): string {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['t', 1, 2], ['x', '3', true]]), 'One');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[5, 'six']]), 'Two');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[7]]), 'Three');
  book.Workbook = { Names: [{ Name: 'Pair', Ref: 'Two!$A$1:$B$1' }] };
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
  return path;
}

describe('readBookSheets', () => {
  it('hands on the sheet names, then the tabs asked for under their own names, as cell values, with their names; leaves out tabs the book lacks', () => {
    const path = writeBook('read.xlsx');
    const got: unknown[] = [];
    readBookSheets(path, 'read.xlsx', withLimits(), ['two', 'Nope', 'One', 'TWO'], { opened: (names) => got.push(names), sheet: (s) => got.push(s) });
    expect(got).toEqual([
      ['One', 'Two', 'Three'],
      { name: 'Two', rows: [[5, 'six']], names: new Map([['pair', { r0: 0, c0: 0, r1: 0, c1: 1 }]]) },
      { name: 'One', rows: [['t', 1, 2], ['x', 3, 1]], names: new Map() }, // 'Pair' points into Two
    ]);
  });
});

describe('startPrefetch', () => {
  it('hands on the sheets read on the thread; a file it cannot read, a tab it did not read, or a file not asked for give undefined', () => {
    const good = writeBook('good.xlsx');
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    const p = startPrefetch(
      [
        { path: bad, label: 'bad.xlsx', tabs: ['One'] },
        { path: good, label: 'good.xlsx', tabs: ['One', 'Two'] },
      ],
      withLimits(),
      WORKER.entry,
    );
    expect(p).toBeDefined();
    expect(p!.sheet(good, 'two')?.name).toBe('Two');
    expect(p!.sheet(good, 'One')?.rows).toEqual([['t', 1, 2], ['x', 3, 1]]);
    expect(p!.sheet(good, 'Three')).toBeUndefined();
    expect(p!.sheet(good, 'Nope')).toBeUndefined();
    expect(p!.sheet(bad, 'One')).toBeUndefined();
    expect(p!.sheet(join(dir, 'other.xlsx'), 'One')).toBeUndefined();
  });

  it('starts no thread without files or without the thread module', () => {
    expect(startPrefetch([], withLimits(), WORKER.entry)).toBeUndefined();
    expect(startPrefetch([{ path: 'x.xlsx', label: 'x.xlsx', tabs: [] }], withLimits(), new URL('./no-such-worker.js', import.meta.url))).toBeUndefined();
  });
});

describe('a data host given the model text', () => {
  it('serves the sheets the text names from the thread, others and errors as a host without it', () => {
    writeBook('host.xlsx');
    const text = "a = GET DIRECT DATA('host.xlsx', 'one', 'A', 'B1') ~~|\nb = GET DIRECT CONSTANTS('host.xlsx', 'Two', 'A1') ~~|";
    const plain = createNodeDataHost(dir);
    const served: string[] = [];
    const hinted = createNodeDataHost(dir, undefined, undefined, { modelText: text, prefetchWorker: { ...WORKER, served } });
    // 'Three' is not in the text: read by the host itself, after the thread's sheets.
    for (const tab of ['One', 'two', 'Three', 'One']) {
      const a = plain.readSheet('host.xlsx', tab);
      const b = hinted.readSheet('host.xlsx', tab);
      expect(b.label).toBe(a.label);
      expect([b.rowCount, b.colCount]).toEqual([a.rowCount, a.colCount]);
      for (let r = 0; r < a.rowCount; r++) for (let c = 0; c < a.colCount; c++) expect(b.cell(r, c)).toEqual(a.cell(r, c));
      expect(b.namedRange?.('PAIR')).toEqual(a.namedRange?.('PAIR'));
    }
    expect(served).toEqual(['host.xlsx!One', 'host.xlsx!Two']);
    expect(hinted.readSheet('host.xlsx', 'two')).toBe(hinted.readSheet('host.xlsx', 'Two'));
    expect(() => hinted.readSheet('host.xlsx', 'Nope')).toThrow(/host\.xlsx!Nope: no sheet named 'Nope'; the workbook has: One, Two, Three/);
  });

  it('counts the cells of the thread\'s sheets against maxCells when it reads another sheet itself', () => {
    writeBook('limits.xlsx');
    // One: 6 cells, Two: 2, Three: 1. With a limit of 8, reading Three after One and Two is over it.
    const text = "a = GET DIRECT DATA('limits.xlsx', 'One', 'A', 'B1') ~~|\nb = GET DIRECT DATA('limits.xlsx', 'Two', 'A', 'B1') ~~|";
    const plain = createNodeDataHost(dir, undefined, { maxCells: 8 });
    const served: string[] = [];
    const hinted = createNodeDataHost(dir, undefined, { maxCells: 8 }, { modelText: text, prefetchWorker: { ...WORKER, served } });
    for (const host of [plain, hinted]) {
      host.readSheet('limits.xlsx', 'One');
      host.readSheet('limits.xlsx', 'Two');
      expect(() => host.readSheet('limits.xlsx', 'Three')).toThrow(/maxCells/);
    }
    expect(served).toEqual(['limits.xlsx!One', 'limits.xlsx!Two']);
  });
});

// The checkout's sibling ../shared, or ../../shared from a git worktree under <work>/wt/<name>.
const SHARED = [new URL('../../../../shared/', import.meta.url), new URL('../../../../../shared/', import.meta.url)]
  .map((u) => fileURLToPath(u)).find((d) => existsSync(join(d, 'bench-models'))) ?? fileURLToPath(new URL('../../../../shared/', import.meta.url));
const PYMEDEAS = join(SHARED, 'bench-models/pymedeas_w/models/pymedeas_w/pymedeas_w.mdl');

describe.skipIf(!existsSync(PYMEDEAS))('MEDEAS World through the thread', () => {
  it('serves all ten sheets its text names, each cell as a host without the thread reads it', () => {
    const text = readFileSync(PYMEDEAS, 'utf8');
    const hints = sheetHints(text);
    const served: string[] = [];
    const plain = createNodeDataHost(dirname(PYMEDEAS), parseFileTags(text));
    const hinted = createNodeDataHost(dirname(PYMEDEAS), parseFileTags(text), undefined, { modelText: text, prefetchWorker: { ...WORKER, served } });
    for (const [file, tabs] of hints) {
      for (const tab of tabs) {
        const a = plain.readSheet(file, tab);
        const b = hinted.readSheet(file, tab);
        expect([b.label, b.rowCount, b.colCount]).toEqual([a.label, a.rowCount, a.colCount]);
        for (let r = 0; r < a.rowCount; r++) for (let c = 0; c < a.colCount; c++) if (b.cell(r, c) !== a.cell(r, c)) expect(b.cell(r, c)).toEqual(a.cell(r, c));
      }
    }
    expect(served.length).toBe(10);
  });
});
