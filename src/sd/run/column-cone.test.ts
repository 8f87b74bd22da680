import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';

const CONTROL = `INITIAL TIME = 0 ~~|\nFINAL TIME = 20 ~~|\nTIME STEP = 0.25 ~~|\nSAVEPER = 1 ~~|\n`;

/** Two parts: A (a stock, an auxiliary of it, a delay) and B (unrelated to A), for runs that keep A's columns only. */
const TWO_PARTS = `A = INTEG(inflow - A / tau, 10) ~~|
inflow = 2 + SIN(Time) * gain ~~|
gain = 1 ~~|
tau = 4 ~~|
A late = DELAY FIXED(A, 2, 10) ~~|
A share = A / (A + A late) ~~|
B = INTEG(B * growth, 1) ~~|
growth = 0.05 ~~|
B view = B * 2 ~~|
${CONTROL}`;

describe('runs that keep some columns compute only what those columns need', () => {
  const m = compileVensim(TWO_PARTS).model;

  it('gives exactly the values of a run of the whole model, with or without levers moved', () => {
    const settings: Record<string, number>[] = [{}, { gain: 3, tau: 2.5 }, { growth: 0.2 }];
    for (const params of settings) {
      const whole = m.run({ params });
      for (const col of ['A', 'A share', 'A late', 'B view', 'inflow']) {
        const part = m.run({ params, columns: [col] });
        expect(Array.from(part.get(col)!)).toEqual(Array.from(whole.get(col)!));
        expect(Array.from(part.time)).toEqual(Array.from(whole.time));
      }
    }
  });

  it('still refuses unknown levers and columns', () => {
    expect(() => m.run({ params: { nope: 1 }, columns: ['A'] })).toThrow(/nope/);
    expect(() => m.run({ columns: ['nope'] })).toThrow(/nope/);
  });

  it('runs the whole model when it draws random numbers (one stream: a skipped draw would shift the others)', () => {
    const noisy = compileVensim(`X = RANDOM UNIFORM(0, 1, 0) ~~|\nY = RANDOM UNIFORM(0, 1, 0) ~~|\n${CONTROL}`).model;
    const whole = noisy.run({ seed: 7 });
    expect(Array.from(noisy.run({ seed: 7, columns: ['Y'] }).get('Y')!)).toEqual(Array.from(whole.get('Y')!));
  });
});

describe('runs that keep internal nodes (RunOptions.nodes)', () => {
  it("keeps a SMOOTH3's hidden stages after the columns, equal to an explicit chain's stocks", () => {
    const { model } = compileVensim(`x = 10 + 5 * SIN(Time) ~~|\ny = SMOOTH3(x, 3) ~~|\n${CONTROL}`);
    const chain = compileVensim(`x = 10 + 5 * SIN(Time) ~~|
s1 = INTEG((x - s1) / 1, x) ~~|
s2 = INTEG((s1 - s2) / 1, x) ~~|
y = INTEG((s2 - y) / 1, x) ~~|
${CONTROL}`).model.run({ columns: ['s1', 's2', 'y'] });
    const stages = model.scalar.nodes.filter((n) => n.hidden && n.kind === 'stock').map((n) => n.id);
    expect(stages).toHaveLength(2);
    const r = model.run({ columns: ['y'], nodes: stages });
    expect(r.names.slice(1)).toEqual(stages.map((id) => model.scalar.nodes[id]!.name));
    expect(Array.from(r.series[1]!)).toEqual(Array.from(chain.get('s1')!));
    expect(Array.from(r.series[2]!)).toEqual(Array.from(chain.get('s2')!));
    expect(Array.from(r.get('y')!)).toEqual(Array.from(chain.get('y')!));
  });
});
