/**
 * Automatic stock-and-flow layout for models without a drawn diagram: one view per group of the
 * model (Vensim `***` groups, XMILE `<group>`), the group's variables plus, as shadow variables,
 * the causes it reads from other groups, placed by elkjs' layered algorithm (causes to the left,
 * effects to the right). Flows into and out of stocks are drawn as pipes.
 * elkjs is loaded on the first call, so code that never lays out does not carry it.
 */
import type { DiagramLink, DiagramNode, DiagramView } from '../../ir/diagram.js';
import type { ModelIR } from '../../ir/model.js';
import type { CausalGraph } from './causal-graph.js';

const CONTROL = new Set(['initial time', 'final time', 'time step', 'saveper']);

export interface LayoutGroup {
  name: string;
  /** Variable keys in the group, in model order. */
  keys: string[];
}

/** The model's groups with their variables (control variables left out); ungrouped ones together. */
export function layoutGroups(ir: ModelIR, ungroupedName = 'Model'): LayoutGroup[] {
  const groups = new Map<string, string[]>();
  for (const eq of ir.equations) {
    const key = eq.lhs.name;
    if (CONTROL.has(key)) continue;
    const name = (eq.group ?? '').replace(/^\.+/, '').trim() || ungroupedName;
    if (!groups.has(name)) groups.set(name, []);
    const list = groups.get(name)!;
    if (!list.includes(key)) list.push(key);
  }
  return [...groups].map(([name, keys]) => ({ name, keys }));
}

interface ElkPoint {
  x: number;
  y: number;
}
interface ElkGraph {
  id: string;
  layoutOptions?: Record<string, string>;
  children?: { id: string; width: number; height: number; x?: number; y?: number }[];
  edges?: { id: string; sources: string[]; targets: string[]; sections?: { startPoint: ElkPoint; endPoint: ElkPoint; bendPoints?: ElkPoint[] }[] }[];
  width?: number;
  height?: number;
}
type ElkCtor = new () => { layout(graph: ElkGraph): Promise<ElkGraph> };

let elk: Promise<ElkCtor> | undefined;
function loadElk(): Promise<ElkCtor> {
  // elkjs is CommonJS: the constructor is the default export, or its `default` under Node interop.
  elk ??= import('elkjs/lib/elk.bundled.js').then((mod) => {
    const m = mod as unknown as { default: ElkCtor | { default: ElkCtor } };
    return typeof m.default === 'function' ? m.default : m.default.default;
  });
  return elk;
}

/** Width of a variable's box for its name (the renderer wraps long names over two lines). */
const widthFor = (name: string) => Math.min(170, 28 + Math.min(name.length, 26) * 6.2);

/** Lays out one group: its variables and, as shadows, the causes it reads from elsewhere. */
export async function layoutGroup(graph: CausalGraph, group: LayoutGroup): Promise<DiagramView> {
  const members = new Set(group.keys.filter((k) => graph.nodes.has(k)));
  const shadows = new Set<string>();
  for (const k of members) for (const l of graph.in.get(k) ?? []) if (!members.has(l.from) && !CONTROL.has(l.from)) shadows.add(l.from);
  const shown = [...members, ...shadows];
  const id = new Map(shown.map((k, i) => [k, `n${i}`]));
  const links = shown.flatMap((k) => (members.has(k) ? (graph.in.get(k) ?? []).filter((l) => id.has(l.from)) : []));
  const isPipe = (from: string, to: string) => graph.nodes.get(to)?.kind === 'stock' && graph.nodes.get(from)?.kind === 'flow';
  const ELK = await loadElk();
  const laid = await new ELK().layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '22',
      'elk.layered.spacing.nodeNodeBetweenLayers': '46',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: shown.map((k) => {
      const stock = graph.nodes.get(k)!.kind === 'stock';
      return { id: id.get(k)!, width: stock ? Math.max(90, widthFor(graph.nodes.get(k)!.display)) : widthFor(graph.nodes.get(k)!.display), height: stock ? 44 : 28 };
    }),
    edges: links.map((l, i) => ({ id: `e${i}`, sources: [id.get(l.from)!], targets: [id.get(l.to)!] })),
  });
  const nodes: DiagramNode[] = (laid.children ?? []).map((c, i) => {
    const key = shown[i]!;
    const n = graph.nodes.get(key)!;
    const kind = n.kind === 'stock' ? 'stock' : n.kind === 'flow' ? 'flow' : 'aux';
    const node: DiagramNode = { id: c.id, kind, name: n.display, key, x: (c.x ?? 0) + c.width / 2, y: (c.y ?? 0) + c.height / 2, w: c.width / 2, h: c.height / 2 };
    if (shadows.has(key)) node.shadow = true;
    return node;
  });
  const out: DiagramLink[] = (laid.edges ?? []).map((e, i) => {
    const l = links[i]!;
    const link: DiagramLink = { id: e.id, from: id.get(l.from)!, to: id.get(l.to)!, kind: isPipe(l.from, l.to) ? 'pipe' : 'influence' };
    if (l.polarity === '+' || l.polarity === '-') link.polarity = l.polarity;
    const s = e.sections?.[0];
    if (s) link.points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
    // An outflow drains its stock: the pipe runs from the stock to the flow.
    if (link.kind === 'pipe' && l.polarity === '-') {
      [link.from, link.to] = [link.to, link.from];
      link.points?.reverse();
    }
    return link;
  });
  return { name: group.name, source: 'auto', nodes, links: out };
}
