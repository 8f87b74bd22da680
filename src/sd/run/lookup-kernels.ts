/**
 * One small function per lookup table that does `lookupRange` for that table with its points
 * written into the code as constants (src/sd/compile/lookup-chain.ts). The generic loop reads
 * four table entries per element (each a typed-array load with its checks); on the
 * 10,000-equation model's 2,000 lookups per step that was a quarter of the run. Used only while a
 * run has the model's own table (a run that overrides a lookup has other arrays).
 */
import { lookupChain } from '../compile/lookup-chain.js';

/** Writes the lookup of `v[at..at+n)` into the same slots. */
export type RangeKernel = (v: Float64Array, at: number, n: number) => void;

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
      const chain = lookupChain(xs, ys, 'x');
      k = chain === undefined ? null : (new Function('v', 'at', 'n', `"use strict";\nconst end = at + n;\nfor (let i = at; i < end; i++) {\n  const x = v[i];\n  v[i] = ${chain};\n}`) as RangeKernel);
      this.kernels[t] = k;
    }
    return k;
  }
}
