/**
 * Computed subscripts on a model of our own (array-fixtures/computed-subscripts.xmile), values
 * worked out by hand. XMILE 1.0 §3.7.1: "Within equations, subscripts are XMILE expressions";
 * "If a subscript expression results in an invalid subscript index (i.e., it is out of range), a
 * zero (0) MUST be returned"; where a variable and an element share a name, the element prevails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { readXmile } from './reader.js';
import { writeXmile } from './writer.js';
import { columnReader, firstDiagnostic, xmileDoc } from './test-support.js';

const text = readFileSync(join(import.meta.dirname, 'array-fixtures', 'computed-subscripts.xmile'), 'utf8');
const col = columnReader(compileXmile(text, { file: 'computed-subscripts.xmile' }).model.run());

describe('computed subscripts (XMILE 1.0 §3.7.1)', () => {
  it('x = {10, 20, 30}, i = 2: x[i] is 20 and x[i + 1] is 30', () => {
    expect(col('by variable')).toEqual([20, 20, 20, 20, 20]);
    expect(col('by sum')).toEqual([30, 30, 30, 30, 30]);
  });

  it('an index out of range gives 0: x[4] and x[0]', () => {
    expect(col('past the end')).toEqual([0, 0, 0, 0, 0]);
    expect(col('before the start')).toEqual([0, 0, 0, 0, 0]);
  });

  it('the index may change every DT: x[TIME] at times 0…4 is x[0], x[1], x[2], x[3], x[4]', () => {
    expect(col('by time')).toEqual([0, 10, 20, 30, 0]);
  });

  it("the equation's own dimension in the index: next[Pos] = x[Pos + 1] is {20, 30, 0}", () => {
    expect(['next[1]', 'next[2]', 'next[3]'].map((n) => col(n)[0])).toEqual([20, 30, 0]);
  });

  it('in two dimensions, m = [[1, 2, 3], [4, 5, 6]]: m[south, TIME] and m[i, 4 − TIME]', () => {
    expect(col('south by time')).toEqual([0, 4, 5, 6, 0]);
    // i = 2 is south; columns 4, 3, 2, 1, 0.
    expect(col('both computed')).toEqual([0, 6, 5, 4, 0]);
  });

  it('next to a dimension of the equation: per region[Region] = m[Region, i + 1] is {3, 6}', () => {
    expect(col('per region[north]')[0]).toBe(3);
    expect(col('per region[south]')[0]).toBe(6);
  });

  it('an array function as the index: x[RANK(x, 1)] is the smallest element, 10', () => {
    expect(col('smallest of x')).toEqual([10, 10, 10, 10, 10]);
  });

  it('a stock in the index: s starts at 0, f = x[s + 1]; s = 0, 10, 10 (x[11] is 0), …', () => {
    // s(0) = 0, f = x[1] = 10; s(1) = 10, f = x[11] = 0; s stays 10.
    expect(col('s')).toEqual([0, 10, 10, 10, 10]);
    expect(col('f')).toEqual([10, 0, 0, 0, 0]);
  });

  it('where a variable and an element share a name, the element prevails', () => {
    const doc = xmileDoc(
      `<aux name="north"><eqn>2</eqn></aux>
       <aux name="v"><dimensions><dim name="Region"/></dimensions><element subscript="north"><eqn>7</eqn></element><element subscript="south"><eqn>8</eqn></element></aux>
       <aux name="pick"><eqn>v[north]</eqn></aux>`,
      { stop: 1, dimensions: '<dim name="Region"><elem name="north"/><elem name="south"/></dim>' },
    );
    expect(columnReader(compileXmile(doc).model.run())('pick')).toEqual([7, 7]);
  });

  it('the header may ask for NaN instead: <uses_arrays invalid_index_value="NaN"/> (§2.2.1)', () => {
    const withNaN = text.replace('<header>', '<header><options><uses_arrays maximum_dimensions="2" invalid_index_value="NaN"/></options>');
    // The stock s reads x[11] at time 1 and becomes NaN: the run stops there, naming it.
    expect(() => compileXmile(withNaN).model.run()).toThrow(/s became NaN at time 2/);
    const noStock = withNaN.replace(/^.*name="(s|f)".*$/gm, '');
    const c = columnReader(compileXmile(noStock).model.run());
    expect(c('by time')).toEqual([NaN, 10, 20, 30, NaN]);
    expect(c('by sum')).toEqual([30, 30, 30, 30, 30]);
  });

  it('an invalid_index_value other than NaN or 0 is a located error', () => {
    const bad = text.replace('<header>', '<header><options><uses_arrays maximum_dimensions="2" invalid_index_value="-1"/></options>');
    const d = firstDiagnostic(() => compileXmile(bad, { file: 'bad.xmile' }));
    expect(d.code).toBe('E_XMILE');
    expect(d.loc?.line).toBe(5);
    expect(d.message).toMatch(/NaN or 0/);
  });

  it('a computed subscript on a position the variable does not have is a located error', () => {
    const doc = xmileDoc(
      `<aux name="i"><eqn>1</eqn></aux>
       <aux name="v"><dimensions><dim name="Region"/></dimensions><eqn>1</eqn></aux>
       <aux name="bad"><eqn>v[north, i + 1]</eqn></aux>`,
      { stop: 1, dimensions: '<dim name="Region"><elem name="north"/><elem name="south"/></dim>' },
    );
    const d = firstDiagnostic(() => compileXmile(doc, { file: 'bad.xmile' }));
    expect(d.code).toBe('E_DIMENSION');
    expect(d.loc?.file).toBe('bad.xmile');
    expect(d.message).toMatch(/no dimension at position 2/);
  });

  it('the XMILE writer writes the subscript back as an expression', () => {
    const written = writeXmile(readXmile(text, 'computed-subscripts.xmile'));
    expect(written).toContain('x[i + 1]');
    expect(columnReader(compileXmile(written).model.run())('both computed')).toEqual([0, 6, 5, 4, 0]);
  });
});
