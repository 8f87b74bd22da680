import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, uploadedModelId } from './store.js';
import { EXAMPLE_MODEL, PERU_MODEL, resolveDefaultModel } from './config.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'igem-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('scenario store', () => {
  it('keeps scenarios across a reopen, with settings intact', () => {
    const dir = tmp();
    const a = new Store(dir);
    const s = a.createScenario({ modelId: 'peru', name: 'Reforestación', description: 'Amazonía', params: { 'carbon tax': 50, 'x[a,b]': -1.5e-9 } });
    a.close();
    const b = new Store(dir);
    expect(b.getScenario(s.id)).toEqual(s);
    expect(b.listScenarios('peru')).toHaveLength(1);
    expect(b.listScenarios('other')).toEqual([]);
    b.close();
  });

  it('updates only the given fields and names duplicates', () => {
    const st = new Store(tmp());
    const s = st.createScenario({ modelId: 'm', name: 'A', params: { k: 1 } });
    const u = st.updateScenario(s.id, { description: 'why' })!;
    expect(u).toMatchObject({ name: 'A', description: 'why', params: { k: 1 } });
    expect(st.duplicateScenario(s.id)).toMatchObject({ name: 'A (copy)', description: 'why', params: { k: 1 } });
    expect(st.updateScenario('nope', { name: 'x' })).toBeUndefined();
    expect(st.deleteScenario(s.id)).toBe(true);
    expect(st.deleteScenario(s.id)).toBe(false);
    st.close();
  });

  it('stores an upload once per text and deletes it with its scenarios', () => {
    const st = new Store(tmp());
    const m1 = st.addModel('first', 'a.mdl', 'x = 1');
    const m2 = st.addModel('renamed', 'b.mdl', 'x = 1');
    expect(m1.id).toBe(uploadedModelId('x = 1'));
    expect(m2.id).toBe(m1.id);
    expect(st.listModels()).toHaveLength(1);
    expect(st.getModel(m1.id)!.name).toBe('renamed');
    st.createScenario({ modelId: m1.id, name: 's', params: {} });
    st.createScenario({ modelId: 'other', name: 't', params: {} });
    expect(st.deleteModel(m1.id)).toBe(true);
    expect(st.listScenarios().map((s) => s.name)).toEqual(['t']);
    st.close();
  });
});

describe('default model', () => {
  it('is $IGEM_MODEL, else the Peru model when present, else the example', () => {
    const root = tmp();
    expect(resolveDefaultModel(root, {})).toBe(join(root, EXAMPLE_MODEL));
    mkdirSync(join(root, 'models', 'peru'), { recursive: true });
    writeFileSync(join(root, PERU_MODEL), '');
    expect(resolveDefaultModel(root, {})).toBe(join(root, PERU_MODEL));
    expect(resolveDefaultModel(root, { IGEM_MODEL: '/somewhere/m.mdl' })).toBe('/somewhere/m.mdl');
  });
});
