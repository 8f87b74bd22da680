import { describe, expect, it } from 'vitest';
import { dominanceOf as dominance } from './test-support/dominance.js';
import { startingAt, variablesOf } from './loop-dominance-search.js';
import { thrownModelError } from '../ir/test-support/thrown.js';

// The strongest-path search goes through the stocks of a scalar's smooth or delay, and scores
// each loop it finds there as the listed loops are scored (every loop of these small models is
// listed, so the two can be compared).

const model = (inflow: string) => `
s = INTEG(inflow - outflow, 10) ~ u ~|
inflow = ${inflow} ~ u/Year ~|
outflow = s * s / 200 ~ u/Year ~|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 12 ~ Year ~|
TIME STEP = 0.25 ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

/** The search's loops against the listed ones: the same loops (by their elements), scores equal to ~9 digits at every time. */
function sameAsListed(text: string) {
  const listed = dominance(text, { discover: false });
  const searched = dominance(text, { discover: true });
  expect(listed.notScored).toEqual([]);
  expect(searched.notScored).toEqual([]);
  expect(searched.notSearched).toEqual([]);
  const byPath = new Map(listed.loops.map((l) => [l.elements.join(' → '), l]));
  expect(new Set(searched.loops.map((l) => l.elements.join(' → ')))).toEqual(new Set(byPath.keys()));
  expect([...searched.time]).toEqual([...listed.time]);
  for (const l of searched.loops) {
    const f = byPath.get(l.elements.join(' → '))!;
    expect(l.polarity).toBe(f.polarity);
    l.score.forEach((x, k) => expect(Math.abs(x - f.score[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(f.score[k]!))));
    l.relative.forEach((x, k) => expect(Math.abs(x - f.relative[k]!)).toBeLessThanOrEqual(1e-9));
  }
  return { listed, searched };
}

describe('strongest-path search through smooths and delays', () => {
  it('finds the loop through a SMOOTH\'s stock, with the listed loops\' scores', () => {
    const { searched } = sameAsListed(model('0.3 * SMOOTH(s, 2)'));
    expect(searched.loops.map((l) => l.elements.join(' → '))).toEqual(['s → inflow (smooth) → inflow', 's → outflow']);
    // Both found by the search itself, not added from the listed loops.
    expect(searched.searched).toBe(2);
    // Not trivially equal: the smooth's loop moves over the run.
    expect(new Set(searched.loops[0]!.score).size).toBeGreaterThan(10);
  });

  it('goes through the three stages of a DELAY3', () => {
    const { searched } = sameAsListed(model('DELAY3(s * 0.2, 3)'));
    expect(searched.searched).toBe(2);
    expect(searched.loops[0]!.elements).toEqual(['s', 'inflow (delay input)', 'inflow (delay stage 1)', 'inflow (delay stage 2)', 'inflow (delay stage 3)', 'inflow']);
  });

  it('finds each path through a delay whose time is on a loop, one loop of variables with one instance per path', () => {
    const { searched } = sameAsListed(model('DELAY3(s * 0.2, 1 + outflow)'));
    const through = searched.loops.filter((l) => l.variables.join() === 's,outflow,inflow');
    expect(through.map((l) => l.id)).toEqual(['U1.1', 'U1.2', 'U1.3', 'U1.4']);
    expect(new Set(through.map((l) => l.loop))).toEqual(new Set(['U1']));
    expect(searched.report?.loops.map((l) => l.id)).toEqual(['R1', 'B1', 'U1']);
  });

  it('scores SMOOTH3 with a moving time, DELAY N and FORECAST as the listed loops do', () => {
    for (const f of ['SMOOTH3(s * 0.2, 1 + s / 20)', 'DELAY N(s * 0.2, 3, 1, 4)', 'FORECAST(s * 0.1, 3, 2)']) sameAsListed(model(f));
  });
});

describe('cycles of the search graph read as loops of variables', () => {
  const varOf = (k: string) => (k.startsWith('#') ? 'inflow' : k);
  it('gives each variable once, a function\'s own stocks being no loop of the model', () => {
    expect(variablesOf(['s', '#a', '#b', 'inflow'], varOf, () => false)).toEqual(['s', 'inflow']);
    expect(variablesOf(['#a', '#b'], varOf, () => true)).toEqual([]);
    expect(variablesOf(['#a', 'inflow'], varOf, () => false)).toEqual([]);
    expect(variablesOf(['#a', 'inflow'], varOf, () => true)).toEqual(['inflow']);
  });
  it('starts at the first variable\'s hidden nodes', () => {
    expect(startingAt(['s', '#a', '#b', 'inflow'], 'inflow', varOf)).toEqual(['#a', '#b', 'inflow', 's']);
    expect(startingAt(['#b', 'inflow', 's', '#a'], 's', varOf)).toEqual(['s', '#a', '#b', 'inflow']);
  });
});

describe('a search through smooths and delays past the limit of what the scores may hold', () => {
  // Three stocks, each drained by a flow of its own and fed through a SMOOTH of itself: three
  // one-stock loops without the smooths, six with them. TIME STEP = SAVEPER = 1 and FINAL TIME 12:
  // 13 score times, each loop two series of 13 values, so 100 values hold 3 loops and 200 hold 7.
  const stocks = [1, 2, 3];
  const text = [
    ...stocks.map((i) => `s${i} = INTEG(in${i} - out${i}, 10) ~ u ~|\nin${i} = 0.${i} * SMOOTH(s${i}, ${i + 1}) ~ u/Year ~|\nout${i} = s${i} * s${i} / ${100 * i} ~ u/Year ~|`),
    'INITIAL TIME = 0 ~ Year ~|\nFINAL TIME = 12 ~ Year ~|\nTIME STEP = 1 ~ Year ~|\nSAVEPER = 1 ~ Year ~|',
  ].join('\n');
  const paths = (d: ReturnType<typeof dominance>) => d.loops.map((l) => l.elements.join(' → '));

  it('finds every loop through the smooths when they fit', () => {
    const all = dominance(text, { discover: true, maxScoreValues: 200 });
    expect(all.loops).toHaveLength(6);
    expect(paths(all)).toContain('s2 → in2 (smooth) → in2');
    expect(all.notSearched).toEqual([]);
    expect(all.stocksLeftOut).toBeUndefined();
  });

  it('searches again without the smooths\' stocks, saying why, as the search that leaves them out', () => {
    const over = dominance(text, { discover: true, maxScoreValues: 100 });
    const without = dominance(text, { discover: true, searchStocks: false });
    expect(paths(over)).toEqual(['s1 → out1', 's2 → out2', 's3 → out3']);
    expect(paths(over)).toEqual(paths(without));
    over.loops.forEach((l, i) => expect([...l.score]).toEqual([...without.loops[i]!.score]));
    expect(over.searched).toBe(without.searched);
    // Each smooth-calling scalar not searched, as when the stocks are left out, and why they were.
    expect(without.notSearched?.map((r) => r.en)).toEqual(stocks.map((i) => `in${i} calls a smooth or delay: loops through its stocks are scored element by element only when every loop is listed (below the limit)`));
    expect(over.notSearched).toEqual(without.notSearched);
    expect(without.stocksLeftOut).toBeUndefined();
    const note = over.stocksLeftOut!;
    // Each loop costs its 2 × 13 score values and its 2 or 3 keys: 3 loops fit in 100, the 4th
    // does not, and the search stops at it.
    expect(note.en).toMatch(/^the strongest-path search through the stocks of smooths and delays had found 4 loops after \d+ of the 13 times it searches \(and stopped there\), .*limit of 100 values: loops were searched without those stocks$/);
    expect(note.es).toMatch(/^la búsqueda por el camino más fuerte a través de los niveles de suavizados y retardos había encontrado 4 bucles tras \d+ de los 13 instantes que examina \(y se detuvo ahí\), .*límite de 100 valores: se buscaron los bucles sin esos niveles$/);
  });

  it('stops with E_LIMIT_LOOPS when the search without them passes the limit too', () => {
    const d = thrownModelError(() => dominance(text, { discover: true, maxScoreValues: 50 })).diagnostics[0]!;
    expect(d.code).toBe('E_LIMIT_LOOPS');
    expect(d.message).toContain('more than the limit of 50');
  });
});
