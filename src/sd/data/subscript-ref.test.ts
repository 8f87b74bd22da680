import { describe, expect, it } from 'vitest';
import { GridSheet, toCellValue } from './grid-sheet.js';
import { getSubscript } from './subscript.js';

const sheetOf = (rows: (number | string | null)[][]) => new GridSheet('t.csv', rows.map((r) => r.map((v) => toCellValue(v ?? undefined))));

describe('GET DIRECT SUBSCRIPT with a lastcell that names only a column or a row', () => {
  const s = sheetOf([
    ['name', 'v'],
    ['north', 1],
    [null, 2],
    ['south', 3],
    ['east', null],
  ]);
  it('a column letter reads down that whole column from firstcell, skipping empty cells', () => {
    expect(getSubscript(s, 'A2', 'A')).toEqual(['north', 'south', 'east']);
    expect(getSubscript(s, '$A$2', '$A', 'r ')).toEqual(['r north', 'r south', 'r east']);
  });
  it('a row number reads across that whole row from firstcell', () => {
    expect(getSubscript(s, 'A1', '1')).toEqual(['name', 'v']);
  });
});
