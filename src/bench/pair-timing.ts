/**
 * Times our engine against the peer in one process, repetition after repetition, so that a
 * change in the machine's load touches both sides of a ratio alike. Each repetition times the
 * peer, then our run returning new arrays, then our run writing into the previous result.
 *
 * Like for like: the peer's runner writes every run into one output buffer allocated at its first
 * run, so it allocates nothing per run; our run with `into` does the same. A run returning new
 * arrays also allocates (and the collector later frees) one value per saved point, work the peer
 * does not do: that ratio is shown beside the headline, with the bytes and page faults behind it.
 */

export interface Timed {
  /** Mean ms per call. */
  ms: number;
  /** Minor page faults per call (memory the allocator had to take from the system again). */
  faults: number;
}

/** Mean per call after warm-up: repeats until `minMs` of timed work or `maxRuns` calls. */
export function timeRuns(fn: () => unknown, warmup = 10, minMs = 2000, maxRuns = 300): Timed {
  for (let i = 0; i < warmup; i++) fn();
  let n = 0;
  const faults0 = process.resourceUsage().minorPageFault;
  const t0 = performance.now();
  while (n < maxRuns && (n < 3 || performance.now() - t0 < minMs)) {
    fn();
    n++;
  }
  const ms = (performance.now() - t0) / n;
  return { ms, faults: (process.resourceUsage().minorPageFault - faults0) / n };
}

export interface PairTiming {
  /** Medians over the repetitions (ms per run). */
  oursMs: number;
  oursReuseMs: number;
  peerMs?: number;
  /** Ratios per repetition (ours / peer within the repetition). */
  ratios: number[];
  reuseRatios: number[];
  /** Page faults per run, medians: ours with new arrays, ours reusing them. */
  oursFaults: number;
  reuseFaults: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** `reps` interleaved repetitions of peer, ours (new arrays), ours (arrays reused). */
export function timePair(ours: () => unknown, oursReuse: () => unknown, peer: (() => unknown) | undefined, reps: number): PairTiming {
  const o: Timed[] = [];
  const u: Timed[] = [];
  const p: number[] = [];
  for (let r = 0; r < reps; r++) {
    if (peer) p.push(timeRuns(peer).ms);
    o.push(timeRuns(ours));
    u.push(timeRuns(oursReuse));
  }
  return {
    oursMs: median(o.map((t) => t.ms)),
    oursReuseMs: median(u.map((t) => t.ms)),
    peerMs: peer ? median(p) : undefined,
    ratios: peer ? o.map((t, i) => t.ms / p[i]!) : [],
    reuseRatios: peer ? u.map((t, i) => t.ms / p[i]!) : [],
    oursFaults: median(o.map((t) => t.faults)),
    reuseFaults: median(u.map((t) => t.faults)),
  };
}

/** `0.31` for one repetition, `0.31 (0.28–0.35)` for several: the ratio of the medians, then the per-repetition range. */
export function ratioText(ratios: readonly number[], oursMs: number, peerMs: number | undefined): string {
  if (peerMs === undefined || ratios.length === 0) return '—';
  const mid = (oursMs / peerMs).toFixed(2);
  if (ratios.length === 1) return mid;
  return `${mid} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}
