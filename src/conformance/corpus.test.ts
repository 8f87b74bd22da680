import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpusModel, corpusRoot, readCatalog, readStatus, statusKey } from './corpus.js';

const root = corpusRoot();
const entries = existsSync(join(root, 'catalog.json')) ? readCatalog(root) : [];
const recorded = existsSync(join(root, 'catalog.json')) ? readStatus(root) : {};

describe('corpus of public models', () => {
  it('has a catalog whose every model has a recorded status', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(recorded[e.name], `${e.name} has no entry in corpus/status.json (run npm run corpus)`).toBeDefined();
  });

  it.each(entries.map((e) => [e.name, e] as const))('%s keeps its recorded status and never crashes', (_name, e) => {
    const r = checkCorpusModel(root, e);
    expect(r.status, r.reason).not.toBe('crash');
    // Status, and for a model that stops its location and code, as `npm run corpus` recorded them.
    expect(statusKey(r), r.reason).toEqual(statusKey(recorded[e.name]!));
  });
});
