/**
 * Cross-entropy balancing of a SAM (Robinson, Cattaneo and El-Said 2001, Economic Systems
 * Research 13(1): 47–64): the matrix X closest to a prior X0 in Kullback–Leibler information
 * distance, subject to linear constraints: every account's row total equals its column total,
 * plus any known row/column/account totals, sums over blocks of cells, and fixed cells.
 *
 * We use the cell-value form of the distance, D(X‖X0) = Σ x ln(x/x0) − x + x0 (a Bregman
 * divergence, convex, equal to the KL distance when both sides have the same total); RCE's
 * column-coefficient form would weight each column by the inverse of its total. Its minimiser
 * is x = x0·exp(−aᵀλ) for the constraint multipliers λ, so we solve the smooth convex dual
 *   min_λ g(λ) = Σ_c x_c(λ) + λᵀb,   ∇g = b − A x(λ),   ∇²g = A diag(x) Aᵀ
 * by Newton's method with an Armijo backtracking line search (a Cholesky solve of the Hessian,
 * with a tiny Levenberg term because the balance constraints are rank-deficient by one). With only
 * row and column totals imposed on a matrix the solution is x_ij = x0_ij·r_i·s_j, i.e. RAS.
 * Zero prior cells stay zero; negative prior cells keep their sign (they move as −|x|, the
 * "flipping" RCE describe, without merging them into the transposed cell).
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { InputError } from '../../sd/ir/diagnostics.js';

export interface CellRef {
  row: number;
  col: number;
}

export interface CeConstraints {
  /** Row total = column total for every account (the matrix must be square). Default true. */
  balance?: boolean;
  rowTotals?: { index: number; value: number }[];
  colTotals?: { index: number; value: number }[];
  fixedCells?: (CellRef & { value: number })[];
  /** Σ of the listed cells = value (e.g. total ISC revenue over the fuel commodities). */
  sums?: { name: string; cells: CellRef[]; value: number }[];
}

export interface CeOptions {
  /** Every constraint met within tolerance × its scale (default 1e-10). */
  tolerance?: number;
  maxIterations?: number;
  labels?: string[];
  source?: string;
}

export interface CeResult {
  values: number[][];
  iterations: number;
  /** Largest |A x − b| / scale over the constraints at exit. */
  maxViolation: number;
  /** D(X‖X0) = Σ x ln(x/x0) − x + x0 over the free cells, and the same divided by Σ|x0|. */
  divergence: number;
  relativeDivergence: number;
  constraints: number;
}

/** Newton's dense Hessian is K×K with a Cholesky of K³/3 flops per step: refuse larger problems up front. */
export const MAX_CE_CONSTRAINTS = 3000;

interface Constraint {
  name: string;
  /** Free-cell index → coefficient (signed by the cell's prior sign). */
  terms: Map<number, number>;
  rhs: number;
}

export function crossEntropy(prior: number[][], constraints: CeConstraints, options: CeOptions = {}): CeResult {
  const tol = options.tolerance ?? 1e-10;
  const maxIt = options.maxIterations ?? 200;
  const src = options.source ?? 'cross-entropy';
  const m = prior.length;
  const n = prior[0]?.length ?? 0;
  const name = (k: number): string => options.labels?.[k] ?? String(k + 1);
  const balance = constraints.balance ?? true;
  if (balance && m !== n) throw new InputError(src, { en: `balancing needs a square matrix, got ${m}×${n}`, es: `el balanceo necesita una matriz cuadrada, se recibió ${m}×${n}` });
  prior.forEach((r, i) => r.forEach((v, j) => {
    if (!Number.isFinite(v)) throw new InputError(src, { en: `prior cell (${name(i)}, ${name(j)}) is ${v}`, es: `la celda inicial (${name(i)}, ${name(j)}) vale ${v}` });
  }));

  const fixed = new Map<number, number>();
  for (const f of constraints.fixedCells ?? []) {
    if (!(f.row >= 0 && f.row < m && f.col >= 0 && f.col < n)) throw new InputError(src, { en: `fixed cell (${f.row}, ${f.col}) is outside the matrix`, es: `la celda fija (${f.row}, ${f.col}) está fuera de la matriz` });
    fixed.set(f.row * n + f.col, f.value);
  }
  // Free variables: non-zero prior cells that are not fixed.
  const cellOf: number[] = [];
  const sign: number[] = [];
  const y0: number[] = [];
  const varOf = new Int32Array(m * n).fill(-1);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    const p = prior[i][j];
    if (p !== 0 && !fixed.has(i * n + j)) {
      varOf[i * n + j] = cellOf.length;
      cellOf.push(i * n + j);
      sign.push(p > 0 ? 1 : -1);
      y0.push(Math.abs(p));
    }
  }
  const cons: Constraint[] = [];
  /** Adds a constraint Σ coef·x(cell) = rhs; fixed cells move to the right-hand side. */
  const add = (cname: string, cells: [number, number][], rhs: number): void => {
    const terms = new Map<number, number>();
    let r = rhs;
    for (const [cell, coef] of cells) {
      const f = fixed.get(cell);
      if (f !== undefined) r -= coef * f;
      else {
        const v = varOf[cell];
        if (v >= 0) terms.set(v, (terms.get(v) ?? 0) + coef * sign[v]);
      }
    }
    for (const [v, c] of terms) if (c === 0) terms.delete(v);
    if (terms.size === 0) {
      if (Math.abs(r) > tol * Math.max(Math.abs(rhs), 1)) {
        throw new InputError(src, { en: `constraint "${cname}" cannot be met: it has no free non-zero cells and its fixed part misses the target by ${r}`, es: `la restricción "${cname}" no se puede cumplir: no tiene celdas libres distintas de cero y su parte fija se aparta de la meta en ${r}` });
      }
      return;
    }
    cons.push({ name: cname, terms, rhs: r });
  };
  const rowCells = (i: number, coef: number): [number, number][] => Array.from({ length: n }, (_, j) => [i * n + j, coef]);
  const colCells = (j: number, coef: number): [number, number][] => Array.from({ length: m }, (_, i) => [i * n + j, coef]);
  if (balance) {
    for (let k = 0; k < m; k++) add(`balance of ${name(k)}`, [...rowCells(k, 1), ...colCells(k, -1)], 0);
  }
  for (const t of constraints.rowTotals ?? []) add(`row total of ${name(t.index)}`, rowCells(t.index, 1), t.value);
  for (const t of constraints.colTotals ?? []) add(`column total of ${name(t.index)}`, colCells(t.index, 1), t.value);
  for (const s of constraints.sums ?? []) add(`sum "${s.name}"`, s.cells.map((c): [number, number] => [c.row * n + c.col, 1]), s.value);

  const K = cons.length;
  if (K > MAX_CE_CONSTRAINTS) {
    throw new InputError(src, { en: `${K} constraints exceed the limit of ${MAX_CE_CONSTRAINTS} for cross-entropy balancing (each Newton step factors a ${K}×${K} matrix)`, es: `${K} restricciones superan el límite de ${MAX_CE_CONSTRAINTS} para el balanceo por entropía cruzada (cada paso de Newton factoriza una matriz de ${K}×${K})` });
  }
  const nv = y0.length;
  // Column-wise view: for each variable, its (constraint, coefficient) pairs.
  const byVar: [number, number][][] = Array.from({ length: nv }, () => []);
  cons.forEach((c, k) => c.terms.forEach((coef, v) => byVar[v].push([k, coef])));
  // Scale of each constraint, for the convergence test: the prior magnitude it involves.
  const scale = cons.map((c) => {
    let s = Math.abs(c.rhs);
    c.terms.forEach((coef, v) => (s = Math.max(s, Math.abs(coef) * y0[v])));
    return Math.max(s, 1e-300);
  });

  const lambda = new Float64Array(K);
  const y = new Float64Array(nv);
  const evalY = (lam: Float64Array, out: Float64Array): number => {
    // Returns g(λ) = Σ y + λᵀb, or Infinity when an exponent overflows.
    let g = 0;
    for (let v = 0; v < nv; v++) {
      let e = 0;
      for (const [k, coef] of byVar[v]) e -= coef * lam[k];
      const val = y0[v] * Math.exp(e);
      if (!Number.isFinite(val)) return Infinity;
      out[v] = val;
      g += val;
    }
    for (let k = 0; k < K; k++) g += lam[k] * cons[k].rhs;
    return g;
  };
  let g = evalY(lambda, y);
  const grad = new Float64Array(K);
  /** Largest scaled |b − A x| at x = yy (writes b − A x into out). */
  const violationOf = (yy: Float64Array, out: Float64Array): number => {
    let worst = 0;
    for (let k = 0; k < K; k++) {
      let ax = 0;
      cons[k].terms.forEach((coef, v) => (ax += coef * yy[v]));
      out[k] = cons[k].rhs - ax;
      worst = Math.max(worst, Math.abs(out[k]) / scale[k]);
    }
    return worst;
  };
  let viol = violationOf(y, grad);
  let it = 0;
  const trial = new Float64Array(K);
  const yTrial = new Float64Array(nv);
  const gradTrial = new Float64Array(K);
  while (viol > tol && it < maxIt) {
    it++;
    const H = Matrix.zeros(K, K);
    for (let v = 0; v < nv; v++) {
      const t = byVar[v];
      for (const [k, a] of t) for (const [l, b] of t) H.set(k, l, H.get(k, l) + a * b * y[v]);
    }
    let trace = 0;
    for (let k = 0; k < K; k++) trace += H.get(k, k);
    const mu = Math.max((1e-12 * trace) / Math.max(K, 1), 1e-300);
    let chol: CholeskyDecomposition | undefined;
    for (let attempt = 0, d = mu; attempt < 8; attempt++, d *= 100) {
      const Hd = H.clone();
      for (let k = 0; k < K; k++) Hd.set(k, k, Hd.get(k, k) + d);
      const c = new CholeskyDecomposition(Hd);
      if (c.isPositiveDefinite()) {
        chol = c;
        break;
      }
    }
    if (!chol) break;
    const step = chol.solve(Matrix.columnVector(Array.from(grad, (x) => -x))).getColumn(0);
    // Armijo: g(λ + t·d) ≤ g(λ) + c·t·∇gᵀd, halving t.
    let slope = 0;
    for (let k = 0; k < K; k++) slope += grad[k] * step[k];
    // Full step first: accepted if it passes Armijo or halves the constraint violation (near the
    // solution rounding in g, a sum of large terms, hides the decrease). Otherwise backtrack.
    for (let k = 0; k < K; k++) trial[k] = lambda[k] + step[k];
    let gNew = evalY(trial, yTrial);
    let accepted = Number.isFinite(gNew) && (gNew <= g + 1e-4 * slope || violationOf(yTrial, gradTrial) < 0.5 * viol);
    for (let tries = 0, t = 0.5; !accepted && tries < 40; tries++, t /= 2) {
      for (let k = 0; k < K; k++) trial[k] = lambda[k] + t * step[k];
      gNew = evalY(trial, yTrial);
      accepted = gNew <= g + 1e-4 * t * slope;
    }
    if (!accepted) break; // no progress: infeasible, or at the precision limit
    lambda.set(trial);
    y.set(yTrial);
    g = gNew;
    viol = violationOf(y, grad);
  }
  if (viol > tol) {
    const top = cons
      .map((c, k) => ({ name: c.name, rel: Math.abs(grad[k]) / scale[k], gap: grad[k] }))
      .sort((a, b) => b.rel - a.rel)
      .slice(0, 5);
    const worst = top.map((w) => `${w.name} (off by ${w.gap.toPrecision(4)}, ${w.rel.toExponential(2)} of its scale)`);
    const worstEs = top.map((w) => `${w.name} (desviada en ${w.gap.toPrecision(4)}, ${w.rel.toExponential(2)} de su escala)`);
    throw new InputError(src, {
      en: `cross-entropy balancing found no matrix meeting every constraint after ${it} Newton steps; the constraints may be inconsistent with each other or with the prior's zero cells. Worst: ${worst.join('; ')}`,
      es: `el balanceo por entropía cruzada no encontró una matriz que cumpla todas las restricciones tras ${it} pasos de Newton; las restricciones pueden ser incompatibles entre sí o con las celdas cero de la matriz inicial. Peores: ${worstEs.join('; ')}`,
    });
  }
  const values = prior.map((r) => r.map(() => 0));
  for (const [cell, v] of fixed) values[Math.floor(cell / n)][cell % n] = v;
  let div = 0;
  let base = 0;
  for (let v = 0; v < nv; v++) {
    const cell = cellOf[v];
    values[Math.floor(cell / n)][cell % n] = sign[v] * y[v];
    div += y[v] > 0 ? y[v] * Math.log(y[v] / y0[v]) - y[v] + y0[v] : y0[v];
    base += y0[v];
  }
  return { values, iterations: it, maxViolation: viol, divergence: div, relativeDivergence: base > 0 ? div / base : 0, constraints: K };
}
