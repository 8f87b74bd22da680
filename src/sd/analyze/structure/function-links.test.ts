/**
 * Links through NPV, NPVE, DERIVN and ACTIVE INITIAL. Vensim's fn_npv: NPV(stream, discount rate, init val, factor)
 * = (accum + stream × TIME STEP × df) × factor with accum = INTEG(stream × df, init val): the third
 * argument acts only at the initial time, the factor at every step. DERIVN(x, n) is the n-th
 * backward difference of x over TIME STEP, whose newest term is +x / TIME STEP^n. ACTIVE
 * INITIAL(active, initial) is its active expression during the run (fn_active_initial); the initial
 * expression only gives stocks their initial values.
 */
import { describe, expect, it } from 'vitest';
import { readVensim } from '../../vensim/reader.js';
import { causalGraph } from './causal-graph.js';

const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
const link = (text: string, from: string, to: string) => causalGraph(readVensim(`${text}\n${CONTROL}`)).links.find((l) => l.from === from && l.to === to);

describe('causal links through NPV, NPVE, DERIVN and ACTIVE INITIAL', () => {
  it.each(['NPV', 'NPVE'])('%s: the stream moves the value up, init val acts once, the factor every step', (fn) => {
    const text = `cash = 1 ~~|\nrate = 0.1 ~~|\nstart = 0 ~~|\nscale = 1 ~~|\nv = ${fn}(cash, rate, start, scale) ~~|`;
    expect(link(text, 'cash', 'v')).toMatchObject({ polarity: '+', initialOnly: false });
    expect(link(text, 'start', 'v')).toMatchObject({ initialOnly: true });
    expect(link(text, 'scale', 'v')).toMatchObject({ initialOnly: false });
  });

  it('ACTIVE INITIAL: signed by its active expression; its initial expression acts once', () => {
    const text = `cap = INTEG(adj, target) ~~|\nadj = (target - cap) / 2 ~~|\nbase = 100 ~~|\ntarget = ACTIVE INITIAL(cap * 1.1, base - cap) ~~|`;
    expect(link(text, 'cap', 'target')).toMatchObject({ polarity: '+', initialOnly: false });
    expect(link(text, 'base', 'target')).toMatchObject({ initialOnly: true });
  });

  it('DERIVN rises with its input', () => {
    expect(link('x = Time ~~|\nd = DERIVN(x, 1) ~~|', 'x', 'd')).toMatchObject({ polarity: '+', initialOnly: false });
  });
});
