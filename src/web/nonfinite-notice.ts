/**
 * The simulator's notice for a run whose saved values include NaN or ±∞ (drawn as gaps): a heading
 * and one line per root cause, in the interface's language (the engine writes each in both).
 */
import { diagnosticText } from './error-text.js';
import { t } from './i18n.js';
import type { NonFiniteReport } from '../sd/run/nonfinite-report.js';

/** The heading and the lines, or undefined when the run has nothing to warn about. */
export function nonFiniteNotice(report: NonFiniteReport | undefined): { heading: string; lines: string[] } | undefined {
  if (!report || report.warnings.length === 0) return undefined;
  const lines = report.warnings.map((w) => diagnosticText(w));
  if (report.more > 0) lines.push(t('runNonFiniteMore', { n: report.more }));
  return { heading: t('runNonFinite'), lines };
}
