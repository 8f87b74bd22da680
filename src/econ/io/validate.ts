/**
 * Balance checks of an IO table: each sector's sales (intermediate + final demand) and purchases
 * (intermediate + primary inputs) must equal its output within a tolerance, and published
 * subtotals must equal the sums they stand for. Every gap is reported, not only the first.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { ReadInfo } from './parse-table.js';
import type { BalanceIssue, BalanceReport, IoTable } from './types.js';

export interface Tolerance {
  /** Allowed gap as a share of the account total (default 0.001, i.e. 0.1 %). */
  relative: number;
  /** Allowed gap in table units regardless of size (default 0.5, rounding of whole numbers). */
  absolute: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { relative: 1e-3, absolute: 0.5 };

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const fmt = (v: number): string => (Math.abs(v) >= 1e4 || Number.isInteger(v) ? v.toFixed(0) : v.toPrecision(6));

export function balanceReport(table: IoTable, info?: ReadInfo, tol: Tolerance = DEFAULT_TOLERANCE): BalanceReport {
  const issues: BalanceIssue[] = [];
  const n = table.sectors.length;
  let checked = 0;
  const check = (side: BalanceIssue['side'], account: string, where: string | undefined, expected: number, actual: number, what: string): void => {
    checked++;
    const gap = actual - expected;
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    if (Math.abs(gap) <= Math.max(tol.absolute, tol.relative * scale)) return;
    const rel = scale > 0 ? gap / scale : 0;
    issues.push({
      side, account, where, expected, actual, gap, relativeGap: rel,
      message: `${what} ${fmt(actual)} ≠ ${fmt(expected)} (gap ${fmt(gap)}, ${(rel * 100).toFixed(2)} %)`,
    });
  };
  for (let i = 0; i < n; i++) {
    const sales = sum(table.Z[i]) + sum(table.finalDemand.map((f) => f.values[i]));
    check('row', table.sectors[i], info?.rowWhere[i], table.x[i], sales, `row "${table.sectors[i]}": intermediate + final demand`);
  }
  for (let j = 0; j < n; j++) {
    const costs = sum(table.Z.map((row) => row[j])) + sum(table.primaryInputs.map((p) => p.values[j]));
    check('column', table.sectors[j], info?.colWhere[j], table.x[j], costs, `column "${table.sectors[j]}": intermediate + primary inputs`);
    if (info?.totalOutput && info.totalInput) {
      check('column', table.sectors[j], info.totalInputWhere?.[j], info.totalOutput[j], info.totalInput[j], `column "${table.sectors[j]}": total input vs total output`);
    }
  }
  const vaRows = table.primaryInputs.filter((p) => !(table.nonValueAdded ?? []).includes(p.name));
  for (const s of info?.subtotalRows ?? []) {
    for (let j = 0; j < n; j++) {
      const expected =
        s.kind === 'intermediate' ? sum(table.Z.map((row) => row[j]))
        : s.kind === 'valueAdded' ? sum(vaRows.map((p) => p.values[j]))
        : sum(table.primaryInputs.map((p) => p.values[j]));
      check('subtotal', `${s.label} / ${table.sectors[j]}`, s.where[j], expected, s.values[j], `subtotal row "${s.label}", column "${table.sectors[j]}":`);
    }
  }
  for (const s of info?.subtotalCols ?? []) {
    for (let i = 0; i < n; i++) {
      const expected = s.kind === 'intermediate' ? sum(table.Z[i]) : sum(table.finalDemand.map((f) => f.values[i]));
      check('subtotal', `${s.label} / ${table.sectors[i]}`, s.where[i], expected, s.values[i], `subtotal column "${s.label}", row "${table.sectors[i]}":`);
    }
  }
  return {
    source: table.source,
    tolerance: { ...tol },
    accountsChecked: checked,
    issues,
    balanced: issues.length === 0,
  };
}

/** Sectors with no output cannot have coefficients; name them so the user can drop or merge them. */
export function assertNoEmptySectors(table: IoTable, info?: ReadInfo): void {
  table.x.forEach((xi, i) => {
    if (!(xi > 0)) {
      const where = info?.rowWhere[i] ?? `${table.source}: sector ${i + 1}`;
      throw new InputError(where, { en: `sector "${table.sectors[i]}" is empty (total output ${xi}); remove it or aggregate it with another sector`, es: `el sector "${table.sectors[i]}" está vacío (producción total ${xi}); elimínelo o agréguelo con otro sector` });
    }
  });
}

export function formatIssues(report: BalanceReport, limit = 20): string {
  const lines = report.issues.slice(0, limit).map((i) => `  ${i.where ?? report.source}: ${i.message}`);
  if (report.issues.length > limit) lines.push(`  … and ${report.issues.length - limit} more (run \`igem io check\` for all)`);
  return lines.join('\n');
}

/** Throws an InputError listing the unbalanced accounts. */
export function assertBalanced(report: BalanceReport): void {
  if (report.balanced) return;
  const tol = `${report.tolerance.relative * 100} % or ${report.tolerance.absolute} units`;
  throw InputError.englishOnly(report.source, `the table is not balanced (tolerance ${tol}); ${report.issues.length} account(s) off:\n${formatIssues(report)}`);
}
