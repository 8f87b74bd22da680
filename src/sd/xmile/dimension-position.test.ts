/**
 * XMILE dimension positions `@n` and computed subscripts (RANK's result as an index) on a model of
 * our own (array-fixtures/dimension-position.xmile), values worked out by hand. Rules and what
 * stays refused: dimension-position.ts, expr-parser.ts computedSub; an index out of range gives 0,
 * or NaN where the header asks for it (XMILE 1.0 §3.7.1, §2.2.1; computed-subscripts.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { readXmile } from './reader.js';
import { columnReader, firstDiagnostic, xmileDoc } from './test-support.js';
import { writeXmile } from './writer.js';

const text = readFileSync(join(import.meta.dirname, 'array-fixtures', 'dimension-position.xmile'), 'utf8');
const col = columnReader(compileXmile(text, { file: 'dimension-position.xmile' }).model.run());
const at0 = (names: string[]) => names.map((n) => col(n)[0]);
const square = (name: string) => at0(['p1,p1', 'p1,p2', 'p1,p3', 'p2,p1', 'p2,p2', 'p2,p3', 'p3,p1', 'p3,p2', 'p3,p3'].map((k) => `${name}[${k}]`));

describe('@n: the current element of the n-th dimension of the array the equation defines', () => {
  it('m[Row, Col] = 10·row + col; over [Col, Row], m[@2, @1] is m[row, col] at [col, row]', () => {
    expect(at0(['m by position[c1,r1]', 'm by position[c1,r2]', 'm by position[c1,r3]', 'm by position[c2,r1]', 'm by position[c2,r2]', 'm by position[c2,r3]'])).toEqual([11, 21, 31, 12, 22, 32]);
  });

  it('a square matrix over [P, P]: q[@2, @1] at (i, j) is q[j, i], which names cannot say; q\' is the same', () => {
    // q[i, j] = 10i + j, so the transpose holds 10j + i.
    const transposed = [11, 21, 31, 12, 22, 32, 13, 23, 33];
    expect(square('q transposed')).toEqual(transposed);
    expect(square('q apostrophe')).toEqual(transposed);
  });

  it('q[@1, @2] + q[@2, @1] = (10i + j) + (10j + i) = 11(i + j)', () => {
    expect(square('q symmetric')).toEqual([22, 33, 44, 33, 44, 55, 44, 55, 66]);
  });
});

describe("RANK's result as an index: a[RANK(a, n)] is the n-th smallest of a", () => {
  it('a = {6, 2, 8, 5}: the smallest 2, the largest 8 (rank SIZE(a)), sorted 2, 5, 6, 8', () => {
    expect(col('smallest')).toEqual([2, 2, 2, 2]);
    expect(col('largest')).toEqual([8, 8, 8, 8]);
    expect(at0(['sorted[1]', 'sorted[2]', 'sorted[3]', 'sorted[4]'])).toEqual([2, 5, 6, 8]);
  });

  it('an index computed as the model runs: a[RANK(a[*], TIME + 1)] at times 0…3', () => {
    expect(col('by time')).toEqual([2, 5, 6, 8]);
  });

  it('any expression giving an index: a[IF Pos < 4 THEN Pos + 1 ELSE 1] shifts a by one, cyclically', () => {
    expect(at0(['next[1]', 'next[2]', 'next[3]', 'next[4]'])).toEqual([2, 8, 5, 6]);
  });

  it('one position of several: m[Row, RANK(m[Row, *], 2)] is the larger of each row', () => {
    expect(at0(['row largest[r1]', 'row largest[r2]', 'row largest[r3]'])).toEqual([12, 22, 32]);
  });

  it('a flat index in parentheses (XMILE 1.0 §3.3.2): a(RANK(a, 1)) is the smallest of a, m(RANK(m, 6)) the largest of m', () => {
    // a = 2, 4, 6, 8 (D·2): RANK(a, 1) = 1 → 2. m[r, c] = 10r + c over R 3 × C 2, row-major
    // 11, 12, 21, 22, 31, 32: rank 6 is flat index 6 → 32; m(3) = m[2, 1] = 21; m(7) and m(0) are out of range → 0.
    const c = columnReader(compileXmile(doc(`${A}${M}<aux name="s"><eqn>a(RANK(a, 1))</eqn></aux><aux name="l"><eqn>m(RANK(m, 6))</eqn></aux>
      <aux name="third"><eqn>m(3)</eqn></aux><aux name="past"><eqn>m(7) + m(0)</eqn></aux>`), { file: 'flat.xmile' }).model.run());
    expect([c('s')[0], c('l')[0], c('third')[0], c('past')[0]]).toEqual([2, 32, 21, 0]);
    // The XMILE writer gives the call form back, and it runs the same.
    const written = writeXmile(readXmile(doc(`${M}<aux name="l"><eqn>m(RANK(m, 6))</eqn></aux>`), 'flat.xmile'));
    expect(written).toMatch(/<eqn>m\(RANK\(m\[[^\]]*\], 6\)\)<\/eqn>/);
    expect(columnReader(compileXmile(written, { file: 'written.xmile' }).model.run())('l')[0]).toBe(32);
  });
});

const DIMS = '<dim name="R" size="3"/><dim name="C" size="2"/><dim name="D" size="4"/><dim name="Q"><elem name="x"/><elem name="y"/><elem name="z"/></dim>';
const M = '<aux name="m"><dimensions><dim name="R"/><dim name="C"/></dimensions><eqn>R*10 + C</eqn></aux>\n';
const A = '<aux name="a"><dimensions><dim name="D"/></dimensions><eqn>D * 2</eqn></aux>\n';
const doc = (variables: string, stop = 0) => xmileDoc(variables, { stop, dimensions: DIMS });

/** The refusal of a model: code, both messages, and the column of the line it points at. */
function refusal(variables: string) {
  const source = doc(variables);
  const d = firstDiagnostic(() => compileXmile(source, { file: 'bad.xmile' }));
  const line = source.split('\n')[d.loc!.line - 1]!;
  return { code: d.code, message: d.message, messageEs: d.messageEs ?? '', at: line.slice(d.loc!.column - 1) };
}

describe('what stays refused, located, and why', () => {
  it('@n in an equation that defines no array: element n, or an error? not stated', () => {
    const d = refusal(`${M}<aux name="t"><eqn>m[@1, 1]</eqn></aux>`);
    expect(d.code).toBe('E_UNSUPPORTED');
    expect(d.message).toMatch(/^@1 names the position of a dimension of the array an equation defines, and this equation defines no array/);
    expect(d.messageEs).toMatch(/^@1 nombra la posición de una dimensión del arreglo/);
    expect(d.at.startsWith('@1, 1]')).toBe(true);
  });

  it('@n beyond the equation\'s dimensions', () => {
    const d = refusal(`${M}<aux name="t"><dimensions><dim name="C"/><dim name="R"/></dimensions><eqn>m[@3, @1]</eqn></aux>`);
    expect([d.code, d.message]).toEqual(['E_DIMENSION', '@3: the equation is defined over [C, R], which has no dimension at position 3']);
  });

  it('@n at a position of another dimension: pairing elements by their order is not stated', () => {
    // Q (x, y, z) and R (1, 2, 3) have as many elements but none in common.
    const d = refusal(`${M}<aux name="t"><dimensions><dim name="Q"/><dim name="C"/></dimensions><eqn>m[@1, @2]</eqn></aux>`);
    expect(d.code).toBe('E_UNSUPPORTED');
    expect(d.message).toMatch(/^@1 is Q \(dimension 1 of the equation\), but position 1 of m is R: pairing the elements of two different dimensions by their order is not a rule the standard states/);
  });

  it('one computed subscript on an array of two dimensions (RANK of it is a flat index): one subscript per dimension is needed', () => {
    const d = refusal(`${M}<aux name="t"><eqn>m[RANK(m, 1)]</eqn></aux>`);
    expect(d.code).toBe('E_DIMENSION');
    expect(d.message).toMatch(/^m has 2 dimensions but is given one computed subscript: XMILE 1\.0 takes one subscript per dimension in brackets \(§3\.7\.1\); a flat \(row-major\) index, .* is passed in parentheses \(§3\.3\.2\): write m\(…\) for a flat index/);
    expect(d.messageEs).toMatch(/^m tiene 2 dimensiones pero recibe un único subíndice calculado/);
    expect(d.at.startsWith('m[RANK(m, 1)]')).toBe(true);
  });

  it('the call form a(…) takes one flat index (§3.3.2), and says so when given more', () => {
    const d = refusal(`${A}<aux name="t"><eqn>a(1, 2)</eqn></aux>`);
    expect(d.code).toBe('E_ARITY');
    expect(d.at.startsWith('a(1, 2)')).toBe(true);
  });

  it('a dimension named in an equation over it twice: which position? (it gave q[i, j] = j before)', () => {
    const square = '<aux name="sq"><dimensions><dim name="C"/><dim name="C"/></dimensions><eqn>C</eqn></aux>';
    const d = refusal(square);
    expect([d.code, d.message]).toEqual(['E_UNSUPPORTED', 'C is named in an equation over C 2 times, so which of those positions it stands for is ambiguous; write the position instead (@1, @2)']);
    expect(d.messageEs).toBe('C se nombra en una ecuación sobre C 2 veces, así que es ambiguo a cuál de esas posiciones se refiere; escriba la posición (@1, @2)');
    expect(refusal('<aux name="v"><dimensions><dim name="C"/></dimensions><eqn>C</eqn></aux><aux name="sq"><dimensions><dim name="C"/><dim name="C"/></dimensions><eqn>v[C]</eqn></aux>').at.startsWith('C]')).toBe(true);
    // Written by position it runs: sq[i, j] = 10·i + j over C = 1, 2.
    const col2 = columnReader(compileXmile(doc('<aux name="sq"><dimensions><dim name="C"/><dim name="C"/></dimensions><eqn>10 * v[@1] + v[@2]</eqn></aux><aux name="v"><dimensions><dim name="C"/></dimensions><eqn>C</eqn></aux>'), { file: 'ok.xmile' }).model.run());
    expect(['sq[1,1]', 'sq[1,2]', 'sq[2,1]', 'sq[2,2]'].map((n) => col2(n)[0])).toEqual([11, 12, 21, 22]);
  });
});

describe('computed subscripts as the standard defines them: out of range gives 0 or NaN (§3.7.1, §2.2.1), several positions may be computed', () => {
  it('an index outside the dimension gives 0 (XMILE 1.0 §3.7.1), or NaN where the header says so (§2.2.1)', () => {
    // a = D·2 = {2, 4, 6, 8}; a[2 + 3] is a[5], outside D (4 elements).
    const run = (variables: string, stop: number, header = '') => columnReader(compileXmile(doc(variables, stop).replace('<header>', `<header>${header}`), { file: 'run.xmile' }).model.run())('t');
    expect(run(`${A}<aux name="t"><eqn>a[2 + 3]</eqn></aux>`, 0)).toEqual([0]);
    // At times 0…3 the index is 2, 3, 4, 5.
    expect(run(`${A}<aux name="t"><eqn>a[TIME + 2]</eqn></aux>`, 3)).toEqual([4, 6, 8, 0]);
    expect(run(`${A}<aux name="t"><eqn>a[TIME + 2]</eqn></aux>`, 3, '<options><uses_arrays maximum_dimensions="1" invalid_index_value="NaN"/></options>')).toEqual([4, 6, 8, NaN]);
    // The index is taken as a whole number: 1.5 at time 1 picks a[1].
    expect(run(`${A}<aux name="t"><eqn>a[TIME / 2 + 1]</eqn></aux>`, 1)).toEqual([2, 2]);
  });

  it('two computed subscripts in one reference: m[TIME + 1, TIME + 1] is m[1, 1], m[2, 2], then outside C (2 elements), 0', () => {
    const c = columnReader(compileXmile(doc(`${M}<aux name="t"><eqn>m[TIME + 1, TIME + 1]</eqn></aux>`, 3), { file: 'run.xmile' }).model.run());
    expect(c('t')).toEqual([11, 22, 0, 0]);
  });
});

describe('written back', () => {
  it('as XMILE: @n as the dimension or per element, computed subscripts as written; same values', async () => {
    const { readXmile } = await import('./reader.js');
    const { writeXmile } = await import('./writer.js');
    const written = writeXmile(readXmile(text, 'dimension-position.xmile'));
    expect(written).toMatch(/a\[RANK\(a\[\*\], 1\)\]/);
    const again = columnReader(compileXmile(written, { file: 'again.xmile' }).model.run());
    for (const name of ['m by position[c2,r3]', 'q transposed[p1,p3]', 'q apostrophe[p3,p2]', 'q symmetric[p2,p3]', 'smallest', 'sorted[3]', 'by time', 'next[4]', 'row largest[r2]']) expect(again(name)).toEqual(col(name));
  });

  it('as Vensim: the computed subscript as VECTOR ELM MAP (vensim/computed-subscripts.ts), same values, 0 past the end', async () => {
    const { readXmile } = await import('./reader.js');
    const { writeVensim } = await import('../vensim/writer.js');
    const { compileVensim } = await import('../run/engine.js');
    const one = xmileDoc(`${A}<aux name="t"><eqn>a[TIME + 1]</eqn></aux>`, { stop: 4, dimensions: DIMS });
    const mdl = writeVensim(readXmile(one, 'v.xmile'));
    expect(mdl).toContain('IF THEN ELSE(Time + 1 >= 1 :AND: Time + 1 < 5, VECTOR ELM MAP(a["1"], INTEGER(Time + 1) - 1), 0)');
    expect(columnReader(compileVensim(mdl).model.run())('t')).toEqual([2, 4, 6, 8, 0]);
  });

  it('as Vensim: a flat index m(i) as VECTOR ELM MAP from m\'s first element, same values, 0 past the end', async () => {
    const { readXmile } = await import('./reader.js');
    const { writeVensim } = await import('../vensim/writer.js');
    const { compileVensim } = await import('../run/engine.js');
    // m over R 3 × C 2, row-major 11, 12, 21, 22, 31, 32: m(TIME + 4) at times 0…3 is 22, 31, 32, then 0.
    const one = xmileDoc(`${M}<aux name="t"><eqn>m(TIME + 4)</eqn></aux>`, { stop: 3, dimensions: DIMS });
    const mdl = writeVensim(readXmile(one, 'v.xmile'));
    expect(mdl).toMatch(/VECTOR ELM MAP\(m\["1", ?"1"\], INTEGER\(Time \+ 4\) - 1\)/);
    expect(columnReader(compileVensim(mdl).model.run())('t')).toEqual([22, 31, 32, 0]);
  });
});
