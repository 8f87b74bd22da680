import { describe, expect, it } from 'vitest';
import { Runtime } from './runtime-lib.js';

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
  it('gives bit for bit what lookup gives, element by element', () => {
    const ts = tables();
    const r = new Runtime(ts.map((t) => t.x), ts.map((t) => t.y), [], 0, 1);
    const inputs = [NaN, Infinity, -Infinity, 0, -0, 1, 2, 7, 9.25, -2, 3.5, 5e-301, 1e-300, 1.5e-300];
    for (let i = 0; i < 500; i++) inputs.push(Math.sin(i * 12.9898) * 12);
    for (let i = 0; i < 2500; i++) inputs.push(i * 0.37 + Math.sin(i) * 0.5);
    for (let t = 0; t < ts.length; t++) {
      // Inputs sit in the middle of a longer array: the slots around them stay untouched.
      const v = new Float64Array(inputs.length + 6).fill(-123);
      v.set(inputs, 3);
      r.lookupRange(t, v, 3, inputs.length);
      expect(v.slice(0, 3)).toEqual(new Float64Array(3).fill(-123));
      expect(v.slice(3 + inputs.length)).toEqual(new Float64Array(3).fill(-123));
      inputs.forEach((x, i) => expect(Object.is(v[3 + i], r.lookup(t, x)), `table ${t}, x = ${x}`).toBe(true));
    }
  });
});
