/**
 * Every message the engine writes in both languages (`{ en, es }` literals in src/sd) names the same
 * functions, pages, code and run-time values in both; and no site writes a user-facing message in
 * English only. The compiler refuses a bare string for ModelError.at and SimulationError; this also
 * covers InputError and DataError (which code outside the engine may still give a string), warnings
 * built as object literals, and codes passed through helpers.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairProblems, scanBilingual } from './node/test-support/bilingual-scan.js';

const ROOT = import.meta.dirname;

describe('bilingual engine messages', () => {
  const found = scanBilingual([ROOT], join(ROOT, '..'));

  it('find the engine messages written in both languages', () => {
    // unsupported.ts, the expander, the data readers, the XMILE reader and writer, run-time errors, ...
    expect(found.pairs.length).toBeGreaterThan(250);
    expect(new Set(found.pairs.map((p) => p.where.split(':')[0])).size).toBeGreaterThan(40);
  });

  it('each pair names the same functions, pages, code and run-time values', () => {
    expect(pairProblems(found.pairs)).toEqual([]);
  });

  it('no site passes an English-only message', () => {
    expect(found.englishOnly).toEqual([]);
  });
});

describe('messages outside the engine and the CLI', () => {
  it('no site passes an English-only message (InputError.englishOnly, the last 4 of 370 such sites, is gone)', () => {
    // Their pairs are not compared as the engine's are: SAM is MCS in Spanish there, and reports name things in turn.
    const src = join(ROOT, '..');
    const outside = scanBilingual(['analysis', 'econ', 'server', 'conformance', 'web'].map((d) => join(src, d)), src);
    expect(outside.pairs.length).toBeGreaterThan(300);
    expect(outside.englishOnly).toEqual([]);
  });
});

describe('the English-only check', () => {
  it('finds a literal message given to an error (the server\'s too), a code helper or a warning, and a printed literal', () => {
    const dir = join(ROOT, 'node', 'test-support', 'english-only-fixture');
    const { englishOnly, pairs } = scanBilingual([dir], dir, ['console.error']);
    expect(englishOnly.map((s) => s.replace(/:\d+:/, ':'))).toEqual([
      'sites.ts: new InputError with a literal message',
      'sites.ts: new SimulationError with a literal message',
      'sites.ts: refuse with a literal message',
      'sites.ts: a diagnostic without messageEs',
      'sites.ts: console.error prints a literal',
      'sites.ts: new ApiError with a literal message',
      'sites.ts: notFound with a literal message',
    ]);
    expect(pairs).toHaveLength(4);
  });
});
