import { describe, expect, it } from 'vitest';
import { Runtime } from './runtime-lib.js';
import { LookupKernels } from './lookup-kernels.js';

/** Tables of several shapes: even and uneven x, repeated x, one point, none. */
function tables(): { x: Float64Array; y: Float64Array }[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const out: { x: Float64Array; y: Float64Array }[] = [];
  out.push({ x: Float64Array.of(0, 1, 2, 3, 4), y: Float64Array.of(0.5, 1, 1.4, 1.7, 1.8) });
  out.push({ x: Float64Array.of(-2, -0.5, 0.1, 7, 7, 9.25), y: Float64Array.of(3, -1, 0.25, 2, 5, -4) });
  out.push({ x: Float64Array.of(1), y: Float64Array.of(42) });
  out.push({ x: new Float64Array(0), y: new Float64Array(0) });
  // Not ascending (searched by bisection), infinite ends, a table wider than the inputs are many.
  out.push({ x: Float64Array.of(0, 3, 1, 2, 5), y: Float64Array.of(1, 2, 3, 4, 5) });
  out.push({ x: Float64Array.of(-Infinity, 0, 1, Infinity), y: Float64Array.of(-1, 0, 2, 9) });
  out.push({ x: Float64Array.of(0, 1e-300, 2e-300), y: Float64Array.of(0, 1, 4) });
  // Kernel edge cases: a zero-width first segment (NaN then answers its y1), NaN, -0 and infinite
  // y values, a zero-width segment inside and at the end, negative zero x.
  out.push({ x: Float64Array.of(0, 0, 1, 2), y: Float64Array.of(1, 2, 3, 4) });
  out.push({ x: Float64Array.of(-1, 0, 0, 2, 2), y: Float64Array.of(NaN, -0, Infinity, -Infinity, 0.1) });
  out.push({ x: Float64Array.of(-0, 0.1, 0.30000000000000004), y: Float64Array.of(-0, 1e-310, -1.7976931348623157e308) });
  out.push({ x: Float64Array.of(3, 3), y: Float64Array.of(1, 2) });
  out.push({ x: Float64Array.from({ length: 2000 }, (_, i) => i * i * 0.01), y: Float64Array.from({ length: 2000 }, (_, i) => Math.sqrt(i)) });
  for (let k = 0; k < 20; k++) {
    const n = 2 + Math.floor(rnd() * 30);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    let at = rnd() * 10 - 5;
    for (let i = 0; i < n; i++) {
      x[i] = at;
      y[i] = rnd() * 200 - 100;
      at += rnd() < 0.1 ? 0 : rnd() * 3;
    }
    out.push({ x, y });
  }
  return out;
}

describe('lookupRange', () => {
  const inputs = [NaN, Infinity, -Infinity, 0, -0, 1, 2, 7, 9.25, -2, 3.5, 5e-301, 1e-300, 1.5e-300, 0.1, 0.30000000000000004, 3];
  for (let i = 0; i < 500; i++) inputs.push(Math.sin(i * 12.9898) * 12);
  for (let i = 0; i < 2500; i++) inputs.push(i * 0.37 + Math.sin(i) * 0.5);

  /** Looks up `inputs` with `ranged` table by table, checking each value against `scalar.lookup`. */
  function expectSameAsLookup(ranged: Runtime, scalar: Runtime, count: number): void {
    for (let t = 0; t < count; t++) {
      // Inputs sit in the middle of a longer array: the slots around them stay untouched.
      const v = new Float64Array(inputs.length + 6).fill(-123);
      v.set(inputs, 3);
      ranged.lookupRange(t, v, 3, inputs.length);
      expect(v.slice(0, 3)).toEqual(new Float64Array(3).fill(-123));
      expect(v.slice(3 + inputs.length)).toEqual(new Float64Array(3).fill(-123));
      inputs.forEach((x, i) => expect(Object.is(v[3 + i], scalar.lookup(t, x)), `table ${t}, x = ${x}`).toBe(true));
    }
  }

  it('with per-table kernels, gives bit for bit what lookup gives', () => {
    const ts = tables();
    const lx = ts.map((t) => t.x);
    const ly = ts.map((t) => t.y);
    const kernels = new LookupKernels(lx, ly);
    expectSameAsLookup(new Runtime(lx, ly, [], 0, 1, kernels), new Runtime(lx, ly, [], 0, 1), ts.length);
    // The short ascending tables got a kernel; the unordered, one-point and 2000-point ones did not.
    expect(kernels.get(0, lx[0]!, ly[0]!)).not.toBeNull();
    expect(kernels.get(1, lx[1]!, ly[1]!)).not.toBeNull();
    for (const t of [2, 3, 4, 10, 11]) expect(kernels.get(t, lx[t]!, ly[t]!), `table ${t}`).toBeNull();
  });

  it('with kernels, a run whose table was replaced looks up in the replacement', () => {
    const ts = tables();
    const lx = ts.map((t) => t.x);
    const ly = ts.map((t) => t.y);
    const r = new Runtime(lx.slice(), ly.slice(), [], 0, 1, new LookupKernels(lx, ly));
    r.ly[0] = Float64Array.of(10, 20, 30, 40, 50);
    const v = Float64Array.of(0.5, 2.25, 7);
    r.lookupRange(0, v, 0, 3);
    expect(Array.from(v)).toEqual([15, 32.5, 50]);
  });

  it('gives bit for bit what lookup gives, element by element', () => {
    const ts = tables();
    const r = new Runtime(ts.map((t) => t.x), ts.map((t) => t.y), [], 0, 1);
    expectSameAsLookup(r, r, ts.length);
  });
});
