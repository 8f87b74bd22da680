import { describe, expect, it } from 'vitest';
import { fileStem, toCsv } from './csv.js';

describe('CSV export', () => {
  it('writes a header, one row per time, quoting names with commas', () => {
    const csv = toCsv([2000, 2001], ['GDP', 'Stock[a,b]'], [Float64Array.of(1.5, 2), Float64Array.of(NaN, -3e-7)]);
    expect(csv).toBe('Time,GDP,"Stock[a,b]"\n2000,1.5,\n2001,2,-3e-7\n');
  });
  it('makes file names from scenario names', () => {
    expect(fileStem('Reforestación 2030 / Amazonía')).toBe('reforestacion-2030-amazonia');
    expect(fileStem('¿?')).toBe('scenario');
  });
});
