import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readXmileViews } from './views.js';

const suite = [process.env.IGEM_SD_TEST_MODELS, resolve(process.cwd(), '../shared/sd-test-models'), resolve(process.cwd(), '../../shared/sd-test-models')]
  .filter((c): c is string => !!c)
  .map((c) => join(c, 'tests'))
  .find((c) => existsSync(c));
if (!suite) console.warn('XMILE views: ../shared/sd-test-models not found; the suite-model test is skipped');

const xmile = (view: string) =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
    '<header><vendor>IGEM</vendor><product version="1">test</product></header>',
    '<model><variables><stock name="Stock"><eqn>1</eqn><inflow>growth</inflow></stock>',
    '<flow name="growth"><eqn>Stock * rate</eqn></flow><aux name="rate"><eqn>0.1</eqn></aux></variables>',
    view,
    '</model></xmile>',
  ].join('\n');

describe('XMILE views', () => {
  it('reads stocks, flows with pipes, auxiliaries, aliases and connectors of its own small view', () => {
    const { views, diagnostics } = readXmileViews(
      xmile(
        [
          '<views><view name="Main">',
          '<stock name="Stock" x="200" y="100" width="60" height="40"/>',
          '<flow name="growth" x="120" y="100"><pts><pt x="60" y="100"/><pt x="170" y="100"/></pts></flow>',
          '<aux name="rate" x="120" y="40"/>',
          '<alias uid="7" x="260" y="40"><of>rate</of></alias>',
          '<connector uid="1" angle="0"><from>rate</from><to>growth</to></connector>',
          '<connector uid="2" angle="-90"><from><alias uid="7"/></from><to>Stock</to></connector>',
          '<connector uid="3"><from>nowhere</from><to>Stock</to></connector>',
          '<aux name="unplaced" x="abc" y="1"/>',
          '</view></views>',
        ].join('\n'),
      ),
      'g.xmile',
    );
    expect(views).toHaveLength(1);
    const v = views[0]!;
    expect(v).toMatchObject({ name: 'Main', source: 'xmile' });
    expect(v.nodes.find((n) => n.key === 'stock')).toMatchObject({ kind: 'stock', x: 200, y: 100, w: 30, h: 20 });
    expect(v.nodes.find((n) => n.key === 'growth')).toMatchObject({ kind: 'flow', w: 9, h: 9 });
    expect(v.nodes.find((n) => n.id === 'alias:7')).toMatchObject({ shadow: true, key: 'rate', kind: 'aux' });
    expect(v.links.find((l) => l.kind === 'pipe')!.points).toEqual([{ x: 60, y: 100 }, { x: 170, y: 100 }]);
    const influences = v.links.filter((l) => l.kind === 'influence');
    expect(influences.map((l) => [l.from, l.to])).toEqual([
      ['v:rate', 'v:growth'],
      ['alias:7', 'v:stock'],
    ]);
    // Leaving east (angle 0) towards a target straight below: the arc bulges to the east.
    expect(influences[0]!.via!.x).toBeGreaterThan(120);
    expect(diagnostics.map((d) => [d.code, d.loc?.line, d.loc?.file])).toEqual([
      ['W_VIEW', 14, 'g.xmile'],
      ['W_VIEW', 13, 'g.xmile'],
    ]);
  });

  it('has no views when the file has none, and reports bad XML with its line', () => {
    expect(readXmileViews(xmile('')).views).toEqual([]);
    expect(() => readXmileViews('<xmile><model><views></model></xmile>', 'bad.xmile')).toThrow(/bad\.xmile:1/);
  });

  it.skipIf(!suite)('reads the view of a suite model (chained_initialization)', () => {
    const text = readFileSync(join(suite!, 'chained_initialization', 'test_chained_initialization.xmile'), 'utf8');
    const { views, diagnostics } = readXmileViews(text);
    expect(diagnostics).toEqual([]);
    expect(views).toHaveLength(1);
    const v = views[0]!;
    expect(v.nodes.filter((n) => n.kind === 'stock').map((n) => n.key)).toEqual(['stock a', 'stock b', 'stock c', 'stock d']);
    expect(v.nodes.find((n) => n.key === 'stock a')).toMatchObject({ x: 363, y: 125, name: 'Stock A' });
    expect(v.links.filter((l) => l.kind === 'pipe')).toHaveLength(4);
    expect(v.links.filter((l) => l.kind === 'influence').map((l) => [l.from, l.to])).toEqual([['v:time step', 'v:saveper']]);
  });
});
