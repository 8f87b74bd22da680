import { describe, expect, it } from 'vitest';
import { readVensim } from '../../vensim/reader.js';
import { layoutGroup, layoutGroups } from './auto-layout.js';
import { causalGraph } from './causal-graph.js';

const ir = readVensim(`
********************************************************
	.Population
********************************************************~
		~		|
Population = INTEG(births - deaths, 100) ~ Person ~|
births = Population * birth rate ~ Person/Year ~|
deaths = Population / average lifetime ~ Person/Year ~|
average lifetime = 70 ~ Year ~|
********************************************************
	.Policy
********************************************************~
		~		|
birth rate = base rate * (1 + incentive) ~ 1/Year ~|
base rate = 0.03 ~ 1/Year ~|
incentive = 0.1 ~ Dmnl ~|
********************************************************
	.Control
********************************************************~
		~		|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 10 ~ Year ~|
TIME STEP = 1 ~ Year ~|
SAVEPER = TIME STEP ~ Year ~|
`);

describe('automatic layout', () => {
  it('has one group per model group, control variables left out', () => {
    expect(layoutGroups(ir).map((g) => [g.name, g.keys.length])).toEqual([
      ['Population', 4],
      ['Policy', 3],
    ]);
  });

  it('places a group, its causes from other groups as shadows, flows as pipes (outflows leaving the stock)', async () => {
    const graph = causalGraph(ir);
    const view = await layoutGroup(graph, layoutGroups(ir)[0]!);
    expect(view.source).toBe('auto');
    expect(view.nodes.map((n) => n.key).sort()).toEqual(['average lifetime', 'birth rate', 'births', 'deaths', 'population']);
    const node = (k: string) => view.nodes.find((n) => n.key === k)!;
    expect(node('birth rate').shadow).toBe(true);
    expect(node('population')).toMatchObject({ kind: 'stock' });
    expect(node('births').kind).toBe('flow');
    const pipes = view.links.filter((l) => l.kind === 'pipe').map((l) => [view.nodes.find((n) => n.id === l.from)!.key, view.nodes.find((n) => n.id === l.to)!.key]);
    expect(pipes.sort()).toEqual([
      ['births', 'population'],
      ['population', 'deaths'],
    ]);
    // Laid out without overlaps, each edge with a route.
    for (const a of view.nodes)
      for (const b of view.nodes)
        if (a !== b) expect(Math.abs(a.x - b.x) >= a.w + b.w - 0.5 || Math.abs(a.y - b.y) >= a.h + b.h - 0.5, `${a.key} overlaps ${b.key}`).toBe(true);
    for (const l of view.links) expect(l.points!.length).toBeGreaterThanOrEqual(2);
    // Causes to the left of their effects (layered, left to right).
    expect(node('average lifetime').x).toBeLessThan(node('deaths').x);
  });
});
