/**
 * The XMILE half of the SD conformance suite: every `.xmile`, `.stmx` and `.itmx` model under
 * ../shared/sd-test-models/tests with an expected output in its folder, compared by the same
 * rule as the Vensim cases (compare.ts). Kept apart from the Vensim list so each format has
 * its own count and its own known failures.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseRunTable } from '../sd/data/run-table.js';
import { loadModel, readTextFile } from '../sd/node/load.js';
import { compareResults } from './compare.js';
import { expectedFileFor, runCase, type CaseResult } from './suite.js';

const XMILE_MODEL = /\.(xmile|stmx|itmx)$/i;

export function listXmileCases(root: string): { name: string; model: string; expected: string }[] {
  const out: { name: string; model: string; expected: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (XMILE_MODEL.test(entry)) {
        const expected = expectedFileFor(dir);
        if (expected) out.push({ name: relative(root, p).split('\\').join('/'), model: p, expected });
      }
    }
  };
  walk(join(root, 'tests'));
  return out;
}

/** Runs every XMILE case; `filter` keeps cases whose name contains it. */
export function runXmileSuite(root: string, filter?: string): CaseResult[] {
  return listXmileCases(root)
    .filter((c) => !filter || c.name.includes(filter))
    .map(runCase);
}

/**
 * Many folders also keep Stella's own run of the model (`output_stella*.csv`), the format's
 * own tool: each XMILE case is compared with those too, by the same rule.
 */
export function runStellaReferences(root: string): CaseResult[] {
  const out: CaseResult[] = [];
  for (const c of listXmileCases(root)) {
    const dir = dirname(c.model);
    for (const f of readdirSync(dir).filter((x) => /^output_stella.*\.csv$/i.test(x)).sort()) {
      const name = `${c.name} vs ${f}`;
      const t0 = performance.now();
      try {
        const result = loadModel(c.model, { allowNaN: true }).run();
        const cmp = compareResults(result, parseRunTable(readTextFile(join(dir, f)), basename(f)));
        out.push({ name, model: c.model, pass: cmp.pass, reason: cmp.reason, crashed: false, ms: performance.now() - t0 });
      } catch (err) {
        out.push({ name, model: c.model, pass: false, reason: `error: ${(err as Error).message.split('\n')[0]}`, crashed: false, ms: performance.now() - t0 });
      }
    }
  }
  return out;
}
