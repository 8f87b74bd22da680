import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { InputError } from '../../sd/ir/diagnostics.js';
import { parseHistoricalText, parseHistoricalWorkbook } from './read.js';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('historical data', () => {
  it('reads a wide CSV with gaps, sorting rows by time', () => {
    const data = parseHistoricalText('Time,Population,"GDP, real"\n2001,110,\n2000,100,5\n2002,,7\n', 'h.csv');
    expect(data.series.map((s) => s.name)).toEqual(['Population', 'GDP, real']);
    expect([...data.series[0].time]).toEqual([2000, 2001]);
    expect([...data.series[0].value]).toEqual([100, 110]);
    expect([...data.series[1].time]).toEqual([2000, 2002]);
    expect([...data.series[1].value]).toEqual([5, 7]);
  });

  it('reads a long TSV and groups names as Vensim matches them', () => {
    const text = 'time\tvariable\tvalue\n0\tBirth_Rate\t1\n1\tbirth  rate\t2\n0\tDeaths\tNA\n1\tDeaths\t3\n';
    const data = parseHistoricalText(text, 'h.tsv');
    expect(data.series).toHaveLength(2);
    expect(data.series[0].name).toBe('Birth_Rate');
    expect([...data.series[0].value]).toEqual([1, 2]);
    expect([...data.series[1].time]).toEqual([1]);
  });

  it('reads times across the first row (Vensim tab export)', () => {
    const data = parseHistoricalText('Time\t0\t1\t2\nStock\t1\t\t4\n', 'v.tab');
    expect([...data.series[0].time]).toEqual([0, 2]);
    expect([...data.series[0].value]).toEqual([1, 4]);
  });

  it('names line and column of a NaN, a bad number and a duplicate time', () => {
    expect(inputError(() => parseHistoricalText('Time,A,B\n0,1,2\n1,3,NaN\n', 'd.csv')).message).toBe(
      'd.csv:3:5: NaN in data ("B"); leave the cell empty or write NA for a gap',
    );
    expect(inputError(() => parseHistoricalText('Time,A\n0,1\n1,abc\n', 'd.csv')).where).toBe('d.csv:3:3');
    const dup = inputError(() => parseHistoricalText('Time,A\n0,1\n0,2\n', 'd.csv'));
    expect(dup.where).toBe('d.csv:3:3');
    expect(dup.message).toContain('second value at time 0');
    expect(inputError(() => parseHistoricalText('Year,A,A\n0,1,2\n', 'd.csv')).where).toBe('d.csv:1:8');
    expect(inputError(() => parseHistoricalText('When,A\n0,1\n', 'd.csv')).message).toContain('no "Time" column');
  });

  it('counts lines inside quoted fields', () => {
    const err = inputError(() => parseHistoricalText('Time,"A\nB"\n0,x\n', 'q.csv'));
    expect(err.where).toBe('q.csv:3:3');
  });

  it('reads an xlsx workbook and names the bad cell', () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Time', 'Stock'],
      [0, 1],
      [1, null],
      [2, 4],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Historia'); // Excel reserves the name 'History'
    const bytes = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const data = parseHistoricalWorkbook(new Uint8Array(bytes), 'h.xlsx');
    expect([...data.series[0].time]).toEqual([0, 2]);
    const bad = XLSX.utils.aoa_to_sheet([
      ['Time', 'Stock'],
      [0, 'oops'],
    ]);
    const book2 = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book2, bad, 'S1');
    const bytes2 = XLSX.write(book2, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    expect(inputError(() => parseHistoricalWorkbook(new Uint8Array(bytes2), 'h.xlsx')).where).toBe('h.xlsx:S1!B2');
  });
});
