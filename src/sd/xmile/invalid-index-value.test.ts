/**
 * XMILE 1.0 §2.2.1: `<uses_arrays invalid_index_value="NaN"/>` makes an array index out of range
 * give NaN instead of 0. The writer writes the option back, so a model read with NaN reads back with
 * NaN. Hand values: v = 10, 20, 30 over D; pick = v[TIME + 1] at t = 0…3 is 10, 20, 30, then out of range.
 */
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { columnReader, xmileDoc } from './test-support.js';
import { writeXmile } from './writer.js';

const body = '<aux name="v"><dimensions><dim name="D"/></dimensions><element subscript="a"><eqn>10</eqn></element><element subscript="b"><eqn>20</eqn></element><element subscript="c"><eqn>30</eqn></element></aux><aux name="pick"><eqn>v[TIME + 1]</eqn></aux>';
const plain = xmileDoc(body, { stop: 3, dimensions: '<dim name="D"><elem name="a"/><elem name="b"/><elem name="c"/></dim>' });
const withNaN = plain.replace('</product></header>', '</product><options><uses_arrays maximum_dimensions="1" invalid_index_value="NaN"/></options></header>');

const pick = (xml: string): number[] => columnReader(compileXmile(xml).model.run())('pick');

describe('XMILE writer: invalid_index_value', () => {
  it('a model read with NaN gives NaN out of range, and so does the model written from it', () => {
    expect(withNaN).not.toBe(plain);
    expect(pick(withNaN)).toEqual([10, 20, 30, NaN]);
    const written = writeXmile(compileXmile(withNaN).ir);
    expect(written).toContain('<options><uses_arrays invalid_index_value="NaN"/></options>');
    expect(pick(written)).toEqual([10, 20, 30, NaN]);
  });

  it('the default, 0, is not written', () => {
    const written = writeXmile(compileXmile(plain).ir);
    expect(written).not.toContain('uses_arrays');
    expect(pick(written)).toEqual([10, 20, 30, 0]);
  });
});
