/**
 * Writes run results as CSV, TSV or JSON. Files are written to a temporary name and renamed,
 * so an interrupted write never leaves a half file in place of an earlier result.
 */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { InputError } from '../sd/ir/diagnostics.js';
import type { RunResult } from '../sd/run/types.js';

function csvCell(s: string, delimiter: string): string {
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
}

function numberText(x: number): string {
  return Number.isNaN(x) ? 'NaN' : String(x);
}

export function formatTable(r: RunResult, delimiter: string): string {
  const lines: string[] = [['Time', ...r.names].map((h) => csvCell(h, delimiter)).join(delimiter)];
  for (let i = 0; i < r.time.length; i++) {
    const row = [numberText(r.time[i]!)];
    for (const s of r.series) row.push(numberText(s[i]!));
    lines.push(row.join(delimiter));
  }
  return lines.join('\n') + '\n';
}

export function formatJson(r: RunResult): string {
  const series: Record<string, number[]> = {};
  r.names.forEach((n, j) => (series[n] = Array.from(r.series[j]!)));
  return JSON.stringify({ time: Array.from(r.time), series }, null, 0) + '\n';
}

export function formatFor(path: string | undefined, r: RunResult): string {
  if (path && /\.json$/i.test(path)) return formatJson(r);
  if (path && /\.(tsv|tab)$/i.test(path)) return formatTable(r, '\t');
  return formatTable(r, ',');
}

/**
 * Writes a file atomically (temporary file, then rename). A failure removes the temporary file and
 * is an InputError naming the output path (not the temporary name).
 */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(path, `cannot write output (${code ?? String(err)})`);
  }
}
