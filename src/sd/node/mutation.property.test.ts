import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, ModelError } from '../ir/diagnostics.js';
import { parseFileTags } from '../data/file-tags.js';
import { compileVensim } from '../run/engine.js';
import { createNodeDataHost } from './data-host.js';
import { applyMutation, SUITE, type Mutation } from './fuzz-support.js';
import { readTextFile } from './load.js';

const CASES = ['subscript_2d_arrays', 'lookups', 'macro_multi_expression', 'smooth', 'delay_pipeline', 'subscript_mapping_simple', 'vector_select', 'get_constants_subranges', 'special_characters', 'tabbed_arrays'];

function modelFiles(): string[] {
  if (!existsSync(SUITE)) return [];
  return CASES.flatMap((c) => {
    const dir = join(SUITE, c);
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdl')).map((f) => join(dir, f)) : [];
  });
}

const files = modelFiles();
if (files.length === 0) console.warn('mutation property test: ../shared/sd-test-models not found; skipped');

/** A random edit of the model text: delete, insert, duplicate, swap or truncate. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom('(', ')', '[', ']', '=', '~', '|', ':', ',', ';', '"', "'", '{', '}', '\\', '!', '^', '*', '-', 'x', ' INTEG(', 'SUM(', ':EXCEPT:', '->', '0', 'e+', '\n') }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

describe.skipIf(files.length === 0)('mutated suite models', () => {
  it('make the reader and compiler throw only their own diagnostics', () => {
    const texts = files.map((f) => ({ file: f, text: readTextFile(f) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (k, edits) => {
        const { file, text } = texts[k]!;
        const mutated = edits.reduce((t, m) => applyMutation(t, m), text);
        try {
          compileVensim(mutated, { file, dataHost: createNodeDataHost(dirname(file), parseFileTags(mutated)) });
        } catch (err) {
          const ours = err instanceof ModelError || err instanceof InputError;
          if (!ours) throw new Error(`${file} with ${JSON.stringify(edits)} threw ${(err as Error).stack}`);
          expect((err as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});
