/**
 * Feedback loops through arrayed variables, element by element. Loop scores are defined on
 * scalar variables (Schoenberg, Davidsen and Eberlein 2020); after subscript expansion each
 * element of an array is one (scalar-model.ts), so the loops scored are the elementary cycles of
 * the element graph, kept to the links of the listed (variable-level) loops: a loop such as
 * stock → flow → stock stands for `stock[A1] → flow[A1] → stock[A1]`, `stock[A2] → …` when the
 * equations map elements one to one; through a SUM (a scalar that reads every element) each
 * element closes its own loop through the sum; a shift (`x[next]`) gives one loop that passes the
 * variable loop several times, over several elements, before it closes.
 *
 * Naming: an element loop that follows one listed loop (once or more times round) takes its id,
 * then its elements in brackets: `B1[A1]` when every arrayed element on it has the same
 * subscripts (or subscripts among one element's: `[R1,C1]` through `total[R1]`), else the
 * subscripts of each arrayed element in loop order, `R2[A1 → A2]`; the same when two element loops
 * would get one name. It starts at the element of the listed loop's first variable with the lowest
 * node number. An element loop that combines the links of several listed loops (its path through
 * the variables is no single one of them) is numbered apart, `E1[…]`. Loops that would still share
 * a name (one loop through a smooth's several stocks) take `.1`, `.2` … shortest first: `R1.2`.
 *
 * Polarity: the product of the element links' signs, each read off the element's own expanded
 * equation (element-polarity.ts), so `U1[A1]` can be balancing where the variable loop U1 is
 * undetermined; a link whose element sign the rules cannot tell takes the variable link's sign.
 */
import type { ScalarModel, SExpr } from '../scalar-model.js';
import { findLoops } from './cycles.js';
import { elementLinkSign } from './element-polarity.js';
import { mulSigns, type Sign } from './polarity.js';

/**
 * The order in which the paths of one loop are numbered (`R1.1`, `R1.2` …; `B1[A1].1` …): shorter
 * first, then by their element node ids in turn, each path starting at its first variable's first
 * node. The listed loops (below) and the strongest-path search (loop-dominance.ts) both number
 * with it, so one path has one id in both.
 */
export function comparePaths(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export interface ElementLoop {
  /** `B1[A1]`, `E1[A1 → A2]`, or the listed loop's id when no element on it is arrayed; `R1.2` (`B1[A1].2`) among loops that would share one. */
  id: string;
  /** The listed loop it follows, or `E1`, `E2` … for one that combines several. */
  loop: string;
  polarity: 'R' | 'B' | 'U';
  /** Element node ids in causal order. */
  nodes: number[];
}

/** A listed loop as the element search needs it. */
export interface ListedLoop {
  id: string;
  polarity: 'R' | 'B' | 'U';
  variables: readonly string[];
}

/** Node ids read by an expression. */
export function refsOf(e: SExpr, out: Set<number> = new Set()): Set<number> {
  switch (e.k) {
    case 'ref':
      out.add(e.id);
      break;
    case 'un':
      refsOf(e.a, out);
      break;
    case 'bin':
      refsOf(e.a, out);
      refsOf(e.b, out);
      break;
    case 'lookup':
      refsOf(e.x, out);
      break;
    case 'call':
      for (const a of e.args) refsOf(a, out);
      break;
    case 'vec':
      for (const v of e.vecs) for (const a of v) refsOf(a, out);
      for (const a of e.scalars) refsOf(a, out);
      break;
    default:
      break;
  }
  return out;
}

/** The subscripts of an element's name (`stock[A1,B2]` → `A1,B2`), or undefined for a scalar. */
export function subscriptsOf(name: string): string | undefined {
  const at = name.indexOf('[');
  return at < 0 ? undefined : name.slice(at + 1, name.endsWith(']') ? -1 : undefined);
}

export interface ElementGraph {
  /** Visible nodes of each variable, by variable key. */
  nodesOf: Map<string, number[]>;
  /**
   * Hidden nodes of each variable that a loop can pass through: the stocks and auxiliaries its
   * SMOOTH3, DELAY1 … stand for (stateful.ts), not the INITIAL values it reads (fixed at the start).
   */
  innerOf: Map<string, number[]>;
  /** Node ids each node reads at every step (a stock: its rate). */
  reads(id: number): Set<number>;
}

export function elementGraph(scalar: ScalarModel): ElementGraph {
  const nodesOf = new Map<string, number[]>();
  const innerOf = new Map<string, number[]>();
  for (const n of scalar.nodes) {
    if (n.hidden && n.kind === 'initial') continue;
    const into = n.hidden ? innerOf : nodesOf;
    if (!into.has(n.varName)) into.set(n.varName, []);
    into.get(n.varName)!.push(n.id);
  }
  const cache = new Map<number, Set<number>>();
  const reads = (id: number): Set<number> => {
    let r = cache.get(id);
    if (!r) cache.set(id, (r = refsOf(scalar.nodes[id]!.expr)));
    return r;
  };
  return { nodesOf, innerOf, reads };
}

/**
 * The bracketed name of an element loop from the subscripts of its arrayed elements in loop order:
 * the longest subscripts when every element's subscripts are among them (`[A1]` for
 * `s[A1] → flow[A1]`, `[R1,C1]` for `s[R1,C1] → total[R1] → flow[R1,C1]`), else (or with
 * `path`) all of them in order, `[A1 → A2]`.
 */
function tagOf(subs: readonly string[], path: boolean): string {
  if (subs.length === 0) return '';
  const split = subs.map((s) => s.split(','));
  const longest = split.reduce((a, b) => (b.length > a.length ? b : a));
  const text = longest.join(',');
  const covered = split.every((t) => (t.length === longest.length ? t.join(',') === text : t.every((e) => longest.includes(e))));
  return `[${!path && covered ? text : subs.join(' → ')}]`;
}

/**
 * The element loops along the links of `listed` (at most `limit`; `truncated` when there are
 * more), and the listed loops that close on no elements. `sign` gives a variable link's polarity.
 */
export function elementLoops(scalar: ScalarModel, graph: ElementGraph, listed: readonly ListedLoop[], limit: number, sign: (from: string, to: string) => Sign): { loops: ElementLoop[]; truncated: boolean; unclosed: string[] } {
  const links = new Set<string>();
  const next = new Map<string, ListedLoop[]>();
  for (const l of listed) {
    const n = l.variables.length;
    l.variables.forEach((v, i) => {
      links.add(`${v}\u0000${l.variables[(i + 1) % n]!}`);
      if (!next.has(v)) next.set(v, []);
      next.get(v)!.push(l);
    });
  }
  const edges = new Map<string, string[]>();
  const edge = (a: number, b: number) => {
    const key = String(a);
    if (!edges.has(key)) edges.set(key, []);
    if (!edges.get(key)!.includes(String(b))) edges.get(key)!.push(String(b));
  };
  // A link from → to: an element of `from` read by one of `to`, directly or through the hidden
  // nodes of `to` (the stocks of its SMOOTH3 …, which `to` reads in turn). A hidden stock's
  // reading of itself is its own adjustment, inside the function, not a listed loop.
  const inner = new Set<string>();
  for (const pair of links) {
    const [from, to] = pair.split('\u0000') as [string, string];
    const inside = graph.innerOf.get(to) ?? [];
    for (const b of [...(graph.nodesOf.get(to) ?? []), ...inside]) {
      for (const a of graph.reads(b)) {
        const node = scalar.nodes[a]!;
        if (node.varName === from && !node.hidden) edge(a, b);
      }
    }
    if (inner.has(to)) continue;
    inner.add(to);
    for (const b of [...(graph.nodesOf.get(to) ?? []), ...inside]) {
      for (const a of graph.reads(b)) {
        const node = scalar.nodes[a]!;
        if (a !== b && node.hidden && node.kind !== 'initial' && node.varName === to) edge(a, b);
      }
    }
  }
  const found = findLoops(edges, limit + 1);
  const varOf = (x: number) => scalar.nodes[x]!.varName;
  // The listed loop an element cycle goes round (once or more), if one: by its visible elements.
  const follows = (all: number[]): ListedLoop | undefined => {
    const ids = all.filter((x) => !scalar.nodes[x]!.hidden);
    return (next.get(varOf(ids[0]!)) ?? []).find((l) => {
      const n = l.variables.length;
      if (ids.length % n !== 0) return false;
      const at = l.variables.indexOf(varOf(ids[0]!));
      return ids.every((x, i) => varOf(x) === l.variables[(at + i) % n]);
    });
  };
  // The loop's sign from its element links, each falling back to its variable link where undetermined.
  const linkSigns = new Map<string, Sign>();
  const polarityOf = (ids: number[]): ListedLoop['polarity'] => {
    const s = ids.reduce<Sign>((acc, x, j) => {
      const y = ids[(j + 1) % ids.length]!;
      let own = linkSigns.get(`${x},${y}`);
      if (own === undefined) linkSigns.set(`${x},${y}`, (own = elementLinkSign(scalar, x, y)));
      return mulSigns(acc, own === '+' || own === '-' ? own : sign(varOf(x), varOf(y)));
    }, '+');
    return s === '+' ? 'R' : s === '-' ? 'B' : 'U';
  };
  const raw: { base: string; polarity: ListedLoop['polarity']; nodes: number[]; subs: string[] }[] = [];
  const combined: number[][] = [];
  for (const cycle of found.loops.slice(0, limit)) {
    const ids = cycle.map(Number);
    const l = follows(ids);
    if (!l) {
      combined.push(ids);
      continue;
    }
    // Start at the lowest-numbered element of the listed loop's first variable.
    let start = -1;
    ids.forEach((x, i) => {
      if (!scalar.nodes[x]!.hidden && varOf(x) === l.variables[0] && (start < 0 || x < ids[start]!)) start = i;
    });
    // A visible element's hidden nodes come before it: start at the first of them.
    while (scalar.nodes[ids[(start - 1 + ids.length) % ids.length]!]!.hidden) start = (start - 1 + ids.length) % ids.length;
    raw.push({ base: l.id, polarity: polarityOf(ids), nodes: [...ids.slice(start), ...ids.slice(0, start)], subs: [] });
  }
  // Loops that combine several listed loops, numbered in order of their (lowest) first element.
  combined.sort((a, b) => a.length - b.length || a[0]! - b[0]!);
  combined.forEach((ids, i) => raw.push({ base: `E${i + 1}`, polarity: polarityOf(ids), nodes: ids, subs: [] }));
  for (const r of raw) r.subs = r.nodes.filter((x) => !scalar.nodes[x]!.hidden).map((x) => subscriptsOf(scalar.nodes[x]!.name)).filter((s): s is string => s !== undefined);
  // A short name where it is unique, else the whole path of subscripts.
  const short = raw.map((r) => r.base + tagOf(r.subs, false));
  const count = new Map<string, number>();
  for (const t of short) count.set(t, (count.get(t) ?? 0) + 1);
  const loops = raw.map((r, i) => ({ id: count.get(short[i]!)! > 1 ? r.base + tagOf(r.subs, true) : short[i]!, loop: r.base, polarity: r.polarity, nodes: r.nodes }));
  const order = new Map(listed.map((l, i) => [l.id, i]));
  loops.sort((a, b) => (order.get(a.loop) ?? Infinity) - (order.get(b.loop) ?? Infinity) || a.loop.localeCompare(b.loop) || a.nodes.length - b.nodes.length || a.nodes[0]! - b.nodes[0]! || a.id.localeCompare(b.id) || comparePaths(a.nodes, b.nodes));
  // Loops still named alike (one scalar loop through a smooth or delay by several stock paths,
  // or elements alike through different stocks) are numbered in that order (comparePaths),
  // shortest first: `R1.1`, `R1.2`, `B1[A1].2`, as the strongest-path search numbers them.
  const named = new Map<string, number>();
  for (const l of loops) named.set(l.id, (named.get(l.id) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const l of loops) {
    if (named.get(l.id)! < 2) continue;
    const k = (seen.get(l.id) ?? 0) + 1;
    seen.set(l.id, k);
    l.id = `${l.id}.${k}`;
  }
  const closed = new Set(loops.map((l) => l.loop));
  return { loops, truncated: found.truncated || found.loops.length > limit, unclosed: listed.filter((l) => !closed.has(l.id)).map((l) => l.id) };
}
