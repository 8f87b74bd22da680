import { describe, expect, it } from 'vitest';
import { sheetHints } from './sheet-hints.js';

describe('sheetHints', () => {
  it('lists the tabs of each workbook a model names, in order, once each', () => {
    const text = [
      "a = GET DIRECT DATA('?inputs.xlsx', 'Economy', 'A', 'B2') ~~|",
      "b = GET XLS CONSTANTS('data/other.XLSX', 'Tab 1', 'C3') ~~|",
      "c = GET DIRECT LOOKUPS('?inputs.xlsx' , 'Climate', '1', 'B4') ~~|",
      "d = GET DIRECT DATA('?inputs.xlsx', 'Economy', 'A', 'C2') ~~|",
    ].join('\n');
    expect([...sheetHints(text)]).toEqual([
      ['?inputs.xlsx', ['Economy', 'Climate']],
      ['data/other.XLSX', ['Tab 1']],
    ]);
  });

  it('ignores quoted pairs that name no workbook, and text files', () => {
    const text = "x = GET DIRECT DATA('data.csv', ',', 'A', 'B2') ~~|\ny = GET DIRECT DATA('b', '?t.xlsx', 'S', 'A1') ~~|";
    expect([...sheetHints(text)]).toEqual([['?t.xlsx', ['S']]]);
  });
});
