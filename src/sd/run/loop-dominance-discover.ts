/**
 * The strongest-path search of loop dominance (loop-dominance.ts) over the times of a run, held to
 * what the loop scores may keep. A search at one time does not depend on the other times (each
 * starts afresh, strongest-loops.ts), so the loops found are the union over the times, listed by
 * the first time (in time order) that finds each, in that time's order of discovery. The times
 * are searched spread out (the first, the middle, the quarters …): nearby times find mostly the
 * same loops, so a search with more loops than fit passes the limit after few times, and stops
 * there (its loops cannot be used); one that fits searches every time, with the same loops in the
 * same order as searching them one after the other.
 */
import { cycleIds, indexLinks, searchCycles } from '../analyze/structure/strongest-loops.js';

export interface DiscoveredLoops {
  /** Each loop's keys from its smallest, in the order described above. */
  loops: string[][];
  /** True when a search stopped at its visit budget. */
  exhausted: boolean;
  /** Present when the loops and the search's own paths need more than `maxValues`: loops found when it stopped, after how many of how many times. */
  /** Where it stopped: loops found, times searched of all, and the values they cost (scores and path keys). */
  over?: { found: number; times: number; of: number; values: number };
}

/**
 * `count` indices 0 … count − 1 spread out: 0, then by halving the gaps (bit-reversed order of
 * the next power of two, leaving out those past the end).
 */
export function spreadOrder(count: number): number[] {
  let bits = 0;
  while (1 << bits < count) bits++;
  const out: number[] = [];
  for (let i = 0; i < 1 << bits; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b);
    if (r < count) out.push(r);
  }
  return out;
}

/**
 * Strongest-path loops over `links` at `samples` times spread evenly over `n` steps. A loop costs
 * `perLoop` values (its scores) plus one per key (the search holds its path); when the loops
 * found cost more than `maxValues` the search stops, returning `over`, so that the caller refuses
 * (or searches otherwise) before allocating.
 */
export function discoverLoops(
  links: ReadonlyMap<string, ReadonlySet<string>>,
  isNode: (v: string) => boolean,
  isStock: (v: string) => boolean,
  weight: (from: string, to: string, k: number) => number,
  n: number,
  samples: number,
  perLoop: number,
  maxValues: number,
): DiscoveredLoops {
  const step = Math.max(1, Math.floor(n / Math.max(1, samples)));
  const times = Math.ceil(n / step);
  // The links searched, indexed once; each time only weighs them again (strongest-loops.ts).
  const index = indexLinks([...links].map(([from, tos]) => [from, [...tos].filter(isNode)] as const));
  const { names } = index;
  const stocks = [...links.keys()].filter((v) => isNode(v) && isStock(v)).map((v) => index.index.get(v)!);
  const weights = new Float64Array(index.to.length);
  // Each loop's first time (its index in time order), its place among that time's loops and its
  // nodes by number (names only for the loops returned): one record for all the times. A loop
  // found again at the same time (from another stock) changes nothing: its place is its first.
  const first = new Map<string, { time: number; at: number; ids: Int32Array }>();
  const cycles = (records: Iterable<{ ids: Int32Array }>) => [...records].map((f) => Array.from(f.ids, (x) => names[x]!));
  let values = 0;
  let exhausted = false;
  let done = 0;
  for (const t of spreadOrder(times)) {
    const k = t * step;
    // In the links' own order, as they were weighed when each time built its graph.
    for (const from of links.keys()) {
      const v = index.index.get(from)!;
      for (let j = index.start[v]!; j < index.start[v + 1]!; j++) weights[j] = weight(from, names[index.to[j]!]!, k);
    }
    let at = 0;
    const found = searchCycles(index, weights, stocks, 200_000, (path) => {
      const { key, ids } = cycleIds(path, names);
      const was = first.get(key);
      if (!was) {
        first.set(key, { time: t, at, ids: Int32Array.from(ids) });
        values += perLoop + ids.length;
      } else if (was.time > t) {
        // An earlier time finds it again: only its place changes (a new record would leave the
        // old one, long-lived, to a full GC).
        was.time = t;
        was.at = at;
      }
      at++;
      return values > maxValues;
    });
    exhausted ||= found.exhausted;
    done++;
    if (found.stopped) return { loops: cycles(first.values()), exhausted, over: { found: first.size, times: done, of: times, values } };
  }
  return { loops: cycles([...first.values()].sort((a, b) => a.time - b.time || a.at - b.at)), exhausted };
}
