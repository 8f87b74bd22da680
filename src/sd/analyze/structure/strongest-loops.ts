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

/** A cycle turned to start at the member whose name is smallest (the first such one). */
function fromSmallest<T>(cycle: readonly T[], name: (x: T) => string): T[] {
  let m = 0;
  cycle.forEach((x, i) => {
    if (name(x) < name(cycle[m]!)) m = i;
  });
  return [...cycle.slice(m), ...cycle.slice(0, m)];
}

/** Canonical rotation of a cycle (smallest key first), to recognise a loop found twice. */
export function cycleKey(cycle: readonly string[]): { key: string; cycle: string[] } {
  const canon = fromSmallest(cycle, (k) => k);
  return { key: canon.join('\u0000'), cycle: canon };
}

/**
 * The links of a search by node number, fixed over the times searched: node i's links are
 * `to[start[i]]` … `to[start[i + 1] − 1]`, in their given order. Searching many times then
 * weighs the same links again (a Float64Array) instead of building a graph of objects per time,
 * which lived long enough to be moved to the old generation and held memory until a full GC.
 */
export interface LinkIndex {
  names: string[];
  index: Map<string, number>;
  start: Int32Array;
  to: Int32Array;
}

/** The index of `links` (each node's links in their given order), nodes numbered as first met. */
export function indexLinks(links: Iterable<readonly [string, Iterable<string>]>): LinkIndex {
  const index = new Map<string, number>();
  const names: string[] = [];
  const idOf = (v: string) => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = names.push(v) - 1));
    return i;
  };
  const from: number[] = [];
  const toList: number[][] = [];
  for (const [f, tos] of links) {
    const id = idOf(f);
    from.push(id);
    toList.push([...tos].map(idOf));
  }
  const size = names.length;
  const count = new Int32Array(size + 1);
  from.forEach((f, j) => (count[f + 1]! += toList[j]!.length));
  for (let i = 0; i < size; i++) count[i + 1]! += count[i]!;
  const start = count;
  const to = new Int32Array(start[size]!);
  const fill = start.slice(0, size);
  from.forEach((f, j) => {
    for (const t of toList[j]!) to[fill[f]!++] = t;
  });
  return { names, index, start, to };
}

/**
 * A cycle's node numbers turned to start at its smallest name, as `cycleKey` turns its names (the
 * same loop, the same rotation), and its key: the numbers, far shorter than the names (a search
 * holding thousands of long loops, FeliX v25 through its smooths' stocks: about 5 KB of names each).
 */
export function cycleIds(path: readonly number[], names: readonly string[]): { key: string; ids: number[] } {
  const ids = fromSmallest(path, (x) => names[x]!);
  return { key: ids.join(','), ids };
}

/**
 * The strongest-path search over indexed links, `weights[j]` the weight of link j (`links.to[j]`),
 * from each of `targets` (node numbers; −1: none). `onCycle` gets each path back to its target
 * (node numbers, from the target; the array is the search's own, to be copied if kept), and ends
 * the whole search when it returns true.
 */
export function searchCycles(links: LinkIndex, weights: Float64Array, targets: readonly number[], budget: number, onCycle: (path: readonly number[]) => boolean): { exhausted: boolean; stopped?: boolean } {
  const { start, to } = links;
  const size = links.names.length;
  // Each node's links with weight > 0, strongest first (equal weights in their given order):
  // link numbers in order[start[v]] … order[start[v] + count[v] − 1].
  const order = new Int32Array(to.length);
  const count = new Int32Array(size);
  const byWeight = (a: number, b: number) => weights[b]! - weights[a]! || a - b;
  for (let v = 0; v < size; v++) {
    let c = 0;
    for (let j = start[v]!; j < start[v + 1]!; j++) if (weights[j]! > 0) order[start[v]! + c++] = j;
    count[v] = c;
    if (c > 1) order.subarray(start[v]!, start[v]! + c).sort(byWeight);
  }
  // The best score product a path reached each node with (0: not reached; scores are > 0).
  const best = new Float64Array(size);
  const visiting = new Uint8Array(size);
  const stack: number[] = [];
  let exhausted = false;
  let stopped = false as boolean;
  for (const target of targets) {
    if (target < 0) continue;
    best.fill(0);
    let visits = 0;
    const visit = (v: number, score: number): void => {
      if (stopped) return;
      if (visiting[v]) {
        if (v === target) stopped = onCycle(stack);
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
      for (let i = start[v]!, end = start[v]! + count[v]!; i < end; i++) {
        const j = order[i]!;
        visit(to[j]!, score * weights[j]!);
      }
      visiting[v] = 0;
      stack.pop();
    };
    visit(target, 1);
    if (stopped) break;
  }
  return { exhausted, ...(stopped && { stopped }) };
}
