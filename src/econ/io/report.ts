/** Turning results into text: aligned tables for the terminal and CSV for files. */

export type Row = (string | number | null | undefined)[];

const fmt = (v: Row[number], decimals: number): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Number.isNaN(v)) return 'n/a';
  return v.toFixed(decimals);
};

/** Columns right-aligned except the first; `decimals` per column (number) or for all. */
export function textTable(headers: string[], rows: Row[], decimals: number | number[] = 3): string {
  const dec = (c: number): number => (Array.isArray(decimals) ? decimals[c] ?? 3 : decimals);
  const cells = [headers, ...rows.map((r) => r.map((v, c) => fmt(v, dec(c))))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  return cells
    .map((r) => r.map((v, c) => (c === 0 ? (v ?? '').padEnd(widths[c]) : (v ?? '').padStart(widths[c]))).join('  ').trimEnd())
    .join('\n');
}

const csvCell = (v: Row[number]): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

export function toCsv(headers: string[], rows: Row[]): string {
  return [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
