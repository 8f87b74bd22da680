/**
 * RANDOM NEGATIVE BINOMIAL, from Vensim's reference (https://www.vensim.com/documentation/fn_random.html):
 * NEGATIVE BINOMIAL(m, x, P, N, h, r, s) is the number of trials it takes to get N successes of
 * probability P (an integer from N up), stretched by r, shifted by h and truncated to [m, x].
 * The model below is written for this test; the expected values are the distribution's own
 * (exact where the draw cannot vary, moments and point probabilities otherwise).
 */
import { describe, expect, it } from 'vitest';
import { draws, mean, share, variance } from './test-support/random-draws.js';

describe('RANDOM NEGATIVE BINOMIAL (fn_random)', () => {
  it('with P = 1 every trial succeeds: N trials, stretched and shifted (10 + 2 × 3 = 16)', () => {
    const v = draws('sure = RANDOM NEGATIVE BINOMIAL(0, 100, 1, 3, 10, 2, 0) ~~|');
    expect(new Set(v.sure)).toEqual(new Set([16]));
  });

  it('counts trials from N up with mean N/P and variance N(1-P)/P² (N = 3, P = 0.25: 12 and 36)', () => {
    const { nb } = draws('nb = RANDOM NEGATIVE BINOMIAL(0, 1e9, 0.25, 3, 0, 1, 0) ~~|');
    expect(nb!.every((x) => Number.isInteger(x) && x >= 3)).toBe(true);
    // Standard errors over 4000 draws: mean 0.095, variance about 1.1; P(3 trials) = 0.25³ = 1/64.
    expect(mean(nb!)).toBeCloseTo(12, 0);
    expect(Math.abs(variance(nb!) - 36)).toBeLessThan(6);
    expect(Math.abs(share(nb!, (x) => x === 3) - 1 / 64)).toBeLessThan(0.01);
  });

  it('is truncated to [m, x] after the stretch and shift', () => {
    const { t } = draws('t = RANDOM NEGATIVE BINOMIAL(4, 6, 0.5, 2, 0, 1, 0) ~~|');
    expect(t!.every((x) => x >= 4 && x <= 6)).toBe(true);
    // Within [4, 6] the weights of 4, 5, 6 trials for N = 2, P = 0.5 are 3/16, 4/32, 5/64.
    const w = [3 / 16, 4 / 32, 5 / 64];
    const total = w[0]! + w[1]! + w[2]!;
    expect(Math.abs(share(t!, (x) => x === 4) - w[0]! / total)).toBeLessThan(0.04);
  });

  it('stops the run with a message for a probability outside (0, 1] (it used to give NaN without one)', () => {
    expect(() => draws('bad = RANDOM NEGATIVE BINOMIAL(0, 100, 0, 3, 0, 1, 0) ~~|')).toThrow(/RANDOM NEGATIVE BINOMIAL needs a probability P in \(0, 1\] .*\(P is 0, N 3\)/);
  });
});
