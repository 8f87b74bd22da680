import { describe, expect, it } from 'vitest';
import { delimiterFor, parseDelimited } from './delimited.js';
import { GridSheet, toCellValue } from './grid-sheet.js';

describe('cells', () => {
  it('turns numbers stored as text into numbers, blanks into undefined', () => {
    expect(toCellValue(' 12.5 ')).toBe(12.5);
    expect(toCellValue('-1e-3')).toBe(-0.001);
    expect(toCellValue('.5')).toBe(0.5);
    expect(toCellValue('1,5')).toBe('1,5');
    expect(toCellValue('  ')).toBeUndefined();
    expect(toCellValue(true)).toBe(1);
    expect(toCellValue('Time')).toBe('Time');
  });

  it('measures the extent of the cells that hold something', () => {
    const s = new GridSheet('x', [undefined, [undefined, 1, undefined], [2]]);
    expect([s.rowCount, s.colCount]).toEqual([3, 2]);
    expect(s.cell(1, 1)).toBe(1);
    expect(s.cell(9, 9)).toBeUndefined();
  });
});

describe('delimited text', () => {
  it('picks the delimiter from the tab argument, else from the extension', () => {
    expect(delimiterFor('a.csv', ',')).toBe(',');
    expect(delimiterFor('a.csv', '')).toBe(',');
    expect(delimiterFor('a.txt', '')).toBe('\t');
    expect(delimiterFor('a.tab', '\\t')).toBe('\t');
    expect(delimiterFor('a.txt', ';')).toBe(';');
    expect(delimiterFor('a.csv', 'Sheet1')).toBe(',');
  });

  it('handles quotes, doubled quotes, embedded delimiters and line breaks, CRLF and a BOM', () => {
    const s = parseDelimited('\ufeffname,"a, ""b""",3\r\n"x\ny", " 4 " ,\r\n', ',', 't.csv');
    expect(s.cell(0, 0)).toBe('name');
    expect(s.cell(0, 1)).toBe('a, "b"');
    expect(s.cell(0, 2)).toBe(3);
    expect(s.cell(1, 0)).toBe('x\ny');
    expect(s.cell(1, 1)).toBe(4);
    expect(s.cell(1, 2)).toBeUndefined();
    expect([s.rowCount, s.colCount]).toEqual([2, 3]);
  });

  it('trims the spaces and tabs that pad fields (as in the suite file "data down.csv")', () => {
    const s = parseDelimited('Time\t,Col1\n1\t   ,2\n', ',', 'd.csv');
    expect(s.cell(0, 0)).toBe('Time');
    expect(s.cell(1, 0)).toBe(1);
    expect(s.cell(1, 1)).toBe(2);
  });
});
