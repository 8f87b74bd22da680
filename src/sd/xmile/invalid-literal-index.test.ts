/**
 * A subscript written as a whole number out of range, `v[5]` on a dimension of 3.
 *
 * Rule, XMILE 1.0 (OASIS Standard) §3.7.1 Arrays: "If a subscript expression results in an invalid
 * subscript index (i.e., it is out of range), a zero (0) MUST be returned and, optionally, a warning
 * SHOULD be given to the user"; footnote 10: "this can be NaN if so specified in the <uses_arrays>
 * tag of the header options block". The rule speaks of any subscript expression, so a literal index
 * is no exception (the engine used to stop with E_DIMENSION there).
 *
 * Model of our own, values worked by hand: v = 10, 20, 30 over D = {a, b, c}.
 *   x = v[5] + 1           → 0 + 1 = 1            (with NaN: NaN)
 *   y[D] = v[D] + v[0]     → 10, 20, 30           (v[0] gives 0)
 *   z = v[3]               → 30                   (in range, unchanged)
 *   m[D, E] = 1…6 row-major; w = m[b, 4] + m[c, 2] → 0 + 6 = 6 (E has 2 elements)
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { columnReader, xmileDoc } from './test-support.js';

const dims = '<dim name="D"><elem name="a"/><elem name="b"/><elem name="c"/></dim><dim name="E" size="2"/>';
const body = `<aux name="v"><dimensions><dim name="D"/></dimensions><element subscript="a"><eqn>10</eqn></element><element subscript="b"><eqn>20</eqn></element><element subscript="c"><eqn>30</eqn></element></aux>
<aux name="x"><eqn>v[5] + 1</eqn></aux>
<aux name="y"><dimensions><dim name="D"/></dimensions><eqn>v[D] + v[0]</eqn></aux>
<aux name="z"><eqn>v[3]</eqn></aux>
<aux name="m"><dimensions><dim name="D"/><dim name="E"/></dimensions><eqn>(D - 1) * 2 + E</eqn></aux>
<aux name="w"><eqn>m[b, 4] + m[c, 2]</eqn></aux>`;
const plain = xmileDoc(body, { stop: 1, dimensions: dims });
const withNaN = plain.replace('</product></header>', '</product><options><uses_arrays maximum_dimensions="2" invalid_index_value="NaN"/></options></header>');

describe('XMILE 1.0 §3.7.1: a literal subscript out of range', () => {
  it('gives 0 and the run goes on', () => {
    const col = columnReader(compileXmile(plain).model.run());
    expect(col('x')).toEqual([1, 1]);
    expect([col('y[a]'), col('y[b]'), col('y[c]')].map((s) => s[0])).toEqual([10, 20, 30]);
    expect(col('z')).toEqual([30, 30]);
    expect(col('m[c,2]')[0]).toBe(6);
    expect(col('w')).toEqual([6, 6]);
  });

  it('gives NaN where the header says invalid_index_value="NaN" (footnote 10)', () => {
    const col = columnReader(compileXmile(withNaN).model.run());
    expect(col('x')).toEqual([NaN, NaN]);
    expect(col('z')).toEqual([30, 30]);
  });

  it('warns once per place, located, in English and Spanish', () => {
    const w = compileXmile(plain, { file: 'idx.xmile' }).warnings.filter((d) => d.code === 'W_INVALID_INDEX');
    // v[5] in x, v[0] in y (one warning for its three elements), m[b, 4] in w.
    expect(w.map((d) => d.message.match(/is (-?\d+), outside 1 to (\d+)/)!.slice(1))).toEqual([['5', '3'], ['0', '3'], ['4', '2']]);
    expect(w.every((d) => d.loc?.file === 'idx.xmile' && d.severity === 'warning')).toBe(true);
    expect(w[0]!.message).toContain('gives 0');
    expect(w[0]!.messageEs).toContain('fuera de 1 a 3');
    expect(compileXmile(withNaN).warnings.find((d) => d.code === 'W_INVALID_INDEX')!.message).toContain('gives NaN');
  });
});
