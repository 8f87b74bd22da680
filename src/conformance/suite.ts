/**
 * Runs the public SD conformance suite (../shared/sd-test-models) in place: every Vensim model
 * with an expected output in its folder, compared by the suite's rule.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError, ModelError, SimulationError } from '../sd/ir/diagnostics.js';
import { loadModel, readTextFile } from '../sd/node/load.js';
import { compareResults } from './compare.js';
import { CASE_DATA_FILES, NOT_CASES } from './case-notes.js';
import { parseRunTable } from '../sd/data/run-table.js';

export interface CaseResult {
  name: string;
  model: string;
  pass: boolean;
  reason?: string;
  /** True when the engine failed with something other than its own diagnostics (a bug). */
  crashed: boolean;
  ms: number;
}

/** Where the suite lives: IGEM_SD_TEST_MODELS, or ../shared/sd-test-models beside the project. */
export function suiteRoot(): string | undefined {
  const candidates = [process.env.IGEM_SD_TEST_MODELS, resolve(process.cwd(), '../shared/sd-test-models'), resolve(process.cwd(), '../../shared/sd-test-models')];
  return candidates.find((c): c is string => !!c && existsSync(join(c, 'tests')));
}

export function expectedFileFor(dir: string): string | undefined {
  for (const f of ['output.tab', 'output.csv']) if (existsSync(join(dir, f))) return join(dir, f);
  return undefined;
}

export function listVensimCases(root: string): { name: string; model: string; expected: string }[] {
  const out: { name: string; model: string; expected: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.mdl$/i.test(entry)) {
        const expected = expectedFileFor(dir);
        const name = relative(root, p).split('\\').join('/');
        if (expected && !(name in NOT_CASES)) out.push({ name, model: p, expected });
      }
    }
  };
  walk(join(root, 'tests'));
  return out;
}

export function runCase(c: { name: string; model: string; expected: string }): CaseResult {
  const t0 = performance.now();
  try {
    const dataFiles = (CASE_DATA_FILES[c.name] ?? []).map((f) => join(dirname(c.model), f));
    const model = loadModel(c.model, { allowNaN: true, dataFiles });
    const result = model.run();
    const expected = parseRunTable(readTextFile(c.expected), basename(c.expected));
    const cmp = compareResults(result, expected);
    return { name: c.name, model: c.model, pass: cmp.pass, reason: cmp.reason, crashed: false, ms: performance.now() - t0 };
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0]!;
    const ours = err instanceof ModelError || err instanceof InputError || err instanceof SimulationError;
    return { name: c.name, model: c.model, pass: false, reason: `error: ${msg.replace(dirname(c.model) + '/', '')}`, crashed: !ours, ms: performance.now() - t0 };
  }
}

/** Runs every case; `filter` keeps cases whose name contains it. */
export function runSuite(root: string, filter?: string): CaseResult[] {
  return listVensimCases(root)
    .filter((c) => !filter || c.name.includes(filter))
    .map(runCase);
}

/** The Markdown table `npm run conformance` prints. */
export function formatSuiteTable(results: CaseResult[]): string {
  const lines = ['| case | result | reason |', '|---|---|---|'];
  for (const r of results) lines.push(`| ${r.name} | ${r.pass ? 'pass' : r.crashed ? 'CRASH' : 'fail'} | ${(r.reason ?? '').replace(/\|/g, '\\|').slice(0, 200)} |`);
  const passed = results.filter((r) => r.pass).length;
  lines.push('', `${passed} of ${results.length} Vensim cases pass (${((100 * passed) / Math.max(1, results.length)).toFixed(1)}%).`);
  return lines.join('\n');
}
