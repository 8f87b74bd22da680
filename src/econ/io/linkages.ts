/**
 * Backward and forward linkages (Rasmussen 1956; Miller & Blair 2009 section 12.2):
 * backward_j = n·(column sum j of L) / (sum of L), forward_i = n·(row sum i of L) / (sum of L),
 * and the supply-side forward index from the Ghosh inverse G = x̂⁻¹·L·x̂ (row sums of G, normalised
 * the same way), which Miller & Blair prefer for forward linkages. A key sector has both its
 * backward and its (Leontief) forward index above 1.
 */
import type { LeontiefModel } from './leontief.js';

export interface Linkages {
  sectors: string[];
  backward: number[];
  forward: number[];
  forwardGhosh: number[];
  keySector: boolean[];
  /** 'key', 'backward' (strong backward only), 'forward' (strong forward only) or 'weak'. */
  class: ('key' | 'backward' | 'forward' | 'weak')[];
}

const normalise = (v: number[]): number[] => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return v.map((x) => x / mean);
};

export function linkages(model: LeontiefModel): Linkages {
  const n = model.n;
  const colSums = model.rowTimesInverse(new Array<number>(n).fill(1));
  const rowSums = model.outputFor(new Array<number>(n).fill(1));
  const ghoshRows = model.outputFor(model.x).map((v, i) => v / model.x[i]);
  const backward = normalise(colSums);
  const forward = normalise(rowSums);
  const forwardGhosh = normalise(ghoshRows);
  const cls = backward.map((b, i) => (b > 1 && forward[i] > 1 ? 'key' : b > 1 ? 'backward' : forward[i] > 1 ? 'forward' : 'weak') as Linkages['class'][number]);
  return { sectors: model.sectors, backward, forward, forwardGhosh, keySector: cls.map((c) => c === 'key'), class: cls };
}
