/**
 * Solving with (I − A) through ml-matrix's LU factorisation: factor once, then each solve is
 * O(n²). ml-matrix solves M·x = b; multipliers need row vectors w'·M⁻¹ (M'·y = w), so the
 * transposed solve reuses the same factors (two triangular substitutions and the pivot).
 */
import { LuDecomposition, Matrix } from 'ml-matrix';

export class SingularMatrixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SingularMatrixError';
  }
}

export class LuSolver {
  readonly n: number;
  private readonly lu: LuDecomposition;
  /** The packed factors, row-major: unit-lower L below the diagonal, U on and above it. */
  private readonly packed: Float64Array;
  private readonly pivot: number[];

  constructor(matrix: number[][] | Matrix) {
    const m = matrix instanceof Matrix ? matrix : new Matrix(matrix);
    if (!m.isSquare()) throw new Error('LU needs a square matrix');
    this.n = m.rows;
    this.lu = new LuDecomposition(m);
    if (this.lu.isSingular()) throw new SingularMatrixError('the matrix is singular');
    // Pack the public factors: strictly-lower part of L (its diagonal is 1) and U on and above it.
    const lower = this.lu.lowerTriangularMatrix.to2DArray();
    const upper = this.lu.upperTriangularMatrix.to2DArray();
    this.packed = new Float64Array(this.n * this.n);
    for (let i = 0; i < this.n; i++) {
      for (let j = 0; j < this.n; j++) this.packed[i * this.n + j] = j < i ? lower[i][j] : upper[i][j];
    }
    this.pivot = this.lu.pivotPermutationVector;
  }

  /** x with M·x = b. */
  solve(b: ArrayLike<number>): number[] {
    return this.lu.solve(Matrix.columnVector(Array.from(b))).getColumn(0);
  }

  /** y with M'·y = w, i.e. the row vector w'·M⁻¹. */
  solveTranspose(w: ArrayLike<number>): number[] {
    const n = this.n;
    const a = this.packed;
    // P·M = L·U, so M' = U'·L'·P and M'·y = w ⇔ U'·s = w, L'·t = s, y[pivot[i]] = t[i].
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let acc = w[i];
      for (let k = 0; k < i; k++) acc -= a[k * n + i] * s[k];
      s[i] = acc / a[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let acc = s[i];
      for (let k = i + 1; k < n; k++) acc -= a[k * n + i] * s[k];
      s[i] = acc;
    }
    const y = new Array<number>(n);
    for (let i = 0; i < n; i++) y[this.pivot[i]] = s[i];
    return y;
  }

  /** The full inverse, by solving against the identity. */
  inverse(): number[][] {
    return this.lu.solve(Matrix.eye(this.n)).to2DArray();
  }
}
