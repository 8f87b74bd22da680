/** Model fuzzing, shard 4 of 4 (see fuzz-support.ts): mutated suite models fail only with located diagnostics. */
import { describe, it } from 'vitest';
import { fuzzCases, fuzzShard, SUITE, suiteModels } from './fuzz-support.js';

const present = suiteModels().length > 0;
if (!present) console.warn(`model fuzzing: ${SUITE} not found; skipped`);

describe.skipIf(!present)('fuzzed suite models, shard 4/4', () => {
  it(`${fuzzCases()} mutated models: reader, compiler and one step throw only typed, located errors within the budget`, () => {
    fuzzShard(3, 4, fuzzCases());
  }, 600_000);
});
