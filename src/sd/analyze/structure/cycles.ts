/**
 * Feedback loops of a model: the elementary cycles of its variable graph (cause → effect),
 * found with Johnson's algorithm, stopping at a count limit so that large models stay responsive.
 */

export interface LoopSearch {
  /** Each loop as variable keys in causal order, starting from its smallest key. */
  loops: string[][];
  /** True when the limit stopped the search before every loop was found. */
  truncated: boolean;
}

/** Strongly connected components (Tarjan), each as a list of node indexes. */
function components(n: number, adj: number[][], allowed: (v: number) => boolean): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  // Iterative DFS to stay safe on long chains.
  for (let root = 0; root < n; root++) {
    if (!allowed(root) || index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      const next = adj[v]!;
      if (i < next.length) {
        top[1] = i + 1;
        const w = next[i]!;
        if (!allowed(w)) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
      } else {
        work.pop();
        if (work.length > 0) {
          const u = work[work.length - 1]![0];
          low[u] = Math.min(low[u]!, low[v]!);
        }
        if (low[v] === index[v]) {
          const comp: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            comp.push(w);
          } while (w !== v);
          out.push(comp);
        }
      }
    }
  }
  return out;
}

/**
 * Elementary cycles of a directed graph given as `edges[from] = [to, …]` over string keys.
 * Self-loops count as loops of length one.
 */
export function findLoops(edges: ReadonlyMap<string, readonly string[]>, limit = 500): LoopSearch {
  const keys = [...new Set([...edges.keys(), ...[...edges.values()].flat()])].sort();
  const id = new Map(keys.map((k, i) => [k, i]));
  const n = keys.length;
  const adj: number[][] = keys.map(() => []);
  for (const [from, tos] of edges) for (const to of tos) adj[id.get(from)!]!.push(id.get(to)!);
  for (const a of adj) a.sort((x, y) => x - y);

  const loops: string[][] = [];
  const blocked = new Uint8Array(n);
  const blockMap: Set<number>[] = keys.map(() => new Set());
  const path: number[] = [];
  let truncated = false;

  const unblock = (u: number) => {
    const todo = [u];
    while (todo.length > 0) {
      const x = todo.pop()!;
      if (!blocked[x]) continue;
      blocked[x] = 0;
      for (const w of blockMap[x]!) todo.push(w);
      blockMap[x]!.clear();
    }
  };

  // Johnson: for each start s (in order), search cycles through s in the SCC of nodes ≥ s.
  for (let s = 0; s < n && !truncated; s++) {
    const comps = components(n, adj, (v) => v >= s);
    const comp = comps.find((c) => c.includes(s));
    if (!comp) continue;
    const inComp = new Uint8Array(n);
    for (const v of comp) inComp[v] = 1;
    if (comp.length === 1 && !adj[s]!.includes(s)) continue;
    for (const v of comp) {
      blocked[v] = 0;
      blockMap[v]!.clear();
    }
    // Depth-first circuit search, iterative: frames of (node, next edge index, found a cycle).
    const frames: { v: number; i: number; found: boolean }[] = [{ v: s, i: 0, found: false }];
    path.push(s);
    blocked[s] = 1;
    while (frames.length > 0 && !truncated) {
      const f = frames[frames.length - 1]!;
      const next = adj[f.v]!;
      if (f.i < next.length) {
        const w = next[f.i++]!;
        if (!inComp[w]) continue;
        if (w === s) {
          loops.push(path.map((x) => keys[x]!));
          f.found = true;
          if (loops.length >= limit) truncated = true;
        } else if (!blocked[w]) {
          frames.push({ v: w, i: 0, found: false });
          path.push(w);
          blocked[w] = 1;
        }
      } else {
        frames.pop();
        path.pop();
        if (f.found) unblock(f.v);
        else for (const w of next) if (inComp[w]) blockMap[w]!.add(f.v);
        if (frames.length > 0 && f.found) frames[frames.length - 1]!.found = true;
      }
    }
    path.length = 0;
  }
  return { loops, truncated };
}
