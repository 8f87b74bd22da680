/**
 * Why a run stopped on a NaN stock, from the same probe that explains non-finite saved values
 * (nonfinite-probe.ts): the equation that first made NaN or ±∞ from finite inputs among those the
 * stock depends on (a division by zero, LN or LOG of a number ≤ 0, SQRT of a negative number, an
 * overflow, ...). The text holds the stop's own words, "X became NaN at time T": after them the
 * root's warning line (nonfinite-report.ts), or, when the root is the stock itself, that line alone.
 */
import { formatLocation, type BilingualText } from '../ir/diagnostics.js';
import { nodeDisplayName, type ScalarModel } from '../analyze/scalar-model.js';
import { headText, rootOf, valueName, type NonFiniteFindings } from './nonfinite-report.js';

/** The stop's text with its root cause, and the root's variable and time; undefined when nothing more is known. */
export function stopCause(scalar: ScalarModel, stock: number, stopTime: number, stop: BilingualText, findings: NonFiniteFindings): { text: BilingualText; variable: string; time: number } | undefined {
  const root = rootOf(stock, findings);
  if (!root) return undefined;
  const node = scalar.nodes[root.node]!;
  const variable = nodeDisplayName(node);
  const time = root.step ? root.step.from : root.time;
  const value = valueName(root.value);
  const head = headText({ location: formatLocation(node.loc) || undefined, variable, value, time, step: root.step, cause: root.cause });
  // The stock itself, NaN at the stop: its place and cause are all there is to add.
  if (root.node === stock && value === 'NaN' && !root.step && root.time === stopTime) {
    return root.cause ? { text: head, variable, time } : undefined;
  }
  return { text: { en: `${stop.en}, after ${head.en}`, es: `${stop.es}, después de que ${head.es}` }, variable, time };
}
