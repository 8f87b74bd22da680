import { describe, expect, it } from 'vitest';
import { crossEntropy } from './cross-entropy.js';
import { ras } from './ras.js';

const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
const rowSums = (X: number[][]): number[] => X.map(sum);
const colSums = (X: number[][]): number[] => X[0].map((_, j) => sum(X.map((r) => r[j])));

describe('RAS', () => {
  it('3×3 rank-one prior: the answer is r_i·c_j / T whatever the prior scale', () => {
    const prior = [[1, 2, 3], [2, 4, 6], [3, 6, 9]];
    const r = [2, 3, 5];
    const c = [1, 4, 5];
    const { values } = ras(prior, r, c);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(values[i][j]).toBeCloseTo((r[i] * c[j]) / 10, 12);
  });

  it('2×2: keeps the cross-ratio x11·x22/(x12·x21) of the prior (hand-solved quadratic)', () => {
    // Rows [4, 6], columns [5, 5]; x11 = a solves a(1+a) / ((4−a)(5−a)) = 1·4/(2·3) → a² + 21a − 40 = 0.
    const a = (-21 + Math.sqrt(601)) / 2;
    const { values } = ras([[1, 2], [3, 4]], [4, 6], [5, 5]);
    expect(values[0][0]).toBeCloseTo(a, 12);
    expect(values[0][1]).toBeCloseTo(4 - a, 12);
    expect(values[1][0]).toBeCloseTo(5 - a, 12);
    expect(values[1][1]).toBeCloseTo(1 + a, 12);
  });

  it('rejects unequal target sums, negative priors and targets a zero row cannot carry', () => {
    expect(() => ras([[1, 1], [1, 1]], [1, 2], [1, 1])).toThrow(/row targets add up to 3 but the column targets to 2/);
    expect(() => ras([[1, -1], [1, 1]], [1, 1], [1, 1], { labels: ['a', 'b'] })).toThrow(/cell \(a, b\) is -1/);
    expect(() => ras([[0, 0], [1, 1]], [1, 1], [1, 1], { labels: ['a', 'b'] })).toThrow(/row a is all zero in the prior but its target is 1/);
  });
});

describe('cross-entropy', () => {
  it('equals RAS when only row and column totals are imposed on a matrix', () => {
    const prior = [[5, 1, 0, 2, 7], [3, 3, 4, 1, 1], [0, 6, 2, 2, 9], [8, 1, 1, 5, 2]];
    const r = [20, 12, 25, 13];
    const c = [14, 11, 9, 12, 24];
    const byRas = ras(prior, r, c).values;
    const byCe = crossEntropy(prior, {
      balance: false,
      rowTotals: r.map((value, index) => ({ index, value })),
      colTotals: c.map((value, index) => ({ index, value })),
    });
    expect(byCe.maxViolation).toBeLessThan(1e-10);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 5; j++) expect(byCe.values[i][j]).toBeCloseTo(byRas[i][j], 9);
    expect(byCe.values[0][2]).toBe(0); // zero prior cells stay zero
  });

  it('balances a 2-account SAM to the geometric mean (hand-solved: x12 = 4e^−d, x21 = 2e^d, equal ⇒ 2√2)', () => {
    const { values } = crossEntropy([[0, 4], [2, 0]], {});
    expect(values[0][1]).toBeCloseTo(2 * Math.SQRT2, 12);
    expect(values[1][0]).toBeCloseTo(2 * Math.SQRT2, 12);
  });

  it('balance only: every cell moves by exp(λ_col − λ_row) (the optimality condition), so log-ratios add up along paths', () => {
    const prior = [
      [0, 10, 2, 3],
      [7, 0, 4, 1],
      [2, 1, 0, 5],
      [3, 2, 4, 0],
    ];
    const { values } = crossEntropy(prior, {});
    const d = (i: number, j: number): number => Math.log(values[i][j] / prior[i][j]);
    expect(d(0, 1) + d(1, 2)).toBeCloseTo(d(0, 2), 10);
    expect(d(0, 1)).toBeCloseTo(-d(1, 0), 10);
    expect(d(2, 3) + d(3, 1)).toBeCloseTo(d(2, 1), 10);
    const rs = rowSums(values);
    const cs = colSums(values);
    for (let k = 0; k < 4; k++) expect(rs[k]).toBeCloseTo(cs[k], 9);
  });

  it('keeps a fixed cell fixed, meets a fixed account total and balances every account', () => {
    const prior = [
      [0, 10, 0, 3],
      [7, 0, 4, 1],
      [2, 1, 0, 5],
      [3, 2, 4, 0],
    ];
    const { values, maxViolation } = crossEntropy(prior, {
      fixedCells: [{ row: 1, col: 0, value: 7 }],
      rowTotals: [{ index: 3, value: 10 }],
    });
    expect(maxViolation).toBeLessThan(1e-10);
    expect(values[1][0]).toBe(7);
    const rs = rowSums(values);
    const cs = colSums(values);
    for (let k = 0; k < 4; k++) expect(rs[k]).toBeCloseTo(cs[k], 9);
    expect(rs[3]).toBeCloseTo(10, 9);
  });

  it('meets a fixed sum over a block of cells and keeps negative cells negative', () => {
    const prior = [
      [0, 6, 2],
      [5, 0, -1],
      [1, 2, 0],
    ];
    const { values } = crossEntropy(prior, { sums: [{ name: 'block', cells: [{ row: 0, col: 1 }, { row: 0, col: 2 }], value: 7 }] });
    expect(values[0][1] + values[0][2]).toBeCloseTo(7, 9);
    expect(values[1][2]).toBeLessThan(0);
    const rs = rowSums(values);
    const cs = colSums(values);
    for (let k = 0; k < 3; k++) expect(rs[k]).toBeCloseTo(cs[k], 9);
  });

  it('reports constraints that cannot be met together', () => {
    // Account 2 has only one cell in its row and one in its column, so they must be equal; fixing the row at 5 and the column at 3 contradicts.
    expect(() => crossEntropy([[0, 4], [2, 0]], { rowTotals: [{ index: 1, value: 5 }], colTotals: [{ index: 1, value: 3 }] }, { labels: ['a', 'b'] })).toThrow(
      /found no matrix meeting every constraint/,
    );
  });
});
