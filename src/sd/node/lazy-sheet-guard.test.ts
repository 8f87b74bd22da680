/**
 * The workbook guard checks a sheet's XML when the model first reads that sheet: a hostile sheet
 * the model reads stops the compile with an error naming the file and the sheet, and one it never
 * reads is never inflated nor scanned, so it does not block the model. A zip bomb declared in the
 * directory is still refused whatever is read (checked for every part when the file opens).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataError } from '../data/data-error.js';
import { readWorkbook } from '../data/workbook.js';
import { xlsxBytes } from '../data/workbook-write.js';
import { loadModel } from './load.js';

/** Sheets Good (B2 = 42) and Bad, whose part nests `depth` elements after its cells. */
function bookWithHostileSheet(depth: number): Uint8Array {
  const parts = unzipSync(xlsxBytes([
    { name: 'Good', rows: [['k', 'v'], ['a', 42]] },
    { name: 'Bad', rows: [['k', 'v'], ['a', 7]] },
  ]));
  const path = 'xl/worksheets/sheet2.xml';
  const xml = new TextDecoder().decode(parts[path]!);
  expect(xml).toContain('</sheetData>');
  parts[path] = strToU8(xml.replace('</sheetData>', `</sheetData>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`));
  return zipSync(parts as Zippable);
}

function modelReading(sheet: string): string {
  return `{UTF-8}
v = GET DIRECT CONSTANTS('book.xlsx', '${sheet}', 'B2')
	~	
	~		|
INITIAL TIME = 0 ~ ~ |
FINAL TIME = 1 ~ ~ |
TIME STEP = 1 ~ ~ |
SAVEPER = 1 ~ ~ |
`;
}

function dirWith(book: Uint8Array, mdl: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'igem-lazy-guard-'));
  writeFileSync(join(dir, 'book.xlsx'), book);
  writeFileSync(join(dir, 'm.mdl'), mdl);
  return join(dir, 'm.mdl');
}

describe('workbook guard, sheet by sheet', () => {
  const hostile = bookWithHostileSheet(1000);

  it('a hostile sheet the model never reads does not block it', () => {
    const r = loadModel(dirWith(hostile, modelReading('Good'))).run();
    expect(Array.from(r.get('v')!)).toEqual([42, 42]);
  });

  it('a hostile sheet the model reads stops the compile, naming the file and the sheet', () => {
    let error: unknown;
    try {
      loadModel(dirWith(hostile, modelReading('Bad')));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/book\.xlsx:Bad: part 'xl\/worksheets\/sheet2\.xml' nests XML elements deeper than 128 \(the limit maxXmlDepth\)/);
  });

  it('the same sheet under the limit reads (the refusal is the depth, not the markup)', () => {
    const r = loadModel(dirWith(bookWithHostileSheet(100), modelReading('Bad'))).run();
    expect(Array.from(r.get('v')!)).toEqual([7, 7]);
  });

  it('the workbook reader: the error is a DataError with the file and the sheet; the good sheet still reads', () => {
    const book = readWorkbook(hostile, 'book.xlsx');
    expect(book.findSheet('Good')!.rows[1]![1]).toBe(42);
    let error: unknown;
    try {
      book.findSheet('Bad');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).file).toBe('book.xlsx');
    expect((error as DataError).sheet).toBe('Bad');
  });

  it('SheetJS, which is given every part, refuses the file whichever sheet is asked for', () => {
    expect(() => readWorkbook(hostile, 'book.xlsx', undefined, { sheetJsOnly: true })).toThrow(/part 'xl\/worksheets\/sheet2\.xml' nests XML elements deeper than 128/);
  });
});
