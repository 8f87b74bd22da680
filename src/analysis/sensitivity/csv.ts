/** CSV text for tables and per-run output. Numbers print in full (shortest round-trip form). */
import type { Table } from './bands.js';

export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : Number.isNaN(x) ? '' : x > 0 ? 'Infinity' : '-Infinity';
}

export function tableCsv(table: Table): string {
  const lines = [table.headers.map(csvField).join(',')];
  const rows = table.columns[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) lines.push(table.columns.map((c) => csvNumber(c[r])).join(','));
  return lines.join('\n') + '\n';
}

export function rowsCsv(headers: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) => (typeof v === 'number' ? csvNumber(v) : csvField(v));
  return [headers.map(csvField).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
