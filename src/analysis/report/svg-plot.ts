/**
 * A small self-contained SVG line chart (no scripts, no external fonts or links) for reports:
 * lines, point markers and shaded bands over a shared time axis, with "nice" ticks.
 */
import { escapeXml, fmt } from './format.js';

export interface PlotLine {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  /** Draw markers only (observations) instead of a line. */
  points?: boolean;
}

export interface PlotBand {
  label: string;
  x: ArrayLike<number>;
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  color: string;
}

export interface PlotSpec {
  title: string;
  xLabel?: string;
  yLabel?: string;
  lines: PlotLine[];
  bands?: PlotBand[];
  width?: number;
  height?: number;
}

/** Tick values at 1, 2 or 5 × 10^k covering [lo, hi] with about `count` ticks. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return niceTicks(lo - pad, hi + pad, count);
  }
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < hi) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

function extent(values: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const arr of values) {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

export function svgPlot(spec: PlotSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 320;
  const m = { left: 64, right: 16, top: 28, bottom: 44 };
  const bands = spec.bands ?? [];
  const xs = extent([...spec.lines.map((l) => l.x), ...bands.map((b) => b.x)]);
  const ys = extent([...spec.lines.map((l) => l.y), ...bands.flatMap((b) => [b.lo, b.hi])]);
  const xt = niceTicks(xs[0], xs[1]);
  const yt = niceTicks(ys[0], ys[1]);
  const [x0, x1] = [Math.min(xs[0], xt[0]), Math.max(xs[1], xt[xt.length - 1])];
  const [y0, y1] = [yt[0], yt[yt.length - 1]];
  const px = (x: number) => m.left + ((x - x0) / (x1 - x0 || 1)) * (width - m.left - m.right);
  const py = (y: number) => height - m.bottom - ((y - y0) / (y1 - y0 || 1)) * (height - m.top - m.bottom);
  const r = (v: number) => v.toFixed(1);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="sans-serif" font-size="11" role="img" aria-label="${escapeXml(spec.title)}">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="16" text-anchor="middle" font-size="13">${escapeXml(spec.title)}</text>`);
  for (const t of yt) {
    if (t < y0 || t > y1) continue;
    out.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${r(py(t))}" y2="${r(py(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.left - 6}" y="${r(py(t) + 4)}" text-anchor="end">${escapeXml(fmt(t, 4))}</text>`);
  }
  for (const t of xt) {
    if (t < x0 || t > x1) continue;
    out.push(`<line x1="${r(px(t))}" x2="${r(px(t))}" y1="${height - m.bottom}" y2="${height - m.bottom + 4}" stroke="#555"/>`);
    out.push(`<text x="${r(px(t))}" y="${height - m.bottom + 16}" text-anchor="middle">${escapeXml(fmt(t, 6))}</text>`);
  }
  out.push(
    `<path d="M${m.left},${m.top}V${height - m.bottom}H${width - m.right}" fill="none" stroke="#555"/>`,
  );
  if (spec.xLabel) out.push(`<text x="${(m.left + width - m.right) / 2}" y="${height - 8}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  if (spec.yLabel) {
    out.push(`<text transform="translate(14,${(m.top + height - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`);
  }
  for (const b of bands) {
    const upper: string[] = [];
    const lower: string[] = [];
    for (let i = 0; i < b.x.length; i++) {
      if (!Number.isFinite(b.lo[i]) || !Number.isFinite(b.hi[i])) continue;
      upper.push(`${r(px(b.x[i]))},${r(py(b.hi[i]))}`);
      lower.unshift(`${r(px(b.x[i]))},${r(py(b.lo[i]))}`);
    }
    if (upper.length) out.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${b.color}" fill-opacity="0.25" stroke="none"/>`);
  }
  for (const l of spec.lines) {
    if (l.points) {
      for (let i = 0; i < l.x.length; i++) {
        if (Number.isFinite(l.y[i])) out.push(`<circle cx="${r(px(l.x[i]))}" cy="${r(py(l.y[i]))}" r="2.5" fill="${l.color}"/>`);
      }
    } else {
      const pts: string[] = [];
      for (let i = 0; i < l.x.length; i++) if (Number.isFinite(l.y[i])) pts.push(`${r(px(l.x[i]))},${r(py(l.y[i]))}`);
      out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${l.color}" stroke-width="1.5"/>`);
    }
  }
  const legend = [...spec.lines.map((l) => ({ label: l.label, color: l.color, points: l.points ?? false, band: false })), ...bands.map((b) => ({ label: b.label, color: b.color, points: false, band: true }))];
  legend.forEach((item, i) => {
    const x = m.left + 10 + i * 130;
    const y = m.top + 8;
    if (item.band) out.push(`<rect x="${x}" y="${y - 5}" width="14" height="10" fill="${item.color}" fill-opacity="0.25"/>`);
    else if (item.points) out.push(`<circle cx="${x + 7}" cy="${y}" r="2.5" fill="${item.color}"/>`);
    else out.push(`<line x1="${x}" x2="${x + 14}" y1="${y}" y2="${y}" stroke="${item.color}" stroke-width="1.5"/>`);
    out.push(`<text x="${x + 18}" y="${y + 4}">${escapeXml(item.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
