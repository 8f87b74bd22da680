import { describe, expect, it } from 'vitest';
import { InputError } from '../ir/diagnostics.js';
import { getConstants } from './constants.js';
import { parseFileTags, resolveFileTag } from './file-tags.js';
import { GridSheet, toCellValue } from './grid-sheet.js';
import { dropMissing, getData, getLookups } from './series.js';
import { getSubscript } from './subscript.js';
import type { CellRange } from './types.js';

/** Rows of cells from A1; null is blank. */
function sheetOf(rows: (number | string | null)[][], names: Record<string, CellRange> = {}): GridSheet {
  return new GridSheet('t.xlsx!S', rows.map((r) => r.map((v) => toCellValue(v ?? undefined))), new Map(Object.entries(names)));
}

// A B C D
// 1: label 1 2 3
// 2: .     4 5 6
// 3: .     7 8 9
const grid = sheetOf([
  ['label', 1, 2, 3],
  [null, 4, 5, 6],
  [null, 7, 8, 9],
]);

describe('getConstants', () => {
  it('reads a scalar from one cell', () => {
    expect([...getConstants(grid, 'C2', [])]).toEqual([5]);
  });
  it('reads a vector across a row, or down a column with *', () => {
    expect([...getConstants(grid, 'B1', [3])]).toEqual([1, 2, 3]);
    expect([...getConstants(grid, 'B1*', [3])]).toEqual([1, 4, 7]);
  });
  it('reads a matrix with the first subscript down and the second across; * swaps them', () => {
    expect([...getConstants(grid, 'B1', [3, 2])]).toEqual([1, 2, 4, 5, 7, 8]);
    expect([...getConstants(grid, 'B1*', [3, 2])]).toEqual([1, 4, 2, 5, 3, 6]);
  });
  it('ignores single elements on the left-hand side (they do not vary)', () => {
    // x[dim, female] with dim of 3 is a vector: across the row.
    expect([...getConstants(grid, 'B1', [3, 1])]).toEqual([1, 2, 3]);
    expect([...getConstants(grid, 'B1', [1, 3])]).toEqual([1, 2, 3]);
    // [dim, Column1, depth] of 3×1×2 is a 3×2 matrix.
    expect([...getConstants(grid, 'B1', [3, 1, 2])]).toEqual([1, 2, 4, 5, 7, 8]);
  });
  it('starts at the top-left of a named range', () => {
    const s = sheetOf([[null, null], [null, 10], [null, 20]], { v: { r0: 1, c0: 1, r1: 2, c1: 1 } });
    expect([...getConstants(s, 'v*', [2])]).toEqual([10, 20]);
    expect(() => getConstants(s, 'v', [2])).toThrow(/S!C2: the cell is empty; .* 1×2 .*the range is 2×1: add the '\*'/);
  });
  it('names the empty or text cell it could not read', () => {
    expect(() => getConstants(grid, 'B2', [3, 3])).toThrow(InputError);
    expect(() => getConstants(grid, 'B2', [3, 3])).toThrow(/^t\.xlsx!S!B4: the cell is empty; .*3×3/);
    expect(() => getConstants(grid, 'B1*', [4])).toThrow(/^t\.xlsx!S!B4: the cell is empty/);
    expect(() => getConstants(grid, 'A1', [])).toThrow(/t\.xlsx!S!A1: the cell holds text 'label'/);
  });
  it('refuses more than two varying subscripts', () => {
    expect(() => getConstants(grid, 'B1', [2, 2, 2])).toThrow(/at most 2 varying subscripts/);
  });
});

describe('getData and getLookups', () => {
  // Times across row 1 from column C; two series in rows 2 and 3; blanks are gaps.
  const across = sheetOf([
    [null, 'time', 0, 5, null, 10, 'note'],
    ['A', 'x', 1, null, 99, 3],
    ['B', 'y', 4, 5, 98, 6],
  ]);

  it('reads times across a row and one series per following row', () => {
    const d = getData(across, '1', 'C2', 2);
    expect([...d.times]).toEqual([0, 5, 10]); // E1 (blank time) and G1 (text) are skipped
    expect(d.values.map((v) => [...v])).toEqual([
      [1, NaN, 3],
      [4, 5, 6],
    ]);
  });

  it('reads times down a column and one series per following column', () => {
    const down = sheetOf([
      ['t', 'a', 'b'],
      [1, 10, 20],
      [2, null, 21],
      [3, 12, 22],
    ]);
    const d = getData(down, 'A', 'B2', 2);
    expect([...d.times]).toEqual([1, 2, 3]);
    expect(d.values.map((v) => [...v])).toEqual([
      [10, NaN, 12],
      [20, 21, 22],
    ]);
    expect([...getLookups(down, 'a', 'B2', 1).x]).toEqual([1, 2, 3]);
  });

  it('uses named ranges for the axis and the data, capped at the narrower one', () => {
    const s = sheetOf(
      [
        [null, 1, 2, 3, 4],
        [null, 10, 20, 30, 40],
        [null, 11, 21, 31, 41],
      ],
      { time: { r0: 0, c0: 1, r1: 0, c1: 3 }, vals: { r0: 1, c0: 1, r1: 2, c1: 4 } },
    );
    const d = getData(s, 'time', 'vals', 2);
    expect([...d.times]).toEqual([1, 2, 3]);
    expect(d.values.map((v) => [...v])).toEqual([
      [10, 20, 30],
      [11, 21, 31],
    ]);
  });

  it('drops the gaps of one element for the caller', () => {
    const d = getData(across, '1', 'C2', 1);
    const p = dropMissing(d.times, d.values[0]!);
    expect([...p.x]).toEqual([0, 10]);
    expect([...p.y]).toEqual([1, 3]);
  });

  it('explains a decreasing axis, an empty series and a bad axis argument', () => {
    const bad = sheetOf([[1, 3, 2], [5, 6, 7]]);
    expect(() => getLookups(bad, '1', 'A2', 1)).toThrow(/t\.xlsx!S!C1: GET … LOOKUPS: x values must increase along row 1, but 2 follows 3/);
    expect(() => getData(across, '1', 'C4', 1)).toThrow(/element 1 of 1 has no values/);
    expect(() => getData(across, 'time_row', 'C2', 1)).toThrow(InputError);
    expect(() => getData(across, '0', 'C2', 1)).toThrow(/rows start at 1/);
  });
});

describe('getSubscript', () => {
  const s = sheetOf([
    [null, null, 1, 2],
    [null, 'Entry', null, null],
    [null, 1, 'x', null],
    [null, 2, null, null],
    [null, 3, null, null],
  ]);
  it('reads across then down between two cells, skipping blanks, with the prefix', () => {
    expect(getSubscript(s, 'C1', 'D1', 'Depth')).toEqual(['Depth1', 'Depth2']);
    expect(getSubscript(s, 'B3', 'B5', 'Entry')).toEqual(['Entry1', 'Entry2', 'Entry3']);
    expect(getSubscript(s, 'B3', 'C5', '')).toEqual(['1', 'x', '2', '3']);
  });
  it('reads to the first empty cell when lastcell is blank', () => {
    expect(getSubscript(s, 'B3', '', 'e')).toEqual(['e1', 'ex']);
    expect(getSubscript(s, 'B2', '', '')).toEqual(['Entry', '1', '2', '3']);
  });
});

describe('file tags', () => {
  const settings = [
    ':L\u007f<%^E!@',
    '1:default-scenarios.vdf',
    '30:?../../scenarios/scen_w.xlsx=Z:\\CREAF\\dev\\pymedeas\\scenarios\\scen_w.xlsx',
    '30:?inputs_w.xlsx=inputs_w.xlsx',
    '23:0',
  ].join('\r\n');

  it('reads 30:?tag=path lines', () => {
    const tags = parseFileTags(settings);
    expect([...tags]).toEqual([
      ['../../scenarios/scen_w.xlsx', 'Z:\\CREAF\\dev\\pymedeas\\scenarios\\scen_w.xlsx'],
      ['inputs_w.xlsx', 'inputs_w.xlsx'],
    ]);
  });

  it('offers the mapped path first, then the tag itself as a relative path', () => {
    const tags = parseFileTags(settings);
    expect(resolveFileTag('?../../scenarios/scen_w.xlsx', tags)).toEqual([
      'Z:/CREAF/dev/pymedeas/scenarios/scen_w.xlsx',
      '../../scenarios/scen_w.xlsx',
    ]);
    expect(resolveFileTag('?INPUTS_W.xlsx', tags)).toEqual(['inputs_w.xlsx', 'INPUTS_W.xlsx']);
    expect(resolveFileTag('?other.xlsx', tags)).toEqual(['other.xlsx']);
    expect(resolveFileTag('data\\in.csv', tags)).toEqual(['data/in.csv']);
  });
});
