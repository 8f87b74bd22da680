/**
 * Writing a SAM in the square labelled layout that readSam reads: CSV (numbers in shortest
 * round-trip form, so nothing is lost) or XLSX, with a `type` column, plus its JSON descriptor
 * and the companion matrix of estimated-cell flags.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { xlsxBytes } from '../../sd/data/workbook-write.js';
import { InputError } from '../../sd/ir/diagnostics.js';
import type { SamAccountSpec, SamDescriptor } from './descriptor.js';
import type { Sam } from './types.js';

type Row = (string | number)[];

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of the square layout: header `account,type,<codes>`, then one row per account. */
export function samRows(sam: Sam, matrix: (number | boolean)[][] = sam.values): Row[] {
  const header: Row = ['account', 'type', ...sam.accounts.map((a) => a.code)];
  const body = sam.accounts.map((a, i) => [a.code, a.type, ...matrix[i].map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v))]);
  return [header, ...body];
}

function writeRows(path: string, rows: Row[], sheetName: string): void {
  const ext = extname(path).toLowerCase();
  try {
    if (ext === '.xlsx') {
      writeFileSync(path, xlsxBytes([{ name: sheetName, rows }]));
    } else if (ext === '.csv' || ext === '') {
      writeFileSync(path, rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n');
    } else {
      throw new InputError(path, { en: `cannot write a SAM as "${ext}"; use .csv or .xlsx`, es: `no se puede escribir una MCS como "${ext}"; use .csv o .xlsx` });
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(path, { en: `cannot write the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`, es: `no se puede escribir el archivo (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
  }
}

/** Writes the matrix (CSV or XLSX by extension). */
export function writeSam(path: string, sam: Sam): void {
  writeRows(path, samRows(sam), 'SAM');
}

/** Writes the estimated-cell flags (1 = estimated, 0 = published) in the same layout. */
export function writeEstimated(path: string, sam: Sam): void {
  const n = sam.accounts.length;
  const flags = sam.estimated ?? Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  writeRows(path, samRows(sam, flags), 'estimated');
}

/** The descriptor describing `sam` (accounts with labels, types, kinds, attributes). */
export function samDescriptor(sam: Sam, extra: Omit<SamDescriptor, 'accounts'> = {}): SamDescriptor {
  const accounts: SamAccountSpec[] = sam.accounts.map((a) => {
    const spec: SamAccountSpec = { code: a.code, label: a.label, type: a.type };
    if (a.kind) spec.kind = a.kind;
    if (a.attributes && Object.keys(a.attributes).length > 0) spec.attributes = a.attributes;
    return spec;
  });
  const d: SamDescriptor = { ...extra, accounts };
  if (sam.title && !d.title) d.title = sam.title;
  if (sam.year !== undefined && d.year === undefined) d.year = sam.year;
  if (sam.units && !d.units) d.units = sam.units;
  return d;
}

export function writeSamDescriptor(path: string, descriptor: SamDescriptor): void {
  try {
    writeFileSync(path, JSON.stringify(descriptor, null, 2) + '\n');
  } catch (err) {
    throw new InputError(path, { en: `cannot write the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`, es: `no se puede escribir el archivo (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
  }
}
