import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../sd/node/load.js';
import { bundleHash, makeBundle, writeBundle } from './bundle.js';
import { modelFor } from './model-ref.js';
import { tempDir, writeDataModel } from './test-support/fixtures.js';

describe('model bundles', () => {
  it('carry the data files, so a copy elsewhere runs exactly like the original', () => {
    const home = tempDir('igem-bundle-src-');
    const path = writeDataModel(home);
    const original = loadModel(path);
    const bundle = makeBundle(path);
    expect(bundle.name).toBe('data-model.mdl');
    expect(bundle.files.map((f) => f.written).sort()).toEqual(['inputs/consts.csv', 'inputs/rates.csv']);

    const elsewhere = tempDir('igem-bundle-dst-');
    const hash = bundleHash(bundle);
    const dir = writeBundle(bundle, elsewhere, hash);
    expect(writeBundle(bundle, elsewhere, hash)).toBe(dir); // already there: kept as it is
    expect(readdirSync(elsewhere)).toEqual([hash]); // no temporary folder left behind
    rmSync(home, { recursive: true }); // the original files are gone: the bundle is self-contained

    const copy = modelFor({ kind: 'bundle', dir, hash });
    for (const scale of [1, 2.5]) {
      const a = copy.run({ params: { scale } });
      const b = original.run({ params: { scale } });
      expect(a.names).toEqual(b.names);
      a.series.forEach((s, i) => expect(Array.from(s)).toEqual(Array.from(b.series[i])));
      expect(a.get('Stock')![0]).toBe(120); // start value, from inputs/consts.csv
      expect(a.get('rate')![10]).toBeCloseTo(0.05, 12); // from inputs/rates.csv at t = 10
    }
  });

  it('hash the content: same model, same hash; another data value, another hash', () => {
    const a = tempDir('igem-bundle-a-');
    const b = tempDir('igem-bundle-b-');
    writeDataModel(a);
    writeDataModel(b);
    const hashOf = (dir: string) => bundleHash(makeBundle(join(dir, 'data-model.mdl')));
    expect(hashOf(a)).toBe(hashOf(b));
    writeFileSync(join(b, 'inputs', 'consts.csv'), 'start,121\n');
    expect(hashOf(a)).not.toBe(hashOf(b));
  });
});

describe('model cache', () => {
  it('compiles a file once, and again when it changes', () => {
    const path = writeDataModel(tempDir('igem-cache-'));
    const ref = { kind: 'file' as const, path };
    const first = modelFor(ref);
    expect(modelFor(ref)).toBe(first);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('scale = 1\n');
    writeFileSync(path, text.replace('scale = 1\n', 'scale = 3\n'));
    utimesSync(path, new Date(), new Date(Date.now() + 5000)); // a distinct mtime even on coarse clocks
    const second = modelFor(ref);
    expect(second).not.toBe(first);
    expect(second.parameters.find((p) => p.name === 'scale')?.value).toBe(3);
  });
});
