/**
 * The open Leontief model: technical coefficients A = Z·x̂⁻¹ and the inverse L = (I − A)⁻¹,
 * used through an LU factorisation (solves, not an explicit inverse, unless L itself is wanted).
 * Miller & Blair (2009), Input-Output Analysis, 2nd ed., ch. 2.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { LuSolver, SingularMatrixError } from './lu.js';
import type { IoTable } from './types.js';

export function technicalCoefficients(Z: number[][], x: number[]): number[][] {
  return Z.map((row) => row.map((z, j) => (x[j] === 0 ? 0 : z / x[j])));
}

export function identityMinus(A: number[][]): number[][] {
  return A.map((row, i) => row.map((a, j) => (i === j ? 1 : 0) - a));
}

export class LeontiefModel {
  readonly sectors: string[];
  readonly A: number[][];
  readonly x: number[];
  readonly n: number;
  private readonly lu: LuSolver;
  private inverseCache?: number[][];

  constructor(table: Pick<IoTable, 'sectors' | 'Z' | 'x' | 'source'>) {
    this.sectors = table.sectors;
    this.x = table.x;
    this.n = table.sectors.length;
    this.A = technicalCoefficients(table.Z, table.x);
    try {
      this.lu = new LuSolver(identityMinus(this.A));
    } catch (err) {
      if (err instanceof SingularMatrixError) {
        throw new InputError(table.source, { en: 'I − A is singular: some sectors use up their whole output as inputs; check the intermediate flows', es: 'I − A es singular: algunos sectores consumen toda su producción como insumo; revise los flujos intermedios' });
      }
      throw err;
    }
  }

  /** Output needed for final demand f: x = L·f. */
  outputFor(f: ArrayLike<number>): number[] {
    return this.lu.solve(f);
  }

  /** The row vector w'·L (e.g. column sums of L for w = 1, or jobs multipliers for w = jobs/x). */
  rowTimesInverse(w: ArrayLike<number>): number[] {
    return this.lu.solveTranspose(w);
  }

  /** The Leontief inverse L = (I − A)⁻¹, computed once when first asked for. */
  inverse(): number[][] {
    this.inverseCache ??= this.lu.inverse();
    return this.inverseCache;
  }
}
