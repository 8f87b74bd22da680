/**
 * Balance checks of an IO table: each sector's sales (intermediate + final demand) and purchases
 * (intermediate + primary inputs) must equal its output within a tolerance, and published
 * subtotals must equal the sums they stand for. Every gap is reported, not only the first.
 */
import { InputError, type BilingualText } from '../../sd/ir/diagnostics.js';
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
  const check = (side: BalanceIssue['side'], account: string, where: string | undefined, expected: number, actual: number, what: BilingualText): void => {
    checked++;
    const gap = actual - expected;
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    if (Math.abs(gap) <= Math.max(tol.absolute, tol.relative * scale)) return;
    const rel = scale > 0 ? gap / scale : 0;
    issues.push({
      side, account, where, expected, actual, gap, relativeGap: rel,
      message: `${what.en} ${fmt(actual)} ≠ ${fmt(expected)} (gap ${fmt(gap)}, ${(rel * 100).toFixed(2)} %)`,
      messageEs: `${what.es} ${fmt(actual)} ≠ ${fmt(expected)} (brecha ${fmt(gap)}, ${(rel * 100).toFixed(2)} %)`,
    });
  };
  for (let i = 0; i < n; i++) {
    const sales = sum(table.Z[i]) + sum(table.finalDemand.map((f) => f.values[i]));
    check('row', table.sectors[i], info?.rowWhere[i], table.x[i], sales, { en: `row "${table.sectors[i]}": intermediate + final demand`, es: `fila "${table.sectors[i]}": intermedio + demanda final` });
  }
  for (let j = 0; j < n; j++) {
    const costs = sum(table.Z.map((row) => row[j])) + sum(table.primaryInputs.map((p) => p.values[j]));
    check('column', table.sectors[j], info?.colWhere[j], table.x[j], costs, { en: `column "${table.sectors[j]}": intermediate + primary inputs`, es: `columna "${table.sectors[j]}": intermedio + insumos primarios` });
    if (info?.totalOutput && info.totalInput) {
      check('column', table.sectors[j], info.totalInputWhere?.[j], info.totalOutput[j], info.totalInput[j], { en: `column "${table.sectors[j]}": total input vs total output`, es: `columna "${table.sectors[j]}": insumo total frente a producción total` });
    }
  }
  const vaRows = table.primaryInputs.filter((p) => !(table.nonValueAdded ?? []).includes(p.name));
  for (const s of info?.subtotalRows ?? []) {
    for (let j = 0; j < n; j++) {
      const expected =
        s.kind === 'intermediate' ? sum(table.Z.map((row) => row[j]))
        : s.kind === 'valueAdded' ? sum(vaRows.map((p) => p.values[j]))
        : sum(table.primaryInputs.map((p) => p.values[j]));
      check('subtotal', `${s.label} / ${table.sectors[j]}`, s.where[j], expected, s.values[j], { en: `subtotal row "${s.label}", column "${table.sectors[j]}":`, es: `fila de subtotal "${s.label}", columna "${table.sectors[j]}":` });
    }
  }
  for (const s of info?.subtotalCols ?? []) {
    for (let i = 0; i < n; i++) {
      const expected = s.kind === 'intermediate' ? sum(table.Z[i]) : sum(table.finalDemand.map((f) => f.values[i]));
      check('subtotal', `${s.label} / ${table.sectors[i]}`, s.where[i], expected, s.values[i], { en: `subtotal column "${s.label}", row "${table.sectors[i]}":`, es: `columna de subtotal "${s.label}", fila "${table.sectors[i]}":` });
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

/** The unbalanced accounts, one indented line each (at most `limit`), in English or Spanish. */
export function formatIssues(report: BalanceReport, limit = 20, lang: 'en' | 'es' = 'en'): string {
  const lines = report.issues.slice(0, limit).map((i) => `  ${i.where ?? report.source}: ${lang === 'es' ? i.messageEs : i.message}`);
  const more = report.issues.length - limit;
  if (more > 0) lines.push(lang === 'es' ? `  … y ${more} más (\`igem io check\` las muestra todas)` : `  … and ${more} more (run \`igem io check\` for all)`);
  return lines.join('\n');
}

/** Throws an InputError listing the unbalanced accounts. */
export function assertBalanced(report: BalanceReport): void {
  if (report.balanced) return;
  const { relative, absolute } = report.tolerance;
  const n = report.issues.length;
  throw new InputError(report.source, {
    en: `the table is not balanced (tolerance ${relative * 100} % or ${absolute} units); ${n} account(s) off:\n${formatIssues(report)}`,
    es: `la tabla no está balanceada (tolerancia ${relative * 100} % o ${absolute} unidades); ${n} cuenta(s) descuadrada(s):\n${formatIssues(report, 20, 'es')}`,
  });
}
