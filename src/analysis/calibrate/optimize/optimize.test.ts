import { describe, expect, it } from 'vitest';
import { levenbergMarquardt } from './levenberg.js';
import { nelderMead } from './nelder-mead.js';
import { powell } from './powell.js';
import { DEFAULT_STOP } from './types.js';

// Rosenbrock's valley mapped onto the unit box: x = 4u - 2, minimum at u = (0.75, 0.75).
const rosenbrock = (u: Float64Array): number => {
  const x = 4 * u[0] - 2;
  const y = 4 * u[1] - 2;
  return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
};
// A bowl whose unconstrained minimum (1.3, 0.4, -0.2) lies outside the box in two coordinates.
const outside = (u: Float64Array): number => (u[0] - 1.3) ** 2 + 2 * (u[1] - 0.4) ** 2 + (u[2] + 0.2) ** 2;

describe('optimizers on the unit box', () => {
  const stop = { ...DEFAULT_STOP, maxEvaluations: 5000 };
  for (const [name, run] of [
    ['Nelder–Mead', nelderMead],
    ['Powell', powell],
  ] as const) {
    it(`${name} finds Rosenbrock's minimum`, () => {
      const r = run(rosenbrock, [0.1, 0.9], stop);
      expect(r.x[0]).toBeCloseTo(0.75, 4);
      expect(r.x[1]).toBeCloseTo(0.75, 4);
      expect(r.stop).toBe('tolerance');
    });
    it(`${name} ends exactly on the bounds that bind`, () => {
      const r = run(outside, [0.5, 0.5, 0.5], stop);
      expect(r.x[0]).toBe(1);
      expect(r.x[1]).toBeCloseTo(0.4, 5);
      expect(r.x[2]).toBe(0);
    });
    it(`${name} stops on the budget`, () => {
      const r = run(rosenbrock, [0.1, 0.9], { ...stop, maxEvaluations: 30 });
      expect(r.stop).toBe('budget');
      expect(r.evaluations).toBeLessThanOrEqual(32);
    });
  }

  it('Levenberg–Marquardt solves a least-squares problem with a bound', () => {
    // Residuals of fitting a + b t to points on 0.2 + 0.5 t, with a restricted to [0, 1] and b to [0, 1].
    const ts = [0, 1, 2, 3, 4];
    const res = (u: Float64Array) => Float64Array.from(ts, (t) => u[0] + u[1] * t - (0.2 + 0.5 * t));
    const r = levenbergMarquardt(res, [0.9, 0.1], { ...stop, maxEvaluations: 500 });
    expect(r.x[0]).toBeCloseTo(0.2, 5);
    expect(r.x[1]).toBeCloseTo(0.5, 5);
  });
});
