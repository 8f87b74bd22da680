/**
 * Cycle partitions of a set of feedback loops: loops joined, directly or through other loops, by
 * a shared variable. Loops That Matter compares loop scores only within one partition (Schoenberg,
 * Davidsen and Eberlein 2020, eq. 4: the relative loop score divides by the sum over the loops of
 * the same cycle partition); a model whose stocks fall into independent feedback groups has one
 * dominance profile per group.
 */

/** Partition index of each loop (0, 1, … in order of first appearance). */
export function cyclePartitions(loops: readonly { variables: readonly string[] }[]): number[] {
  const parent = loops.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  loops.forEach((loop, i) => {
    for (const v of loop.variables) {
      const j = owner.get(v);
      if (j === undefined) owner.set(v, i);
      else parent[find(i)] = find(j);
    }
  });
  const index = new Map<number, number>();
  return loops.map((_, i) => {
    const root = find(i);
    if (!index.has(root)) index.set(root, index.size);
    return index.get(root)!;
  });
}
