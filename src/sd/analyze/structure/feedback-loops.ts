/**
 * Feedback loops of a model with their polarity: the elementary cycles of the causal graph
 * (links that act only at the initial time left out, since they cannot feed back), each named
 * R (reinforcing: an even number of negative links), B (balancing: odd) or U (undetermined: some
 * link's sign depends on values), numbered in rank order: shortest first, then by the stocks
 * they pass through. Every elementary cycle is its own loop: two loops over the same variables in
 * another order have other links and other loop scores (the three-party arms race of Eberlein and
 * Schoenberg 2020 has 8 loops, two of them over the same six variables, each with its own role);
 * `fold: true` lists such loops once, with the number of variants, for reading. Loops that pass through the same set of
 * stocks with the same polarity form one family: large models have many near-identical variants
 * of one mechanism, differing only in the auxiliaries between the stocks.
 *
 * Large models have more elementary cycles than anyone can read (the count grows exponentially
 * with the links). When there are more than `limit`, the report lists instead the shortest loop
 * through each link that lies on a cycle (found by breadth-first search), without repeats: every
 * feedback link appears in at least one listed loop, shortest first, as modelers read a model
 * (Oliva's "shortest independent loop set" follows the same idea).
 */
import type { CausalGraph, CausalLink } from './causal-graph.js';
import { findLoops } from './cycles.js';
import { mulSigns, type Sign } from './polarity.js';
import { cycleKey } from './strongest-loops.js';

export type LoopPolarity = 'R' | 'B' | 'U';

export interface FeedbackLoop {
  /** R1, B2, U3 …: polarity and rank. */
  id: string;
  polarity: LoopPolarity;
  /** Variable keys in causal order, starting at the loop's first stock in model order when it has one. */
  variables: string[];
  /** The links, `links[i]` from variables[i] to variables[i+1] (the last closes the loop). */
  links: CausalLink[];
  /** Stocks on the loop, in loop order. */
  stocks: string[];
  /** Index of the loop's family in `LoopReport.families`. */
  family: number;
  /** How many loops over this same set of variables were folded into this one (1: none; only with `fold`). */
  variants: number;
}

export interface LoopFamily {
  polarity: LoopPolarity;
  stocks: string[];
  /** Ids of the loops in the family. */
  loops: string[];
}

export interface LoopReport {
  loops: FeedbackLoop[];
  families: LoopFamily[];
  /**
   * True when the model has more than `limit` loops: `loops` then holds the shortest loop
   * through each feedback link instead of every loop.
   */
  truncated: boolean;
  /**
   * 'all' elementary loops, the 'shortest-per-link' set, or the 'strongest-path' loops found from
   * the link scores of a run (Eberlein and Schoenberg 2020), as loop dominance does above the limit.
   */
  method: 'all' | 'shortest-per-link' | 'strongest-path';
  limit: number;
}

function polarityOf(links: CausalLink[]): LoopPolarity {
  const s = links.reduce<Sign>((acc, l) => mulSigns(acc, l.polarity), '+');
  return s === '+' ? 'R' : s === '-' ? 'B' : 'U';
}

function feedbackEdges(graph: CausalGraph): { edges: Map<string, string[]>; link: Map<string, CausalLink> } {
  const edges = new Map<string, string[]>();
  const link = new Map<string, CausalLink>();
  for (const l of graph.links) {
    if (l.initialOnly) continue;
    if (!edges.has(l.from)) edges.set(l.from, []);
    edges.get(l.from)!.push(l.to);
    link.set(`${l.from}\u0000${l.to}`, l);
  }
  return { edges, link };
}

/** Enumerates, classifies and ranks the feedback loops of a causal graph. */
export function feedbackLoops(graph: CausalGraph, options: { limit?: number; fold?: boolean } = {}): LoopReport {
  const limit = options.limit ?? 2000;
  const { edges, link } = feedbackEdges(graph);
  const all = findLoops(edges, limit + 1);
  const truncated = all.truncated || all.loops.length > limit;
  const cycles = truncated ? shortestLoopPerLink(edges) : all.loops;
  return classify(graph, cycles, link, { fold: options.fold, truncated, limit, method: truncated ? 'shortest-per-link' : 'all' });
}

/**
 * A report over loops found some other way (each a cycle of variable keys in causal order), e.g.
 * by the strongest-path search of loop dominance.
 */
export function loopReportFrom(graph: CausalGraph, cycles: string[][], method: LoopReport['method'], limit: number): LoopReport {
  return classify(graph, cycles, feedbackEdges(graph).link, { truncated: true, limit, method });
}

function classify(graph: CausalGraph, cycles: string[][], link: Map<string, CausalLink>, options: { fold?: boolean; truncated: boolean; limit: number; method: LoopReport['method'] }): LoopReport {
  const { truncated, limit, method } = options;
  const order = new Map([...graph.nodes.keys()].map((k, i) => [k, i]));
  const raw = cycles.map((cycle) => {
    // Start at the first stock in model order (or keep the canonical start).
    let start = 0;
    let best = Infinity;
    cycle.forEach((k, i) => {
      if (graph.nodes.get(k)?.kind === 'stock' && order.get(k)! < best) {
        best = order.get(k)!;
        start = i;
      }
    });
    const variables = [...cycle.slice(start), ...cycle.slice(0, start)];
    const links = variables.map((v, i) => link.get(`${v}\u0000${variables[(i + 1) % variables.length]}`)!);
    const stocks = variables.filter((v) => graph.nodes.get(v)?.kind === 'stock');
    return { variables, links, stocks, polarity: polarityOf(links) };
  });
  raw.sort(
    (a, b) =>
      a.variables.length - b.variables.length ||
      a.stocks.length - b.stocks.length ||
      a.variables.join('\u0001').localeCompare(b.variables.join('\u0001')),
  );
  // With `fold`, one loop per set of variables: the first in rank order stands for the others.
  const bySet = new Map<string, { variants: number }>();
  const unique: (typeof raw[number] & { variants: number })[] = [];
  for (const r of raw) {
    const set = options.fold ? [...r.variables].sort().join('\u0001') : r.variables.join('\u0001');
    const kept = bySet.get(set);
    if (kept) {
      kept.variants++;
      continue;
    }
    const u = { ...r, variants: 1 };
    bySet.set(set, u);
    unique.push(u);
  }

  const families: LoopFamily[] = [];
  const familyIndex = new Map<string, number>();
  const counters: Record<LoopPolarity, number> = { R: 0, B: 0, U: 0 };
  const loops = unique.map((r) => {
    const id = `${r.polarity}${++counters[r.polarity]}`;
    const stockSet = [...r.stocks].sort().join('\u0001');
    const fkey = `${r.polarity}|${stockSet}|${r.stocks.length === 0 ? [...r.variables].sort().join('\u0001') : ''}`;
    let family = familyIndex.get(fkey);
    if (family === undefined) {
      family = families.length;
      familyIndex.set(fkey, family);
      families.push({ polarity: r.polarity, stocks: r.stocks, loops: [] });
    }
    families[family]!.loops.push(id);
    return { id, ...r, family };
  });
  return { loops, families, truncated, limit, method };
}

/** The shortest cycle through each link (u → v): the link plus a shortest path v ⇝ u; no repeats. */
function shortestLoopPerLink(edges: Map<string, string[]>): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const [u, tos] of edges) {
    for (const v of tos) {
      // Breadth-first search from v back to u.
      const prev = new Map<string, string>([[v, v]]);
      const queue = [v];
      let found = v === u;
      for (let i = 0; i < queue.length && !found; i++) {
        const x = queue[i]!;
        for (const y of edges.get(x) ?? []) {
          if (prev.has(y)) continue;
          prev.set(y, x);
          if (y === u) {
            found = true;
            break;
          }
          queue.push(y);
        }
      }
      if (!found) continue;
      const path = [u];
      for (let x = u; x !== v; ) {
        x = prev.get(x)!;
        path.push(x);
      }
      // path = u, …, v backwards: the cycle in causal order is u → v → … → u.
      const cycle = [u, ...path.slice(1).reverse()];
      const { key, cycle: canon } = cycleKey(cycle);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(canon);
    }
  }
  return out;
}
