/**
 * Ranking of feedback loops for reading: by their share of the behaviour where loop dominance was
 * computed (largest first), then by length (shortest first), as the structural report numbers them.
 */
import type { FeedbackLoop, LoopPolarity, LoopReport } from './feedback-loops.js';

export interface LoopCounts {
  loops: number;
  R: number;
  B: number;
  U: number;
  families: number;
  /** Loops with a dominance share (0 when dominance was not computed). */
  scored: number;
}

/**
 * The loops in reading order: scored loops by share (ties by length), then the rest by length.
 * `shares` maps loop ids to their share of the behaviour (mean |relative loop score|).
 */
export function rankLoops(loops: readonly FeedbackLoop[], shares?: ReadonlyMap<string, number>): FeedbackLoop[] {
  const rank = new Map(loops.map((l, i) => [l.id, i]));
  const share = (l: FeedbackLoop) => shares?.get(l.id);
  return [...loops].sort((a, b) => {
    const sa = share(a);
    const sb = share(b);
    if (sa !== undefined && sb !== undefined && sa !== sb) return sb - sa;
    if (sa !== undefined && sb === undefined) return -1;
    if (sb !== undefined && sa === undefined) return 1;
    return a.variables.length - b.variables.length || rank.get(a.id)! - rank.get(b.id)!;
  });
}

export function loopCounts(report: Pick<LoopReport, 'loops' | 'families'>, shares?: ReadonlyMap<string, number>): LoopCounts {
  const by: Record<LoopPolarity, number> = { R: 0, B: 0, U: 0 };
  for (const l of report.loops) by[l.polarity]++;
  const scored = shares ? report.loops.filter((l) => shares.has(l.id)).length : 0;
  return { loops: report.loops.length, ...by, families: report.families.length, scored };
}
