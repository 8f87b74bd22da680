import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { InputError } from '../ir/diagnostics.js';
import { DataError } from './data-error.js';
import { compactGrid, readDataBytes, type DataGrid } from './data-grid.js';
import { detectNumberLocale, parseNumberText } from './number-text.js';
import { sniffDelimiter } from './text-table.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function book(rows: unknown[][], type: XLSX.BookType, sheet = 'Datos', edit?: (ws: XLSX.WorkSheet) => void): Uint8Array {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(rows);
  edit?.(ws);
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: type }) as ArrayBuffer);
}

function caught(f: () => unknown): DataError {
  try {
    f();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

describe('number text and locales', () => {
  it('reads both conventions statistics offices publish, and spaces as thousands', () => {
    expect(parseNumberText('1.234,5', 'comma')).toBe(1234.5);
    expect(parseNumberText('1234,5', 'comma')).toBe(1234.5);
    expect(parseNumberText('1,234.5', 'dot')).toBe(1234.5);
    expect(parseNumberText('1 234 567,25', 'comma')).toBe(1234567.25);
    expect(parseNumberText('\u22121.5', 'dot')).toBe(-1.5);
    expect(parseNumberText('1,234.5', 'comma')).toBeUndefined();
    expect(parseNumberText('1,5', 'plain')).toBeUndefined();
    expect(parseNumberText('abc', 'dot')).toBeUndefined();
  });

  it('detects the decimal separator from unambiguous cells and says what it assumed', () => {
    expect(detectNumberLocale(['1.234,5', '12']).locale).toBe('comma');
    expect(detectNumberLocale(['0,25']).locale).toBe('comma');
    expect(detectNumberLocale(['1,234.5']).locale).toBe('dot');
    const none = detectNumberLocale(['1,234', '7']);
    expect(none.locale).toBe('dot');
    expect(none.assumed).toMatch(/no cell shows/);
    expect(detectNumberLocale(['1,5', '2.5']).conflict?.en).toMatch(/mixes decimal points/);
  });
});

describe('delimited text', () => {
  it('sniffs semicolons (decimal-comma files), tabs and commas', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2,5;3\n').delimiter).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n').delimiter).toBe('\t');
    expect(sniffDelimiter('a,b\n"x;y",2\n').delimiter).toBe(',');
  });

  it('reads a Spanish-locale CSV to numbers and lists its assumptions', () => {
    const g = readDataBytes(text('sector;2019;2020\nAgro;1.234,5;2.000,25\n'), 'inei.csv');
    expect(g.rows[1]).toEqual(['Agro', 1234.5, 2000.25]);
    expect(g.assumptions.join(' | ')).toMatch(/semicolon.*\|.*decimal comma/);
    const dot = readDataBytes(text('sector,2019\nAgro,"1,234.5"\n'), 'x.csv', { numbers: 'dot' });
    expect(dot.rows[1]).toEqual(['Agro', 1234.5]);
  });

  it('refuses a file that mixes separators, naming the file, unless told which', () => {
    const bytes = text('a;b\n1,5;2.5\n');
    const e = caught(() => readDataBytes(bytes, 'mix.csv'));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/^mix\.csv: the file mixes decimal points/);
    expect(readDataBytes(bytes, 'mix.csv', { numbers: 'comma' }).rows[1]).toEqual([1.5, 2.5]);
  });

  it('names line and column of a quoting error', () => {
    const e = caught(() => readDataBytes(text('a,b\n1,x"y\n'), 'q.csv'));
    expect([e.file, e.line, e.column]).toEqual(['q.csv', 2, 4]);
  });

  it('decodes Latin-1 when the bytes are not UTF-8', () => {
    const g = readDataBytes(new Uint8Array([0x50, 0x72, 0x6f, 0x64, 0x75, 0x63, 0x63, 0x69, 0xf3, 0x6e, 0x0a]), 'l.csv');
    expect(g.rows[0]).toEqual(['Producción']);
  });
});

describe('workbooks: xlsx, xls and ods through one reader', () => {
  const rows = [
    ['año', 'valor'],
    [2019, 1.5],
    [2020, '2.500,75'],
  ];
  for (const type of ['xlsx', 'biff8', 'ods'] as const) {
    it(`reads ${type} with the same cells`, () => {
      const g = readDataBytes(book(rows, type), `t.${type}`, { numbers: 'comma' });
      expect(g.sheet).toBe('Datos');
      expect(g.rows).toEqual([
        ['año', 'valor'],
        [2019, 1.5],
        [2020, 2500.75],
      ]);
      expect(g.where(2, 1)).toBe(`t.${type}:Datos!B3`);
    });
  }

  it('error cells: an error naming the cell, or missing when asked', () => {
    const bytes = book([['t', 'v'], [1, 2], [2, 0]], 'xlsx', 'S', (ws) => {
      ws['B3'] = { t: 'e', v: 0x07 };
      ws['A4'] = { t: 'e', v: 0x2a };
      ws['!ref'] = 'A1:B4';
    });
    const e = caught(() => readDataBytes(bytes, 'e.xlsx'));
    expect([e.file, e.sheet, e.cell]).toEqual(['e.xlsx', 'S', 'B3']);
    expect(e.message).toMatch(/^e\.xlsx:S!B3: the cell holds the error value #DIV\/0!/);
    const missing = readDataBytes(bytes, 'e.xlsx', { errors: 'missing' });
    expect(missing.rows[2]).toEqual([2, null]);
    expect(missing.rows[3]).toEqual([null]);
    const na = caught(() => readDataBytes(bytes, 'e.xlsx', { naIsMissing: true }));
    expect(na.cell).toBe('B3');
  });

  it('dates become decimal years, ISO text or serials, per caller', () => {
    // 2020-07-02 is serial 44014; 1904 epochs are handled by the reader.
    const bytes = book([['fecha'], [44014], [43831]], 'xlsx', 'S', (ws) => {
      ws['A2']!.z = 'yyyy-mm-dd';
      ws['A3']!.z = 'dd/mm/yyyy';
    });
    const years = readDataBytes(bytes, 'd.xlsx').rows.map((r) => r[0]);
    expect(years[1]).toBeCloseTo(2020 + 183 / 366, 10);
    expect(years[2]).toBe(2020);
    expect(readDataBytes(bytes, 'd.xlsx', { dates: 'iso' }).rows.map((r) => r[0])).toEqual(['fecha', '2020-07-02', '2020-01-01']);
    expect(readDataBytes(bytes, 'd.xlsx', { dates: 'serial' }).rows[1]).toEqual([44014]);
  });

  it('names the sheet it chose when the book has several, and refuses an unknown sheet', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Vacía');
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[null, null], [null, 5]]), 'Uno');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const g: DataGrid = readDataBytes(bytes, 'b.xlsx');
    expect(g.assumptions[0]).toMatch(/read sheet 'Uno'/);
    const c = compactGrid(g);
    expect(c.rows).toEqual([[5]]);
    expect(c.where(0, 0)).toBe('b.xlsx:Uno!B2');
    expect(caught(() => readDataBytes(bytes, 'b.xlsx', { sheet: 'Dos' })).message).toMatch(/no sheet named 'Dos'; the workbook has: Vacía, Uno/);
  });

  it('refuses bytes that are no workbook or a truncated one, naming the file', () => {
    const good = book(rows, 'xlsx');
    expect(caught(() => readDataBytes(good.subarray(0, good.length - 30), 'cut.xlsx')).message).toMatch(/^cut\.xlsx: not a readable workbook/);
  });
});
