import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCorpusModel, formatCorpusTable, type CorpusEntry } from './corpus.js';

// A throw-away corpus: each rule of the status classification on a model of its own.
const root = mkdtempSync(join(tmpdir(), 'igem-corpus-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const growth = `{UTF-8}
Stock = INTEG(Stock * rate, 100) ~ widgets ~ |
rate = 0.1 ~ 1/Year ~ |
INITIAL TIME = 0 ~ Year ~ |
FINAL TIME = 2 ~ Year ~ |
TIME STEP = 1 ~ Year ~ |
SAVEPER = TIME STEP ~ Year ~ |
`;

function put(name: string, file: string, text: string, extra: Record<string, string> = {}): CorpusEntry {
  mkdirSync(join(root, 'models', name), { recursive: true });
  writeFileSync(join(root, 'models', name, file), text);
  for (const [f, t] of Object.entries(extra)) writeFileSync(join(root, 'models', name, f), t);
  return { name, file, about: 'test', topic: 'test', source: { repo: 'x/y', path: file, commit: '0'.repeat(40), licence: 'MIT' } };
}

describe('corpus status of one model', () => {
  it('match: every reference column within tolerance (Euler: 100, 110, 121)', () => {
    const e = { ...put('m', 'm.mdl', growth, { 'ref.csv': 'Time,Stock\n0,100\n1,110\n2,121\n' }), reference: 'ref.csv' };
    expect(checkCorpusModel(root, e)).toMatchObject({ status: 'match', format: 'Vensim' });
  });

  it('mismatch names the first differing value', () => {
    const e = { ...put('mm', 'm.mdl', growth, { 'ref.csv': 'Time,Stock\n0,100\n1,110\n2,125\n' }), reference: 'ref.csv' };
    const r = checkCorpusModel(root, e);
    expect(r.status).toBe('mismatch');
    expect(r.reason).toMatch(/Stock at Time 2: expected 125, got 121/);
  });

  it('referenceParams run the model with the constants the reference was made with', () => {
    const e = { ...put('rp', 'm.mdl', growth, { 'ref.csv': 'Time,Stock\n0,100\n1,120\n2,144\n' }), reference: 'ref.csv', referenceParams: { rate: 0.2 } };
    expect(checkCorpusModel(root, e).status).toBe('match');
  });

  it('runs: no reference, final time reached, all values finite', () => {
    const r = checkCorpusModel(root, put('r', 'm.mdl', growth));
    expect(r).toMatchObject({ status: 'runs', reason: 'to Time 2, 6 columns finite' });
  });

  it('non-finite: a column that becomes NaN or infinite is reported by name', () => {
    const r = checkCorpusModel(root, put('nf', 'm.mdl', growth.replace('rate = 0.1', 'rate = 1/0')));
    // The engine evaluates 1/0 to Infinity here; the checker must say which column.
    expect(r).toMatchObject({ status: 'non-finite', reason: 'rate is not finite' });
  });

  it('stops: an unsupported function gives a located diagnostic, not a crash', () => {
    const r = checkCorpusModel(root, put('s', 'm.mdl', growth.replace('0.1', 'NO SUCH FUNCTION(1)')));
    expect(r.status).toBe('stops');
    expect(r.reason).toMatch(/^models\/s\/m\.mdl:\d+:\d+: error E_/);
  });

  it('crash: a catalogued model file that is missing', () => {
    const e = put('c', 'm.mdl', growth);
    expect(checkCorpusModel(root, { ...e, file: 'absent.mdl' })).toMatchObject({ status: 'crash', reason: 'model file missing: models/c/absent.mdl' });
  });

  it('skipped: over the size limit, said with the size', () => {
    const r = checkCorpusModel(root, put('big', 'm.mdl', growth), 10);
    expect(r.status).toBe('skipped');
    expect(r.reason).toMatch(/over the corpus limit/);
  });

  it('the table counts each status', () => {
    const entries = [put('t1', 'm.mdl', growth), put('t2', 'm.mdl', growth.replace('0.1', 'NOPE(1)'))];
    const table = formatCorpusTable(entries, entries.map((e) => checkCorpusModel(root, e)));
    expect(table).toMatch(/2 models: 1 run to their final time .* 1 stop with a located message, 0 crash/);
  });
});
