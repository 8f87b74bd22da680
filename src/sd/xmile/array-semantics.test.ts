/**
 * XMILE array semantics beyond the conformance suite, on a model of our own
 * (array-fixtures/array-semantics.xmile) with values worked out by hand. Rules and sources are in
 * expr-parser.ts and the README's XMILE section: a dimension name as a value is the element's
 * 1-based position and `Dim.element` a fixed position (isee help, Specialized Array Manipulation);
 * `*`, index and element subscripts and `lo:hi` ranges slice arrays in SUM, PROD, MEAN, … (isee
 * help, Array builtins; XMILE 1.0 §3.7.1). What we cannot support stops with a located error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileVensim, compileXmile } from '../run/engine.js';
import { writeVensim } from '../vensim/writer.js';
import { readXmile } from './reader.js';
import { close, columnReader, xmileDoc } from './test-support.js';
import { writeXmile } from './writer.js';

const text = readFileSync(join(import.meta.dirname, 'array-fixtures', 'array-semantics.xmile'), 'utf8');
const col = columnReader(compileXmile(text, { file: 'array-semantics.xmile' }).model.run());

describe('a dimension name as a value (isee help, Specialized Array Manipulation)', () => {
  it('is the position 1…n of the current element, named elements included', () => {
    // Region = north, south, east → 1, 2, 3; Col = x, y → 1, 2.
    close(col('pos[north]'), [10, 10, 10]);
    close(col('pos[east]'), [30, 30, 30]);
    close(col('m[south,y]'), [22, 22, 22]);
    close(col('v[4]'), [4, 4, 4]);
  });

  it('works in a sub-expression: a comparison in IF, against Dim.element', () => {
    expect(['north', 'south', 'east'].map((r) => col(`second[${r}]`)[0])).toEqual([0, 1, 0]);
    expect(['north', 'south', 'east'].map((r) => col(`before east[${r}]`)[0])).toEqual([1, 1, 0]);
  });

  it('in an equation for one element it is that element', () => {
    expect(['north', 'south', 'east'].map((r) => col(`per element[${r}]`)[0])).toEqual([100, 200, 7]);
  });

  it('in a stock and its flow: S[r](t) = r + 2·r·t', () => {
    close(col('S[north]'), [1, 3, 5]);
    close(col('S[east]'), [3, 9, 15]);
  });

  it('Dim.element is a number outside brackets and that element inside them', () => {
    close(col('south pos'), [2, 2, 2]);
    close(col('south y'), [22, 22, 22]);
  });
});

describe('slices, wildcards and ranges', () => {
  it('m[*, 2] in an equation over the starred dimension maps element by element', () => {
    expect(['north', 'south', 'east'].map((r) => col(`col2[${r}]`)[0])).toEqual([12, 22, 32]);
  });

  it('SUM over * with the other position bound, or fixed by an index', () => {
    // Column x: 11 + 21 + 31 = 63; column y: 12 + 22 + 32 = 66.
    expect([col('col sum[x]')[0], col('col sum[y]')[0], col('col2 sum')[0]]).toEqual([63, 66, 66]);
  });

  it('lo:hi by index or element name, in SUM, MEAN, PROD, SIZE and MAX', () => {
    // Rows 1..2 of column x: 11 + 21; of y: 12 + 22.
    expect([col('first two sum[x]')[0], col('first two sum[y]')[0]]).toEqual([32, 34]);
    // south..east, both columns: (21 + 22 + 31 + 32) / 4.
    expect(col('named range mean')[0]).toBe(26.5);
    expect(col('range prod')[0]).toBe(24); // 2·3·4
    expect(col('range size')[0]).toBe(2);
    expect(col('range max')[0]).toBe(3);
  });
});

describe('PROD on a slice (isee help, Array builtins)', () => {
  it('multiplies the elements of each row', () => {
    // 11·12, 21·22, 31·32.
    expect(['north', 'south', 'east'].map((r) => col(`row prod[${r}]`)[0])).toEqual([132, 462, 992]);
  });
});

describe('written back as XMILE and as Vensim', () => {
  const checked = ['first two sum[x]', 'first two sum[y]', 'named range mean', 'range prod', 'range max', 'south y', 'col2[east]', 'before east[south]', 'row prod[east]'];
  it.each([
    ['XMILE', () => compileXmile(writeXmile(readXmile(text, 'array-semantics.xmile')), { file: 'again.xmile' })],
    ['Vensim', () => compileVensim(writeVensim(readXmile(text, 'array-semantics.xmile')), { file: 'again.mdl' })],
  ])('%s keeps every value (ranges as *:Sub-range, Dim.element as the element)', (_, compile) => {
    const again = columnReader(compile().model.run());
    for (const name of checked) expect(again(name)).toEqual(col(name));
  });
});

const DIMS = '<dim name="R"><elem name="north"/><elem name="south"/><elem name="east"/></dim><dim name="C"><elem name="x"/><elem name="y"/></dim>';
const M = '<aux name="m"><dimensions><dim name="R"/><dim name="C"/></dimensions><eqn>R*10 + C</eqn></aux>';

/** The one diagnostic of a model that must not compile. */
function refusal(variables: string): { code: string; message: string; messageEs?: string; line?: number; column?: number } {
  let err: unknown;
  try {
    compileXmile(xmileDoc(variables, { stop: 0, dimensions: DIMS }), { file: 'bad.xmile' });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ModelError);
  const d = (err as ModelError).diagnostics[0]!;
  return { code: d.code, message: d.message, messageEs: d.messageEs, line: d.loc?.line, column: d.loc?.column };
}

describe('what stops, located and in both languages', () => {
  it('a wildcard outside an array function in an equation not over its dimension', () => {
    const d = refusal(`${M}\n<aux name="t"><eqn>m[*, 2]</eqn></aux>`);
    expect(d.code).toBe('E_UNSUPPORTED');
    expect(d.message).toMatch(/wildcard \* stands for all of R/);
  });

  it('a range outside an array function along a dimension that also picks another subscript', () => {
    const d = refusal(`${M}\n<aux name="t"><dimensions><dim name="C"/></dimensions><eqn>m[1:2, C]</eqn></aux>`);
    expect(d.code).toBe('E_UNSUPPORTED');
    expect(d.message).toMatch(/^the range 1:2 outside an array function would run along C, the equation's dimension, but C also names another subscript/);
  });

  it('a range running backwards or past the dimension', () => {
    expect(refusal(`${M}\n<aux name="t"><eqn>SUM(m[3:1, *])</eqn></aux>`).message).toMatch(/runs backwards/);
    expect(refusal(`${M}\n<aux name="t"><eqn>SUM(m[1:4, *])</eqn></aux>`).message).toMatch(/'4' is neither an index \(1 to 3\) nor an element of R/);
  });

  it('Dim.element naming an element the dimension does not have (was silently the element of that name)', () => {
    const d = refusal(`${M}\n<aux name="t"><eqn>m[C.north, 1]</eqn></aux>`);
    expect(d.code).toBe('E_DIMENSION');
    expect(d.message).toBe('dimension C has no element north (subscript C.north)');
  });

  it('a dimension name as a value in an equation not defined over it', () => {
    expect(refusal(`<aux name="t"><eqn>R * 2</eqn></aux>`).code).toBe('E_DIMENSION');
  });
});
