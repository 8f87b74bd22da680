/** The expander tells the data host every sheet the model names before it reads any. */
import { describe, expect, it } from 'vitest';
import { GridSheet } from '../data/grid-sheet.js';
import type { DataHost } from '../data/types.js';
import { readVensim } from '../vensim/reader.js';
import { expandModel } from './expand.js';

const MODEL = `
a[r] = GET DIRECT CONSTANTS('?book', 'Consts', 'B2') ~ ~|
r: r1, r2 ~ ~|
b = 1 + GET XLS CONSTANTS('other.xlsx', 'Sheet A', 'A1') ~ ~|
c := GET DIRECT DATA('?book', 'Series', 'A', 'B2') ~ ~|
INITIAL TIME = 0 ~ ~|
FINAL TIME = 1 ~ ~|
TIME STEP = 1 ~ ~|
SAVEPER = 1 ~ ~|
`;

describe('announceSheets', () => {
  it('names each file once with all its sheets, before the first read', () => {
    const events: string[] = [];
    const host: DataHost = {
      expectSheets: (file, tabs) => events.push(`expect ${file}: ${[...tabs].sort().join(', ')}`),
      readSheet: (file, tab) => {
        events.push(`read ${file}!${tab}`);
        return new GridSheet(`${file}!${tab}`, [[0, 5, 6], [1, 7, 8], [2, 9, 10]]);
      },
    };
    expandModel(readVensim(MODEL, 'm.mdl'), { dataHost: host });
    const firstRead = events.findIndex((e) => e.startsWith('read'));
    expect(events.slice(0, firstRead).sort()).toEqual(['expect ?book: Consts, Series', 'expect other.xlsx: Sheet A']);
    expect(events.slice(firstRead).every((e) => e.startsWith('read'))).toBe(true);
  });
});
