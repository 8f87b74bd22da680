/**
 * The direct xlsx reader gives the cells SheetJS gives (readWorkbook with sheetJsOnly), on written
 * workbooks, hand-edited parts (rich text, entities, dates, errors, booleans, formulas) and every
 * .xlsx of the shared suite and bench models when they are present; what it does not handle
 * goes to SheetJS.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { DEFAULT_DATA_LIMITS } from './limits.js';
import { readWorkbook } from './workbook.js';
import { xlsxBytes } from './workbook-write.js';
import { openDirectXlsx } from './xlsx-direct.js';
import { guardZipParts } from './zip-guard.js';

function sameAsSheetJs(bytes: Uint8Array, file = 'book.xlsx'): void {
  const direct = readWorkbook(bytes, file);
  const plain = readWorkbook(bytes, file, undefined, { sheetJsOnly: true });
  expect(direct.sheetNames).toEqual(plain.sheetNames);
  for (const name of plain.sheetNames) {
    expect(direct.findSheet(name)?.rows, `${file}!${name}`).toEqual(plain.findSheet(name)?.rows);
    expect([...direct.namesFor(name)]).toEqual([...plain.namesFor(name)]);
  }
}

function directReads(bytes: Uint8Array, sheet: string): boolean {
  const book = openDirectXlsx(new Map(guardZipParts(bytes, 'b.xlsx', DEFAULT_DATA_LIMITS).map((p) => [p.name, p.data])));
  return book?.sheet(sheet) !== undefined;
}

/** A written workbook with one sheet's XML (and optionally the shared strings) replaced. */
function edited(sheetXml: (xml: string) => string, sst?: (xml: string) => string): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 1]]), 'S');
  wb.Workbook = { Names: [{ Name: 'Block', Ref: "'S'!$A$1:$B$2" }, { Name: 'Local', Ref: 'S!$B$1', Sheet: 0 }] };
  const parts = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer));
  const td = new TextDecoder();
  parts['xl/worksheets/sheet1.xml'] = strToU8(sheetXml(td.decode(parts['xl/worksheets/sheet1.xml'])));
  if (sst) parts['xl/sharedStrings.xml'] = strToU8(sst(td.decode(parts['xl/sharedStrings.xml'])));
  return zipSync(parts);
}

const withCells = (cells: string) => (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData><row r="1">${cells}</row></sheetData>`);

describe('direct xlsx reader', () => {
  it('reads written workbooks as SheetJS does', () => {
    sameAsSheetJs(
      xlsxBytes([
        { name: 'Alpha', rows: [['t', 1, 2], ['x', 10.25, -2e-7]] },
        { name: 'Beta', rows: [[1.5, 'text & <more>', true, false]] },
        { name: 'Gamma Sheet', rows: [[], [null, 7]] },
      ]),
    );
  });

  it('reads cached values of formulas, errors, booleans, string results and shared strings', () => {
    const bytes = edited(
      withCells(
        '<c r="A1" t="s"><v>0</v></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="e"><v>#WTF?</v></c>' +
          '<c r="E1" t="b"><v>1</v></c><c r="F1" t="b"/><c r="G1" t="str"><f>"x"</f><v>a &amp; b_x000D_</v></c><c r="H1" t="str"/><c r="I1"/><c r="J1" s="0"><v></v></c>',
      ),
    );
    expect(directReads(bytes, 'S')).toBe(true);
    sameAsSheetJs(bytes);
  });

  it('reads rich-text shared strings, entities, escapes and CR LF', () => {
    const bytes = edited(withCells('<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'), (xml) =>
      xml.replace(
        /<si>[\s\S]*<\/si>/,
        '<si><r><rPr><b/></rPr><t>bold </t></r><r><t xml:space="preserve">and &lt;plain&gt;</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>' +
          '<si><t>&#233;t&#xE9; _x0041_ line\r\nnext</t></si><si><t/></si>',
      ),
    );
    expect(directReads(bytes, 'S')).toBe(true);
    sameAsSheetJs(bytes);
  });

  it('marks numbers in date formats as dates', () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([[new Date(Date.UTC(2020, 0, 15)), 3]], { cellDates: false });
    XLSX.utils.book_append_sheet(wb, ws, 'D');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(directReads(bytes, 'D')).toBe(true);
    sameAsSheetJs(bytes);
    expect(readWorkbook(bytes, 'd.xlsx').findSheet('D')?.rows[0]?.[0]?.constructor.name).toBe('DateCell');
  });

  it('hands sheets it does not handle to SheetJS: inline strings, cells without a reference', () => {
    for (const cells of ['<c r="A1" t="inlineStr"><is><t>in line</t></is></c>', '<c t="n"><v>4</v></c>', '<c r="A1" t="d"><v>2020-01-01</v></c>']) {
      const bytes = edited(withCells(cells));
      expect(directReads(bytes, 'S'), cells).toBe(false);
      sameAsSheetJs(bytes);
    }
  });

  const shared = ['../shared', '../../shared'].map((p) => resolve(process.cwd(), p)).find((p) => existsSync(p)) ?? '';
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.xls[xm]$/i.test(f)) files.push(p);
    }
  };
  for (const d of ['sd-test-models', 'bench-models']) {
    try {
      walk(join(shared, d));
    } catch {
      // not present in this checkout
    }
  }
  it.skipIf(files.length === 0).each(files)('reads %s as SheetJS does, without falling back', (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const book = readWorkbook(bytes, file);
    for (const name of book.sheetNames) expect(directReads(bytes, name), name).toBe(true);
    sameAsSheetJs(bytes, file);
  });
});
