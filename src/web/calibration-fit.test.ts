import { describe, expect, it } from 'vitest';
import { calibrationRows, seriesKey } from './calibration-fit.js';

describe('calibration fit', () => {
  const run = { time: [2000, 2001, 2002, 2003], names: ['Real GDP', 'Output[agri, mining]'], series: [[100, 110, 120, 130], [1, 2, 3, 4]] };

  it('matches series by Vensim name rules and scores them over observed times', () => {
    const { rows, unmatched } = calibrationRows(
      [
        { name: 'real_GDP', time: [2000, 2002, 2010], value: [100, 120, 999] },
        { name: 'Output[agri,mining]', time: [2000.5, 2001], value: [1.5, 2.2] },
        { name: 'Not in model', time: [2000], value: [1] },
      ],
      run,
    );
    expect(unmatched).toEqual(['Not in model']);
    expect(rows.map((r) => r.output)).toEqual(['Real GDP', 'Output[agri, mining]']);
    // 2010 lies outside the run and is left out: a perfect fit on the two other points.
    expect(rows[0]!.stats.n).toBe(2);
    expect(rows[0]!.stats.mape).toBe(0);
    // Interpolated 1.5 at 2000.5 matches; 2 vs 2.2 at 2001 is off by 1/11.
    expect(rows[1]!.stats.n).toBe(2);
    expect(rows[1]!.stats.mape).toBeCloseTo(((0.2 / 2.2) * 100) / 2, 10);
  });

  it('normalises names', () => {
    expect(seriesKey('Combustion_CO2 by Use[ buildings ]')).toBe(seriesKey('combustion co2  by use[buildings]'));
  });
});
