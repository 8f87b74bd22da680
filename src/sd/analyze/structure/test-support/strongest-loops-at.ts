/**
 * Tests' one-time search by variable names (strongest-loops.ts does the search over node
 * numbers): the loops from each of `stocks` over weighted links at one time, as a reference for
 * the searches built on it (loop-dominance-discover.ts searches many times over one index).
 */
import { cycleKey, indexLinks, searchCycles } from '../strongest-loops.js';

export interface WeightedLink {
  to: string;
  /** |link score| at this time, > 0. */
  weight: number;
}

export interface StrongestLoops {
  /** New loops, each as variable keys in causal order from its smallest key. */
  loops: string[][];
  /** True when a search stopped at the visit budget. */
  exhausted: boolean;
  /** True when `stop` ended the search (the loops are then those found until then). */
  stopped?: boolean;
}

/**
 * Loops found from each of `stocks` over the links `out` (weights at one time), skipping those
 * whose key is in `seen` (which the new ones are added to). `stop`, called with each new loop,
 * ends the whole search when it returns true (a caller that can use no more loops).
 */
export function strongestLoops(out: ReadonlyMap<string, readonly WeightedLink[]>, stocks: readonly string[], seen: Set<string>, budget = 200_000, stop?: (key: string, cycle: string[]) => boolean): StrongestLoops {
  const links = indexLinks([...out].map(([from, ls]) => [from, ls.map((l) => l.to)] as const));
  const weights = Float64Array.from([...out.values()].flatMap((ls) => ls.map((l) => l.weight)));
  const loops: string[][] = [];
  const targets = stocks.map((v) => links.index.get(v) ?? -1);
  const found = searchCycles(links, weights, targets, budget, (path) => {
    const { key, cycle } = cycleKey(path.map((x) => links.names[x]!));
    if (seen.has(key)) return false;
    seen.add(key);
    loops.push(cycle);
    return stop?.(key, cycle) ?? false;
  });
  return { loops, ...found };
}
