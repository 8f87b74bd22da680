/**
 * Shared body of the differential test files: each file checks one range of seeds, so that
 * vitest runs the ranges in parallel. N comes from IGEM_DIFF_N (default 2,000 in CI, 200 otherwise).
 */
import { describe, expect, it } from 'vitest';
import { checkSeed, type Disagreement } from './differential.js';
import { readFileSync } from 'node:fs';

export const PARTS = 4;

export function modelCount(): number {
  const fromEnv = Number(process.env.IGEM_DIFF_N);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return Math.floor(fromEnv);
  return process.env.CI === 'true' ? 2000 : 200;
}

interface KnownDifference {
  id: string;
  what: string;
  referee: string;
  /** Generated models excused from the seeded tests because of this difference. */
  seeds: number[];
}
const known = JSON.parse(readFileSync(new URL('./known-differences.json', import.meta.url), 'utf8')) as { differences: KnownDifference[] };
const explained = new Set(known.differences.flatMap((d) => d.seeds));

export function differentialPart(part: number): void {
  const n = modelCount();
  const from = Math.floor((n * part) / PARTS);
  const to = Math.floor((n * (part + 1)) / PARTS);
  describe(`differential: engine vs reference interpreter, seeds ${from}..${to - 1}`, () => {
    it('agrees on every column at every saved time', () => {
      const unexplained: Disagreement[] = [];
      for (let seed = from; seed < to; seed++) {
        const d = checkSeed(seed);
        if (d && !explained.has(seed)) unexplained.push(d);
      }
      const report = unexplained
        .slice(0, 3)
        .map((d) => `seed ${d.seed}: ${d.column} at time ${d.time}: engine ${d.engine}, reference ${d.reference}\n${d.text}`)
        .join('\n');
      expect(unexplained.length, report).toBe(0);
    }, 240_000);
  });
}
