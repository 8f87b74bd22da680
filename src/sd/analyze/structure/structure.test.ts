import { describe, expect, it } from 'vitest';
import { readVensim } from '../../vensim/reader.js';
import { readXmile } from '../../xmile/reader.js';
import { causalGraph } from './causal-graph.js';
import { feedbackLoops } from './feedback-loops.js';
import { causesTree, formatTree, usesTree } from './trees.js';

const mdl = (body: string) =>
  readVensim(`${body}
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 10 ~ Year ~|
TIME STEP = 1 ~ Year ~|
SAVEPER = TIME STEP ~ Year ~|
`);

const population = mdl(`
Population = INTEG(births - deaths, initial population) ~ Person ~|
initial population = 100 ~ Person ~|
births = Population * birth rate ~ Person/Year ~|
birth rate = 0.03 ~ 1/Year ~|
deaths = Population / average lifetime ~ Person/Year ~|
average lifetime = 70 ~ Year ~|
`);

describe('causal graph', () => {
  it('reads link polarity off the equations', () => {
    const g = causalGraph(population);
    const pol = (from: string, to: string) => g.links.find((l) => l.from === from && l.to === to)?.polarity;
    expect(pol('births', 'population')).toBe('+');
    expect(pol('deaths', 'population')).toBe('-');
    expect(pol('population', 'births')).toBe('+');
    expect(pol('average lifetime', 'deaths')).toBe('-');
    expect(g.nodes.get('births')!.kind).toBe('flow');
    expect(g.nodes.get('population')!.kind).toBe('stock');
    const init = g.links.find((l) => l.from === 'initial population')!;
    expect(init.initialOnly).toBe(true);
  });

  it('reads a ratio to an INITIAL value by its live part: INITIAL is a positive constant after the start', () => {
    // XMILE, as Vensim's INITIAL must stand alone (fn_initial) while XMILE's INIT may sit in an expression.
    const g = causalGraph(
      readXmile(`<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><vendor>test</vendor><product version="1">test</product></header>
  <sim_specs><start>0</start><stop>10</stop><dt>1</dt></sim_specs>
  <model><variables>
    <stock name="s"><eqn>100</eqn><outflow>outflow</outflow></stock>
    <flow name="outflow"><eqn>s * ratio / 10</eqn></flow>
    <aux name="ratio"><eqn>s / INIT(s)</eqn></aux>
    <aux name="gap"><eqn>INIT(s) - s</eqn></aux>
  </variables></model>
</xmile>`),
    );
    const link = (from: string, to: string) => g.links.find((l) => l.from === from && l.to === to)!;
    expect([link('s', 'ratio').polarity, link('s', 'ratio').initialOnly]).toEqual(['+', false]);
    expect(link('s', 'gap').polarity).toBe('-');
    // The loop s → ratio → outflow → s is balancing (it read U while INITIAL had no sign).
    expect(feedbackLoops(g).loops.map((l) => `${l.id}:${l.variables.join(',')}`)).toEqual(['B1:s,outflow', 'B2:s,ratio,outflow']);
  });

  it('takes a lookup slope and a negative constant into account', () => {
    const g = causalGraph(
      mdl(`
crowding( (0,1), (1,0.5), (2,0) ) ~ Dmnl ~|
effect = crowding(density) ~ Dmnl ~|
density = stock / area ~ Dmnl ~|
stock = INTEG(growth, 1) ~ t ~|
growth = effect * k ~ t/Year ~|
k = -2 ~ t/Year ~|
area = 10 ~ Dmnl ~|
`),
    );
    const pol = (from: string, to: string) => g.links.find((l) => l.from === from && l.to === to)?.polarity;
    expect(pol('density', 'effect')).toBe('-');
    expect(pol('effect', 'growth')).toBe('-'); // k is negative
    expect(pol('stock', 'density')).toBe('+');
  });

  it('signs a factor made of constants by its value: (1 - share) with share = 0.4 is positive, (share - 1) negative', () => {
    const g = causalGraph(
      mdl(`
x = INTEG(f, 1) ~ u ~|
f = (x + 2) * (1 - share) ~ u/Year ~|
g = x * (share - 1) / 2 ~ u/Year ~|
h = x * (1 - level) ~ u/Year ~|
share = 0.4 ~ Dmnl ~|
level = x / 10 ~ Dmnl ~|
`),
    );
    const pol = (from: string, to: string) => g.links.find((l) => l.from === from && l.to === to)?.polarity;
    expect(pol('x', 'f')).toBe('+');
    expect(pol('x', 'g')).toBe('-');
    expect(pol('x', 'h')).toBe('?'); // 1 - level depends on x's value: no sign from structure
  });

  it('gives an undetermined sign to a condition on the variable', () => {
    const g = causalGraph(mdl(`x = INTEG(f, 1) ~ u ~|\nf = IF THEN ELSE(x > 5, 1, 2) ~ u/Year ~|`));
    expect(g.links.find((l) => l.from === 'x' && l.to === 'f')!.polarity).toBe('?');
  });
});

describe('feedback loops', () => {
  it('finds and classifies the loops of a population model', () => {
    const r = feedbackLoops(causalGraph(population));
    expect(r.loops.map((l) => `${l.id}:${l.variables.join('>')}`)).toEqual(['R1:population>births', 'B1:population>deaths']);
    expect(r.families).toHaveLength(2);
    expect(r.truncated).toBe(false);
  });

  it('ignores links that act only at the initial time', () => {
    const g = causalGraph(mdl(`s = INTEG(inflow, start) ~ u ~|\nstart = INITIAL(s * 2) ~ u ~|\ninflow = 1 ~ u/Year ~|`));
    expect(feedbackLoops(g).loops).toHaveLength(0);
  });

  it('groups variants through the same stocks into one family and marks undetermined loops', () => {
    const g = causalGraph(
      mdl(`
s = INTEG(f, 1) ~ u ~|
a = s * 2 ~ u ~|
b = s * 3 ~ u ~|
f = a + b ~ u/Year ~|
g = IF THEN ELSE(s > 3, 1, 0) ~ u/Year ~|
t = INTEG(g, 0) ~ u ~|
`),
    );
    const r = feedbackLoops(g);
    expect(r.loops.filter((l) => l.polarity === 'R')).toHaveLength(2);
    expect(r.families.filter((f) => f.polarity === 'R')).toEqual([{ polarity: 'R', stocks: ['s'], loops: ['R1', 'R2'] }]);
    // g reads s but does not feed back to s: no loop through t.
    expect(r.loops.some((l) => l.variables.includes('t'))).toBe(false);
  });
});

describe('feedback loops of a large model', () => {
  it('lists the shortest loop through each feedback link when there are more loops than the limit', () => {
    // Two stocks each read by five auxiliaries that all feed the other stock's flow: 25+ loops.
    const lines: string[] = ['a = INTEG(fa, 1) ~ u ~|', 'b = INTEG(fb, 1) ~ u ~|'];
    for (let i = 0; i < 5; i++) lines.push(`x${i} = a * ${i + 1} ~ u ~|`, `y${i} = b * ${i + 1} ~ u ~|`);
    lines.push(`fb = ${[0, 1, 2, 3, 4].map((i) => `x${i}`).join(' + ')} ~ u/Year ~|`);
    lines.push(`fa = ${[0, 1, 2, 3, 4].map((i) => `y${i}`).join(' + ')} - a ~ u/Year ~|`);
    const g = causalGraph(mdl(lines.join('\n')));
    const full = feedbackLoops(g);
    expect(full.method).toBe('all');
    expect(full.loops).toHaveLength(26); // 25 through both stocks, 1 self-loop a -> fa -> a
    const short = feedbackLoops(g, { limit: 10 });
    expect(short.truncated).toBe(true);
    expect(short.method).toBe('shortest-per-link');
    // Every link on a cycle appears in some listed loop.
    const onCycle = g.links.filter((l) => !l.initialOnly && full.loops.some((lp) => lp.links.includes(l)));
    const covered = new Set(short.loops.flatMap((lp) => lp.links));
    for (const l of onCycle) expect(covered.has(l)).toBe(true);
    expect(short.loops.length).toBeLessThan(full.loops.length);
    expect(short.loops[0]!.variables).toEqual(['a', 'fa']);
  });
});

describe('causes and uses trees', () => {
  it('expands to the requested depth and marks repeats', () => {
    const g = causalGraph(population);
    const t = causesTree(g, 'births', 2);
    expect(t.children.map((c) => c.display)).toEqual(['Population', 'birth rate']);
    const pop = t.children[0]!;
    expect(pop.children.map((c) => `${c.polarity}${c.display}${c.repeated ? '*' : ''}`)).toEqual(['+births*', '-deaths', '+initial population']);
    expect(formatTree(usesTree(g, 'birth rate', 1))).toBe('birth rate\n  (+) births');
  });
});
