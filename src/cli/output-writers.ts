/**
 * Writes run results as CSV, TSV or JSON. Files are written to a temporary name and renamed,
 * so an interrupted write never leaves a half file in place of an earlier result.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { InputError } from '../sd/ir/diagnostics.js';
import { isVensimNA } from '../sd/ir/na.js';
import type { RunResult, SaveSink } from '../sd/run/types.js';
import type { NonFiniteReport } from '../sd/run/nonfinite-report.js';

function csvCell(s: string, delimiter: string): string {
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A value as text; Vensim's :NA: is an empty cell, as in Vensim's own tables and exports (na.html: "—"). */
function numberText(x: number): string {
  return Number.isNaN(x) ? 'NaN' : isVensimNA(x) ? '' : String(x);
}

/** The header line of a table: `Time` and the column names. */
export function tableHeader(names: readonly string[], delimiter: string): string {
  return ['Time', ...names].map((h) => csvCell(h, delimiter)).join(delimiter) + '\n';
}

/** One line per saved time (time, then each series' value), each ending in a newline. */
export function tableRows(time: ArrayLike<number>, series: readonly ArrayLike<number>[], delimiter: string): string {
  const lines: string[] = [];
  for (let i = 0; i < time.length; i++) {
    const row = [numberText(time[i]!)];
    for (const s of series) row.push(numberText(s[i]!));
    lines.push(row.join(delimiter));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatTable(r: RunResult, delimiter: string): string {
  return tableHeader(r.names, delimiter) + tableRows(r.time, r.series, delimiter);
}

/** The delimiter of a table output file by its extension (tab for .tsv/.tab, else comma), or undefined for JSON. */
export function tableDelimiter(path: string | undefined): string | undefined {
  if (path && /\.json$/i.test(path)) return undefined;
  return path && /\.(tsv|tab)$/i.test(path) ? '\t' : ',';
}

/**
 * A sink that writes a streamed run as the table `formatTable` makes (byte for byte), one block of
 * rows at a time through `write`, so that the whole table never sits in memory.
 */
export function tableSink(delimiter: string, write: (text: string) => void): SaveSink {
  return {
    begin: (names) => write(tableHeader(names, delimiter)),
    rows: (block) => write(tableRows(block.time, block.series, delimiter)),
  };
}

export function formatJson(r: RunResult, nonFinite?: NonFiniteReport): string {
  const series: Record<string, number[]> = {};
  r.names.forEach((n, j) => (series[n] = Array.from(r.series[j]!, (v) => (isVensimNA(v) ? null : v)) as number[]));
  // JSON has no NaN or ±∞ (they are written null): the warnings say which values those were and why.
  // :NA: is null too: Vensim's graphs leave it out and its tables show no number.
  const warnings = nonFinite?.warnings ?? [];
  const more = nonFinite?.more ? { warningsNotShown: nonFinite.more } : {};
  return JSON.stringify({ time: Array.from(r.time), series, warnings, ...more }, null, 0) + '\n';
}

/**
 * Writes a file atomically (temporary file, then rename). A failure removes the temporary file and
 * is an InputError naming the output path (not the temporary name).
 */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  writeChunksAtomic(path, (write) => write(text));
}

/** Writes all of `chunk` (writeSync may write less than asked). */
function writeAll(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * Writes a file atomically from chunks that `produce` hands to `write` as it makes them, so that
 * the whole text never sits in memory (a streamed run, a long CSV). A failure to write is an
 * InputError naming `path`; any other error from `produce` (a run that stopped) passes through.
 * Either way the temporary file is removed and an earlier file at `path` is left as it was.
 */
export function writeChunksAtomic<T>(path: string, produce: (write: (chunk: string | Uint8Array) => void) => T): T {
  const tmp = `${path}.${process.pid}.tmp`;
  let fd: number | undefined;
  let fileError: NodeJS.ErrnoException | undefined;
  /** Runs one file operation, remembering its failure (to tell it from a failure of `produce`). */
  const file = <R>(op: () => R): R => {
    try {
      return op();
    } catch (err) {
      fileError = err as NodeJS.ErrnoException;
      throw err;
    }
  };
  try {
    fd = file(() => openSync(tmp, 'w'));
    const result = produce((chunk) => file(() => writeAll(fd!, chunk)));
    file(() => closeSync(fd!));
    fd = undefined;
    file(() => renameSync(tmp, path));
    return result;
  } catch (err) {
    try {
      if (fd !== undefined) closeSync(fd);
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    if (fileError === undefined) throw err;
    throw new InputError(path, { en: `cannot write output (${fileError.code ?? String(fileError)})`, es: `no se puede escribir la salida (${fileError.code ?? String(fileError)})` });
  }
}
