/** Target (i): totals, SEs (Taylor, fpc on and off), ratio SEs and intervals equal the textbook formulas. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Classified } from './classify.js';
import { buildDesign, varianceFromPsuTotals } from './design.js';
import { estimateTables } from './estimate.js';
import { loadRules } from './rules.js';
import { allocateSurvey } from './types.js';

const RULES = resolve(import.meta.dirname, '../../../models/peru/greenjobs/rules.json');

// Two strata. A: PSUs a1 {(w10,y1),(w10,y0)}, a2 {(w12,y1),(w12,y1)}, a3 {(w8,y1)};
// B: PSUs b1 {(w20,y1)}, b2 {(w20,y0),(w25,y1)}. Population PSUs: N_A = 10, N_B = 4.
const recs = [
  ['A', 'a1', 10, 1], ['A', 'a1', 10, 0], ['A', 'a2', 12, 1], ['A', 'a2', 12, 1], ['A', 'a3', 8, 1],
  ['B', 'b1', 20, 1], ['B', 'b2', 20, 0], ['B', 'b2', 25, 1],
] as const;
const popPsus: Record<string, number> = { A: 10, B: 4 };

function sample() {
  const s = allocateSurvey(recs.length, 'hand', 2022, false);
  s.fpc = new Float64Array(recs.length);
  recs.forEach(([h, p, w], i) => {
    s.stratum[i] = h;
    s.psu[i] = p;
    s.weight[i] = w;
    s.fpc![i] = popPsus[h];
  });
  return s;
}

function classified(): Classified {
  const s = sample();
  const y = Float64Array.from(recs, (r) => r[3]);
  const rules = loadRules(RULES);
  return {
    survey: s, rules, env: y, decent: new Uint8Array(s.n).fill(1), green: y, transition: new Float64Array(s.n), other: y.map((v) => 1 - v),
    sector: new Int32Array(s.n), sectorLabels: ['x'], unknownActivity: { count: 0, weighted: 0, examples: [] },
    unknownOccupation: { count: 0, weighted: 0, examples: [] }, minimumWage: { value: 1, source: '', from: '' },
  };
}

// Hand computation. PSU totals of w·y: a1 = 10, a2 = 24, a3 = 8 (mean 14; deviations −4, 10, −6;
// sum of squares 152); b1 = 20, b2 = 25 (mean 22.5; deviations ∓2.5; sum of squares 12.5).
const Y = 10 + 24 + 8 + 20 + 25; // 87
const V_noFpc = (3 / 2) * 152 + (2 / 1) * 12.5; // 228 + 25 = 253
const V_fpc = (1 - 3 / 10) * (3 / 2) * 152 + (1 - 2 / 4) * (2 / 1) * 12.5; // 159.6 + 12.5 = 172.1
const Z = 1.959963984540054; // qnorm(0.975)

describe('Taylor linearisation on a hand-computed stratified sample', () => {
  it('gives the textbook total, SE and interval without fpc', () => {
    const { rows } = estimateTables(classified(), ['all'], { fpc: false });
    const g = rows[0].totals.green;
    expect(g.value).toBe(Y);
    expect(Math.abs(g.se - Math.sqrt(V_noFpc))).toBeLessThan(1e-10);
    expect(Math.abs(g.low - (Y - Z * Math.sqrt(253)))).toBeLessThan(1e-10);
    expect(Math.abs(g.high - (Y + Z * Math.sqrt(253)))).toBeLessThan(1e-10);
    expect(Math.abs(g.cv - Math.sqrt(253) / 87)).toBeLessThan(1e-10);
  });

  it('applies the finite-population correction (1 − n_h/N_h) per stratum', () => {
    const { rows } = estimateTables(classified(), ['all'], { fpc: true });
    expect(Math.abs(rows[0].totals.green.se - Math.sqrt(V_fpc))).toBeLessThan(1e-10);
    expect(V_fpc).toBeCloseTo(172.1, 10);
  });

  it('gives the linearised variance of the ratio Y/X', () => {
    const X = 10 + 10 + 12 + 12 + 8 + 20 + 20 + 25; // 117
    const R = Y / X;
    // z_hi = (y_hi − R·x_hi)/X with PSU totals of w: a1 20, a2 24, a3 8, b1 20, b2 45.
    const zA = [(10 - R * 20) / X, (24 - R * 24) / X, (8 - R * 8) / X];
    const zB = [(20 - R * 20) / X, (25 - R * 45) / X];
    const ss = (v: number[]) => { const m = v.reduce((a, b) => a + b) / v.length; return v.reduce((a, b) => a + (b - m) ** 2, 0); };
    const V = (3 / 2) * ss(zA) + 2 * ss(zB);
    const { rows } = estimateTables(classified(), ['all'], { fpc: false });
    expect(Math.abs(rows[0].shares.green.value - R)).toBeLessThan(1e-12);
    expect(Math.abs(rows[0].shares.green.se - Math.sqrt(V))).toBeLessThan(1e-10);
    expect(rows[0].totals.total.value).toBe(X);
  });

  it('handles single-PSU strata by the chosen rule', () => {
    const s = sample();
    s.stratum[7] = 'C'; // b2's second record becomes a lone PSU "b2" in stratum C
    expect(() => buildDesign(s, 'error', false)).toThrow(/single PSU/);
    const d = buildDesign(s, 'certainty', false);
    // PSU totals (y = w here): A: 20, 24, 8 ; B: 20, 20 ; C: 25.
    const t = new Float64Array([20, 24, 8, 20, 20, 25]);
    const ssA = (20 - 52 / 3) ** 2 + (24 - 52 / 3) ** 2 + (8 - 52 / 3) ** 2;
    expect(Math.abs(varianceFromPsuTotals(d, t) - (1.5 * ssA + 0))).toBeLessThan(1e-10);
    const adj = buildDesign(s, 'adjust', false);
    const centre = (20 + 24 + 8 + 20 + 20 + 25) / 6;
    expect(Math.abs(varianceFromPsuTotals(adj, t) - (1.5 * ssA + (25 - centre) ** 2))).toBeLessThan(1e-10);
  });
});

describe('replicate weights', () => {
  it('V = scale · Σ rscale_r (θ_r − mean θ)², for totals and ratios (mse = false, as R svrepdesign)', () => {
    const c = classified();
    const s = c.survey;
    // Three delete-one-PSU-group replicates, made up by hand: each doubles one group's weights.
    const reps = [0, 1, 2].map((r) => Float64Array.from(s.weight, (w, i) => (i % 3 === r ? 2 * w : w * 0.5)));
    s.replicates = { weights: reps, type: 'JK1', scale: 2 / 3, rscales: [1, 1, 1], mse: false };
    const { rows } = estimateTables(c, ['all']);
    const y = recs.map((r) => r[3]);
    const thetas = reps.map((w) => w.reduce((a, wi, i) => a + wi * y[i], 0));
    const mean = thetas.reduce((a, b) => a + b) / 3;
    const V = (2 / 3) * thetas.reduce((a, t) => a + (t - mean) ** 2, 0);
    expect(Math.abs(rows[0].totals.green.se - Math.sqrt(V))).toBeLessThan(1e-10);
    const ratios = reps.map((w, r) => thetas[r] / w.reduce((a, b) => a + b, 0));
    const rm = ratios.reduce((a, b) => a + b) / 3;
    const VR = (2 / 3) * ratios.reduce((a, t) => a + (t - rm) ** 2, 0);
    expect(Math.abs(rows[0].shares.green.se - Math.sqrt(VR))).toBeLessThan(1e-12);
  });
});
