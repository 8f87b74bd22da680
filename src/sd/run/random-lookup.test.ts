/**
 * RANDOM LOOKUP, from Vensim's reference (https://www.vensim.com/documentation/fn_random.html):
 * RANDOM LOOKUP(look, m, x, h, r, s) draws a random number using the lookup as its probability
 * density, then stretches it by r, shifts it by h and truncates it to [m, x] like the other
 * RANDOM functions. Read here: the density is the lookup as Vensim interpolates it (points
 * joined by straight lines, https://www.vensim.com/documentation/22820.html), zero outside its
 * first and last x (a density held flat past the ends would have no finite area). The model is
 * written for this test; the expected values are the densities' own (areas, means, quantiles).
 */
import { describe, expect, it } from 'vitest';
import { ModelError, SimulationError } from '../ir/diagnostics.js';
import { compileVensim } from './engine.js';
import { draws as drawsOf, mean, share, variance } from './test-support/random-draws.js';

const TABLES = `tri((0,0),(1,2)) ~~|
flat((2,1),(6,1)) ~~|
gap((0,1),(1,1),(1,0),(3,0),(3,1),(4,1)) ~~|
`;
const draws = (equations: string, seed = 7) => drawsOf(equations, seed, TABLES);

describe('RANDOM LOOKUP (fn_random)', () => {
  it('draws from the lookup read as a density: tri rises 0 → 2 on [0, 1], so P(x < a) = a²', () => {
    const { d } = draws('d = RANDOM LOOKUP(tri, 0, 1, 0, 1, 0) ~~|');
    expect(d!.every((x) => x >= 0 && x <= 1)).toBe(true);
    // Density 2x: mean ∫2x² = 2/3, variance ∫2x³ − 4/9 = 1/18.
    expect(mean(d!)).toBeCloseTo(2 / 3, 1);
    expect(Math.abs(variance(d!) - 1 / 18)).toBeLessThan(0.005);
    // P(x < 0.5) = 0.25 (standard error 0.007); the median is √0.5.
    expect(Math.abs(share(d!, (x) => x < 0.5) - 0.25)).toBeLessThan(0.03);
    expect(Math.abs(share(d!, (x) => x < Math.SQRT1_2) - 0.5)).toBeLessThan(0.03);
  });

  it('stretches by r and shifts by h: flat on [2, 6] becomes 1 + 10·U(2, 6), mean 41', () => {
    const { s } = draws('s = RANDOM LOOKUP(flat, 0, 100, 1, 10, 0) ~~|');
    expect(s!.every((x) => x >= 21 && x <= 61)).toBe(true);
    expect(Math.abs(mean(s!) - 41)).toBeLessThan(1);
  });

  it('never draws where the density is zero, and truncates to [m, x]', () => {
    const { g, cut } = draws('g = RANDOM LOOKUP(gap, 0, 10, 0, 1, 0) ~~|\ncut = RANDOM LOOKUP(gap, 3.5, 10, 0, 1, 0) ~~|');
    expect(g!.some((x) => x > 1 && x < 3)).toBe(false);
    expect(Math.abs(share(g!, (x) => x <= 1) - 0.5)).toBeLessThan(0.04);
    expect(cut!.every((x) => x >= 3.5 && x <= 4)).toBe(true);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const eq = 'd = RANDOM LOOKUP(tri, 0, 1, 0, 1, 0) ~~|';
    expect(draws(eq, 3).d).toEqual(draws(eq, 3).d);
    expect(draws(eq, 3).d).not.toEqual(draws(eq, 4).d);
  });

  it('reads the table of each element in an arrayed equation (flat on [0,1], [10,11], [20,21])', () => {
    const mdl = `r: a, b, c ~~|\ntab[a]((0,1),(1,1)) ~~|\ntab[b]((10,1),(11,1)) ~~|\ntab[c]((20,1),(21,1)) ~~|
d[r] = RANDOM LOOKUP(tab[r], 0, 100, 0, 1, 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 50 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n`;
    const r = compileVensim(mdl).model.run();
    for (const [col, lo] of [['d[a]', 0], ['d[b]', 10], ['d[c]', 20]] as const) {
      expect(Array.from(r.get(col)!).every((x) => x >= lo && x <= lo + 1)).toBe(true);
    }
  });

  it('stops the run, located, when a run replaces the table with one that is not a density (no silent NaN)', () => {
    const mdl = `${TABLES}d = RANDOM LOOKUP(tri, 0, 1, 0, 1, 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 3 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n`;
    const { model } = compileVensim(mdl, { file: 'over.mdl' });
    expect(() => model.run({ params: { tri: { x: [0, 1], y: [1, -1] } } })).toThrow(SimulationError);
    expect(() => model.run({ params: { tri: { x: [0, 1], y: [0, 0] } } })).toThrow(/^over\.mdl:4:1: d at time 0: RANDOM LOOKUP reads its lookup as a probability density, but the table this run gives it has a y below 0 or no area/);
    // A density the run gives is drawn from: flat on [0.25, 0.5].
    const r = model.run({ params: { tri: { x: [0.25, 0.5], y: [1, 1] } } });
    expect(Array.from(r.get('d')!).every((v) => v >= 0.25 && v <= 0.5)).toBe(true);
  });

  it('refuses, at the call, a lookup with a negative y', () => {
    const mdl = 'neg((0,1),(1,-1)) ~~|\nd = RANDOM LOOKUP(neg, 0, 1, 0, 1, 0) ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';
    expect(() => compileVensim(mdl, { file: 'neg.mdl' })).toThrow(ModelError);
    expect(() => compileVensim(mdl, { file: 'neg.mdl' })).toThrow(/neg\.mdl:2:\d+.*RANDOM LOOKUP reads lookup neg as a probability density/s);
  });
});
