import { describe, expect, it } from 'vitest';
import { compileVensim } from './engine.js';
import { dominanceOf as dominance } from './test-support/dominance.js';
import { scoreRows } from './loop-dominance-run.js';
import { thrownModelError } from '../ir/test-support/thrown.js';

// When every TIME STEP's values are more than a run may keep, loop scores are computed at each
// SAVEPER time only, from that time's row and the next step's (loop-dominance-run.ts): each score
// is the one the full computation gives at that time.

// Two loops through a stock, one through a SMOOTH's hidden stock; TIME STEP 0.25, SAVEPER 1.
const MODEL = `
s = INTEG(inflow - outflow, 10) ~ u ~|
inflow = 0.3 * SMOOTH(s, 2) ~ u/Year ~|
outflow = s * s / 200 ~ u/Year ~|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 12 ~ Year ~|
TIME STEP = 0.25 ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;

describe('loop scores at the saved times only', () => {
  it('keeps each saved row and the step after it from a streamed run, the values of a whole run', () => {
    const { model } = compileVensim(MODEL);
    const all = model.run({ saveper: 0.25 });
    const kept = scoreRows(model, { saveper: 0.25 }, 4);
    expect(kept.stride).toBe(2);
    const rows = Array.from(all.time.keys()).filter((r) => r % 4 <= 1);
    expect([...kept.time]).toEqual(rows.map((r) => all.time[r]));
    expect([...kept.get('outflow')!]).toEqual(rows.map((r) => all.get('outflow')![r]));
    expect(scoreRows(model, { saveper: 0.25 }, 1).stride).toBe(1);
  });

  for (const discover of [false, true]) {
    it(`gives the full computation's scores at each saved time when every step would pass the limit${discover ? ' (strongest-path search)' : ''}`, () => {
      const full = dominance(MODEL, { discover });
      const saved = dominance(MODEL, { discover, maxValues: 20 });
      expect(full.savedTimesOnly).toBeUndefined();
      expect(saved.savedTimesOnly?.every).toBe(4);
      // Series of 12 / 0.25 + 2 steps: s, inflow, outflow and the smooth's stock (which the
      // strongest-path search goes through too).
      expect(saved.savedTimesOnly?.values).toBe(4 * 50);
      expect([...saved.time]).toEqual([...full.time].filter((t) => Number.isInteger(t)));
      expect(saved.loops.map((l) => l.elements)).toEqual(full.loops.map((l) => l.elements));
      expect(saved.loops.length).toBe(2);
      saved.loops.forEach((l, i) => {
        const f = full.loops[i]!;
        expect([...l.score]).toEqual([...l.score].map((_, p) => f.score[4 * p]));
        expect([...l.relative]).toEqual([...l.relative].map((_, p) => f.relative[4 * p]));
        // Not trivially equal: the scores move over the run.
        expect(new Set(l.score).size).toBeGreaterThan(3);
      });
    });
  }

  it('with a SAVEPER that is not a multiple of TIME STEP, scores at the times the run saves', () => {
    // SAVEPER 0.6, TIME STEP 0.25: the run saves every ⌈2.4⌉ = 3 steps (saveper-check.ts), at
    // 0, 0.75, 1.5, …, 12 (17 times); the scores are at those times, not every round(2.4) = 2 steps.
    const text = MODEL.replace('SAVEPER = 1 ~', 'SAVEPER = 0.6 ~');
    const saved = dominance(text, { maxValues: 20 });
    expect(saved.savedTimesOnly?.every).toBe(3);
    const runTimes = [...compileVensim(text).model.run().time];
    expect(runTimes).toEqual(Array.from({ length: 17 }, (_, i) => i * 0.75));
    expect([...saved.time]).toEqual(runTimes);
  });

  it('scores element loops at the saved times rather than leaving them out, when those rows fit', () => {
    const text = `
dim: A1, A2 ~~|
s[dim] = INTEG(-outflow[dim], 100) ~ u ~|
outflow[dim] = s[dim] * s[dim] / 400 ~ u/Year ~|
INITIAL TIME = 0 ~ Year ~|
FINAL TIME = 10 ~ Year ~|
TIME STEP = 0.25 ~ Year ~|
SAVEPER = 1 ~ Year ~|
`;
    // 4 series (s and outflow of each element) of 10 / 0.25 + 2 = 42 steps = 168 values; at the
    // saved times 2 × 11 rows each = 88.
    const full = dominance(text);
    const saved = dominance(text, { maxValues: 100 });
    expect(saved.notScored).toEqual([]);
    expect(saved.savedTimesOnly).toEqual({ every: 4, values: 168 });
    expect(saved.loops.map((l) => l.id)).toEqual(['B1[A1]', 'B1[A2]']);
    saved.loops.forEach((l, i) => expect([...l.score]).toEqual([...l.score].map((_, p) => full.loops[i]!.score[4 * p])));
    // Below that, they are left out, saying how many values they would need.
    const none = dominance(text, { maxValues: 80 });
    expect(none.loops).toEqual([]);
    expect(none.notScored.map((x) => x.reason.en)).toEqual(['the loops element by element need 4 series of 22 values together, more than the 80 values a run can keep here: not scored']);
  });
});

describe('a strongest-path search that finds more loops than the scores may hold', () => {
  // Eight stocks, each drained by a flow of its own: eight one-stock loops, found at the first
  // sample time. TIME STEP = SAVEPER = 1 and FINAL TIME 12: 13 score times, each loop two series
  // (score and share) of 13 values and its 2 keys held by the search, 28 values: 200 values hold
  // 7 loops and 1,000 hold all 8.
  const stocks = Array.from({ length: 8 }, (_, i) => i + 1);
  const text = [
    ...stocks.map((i) => `s${i} = INTEG(-out${i}, 10) ~ u ~|\nout${i} = s${i} * ${i} / 20 ~ u/Year ~|`),
    'INITIAL TIME = 0 ~ Year ~|\nFINAL TIME = 12 ~ Year ~|\nTIME STEP = 1 ~ Year ~|\nSAVEPER = 1 ~ Year ~|',
  ].join('\n');

  it('stops before scoring them, saying how many it found, what they need and the limit, in both languages', () => {
    const d = thrownModelError(() => dominance(text, { discover: true, maxScoreValues: 200 })).diagnostics[0]!;
    expect(d.code).toBe('E_LIMIT_LOOPS');
    expect(d.message).toContain('had found 8 loops after 1 of the 13 times it searches (and stopped there)');
    // Each loop costs its two 13-value score series and its 2 path keys: 8 × 28 = 224 (7 × 28 = 196 fit).
    expect(d.message).toContain('scores and paths need at least 224 values, more than the limit of 200');
    expect(d.messageEs).toContain('había encontrado 8 bucles tras 1 de los 13 instantes que examina (y se detuvo ahí)');
    expect(d.messageEs).toContain('más que el límite de 200 valores');
  });

  it('scores them all when they fit', () => {
    expect(dominance(text, { discover: true, maxScoreValues: 1000 }).loops).toHaveLength(8);
  });
});
