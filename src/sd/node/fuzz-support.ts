/**
 * Model fuzzing shared by the fuzz test files: the conformance suite's models as seeds, random
 * edits (fast-check), and the property every edited model must satisfy: reading, compiling and
 * one time step either succeed or fail with one of our typed, located errors, within a time
 * budget (15 s a case: a typical case takes 10-80 ms; the margin absorbs a loaded 2-core CI).
 * Cases per file: IGEM_FUZZ_CASES, else 2,500 under CI=true (four files: 10,000), else 150.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { InputError, ModelError, SimulationError } from '../ir/diagnostics.js';
import { parseFileTags } from '../data/file-tags.js';
import { compileModelText } from '../run/engine.js';
import { createNodeDataHost } from './data-host.js';
import { readTextFile } from './load.js';

export const SUITE = join(process.cwd(), '..', 'shared', 'sd-test-models', 'tests');

export function fuzzCases(): number {
  const env = process.env.IGEM_FUZZ_CASES;
  if (env) return Math.max(1, Math.floor(Number(env)));
  return process.env.CI === 'true' ? 2500 : 150;
}

/** Every model of the suite (.mdl, .xmile, .stmx), sorted, or none when the suite is absent. */
export function suiteModels(): { file: string; text: string }[] {
  if (!existsSync(SUITE)) return [];
  const out: string[] = [];
  for (const c of readdirSync(SUITE).sort()) {
    const dir = join(SUITE, c);
    try {
      for (const f of readdirSync(dir).sort()) if (/\.(mdl|xmile|stmx)$/i.test(f)) out.push(join(dir, f));
    } catch {
      // not a folder
    }
  }
  return out.map((file) => ({ file, text: readTextFile(file) }));
}

/** Fragments worth inserting: syntax, keywords, and the costly inputs the limits guard. */
const FRAGMENTS = [
  '(', ')', '[', ']', '=', '~', '|', ':', ',', ';', '"', "'", '{', '}', '\\', '!', '^', '*', '-', '/', 'x', '<', '>', '&',
  ' INTEG(', 'SUM(', 'DELAY FIXED(', 'SMOOTH(', 'IF THEN ELSE(', ':EXCEPT:', '->', ':MACRO: M(a)\nM = M(a) ~~|\n:END OF MACRO:\n',
  '0', '1e308', '-1e308', '1e-320', 'NaN', 'e+', '\n', ' :AND: ', ':NA:',
  '('.repeat(2000), 'a^'.repeat(3000), '+1'.repeat(3000), '(a1-a100000000)',
  '<aux name="q"><eqn>1</eqn></aux>', '<dim name="D" size="100000000"/>', '</model>', '<![CDATA[', '&amp;', '<eqn>', '</eqn>',
];

export type Mutation =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; len: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'number'; at: number; value: string };

const at = fc.double({ min: 0, max: 1, noNaN: true });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at, text: fc.constantFrom(...FRAGMENTS) }),
  fc.record({ kind: fc.constant('duplicate' as const), at, len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('number' as const), at, value: fc.constantFrom('0', '-1', '1e9', '1e308', '-1e308', '1e-9', '100000000', '3.5e7') }),
);

export function applyMutation(text: string, m: Mutation): string {
  const i = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.len);
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'duplicate':
      return text.slice(0, i) + text.slice(i, i + m.len) + text.slice(i);
    case 'truncate':
      return text.slice(0, i);
    case 'number': {
      // Replace the next number at or after i (a time setting, a range bound, a constant).
      const re = /\d+(\.\d+)?(e[+-]?\d+)?/gi;
      re.lastIndex = i;
      const hit = re.exec(text);
      return hit ? text.slice(0, hit.index) + m.value + text.slice(hit.index + hit[0].length) : text;
    }
  }
}

/** Why a thrown value is not one of ours, or undefined when it is a typed, located error. */
export function notLocated(err: unknown): string | undefined {
  if (err instanceof ModelError) {
    const bad = err.diagnostics.find((d) => !d.loc || !(d.loc.line >= 1) || !(d.loc.column >= 1));
    return err.diagnostics.length === 0 ? 'a ModelError without diagnostics' : bad ? `a diagnostic without a location: ${bad.code} ${bad.message}` : undefined;
  }
  if (err instanceof InputError) return err.where ? undefined : `an InputError without a field: ${err.message}`;
  if (err instanceof SimulationError) return err.variable ? undefined : `a SimulationError without a variable: ${err.message}`;
  const e = err as Error;
  return `${e?.name ?? typeof err}: ${e?.message ?? String(err)}\n${e?.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
}

/** Reads, compiles and runs one time step; returns a failure description, or undefined. */
export function checkModel(file: string, text: string, budgetMs: number): string | undefined {
  const t0 = performance.now();
  let failure: string | undefined;
  try {
    const { model } = compileModelText(text, { file, dataHost: createNodeDataHost(dirname(file), parseFileTags(text)) });
    const { start, dt } = model.time;
    model.run({ end: start + dt });
  } catch (err) {
    failure = notLocated(err);
  }
  const ms = performance.now() - t0;
  if (!failure && ms > budgetMs) failure = `took ${ms.toFixed(0)} ms, over the budget of ${budgetMs} ms`;
  return failure;
}

/** The fuzz property over one shard of the seeds: cases `cases`, seed fixed per shard. */
export function fuzzShard(shard: number, shards: number, cases: number, budgetMs = 15_000): void {
  const seeds = suiteModels().filter((_, i) => i % shards === shard);
  if (seeds.length === 0) return;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (k, edits) => {
      const { file, text } = seeds[k]!;
      const mutated = edits.reduce(applyMutation, text);
      const failure = checkModel(file, mutated, budgetMs);
      if (failure) throw new Error(`${file} with ${JSON.stringify(edits).slice(0, 400)}: ${failure}`);
    }),
    { numRuns: cases, seed: 20261204 + shard, endOnFailure: true },
  );
}
