/**
 * Issue 10 target (e), "a published model": the numerical example of Shoven and Whalley (1984, JEL
 * 22(3)) against its printed equilibria (no tax; 50% tax on capital in manufacturing), to half a unit
 * of the printed last digit. Source and provenance of each printed figure: shoven-whalley-1984.json.
 */
import { describe, expect, it } from 'vitest';
import { loadSwFixture, solveSw } from './shoven-whalley.js';

const fx = loadSwFixture();

describe('Shoven–Whalley (1984) numerical general equilibrium', () => {
  for (const cs of fx.cases) {
    const sol = solveSw(fx, cs);
    const tol = 0.5 * 10 ** -cs.printed.precision;

    it(`${cs.name}: converges, Walras slack ≤ 1e-9`, () => {
      expect(sol.converged).toBe(true);
      expect(sol.maxResidual).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(sol.walras)).toBeLessThanOrEqual(1e-9);
    });

    it(`${cs.name}: reproduces the printed equilibrium to half a unit of the printed last digit`, () => {
      for (const [key, printed] of Object.entries(cs.printed.values)) {
        if (cs.printed.knownGaps?.[key]) continue;
        const ours = sol.values[key];
        expect(ours, key).toBeDefined();
        expect(Math.abs(ours! - printed), `${key}: ours ${ours} printed ${printed}`).toBeLessThanOrEqual(tol);
      }
    });

    if (cs.printed.knownGaps) {
      it(`${cs.name}: the documented gaps are one printed unit, no more`, () => {
        for (const key of Object.keys(cs.printed.knownGaps!)) {
          const gap = Math.abs(sol.values[key]! - cs.printed.values[key]!);
          expect(gap, key).toBeGreaterThan(tol);
          expect(gap, key).toBeLessThanOrEqual(2 * tol);
        }
      });
    }

    it(`${cs.name}: accounts close (expenditure = income, output value = factor cost + tax)`, () => {
      const v = sol.values;
      for (const h of fx.households) {
        const spent = fx.sectors.reduce((a, s) => a + v[`p.${s}`]! * v[`X.${h}.${s}`]!, 0);
        expect(Math.abs(spent - v[`I.${h}`]!)).toBeLessThanOrEqual(1e-9);
      }
      const value = fx.sectors.reduce((a, s) => a + v[`p.${s}`]! * v[`Q.${s}`]!, 0);
      const factors = fx.factors.reduce((a, f) => a + v[`w.${f}`]! * fx.households.reduce((b, h) => b + (fx.demand[h]!.endowment[f] ?? 0), 0), 0);
      expect(Math.abs(value - factors - v['R']!)).toBeLessThanOrEqual(1e-9);
    });

    it(`${cs.name}: homogeneous of degree zero: doubling the numeraire doubles prices and incomes, not quantities`, () => {
      const s2 = solveSw(fx, cs, 2);
      for (const [key, x] of Object.entries(sol.values)) {
        const nominal = /^(p|w|I|R)\b/.test(key);
        const want = nominal ? 2 * x : x;
        expect(Math.abs(s2.values[key]! - want) / Math.max(1, Math.abs(want)), key).toBeLessThanOrEqual(1e-8);
      }
    });
  }

  it('rejects a tax on an unknown account, naming the file', () => {
    const bad = { ...fx.cases[1]!, taxes: [{ factor: 'LAND', sector: 'MFG', rate: 0.1 }] };
    expect(() => solveSw(fx, bad)).toThrow(/shoven-whalley-1984\.json/);
  });
});
