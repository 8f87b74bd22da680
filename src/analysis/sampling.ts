/**
 * Points in the unit hypercube, seeded. Row i depends only on the seed and i (random) or on the
 * seed and the design size (Latin hypercube), never on the order in which runs are evaluated.
 */
import { deriveSeed, uniformStream } from './random.js';

export type SamplingMethod = 'random' | 'lhs';

const SALT_POINT = 1;
const SALT_PERMUTATION = 2;

/** n independent uniform points in [0,1)^k; point i uses its own stream. */
export function randomPoints(n: number, k: number, seed: number): Float64Array[] {
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const s = uniformStream(deriveSeed(seed, i, SALT_POINT));
    const row = new Float64Array(k);
    for (let j = 0; j < k; j++) row[j] = s.next();
    rows.push(row);
  }
  return rows;
}

/** Fisher–Yates shuffle of 0..n-1. */
function permutation(n: number, seed: number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  const s = uniformStream(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(s.next() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/**
 * Latin hypercube (McKay, Beckman & Conover 1979): each coordinate's n values fall one in each
 * of n equal strata, placed at random inside the stratum.
 */
export function latinHypercube(n: number, k: number, seed: number): Float64Array[] {
  const jitter = randomPoints(n, k, seed);
  for (let j = 0; j < k; j++) {
    const perm = permutation(n, deriveSeed(seed, j, SALT_PERMUTATION));
    for (let i = 0; i < n; i++) jitter[i][j] = (perm[i] + jitter[i][j]) / n;
  }
  return jitter;
}

export function unitPoints(method: SamplingMethod, n: number, k: number, seed: number): Float64Array[] {
  return method === 'lhs' ? latinHypercube(n, k, seed) : randomPoints(n, k, seed);
}
