/**
 * The engine's random numbers: one seeded stream per run (xoroshiro128+ from pure-rand), so a
 * run is reproducible for a given seed, and one stream per Vensim stream ID other than 0 (the
 * last argument s of RANDOM UNIFORM, NORMAL, …), seeded by that ID. Doubles take 53 bits from two
 * 32-bit draws.
 *
 * We do NOT reproduce Vensim's draws for the same NOISE SEED. Vensim's reference (NOISE RNG)
 * says its default generator since 6.3 is SFMT, the SIMD Mersenne Twister of Saito and
 * Matsumoto (the legacy one, NOISE RNG = -1, three linear-congruential generators after
 * Numerical Recipes), but it does not document how NOISE SEED and each call's stream ID seed
 * that generator, how draws are shared between calls, or how 32/64-bit outputs become doubles;
 * without those the sequences cannot be made to agree. Runs are reproducible here and their
 * distributions follow Vensim's definitions (stretch, shift, truncation), not its sample paths.
 */
import { VectorArgumentError } from './vector-functions.js';
import type * as PureRand from 'pure-rand';
import { lazyPackage } from '../ir/lazy-package.js';

/** Loaded at a model's first random draw: most models draw none (src/sd/ir/lazy-package.ts). */
const pureRand = lazyPackage<typeof PureRand>('pure-rand');

/**
 * The seed of a Vensim stream ID: the 64 bits of the number folded to 32, so that distinct IDs
 * (1, 2, 0.5, -1) get distinct streams.
 */
export function streamSeed(id: number): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, id);
  return (v.getUint32(0) ^ Math.imul(v.getUint32(4), 0x9e3779b1)) | 0;
}

export class RandomStream {
  private g: PureRand.RandomGenerator;
  private spare: number | undefined;

  constructor(seed: number) {
    this.g = pureRand().xoroshiro128plus(seed | 0);
  }

  /** Uniform on [0, 1). */
  next(): number {
    const hi = (this.g.unsafeNext() >>> 0) >>> 5; // 27 bits
    const lo = (this.g.unsafeNext() >>> 0) >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Standard normal by the polar Box–Muller method. */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /** Draws from `draw` until the value falls in [min, max] (Vensim truncates its distributions). */
  truncated(min: number, max: number, draw: () => number): number {
    for (let i = 0; i < 1000; i++) {
      const x = draw();
      if (x >= min && x <= max) return x;
    }
    // Clamping a draw here would pile the values on a bound: say so instead.
    throw new VectorArgumentError({ en: `no draw of a RANDOM function fell between its minimum ${min} and maximum ${max} in 1,000 tries; widen the bounds or move the distribution into them`, es: `ningún valor sorteado por una función RANDOM cayó entre su mínimo ${min} y su máximo ${max} en 1,000 intentos; amplíe los límites o mueva la distribución dentro de ellos` });
  }

  truncatedNormal(min: number, max: number, mean: number, sd: number): number {
    return this.truncated(min, max, () => mean + sd * this.normal());
  }

  triangular(lower: number, mode: number, upper: number): number {
    const u = this.next();
    const c = (mode - lower) / (upper - lower);
    return u < c ? lower + Math.sqrt(u * (upper - lower) * (mode - lower)) : upper - Math.sqrt((1 - u) * (upper - lower) * (upper - mode));
  }

  poisson(mean: number): number {
    if (mean < 30) {
      const l = Math.exp(-mean);
      let k = 0;
      let p = 1;
      do {
        k++;
        p *= this.next();
      } while (p > l);
      return k - 1;
    }
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
  }

  /** Marsaglia–Tsang gamma with unit scale. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = this.next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }

  beta(a: number, b: number): number {
    const x = this.gamma(a);
    return x / (x + this.gamma(b));
  }

  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /**
   * The number of trials it takes to get `n` successes when each succeeds with probability p
   * (Vensim's RANDOM NEGATIVE BINOMIAL counts trials, from n up): n geometric counts, each drawn
   * by inversion (the first k with 1 − (1 − p)^k > u). A count n that is not whole is rounded
   * (an assumption: the page speaks of N successes). NaN when p is not in (0, 1] or n < 0.
   */
  negativeBinomial(count: number, p: number): number {
    const n = Math.round(count);
    if (!(p > 0 && p <= 1) || !(n >= 0)) return NaN;
    if (p === 1) return n;
    const q = Math.log1p(-p);
    let trials = 0;
    for (let i = 0; i < n; i++) trials += Math.max(1, Math.ceil(Math.log1p(-this.next()) / q));
    return trials;
  }

  /**
   * A draw from the density a lookup traces (its points joined by straight lines, zero outside
   * its first and last x), by inverting the cumulative area: the segment holding u × the total
   * area, then the root of y0·t + s·t²/2 = rest within it. NaN for a table with a negative y or
   * no area.
   */
  fromDensity(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
    const n = xs.length;
    let total = 0;
    for (let i = 0; i < n; i++) if (!(ys[i]! >= 0)) return NaN;
    for (let i = 0; i + 1 < n; i++) total += ((ys[i]! + ys[i + 1]!) / 2) * (xs[i + 1]! - xs[i]!);
    if (!(total > 0)) return NaN;
    let rest = this.next() * total;
    for (let i = 0; i + 1 < n; i++) {
      const w = xs[i + 1]! - xs[i]!;
      const area = ((ys[i]! + ys[i + 1]!) / 2) * w;
      if (rest < area || i + 2 === n) {
        const r = Math.min(rest, area);
        if (w === 0 || r <= 0) return xs[i]!;
        const y0 = ys[i]!;
        const s = (ys[i + 1]! - y0) / w;
        // t solves y0·t + s·t²/2 = r; this form has no cancellation when s is near 0.
        const t = (2 * r) / (y0 + Math.sqrt(Math.max(0, y0 * y0 + 2 * s * r)));
        return xs[i]! + Math.min(w, t);
      }
      rest -= area;
    }
    return NaN;
  }
}
