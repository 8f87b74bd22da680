/**
 * Textbook cases. Expected numbers are the printed ones, compared at the printed precision:
 * - Miller, R.E. & Blair, P.D. (2009) Input-Output Analysis: Foundations and Extensions, 2nd ed.,
 *   Cambridge University Press. Section 2.3.1 (pp. 21-24): Z = [[150, 500], [200, 100]],
 *   x = [1000, 2000], A = [[.15, .25], [.20, .05]], L = [[1.254, .330], [.264, 1.122]], and for
 *   f = [600, 1500] x = [1247.52, 1841.58]. Section 2.5 (closing the model with households,
 *   pp. 34-41): Ā = [[.15, .25, .05], [.20, .05, .40], [.30, .25, .05]],
 *   L̄ = [[1.365, .425, .251], [.527, 1.348, .595], [.570, .489, 1.289]].
 *   Chapter 6 (multipliers): simple output multipliers 1.518 and 1.452, total output multipliers
 *   (column sums of L̄ including households) 2.462 and 2.262.
 *   The same A, L, Ā, L̄ and multipliers are reproduced, attributed to Miller & Blair, in the MIT
 *   OpenCourseWare lecture 11.481J "Multipliers in Input-Output Model" (W. Li, 2009), which is
 *   where these printed values were checked for this test.
 * - Type II ("truncated total") output multipliers, income multipliers: not copied from print;
 *   they are derived by hand from the printed L and L̄ with the definitions of Miller & Blair
 *   Table 6.x (as listed in Jagrič et al. 2022, Front. Public Health 10:953752, Table 3):
 *   truncated = sum of the sector rows of L̄ (1.365 + .527, .425 + 1.348), simple income = h'L with
 *   h = [.30, .25], type I income = simple / h, type II income = L̄(3,j) / h_j.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadIoTable } from './load.js';
import { computeMultipliers, buildModels } from './multipliers.js';

const fixture = fileURLToPath(new URL('./test-fixtures/miller-blair-2x2.csv', import.meta.url));
const round = (v: number, d: number): number => Number(v.toFixed(d));
const roundAll = (m: number[][], d: number): number[][] => m.map((r) => r.map((v) => round(v, d)));

describe('Miller & Blair two-sector example, read from a CSV laid out like a published table', () => {
  const { table } = loadIoTable(fixture);
  const models = buildModels(table);

  it('recognises the layout: sectors, final demand, households, value added', () => {
    expect(table.sectors).toEqual(['Sector 1', 'Sector 2']);
    expect(table.finalDemand.map((f) => f.name)).toEqual(['Households', 'Other final demand']);
    expect(table.householdConsumption).toBe('Households');
    expect(table.labourIncome).toBe('Households');
    expect(table.x).toEqual([1000, 2000]);
  });

  it('technical coefficients (section 2.3.1)', () => {
    expect(models.open.A).toEqual([[0.15, 0.25], [0.2, 0.05]]);
  });

  it('Leontief inverse to the printed three decimals', () => {
    expect(roundAll(models.open.inverse(), 3)).toEqual([[1.254, 0.33], [0.264, 1.122]]);
  });

  it('output for the new final demand f = [600, 1500] (section 2.3.1)', () => {
    expect(models.open.outputFor([600, 1500]).map((v) => round(v, 2))).toEqual([1247.52, 1841.58]);
  });

  it('closed model: Ā and L̄ (section 2.5)', () => {
    const closed = models.closed!;
    expect(closed.h.labour).toEqual([0.3, 0.25]);
    expect(closed.h.consumption).toEqual([0.05, 0.4]);
    expect(closed.h.selfPurchase).toBe(0.05);
    expect(roundAll(closed.inverse(), 3)).toEqual([
      [1.365, 0.425, 0.251],
      [0.527, 1.348, 0.595],
      [0.57, 0.489, 1.289],
    ]);
  });

  it('output multipliers: simple (type I) and total (chapter 6)', () => {
    const m = computeMultipliers(table, models);
    expect(m.output.type1.map((v) => round(v, 3))).toEqual([1.518, 1.452]);
    expect(m.output.total!.map((v) => round(v, 3))).toEqual([2.462, 2.262]);
    expect(m.output.type2!.map((v) => round(v, 3))).toEqual([1.892, 1.773]);
    m.output.type2!.forEach((v, j) => expect(v).toBeGreaterThan(m.output.type1[j]));
  });

  it('income multipliers: simple, type I, total, type II', () => {
    const inc = computeMultipliers(table, models).income!;
    expect(inc.simple.map((v) => round(v, 3))).toEqual([0.442, 0.38]);
    expect(inc.type1.map((v) => round(v, 3))).toEqual([1.474, 1.518]);
    expect(inc.total!.map((v) => round(v, 3))).toEqual([0.57, 0.489]);
    expect(inc.type2!.map((v) => round(v, 3))).toEqual([1.899, 1.956]);
    inc.type2!.forEach((v, j) => expect(v).toBeGreaterThan(inc.type1[j]));
    // The ratio of type II to type I income multipliers is the same for every sector and equals
    // the household-household element of L̄ (Miller & Blair section 6.3; here 1.289).
    expect(round(inc.type2![0] / inc.type1[0], 3)).toBe(1.289);
    expect(round(inc.type2![1] / inc.type1[1], 3)).toBe(1.289);
  });
});
