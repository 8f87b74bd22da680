/**
 * A time-series chart (uPlot on canvas): business as usual, the current scenario and saved ones,
 * with hover values in the legend, a 2030 marker and target lines. Redraws in place on new data.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { fmt as fmtNumber, fmtAxis, fmtShare, t } from '../i18n.js';
import type { Target } from '../indicators.js';

export interface ChartLine {
  label: string;
  /** NaN (or null) leaves a gap. */
  values: ArrayLike<number | null>;
  /** Draw markers only (observed data), no line. */
  points?: boolean;
  color: string;
  dash?: number[];
  width?: number;
}

/** A shaded range (uncertainty band) drawn under the lines. */
export interface ChartBand {
  label: string;
  low: ArrayLike<number>;
  high: ArrayLike<number>;
  fill: string;
  stroke: string;
}

export interface ChartOptions {
  /** A vertical marker (2030 by default). */
  marker?: number;
  targets?: Target[];
  height?: number;
  /** Values are fractions shown as percentages (axis, legend, targets). */
  percent?: boolean;
}

/** Line colours with at least 3:1 contrast on white (WCAG non-text contrast). */
export const COLORS = {
  baseline: '#5f6368',
  current: '#0b5cad',
  overlays: ['#a04a00', '#1e6b2a', '#7b1fa2'],
  target: '#b3261e',
  observed: '#1b1c1f',
  /** Published estimates and projections (profile `references`). */
  reference: '#00695c',
  marker: '#44474e',
};

export class LineChart {
  private plot: uPlot | undefined;
  private labels = '';
  private readonly observer: ResizeObserver;

  constructor(
    private readonly host: HTMLElement,
    private readonly options: ChartOptions = {},
  ) {
    this.observer = new ResizeObserver(() => {
      if (this.plot) this.plot.setSize(this.size());
    });
    this.observer.observe(host);
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(200, this.host.clientWidth), height: this.options.height ?? 190 };
  }

  update(time: ArrayLike<number>, lines: ChartLine[], band?: ChartBand): void {
    const clean = (a: ArrayLike<number | null>) => Array.from(a, (v) => (v === null || Number.isNaN(v) ? null : v));
    const data = [Array.from(time), ...lines.map((l) => clean(l.values)), ...(band ? [clean(band.high), clean(band.low)] : [])] as uPlot.AlignedData;
    const labels = lines.map((l) => l.label + l.color).join('|') + (band ? `|band:${band.label}` : '');
    if (this.plot && labels === this.labels) {
      this.plot.setData(data);
    } else {
      this.plot?.destroy();
      this.labels = labels;
      this.plot = new uPlot(this.config(lines, band), data, this.host);
    }
    this.showLastValues();
  }

  /** Without a pointer on the chart, the legend shows the last year's values instead of dashes. */
  private showLastValues(): void {
    const u = this.plot;
    if (!u || (u.cursor.left ?? -1) >= 0) return;
    const n = u.data[0].length;
    if (n > 0) u.setLegend({ idx: n - 1 });
  }

  destroy(): void {
    this.observer.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  /** The chart's canvas as a PNG data URL (for the PDF report). */
  image(): string | undefined {
    return this.plot?.ctx.canvas.toDataURL('image/png');
  }

  private config(lines: ChartLine[], band?: ChartBand): uPlot.Options {
    const fmt = (x: number) => (this.options.percent ? fmtShare(x) : fmtNumber(x));
    const bandSeries: uPlot.Series[] = band
      ? [
          { label: `${band.label} ↑`, stroke: band.stroke, width: 1, points: { show: false }, value: (_u, v) => (v === null || v === undefined ? '—' : fmt(v)) },
          { label: `${band.label} ↓`, stroke: band.stroke, width: 1, points: { show: false }, value: (_u, v) => (v === null || v === undefined ? '—' : fmt(v)) },
        ]
      : [];
    const targets = this.options.targets ?? [];
    const marker = this.options.marker ?? 2030;
    return {
      ...this.size(),
      cursor: { drag: { x: false, y: false } },
      legend: { live: true },
      scales: {
        x: { time: false },
        y: {
          range: (_u, min, max) => {
            let lo = Math.min(min, ...targets.map((t) => t.value));
            let hi = Math.max(max, ...targets.map((t) => t.value));
            if (!(hi > lo)) {
              const pad = Math.abs(lo) * 0.05 || 1;
              lo -= pad;
              hi += pad;
            }
            const pad = (hi - lo) * 0.06;
            return [lo >= 0 && lo - pad < 0 ? 0 : lo - pad, hi + pad];
          },
        },
      },
      axes: [
        { values: (_u, splits) => splits.map((v) => String(v)), stroke: '#33363b', grid: { stroke: '#e3e5e8' } },
        { values: (_u, splits) => splits.map((v) => (this.options.percent ? fmtShare(v) : fmtAxis(v))), size: 56, stroke: '#33363b', grid: { stroke: '#e3e5e8' } },
      ],
      series: [
        { label: t('year'), value: (_u, v) => (v === null || v === undefined ? '—' : String(Math.round(v * 100) / 100)) },
        ...lines.map((l) => ({
          label: l.label,
          stroke: l.color,
          width: l.width ?? 2,
          dash: l.dash,
          ...(l.points ? { paths: () => null, points: { show: true, size: 7, fill: l.color, stroke: l.color } } : { points: { show: false } }),
          value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : fmt(v)),
        })),
        ...bandSeries,
      ],
      ...(band ? { bands: [{ series: [lines.length + 1, lines.length + 2] as [number, number], fill: band.fill }] } : {}),
      hooks: {
        // Back to the last values when the pointer leaves.
        setCursor: [
          (u) => {
            if ((u.cursor.left ?? -1) < 0 && u.cursor.idx !== u.data[0].length - 1) queueMicrotask(() => this.showLastValues());
          },
        ],
        draw: [
          (u) => {
            const ctx = u.ctx;
            const { left, top, width, height } = u.bbox;
            const px = devicePixelRatio || 1;
            ctx.save();
            ctx.font = `${11 * px}px system-ui, sans-serif`;
            // uPlot leaves the axis labels' alignment set: reset it for our labels.
            ctx.textAlign = 'left';
            ctx.textBaseline = 'alphabetic';
            const xMin = u.scales.x.min ?? 0;
            const xMax = u.scales.x.max ?? 0;
            if (marker >= xMin && marker <= xMax) {
              const x = u.valToPos(marker, 'x', true);
              ctx.strokeStyle = COLORS.marker;
              ctx.setLineDash([3 * px, 3 * px]);
              ctx.lineWidth = px;
              ctx.beginPath();
              ctx.moveTo(x, top);
              ctx.lineTo(x, top + height);
              ctx.stroke();
              ctx.fillStyle = COLORS.marker;
              ctx.fillText(String(marker), x + 3 * px, top + 12 * px);
            }
            for (const t of targets) {
              const y = u.valToPos(t.value, 'y', true);
              if (!(y >= top && y <= top + height)) continue;
              ctx.strokeStyle = COLORS.target;
              ctx.setLineDash([6 * px, 4 * px]);
              ctx.lineWidth = 1.5 * px;
              ctx.beginPath();
              ctx.moveTo(left, y);
              ctx.lineTo(left + width, y);
              ctx.stroke();
              ctx.fillStyle = COLORS.target;
              const tx = u.valToPos(t.year, 'x', true);
              ctx.beginPath();
              ctx.arc(tx, y, 4 * px, 0, 2 * Math.PI);
              ctx.fill();
              ctx.fillText(`${fmt(t.value)} (${t.year})`, left + 4 * px, y - 4 * px);
            }
            ctx.restore();
          },
        ],
      },
    };
  }
}
