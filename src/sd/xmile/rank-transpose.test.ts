/**
 * XMILE's RANK, the transpose ' and STDDEV on a model of our own
 * (array-fixtures/rank-transpose.xmile), values worked out by hand. Rules and sources:
 * src/sd/run/xmile-rank.ts (RANK: XMILE 1.0 §3.7.1.3, isee help 10.x Array builtins),
 * expr-parser.ts transpose() (XMILE 1.0 §3.7.1.1), and the README's XMILE section.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulationError } from '../ir/diagnostics.js';
import { compileXmile } from '../run/engine.js';
import { close, columnReader, firstDiagnostic, xmileDoc } from './test-support.js';

const text = readFileSync(join(import.meta.dirname, 'array-fixtures', 'rank-transpose.xmile'), 'utf8');
const col = columnReader(compileXmile(text, { file: 'rank-transpose.xmile' }).model.run());
const at0 = (names: string[]) => names.map((n) => col(n)[0]);

describe('RANK(array, n [, secondary]) (XMILE 1.0 §3.7.1.3)', () => {
  it("isee's example: a = {6, 2, 8, 5}, ascending 2 (#2), 5 (#4), 6 (#1), 8 (#3)", () => {
    expect(at0(['ranks[1]', 'ranks[2]', 'ranks[3]', 'ranks[4]'])).toEqual([2, 4, 1, 3]);
    expect(col('second smallest')).toEqual([4, 4, 4, 4]);
    // RANK(A, SIZE(A)) is the position of the largest value, 8.
    expect(col('largest')).toEqual([3, 3, 3, 3]);
  });

  it('the rank may change every DT: RANK(a[*], TIME + 1) at times 0…3', () => {
    expect(col('by time')).toEqual([2, 4, 1, 3]);
  });

  it('ties: tied = {3, 1, 3, 1}; without a secondary array the earlier element ranks first (our assumption)', () => {
    expect(at0(['tie ranks[1]', 'tie ranks[2]', 'tie ranks[3]', 'tie ranks[4]'])).toEqual([2, 4, 1, 3]);
  });

  it('ties broken by the secondary array key = {9, 7, 2, 8}: the 1s are #2 (7), #4 (8); the 3s #3 (2), #1 (9)', () => {
    expect(at0(['tie ranks by key[1]', 'tie ranks by key[2]', 'tie ranks by key[3]', 'tie ranks by key[4]'])).toEqual([2, 4, 3, 1]);
  });

  it('an N-D array gives the flat row-major position: m = [[5, 1, 4], [2, 6, 3]] flat 5, 1, 4, 2, 6, 3', () => {
    expect(at0(['flat ranks[1]', 'flat ranks[2]', 'flat ranks[3]', 'flat ranks[4]', 'flat ranks[5]', 'flat ranks[6]'])).toEqual([2, 4, 6, 3, 1, 5]);
  });

  it('a slice per row: the smallest of row r1 (5, 1, 4) is its 2nd, of r2 (2, 6, 3) its 1st', () => {
    expect(at0(['row min at[r1]', 'row min at[r2]'])).toEqual([2, 1]);
  });
});

describe("the transpose ' (XMILE 1.0 §3.7.1.1)", () => {
  it("mt[Col, Row] = m' gives mt[c, r] = m[r, c], and ' binds tighter than ^", () => {
    expect(at0(['mt[c1,r1]', 'mt[c1,r2]', 'mt[c2,r2]', 'mt[c3,r1]'])).toEqual([5, 2, 6, 4]);
    expect(at0(['mt sq[c3,r2]', 'mt sq[c2,r1]', 'mt sq[c1,r2]'])).toEqual([9, 1, 4]);
  });
});

describe('STDDEV is the population form (no source says n or n − 1)', () => {
  it('STDDEV({6, 2, 8, 5}) = sqrt(18.75 / 4), not sqrt(18.75 / 3) = 2.5', () => {
    // Mean 5.25; squared deviations 0.5625 + 10.5625 + 7.5625 + 0.0625 = 18.75.
    close(col('spread'), new Array(4).fill(Math.sqrt(18.75 / 4)));
  });
});

const DIMS = '<dim name="R" size="3"/><dim name="C" size="2"/><dim name="P" size="4"/>';
const M = '<aux name="m"><dimensions><dim name="R"/><dim name="C"/></dimensions><eqn>R*10 + C</eqn></aux>';
const doc = (variables: string, stop = 0) => xmileDoc(variables, { stop, dimensions: DIMS });

/** The one diagnostic of a model that must not compile. */
function refusal(variables: string): { code: string; message: string; messageEs?: string; line?: number; column?: number } {
  const d = firstDiagnostic(() => compileXmile(doc(variables), { file: 'bad.xmile' }));
  return { code: d.code, message: d.message, messageEs: d.messageEs, line: d.loc?.line, column: d.loc?.column };
}

describe('what RANK and the transpose refuse or report', () => {
  it('a secondary array of another size is not used (isee help), with a located warning', () => {
    const { model, warnings } = compileXmile(doc(`${M}\n<aux name="v"><dimensions><dim name="P"/></dimensions><eqn>1</eqn></aux>\n<aux name="t"><eqn>RANK(m[*, 1], 1, v[*])</eqn></aux>`), { file: 'w.xmile' });
    // m[*, 1] = 11, 21, 31: the smallest is the first.
    expect(model.run().get('t')![0]).toBe(1);
    const w = (warnings ?? []).filter((x) => x.code === 'W_RANK_SECONDARY');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/^t: the secondary array of RANK has 4 elements and the ranked array 3/);
    expect(w[0]!.messageEs).toMatch(/no se aplica el orden secundario/);
    expect(w[0]!.loc?.file).toBe('w.xmile');
  });

  it('a rank outside 1…size stops the run, naming the variable and the time', () => {
    const model = compileXmile(doc(`${M}\n<aux name="t"><eqn>RANK(m[*, 1], 1 + TIME * 2)</eqn></aux>`, 2), { file: 'r.xmile' }).model;
    expect(() => model.run()).toThrow(SimulationError);
    expect(() => model.run()).toThrow(/t at time 2: the rank asked of RANK is 5, which is not a whole number from 1 to 3/);
  });

  it('RANK with one argument', () => {
    const d = refusal(`${M}\n<aux name="t"><eqn>RANK(m[*, 1])</eqn></aux>`);
    expect([d.code, d.message]).toEqual(['E_ARITY', 'RANK takes 2 to 3 arguments but was given 1']);
  });

  it("m' in an equation over m's own order [R, C] (would need positional binding)", () => {
    const d = refusal(`${M}\n<aux name="t"><dimensions><dim name="R"/><dim name="C"/></dimensions><eqn>m'</eqn></aux>`);
    expect(d.code).toBe('E_UNSUPPORTED');
    expect(d.message).toMatch(/the transpose ' \(XMILE 1\.0 §3\.7\.1\.1: it reverses the dimensions\).*here the equation is defined over \[R, C\], not \[C, R\]/);
    expect(d.messageEs).toMatch(/la trasposición ' \(XMILE 1\.0 §3\.7\.1\.1/);
    // Located at the apostrophe: `m` is column 75 of that line, `'` column 76.
    expect([d.line! > 1, d.column]).toEqual([true, 76]);
  });

  it('the transpose of an array over one dimension twice inside an array function (positions are read only in whole-array equations)', () => {
    const d = firstDiagnostic(() =>
      compileXmile(xmileDoc('<aux name="q"><dimensions><dim name="P"/><dim name="P"/></dimensions><eqn>1</eqn></aux>\n<aux name="t"><dimensions><dim name="P"/><dim name="P"/></dimensions><eqn>SUM(q\')</eqn></aux>', { stop: 0, dimensions: DIMS }), { file: 'q.xmile' }),
    );
    expect(d.code).toBe('E_UNSUPPORTED');
    expect(d.message).toMatch(/here inside an array function\. Name the dimensions, or their positions, in the order you need/);
  });

  it('the transpose of an expression, and inside an array function', () => {
    expect(refusal(`${M}\n<aux name="t"><dimensions><dim name="C"/><dim name="R"/></dimensions><eqn>(m + 1)'</eqn></aux>`).message).toMatch(/here it applies to an array variable, not to an expression/);
    expect(refusal(`${M}\n<aux name="t"><eqn>SUM(m')</eqn></aux>`).message).toMatch(/here inside an array function/);
  });
});

describe('written back', () => {
  it('as XMILE: RANK with its slices and secondary array, the transpose as m, same values', async () => {
    const { readXmile } = await import('./reader.js');
    const { writeXmile } = await import('./writer.js');
    const written = writeXmile(readXmile(text, 'rank-transpose.xmile'));
    // A `*` over the equation's own dimension is written `*:Pos` (the writer's rule for iterated dimensions).
    expect(written).toMatch(/RANK\(tied\[\*:Pos\], Pos, key\[\*:Pos\]\)/);
    const again = columnReader(compileXmile(written, { file: 'again.xmile' }).model.run());
    for (const name of ['ranks[2]', 'by time', 'tie ranks by key[3]', 'flat ranks[3]', 'row min at[r1]', 'mt[c1,r2]', 'spread']) expect(again(name)).toEqual(col(name));
  });

  it('as Vensim: refused, naming RANK (Vensim has no function of that meaning)', async () => {
    const { readXmile } = await import('./reader.js');
    const { writeVensim } = await import('../vensim/writer.js');
    expect(() => writeVensim(readXmile(text, 'rank-transpose.xmile'))).toThrow(/uses RANK, which Vensim has no function for/);
  });
});
