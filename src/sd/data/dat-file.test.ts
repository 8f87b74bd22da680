import { describe, expect, it } from 'vitest';
import { parseDatFile } from './dat-file.js';

describe('Vensim .dat files', () => {
  it('reads series by name, with comments, subscripts and a repeated name combined in time order', () => {
    const text = [
      'Population / people counted in census',
      '0  100   first census',
      '10 120',
      'sales[north] <year>',
      '2\t5',
      'Population',
      '5 110',
    ].join('\r\n');
    const s = parseDatFile(text, 'hist.dat');
    expect(s.get('Population')).toEqual({ times: [0, 5, 10], values: [100, 110, 120] });
    expect(s.get('sales[north]')).toEqual({ times: [2], values: [5] });
  });

  it('names the file and line of a value that comes before any name', () => {
    expect(() => parseDatFile('\n1 2\n', 'bad.dat')).toThrow(/bad\.dat:2:1: error E_DATA/);
  });
});
