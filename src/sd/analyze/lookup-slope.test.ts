/**
 * LOOKUP SLOPE(lookup, x, m) from Vensim's reference (fn_lookup_slope): the slope of the
 * segment holding x; at a point the mean of the slopes on either side; :NA: at an x that two
 * points share; outside the table 0 (m = 0), the nearest segment's slope (m = 1) or :NA:
 * (m = −1). The model is written for this test.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileVensim } from '../run/engine.js';
import { VENSIM_NA } from '../ir/na.js';

const NA = VENSIM_NA;

function values(equations: string): Record<string, number> {
  const mdl = `tab((0,2),(2,6),(3,3)) ~~|
twin((0,0),(1,1),(1,2),(2,2)) ~~|
${equations}
INITIAL TIME = 0 ~~|
FINAL TIME = 1 ~~|
TIME STEP = 1 ~~|
SAVEPER = TIME STEP ~~|
`;
  const r = compileVensim(mdl, { file: 'slope.mdl' }).model.run();
  return Object.fromEntries(r.names.map((n) => [n, r.get(n)![0]!]));
}

describe('LOOKUP SLOPE', () => {
  it('inside the table: the segment slope, the mean of both at a point, :NA: at a shared x', () => {
    const v = values(`inside = LOOKUP SLOPE(tab, 1, 0) ~~|
at point = LOOKUP SLOPE(tab, 2, 0) ~~|
later = LOOKUP SLOPE(tab, 2.5, 0) ~~|
shared = LOOKUP SLOPE(twin, 1, 0) ~~|`);
    expect(v['inside']).toBeCloseTo(2, 12);
    expect(v['at point']).toBeCloseTo(-0.5, 12);
    expect(v['later']).toBeCloseTo(-3, 12);
    expect(v['shared']).toBe(NA);
  });

  it('outside the table: 0, the end segment, or :NA:, by the mode', () => {
    const v = values(`zero = LOOKUP SLOPE(tab, -1, 0) ~~|
extrapolated = LOOKUP SLOPE(tab, -1, 1) ~~|
right = LOOKUP SLOPE(tab, 4, 1) ~~|
missing = LOOKUP SLOPE(tab, 4, -1) ~~|`);
    expect(v['zero']).toBe(0);
    expect(v['extrapolated']).toBeCloseTo(2, 12);
    expect(v['right']).toBeCloseTo(-3, 12);
    expect(v['missing']).toBe(NA);
  });

  it('another mode stops with a located error', () => {
    expect(() => values('bad = LOOKUP SLOPE(tab, 1, 2) ~~|')).toThrow(ModelError);
    try {
      values('bad = LOOKUP SLOPE(tab, 1, 2) ~~|');
    } catch (e) {
      expect(String(e)).toMatch(/slope\.mdl:\d+:\d+.*mode of LOOKUP SLOPE must be -1, 0 or 1/s);
    }
  });
});
