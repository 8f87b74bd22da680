/**
 * Some published models record a reference run of their own inside the model, as lookups of Time
 * (C-LEARN's "BAU" series hold its Reference Scenario's CO2, CO2-equivalent and temperature paths).
 * Where the source publishes no run file, those recorded series are the reference: each is compared
 * with the column the model computes, by the suite's rule (compare.ts), at every saved time.
 */
import type { RunTable } from '../sd/data/run-table.js';
import type { RunResult } from '../sd/run/types.js';
import { compareResults, type CompareResult } from './compare.js';

/** A computed column and the model's own variable that records its reference values. */
export interface RecordedPair {
  column: string;
  recorded: string;
}

/** The recorded series as a reference table whose columns carry the computed columns' names. */
export function recordedTable(r: RunResult, pairs: readonly RecordedPair[]): RunTable | string {
  const columns: number[][] = [];
  for (const p of pairs) {
    const s = r.get(p.recorded);
    if (!s) return `the recorded series ${p.recorded} is not among the model's columns`;
    columns.push(Array.from(s));
  }
  return { names: pairs.map((p) => p.column), time: Array.from(r.time), columns };
}

export function compareRecorded(r: RunResult, pairs: readonly RecordedPair[]): CompareResult {
  const table = recordedTable(r, pairs);
  if (typeof table === 'string') return { pass: false, reason: table, columnsChecked: 0, columnsFailed: [] };
  return compareResults(r, table);
}
