/**
 * Benchmark of the measurement: a SYNTHETIC sample of about 500,000 employed persons (generator of
 * synthetic.ts at 27× the PSUs), then classification and four one-way tables (sector, sex, age,
 * region) with Taylor-linearised SEs. Only classification and tabulation are timed (target < 3 s,
 * issue 12); generating and reading the records are not.
 */
import { join } from 'node:path';
import { classify } from './classify.js';
import { parseDescriptor } from './descriptor.js';
import { estimateTables } from './estimate.js';
import { surveyFromGrid } from './read-survey.js';
import { loadRules } from './rules.js';
import { generateSynthetic } from './synthetic.js';
import { syntheticTargets } from './synthetic-targets.js';
import { readJson } from '../io/read-grid.js';

export function benchGreenJobs(root: string, sharedPeru: string): { records: number; ms: number; rows: number } {
  const greenjobs = join(root, 'models/peru/greenjobs');
  const sample = generateSynthetic(syntheticTargets(sharedPeru, join(root, 'models/peru/io')), 7, 27);
  const rows = [sample.header, ...sample.rows];
  const grid = { source: 'SYNTHETIC bench sample', rows, where: (r: number, c: number) => `bench:${r + 1}:${c + 1}` };
  const descriptorPath = join(greenjobs, 'descriptors/enaho-2022-500.json');
  const survey = surveyFromGrid(grid, parseDescriptor(readJson(descriptorPath), descriptorPath));
  const rules = loadRules(join(greenjobs, 'rules.json'));
  const start = performance.now();
  const c = classify(survey, rules);
  const t = estimateTables(c, ['sector', 'sex', 'age', 'region']);
  const ms = performance.now() - start;
  if (!t.rows.every((r) => Number.isFinite(r.totals.green.se))) throw new Error('benchmark produced a non-finite standard error');
  return { records: survey.n, ms, rows: t.rows.length };
}
