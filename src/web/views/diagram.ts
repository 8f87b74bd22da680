/**
 * Stock-and-flow diagrams drawn as SVG from the engine's diagram views: the model's own sketch
 * (Vensim) or view (XMILE), or an automatic layout of one group. Stocks are boxes, flows valves
 * on pipes, auxiliaries names; shadow variables are grey `<names>`; arrows carry their polarity
 * when known. Variables of the model can be clicked (or reached with Tab and Enter) to select them.
 */
import { h, svg } from '../dom.js';
import type { DiagramLink, DiagramNode, DiagramPoint, DiagramView } from '../../sd/ir/diagram.js';

interface Pt {
  x: number;
  y: number;
}

/** Arrowheads of a fixed size (user units), whatever the line's width. */
export function arrowMarker(id = 'arrowhead'): SVGElement {
  return svg(
    'defs',
    {},
    svg(
      'marker',
      { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#44474e' }),
    ),
  );
}

/** Where a line coming from `from` meets the box of half-size (hw, hh) centred on `to`. */
export function clipToBox(from: Pt, to: Pt, hw: number, hh: number): Pt {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (dx === 0 && dy === 0) return to;
  const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy), 1);
  return { x: to.x - dx * t, y: to.y - dy * t };
}

/** The text of a name, wrapped over two lines when long, as Vensim does. */
export function label(text: string, x: number, y: number): SVGElement {
  const t = svg('text', { x, y: y + 4, 'text-anchor': 'middle' });
  const words = text.split(/\s+/);
  if (text.length > 18 && words.length > 1) {
    const mid = Math.ceil(words.length / 2);
    // The trailing space keeps the words apart in the accessible name.
    t.append(svg('tspan', { x, dy: -6 }, words.slice(0, mid).join(' ') + ' '), svg('tspan', { x, dy: 13 }, words.slice(mid).join(' ')));
  } else t.textContent = text;
  return t;
}

/** Half sizes of what is drawn for a node, so lines stop at its edge. */
function half(n: DiagramNode, auto: boolean): [number, number] {
  if (n.kind === 'valve') return [6, 6];
  if (n.kind === 'cloud') return [10, 7];
  if (n.kind === 'stock') return [Math.max(n.w, 20), Math.max(n.h, 10)];
  return auto ? [n.w, n.h] : [Math.max(n.w, 12), Math.max(n.h, 7) + 2];
}

function nodeShape(n: DiagramNode, auto: boolean, selected: boolean, onSelect?: () => void): SVGElement {
  const g = svg('g', { class: `node ${n.kind}${n.shadow ? ' shadow' : ''}${selected ? ' selected' : ''}` });
  const [hw, hh] = half(n, auto);
  if (n.kind === 'stock') g.append(svg('rect', { x: n.x - hw, y: n.y - hh, width: 2 * hw, height: 2 * hh, rx: 2 }));
  else if (n.kind === 'valve') g.append(svg('circle', { cx: n.x, cy: n.y, r: 6 }));
  else if (n.kind === 'cloud') g.append(svg('ellipse', { cx: n.x, cy: n.y, rx: 10, ry: 7, class: 'cloud' }));
  else if (auto) g.append(svg('rect', { x: n.x - n.w, y: n.y - n.h, width: 2 * n.w, height: 2 * n.h, rx: 12, class: `pill ${n.kind}` }));
  // A flow laid out automatically or read from XMILE has no separate valve: draw one on its left.
  if (n.kind === 'flow' && (auto || n.w <= 9)) g.append(svg('circle', { cx: auto ? n.x - n.w + 8 : n.x, cy: n.y, r: 5, class: 'valve-mark' }));
  if (n.name) g.append(label(n.shadow ? `<${n.name}>` : n.name, n.x, n.kind === 'flow' && !auto && n.w <= 9 ? n.y + 16 : n.y));
  if (onSelect) {
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', n.name);
    g.addEventListener('click', onSelect);
    g.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
        e.preventDefault();
        onSelect();
      }
    });
  }
  return g;
}

const polyline = (pts: readonly DiagramPoint[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');

function linkPath(l: DiagramLink, nodes: ReadonlyMap<string, DiagramNode>, auto: boolean): { d: string; head: boolean; end: Pt; before: Pt } | undefined {
  const from = l.from !== undefined ? nodes.get(l.from) : undefined;
  const to = l.to !== undefined ? nodes.get(l.to) : undefined;
  if (l.points && l.points.length >= 2) {
    // Laid-out edges already end at the box; pipes drawn with corners too.
    const pts = l.points;
    return { d: polyline(pts), head: l.kind === 'influence' || !to || to.kind === 'stock', end: pts[pts.length - 1]!, before: pts[pts.length - 2]! };
  }
  if (!from || !to) return undefined;
  const curve = l.via && l.kind === 'influence' ? { x: 2 * l.via.x - (from.x + to.x) / 2, y: 2 * l.via.y - (from.y + to.y) / 2 } : undefined;
  // Pipes get a head where they enter a stock; influence arrows always.
  const head = l.kind === 'influence' || to.kind === 'stock';
  const before = curve ?? from;
  const end = head ? clipToBox(before, to, ...half(to, auto)) : to;
  const d = curve ? `M${from.x},${from.y} Q${curve.x},${curve.y} ${end.x},${end.y}` : `M${from.x},${from.y} L${end.x},${end.y}`;
  return { d, head, end, before };
}

/** Draws one view at its natural size (1 unit = 1 px); the frame scrolls when it is larger. */
export function renderView(view: DiagramView, selected: string | undefined, selectable: (key: string) => boolean, onSelect: (key: string) => void): HTMLElement {
  const auto = view.source === 'auto';
  const drawn = view.nodes.filter((n) => n.kind !== 'comment');
  const nodes = new Map(drawn.map((n) => [n.id, n]));
  const xs: number[] = [];
  const ys: number[] = [];
  for (const n of drawn) {
    const [hw, hh] = half(n, auto);
    xs.push(n.x - hw, n.x + hw);
    ys.push(n.y - hh, n.y + hh);
  }
  for (const l of view.links) {
    for (const p of l.points ?? []) {
      xs.push(p.x);
      ys.push(p.y);
    }
  }
  if (xs.length === 0) {
    xs.push(0);
    ys.push(0);
  }
  const minX = Math.min(...xs) - 30;
  const minY = Math.min(...ys) - 30;
  const width = Math.max(...xs) - minX + 30;
  const height = Math.max(...ys) - minY + 30;
  const root = svg('svg', { viewBox: `${minX} ${minY} ${width} ${height}`, width, height, class: `diagram natural ${view.source}`, role: 'group', 'aria-label': view.name });
  root.append(arrowMarker());
  for (const l of view.links) {
    const p = linkPath(l, nodes, auto);
    if (!p) continue;
    root.append(svg('path', { d: p.d, class: l.kind === 'pipe' ? 'pipe' : 'link', ...(p.head ? { 'marker-end': 'url(#arrowhead)' } : {}) }));
    if (l.polarity && l.kind === 'influence') {
      // The sign beside the arrowhead, a little back along the line.
      const dx = p.before.x - p.end.x;
      const dy = p.before.y - p.end.y;
      const len = Math.hypot(dx, dy) || 1;
      const at = { x: p.end.x + (dx / len) * 12 - (dy / len) * 7, y: p.end.y + (dy / len) * 12 + (dx / len) * 7 };
      root.append(svg('text', { x: at.x, y: at.y + 4, class: 'polarity', 'text-anchor': 'middle' }, l.polarity === '-' ? '−' : '+'));
    }
  }
  for (const n of drawn) {
    const k = n.key;
    root.append(nodeShape(n, auto, !!k && k === selected, k && selectable(k) ? () => onSelect(k) : undefined));
  }
  return h('div', { class: 'diagram-wrap' }, root);
}
