/**
 * Horizontal bars around a zero line as SVG (gains to the right, losses to the left), one per row,
 * with <title> and <desc>; each bar has its own <title> with the value. The views add a data table.
 */
import { svg, uid } from '../dom.js';

export function signedBars(o: { title: string; desc: string; rows: { label: string; value: number }[]; format: (x: number) => string }): SVGSVGElement {
  const labelW = 230, barW = 340, rowH = 26, top = 8;
  const width = labelW + barW + 20;
  const height = top + o.rows.length * rowH + 10;
  const max = Math.max(1e-12, ...o.rows.map((r) => Math.abs(r.value)));
  const zero = labelW + barW / 2;
  const scale = (barW / 2 - 50) / max;
  const titleId = uid('svg-title'), descId = uid('svg-desc');
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'signed-bars', width: '100%' });
  root.append(svg('title', { id: titleId }, o.title), svg('desc', { id: descId }, o.desc));
  o.rows.forEach((r, i) => {
    const y = top + i * rowH;
    const w = Math.abs(r.value) * scale;
    const x = r.value >= 0 ? zero : zero - w;
    root.append(svg('text', { x: labelW - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end', class: 'bar-label' }, r.label));
    const rect = svg('rect', { x, y: y + 4, width: Math.max(w, 0.5), height: rowH - 8, class: `ev-bar ${r.value >= 0 ? 'gain' : 'loss'}`, 'data-value': r.value });
    rect.append(svg('title', {}, `${r.label}: ${o.format(r.value)}`));
    root.append(rect);
    root.append(svg('text', { x: r.value >= 0 ? x + w + 4 : x - 4, y: y + rowH / 2 + 4, 'text-anchor': r.value >= 0 ? 'start' : 'end', class: 'bar-value' }, o.format(r.value)));
  });
  root.append(svg('line', { x1: zero, x2: zero, y1: top, y2: height - 4, class: 'zero-line' }));
  return root;
}
