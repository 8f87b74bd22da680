/**
 * Identical runs, for the round-trip checks: the same columns in the same order, the same saved
 * times, and every value equal (NaN equal to NaN), with no tolerance: a model written and read
 * again must compute exactly what the source computed.
 */
import type { RunResult } from '../sd/run/types.js';

/** Undefined when identical; else where they first differ. */
export function sameResults(a: RunResult, b: RunResult): string | undefined {
  if (a.names.join('|') !== b.names.join('|')) {
    const extra = b.names.filter((n) => !a.names.includes(n));
    const missing = a.names.filter((n) => !b.names.includes(n));
    return `columns differ: ${a.names.length} vs ${b.names.length} (missing ${missing.slice(0, 3).join(', ') || 'none'}; added ${extra.slice(0, 3).join(', ') || 'none'})`;
  }
  return sameKeptColumns(a, b);
}

/**
 * Every column of `a` is in `b` with the same saved times and every value equal (`b` may add
 * columns, such as the net flows an XMILE writer generates): undefined, else where they first differ.
 */
export function sameKeptColumns(a: RunResult, b: RunResult): string | undefined {
  if (a.time.length !== b.time.length) return `saved times differ: ${a.time.length} vs ${b.time.length}`;
  for (let k = 0; k < a.time.length; k++) if (a.time[k] !== b.time[k]) return `saved time ${k} differs: ${a.time[k]} vs ${b.time[k]}`;
  for (let j = 0; j < a.names.length; j++) {
    const x = a.series[j]!;
    const y = b.get(a.names[j]!);
    if (!y) return `column ${a.names[j]} missing`;
    for (let k = 0; k < x.length; k++) {
      if (!(Object.is(x[k], y[k]) || x[k] === y[k])) return `${a.names[j]} at ${a.time[k]}: ${x[k]} vs ${y[k]}`;
    }
  }
  return undefined;
}
