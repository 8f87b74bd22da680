/**
 * A random balanced IO table for benchmarks and property tests: seeded (pure-rand), sparse-ish
 * coefficients whose column sums stay below 0.7, positive value added split into labour and other
 * income, household consumption as part of final demand, and an employment satellite.
 */
import prand from 'pure-rand';
import { identityMinus } from './leontief.js';
import { LuSolver } from './lu.js';
import type { IoTable } from './types.js';

export function randomBalancedTable(n: number, seed = 1): IoTable {
  const rng = prand.xoroshiro128plus(seed | 0);
  const u = (): number => (rng.unsafeNext() >>> 0) / 4294967296;
  const sectors = Array.from({ length: n }, (_, i) => `S${i + 1}`);
  // Coefficients: about 20 % of cells non-zero, then each column scaled to an input share in [0.2, 0.7).
  const A = sectors.map(() => sectors.map(() => (u() < 0.2 ? u() : 0)));
  for (let j = 0; j < n; j++) {
    let col = 0;
    for (let i = 0; i < n; i++) col += A[i][j];
    const target = 0.2 + 0.5 * u();
    for (let i = 0; i < n; i++) A[i][j] = col > 0 ? (A[i][j] * target) / col : 0;
  }
  // Output that meets a positive final demand exactly, so every account balances.
  const fd = sectors.map(() => 50 + 450 * u());
  const x = new LuSolver(identityMinus(A)).solve(fd);
  const Z2 = A.map((row) => row.map((a, j) => a * x[j]));
  const household = fd.map((f) => f * (0.3 + 0.4 * u()));
  const other = fd.map((f, i) => f - household[i]);
  const va = sectors.map((_, j) => x[j] - Z2.reduce((a, row) => a + row[j], 0));
  const labour = va.map((v) => v * (0.3 + 0.4 * u()));
  const otherVa = va.map((v, j) => v - labour[j]);
  const hhTotal = household.reduce((a, b) => a + b, 0);
  return {
    source: `random table (n=${n}, seed=${seed})`,
    status: 'example',
    sectors,
    Z: Z2,
    finalDemand: [
      { name: 'Household consumption', values: household },
      { name: 'Other final demand', values: other },
    ],
    primaryInputs: [
      { name: 'Compensation of employees', values: labour },
      { name: 'Other value added', values: otherVa },
    ],
    x,
    satellites: [{ name: 'Employment', kind: 'employment', unit: 'jobs', values: x.map((xi) => xi * (0.5 + 5 * u())) }],
    labourIncome: 'Compensation of employees',
    householdConsumption: 'Household consumption',
    // Households spend 60 % of their income on domestic goods: the rest goes to savings, taxes, imports.
    householdIncome: hhTotal / 0.6,
    nonValueAdded: [],
  };
}
