import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { expandModel } from './expand.js';
import { hiddenDisplayName, hiddenNameParts, nodeDisplayName } from './scalar-model.js';

const settings = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|';

/** The display names of the hidden nodes the expander makes for `text`, and nodeDisplayName of each. */
function hidden(text: string): { shown: string; owner: string }[] {
  const { model } = expandModel(readVensim(`${text}\n${settings}`, 'm.mdl'));
  return model.nodes.filter((n) => n.hidden).map((n) => ({ shown: hiddenDisplayName(n.name) ?? `unparsed ${n.name}`, owner: nodeDisplayName(n) }));
}

describe('the names of hidden nodes, as shown', () => {
  it('shows a top-level function\'s stock as its variable and what it is', () => {
    const h = hidden('x = 1 ~~|\ny = DELAY3(x, 3) ~~|');
    expect(h.map((n) => n.shown)).toContain('y (delay stage 1)');
    for (const n of h) expect(n.owner).toBe('y');
  });

  // The expander names a call inside an expression after its variable, and that call's stocks after the call.
  it.each([
    ['TREND', 'y = 2 * TREND(x, 3, 0) ~~|', ['y (trend)', 'y (trend: trend average)']],
    ['FORECAST', 'y = 1 + FORECAST(x, 3, 2) ~~|', ['y (forecast)', 'y (forecast: trend average)']],
    ['SMOOTH3', 'y = MAX(0, SMOOTH3(x, 3)) ~~|', ['y (smooth3)', 'y (smooth3: smooth stage 1)', 'y (smooth3: smooth stage 2)']],
  ])('shows %s nested in an expression as its variable and the path to the stock', (_fn, eq, want) => {
    const h = hidden(`x = 1 + TIME ~~|\n${eq}`);
    for (const w of want) expect(h.map((n) => n.shown)).toContain(w);
    for (const n of h) {
      expect(n.shown).not.toMatch(/#/);
      expect(n.owner).toBe('y');
    }
  });

  it('shows the element of an arrayed variable, and a name with parentheses, whole', () => {
    const h = hidden('dim: A1, A2 ~~|\nx[dim] = 1 ~~|\n"rate (per year)"[dim] = 3 * TREND(x[dim], 2, 0) ~~|');
    expect(h.map((n) => n.shown)).toContain('rate (per year)[A1] (trend: trend average)');
    expect(h.map((n) => n.owner)).toContain('rate (per year)[A2]');
  });

  it('takes a name apart, outermost call first, and leaves other names alone', () => {
    expect(hiddenNameParts('#smooth stage 2(#smooth3(#M.out(v[A1])#3)#4)#6')).toEqual({ owner: 'v[A1]', what: ['M.out', 'smooth3', 'smooth stage 2'] });
    expect(hiddenNameParts('plain name')).toBeUndefined();
    expect(hiddenNameParts('#with lookup(x)')).toBeUndefined();
  });
});
