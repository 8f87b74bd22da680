import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readVensim } from '../../sd/vensim/reader.js';
import { parseSketch } from './sketch.js';

const suite = join(__dirname, '..', '..', '..', '..', 'shared', 'sd-test-models', 'tests');

describe('Vensim sketch', () => {
  it.skipIf(!existsSync(suite))('reads variables, stocks, valves, clouds and pipes of a suite model (../shared)', () => {
    const text = readFileSync(join(suite, 'chained_initialization', 'test_chained_initialization.mdl'), 'latin1');
    const views = parseSketch(readVensim(text, 'm.mdl').sketch);
    expect(views).toHaveLength(1);
    const v = views[0]!;
    const stockA = v.nodes.find((n) => n.name === 'Stock A')!;
    expect(stockA).toMatchObject({ type: 'variable', box: true, x: 449, y: 225 });
    expect(v.nodes.find((n) => n.name === 'Flow C')).toMatchObject({ box: false });
    expect(v.nodes.filter((n) => n.type === 'valve')).toHaveLength(4);
    expect(v.nodes.filter((n) => n.type === 'cloud')).toHaveLength(4);
    // Two pipes per valve (from the cloud, to the stock); three influence arrows into Stock B.
    expect(v.arrows.filter((a) => a.pipe)).toHaveLength(8);
    expect(v.arrows.filter((a) => !a.pipe).map((a) => a.to)).toEqual([2, 2, 2]);
    expect(v.arrows.find((a) => a.id === 25)!.via).toEqual({ x: 455, y: 282 });
  });

  it('reads quoted names with commas and ignores empty views', () => {
    const views = parseSketch('*View 1\n$192-192-192,0\n10,1,"a, b",10,20,30,40,3,3,0\n*Empty\n');
    expect(views.map((v) => v.name)).toEqual(['View 1']);
    expect(views[0]!.nodes[0]!.name).toBe('a, b');
    expect(parseSketch('')).toEqual([]);
  });
});
