/**
 * SHIFT IF TRUE in the units check and the causal graph, from Vensim's reference page
 * (fn_shift_if_true: "Units: SHIFT IF TRUE(units,dmnl,dmnl,dmnl,units) --> units"; the call
 * changes the level it is given: its first element becomes inval when the condition holds).
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../vensim/reader.js';
import { causalGraph } from './structure/causal-graph.js';
import { checkUnits } from './units.js';

const CONTROL = 'INITIAL TIME = 0 ~ Year ~|\nFINAL TIME = 4 ~ Year ~|\nTIME STEP = 1 ~ Year ~|\nSAVEPER = 1 ~ Year ~|\n';
const MODEL = (inval: string, declared = 'Person') => `age : a0, a1, a2 ~~|
births = 2 ~ Person/Year ~|
newcomers = 3 ~ Person ~|
pop[age] = INTEG(births, 0) ~ Person ~|
aged = SHIFT IF TRUE(pop[a0], Time > INITIAL TIME, 3, 0, ${inval}) ~ ${declared} ~|
${CONTROL}`;
const messages = (text: string) => checkUnits(readVensim(text)).map((i) => `${i.variable}: ${i.message}`);

describe('units of SHIFT IF TRUE', () => {
  it('gives the level units, with inval in the same units', () => {
    expect(messages(MODEL('newcomers'))).toEqual([]);
    expect(messages(MODEL('0'))).toEqual([]);
    expect(messages(MODEL('newcomers', 'Person/Year'))).toEqual(['aged: equation gives Person, declared Person/Year']);
    expect(messages(MODEL('births'))).toEqual(['aged: SHIFT IF TRUE level and inval: Person and Person/Year do not agree']);
  });

  it('wants a dimensionless condition', () => {
    const text = MODEL('newcomers').replace('Time > INITIAL TIME', 'newcomers');
    expect(messages(text)).toEqual(['aged: SHIFT IF TRUE condition (must be dimensionless) in Person, not Dmnl']);
  });
});

describe('causal links of SHIFT IF TRUE', () => {
  const links = causalGraph(readVensim(MODEL('newcomers'))).links;
  const link = (from: string, to: string) => links.find((l) => l.from === from && l.to === to);

  it('the caller rises with the level it shifts (accum 0: it returns the last element)', () => {
    expect(link('pop', 'aged')).toMatchObject({ polarity: '+', initialOnly: false });
  });

  it('inval raises the level it shifts into, at every step', () => {
    expect(link('newcomers', 'pop')).toMatchObject({ polarity: '+', initialOnly: false });
  });

  it('gives no link from the caller back to its level, nor from the level to itself', () => {
    expect(link('aged', 'pop')).toBeUndefined();
    expect(link('pop', 'pop')).toBeUndefined();
  });
});
