/**
 * RAS (biproportional scaling): X = diag(r)·X0·diag(s) with the target row and column totals,
 * found by alternately scaling rows and columns (Bacharach 1970; Stone's RAS). Needs a
 * non-negative prior, equal sums of the row and column targets, and a prior whose non-zero
 * pattern can carry the targets (a zero row cannot get a positive total).
 */
import { InputError } from '../../sd/ir/diagnostics.js';

export interface RasOptions {
  /** Stop when every row and column total is within this relative distance of its target. */
  tolerance?: number;
  maxIterations?: number;
  /** Labels for messages (row/column i). */
  labels?: string[];
  source?: string;
}

export interface RasResult {
  values: number[][];
  iterations: number;
  /** Largest |total − target| / max(|target|, 1e-300) over rows and columns at exit. */
  maxRelativeError: number;
  rowScale: number[];
  colScale: number[];
}

export function ras(prior: number[][], rowTargets: number[], colTargets: number[], options: RasOptions = {}): RasResult {
  const tol = options.tolerance ?? 1e-12;
  const maxIt = options.maxIterations ?? 10000;
  const src = options.source ?? 'RAS';
  const m = prior.length;
  const n = prior[0]?.length ?? 0;
  const name = (k: number): string => options.labels?.[k] ?? String(k + 1);
  if (rowTargets.length !== m || colTargets.length !== n) {
    throw new InputError(src, { en: `RAS needs ${m} row and ${n} column targets, got ${rowTargets.length} and ${colTargets.length}`, es: `RAS necesita ${m} metas de fila y ${n} de columna, se recibieron ${rowTargets.length} y ${colTargets.length}` });
  }
  prior.forEach((r, i) => r.forEach((v, j) => {
    if (!(v >= 0) || !Number.isFinite(v)) throw new InputError(src, { en: `RAS needs a non-negative prior; cell (${name(i)}, ${name(j)}) is ${v}`, es: `RAS necesita una matriz inicial no negativa; la celda (${name(i)}, ${name(j)}) vale ${v}` });
  }));
  for (const [t, what] of [[rowTargets, 'row'], [colTargets, 'column']] as const) {
    t.forEach((v, k) => {
      if (!(v >= 0) || !Number.isFinite(v)) throw new InputError(src, {
          en: `the ${what} target of ${name(k)} is ${v}; targets must be ≥ 0`,
          es: `la meta de ${what === 'row' ? 'fila' : 'columna'} de ${name(k)} es ${v}; las metas deben ser ≥ 0`,
        });
    });
  }
  const sr = rowTargets.reduce((a, b) => a + b, 0);
  const sc = colTargets.reduce((a, b) => a + b, 0);
  if (Math.abs(sr - sc) > 1e-9 * Math.max(Math.abs(sr), Math.abs(sc), 1)) {
    throw new InputError(src, {
      en: `the row targets add up to ${sr} but the column targets to ${sc}; RAS needs equal sums`,
      es: `las metas de fila suman ${sr} pero las de columna ${sc}; RAS necesita sumas iguales`,
    });
  }
  const X = prior.map((r) => r.slice());
  const rowScale = new Array<number>(m).fill(1);
  const colScale = new Array<number>(n).fill(1);
  // A row (column) of zeros can only meet a zero target.
  for (let i = 0; i < m; i++) {
    if (rowTargets[i] > 0 && X[i].every((v) => v === 0)) throw new InputError(src, { en: `row ${name(i)} is all zero in the prior but its target is ${rowTargets[i]}`, es: `la fila ${name(i)} es toda cero en la matriz inicial pero su meta es ${rowTargets[i]}` });
  }
  for (let j = 0; j < n; j++) {
    if (colTargets[j] > 0 && X.every((r) => r[j] === 0)) throw new InputError(src, { en: `column ${name(j)} is all zero in the prior but its target is ${colTargets[j]}`, es: `la columna ${name(j)} es toda cero en la matriz inicial pero su meta es ${colTargets[j]}` });
  }
  const rel = (v: number, t: number): number => Math.abs(v - t) / Math.max(Math.abs(t), 1e-300);
  let err = Infinity;
  let it = 0;
  for (; it < maxIt; it++) {
    for (let i = 0; i < m; i++) {
      const s = X[i].reduce((a, b) => a + b, 0);
      const f = s > 0 ? rowTargets[i] / s : 1;
      rowScale[i] *= f;
      for (let j = 0; j < n; j++) X[i][j] *= f;
    }
    const cs = new Array<number>(n).fill(0);
    for (const r of X) for (let j = 0; j < n; j++) cs[j] += r[j];
    for (let j = 0; j < n; j++) {
      const f = cs[j] > 0 ? colTargets[j] / cs[j] : 1;
      colScale[j] *= f;
      for (let i = 0; i < m; i++) X[i][j] *= f;
    }
    // Columns now match exactly; convergence is judged on the rows.
    err = 0;
    for (let i = 0; i < m; i++) {
      const s = X[i].reduce((a, b) => a + b, 0);
      if (rowTargets[i] > 0 || s > 0) err = Math.max(err, rel(s, rowTargets[i]));
    }
    if (err <= tol) {
      it++;
      break;
    }
  }
  if (err > tol) {
    throw new InputError(src, { en: `RAS did not reach the targets within ${maxIt} iterations (largest relative gap ${err.toExponential(3)}); the prior's zero pattern may not allow these totals`, es: `RAS no alcanzó las metas en ${maxIt} iteraciones (mayor brecha relativa ${err.toExponential(3)}); el patrón de ceros de la matriz inicial quizá no permita estos totales` });
  }
  return { values: X, iterations: it, maxRelativeError: err, rowScale, colScale };
}
