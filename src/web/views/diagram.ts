/**
 * Stock-and-flow diagrams: the model's own sketch when it has one, else an automatic layered
 * layout (elkjs, loaded on demand) of the variables around the selected one.
 */
import { h, svg } from '../dom.js';
import type { VariableInfo } from '../model/model-info.js';
import type { SketchView } from '../model/sketch.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';

type ElkCtor = new () => { layout(graph: ElkNode): Promise<ElkNode> };

const key = (name: string) => name.toLowerCase().replace(/[_\s]+/g, ' ').replace(/\\n|\n/g, ' ').trim();

/** Arrowheads of a fixed size (user units), whatever the line's width. */
function arrowMarker(): SVGElement {
  return svg(
    'defs',
    {},
    svg(
      'marker',
      { id: 'arrowhead', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#44474e' }),
    ),
  );
}

interface Pt {
  x: number;
  y: number;
}

/** Where a line coming from `from` meets the box of half-size (hw, hh) centred on `to`. */
export function clipToBox(from: Pt, to: Pt, hw: number, hh: number): Pt {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (dx === 0 && dy === 0) return to;
  const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy), 1);
  return { x: to.x - dx * t, y: to.y - dy * t };
}

/** A variable's shape and label; clicking or pressing Enter selects it. */
function nodeShape(label: string, kind: 'stock' | 'other' | 'valve' | 'cloud', x: number, y: number, w: number, h2: number, selected: boolean, onSelect?: () => void): SVGElement {
  const g = svg('g', { class: `node ${kind}${selected ? ' selected' : ''}` });
  if (kind === 'stock') g.append(svg('rect', { x: x - w, y: y - h2, width: 2 * w, height: 2 * h2, rx: 2 }));
  else if (kind === 'valve') g.append(svg('circle', { cx: x, cy: y, r: 6 }));
  else if (kind === 'cloud') g.append(svg('ellipse', { cx: x, cy: y, rx: 10, ry: 7, class: 'cloud' }));
  if (label) {
    const text = svg('text', { x, y: y + 4, 'text-anchor': 'middle' });
    const words = label.split(/\s+/);
    // Wrap long names over two lines, as Vensim does.
    if (label.length > 18 && words.length > 1) {
      const mid = Math.ceil(words.length / 2);
      // The trailing space keeps the words apart in the accessible name.
      text.append(svg('tspan', { x, dy: -6 }, words.slice(0, mid).join(' ') + ' '), svg('tspan', { x, dy: 13 }, words.slice(mid).join(' ')));
    } else text.textContent = label;
    g.append(text);
  }
  if (onSelect) {
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', label);
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

export function renderSketch(view: SketchView, vars: ReadonlyMap<string, VariableInfo>, selected: string | undefined, onSelect: (key: string) => void): HTMLElement {
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const xs = view.nodes.map((n) => [n.x - n.w, n.x + n.w]).flat();
  const ys = view.nodes.map((n) => [n.y - n.h, n.y + n.h]).flat();
  const minX = Math.min(...xs) - 30;
  const minY = Math.min(...ys) - 30;
  const width = Math.max(...xs) - minX + 30;
  const height = Math.max(...ys) - minY + 30;
  const root = svg('svg', { viewBox: `${minX} ${minY} ${width} ${height}`, width, height, class: 'diagram natural', role: 'group', 'aria-label': view.name });
  root.append(arrowMarker());
  // Half sizes of what is drawn for each node, so lines stop at its edge.
  const half = (n: (typeof view.nodes)[number]): [number, number] =>
    n.type === 'valve' ? [6, 6] : n.type === 'cloud' ? [10, 7] : n.box ? [Math.max(n.w, 20), Math.max(n.h, 10)] : [Math.max(n.w, 12), Math.max(n.h, 7) + 2];
  for (const a of view.arrows) {
    const from = nodes.get(a.from);
    const to = nodes.get(a.to);
    if (!from || !to) continue;
    const curve = a.via && !a.pipe ? { x: 2 * a.via.x - (from.x + to.x) / 2, y: 2 * a.via.y - (from.y + to.y) / 2 } : undefined;
    // Pipes get a head where they enter a stock; influence arrows always.
    const head = !a.pipe || to.box;
    const end = head ? clipToBox(curve ?? from, to, ...half(to)) : to;
    const d = curve ? `M${from.x},${from.y} Q${curve.x},${curve.y} ${end.x},${end.y}` : `M${from.x},${from.y} L${end.x},${end.y}`;
    root.append(svg('path', { d, class: a.pipe ? 'pipe' : 'link', ...(head ? { 'marker-end': 'url(#arrowhead)' } : {}) }));
  }
  for (const n of view.nodes) {
    if (n.type === 'comment') continue;
    const k = key(n.name);
    const v = vars.get(k);
    const kind = n.type === 'valve' ? 'valve' : n.type === 'cloud' ? 'cloud' : n.box ? 'stock' : 'other';
    root.append(nodeShape(n.name.replace(/\\n/g, ' '), kind, n.x, n.y, Math.max(n.w, 20), Math.max(n.h, 10), k === selected, v ? () => onSelect(k) : undefined));
  }
  return h('div', { class: 'diagram-wrap' }, root);
}

/** Variables within `hops` links of the selected one (all of them for a small model). */
export function neighbourhood(vars: readonly VariableInfo[], selected: string | undefined, hops = 2, max = 60): VariableInfo[] {
  const byKey = new Map(vars.map((v) => [v.key, v]));
  const visible = vars.filter((v) => !['initial time', 'final time', 'time step', 'saveper'].includes(v.key));
  if (!selected || !byKey.has(selected)) return visible.length <= max ? visible : visible.slice(0, max);
  if (visible.length <= max) return visible;
  const seen = new Set([selected]);
  let frontier = [selected];
  for (let i = 0; i < hops && seen.size < max; i++) {
    const next: string[] = [];
    for (const k of frontier) {
      for (const n of [...byKey.get(k)!.causes, ...byKey.get(k)!.uses]) {
        if (seen.has(n) || seen.size >= max) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return visible.filter((v) => seen.has(v.key));
}

export async function renderAuto(vars: readonly VariableInfo[], selected: string | undefined, onSelect: (key: string) => void): Promise<HTMLElement> {
  // elkjs is CommonJS: the constructor is the default export, or its `default` under Node interop.
  const mod = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: ElkCtor | { default: ElkCtor } };
  const ELK = typeof mod.default === 'function' ? mod.default : mod.default.default;
  // Large models: the selected variable's direct causes and uses only, so names stay readable.
  const shown = vars.length > 150 ? neighbourhood(vars, selected, 1, 45) : neighbourhood(vars, selected);
  const keys = new Set(shown.map((v) => v.key));
  const width = (v: VariableInfo) => Math.min(180, 24 + v.name.length * 6.5);
  const graph = {
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '24', 'elk.layered.spacing.nodeNodeBetweenLayers': '48' },
    children: shown.map((v) => ({ id: v.key, width: width(v), height: v.kind === 'stock' ? 40 : 26 })),
    edges: shown.flatMap((v) => v.causes.filter((c) => keys.has(c)).map((c, i) => ({ id: `${c}->${v.key}#${i}`, sources: [c], targets: [v.key] }))),
  };
  const laid = await new ELK().layout(graph);
  const W = (laid.width ?? 400) + 20;
  const H = (laid.height ?? 300) + 20;
  // Drawn at its natural size (1 unit = 1 px); the frame scrolls when it is larger.
  const root = svg('svg', { viewBox: `-10 -10 ${W} ${H}`, width: W, height: H, class: 'diagram natural', role: 'group' });
  root.append(arrowMarker());
  for (const e of laid.edges ?? []) {
    for (const s of e.sections ?? []) {
      const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
      root.append(svg('path', { d: pts.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' '), class: 'link', 'marker-end': 'url(#arrowhead)' }));
    }
  }
  const byKey = new Map(shown.map((v) => [v.key, v]));
  for (const n of laid.children ?? []) {
    const v = byKey.get(n.id)!;
    const cx = (n.x ?? 0) + (n.width ?? 0) / 2;
    const cy = (n.y ?? 0) + (n.height ?? 0) / 2;
    const g = nodeShape(v.name, v.kind === 'stock' ? 'stock' : 'other', cx, cy, (n.width ?? 0) / 2, (n.height ?? 0) / 2, v.key === selected, () => onSelect(v.key));
    if (v.kind !== 'stock') g.insertBefore(svg('rect', { x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0, rx: 12, class: `pill ${v.kind}` }), g.firstChild);
    root.append(g);
  }
  return h('div', { class: 'diagram-wrap' }, root);
}
