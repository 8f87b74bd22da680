/**
 * One small function per lookup table that does `lookupRange` for that table with its points
 * written into the code as constants: `v[i] = x <= X0 ? Y0 : x >= Xn ? Yn : x < X1 ? … : …`.
 * The generic loop reads four table entries per element (each a typed-array load with its checks);
 * on the 10,000-equation model's 2,000 lookups per step this took a quarter of the run, the
 * constants a tenth of it.
 *
 * Bit for bit what `Runtime.lookup` gives: the chain picks the same segment (the last point with
 * X ≤ x, zero-width segments never chosen), and each segment's formula is the generic one with its
 * differences computed here by the same subtraction, `Yk + ((Yk+1 − Yk) × (x − Xk)) / (Xk+1 − Xk)`.
 * Only for ascending tables of 2 to MAX_POINTS points (a chain walks the segments in order), and
 * only while the run uses the model's own table (a run that overrides a lookup has other arrays).
 */

/** Writes the lookup of `v[at..at+n)` into the same slots. */
export type RangeKernel = (v: Float64Array, at: number, n: number) => void;

/** Longest table given a kernel: the chain tests the segments in turn. */
const MAX_POINTS = 16;

/**
 * A number as a JavaScript literal that reads back as the same double. NaN and ±Infinity as
 * divisions: the globals `NaN` and `Infinity` are tagged heap values, and a chain that can yield
 * one made TurboFan box every result (a kernel with `NaN` in it ran slower than the generic loop).
 */
function literal(x: number): string {
  if (Number.isNaN(x)) return '(0 / 0)';
  if (x === Infinity) return '(1 / 0)';
  if (x === -Infinity) return '(-1 / 0)';
  if (Object.is(x, -0)) return '(-0)';
  return x < 0 ? `(${x})` : String(x);
}

/** The kernel's source for an ascending table of 2 to MAX_POINTS points. */
function kernelSource(xs: Float64Array, ys: Float64Array): string {
  const m = xs.length;
  const tests = [`x <= ${literal(xs[0]!)} ? ${literal(ys[0]!)}`, `x >= ${literal(xs[m - 1]!)} ? ${literal(ys[m - 1]!)}`];
  // NaN passes every test below to the last segment's formula, which gives NaN; the generic loop
  // takes segment 0 for it, whose x1 === x0 case answers its y1 instead.
  if (xs[1] === xs[0]) tests.push(`x !== x ? ${literal(ys[1]!)}`);
  const segments: number[] = [];
  for (let k = 0; k + 1 < m; k++) if (xs[k + 1] !== xs[k]) segments.push(k);
  const formula = (k: number) => `${literal(ys[k]!)} + (${literal(ys[k + 1]! - ys[k]!)} * (x - ${literal(xs[k]!)})) / ${literal(xs[k + 1]! - xs[k]!)}`;
  const last = segments.pop()!;
  for (const k of segments) tests.push(`x < ${literal(xs[k + 1]!)} ? ${formula(k)}`);
  return `"use strict";\nconst end = at + n;\nfor (let i = at; i < end; i++) {\n  const x = v[i];\n  v[i] = ${tests.join('\n    : ')}\n    : ${formula(last)};\n}`;
}

function suitsKernel(xs: Float64Array, ys: Float64Array): boolean {
  if (xs.length < 2 || xs.length > MAX_POINTS || ys.length !== xs.length) return false;
  // Ascending, with some width (a table of one repeated x has no segment to interpolate on).
  for (let j = 1; j < xs.length; j++) if (!(xs[j - 1]! <= xs[j]!)) return false;
  return xs[0]! !== xs[xs.length - 1]!;
}

/** The kernels of one model's tables, each made at its first use and shared by every run. */
export class LookupKernels {
  /** By table: its kernel, null when the table does not suit one, undefined until asked. */
  private readonly kernels: (RangeKernel | null | undefined)[] = [];

  /** `lx`, `ly`: the model's own tables (a run's overridden tables are other arrays). */
  constructor(
    private readonly lx: readonly Float64Array[],
    private readonly ly: readonly Float64Array[],
  ) {}

  /** The kernel for table `t` when the run's arrays `xs`, `ys` are the model's own, else null. */
  get(t: number, xs: Float64Array, ys: Float64Array): RangeKernel | null {
    if (xs !== this.lx[t] || ys !== this.ly[t]) return null;
    let k = this.kernels[t];
    if (k === undefined) {
      k = suitsKernel(xs, ys) ? (new Function('v', 'at', 'n', kernelSource(xs, ys)) as RangeKernel) : null;
      this.kernels[t] = k;
    }
    return k;
  }
}
