/**
 * A self-contained SVG line chart for scenario reports: one line per scenario over the run years,
 * the baseline drawn thicker, optional horizontal target lines, and the legend in rows under the
 * plot so that a dozen scenarios stay readable.
 */
import { escapeXml, fmt } from '../report/format.js';
import { niceTicks } from '../report/svg-plot.js';

export interface ChartLine {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  emphasis?: boolean;
}

export interface ChartSpec {
  title: string;
  unit?: string;
  lines: ChartLine[];
  /** Horizontal reference lines (targets), drawn dashed. */
  references?: { label: string; value: number }[];
  width?: number;
}

/** Colour-blind-safe palette (Okabe–Ito, then Tol muted). */
export const PALETTE = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#D55E00', '#0072B2', '#CC79A7', '#882255', '#44AA99', '#999933', '#AA4499', '#117733', '#332288', '#DDCC77'];

export function lineChart(spec: ChartSpec): string {
  const width = spec.width ?? 720;
  const plotHeight = 300;
  const perRow = 4;
  const legendRows = Math.ceil((spec.lines.length + (spec.references?.length ?? 0)) / perRow);
  const height = plotHeight + 18 * legendRows + 10;
  const m = { left: 70, right: 16, top: 28, bottom: 40 };
  let lo = Infinity;
  let hi = -Infinity;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const l of spec.lines) {
    for (let i = 0; i < l.y.length; i++) {
      if (!Number.isFinite(l.y[i])) continue;
      lo = Math.min(lo, l.y[i]);
      hi = Math.max(hi, l.y[i]);
      x0 = Math.min(x0, l.x[i]);
      x1 = Math.max(x1, l.x[i]);
    }
  }
  for (const r of spec.references ?? []) {
    lo = Math.min(lo, r.value);
    hi = Math.max(hi, r.value);
  }
  if (!Number.isFinite(lo)) [lo, hi, x0, x1] = [0, 1, 0, 1];
  const yt = niceTicks(lo, hi);
  const xt = niceTicks(x0, x1, 6).filter((t) => t >= x0 && t <= x1);
  const [y0, y1] = [yt[0], yt[yt.length - 1]];
  const px = (x: number) => m.left + ((x - x0) / (x1 - x0 || 1)) * (width - m.left - m.right);
  const py = (y: number) => plotHeight - m.bottom - ((y - y0) / (y1 - y0 || 1)) * (plotHeight - m.top - m.bottom);
  const r1 = (v: number) => v.toFixed(1);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" role="img" aria-label="${escapeXml(spec.title)}">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="16" text-anchor="middle" font-size="13">${escapeXml(spec.title)}${spec.unit ? ` (${escapeXml(spec.unit)})` : ''}</text>`);
  for (const t of yt) {
    out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${r1(py(t))}" y2="${r1(py(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.left - 6}" y="${r1(py(t) + 4)}" text-anchor="end">${escapeXml(fmt(t, 4))}</text>`);
  }
  for (const t of xt) out.push(`<text x="${r1(px(t))}" y="${plotHeight - m.bottom + 16}" text-anchor="middle">${escapeXml(fmt(t, 6))}</text>`);
  out.push(`<path d="M${m.left},${m.top}V${plotHeight - m.bottom}H${width - m.right}" fill="none" stroke="#555"/>`);
  const items: string[] = [];
  (spec.references ?? []).forEach((ref, k) => {
    const color = k % 2 === 0 ? '#b2182b' : '#2166ac';
    out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${r1(py(ref.value))}" y2="${r1(py(ref.value))}" stroke="${color}" stroke-dasharray="5,4"/>`);
    items.push(`<line x1="0" x2="16" y1="0" y2="0" stroke="${color}" stroke-dasharray="5,4"/><text x="20" y="4">${escapeXml(ref.label)}</text>`);
  });
  spec.lines.forEach((l, k) => {
    const color = PALETTE[k % PALETTE.length];
    const pts: string[] = [];
    for (let i = 0; i < l.x.length; i++) if (Number.isFinite(l.y[i])) pts.push(`${r1(px(l.x[i]))},${r1(py(l.y[i]))}`);
    const w = l.emphasis ? 2.6 : 1.4;
    out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="${w}"/>`);
    items.push(`<line x1="0" x2="16" y1="0" y2="0" stroke="${color}" stroke-width="${w}"/><text x="20" y="4">${escapeXml(l.label)}</text>`);
  });
  const colWidth = (width - m.left) / perRow;
  items.forEach((item, k) => {
    const x = m.left + (k % perRow) * colWidth;
    const y = plotHeight + 4 + Math.floor(k / perRow) * 18;
    out.push(`<g transform="translate(${r1(x)},${y})">${item}</g>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
