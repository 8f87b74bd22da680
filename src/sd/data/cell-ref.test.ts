import { describe, expect, it } from 'vitest';
import { InputError } from '../ir/diagnostics.js';
import { cellName, columnIndex, columnLetters, parseCellRef } from './cell-ref.js';
import { GridSheet } from './grid-sheet.js';

const named = new GridSheet('book.xlsx!Data', [[1]], new Map([['Value1', { r0: 4, c0: 1, r1: 4, c1: 6 }]]));

describe('cell references', () => {
  it('maps column letters both ways, A = 0', () => {
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('z')).toBe(25);
    expect(columnIndex('AA')).toBe(26);
    expect(columnIndex('AMJ')).toBe(1023);
    expect(columnIndex('XFD')).toBe(16383);
    expect(columnIndex('XFE')).toBe(-1);
    expect(columnIndex('A1')).toBe(-1);
    for (const c of [0, 25, 26, 701, 702, 1023, 16383]) expect(columnIndex(columnLetters(c))).toBe(c);
    expect(cellName(6, 2)).toBe('C7');
  });

  it("reads 'B2', '$B$2' and lower case as row 1, column 1", () => {
    for (const ref of ['B2', '$B$2', 'b2', ' B$2 ']) {
      expect(parseCellRef(ref)).toEqual({ row: 1, col: 1, transpose: false });
    }
  });

  it("marks a trailing '*' as transposed", () => {
    expect(parseCellRef('C8*')).toEqual({ row: 7, col: 2, transpose: true });
  });

  it('reads ranges in either corner order', () => {
    const want = { row: 1, col: 1, end: { row: 4, col: 3 }, transpose: false };
    expect(parseCellRef('B2:D5')).toEqual(want);
    expect(parseCellRef('$D$5:$B$2')).toEqual(want);
  });

  it('looks up defined names without regard to case', () => {
    expect(parseCellRef('value1*', named)).toEqual({
      row: 4,
      col: 1,
      end: { row: 4, col: 6 },
      transpose: true,
      name: 'value1',
    });
  });

  it('throws InputError naming the sheet for an unknown name', () => {
    expect(() => parseCellRef('nothere', named)).toThrow(InputError);
    expect(() => parseCellRef('nothere', named)).toThrow(/book\.xlsx!Data.*'nothere' is not a cell reference/);
    expect(() => parseCellRef('B0')).toThrow(InputError);
    expect(() => parseCellRef('')).toThrow(/empty cell reference/);
  });
});
