import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDistributions } from './random-distributions.js';
import { runSuite, suiteRoot } from './suite.js';

const root = suiteRoot();
if (!root) console.warn('conformance: ../shared/sd-test-models not found; the suite tests are skipped');

describe.skipIf(!root)('SD conformance suite (../shared/sd-test-models, read in place)', () => {
  const results = root ? runSuite(root) : [];
  const known: Record<string, string> = JSON.parse(readFileSync(join(import.meta.dirname, 'known-failures.json'), 'utf8'));

  it('passes at least 95% of the Vensim cases', () => {
    const passed = results.filter((r) => r.pass).length;
    expect(results.length).toBeGreaterThan(100);
    expect(passed / results.length).toBeGreaterThanOrEqual(0.95);
  });

  it('fails exactly the cases listed, with their reasons, in known-failures.json', () => {
    const failing = results.filter((r) => !r.pass).map((r) => `${r.name}: ${r.reason}`);
    const failingNames = results.filter((r) => !r.pass).map((r) => r.name).sort();
    expect(failingNames, failing.join('\n')).toEqual(Object.keys(known).sort());
  });

  it('never crashes: every failure is one of the engine\'s own diagnostics or a mismatch', () => {
    expect(results.filter((r) => r.crashed).map((r) => `${r.name}: ${r.reason}`)).toEqual([]);
  });
});

describe.skipIf(!root || !existsSync(join(root ?? '', 'random')))('RANDOM functions against Vensim\'s summary statistics', () => {
  const n = 40_000;
  const checks = root ? checkDistributions(join(root, 'random'), n) : [];
  it.each(checks.map((c) => [c.expression, c] as const))('%s', (_expr, c) => {
    const sd = Math.sqrt(c.expected.variance);
    // Mean within 5 standard errors; variance within 10% (plenty for 40,000 draws); bounds respected.
    expect(Math.abs(c.actual.mean - c.expected.mean)).toBeLessThanOrEqual((5 * sd) / Math.sqrt(c.n) + 1e-12);
    expect(Math.abs(c.actual.variance - c.expected.variance)).toBeLessThanOrEqual(0.1 * c.expected.variance + 1e-12);
    expect(c.actual.min).toBeGreaterThanOrEqual(c.expected.min);
    expect(c.actual.max).toBeLessThanOrEqual(c.expected.max);
  });
});
