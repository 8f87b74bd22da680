/**
 * Loop discovery by strongest paths, for models with more loops than can be listed (Eberlein and
 * Schoenberg 2020, "Finding the loops that matter"): at one time, with every link weighted by
 * the absolute value of its link score, a depth-first search from each stock follows the links
 * strongest first, and drops a path that reaches a variable with a smaller score product than an
 * earlier path reached it with; a path back to the stock is a loop. Repeated at several times of
 * a run, it collects the loops that carry the behaviour at some time. It is a heuristic: a loop
 * whose first part is weaker than another path to the same variable can be missed (the paper's
 * figure 7); the paper found all 19 loops of the market growth model and most of the strongest
 * of larger ones this way.
 *
 * Links scored 0 are not followed (a loop through one scores 0). `budget` bounds the variables
 * visited in one search, so that a pathological graph stays responsive; `exhausted` says so.
 */

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

/** Canonical rotation of a cycle (smallest key first), to recognise a loop found twice. */
export function cycleKey(cycle: readonly string[]): { key: string; cycle: string[] } {
  let m = 0;
  cycle.forEach((k, i) => {
    if (k < cycle[m]!) m = i;
  });
  const canon = [...cycle.slice(m), ...cycle.slice(0, m)];
  return { key: canon.join('\u0000'), cycle: canon };
}

/**
 * Loops found from each of `stocks` over the links `out` (weights at one time), skipping those
 * whose key is in `seen` (which the new ones are added to). `stop`, called with each new loop,
 * ends the whole search when it returns true (a caller that can use no more loops).
 */
export function strongestLoops(out: ReadonlyMap<string, readonly WeightedLink[]>, stocks: readonly string[], seen: Set<string>, budget = 200_000, stop?: (key: string, cycle: string[]) => boolean): StrongestLoops {
  // Nodes by index (the search visits millions of times on large models: arrays, not maps by key).
  const index = new Map<string, number>();
  const names: string[] = [];
  const idOf = (v: string) => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = names.push(v) - 1));
    return i;
  };
  const adjacency: { to: number; weight: number }[][] = [];
  for (const [from, links] of out) {
    const f = idOf(from);
    // Strongest first; a stable sort keeps equal weights in their given order.
    adjacency[f] = links
      .filter((l) => l.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .map((l) => ({ to: idOf(l.to), weight: l.weight }));
  }
  const targets = stocks.map(idOf);
  const size = names.length;
  // The best score product a path reached each node with (0: not reached; scores are > 0).
  const best = new Float64Array(size);
  const visiting = new Uint8Array(size);
  const stack: number[] = [];
  const loops: string[][] = [];
  let exhausted = false;
  let stopped = false as boolean;
  for (const target of targets) {
    best.fill(0);
    let visits = 0;
    const visit = (v: number, score: number): void => {
      if (stopped) return;
      if (visiting[v]) {
        if (v === target) {
          const { key, cycle } = cycleKey(stack.map((x) => names[x]!));
          if (!seen.has(key)) {
            seen.add(key);
            loops.push(cycle);
            stopped = stop?.(key, cycle) ?? false;
          }
        }
        return;
      }
      if (score < best[v]!) return;
      if (++visits > budget) {
        exhausted = true;
        return;
      }
      best[v] = score;
      visiting[v] = 1;
      stack.push(v);
      for (const l of adjacency[v] ?? []) visit(l.to, score * l.weight);
      visiting[v] = 0;
      stack.pop();
    };
    visit(target, 1);
    if (stopped) break;
  }
  return { loops, exhausted, ...(stopped && { stopped }) };
}
