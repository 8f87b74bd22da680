/**
 * Horizontal stacked bars as SVG (one bar per row, parts side by side), with <title> and <desc> for
 * screen readers; the views put a data table beside it. Negative parts are drawn as zero (the
 * table shows them).
 */
import { svg, uid } from '../dom.js';

export interface StackPart {
  label: string;
  color: string;
}
export interface StackRow {
  label: string;
  values: number[];
}

export function stackedBars(o: { title: string; desc: string; parts: StackPart[]; rows: StackRow[]; format: (x: number) => string }): SVGSVGElement {
  const labelW = 210, barW = 330, rowH = 22, top = 8;
  const width = labelW + barW + 70;
  const height = top + o.rows.length * rowH + 8;
  const max = Math.max(1e-12, ...o.rows.map((r) => r.values.reduce((s, v) => s + Math.max(0, v), 0)));
  const titleId = uid('svg-title'), descId = uid('svg-desc');
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'stacked-bars', width: '100%' });
  root.append(svg('title', { id: titleId }, o.title), svg('desc', { id: descId }, o.desc));
  o.rows.forEach((r, i) => {
    const y = top + i * rowH;
    root.append(svg('text', { x: labelW - 6, y: y + rowH / 2 + 4, 'text-anchor': 'end', class: 'bar-label' }, r.label));
    let x = labelW;
    const total = r.values.reduce((s, v) => s + Math.max(0, v), 0);
    r.values.forEach((v, k) => {
      const w = (Math.max(0, v) / max) * barW;
      if (w <= 0) return;
      const rect = svg('rect', { x, y: y + 3, width: w, height: rowH - 6, fill: o.parts[k]!.color, class: 'bar-part' });
      rect.append(svg('title', {}, `${r.label}: ${o.parts[k]!.label} ${o.format(v)}`));
      root.append(rect);
      x += w;
    });
    root.append(svg('text', { x: x + 4, y: y + rowH / 2 + 4, class: 'bar-value' }, o.format(total)));
  });
  return root;
}
