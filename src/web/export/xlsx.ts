/**
 * Results as an Excel workbook: a sheet of lever settings, one sheet of series per scenario, then
 * any further sheets given as rows (the IO and CGE results, labelled in the reader's language).
 */
import * as XLSX from '@e965/xlsx';

export interface WorkbookScenario {
  name: string;
  time: ArrayLike<number>;
  names: readonly string[];
  series: readonly ArrayLike<number>[];
}

/** Excel limits sheet names to 31 characters without []:*?/\ and wants them unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet';
  let s = base;
  for (let i = 2; used.has(s.toLowerCase()); i++) s = `${base} ${i}`;
  used.add(s.toLowerCase());
  return s;
}

export interface WorkbookSheet {
  name: string;
  rows: (string | number | null)[][];
}

export function buildWorkbook(levers: [string, number, number, string][], scenarios: WorkbookScenario[], extra: WorkbookSheet[] = []): Uint8Array {
  const wb = XLSX.utils.book_new();
  const used = new Set<string>();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Lever', 'Value', 'Default', 'Units'], ...levers]), sheetName('Levers', used));
  for (const s of scenarios) {
    const rows: (number | string | null)[][] = [['Time', ...s.names]];
    for (let i = 0; i < s.time.length; i++) rows.push([s.time[i]!, ...s.series.map((x) => (Number.isFinite(x[i]!) ? x[i]! : null))]);
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheetName(s.name, used));
  }
  for (const x of extra) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(x.rows), sheetName(x.name, used));
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as Uint8Array;
}
