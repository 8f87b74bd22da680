/**
 * Feedback loops of a model with their polarity: the elementary cycles of the causal graph
 * (links that act only at the initial time left out, since they cannot feed back), each named
 * R (reinforcing: an even number of negative links), B (balancing: odd) or U (undetermined: some
 * link's sign depends on values), numbered in rank order: shortest first, then by the stocks
 * they pass through. Loops that pass through the same stocks in the same order with the same
 * polarity form one family; large models have many near-identical variants of one mechanism.
 */
import type { CausalGraph, CausalLink } from './causal-graph.js';
import { findLoops } from './cycles.js';
import { mulSigns, type Sign } from './polarity.js';

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
  /** True when the search stopped at `limit` before every loop was found. */
  truncated: boolean;
  limit: number;
}

function polarityOf(links: CausalLink[]): LoopPolarity {
  const s = links.reduce<Sign>((acc, l) => mulSigns(acc, l.polarity), '+');
  return s === '+' ? 'R' : s === '-' ? 'B' : 'U';
}

/** Enumerates, classifies and ranks the feedback loops of a causal graph. */
export function feedbackLoops(graph: CausalGraph, options: { limit?: number } = {}): LoopReport {
  const limit = options.limit ?? 2000;
  const edges = new Map<string, string[]>();
  const link = new Map<string, CausalLink>();
  for (const l of graph.links) {
    if (l.initialOnly) continue;
    if (!edges.has(l.from)) edges.set(l.from, []);
    edges.get(l.from)!.push(l.to);
    link.set(`${l.from}\u0000${l.to}`, l);
  }
  const order = new Map([...graph.nodes.keys()].map((k, i) => [k, i]));
  const { loops: cycles, truncated } = findLoops(edges, limit);

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

  const families: LoopFamily[] = [];
  const familyIndex = new Map<string, number>();
  const counters: Record<LoopPolarity, number> = { R: 0, B: 0, U: 0 };
  const loops = raw.map((r) => {
    const id = `${r.polarity}${++counters[r.polarity]}`;
    const fkey = `${r.polarity}|${r.stocks.join('\u0001')}|${r.stocks.length === 0 ? r.variables.join('\u0001') : ''}`;
    let family = familyIndex.get(fkey);
    if (family === undefined) {
      family = families.length;
      familyIndex.set(fkey, family);
      families.push({ polarity: r.polarity, stocks: r.stocks, loops: [] });
    }
    families[family]!.loops.push(id);
    return { id, ...r, family };
  });
  return { loops, families, truncated, limit };
}
