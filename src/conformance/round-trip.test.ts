/**
 * Model interchange: every model of the conformance suite that runs is written back as a Vensim
 * .mdl from the IR, read again, and must give identical results (same columns, same saved
 * times, every value equal). XMILE models written as .mdl are checked the same way against their
 * XMILE run. Skips with a message where ../shared is absent.
 */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelWithDiagnostics } from '../sd/node/load.js';
import { writeVensim } from '../sd/vensim/writer.js';
import type { RunResult } from '../sd/run/types.js';
import { CASE_DATA_FILES } from './case-notes.js';
import { listVensimCases, suiteRoot } from './suite.js';
import { listXmileCases } from './xmile-suite.js';

const root = suiteRoot();

function sameResults(a: RunResult, b: RunResult): string | undefined {
  if (a.names.join('|') !== b.names.join('|')) return `columns differ: ${a.names.length} vs ${b.names.length}`;
  if (a.time.length !== b.time.length) return `saved times differ: ${a.time.length} vs ${b.time.length}`;
  for (let j = 0; j < a.names.length; j++) {
    const x = a.series[j]!;
    const y = b.series[j]!;
    for (let k = 0; k < x.length; k++) {
      if (!(Object.is(x[k], y[k]) || x[k] === y[k])) return `${a.names[j]} at ${a.time[k]}: ${x[k]} vs ${y[k]}`;
    }
  }
  return undefined;
}

function roundTrip(c: { name: string; model: string }): { status: 'same' | 'skipped' | 'differs'; detail?: string } {
  const dataFiles = (CASE_DATA_FILES[c.name] ?? []).map((f) => join(dirname(c.model), f));
  let first;
  try {
    first = loadModelWithDiagnostics(c.model, { allowNaN: true, dataFiles });
  } catch {
    return { status: 'skipped' }; // the engine does not run it; not a question for the writer
  }
  const text = writeVensim(first.ir);
  let second;
  try {
    second = loadModelWithDiagnostics(text, { allowNaN: true, dataFiles, baseDir: dirname(c.model) });
  } catch (e) {
    return { status: 'differs', detail: `written model does not load: ${(e as Error).message.split('\n')[0]}` };
  }
  const diff = sameResults(first.model.run(), second.model.run());
  return diff ? { status: 'differs', detail: diff } : { status: 'same' };
}

describe.skipIf(!root)('round trip through the .mdl writer', () => {
  if (!root) console.warn('../shared/sd-test-models not found: round-trip tests skipped');
  for (const [label, list] of [
    ['Vensim', () => listVensimCases(root!)],
    ['XMILE', () => listXmileCases(root!)],
  ] as const) {
    it(`${label} suite models read → write .mdl → read give identical results`, () => {
      const cases = list();
      const outcome = cases.map((c) => ({ name: c.name, ...roundTrip(c) }));
      const differs = outcome.filter((o) => o.status === 'differs');
      const same = outcome.filter((o) => o.status === 'same').length;
      console.log(`${label}: ${same} of ${cases.length} models identical after the round trip, ${outcome.length - same - differs.length} not run by the engine`);
      expect(differs.map((d) => `${d.name}: ${d.detail}`)).toEqual([]);
      expect(same).toBeGreaterThan(cases.length / 2);
    }, 300_000);
  }
});
