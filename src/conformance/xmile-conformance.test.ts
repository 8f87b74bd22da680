import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteRoot } from './suite.js';
import { runStellaReferences, runXmileSuite } from './xmile-suite.js';

const root = suiteRoot();
if (!root) console.warn('XMILE conformance: ../shared/sd-test-models not found; the XMILE suite tests are skipped');

describe.skipIf(!root)('SD conformance suite, XMILE models (.xmile, .stmx)', () => {
  const results = root ? runXmileSuite(root) : [];
  const known: Record<string, string> = JSON.parse(readFileSync(join(import.meta.dirname, 'known-failures-xmile.json'), 'utf8'));
  const passed = results.filter((r) => r.pass).length;
  console.log(`XMILE conformance: ${passed} of ${results.length} cases pass`);

  it('runs every XMILE model that has an expected output', () => {
    expect(results.length).toBeGreaterThanOrEqual(90);
    expect(passed).toBe(results.length - Object.keys(known).length);
  });

  it('fails exactly the cases listed, with their reasons, in known-failures-xmile.json', () => {
    const failing = results.filter((r) => !r.pass).map((r) => `${r.name}: ${r.reason}`);
    const failingNames = results.filter((r) => !r.pass).map((r) => r.name).sort();
    expect(failingNames, failing.join('\n')).toEqual(Object.keys(known).sort());
    for (const reason of Object.values(known)) expect(reason.length).toBeGreaterThan(40);
  });

  it("never crashes: every failure is one of the engine's own diagnostics or a mismatch", () => {
    expect(results.filter((r) => r.crashed).map((r) => `${r.name}: ${r.reason}`)).toEqual([]);
  });

  it("matches Stella's own output wherever the folder keeps one (output_stella*.csv)", () => {
    const refs = root ? runStellaReferences(root) : [];
    console.log(`XMILE vs Stella's own output: ${refs.filter((r) => r.pass).length} of ${refs.length} comparisons agree`);
    expect(refs.length).toBeGreaterThanOrEqual(50);
    expect(refs.filter((r) => !r.pass).map((r) => `${r.name}: ${r.reason}`)).toEqual([]);
  });
});
