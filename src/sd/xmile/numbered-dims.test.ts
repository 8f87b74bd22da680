/**
 * Size-based dimensions share element names: `<dim name="N" size="2"/>` and `<dim name="M" size="2"/>`
 * both have elements 1 and 2. An element is read in the dimension of its position, never in the
 * first range that happens to hold its name. Expected values are worked out by hand in comments.
 * (Tests may import upward; dependency-cruiser skips test files.)
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../ir/diagnostics.js';
import { compileIR, compileVensim, compileXmile } from '../run/engine.js';
import { readXmile } from './reader.js';
import { close, columnReader, xmileDoc } from './test-support.js';
import { writeVensim } from '../vensim/writer.js';
import { writeXmile } from './writer.js';

const NM = '<dim name="N" size="2"/><dim name="M" size="2"/>';

/** `name` over `dims` defined element by element: value 10·first + second (S[2,1] = 21). */
function byElement(name: string, dims: string[]): string {
  const els = ['1,1', '1,2', '2,1', '2,2'].map((k) => `<element subscript="${k}"><eqn>${k.replace(',', '')}</eqn></element>`).join('');
  return `<aux name="${name}"><dimensions>${dims.map((d) => `<dim name="${d}"/>`).join('')}</dimensions>${els}</aux>`;
}

const over = (name: string, dims: string[], eqn: string) => `<aux name="${name}"><dimensions>${dims.map((d) => `<dim name="${d}"/>`).join('')}</dimensions><eqn>${eqn}</eqn></aux>`;
const scalar = (name: string, eqn: string) => `<aux name="${name}"><eqn>${eqn}</eqn></aux>`;

function run(variables: string, dimensions = NM): (name: string) => number[] {
  return columnReader(compileXmile(xmileDoc(variables, { stop: 0, dimensions }), { file: 'numbered.xmile' }).model.run());
}

/** f[1,1], f[1,2], f[2,1], f[2,2]. */
const grid = (col: (n: string) => number[], v: string) => ['1,1', '1,2', '2,1', '2,2'].map((k) => col(`${v}[${k}]`)[0]);

describe('size-based dimensions that share element names (XMILE)', () => {
  // S[n,m] = 10n + m over [N, M]; T over [M, N] is T[m,n] = 10m + n.
  const model = [byElement('S', ['N', 'M']), byElement('T', ['M', 'N'])].join('');

  it('an apply-to-all equation reads an element-by-element array at the same elements', () => {
    // The bug: f[1,2] was S[1,1] = 11 and f[2,1] was S[2,2] = 22 (both positions read as N).
    const col = run(model + over('f', ['N', 'M'], 'S'));
    expect(grid(col, 'f')).toEqual([11, 12, 21, 22]);
  });

  it('a bare reference to an array declared over [M, N] pairs positions by dimension name', () => {
    // g[n,m] = T[m,n] = 10m + n: g[1,2] = 21, g[2,1] = 12.
    const col = run(model + over('g', ['N', 'M'], 'T'));
    expect(grid(col, 'g')).toEqual([11, 21, 12, 22]);
  });

  it('transposed references S[M, N] and T[M, N]', () => {
    // tr[n,m] = S[m,n] = 10m + n; u[n,m] = S[n,m] + T[m,n] = 11(n + m).
    const col = run(model + over('tr', ['N', 'M'], 'S[M, N]') + over('u', ['N', 'M'], 'S + T[M, N]'));
    expect(grid(col, 'tr')).toEqual([11, 21, 12, 22]);
    expect(grid(col, 'u')).toEqual([22, 33, 33, 44]);
  });

  it('explicit numbered elements and wildcards pick the element of their own position', () => {
    const col = run(
      model +
        scalar('col1', 'SUM(S[*, 1])') + // S[1,1] + S[2,1] = 11 + 21
        scalar('row2', 'SUM(S[2, *])') + // S[2,1] + S[2,2] = 21 + 22
        scalar('t12', 'T[1, 2]') + // T over [M, N]: M = 1, N = 2 → 12
        over('e', ['M'], 'S[1, M]') + // S[1,m]: 11, 12
        over('rows', ['N'], 'SUM(S[N, *])') + // 11 + 12, 21 + 22
        over('cols', ['M'], 'SUM(S[*, M])'), // 11 + 21, 12 + 22
    );
    close(col('col1'), [32]);
    close(col('row2'), [43]);
    close(col('t12'), [12]);
    expect([col('e[1]')[0], col('e[2]')[0]]).toEqual([11, 12]);
    expect([col('rows[1]')[0], col('rows[2]')[0]]).toEqual([23, 43]);
    expect([col('cols[1]')[0], col('cols[2]')[0]]).toEqual([32, 34]);
  });

  it('a sub-range of a size-based dimension', () => {
    // N = 1, 2, 3; Sub = 2, 3 (named elements that are also N's); M = 1, 2.
    const dims = '<dim name="N" size="3"/><dim name="Sub"><elem name="2"/><elem name="3"/></dim><dim name="M" size="2"/>';
    const ye = '<aux name="ye"><dimensions><dim name="Sub"/></dimensions><element subscript="2"><eqn>200</eqn></element><element subscript="3"><eqn>300</eqn></element></aux>';
    const col = run(
      over('x', ['N'], '10 * N') + // 10, 20, 30
        ye +
        over('y', ['Sub'], 'x') + // x at Sub's elements: 20, 30
        over('z', ['Sub'], 'x[Sub] + ye') + // 220, 330
        scalar('s', 'SUM(ye[*])') + // 500
        scalar('named', 'ye[3]') + // element "3" of Sub: 300
        scalar('indexed', 'ye[1]'), // "1" is not Sub's: index 1 of Sub is "2" (XMILE §3.7.1): 200
      dims,
    );
    expect([col('y[2]')[0], col('y[3]')[0]]).toEqual([20, 30]);
    expect([col('z[2]')[0], col('z[3]')[0]]).toEqual([220, 330]);
    close(col('s'), [500]);
    close(col('named'), [300]);
    close(col('indexed'), [200]);
  });

  it('igem convert --to xmile keeps each array on the dimensions it declared', () => {
    const text = xmileDoc(model + over('f', ['N', 'M'], 'S') + over('g', ['N', 'M'], 'T'), { stop: 0, dimensions: NM });
    const written = writeXmile(readXmile(text, 'numbered.xmile'));
    expect(written).toMatch(/<aux name="S"><dimensions><dim name="N"\/><dim name="M"\/><\/dimensions>/);
    expect(written).toMatch(/<aux name="T"><dimensions><dim name="M"\/><dim name="N"\/><\/dimensions>/);
    const col = columnReader(compileIR(readXmile(written, 'written.xmile')).model.run());
    expect(grid(col, 'f')).toEqual([11, 12, 21, 22]);
    expect(grid(col, 'g')).toEqual([11, 21, 12, 22]);
  });

  it('igem convert --to mdl writes bare references to such arrays with their declared dimensions', () => {
    // A .mdl cannot declare S over [N, M]; read back, S is laid out [N, N], so a bare S would be ambiguous.
    const text = xmileDoc(model + over('f', ['N', 'M'], 'S') + over('g', ['N', 'M'], 'T'), { stop: 0, dimensions: NM });
    const mdl = writeVensim(readXmile(text, 'numbered.xmile'));
    expect(mdl).toMatch(/^f\[N,M\]=\n\tS\[N,M\]$/m);
    expect(mdl).toMatch(/^g\[N,M\]=\n\tT\[M,N\]$/m);
    const col = columnReader(compileVensim(mdl, { file: 'written.mdl' }).model.run());
    expect(grid(col, 'f')).toEqual([11, 12, 21, 22]);
    expect(grid(col, 'g')).toEqual([11, 21, 12, 22]);
  });
});

describe('ranges that share element names (Vensim)', () => {
  // Vensim declares no dimensions per variable: s[n1,n2] could be over [N, N], [N, M], [M, N] …
  const mdl = (f: string) => `{UTF-8}
N: n1, n2 ~~|
M: n1, n2 ~~|
s[n1,n1] = 11 ~~|
s[n1,n2] = 12 ~~|
s[n2,n1] = 21 ~~|
s[n2,n2] = 22 ~~|
${f} ~~|
INITIAL TIME = 0 ~~|
FINAL TIME = 0 ~~|
TIME STEP = 1 ~~|
SAVEPER = 1 ~~|
`;

  it('a bare reference whose positions cannot be told apart is a located error, not a guess', () => {
    let err: unknown;
    try {
      compileVensim(mdl('f[N,M] = s'), { file: 'shared.mdl' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelError);
    const d = (err as ModelError).diagnostics[0]!;
    expect(d.code).toBe('E_DIMENSION');
    expect([d.loc?.file, d.loc?.line, d.loc?.column]).toEqual(['shared.mdl', 8, 10]);
    expect(d.message).toMatch(/s is used without subscripts.*ambiguous/);
    expect(d.messageEs).toMatch(/ambiguo/);
  });

  it('the same reference with its subscripts written reads each element where it is', () => {
    // f[n,m] = s[m,n]: f[n1,n2] = s[n2,n1] = 21.
    const col = columnReader(compileVensim(mdl('f[N,M] = s[M,N]'), { file: 'shared.mdl' }).model.run());
    expect(['n1,n1', 'n1,n2', 'n2,n1', 'n2,n2'].map((k) => col(`f[${k}]`)[0])).toEqual([11, 21, 12, 22]);
  });
});
