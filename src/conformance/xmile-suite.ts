/**
 * The XMILE half of the SD conformance suite: every `.xmile`, `.stmx` and `.itmx` model under
 * ../shared/sd-test-models/tests with an expected output in its folder, compared by the same
 * rule as the Vensim cases (compare.ts). Kept apart from the Vensim list so each format has
 * its own count and its own known failures.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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
