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
 * whose key is in `seen` (which the new ones are added to).
 */
export function strongestLoops(out: ReadonlyMap<string, readonly WeightedLink[]>, stocks: readonly string[], seen: Set<string>, budget = 200_000): StrongestLoops {
  const sorted = new Map<string, WeightedLink[]>();
  for (const [from, links] of out) sorted.set(from, links.filter((l) => l.weight > 0).sort((a, b) => b.weight - a.weight));
  const loops: string[][] = [];
  let exhausted = false;
  for (const target of stocks) {
    const best = new Map<string, number>();
    const visiting = new Set<string>();
    const stack: string[] = [];
    let visits = 0;
    const visit = (v: string, score: number): void => {
      if (visiting.has(v)) {
        if (v === target) {
          const { key, cycle } = cycleKey(stack);
          if (!seen.has(key)) {
            seen.add(key);
            loops.push(cycle);
          }
        }
        return;
      }
      if (score < (best.get(v) ?? 0)) return;
      if (++visits > budget) {
        exhausted = true;
        return;
      }
      best.set(v, score);
      visiting.add(v);
      stack.push(v);
      for (const l of sorted.get(v) ?? []) visit(l.to, score * l.weight);
      visiting.delete(v);
      stack.pop();
    };
    visit(target, 1);
  }
  return { loops, exhausted };
}
