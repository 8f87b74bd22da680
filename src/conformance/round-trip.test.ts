/**
 * Model interchange: every model of the conformance suite that runs is written back as a Vensim
 * .mdl from the IR, read again, and must give identical results (same columns, same saved
 * times, every value equal; the only columns the written model may add are the variables the
 * writer generates for an XMILE INIT or DELAY inside a larger expression). XMILE models written as .mdl are checked the same way against their
 * XMILE run. Skips with a message where ../shared is absent. The public corpus has its own round
 * trip, leg by leg (corpus-round-trip.test.ts).
 */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelWithDiagnostics, modelDataHost } from '../sd/node/load.js';
import { writeVensim } from '../sd/vensim/writer.js';
import { writeXmile } from '../sd/xmile/writer.js';
import { knownTables } from '../sd/run/known-tables.js';
import { ModelError } from '../sd/ir/diagnostics.js';
import { sameKeptColumns } from './same-results.js';
import { CASE_DATA_FILES } from './case-notes.js';
import { listVensimCases, suiteRoot } from './suite.js';
import { listXmileCases } from './xmile-suite.js';
import { withoutWriterHelpers } from './round-trip-legs.js';

const root = suiteRoot();

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
  // The .mdl writer gives an XMILE INIT or DELAY inside a larger expression a variable of its own
  // (Vensim's INITIAL and DELAY FIXED must be a whole right-hand side): only those may be added.
  const diff = withoutWriterHelpers(first.model.run(), second.model.run(), second.ir);
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

describe.skipIf(!root)('round trip through the XMILE writer', () => {
  for (const [label, list] of [
    ['Vensim', () => listVensimCases(root!)],
    ['XMILE', () => listXmileCases(root!)],
  ] as const) {
    it(`${label} suite models written as XMILE and read back give identical results, or a located refusal`, () => {
      let same = 0;
      const refused: string[] = [];
      const differs: string[] = [];
      for (const c of list()) {
        const dataFiles = (CASE_DATA_FILES[c.name] ?? []).map((f) => join(dirname(c.model), f));
        let first;
        try {
          first = loadModelWithDiagnostics(c.model, { allowNaN: true, dataFiles });
        } catch {
          continue;
        }
        let text: string;
        try {
          text = writeXmile(first.ir, { dataHost: modelDataHost(c.model), known: knownTables(first.model) });
        } catch (e) {
          expect(e).toBeInstanceOf(ModelError);
          expect((e as ModelError).diagnostics[0]!.code).toBe('E_XMILE_WRITE');
          refused.push(`${c.name}: ${(e as Error).message.split('\n')[0]}`);
          continue;
        }
        try {
          const second = loadModelWithDiagnostics(text, { allowNaN: true });
          const d = sameKeptColumns(first.model.run(), second.model.run()); // the XMILE may add generated net flows
          if (d) differs.push(`${c.name}: ${d}`);
          else same++;
        } catch (e) {
          differs.push(`${c.name}: written XMILE does not load: ${(e as Error).message.split('\n')[0]}`);
        }
      }
      console.log(`${label} → XMILE: ${same} identical, ${refused.length} refused with a located reason, ${differs.length} differ`);
      expect(differs).toEqual([]);
      expect(same).toBeGreaterThan(0);
    }, 300_000);
  }
});
