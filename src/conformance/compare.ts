/**
 * The suite's pass rule: every expected Time row present in the results (a reference may leave
 * out rows, e.g. the initial time), every expected column present, and every non-empty
 * expected value within a relative error of 1e-3 or an absolute error of 1e-6 of the column's
 * largest magnitude.
 */
import { canonicalColumn } from '../sd/ir/names.js';
import type { RunResult } from '../sd/run/types.js';
import type { RunTable as ExpectedOutput } from '../sd/data/run-table.js';

export interface CompareResult {
  pass: boolean;
  reason?: string;
  columnsChecked: number;
  columnsFailed: string[];
}

export interface CompareOptions {
  rtol?: number;
  /** Absolute tolerance as a fraction of the column's largest magnitude. */
  atolScale?: number;
  /** Compare only the times present in both (for thinned references). */
  subsetTimes?: boolean;
}

/** Output names as Vensim writes them in headers: quotes optional, spaces inside brackets free. */
export function headerKey(name: string): string {
  let s = name.trim();
  const b = s.indexOf('[');
  let head = b < 0 ? s : s.slice(0, b);
  const tail = b < 0 ? '' : s.slice(b);
  head = head.trim();
  if (head.length >= 2 && head.startsWith('"') && head.endsWith('"')) head = head.slice(1, -1).replace(/\\"/g, '"');
  s = head + tail.replace(/"/g, '');
  return canonicalColumn(s);
}

export function compareResults(actual: RunResult, expected: ExpectedOutput, opts: CompareOptions = {}): CompareResult {
  const rtol = opts.rtol ?? 1e-3;
  const atolScale = opts.atolScale ?? 1e-6;
  const rowOf: number[] = [];
  const tol = (t: number) => 1e-6 * Math.max(1, Math.abs(t));
  let a = 0;
  for (const t of expected.time) {
    while (a < actual.time.length && actual.time[a]! < t - tol(t)) a++;
    if (a < actual.time.length && Math.abs(actual.time[a]! - t) <= tol(t)) rowOf.push(a);
    else if (opts.subsetTimes) rowOf.push(-1);
    else return { pass: false, reason: `no result row at Time ${t}`, columnsChecked: 0, columnsFailed: [] };
  }
  const index = new Map<string, number>();
  actual.names.forEach((n, j) => index.set(headerKey(n), j));
  const failed: string[] = [];
  const missing: string[] = [];
  let checked = 0;
  expected.names.forEach((name, j) => {
    if (/^time$/i.test(name.trim())) return;
    const k = index.get(headerKey(name));
    if (k === undefined) {
      missing.push(name);
      return;
    }
    checked++;
    const exp = expected.columns[j]!;
    const act = actual.series[k]!;
    let maxAbs = 0;
    for (const x of exp) if (x !== undefined && Math.abs(x) > maxAbs) maxAbs = Math.abs(x);
    const atol = atolScale * maxAbs;
    for (let i = 0; i < exp.length; i++) {
      const e = exp[i];
      if (e === undefined || rowOf[i]! < 0) continue;
      const x = act[rowOf[i]!]!;
      const err = Math.abs(x - e);
      if (!(err <= atol || err <= rtol * Math.abs(e))) {
        failed.push(`${name} at Time ${expected.time[i]}: expected ${e}, got ${x}`);
        return;
      }
    }
  });
  if (missing.length) return { pass: false, reason: `missing columns: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (+${missing.length - 5})` : ''}`, columnsChecked: checked, columnsFailed: failed };
  if (failed.length) return { pass: false, reason: `${failed.length} column(s) differ, first: ${failed[0]}`, columnsChecked: checked, columnsFailed: failed };
  return { pass: true, columnsChecked: checked, columnsFailed: [] };
}
