/**
 * XMILE `<views>`: the diagram stored with the model (XMILE 1.0, section 6). Each `<view>` holds
 * `<stock>`, `<flow>`, `<aux>` (placed by centre `x`, `y`, with optional `width`, `height`),
 * `<alias>` (a shadow copy of `<of>` another variable), and `<connector>` (an influence arrow
 * `<from>` → `<to>`, leaving at `angle` degrees, counter-clockwise from east). A flow's `<pts>` is
 * its pipe, from the upstream end to the downstream end; its valve sits at the flow's `x`, `y`.
 * Other display objects (text boxes, graphs, buttons) are skipped.
 */
import { warningAt, type BilingualText, type Diagnostic } from '../ir/diagnostics.js';
import type { DiagramLink, DiagramNode, DiagramView } from '../ir/diagram.js';
import { canonicalName } from '../ir/names.js';
import { SourceText } from './source-text.js';
import { attr, child, children, parseXml, type XmlElement } from './xml-tree.js';

export interface ViewsResult {
  views: DiagramView[];
  diagnostics: Diagnostic[];
}

/** Default sizes (half width, half height) when the file gives none. */
const HALF: Record<'stock' | 'flow' | 'aux', [number, number]> = { stock: [22.5, 17.5], flow: [9, 9], aux: [9, 9] };

const display = (name: string) => name.replace(/\\n/g, ' ').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();

/** Reads every view of the file's (single) model; a file without `<views>` has none. */
export function readXmileViews(source: string, file?: string): ViewsResult {
  const src = new SourceText(source.replace(/^\uFEFF/, ''), file);
  const root = parseXml(src);
  const diagnostics: Diagnostic[] = [];
  const views: DiagramView[] = [];
  const model = child(root, 'model');
  const viewsEl = model && child(model, 'views');
  if (!viewsEl) return { views, diagnostics };
  const warn = (el: XmlElement, message: BilingualText) => diagnostics.push(warningAt('W_VIEW', message, src.loc(el.start)));
  const num = (el: XmlElement, name: string): number | undefined => {
    const v = attr(el, name);
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const textOf = (el: XmlElement) => src.elementText(el.start).text.trim();

  children(viewsEl, 'view').forEach((viewEl, vi) => {
    const view: DiagramView = { name: attr(viewEl, 'name') ?? `View ${vi + 1}`, source: 'xmile', nodes: [], links: [] };
    const byKey = new Map<string, string>();
    for (const el of viewEl.children) {
      const tag = el.name.replace(/^.*:/, '').toLowerCase();
      if (tag !== 'stock' && tag !== 'flow' && tag !== 'aux' && tag !== 'alias') continue;
      const x = num(el, 'x');
      const y = num(el, 'y');
      if (x === undefined || y === undefined) {
        warn(el, { en: `<${tag}> needs numeric x and y attributes to be drawn; skipped`, es: `<${tag}> necesita atributos x e y numéricos para dibujarse; se omite` });
        continue;
      }
      if (tag === 'alias') {
        const of = child(el, 'of');
        const uid = attr(el, 'uid');
        if (!of || uid === undefined) {
          warn(el, { en: '<alias> needs a uid attribute and an <of> element; skipped', es: '<alias> necesita un atributo uid y un elemento <of>; se omite' });
          continue;
        }
        const name = display(textOf(of));
        const key = canonicalName(textOf(of));
        view.nodes.push({ id: `alias:${uid}`, kind: kindOfKey(view, key), name, key, x, y, w: 9, h: 9, shadow: true });
        continue;
      }
      const rawName = attr(el, 'name');
      if (!rawName) {
        warn(el, { en: `<${tag}> has no name attribute; skipped`, es: `<${tag}> no tiene atributo name; se omite` });
        continue;
      }
      const key = canonicalName(rawName);
      const [hw, hh] = HALF[tag];
      const w = num(el, 'width');
      const h = num(el, 'height');
      const node: DiagramNode = { id: `v:${key}`, kind: tag, name: display(rawName), key, x, y, w: w !== undefined ? w / 2 : hw, h: h !== undefined ? h / 2 : hh };
      if (byKey.has(key)) {
        warn(el, { en: `'${node.name}' is placed twice in the view; the second is not drawn`, es: `'${node.name}' está colocado dos veces en la vista; el segundo no se dibuja` });
        continue;
      }
      byKey.set(key, node.id);
      view.nodes.push(node);
      if (tag === 'flow') {
        const pts = child(el, 'pts');
        const points = (pts ? children(pts, 'pt') : []).map((p) => ({ x: num(p, 'x'), y: num(p, 'y') }));
        if (points.length >= 2 && points.every((p) => p.x !== undefined && p.y !== undefined)) {
          const ps = points as { x: number; y: number }[];
          view.links.push({ id: `pipe:${key}`, kind: 'pipe', points: ps });
        }
      }
    }
    // Connectors last: they may name variables placed after them.
    for (const el of children(viewEl, 'connector')) {
      const end = (name: 'from' | 'to'): string | undefined => {
        const e = child(el, name);
        if (!e) return undefined;
        const alias = child(e, 'alias');
        if (alias) return `alias:${attr(alias, 'uid') ?? ''}`;
        return byKey.get(canonicalName(textOf(e)));
      };
      const from = end('from');
      const to = end('to');
      if (!from || !to || !view.nodes.some((n) => n.id === from) || !view.nodes.some((n) => n.id === to)) {
        warn(el, { en: `<connector> joins a variable that is not placed in the view '${view.name}'; it is not drawn`, es: `<connector> une una variable que no está colocada en la vista '${view.name}'; no se dibuja` });
        continue;
      }
      const link: DiagramLink = { id: `c:${attr(el, 'uid') ?? view.links.length}`, from, to, kind: 'influence' };
      const angle = num(el, 'angle');
      if (angle !== undefined) {
        // A handle half-way along, pushed off the straight line in the direction the arrow leaves.
        const a = view.nodes.find((n) => n.id === from)!;
        const b = view.nodes.find((n) => n.id === to)!;
        const len = Math.hypot(b.x - a.x, b.y - a.y) / 2;
        const rad = (angle * Math.PI) / 180;
        const leave = { x: a.x + len * Math.cos(rad), y: a.y - len * Math.sin(rad) };
        // The curve through the midpoint of (leave, target-mid) approximates the arc.
        const via = { x: (leave.x + (a.x + b.x) / 2) / 2, y: (leave.y + (a.y + b.y) / 2) / 2 };
        if (Math.hypot(via.x - (a.x + b.x) / 2, via.y - (a.y + b.y) / 2) > 1) link.via = via;
      }
      view.links.push(link);
    }
    if (view.nodes.length > 0) views.push(view);
  });
  return { views, diagnostics };
}

function kindOfKey(view: DiagramView, key: string): DiagramNode['kind'] {
  return view.nodes.find((n) => n.key === key)?.kind ?? 'aux';
}
