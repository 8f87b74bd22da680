/**
 * What the CLI prints on standard error is written in Spanish and English: errors (InputError,
 * UsageError), notes such as "wrote FILE", and no console.error of an English literal; each pair
 * names the same options, files and values in both languages.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairProblems, scanBilingual } from '../sd/node/test-support/bilingual-scan.js';

const ROOT = import.meta.dirname;

/** Lines that print another program's words (a library's error, commander's), which we do not write. */
const FOREIGN = ['error: ${err instanceof Error ? err.message : String(err)}', 'error: ${e.message ?? String(err)}'];

describe('bilingual CLI lines', () => {
  const found = scanBilingual([ROOT], join(ROOT, '..'), ['console.error', 'console.warn'], FOREIGN);

  it('find the CLI texts written in both languages', () => {
    expect(found.pairs.length).toBeGreaterThan(60);
  });

  it('each pair names the same options, files and values', () => {
    expect(pairProblems(found.pairs)).toEqual([]);
  });

  it('no error or printed line is English only', () => {
    expect(found.englishOnly).toEqual([]);
  });
});
