/**
 * A bare array name inside an XMILE array builtin is the whole array, also in an apply-to-all
 * equation over its own dimensions (XMILE 1.0 §3.7.1.3 and isee's array notes; sources in
 * expr-parser.ts, wholeArray). Model of our own, array-fixtures/bare-array-builtins.xmile, with
 * A = [a: 2, b: 4, c: 1] and m[D, E] = (D − 1)·2 + E = [1 2; 3 4; 5 6]; values worked out by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { close, columnReader, firstDiagnostic, xmileDoc } from './test-support.js';

const text = readFileSync(join(import.meta.dirname, 'array-fixtures', 'bare-array-builtins.xmile'), 'utf8');
const col = columnReader(compileXmile(text, { file: 'bare-array-builtins.xmile' }).model.run());
const each = (name: string) => ['a', 'b', 'c'].map((d) => col(`${name}[${d}]`)[0]!);

describe('a bare array in an array builtin, in an equation over its dimension', () => {
  it('SUM(A) is the total 7, so A / SUM(A) gives the shares', () => {
    close(each('share'), [2 / 7, 4 / 7, 1 / 7]);
    close(col('total'), [7, 7, 7]);
  });

  it('MEAN, MAX, MIN, PROD and STDDEV use all three values', () => {
    close(each('from mean'), [2 - 7 / 3, 4 - 7 / 3, 1 - 7 / 3]);
    close(each('of max'), [0.5, 1, 0.25]);
    close(each('of min'), [2, 4, 1]);
    close(each('prod over'), [8 / 2, 8 / 4, 8 / 1]);
    // Population form: deviations −1/3, 5/3, −4/3; squares sum to 42/9; /3 → 14/9.
    close(each('spread'), [Math.sqrt(14) / 3, Math.sqrt(14) / 3, Math.sqrt(14) / 3]);
  });

  it('SIZE(A) and SIZE(SELF) are 3', () => {
    close(each('size of'), [3, 3, 3]);
    close(each('size self'), [3, 3, 3]);
  });

  it('RANK(A, D) is the index of the D-th smallest: c, then a, then b', () => {
    close(each('ranked'), [3, 1, 2]);
  });

  it('SUM(m) of a 2-D array is its total 21; SUM(m[D, *]) the current row', () => {
    close(each('matrix total'), [21, 21, 21]);
    close(each('row sum'), [3, 7, 11]);
  });

  it('naming the dimension keeps the current element; A[*] is the whole array', () => {
    close(each('own element'), [2, 4, 1]);
    close(each('clamp'), [0, 2, 0]);
    close(each('whole max'), [4, 4, 4]);
  });

  it('in a stock and its flow: S(0) = SUM(A) − A, then + share each year', () => {
    close(col('S[a]'), [5, 5 + 2 / 7, 5 + 4 / 7]);
    close(col('S[c]'), [6, 6 + 1 / 7, 6 + 2 / 7]);
  });
});

describe('a bare array among several MIN/MAX/MEAN arguments, where readings differ', () => {
  it('stops with a located bilingual E_UNSUPPORTED naming both ways to write it', () => {
    const doc = xmileDoc(
      `      <aux name="A"><dimensions><dim name="D"/></dimensions><eqn>D</eqn></aux>
      <aux name="floor"><dimensions><dim name="D"/></dimensions><eqn>MAX(A, 0)</eqn></aux>`,
      { stop: 0, dimensions: '<dim name="D"><elem name="a"/><elem name="b"/></dim>' },
    );
    const d = firstDiagnostic(() => compileXmile(doc, { file: 'floor.xmile' }));
    expect(d.code).toBe('E_UNSUPPORTED');
    expect(d.loc?.file).toBe('floor.xmile');
    const line = doc.split('\n').findIndex((l) => l.includes('MAX(A, 0)')) + 1;
    expect(d.loc?.line).toBe(line);
    expect(d.message).toContain('A[*] for the whole array or A[D] for the current element');
    expect(d.messageEs).toContain('A[*] para todo el arreglo o A[D] para el elemento actual');
  });
});
