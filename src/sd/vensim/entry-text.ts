/**
 * The parts of a written `.mdl` entry around its expression, the same for equations and Reality
 * Check entries: subscripts, units with their range, documentation.
 */
import type { Equation, SubscriptRef } from '../ir/model.js';
import { vensimName } from './expr-text.js';

/** Documentation text cannot hold the separators `~` and `|`. */
export const docText = (s: string) => s.replace(/[~|]/g, ' ').replace(/\s+/g, ' ').trim();

export function unitsText(entry: { units: string; range?: Equation['range'] }): string {
  const units = docText(entry.units);
  if (!entry.range) return units;
  const n = (v: number | undefined) => (v === undefined ? '?' : String(v));
  const parts = [n(entry.range.min), n(entry.range.max)];
  if (entry.range.step !== undefined) parts.push(n(entry.range.step));
  return `${units} [${parts.join(',')}]`;
}

export function subsText(subs: readonly SubscriptRef[] | undefined): string {
  return subs?.length ? `[${subs.map((s) => vensimName(s.display) + (s.bang ? '!' : '')).join(',')}]` : '';
}
