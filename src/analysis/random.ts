/**
 * Seeded random numbers for every analysis. A run's stream depends only on the master seed and
 * the run's index, so results are the same whatever order (or worker) evaluates the runs.
 */
import prand from 'pure-rand';
import { InputError } from '../sd/ir/diagnostics.js';

/** Uniform numbers in [0, 1) with 53 random bits. */
export interface UniformStream {
  next(): number;
}

export function uniformStream(seed: number): UniformStream {
  const rng = prand.xoroshiro128plus(seed | 0);
  return {
    next(): number {
      const hi = rng.unsafeNext() >>> 5; // 27 bits
      const lo = rng.unsafeNext() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
  };
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * The seed of sub-stream `index` (a run, a start, a dimension) of the master seed. `salt` keeps
 * streams used for different purposes apart (e.g. LHS permutations vs per-run jitter).
 */
export function deriveSeed(master: number, index: number, salt = 0): number {
  const lo = index >>> 0;
  const hi = Math.floor(index / 4294967296) >>> 0;
  let h = mix32((master | 0) ^ 0x9e3779b9);
  h = mix32(h ^ lo);
  h = mix32(h ^ Math.imul(hi + 1, 0x27d4eb2f));
  return mix32(h ^ Math.imul(salt + 1, 0x165667b1));
}

/** Parses a seed given by a user (CLI or spec): an integer that fits in 32 bits. */
export function parseSeed(text: string | number, where: string): number {
  const value = typeof text === 'number' ? text : Number(String(text).trim());
  if (!Number.isInteger(value) || Math.abs(value) > 2147483647 || String(text).trim() === '') {
    throw new InputError(where, { en: `seed must be an integer between -2147483647 and 2147483647, got "${text}"`, es: `la semilla debe ser un número entero entre -2147483647 y 2147483647, se recibió "${text}"` });
  }
  return value;
}
