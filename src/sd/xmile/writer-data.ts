/**
 * Data variables and GET … LOOKUPS written as XMILE graphical functions (XMILE 1.0 §3.1.4), with
 * the tables the engine read (KnownTables, given to the writer by whoever compiled the model).
 *
 * A data variable's value at a time is computed by the engine (runtime-lib.ts `data`) with the same
 * operations as a graphical function's (`lookup`) when the series is interpolated: the value of the
 * first point before it, the last after it, and between two points vs[lo] + ((vs[hi] − vs[lo]) ×
 * (t − ts[lo])) / (ts[hi] − ts[lo]) with lo found by the same bisection. At a data point the engine
 * gives vs[lo], the function vs[lo] + 0: the same number when every value and every difference of
 * two neighbours is finite, which is checked. Held data (Vensim's hold backward) is XMILE's discrete
 * type, which the reader reads as LOOKUP BACKWARD (the value of the last point at or before t, the
 * first before it): the engine's data rule for hold backward, point for point. Data read looking
 * forward (the value of the first point at or after t, the last after it) is that rule mirrored: a
 * discrete function of −TIME over the points (−ts, vs) in increasing order gives, at −t, the point
 * with the smallest ts ≥ t, and the last point after the data (negation is exact). So an
 * interpolated series becomes `<eqn>TIME</eqn>` with a continuous `<gf>`, a held one a discrete
 * `<gf>`, a looked-forward one `<eqn>-TIME</eqn>` with a discrete `<gf>`. A raw series has a value
 * at its own times only: the engine gives vs[i] where t equals ts[i] and :NA: elsewhere (before,
 * between and after the points; Vensim's keywords.html: ":RAW: Marks data as raw so :NA: is
 * reported for missing values"). A discrete function T over the points (ts, ts) gives the last
 * data time at or before t (the first before it), which equals t exactly when t is a data time,
 * and a discrete V over (ts, vs) the value there; so a raw series is written
 * `IF T(TIME) = TIME THEN V(TIME) ELSE (-6.490371073168535e+32)`, the engine's :NA: (−2^109,
 * ir/na.ts) in full. Refused: times not strictly increasing (the rules treat a repeated time
 * apart), an empty series, and values that are not finite numbers.
 */
import type { BilingualText } from '../ir/diagnostics.js';
import type { Equation, Expr } from '../ir/model.js';

export interface KnownTables {
  /** The series of a data variable's element, by its name as a column (`Name`, `Name[e1,e2]`). */
  data(element: string): { times: ArrayLike<number>; values: ArrayLike<number>; mode: string } | undefined;
  /** The table of a lookup's element read by GET … LOOKUPS. */
  lookup(element: string): { x: ArrayLike<number>; y: ArrayLike<number> } | undefined;
}

const isGetData = (e: Expr | undefined): boolean => e?.kind === 'call' && (e.fn === 'GET DIRECT DATA' || e.fn === 'GET XLS DATA');

/** The equation gives data: `:=` or no equation (a series from a data file), or GET … DATA. */
export const isDataEquation = (q: Equation): boolean => (q.kind === 'data' && (!q.expr || isGetData(q.expr))) || isGetData(q.expr);

/** `raw`: the points are written as two discrete functions and a condition (see above), not as the variable's <gf>. */
export type GfPoints = { x: number[]; y: number[]; type?: 'discrete'; input: 'TIME' | '-TIME'; raw?: true };

/** The graphical function of one element's series, or why it has none that computes the same numbers. */
export function seriesAsGf(s: { times: ArrayLike<number>; values: ArrayLike<number>; mode: string }, element: string): GfPoints | BilingualText {
  const x = Array.from(s.times);
  const y = Array.from(s.values);
  if (s.mode !== 'interpolate' && s.mode !== 'hold backward' && s.mode !== 'look forward' && s.mode !== 'raw') {
    return { en: `the data of ${element} are read in a way the writer does not know (${s.mode})`, es: `los datos de ${element} se leen de una forma que el escritor no conoce (${s.mode})` };
  }
  if (x.length === 0) return { en: `the data of ${element} have no points`, es: `los datos de ${element} no tienen puntos` };
  if (x.some((t, i) => !Number.isFinite(t) || (i > 0 && !(t > x[i - 1]!)))) return { en: `the data times of ${element} are not strictly increasing numbers`, es: `los tiempos de los datos de ${element} no son números estrictamente crecientes` };
  if (y.some((v, i) => !Number.isFinite(v) || (i > 0 && !Number.isFinite(v - y[i - 1]!)))) return { en: `the data of ${element} hold a value that is not a finite number`, es: `los datos de ${element} contienen un valor que no es un número finito` };
  if (s.mode === 'raw') return { x, y, type: 'discrete', input: 'TIME', raw: true };
  if (s.mode === 'look forward') return { x: x.map((t) => -t).reverse(), y: [...y].reverse(), type: 'discrete', input: '-TIME' };
  return s.mode === 'hold backward' ? { x, y, type: 'discrete', input: 'TIME' } : { x, y, input: 'TIME' };
}

/** `<xscale/><yscale/><xpts/><ypts/>` of a table (numbers as JavaScript writes them: read back to the same double). */
export function gfPointsXml(x: readonly number[], y: readonly number[], range?: { xmin: number; xmax: number; ymin: number; ymax: number }): string {
  const r = range ?? { xmin: Math.min(...x), xmax: Math.max(...x), ymin: Math.min(...y), ymax: Math.max(...y) };
  return `<xscale min="${r.xmin}" max="${r.xmax}"/><yscale min="${r.ymin}" max="${r.ymax}"/><xpts>${x.join(',')}</xpts><ypts>${y.join(',')}</ypts>`;
}
