/** Published estimates and projections drawn beside a charted series, labelled in both languages. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelBundle } from '../server/api-types.js';
import { setLang } from './i18n.js';
import { referenceLines } from './reference-lines.js';
import { COLORS } from './ui/line-chart.js';

afterEach(() => setLang('en'));

const references: ModelBundle['references'] = [
  { label: 'INEI', kind: 'estimate', source: 'calibration/e.csv', series: [{ name: 'Total_Population', time: [2021, 2022, 2030.5], value: [33.0, 33.4, 99] }] },
  {
    label: { en: 'INEI, Estimates and Projections', es: 'INEI, Estimaciones y Proyecciones' },
    kind: 'projection',
    source: 'calibration/p.csv',
    series: [{ name: 'Total Population', time: [2023, 2024], value: [34.3, 35.8] }],
  },
];
const time = new Float64Array([2020, 2021, 2022, 2023, 2024]);

describe('reference lines on the simulator charts', () => {
  it('places estimates as markers and the projection as a dashed line on the run\'s saved times', () => {
    const [estimate, projection] = referenceLines(references, time, 'Total Population');
    // 2030.5 is not a saved time of the run and is left out, not moved to the nearest one
    expect(Array.from(estimate!.values)).toEqual([null, 33.0, 33.4, null, null]);
    expect(estimate!.points).toBe(true);
    expect(Array.from(projection!.values)).toEqual([null, null, null, 34.3, 35.8]);
    expect(projection!.points).toBeUndefined();
    expect(projection!.dash).toEqual([3, 3]);
    expect(projection!.color).toBe(COLORS.reference);
  });

  it('labels the projection as a projection, in English and in Spanish', () => {
    expect(referenceLines(references, time, 'Total Population').map((l) => l.label)).toEqual(['INEI (estimate)', 'INEI, Estimates and Projections (projection)']);
    setLang('es');
    expect(referenceLines(references, time, 'Total Population').map((l) => l.label)).toEqual(['INEI (estimación)', 'INEI, Estimaciones y Proyecciones (proyección)']);
  });

  it('draws nothing for a series without reference figures, for figures outside the run, or without references', () => {
    expect(referenceLines(references, time, 'Real GDP')).toEqual([]);
    expect(referenceLines(references, new Float64Array([2000, 2001]), 'Total Population')).toEqual([]);
    expect(referenceLines(undefined, time, 'Total Population')).toEqual([]);
  });
});
