/** A scenario report as PDF: settings, the indicator table, further tables (IO and CGE results) and the charts (as drawn on screen). */
import { jsPDF } from 'jspdf';

export interface ReportInput {
  title: string;
  subtitle: string;
  generated: string;
  leversTitle: string;
  levers: [string, string][];
  noChanges: string;
  indicatorsTitle: string;
  indicatorHeader: string[];
  indicatorRows: string[][];
  /** What the indicator statuses rest on (central run or uncertainty band). */
  indicatorsNote?: string;
  /** Further tables after the indicators, e.g. the IO and CGE results. */
  tables?: { title: string; note?: string; header: string[]; rows: string[][] }[];
  charts: { title: string; png: string; width: number; height: number }[];
}

/** The standard PDF fonts cover Latin-1 only: replace the few symbols the app uses. */
function latin1(s: string): string {
  return s
    .replace(/≤/g, '<=')
    .replace(/≥/g, '>=')
    .replace(/→/g, '->')
    .replace(/₂/g, '2')
    .replace(/[✓✗]\s*/g, '')
    .replace(/[−–—]/g, '-')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\u202f|\u00a0/g, ' ')
    .replace(/[^\x20-\xff]/g, '?');
}

export function buildReport(r: ReportInput): ArrayBuffer {
  const doc = new jsPDF({ unit: 'pt', format: 'a4' });
  const W = doc.internal.pageSize.getWidth();
  const H = doc.internal.pageSize.getHeight();
  const M = 40;
  let y = M;
  const need = (h: number) => {
    if (y + h > H - M) {
      doc.addPage();
      y = M;
    }
  };
  const text = (s: string, size: number, bold = false, x = M, maxW = W - 2 * M) => {
    doc.setFont('helvetica', bold ? 'bold' : 'normal');
    doc.setFontSize(size);
    const lines = doc.splitTextToSize(latin1(s), maxW) as string[];
    need(lines.length * size * 1.25);
    doc.text(lines, x, y + size);
    y += lines.length * size * 1.25 + 2;
  };
  text(r.title, 18, true);
  text(r.subtitle, 11);
  text(r.generated, 9);
  y += 8;
  text(r.leversTitle, 13, true);
  if (r.levers.length === 0) text(r.noChanges, 10);
  for (const [k, v] of r.levers) text(`${k}: ${v}`, 10);
  y += 8;
  text(r.indicatorsTitle, 13, true);
  const row = (cells: string[], bold: boolean, first: number, rest: number) => {
    doc.setFont('helvetica', bold ? 'bold' : 'normal');
    doc.setFontSize(8.5);
    const wrapped = cells.map((c, i) => doc.splitTextToSize(latin1(c), (i === 0 ? first : rest) - 6) as string[]);
    const h = Math.max(...wrapped.map((w) => w.length)) * 11 + 4;
    need(h);
    let x = M;
    wrapped.forEach((w, i) => {
      doc.text(w, x, y + 10);
      x += i === 0 ? first : rest;
    });
    y += h;
    doc.setDrawColor(210);
    doc.line(M, y - 2, W - M, y - 2);
  };
  const table = (header: string[], rows: string[][]) => {
    const n = header.length;
    const first = (W - 2 * M) * 0.34;
    const rest = (W - 2 * M - first) / Math.max(1, n - 1);
    row(header, true, first, rest);
    for (const cells of rows) row(cells, false, first, rest);
  };
  table(r.indicatorHeader, r.indicatorRows);
  if (r.indicatorsNote) text(r.indicatorsNote, 9);
  y += 10;
  for (const tb of r.tables ?? []) {
    text(tb.title, 13, true);
    if (tb.note) text(tb.note, 9);
    table(tb.header, tb.rows);
    y += 10;
  }
  for (const c of r.charts) {
    const w = W - 2 * M;
    const h = (c.height / c.width) * w;
    need(h + 20);
    text(c.title, 11, true);
    doc.addImage(c.png, 'PNG', M, y, w, h);
    y += h + 10;
  }
  return doc.output('arraybuffer');
}
