/**
 * Generated XMILE models over size-based dimensions that share element names (1, 2, 3): arrays
 * over two of the dimensions in either order, defined element by element or apply-to-all, read
 * bare, with the subscripts written in another order, with a numbered element and with a
 * wildcard. The expected values come from a formula, not from the engine: base array k holds
 * 100(k + 1) + 10i + j at its first-dimension element i and second-dimension element j.
 */
import prand from 'pure-rand';
import { describe, expect, it } from 'vitest';
import { compileXmile } from '../run/engine.js';
import { columnReader, xmileDoc } from './test-support.js';

interface Arr {
  name: string;
  /** Dimension indexes (into the model's dims) of its two positions. */
  dims: [number, number];
}

function generate(seed: number): { xml: string; dims: string; expected: Map<string, number> } {
  const rng = prand.xoroshiro128plus(seed);
  const int = (lo: number, hi: number) => prand.unsafeUniformIntDistribution(lo, hi, rng);
  // Three dimensions, sizes 2 or 3: most models have two of the same size (the case that went wrong).
  const sizes = [int(2, 3), int(2, 3), int(2, 3)];
  const dimName = (d: number) => `D${d + 1}`;
  const dims = sizes.map((n, d) => `<dim name="${dimName(d)}" size="${n}"/>`).join('');
  const vars: string[] = [];
  const expected = new Map<string, number>();
  const over = (ds: number[]) => `<dimensions>${ds.map((d) => `<dim name="${dimName(d)}"/>`).join('')}</dimensions>`;
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  for (let k = 0; k < 3; k++) {
    const p = int(0, 2);
    const q = (p + int(1, 2)) % 3;
    const a: Arr = { name: `base${k}`, dims: [p, q] };
    const value = (i: number, j: number) => 100 * (k + 1) + 10 * i + j;
    const [P, Q] = a.dims.map(dimName) as [string, string];
    if (int(0, 1) === 0) {
      const els = range(sizes[p]!).flatMap((i) => range(sizes[q]!).map((j) => `<element subscript="${i}, ${j}"><eqn>${value(i, j)}</eqn></element>`));
      vars.push(`<aux name="${a.name}">${over(a.dims)}${els.join('')}</aux>`);
    } else {
      vars.push(`<aux name="${a.name}">${over(a.dims)}<eqn>${100 * (k + 1)} + 10 * ${P} + ${Q}</eqn></aux>`);
    }
    for (const i of range(sizes[p]!)) for (const j of range(sizes[q]!)) expected.set(`${a.name}[${i},${j}]`, value(i, j));
    // Read over [Q, P] (swapped) or [P, Q]: bare, and with the subscripts written by name.
    const swapped = int(0, 1) === 1;
    const outDims = swapped ? [q, p] : [p, q];
    vars.push(`<aux name="bare${k}">${over(outDims)}<eqn>${a.name}</eqn></aux>`);
    vars.push(`<aux name="named${k}">${over(outDims)}<eqn>${a.name}[${P}, ${Q}]</eqn></aux>`);
    for (const x of range(sizes[outDims[0]!]!)) {
      for (const y of range(sizes[outDims[1]!]!)) {
        const v = swapped ? value(y, x) : value(x, y);
        expected.set(`bare${k}[${x},${y}]`, v);
        expected.set(`named${k}[${x},${y}]`, v);
      }
    }
    // A numbered element at the first position, the second position's dimension free.
    const i = int(1, sizes[p]!);
    vars.push(`<aux name="row${k}">${over([q])}<eqn>${a.name}[${i}, ${Q}]</eqn></aux>`);
    for (const j of range(sizes[q]!)) expected.set(`row${k}[${j}]`, value(i, j));
    // A wildcard over the first position at a numbered second element.
    const j = int(1, sizes[q]!);
    vars.push(`<aux name="col${k}"><eqn>SUM(${a.name}[*, ${j}])</eqn></aux>`);
    expected.set(`col${k}`, range(sizes[p]!).reduce((s, r) => s + value(r, j), 0));
  }
  return { xml: vars.join('\n'), dims, expected };
}

describe('generated XMILE models over size-based dimensions with shared element names', () => {
  it('every element of 60 generated models has the value its formula gives', () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const m = generate(seed);
      const col = columnReader(compileXmile(xmileDoc(m.xml, { stop: 0, dimensions: m.dims }), { file: `gen${seed}.xmile` }).model.run());
      for (const [name, want] of m.expected) {
        const got = col(name)[0];
        if (got !== want) wrong.push(`seed ${seed}: ${name} = ${got}, expected ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
