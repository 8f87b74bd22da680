import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readVensim } from './reader.js';
import { parseSketch } from './sketch.js';

const suite = [process.env.IGEM_SD_TEST_MODELS, resolve(process.cwd(), '../shared/sd-test-models'), resolve(process.cwd(), '../../shared/sd-test-models')]
  .filter((c): c is string => !!c)
  .map((c) => join(c, 'tests'))
  .find((c) => existsSync(c));
if (!suite) console.warn('Vensim sketch: ../shared/sd-test-models not found; the suite-model tests are skipped');

const SMALL = [
  '*Main view',
  '$192-192-192,0,Helvetica|12|B|0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|72,72,100,0',
  '10,1,Population,300,200,40,20,3,3,0,0,0,0,0,0',
  '12,2,48,150,200,10,8,0,3,0,0,-1,0,0,0',
  '11,3,0,220,200,6,8,34,3,0,0,1,0,0,0',
  '10,4,births,220,215,22,7,40,3,0,0,-1,0,0,0',
  '1,5,3,1,4,0,0,22,0,0,0,-1--1--1,,1|(250,200)|',
  '1,6,3,2,100,0,0,22,0,0,0,-1--1--1,,1|(180,200)|',
  '10,7,"birth rate, net",200,120,30,10,8,3,0,0,0,0,0,0',
  '1,8,7,4,0,0,43,0,0,64,0,-1--1--1,,1|(205,170)|',
  '1,9,1,4,0,0,0,0,0,64,0,-1--1--1,,1|(260,240)|',
  '10,10,Time,100,50,20,8,8,2,0,3,-1,0,0,0,128-128-128,0-0-0,|12||128-128-128',
  '1,11,10,7,0,1,0,0,0,64,0,-1--1--1,,1|(0,0)|',
  '12,12,0,400,60,60,20,8,135,0,18,-1,0,0,0',
  'A note on the model',
  '1,13,7,99,0,0,45,0,0,64,0,-1--1--1,,1|(0,0)|',
  '10,14,broken,abc,50,20,8,8,3,0,0,0,0,0,0',
  '*Second',
  '10,1,"Stock\\nTwo",10,20,30,40,3,3,0,0,0,0,0,0',
  '*Empty',
].join('\n');

describe('Vensim sketch', () => {
  it('reads stocks, flows, valves, clouds, shadows, comments and arrows of its own small sketch', () => {
    const { views, diagnostics } = parseSketch(SMALL, { file: 'm.mdl', firstLine: 40 });
    expect(views.map((v) => v.name)).toEqual(['Main view', 'Second']);
    const v = views[0]!;
    const node = (id: string) => v.nodes.find((n) => n.id === id)!;
    expect(node('1')).toMatchObject({ kind: 'stock', name: 'Population', key: 'population', x: 300, y: 200, w: 40, h: 20 });
    expect(node('2').kind).toBe('cloud');
    expect(node('3').kind).toBe('valve');
    expect(node('4')).toMatchObject({ kind: 'flow', key: 'births' });
    expect(node('7')).toMatchObject({ kind: 'aux', name: 'birth rate, net', key: 'birth rate, net' });
    expect(node('7').shadow).toBeUndefined();
    expect(node('10')).toMatchObject({ kind: 'aux', shadow: true });
    expect(node('12')).toMatchObject({ kind: 'comment', name: 'A note on the model' });
    // Pipes touch the valve; the influence arrow into the flow keeps its + sign and arc handle.
    expect(v.links.filter((l) => l.kind === 'pipe').map((l) => l.id)).toEqual(['5', '6']);
    expect(v.links.find((l) => l.id === '8')).toMatchObject({ kind: 'influence', from: '7', to: '4', polarity: '+', via: { x: 205, y: 170 } });
    expect(v.links.find((l) => l.id === '9')!.polarity).toBeUndefined();
    // The hidden arrow (11) is not drawn; the arrow to a missing object (13) and the bad record are warned about.
    expect(v.links.map((l) => l.id)).not.toContain('11');
    expect(diagnostics.map((d) => [d.loc?.line, d.code])).toEqual([
      [56, 'W_SKETCH'],
      [55, 'W_SKETCH'],
    ]);
    expect(diagnostics[0]!.message).toContain("numeric x, y");
    expect(diagnostics[1]!.message).toContain('object 99');
    expect(diagnostics[0]!.loc?.file).toBe('m.mdl');
    expect(views[1]!.nodes[0]).toMatchObject({ name: 'Stock Two', key: 'stock two', kind: 'stock' });
  });

  it('reads nothing from an empty sketch, and skips non-records', () => {
    expect(parseSketch('').views).toEqual([]);
    expect(parseSketch('V300  Do not put anything below this section\n*View 1\n$fonts\n').views).toEqual([]);
  });

  it.skipIf(!suite)('reads variables, stocks, valves, clouds and pipes of a suite model (chained_initialization)', () => {
    const text = readFileSync(join(suite!, 'chained_initialization', 'test_chained_initialization.mdl'), 'latin1');
    const ir = readVensim(text, 'm.mdl');
    const { views, diagnostics } = parseSketch(ir.sketch);
    expect(diagnostics).toEqual([]);
    expect(views).toHaveLength(1);
    const v = views[0]!;
    expect(v.nodes.find((n) => n.name === 'Stock A')).toMatchObject({ kind: 'stock', x: 449, y: 225 });
    expect(v.nodes.find((n) => n.name === 'Flow C')).toMatchObject({ kind: 'flow' });
    expect(v.nodes.filter((n) => n.kind === 'stock')).toHaveLength(4);
    expect(v.nodes.filter((n) => n.kind === 'valve')).toHaveLength(4);
    expect(v.nodes.filter((n) => n.kind === 'cloud')).toHaveLength(4);
    // Two pipes per valve (from the cloud, to the stock); three influence arrows into Stock B.
    expect(v.links.filter((l) => l.kind === 'pipe')).toHaveLength(8);
    expect(v.links.filter((l) => l.kind === 'influence').map((l) => l.to)).toEqual(['2', '2', '2']);
    expect(v.links.find((l) => l.id === '25')!.via).toEqual({ x: 455, y: 282 });
  });

  it.skipIf(!suite)('reads the several views of a suite model (vector_select), each variable with its key', () => {
    const text = readFileSync(join(suite!, 'vector_select', 'test_vector_select.mdl'), 'latin1');
    const ir = readVensim(text, 'm.mdl');
    const { views, diagnostics } = parseSketch(ir.sketch);
    expect(diagnostics).toEqual([]);
    expect(views.length).toBeGreaterThanOrEqual(2);
    const keys = new Set(ir.equations.map((e) => e.lhs.name));
    // Every drawn (non-shadow) variable is a model variable.
    for (const v of views) for (const n of v.nodes) if (n.key && !n.shadow) expect(keys.has(n.key), `${v.name}: ${n.name}`).toBe(true);
    // Every drawn link joins two objects of its view.
    for (const v of views) for (const l of v.links) expect(v.nodes.some((n) => n.id === l.from) && v.nodes.some((n) => n.id === l.to)).toBe(true);
  });
});
