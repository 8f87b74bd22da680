/**
 * What the explorer shows of a loop dominance result: each listed loop's share (its largest scored
 * path's, for one scored element by element: `B1[A1]`, or path by path through a smooth's or
 * delay's stocks: `U1.1`, `U1.2`), the loops ranked, and who dominates when. A period names the
 * scored path and, to link to it, the listed loop it belongs to.
 */
import { loopCounts, rankLoops, type LoopReport } from '../../sd/analyze/structure/index.js';
import { loopShares, type LoopDominance } from '../../sd/run/loop-dominance.js';
import type { DominanceSummary } from './protocol.js';

export function dominanceSummary(d: LoopDominance, report: LoopReport): DominanceSummary {
  const shares = loopShares(d.loops);
  const order = rankLoops(report.loops, shares).map((l) => l.id);
  const scored = loopCounts(report, shares).scored;
  const listedOf = new Map(d.loops.map((l) => [l.id, l.loop]));
  const periods = d.periods.map((p) => ({ from: p.from, to: p.to, loop: p.loop, listed: listedOf.get(p.loop) ?? p.loop }));
  // Listed loops none of whose element loops is scored (d.notScored also lists single element loops).
  return { shares: Object.fromEntries(shares), order, scored, notScored: report.loops.length - scored, periods };
}
