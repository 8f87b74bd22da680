/**
 * Properties of the analysis functions on random balanced tables (fast-check chooses size and
 * seed): each fast path is checked against the definition it replaces (explicit inverses of
 * I − A, of the closed matrix, of I − B), and balance is preserved by aggregation and splitting.
 */
import fc from 'fast-check';
import { inverse, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { aggregateTable } from './aggregate.js';
import { decomposeOutput } from './decompose.js';
import { disaggregateSector } from './disaggregate.js';
import { allocationCoefficients, ghoshInverse, ghoshOutputFor } from './ghosh.js';
import { identityMinus, LeontiefModel } from './leontief.js';
import { linkages } from './linkages.js';
import { buildModels, computeMultipliers } from './multipliers.js';
import { randomBalancedTable } from './random-table.js';
import { structuralPaths } from './spa.js';
import { balanceReport } from './validate.js';

const tables = fc.record({ n: fc.integer({ min: 2, max: 12 }), seed: fc.integer({ min: 1, max: 1e6 }) }).map(({ n, seed }) => randomBalancedTable(n, seed));
const close = (a: number[], b: number[], tol = 1e-9): void => a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]))));
const colSums = (m: number[][]): number[] => m[0].map((_, j) => m.reduce((a, r) => a + r[j], 0));

describe('Leontief model', () => {
  it('L·(I − A) = I and the LU solves agree with an explicit inverse', () => {
    fc.assert(fc.property(tables, (t) => {
      const model = new LeontiefModel(t);
      const L = model.inverse();
      const explicit = inverse(new Matrix(identityMinus(model.A))).to2DArray();
      L.forEach((row, i) => close(row, explicit[i]));
      const w = t.sectors.map((_, i) => i + 1);
      close(model.rowTimesInverse(w), new Matrix([w]).mmul(new Matrix(explicit)).getRow(0));
      close(model.outputFor(t.finalDemand.map((f) => f.values).reduce((a, v) => a.map((x, i) => x + v[i]))), t.x);
    }), { numRuns: 40 });
  });

  it('the closed model from the open LU (Miyazawa) equals the explicit inverse of I − Ā', () => {
    fc.assert(fc.property(tables, (t) => {
      const { closed } = buildModels(t);
      const n = t.sectors.length;
      const Lbar = closed!.inverse();
      const m = computeMultipliers(t);
      close(m.output.type2!, colSums(Lbar.slice(0, n)).slice(0, n));
      close(m.output.total!, colSums(Lbar).slice(0, n));
      close(m.income!.total!, Lbar[n].slice(0, n));
      const f = t.sectors.map((_, i) => (i % 3) + 0.5);
      close(closed!.outputFor(f), Lbar.slice(0, n).map((row) => row.slice(0, n).reduce((a, l, j) => a + l * f[j], 0)));
      m.output.type2!.forEach((v, j) => expect(v).toBeGreaterThan(m.output.type1[j]));
    }), { numRuns: 40 });
  });

  it('employment multipliers: simple = e·L, type I = simple / direct', () => {
    const t = randomBalancedTable(6, 7);
    const m = computeMultipliers(t);
    const L = new LeontiefModel(t).inverse();
    const e = t.satellites[0].values.map((v, j) => v / t.x[j]);
    close(m.employment!.simple, e.map((_, j) => e.reduce((a, ei, i) => a + ei * L[i][j], 0)));
    close(m.employment!.type1, m.employment!.simple.map((s, j) => s / e[j]));
  });
});

describe('linkages, Ghosh, decomposition, structural paths', () => {
  it('Rasmussen indices average 1; key sectors have both indices above 1', () => {
    const l = linkages(new LeontiefModel(randomBalancedTable(9, 3)));
    expect(l.backward.reduce((a, b) => a + b) / 9).toBeCloseTo(1, 12);
    expect(l.forward.reduce((a, b) => a + b) / 9).toBeCloseTo(1, 12);
    l.class.forEach((c, i) => expect(c === 'key').toBe(l.backward[i] > 1 && l.forward[i] > 1));
  });

  it('Ghosh through x̂⁻¹·L·x̂ equals (I − B)⁻¹ and reproduces output from value added', () => {
    fc.assert(fc.property(tables, (t) => {
      const model = new LeontiefModel(t);
      const G = ghoshInverse(model);
      const explicit = inverse(new Matrix(identityMinus(allocationCoefficients(t.Z, t.x)))).to2DArray();
      G.forEach((row, i) => close(row, explicit[i], 1e-8));
      const primary = t.sectors.map((_, j) => t.primaryInputs.reduce((a, p) => a + p.values[j], 0));
      close(ghoshOutputFor(model, primary), t.x, 1e-8);
    }), { numRuns: 30 });
  });

  it('direct + indirect + induced add up to the type II total', () => {
    const t = randomBalancedTable(7, 11);
    const { open, closed } = buildModels(t);
    const df = t.sectors.map((_, i) => (i === 2 ? 100 : 0));
    const r = decomposeOutput(open, df, closed);
    close(r.direct.map((d, i) => d + r.indirect[i] + r.induced![i]), r.total);
    r.indirect.forEach((v) => expect(v).toBeGreaterThanOrEqual(-1e-12));
    r.induced!.forEach((v) => expect(v).toBeGreaterThan(0));
  });

  it('structural paths: with no threshold, all paths add up to q·L·f; listed paths are sorted', () => {
    const t = randomBalancedTable(4, 5);
    const model = new LeontiefModel(t);
    const q = t.satellites[0].values.map((v, j) => v / t.x[j]);
    const f = [10, 0, 5, 0];
    const all = structuralPaths(model, q, f, { threshold: 0, maxDepth: 40, top: Infinity, maxVisits: 5e6 });
    const sum = all.paths.reduce((a, p) => a + p.value, 0);
    expect(sum / all.total).toBeGreaterThan(0.999);
    const top = structuralPaths(model, q, f, { threshold: 1e-3, top: 5 });
    expect(top.paths).toHaveLength(5);
    for (let k = 1; k < top.paths.length; k++) expect(Math.abs(top.paths[k - 1].value)).toBeGreaterThanOrEqual(Math.abs(top.paths[k].value));
    // The one-node path [0] is the direct effect in the demanded sector itself: q_0·f_0.
    const direct = all.paths.find((p) => p.path.length === 1 && p.path[0] === 0)!;
    expect(direct.value).toBeCloseTo(q[0] * 10, 12);
    // Every path j → k → … → i is worth q_i·a(i,…)···a(k,j)·f_j.
    expect(all.paths.some((p) => p.path.length >= 3)).toBe(true);
    for (const p of all.paths) {
      let v = f[p.path[0]];
      for (let s = 1; s < p.path.length; s++) v *= model.A[p.path[s]][p.path[s - 1]];
      expect(p.value).toBeCloseTo(v * q[p.path[p.path.length - 1]], 12);
    }
  });
});

describe('aggregation and disaggregation', () => {
  it('aggregation keeps the table balanced and totals unchanged', () => {
    fc.assert(fc.property(tables, (t) => {
      const mapping = t.sectors.map((_, i) => `G${i % 2}`);
      const a = aggregateTable(t, mapping);
      expect(balanceReport(a).balanced).toBe(true);
      expect(a.x.reduce((p, q) => p + q)).toBeCloseTo(t.x.reduce((p, q) => p + q), 6);
      expect(a.satellites[0].values.reduce((p, q) => p + q)).toBeCloseTo(t.satellites[0].values.reduce((p, q) => p + q), 6);
    }), { numRuns: 30 });
  });

  it('splitting a sector by shares keeps balance; each part has the parent\'s multiplier', () => {
    fc.assert(fc.property(tables, fc.integer({ min: 0, max: 1 }), (t, k) => {
      const parts = [{ name: 'Hydro', share: 0.5 }, { name: 'Gas', share: 0.3 }, { name: 'Solar', share: 0.2 }];
      const d = disaggregateSector(t, t.sectors[k], parts, { Employment: [0.2, 0.2, 0.6] });
      expect(balanceReport(d).balanced).toBe(true);
      const before = computeMultipliers(t).output.type1;
      const after = computeMultipliers(d).output.type1;
      close([after[k], after[k + 1], after[k + 2]], [before[k], before[k], before[k]], 1e-8);
      const others = before.filter((_, i) => i !== k);
      close(after.filter((_, i) => i < k || i > k + 2), others, 1e-8);
      expect(d.satellites[0].values[k + 2]).toBeCloseTo(0.6 * t.satellites[0].values[k], 9);
    }), { numRuns: 30 });
  });

  it('split shares must add up to 1 and name new sectors', () => {
    const t = randomBalancedTable(3, 1);
    expect(() => disaggregateSector(t, 'S1', [{ name: 'a', share: 0.5 }, { name: 'b', share: 0.4 }])).toThrow(/add up to 1/);
    expect(() => disaggregateSector(t, 'S9', [{ name: 'a', share: 0.5 }, { name: 'b', share: 0.5 }])).toThrow(/unknown sector "S9"/);
    expect(() => disaggregateSector(t, 'S1', [{ name: 'S2', share: 0.5 }, { name: 'b', share: 0.5 }])).toThrow(/already a sector/);
  });
});
