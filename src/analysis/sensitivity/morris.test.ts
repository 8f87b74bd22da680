import { describe, expect, it } from 'vitest';
import { functionModel } from '../testing/function-model.js';
import { parseVary } from './distributions.js';
import { morris, morrisTrajectory } from './morris.js';

describe('Morris elementary effects', () => {
  it('moves one coordinate per step by half the grid, staying on the grid', () => {
    const t = morrisTrajectory(3, 4, 1, 0);
    expect(t.points).toHaveLength(4);
    for (let s = 1; s < 4; s++) {
      const moved = [0, 1, 2].filter((i) => t.points[s][i] !== t.points[s - 1][i]);
      expect(moved).toEqual([t.order[s - 1]]);
      expect(Math.abs(t.points[s][moved[0]] - t.points[s - 1][moved[0]])).toBeCloseTo(0.5, 12);
    }
    for (const p of t.points) for (const u of p) expect([0.125, 0.375, 0.625, 0.875]).toContain(u);
  });

  it('gives exact effects of linear terms, zero for an unused input, and spread for a square', async () => {
    // y = 2 a + b² + 0 c with a, b, c ~ U(0,1). For a, every effect is Δy/Δu = 2 exactly.
    // For b the effect between levels u and u + ½ is ((u+½)² - u²)/½ = 2u + ½ with u ∈ {1/8, 3/8}:
    // 0.75 or 1.25, so μ = μ* lies in [0.75, 1.25] and σ > 0.
    const model = functionModel({ a: 0.5, b: 0.5, c: 0.5 }, (c) => ({ y: 2 * c.a + c.b ** 2 }));
    const r = await morris(model, { parameters: ['a', 'b', 'c'].map((x) => parseVary(`${x}=uniform(0,1)`)), columns: ['y'] }, { trajectories: 50, seed: 3 });
    expect(r.runs).toBe(200);
    const [a, b, c] = r.indices;
    expect(a.mu).toBeCloseTo(2, 12);
    expect(a.muStar).toBeCloseTo(2, 12);
    expect(a.sigma).toBeCloseTo(0, 12);
    expect(b.muStar).toBeGreaterThanOrEqual(0.75);
    expect(b.muStar).toBeLessThanOrEqual(1.25);
    expect(b.sigma).toBeGreaterThan(0);
    expect(c.muStar).toBe(0);
  });
});
