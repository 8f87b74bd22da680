/**
 * Balance check of a SAM: every account's receipts (row total) must equal its expenditures
 * (column total) within max(absolute, relative × larger total). Every gap is listed with the
 * account and where it is in its file.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import { DEFAULT_SAM_TOLERANCE, type SamTolerance } from './read.js';
import type { Sam } from './types.js';

export interface SamGap {
  code: string;
  label: string;
  type: string;
  /** Where the account is in its file (`file:line:col` or `file:Sheet!A7`). */
  where?: string;
  rowTotal: number;
  colTotal: number;
  /** rowTotal − colTotal. */
  gap: number;
  /** gap / max(|rowTotal|, |colTotal|). */
  relativeGap: number;
}

export interface SamBalanceReport {
  source: string;
  tolerance: SamTolerance;
  accounts: number;
  balanced: boolean;
  /** Accounts whose gap exceeds the tolerance. */
  gaps: SamGap[];
  /** Largest gaps over all accounts, whether or not they exceed the tolerance. */
  maxAbsoluteGap: number;
  maxRelativeGap: number;
  /** Sum of all cells. */
  total: number;
}

export function rowTotals(values: number[][]): number[] {
  return values.map((r) => r.reduce((a, b) => a + b, 0));
}

export function colTotals(values: number[][]): number[] {
  const n = values[0]?.length ?? 0;
  const out = new Array<number>(n).fill(0);
  for (const r of values) for (let j = 0; j < n; j++) out[j] += r[j];
  return out;
}

export function checkSamBalance(sam: Sam, tolerance: Partial<SamTolerance> = {}): SamBalanceReport {
  const tol: SamTolerance = { ...DEFAULT_SAM_TOLERANCE, ...tolerance };
  const rows = rowTotals(sam.values);
  const cols = colTotals(sam.values);
  const gaps: SamGap[] = [];
  let maxAbs = 0;
  let maxRel = 0;
  sam.accounts.forEach((a, i) => {
    const gap = rows[i] - cols[i];
    const scale = Math.max(Math.abs(rows[i]), Math.abs(cols[i]));
    const rel = scale > 0 ? gap / scale : 0;
    maxAbs = Math.max(maxAbs, Math.abs(gap));
    maxRel = Math.max(maxRel, Math.abs(rel));
    if (Math.abs(gap) > Math.max(tol.absolute, tol.relative * scale)) {
      gaps.push({ code: a.code, label: a.label, type: a.type, where: a.where, rowTotal: rows[i], colTotal: cols[i], gap, relativeGap: rel });
    }
  });
  return {
    source: sam.source, tolerance: tol, accounts: sam.accounts.length, balanced: gaps.length === 0, gaps,
    maxAbsoluteGap: maxAbs, maxRelativeGap: maxRel, total: rows.reduce((a, b) => a + b, 0),
  };
}

/** One unbalanced account, in English or Spanish. */
export function formatGap(g: SamGap, lang: 'en' | 'es' = 'en'): string {
  const account = `"${g.code}" (${g.type}${g.label !== g.code ? `, ${g.label}` : ''})`;
  const pct = `${(g.relativeGap * 100).toPrecision(3)} %`;
  if (lang === 'es') return `${g.where ?? g.code}: cuenta ${account}: ingresos (fila) ${g.rowTotal} ≠ gastos (columna) ${g.colTotal}, brecha ${g.gap} (${pct})`;
  return `${g.where ?? g.code}: account ${account}: receipts (row) ${g.rowTotal} ≠ expenditures (column) ${g.colTotal}, gap ${g.gap} (${pct})`;
}

/** Throws an InputError listing every gap when the SAM is not balanced. */
export function assertSamBalanced(report: SamBalanceReport): void {
  if (report.balanced) return;
  const t = report.tolerance;
  const n = report.gaps.length;
  throw new InputError(report.source, {
    en: `the SAM is not balanced (tolerance: relative ${t.relative}, absolute ${t.absolute}); ${n} account(s) differ:\n  ${report.gaps.map((g) => formatGap(g)).join('\n  ')}`,
    es: `la MCS no está balanceada (tolerancia: relativa ${t.relative}, absoluta ${t.absolute}); ${n} cuenta(s) difieren:\n  ${report.gaps.map((g) => formatGap(g, 'es')).join('\n  ')}`,
  });
}
