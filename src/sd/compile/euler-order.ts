/**
 * The order of Euler's update done in place: each stock becomes `stock += dt × rate` as soon as no
 * rate still to be evaluated reads its old value, so the rates need no array of their own and the
 * update no second pass over it.
 *
 * Edges: a rate that reads another stock must be evaluated before that stock changes. Stocks are
 * taken in their given order whenever the edges allow it (so the elements of an array stay
 * together and still become one loop). A cycle of rates reading each other's stocks cannot all be
 * in place: when no stock is free, the first remaining one is deferred: its rate goes into `d`
 * where it stands and its stock is updated after every other.
 */
export interface EulerStep {
  /** Index into the stock list. */
  k: number;
  /** true: the rate goes to `d[k]` now, the stock is updated at the end (see `deferred`). */
  deferred: boolean;
}

export interface EulerPlan {
  /** Rates in evaluation order; in place unless `deferred`. */
  steps: EulerStep[];
  /** Stocks updated from `d` after all rates, in this order. */
  deferred: number[];
}

/**
 * `reads[k]`: the stock indices (into the same list) whose values rate k reads; a stock's own index
 * may appear (reading its own old value is fine: the rate is evaluated before the write).
 */
export function eulerOrder(reads: readonly (readonly number[])[]): EulerPlan {
  const n = reads.length;
  // Per stock, how many other rates that read it are still to be evaluated.
  const pending = new Int32Array(n);
  // Per rate, the other stocks it reads (each once).
  const others: number[][] = [];
  for (let k = 0; k < n; k++) {
    const js = [...new Set(reads[k])].filter((j) => j !== k);
    for (const j of js) pending[j]!++;
    others.push(js);
  }
  const heap = new MinHeap();
  for (let k = 0; k < n; k++) if (pending[k] === 0) heap.push(k);
  const done = new Uint8Array(n);
  const steps: EulerStep[] = [];
  const deferred: number[] = [];
  let scan = 0;
  const evaluate = (k: number, isDeferred: boolean) => {
    done[k] = 1;
    steps.push({ k, deferred: isDeferred });
    for (const j of others[k]!) if (--pending[j]! === 0 && !done[j]) heap.push(j);
  };
  while (steps.length < n) {
    const k = heap.pop();
    if (k !== undefined) {
      if (!done[k]) evaluate(k, false);
      continue;
    }
    // A cycle: defer the first stock not yet evaluated.
    while (done[scan]) scan++;
    deferred.push(scan);
    evaluate(scan, true);
  }
  deferred.sort((a, b) => a - b);
  return { steps, deferred };
}

/** A binary min-heap of integers: the free stock that comes first in the given order. */
class MinHeap {
  private readonly a: number[] = [];

  push(x: number): void {
    const a = this.a;
    let i = a.length;
    a.push(x);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= x) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = x;
  }

  pop(): number | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1]! < a[l]! ? l + 1 : l;
        if (a[c]! >= last) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
