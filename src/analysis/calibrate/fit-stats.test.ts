import { describe, expect, it } from 'vitest';
import { fitStatistics } from './fit-stats.js';

describe('fit statistics (Sterman 1984)', () => {
  it('equal the hand computation on a four-point case', () => {
    // Actual A = 1, 2, 3, 4; simulated S = 2, 2, 4, 5.
    // Errors S - A = 1, 0, 1, 1      → MSE = 3/4 = 0.75, RMSE = √0.75 = 0.8660254
    // MAPE = (1/1 + 0/2 + 1/3 + 1/4) / 4 = 1.5833333 / 4 = 39.583333 %
    // Ā = 2.5, S̄ = 13/4 = 3.25        → (S̄ - Ā)² = 0.5625, U^M = 0.5625 / 0.75 = 0.75
    // A - Ā = -1.5, -0.5, 0.5, 1.5   → s_A² = 5/4 = 1.25
    // S - S̄ = -1.25, -1.25, 0.75, 1.75 → s_S² = 6.75/4 = 1.6875
    // cov = (1.875 + 0.625 + 0.375 + 2.625)/4 = 5.5/4 = 1.375
    // s_S s_A = √(1.6875 × 1.25) = √2.109375 = 1.45236875483
    // r = 1.375 / 1.4523688 = 0.9467293, R² = r² = 1.375² / 2.109375 = 0.8962963
    // (s_S - s_A)² = 1.6875 + 1.25 - 2 × 1.45236875483 = 0.03276249034 → U^S = 0.04368332046
    // U^C = 2 (1 - r) s_S s_A / MSE = 2 (1.45236875483 - 1.375) / 0.75 = 0.20631667954
    // and U^M + U^S + U^C = 0.75 + 0.04368332046 + 0.20631667954 = 1.
    const s = fitStatistics([2, 2, 4, 5], [1, 2, 3, 4]);
    expect(s.n).toBe(4);
    expect(s.mse).toBeCloseTo(0.75, 12);
    expect(s.rmse).toBeCloseTo(0.8660254038, 9);
    expect(s.mape).toBeCloseTo(39.5833333333, 9);
    expect(s.r2).toBeCloseTo(0.8962962963, 9);
    expect(s.um).toBeCloseTo(0.75, 12);
    expect(s.us).toBeCloseTo(0.04368332046, 9);
    expect(s.uc).toBeCloseTo(0.20631667954, 9);
    expect(s.um + s.us + s.uc).toBeCloseTo(1, 12);
  });

  it('leave observations of zero out of MAPE only', () => {
    // Errors 1 and 1; A = 0 has no percent error, A = 2 gives 50 %.
    const s = fitStatistics([1, 3], [0, 2]);
    expect(s.mape).toBeCloseTo(50, 12);
    expect(s.rmse).toBeCloseTo(1, 12);
  });

  it('report a perfect fit without dividing by zero in R²', () => {
    const s = fitStatistics([1, 2, 3], [1, 2, 3]);
    expect(s.rmse).toBe(0);
    expect(s.r2).toBeCloseTo(1, 12);
    expect(Number.isNaN(s.um)).toBe(true);
  });
});
