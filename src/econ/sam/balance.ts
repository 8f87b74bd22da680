/**
 * Balancing a SAM: RAS to account totals, or cross-entropy from a prior with row = column for
 * every account plus any known totals, block sums and cells. The result keeps the accounts of the
 * input and reports how far each cell moved from the prior.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { colTotals, rowTotals } from './check.js';
import { crossEntropy, type CeConstraints } from './cross-entropy.js';
import { fixConstraints, type FixEntry } from './fix.js';
import { cellMoves, type MoveReport } from './moves.js';
import { ras } from './ras.js';
import type { Sam } from './types.js';

export type BalanceMethod = 'ras' | 'cross-entropy';

export interface BalanceOptions {
  method: BalanceMethod;
  /** The structure to stay close to; defaults to the SAM itself. Must list the same accounts. */
  prior?: Sam;
  fixes?: FixEntry[];
  /**
   * Impose the SAM's own account totals (mean of its row and column total) on accounts the fixes
   * leave free. Always on for RAS (it needs a target for every account); default off for
   * cross-entropy, where only balance and the fixes constrain the result.
   */
  keepTotals?: boolean;
  tolerance?: number;
}

export interface BalanceResult {
  sam: Sam;
  method: BalanceMethod;
  iterations: number;
  /** Largest remaining relative violation of the constraints. */
  maxViolation: number;
  /** Cross-entropy only: D(X‖X0) / Σ|x0|. */
  relativeDivergence?: number;
  moves: MoveReport;
}

function sameAccounts(sam: Sam, prior: Sam): void {
  if (prior.accounts.length !== sam.accounts.length) {
    throw new InputError(prior.source, { en: `the prior has ${prior.accounts.length} accounts but ${sam.source} has ${sam.accounts.length}; they must list the same accounts`, es: `la matriz inicial tiene ${prior.accounts.length} cuentas pero ${sam.source} tiene ${sam.accounts.length}; deben listar las mismas cuentas` });
  }
  prior.accounts.forEach((a, i) => {
    if (a.code !== sam.accounts[i].code) {
      throw new InputError(a.where ?? prior.source, { en: `prior account ${i + 1} is "${a.code}" but in ${sam.source} it is "${sam.accounts[i].code}"`, es: `la cuenta ${i + 1} de la matriz inicial es "${a.code}" pero en ${sam.source} es "${sam.accounts[i].code}"` });
    }
  });
}

export function balanceSam(sam: Sam, options: BalanceOptions): BalanceResult {
  const prior = options.prior ?? sam;
  if (prior !== sam) sameAccounts(sam, prior);
  const n = sam.accounts.length;
  const labels = sam.accounts.map((a) => a.code);
  const fixes = options.fixes ?? [];
  const rows = rowTotals(sam.values);
  const cols = colTotals(sam.values);
  const own = rows.map((r, k) => (r + cols[k]) / 2);
  let values: number[][];
  let iterations: number;
  let maxViolation: number;
  let relativeDivergence: number | undefined;
  if (options.method === 'ras') {
    const target = own.slice();
    for (const f of fixes) {
      if (f.kind !== 'total') throw new InputError(f.where, { en: `RAS takes only account totals ("total" entries); "${f.kind}" needs --method cross-entropy`, es: `RAS solo admite totales de cuenta (entradas "total"); "${f.kind}" necesita --method cross-entropy` });
      target[f.rows[0]] = f.value;
    }
    const r = ras(prior.values, target, target, { labels, source: prior.source, tolerance: options.tolerance ?? 1e-10 });
    values = r.values;
    iterations = r.iterations;
    maxViolation = r.maxRelativeError;
  } else {
    const c: CeConstraints = { balance: true, ...fixConstraints(fixes) };
    if (options.keepTotals) {
      const fixedAcc = new Set(fixes.filter((f) => f.kind === 'total' || f.kind === 'row-total').map((f) => f.rows[0]));
      fixes.filter((f) => f.kind === 'column-total').forEach((f) => fixedAcc.add(f.cols[0]));
      for (let k = 0; k < n; k++) if (!fixedAcc.has(k)) c.rowTotals!.push({ index: k, value: own[k] });
    }
    const r = crossEntropy(prior.values, c, { labels, source: prior.source, tolerance: options.tolerance ?? 1e-10 });
    values = r.values;
    iterations = r.iterations;
    maxViolation = r.maxViolation;
    relativeDivergence = r.relativeDivergence;
  }
  const out: Sam = { ...sam, values };
  return { sam: out, method: options.method, iterations, maxViolation, relativeDivergence, moves: cellMoves(prior, values) };
}
