/**
 * Lever values kept within the lever's stated range wherever they come from (slider, number box,
 * share link, stored settings), with a record of what was changed so the app can say so.
 */
import type { Lever } from './levers.js';

export interface ClampedSetting {
  name: string;
  label: string;
  given: number;
  value: number;
}

/** The value within [min, max]; NaN becomes the default. */
export function clampValue(lever: Pick<Lever, 'min' | 'max' | 'defaultValue'>, v: number): number {
  if (Number.isNaN(v)) return lever.defaultValue;
  return Math.min(lever.max, Math.max(lever.min, v));
}

/**
 * Settings for known levers, each within its range. Unknown names are dropped and listed;
 * out-of-range values are moved to the nearest bound and listed.
 */
export function clampSettings(
  levers: readonly Lever[],
  settings: Readonly<Record<string, number>>,
): { settings: Record<string, number>; clamped: ClampedSetting[]; unknown: string[] } {
  const byName = new Map(levers.map((l) => [l.name, l]));
  const out: Record<string, number> = {};
  const clamped: ClampedSetting[] = [];
  const unknown: string[] = [];
  for (const [name, given] of Object.entries(settings)) {
    const l = byName.get(name);
    if (!l) {
      unknown.push(name);
      continue;
    }
    if (typeof given !== 'number' || Number.isNaN(given)) {
      unknown.push(name);
      continue;
    }
    const value = clampValue(l, given);
    if (value !== given) clamped.push({ name, label: l.label, given, value });
    out[name] = value;
  }
  return { settings: out, clamped, unknown };
}
