/**
 * A causal-loop diagram of one feedback loop: its variables around a circle in causal order,
 * curved arrows between them each with its polarity sign (+, −, ?) by the arrowhead, and the
 * loop's mark in the middle (R reinforcing, B balancing, U undetermined) with the turning sense.
 */
import { h, svg } from '../dom.js';
import { t } from '../i18n.js';
import type { CausalGraph, FeedbackLoop } from '../../sd/analyze/structure/index.js';
import { label } from './diagram.js';

const polarityName = (p: FeedbackLoop['polarity']) => t(p === 'R' ? 'loopR' : p === 'B' ? 'loopB' : 'loopU');

export function renderLoopDiagram(loop: FeedbackLoop, graph: CausalGraph): HTMLElement {
  const n = loop.variables.length;
  const name = (k: string) => graph.nodes.get(k)?.display ?? k;
  // Room for the names: the circle grows with the number of variables.
  const r = n === 1 ? 0 : Math.max(90, (n * 150) / (2 * Math.PI));
  const pad = 110;
  const size = 2 * (r + pad);
  const c = r + pad;
  // Clockwise from the top.
  const pos = loop.variables.map((_, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: c + r * Math.cos(a), y: c + r * Math.sin(a) };
  });
  const title = t('loopDiagramTitle', { id: loop.id, polarity: polarityName(loop.polarity), n });
  const root = svg('svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, class: 'diagram loop-diagram', role: 'img', 'aria-label': `${title}: ${loop.variables.map(name).join(' → ')} → ${name(loop.variables[0]!)}` });
  root.append(
    svg(
      'defs',
      {},
      svg('marker', { id: 'loophead', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#44474e' })),
    ),
  );
  // Half size of a name's box, so arrows stop before the text.
  const signs: SVGElement[] = [];
  const box = (k: string) => ({ w: Math.min(80, 8 + Math.min(name(k).length, 22) * 3.3), h: name(k).length > 18 ? 16 : 9 });
  loop.links.forEach((l, i) => {
    const a = pos[i]!;
    const b = pos[(i + 1) % n]!;
    let d: string;
    let end: { x: number; y: number };
    let tangent: { x: number; y: number };
    if (n === 1) {
      // A variable feeding back on itself: a small circle above it.
      end = { x: a.x + 12, y: a.y - 12 };
      d = `M${a.x - 12},${a.y - 12} C${a.x - 40},${a.y - 70} ${a.x + 40},${a.y - 70} ${end.x},${end.y}`;
      tangent = { x: -0.4, y: 1 };
    } else {
      // Bow outwards from the centre so the arrows follow the circle.
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const out = { x: mid.x - c, y: mid.y - c };
      const len = Math.hypot(out.x, out.y) || 1;
      const bow = n === 2 ? 60 : r * 0.35;
      const ctrl = { x: mid.x + (out.x / len) * bow, y: mid.y + (out.y / len) * bow };
      const ba = box(loop.variables[i]!);
      const bb = box(loop.variables[(i + 1) % n]!);
      const shorten = (p: { x: number; y: number }, toward: { x: number; y: number }, bx: { w: number; h: number }) => {
        const dx = toward.x - p.x;
        const dy = toward.y - p.y;
        const tt = Math.min(bx.w / Math.abs(dx || 1e-9), bx.h / Math.abs(dy || 1e-9), 0.45);
        return { x: p.x + dx * tt, y: p.y + dy * tt };
      };
      const start = shorten(a, ctrl, ba);
      end = shorten(b, ctrl, bb);
      d = `M${start.x},${start.y} Q${ctrl.x},${ctrl.y} ${end.x},${end.y}`;
      tangent = { x: end.x - ctrl.x, y: end.y - ctrl.y };
    }
    root.append(svg('path', { d, class: 'link', 'marker-end': 'url(#loophead)' }));
    const tl = Math.hypot(tangent.x, tangent.y) || 1;
    const ux = tangent.x / tl;
    const uy = tangent.y / tl;
    // The sign just behind the arrowhead, on the outer side.
    const at = { x: end.x - ux * 22 + uy * 11, y: end.y - uy * 22 - ux * 11 };
    const sign = l.polarity === '+' ? '+' : l.polarity === '-' ? '−' : '?';
    signs.push(svg('text', { x: at.x, y: at.y + 5, class: `polarity sign-${l.polarity === '+' ? 'pos' : l.polarity === '-' ? 'neg' : 'unk'}`, 'text-anchor': 'middle' }, sign));
  });
  loop.variables.forEach((k, i) => {
    const g = svg('g', { class: `node ${graph.nodes.get(k)?.kind ?? 'aux'}` });
    const p = pos[i]!;
    if (graph.nodes.get(k)?.kind === 'stock') {
      const b = box(k);
      g.append(svg('rect', { x: p.x - b.w - 4, y: p.y - b.h - 4, width: 2 * b.w + 8, height: 2 * b.h + 8, rx: 2 }));
    }
    g.append(label(name(k), p.x, p.y));
    root.append(g);
  });
  // Signs last, so that no name's box covers them.
  root.append(...signs);
  // The loop's mark: its letter inside a turning arrow (clockwise, the sense the variables follow).
  const mark = svg('g', { class: `loop-mark loop-${loop.polarity}` });
  const mr = 20;
  const my = n === 1 ? c + 50 : c;
  mark.append(
    svg('path', { d: `M${c + mr},${my} A${mr},${mr} 0 1 1 ${c},${my - mr}`, class: 'link', 'marker-end': 'url(#loophead)' }),
    svg('text', { x: c, y: my + 7, 'text-anchor': 'middle', class: 'loop-letter' }, loop.polarity),
  );
  root.append(mark);
  return h('figure', { class: 'loop-figure' }, h('figcaption', {}, title), h('div', { class: 'diagram-wrap' }, root), h('p', { class: 'note' }, t('loopDiagramHelp')));
}
