/**
 * A feedback loop through arrayed variables, element by element. Loop scores are defined on
 * scalar variables (Schoenberg, Davidsen and Eberlein 2020); after subscript expansion each
 * element of an array is one (scalar-model.ts), so a loop of the variable graph such as
 * stock → flow → stock stands for the loops of the element graph that follow its links:
 * `stock[A1] → flow[A1] → stock[A1]`, `stock[A2] → flow[A2] → stock[A2]` when the equations map
 * elements one to one; through a SUM (a scalar that reads every element) each element closes its
 * own loop through the sum; a shift (`x[next]`) gives one loop that visits several elements of a
 * variable before it closes. Those loops are the elementary cycles of the element graph kept to
 * the variable loop's links (each element loop passes its variable loop once or more times).
 *
 * Naming: the variable loop's id, then the elements in brackets: `B1[A1]` when every arrayed
 * element on it has the same subscripts (or subscripts among one element's: `[R1,C1]` through
 * `total[R1]`), else the subscripts of each arrayed element in loop order, `R2[A1 → A2]`; the
 * same when two element loops would get one name. Each element loop is listed once, starting at the element of the variable
 * loop's first variable with the lowest node number. Element loops that mix the links of two
 * variable loops (their path through the variables is no single variable loop) are not searched.
 */
import type { ScalarModel, SExpr } from '../scalar-model.js';
import { findLoops } from './cycles.js';

export interface ElementLoop {
  /** `B1[A1]`, or the variable loop's id when no element on it is arrayed. */
  id: string;
  /** Element node ids in causal order. */
  nodes: number[];
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
  /** Node ids each node reads at every step (a stock: its rate). */
  reads(id: number): Set<number>;
}

export function elementGraph(scalar: ScalarModel): ElementGraph {
  const nodesOf = new Map<string, number[]>();
  for (const n of scalar.nodes) {
    if (n.hidden) continue;
    if (!nodesOf.has(n.varName)) nodesOf.set(n.varName, []);
    nodesOf.get(n.varName)!.push(n.id);
  }
  const cache = new Map<number, Set<number>>();
  const reads = (id: number): Set<number> => {
    let r = cache.get(id);
    if (!r) cache.set(id, (r = refsOf(scalar.nodes[id]!.expr)));
    return r;
  };
  return { nodesOf, reads };
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
 * The element loops of the variable loop `variables` (`id` its name), at most `limit`;
 * `truncated` when there are more.
 */
export function elementLoops(scalar: ScalarModel, graph: ElementGraph, id: string, variables: readonly string[], limit: number): { loops: ElementLoop[]; truncated: boolean } {
  const n = variables.length;
  const edges = new Map<string, string[]>();
  for (let i = 0; i < n; i++) {
    const from = variables[i]!;
    for (const b of graph.nodesOf.get(variables[(i + 1) % n]!) ?? []) {
      for (const a of graph.reads(b)) {
        if (scalar.nodes[a]!.varName !== from || scalar.nodes[a]!.hidden) continue;
        const key = String(a);
        if (!edges.has(key)) edges.set(key, []);
        edges.get(key)!.push(String(b));
      }
    }
  }
  const found = findLoops(edges, limit + 1);
  const first = variables[0]!;
  const loops = found.loops.slice(0, limit).map((cycle) => {
    const ids = cycle.map(Number);
    // Start at the lowest-numbered element of the first variable.
    let start = -1;
    ids.forEach((x, i) => {
      if (scalar.nodes[x]!.varName === first && (start < 0 || x < ids[start]!)) start = i;
    });
    const nodes = [...ids.slice(start), ...ids.slice(0, start)];
    const subs = nodes.map((x) => subscriptsOf(scalar.nodes[x]!.name)).filter((s): s is string => s !== undefined);
    return { id, nodes, subs };
  });
  // A short name where it is unique, else the whole path of subscripts.
  const short = loops.map((l) => tagOf(l.subs, false));
  const count = new Map<string, number>();
  for (const t of short) count.set(t, (count.get(t) ?? 0) + 1);
  const named = loops.map((l, i) => ({ id: `${id}${count.get(short[i]!)! > 1 ? tagOf(l.subs, true) : short[i]!}`, nodes: l.nodes }));
  named.sort((a, b) => a.nodes.length - b.nodes.length || a.nodes[0]! - b.nodes[0]! || a.id.localeCompare(b.id));
  return { loops: named, truncated: found.truncated || found.loops.length > limit };
}
