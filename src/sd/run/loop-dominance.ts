/**
 * Loop dominance by loop scores, the "Loops That Matter" method (Schoenberg, Davidsen and
 * Eberlein, System Dynamics Review 36(2), 2020; flow-to-stock links as corrected by Schoenberg,
 * Hayward and Eberlein, SDR 39(2), 2023), as Stella offers it:
 *
 * - link score of x → z, where z = f(x, y, …): |Δₓz / Δz| · sign(Δₓz / Δx), with
 *   Δₓz = f(x(t+dt), y(t), …) − z(t) the change z would have had if only x had changed; 0 when
 *   Δz or Δx is 0;
 * - a flow's link to its stock (2023, the default 'change'): the flow's change over the change
 *   in the stock's net flow, |Δᵢnet / Δnet|, with the sign of the flow (+ inflow, − outflow); it
 *   does not depend on whether flows are drawn apart or summed into one. The 2020 formula
 *   ('value': the flow's value over the net flow, |i / net|) is kept to reproduce that paper;
 * - loop score: the product of its link scores; relative loop score: the loop score over the sum
 *   of the absolute loop scores of the loops of its cycle partition (loops joined by shared
 *   variables), at each time. In each partition the loop whose relative score is largest in
 *   absolute value dominates the behaviour then; its sign says reinforcing or balancing.
 *
 * Times are labelled as Stella and the papers do: the score at t measures the change from t to
 * t + dt (the 2020 paper's Table 3 for the Bass model is reproduced this way to its 4 digits), so
 * the model is run one dt past its final time. Every step is saved; equations are re-evaluated
 * with mixed old/new inputs by a small evaluator (analyze/structure/partial-eval.ts). Loops
 * through arrayed variables, macros or stateful functions other than a stock's own INTEG are
 * listed as not scored, with the reason.
 */
import type { Equation, Expr, LookupTable, ModelIR } from '../ir/model.js';
import type { CausalGraph } from '../analyze/structure/causal-graph.js';
import { loopReportFrom, type FeedbackLoop, type LoopReport } from '../analyze/structure/feedback-loops.js';
import { cycleKey, strongestLoops, type WeightedLink } from '../analyze/structure/strongest-loops.js';
import { cyclePartitions } from '../analyze/structure/cycle-partitions.js';
import { evaluate, NotEvaluable, type EvalEnv } from '../analyze/structure/partial-eval.js';
import type { Model, RunOptions } from './types.js';

export interface ScoredLoop {
  id: string;
  polarity: FeedbackLoop['polarity'];
  variables: string[];
  /** Index of the loop's cycle partition: relative scores compare loops of one partition only. */
  partition: number;
  /** Loop score at each saved step, over the step from that time to the next. */
  score: Float64Array;
  /** Signed relative loop score in [−1, 1], within the loop's cycle partition. */
  relative: Float64Array;
  /** Mean of |relative| over the run: the loop's share of the behaviour. */
  share: number;
}

export interface DominancePeriod {
  /** The cycle partition this period belongs to (each partition has its own dominance profile). */
  partition: number;
  from: number;
  to: number;
  /** Id of the loop with the largest |relative score|. */
  loop: string;
}

export interface LoopDominance {
  time: Float64Array;
  loops: ScoredLoop[];
  notScored: { id: string; reason: string }[];
  /** Consecutive times with the same dominant loop, per cycle partition (partition, then time). */
  periods: DominancePeriod[];
  /** The loops scored when they were found from this run's link scores (strongest paths) instead of the given report. */
  report?: LoopReport;
  /** How many of `report`'s loops the strongest-path search found (the rest are listed shortest loops it missed). */
  searched?: number;
  /** True when a strongest-path search stopped at its visit budget (the loops found may miss some). */
  exhausted?: boolean;
  /** With the strongest-path search: why variables on feedback links cannot be scored (no loop through them is searched). */
  notSearched?: string[];
}

interface Definition {
  /** What to evaluate: the auxiliary's equation, or a stock's net rate. */
  expr: Expr;
  stock: boolean;
}

function definitions(ir: ModelIR): Map<string, Equation[]> {
  const m = new Map<string, Equation[]>();
  for (const eq of ir.equations) {
    if (!m.has(eq.lhs.name)) m.set(eq.lhs.name, []);
    m.get(eq.lhs.name)!.push(eq);
  }
  return m;
}

export interface DominanceOptions extends Pick<RunOptions, 'params' | 'start' | 'end'> {
  /** Flow-to-stock link score: 'change' (2023 correction, Stella 2.1+, default) or 'value' (2020 paper). */
  flowToStock?: 'change' | 'value';
  /** Find the loops from the run's link scores (strongest paths); default: when the report stopped at its limit. */
  discover?: boolean;
  /** Times of the run the strongest-path search looks at (evenly spread; default 200). */
  samples?: number;
}

/** Strongest-path loops over `links` at `samples` times spread evenly over `n` steps. */
function discoverLoops(links: Map<string, Set<string>>, def: (v: string) => Definition | undefined, weight: (from: string, to: string, k: number) => number, n: number, samples: number) {
  const stocks = [...links.keys()].filter((v) => def(v)?.stock);
  const seen = new Set<string>();
  const loops: string[][] = [];
  let exhausted = false;
  const step = Math.max(1, Math.floor(n / Math.max(1, samples)));
  for (let k = 0; k < n; k += step) {
    const out = new Map<string, WeightedLink[]>();
    for (const [from, tos] of links) {
      out.set(from, [...tos].filter((to) => def(to)).map((to) => ({ to, weight: weight(from, to, k) })));
    }
    const found = strongestLoops(out, stocks, seen);
    loops.push(...found.loops);
    exhausted ||= found.exhausted;
  }
  return { loops, exhausted };
}

/** Scores the loops of `report` over one run of `model`. */
export function loopDominance(model: Model, ir: ModelIR, graph: CausalGraph, report: LoopReport, options: DominanceOptions = {}): LoopDominance {
  const defs = definitions(ir);
  const lookups = new Map<string, LookupTable>();
  for (const eq of ir.equations) if (eq.kind === 'lookup' && eq.lookup) lookups.set(eq.lhs.name, eq.lookup);
  const outputs = new Set(model.outputNames.map((n) => n.toLowerCase().replace(/[_\s]+/g, ' ')));

  // The definition of each variable on a loop, or why it cannot be scored.
  const defOf = new Map<string, Definition>();
  const whyNot = new Map<string, string>();
  const probe: EvalEnv = { value: () => 1, time: 0, lookup: (n) => lookups.get(n) };
  const define = (v: string): string | undefined => {
    if (defOf.has(v) || whyNot.has(v)) return whyNot.get(v);
    const eqs = defs.get(v) ?? [];
    const eq = eqs[0];
    let reason: string | undefined;
    if (eqs.length !== 1 || !eq || eq.lhs.subs.length > 0 || !eq.expr) reason = `${graph.nodes.get(v)?.display ?? v} is arrayed or has no single equation`;
    else {
      const stock = eq.expr.kind === 'call' && eq.expr.fn === 'INTEG';
      const expr = stock ? (eq.expr as Extract<Expr, { kind: 'call' }>).args[0]! : eq.expr;
      try {
        evaluate(expr, probe);
        defOf.set(v, { expr, stock });
      } catch (e) {
        if (!(e instanceof NotEvaluable)) throw e;
        reason = `${graph.nodes.get(v)?.display ?? v}: ${e.message} is not scored`;
      }
    }
    if (reason) whyNot.set(v, reason);
    return reason;
  };
  const notScored: { id: string; reason: string }[] = [];
  let scorable: FeedbackLoop[] = [];
  // Above the enumeration limit the loops are found from the link scores of this run instead
  // (strongest paths, as Stella does): over every feedback link, i.e. the links of the
  // shortest-loop-per-link set, which holds each of them at least once; the scorable loops of
  // that set are added.
  const discover = options.discover ?? report.method === 'shortest-per-link';
  const feedbackLinks = new Map<string, Set<string>>();
  if (discover) {
    for (const loop of report.loops) {
      loop.variables.forEach((v, i) => {
        if (!feedbackLinks.has(v)) feedbackLinks.set(v, new Set());
        feedbackLinks.get(v)!.add(loop.variables[(i + 1) % loop.variables.length]!);
      });
    }
    for (const v of feedbackLinks.keys()) define(v);
  } else {
    for (const loop of report.loops) {
      const reason = loop.variables.map(define).find((r) => r !== undefined);
      if (reason) notScored.push({ id: loop.id, reason });
      else scorable.push(loop);
    }
  }
  const needed = new Set<string>();
  for (const v of defOf.keys()) {
    needed.add(v);
    for (const l of graph.in.get(v) ?? []) needed.add(l.from);
  }
  const names = [...needed].filter((n) => outputs.has(n)).map((n) => graph.nodes.get(n)!.display);
  const dt = model.time.dt;
  const end = options.end ?? model.time.end;
  // One dt past the end, so that the last saved time has its step too (Stella's labelling).
  const result = model.run({ params: options.params, start: options.start, end: end + dt, saveper: dt, columns: names });
  const rows = result.time.length;
  let n = rows;
  while (n > 1 && result.time[n - 1]! > end + dt / 2) n--;
  const series = new Map<string, Float64Array>();
  for (const key of needed) {
    const s = result.get(graph.nodes.get(key)!.display);
    if (s) series.set(key, s);
  }
  const valueAt = (key: string, k: number): number => {
    const s = series.get(key);
    if (!s) throw new NotEvaluable(`no values for ${key}`);
    return s[k]!;
  };
  const env = (k: number, at: (x: string) => number): EvalEnv => ({ value: at, time: result.time[k]!, lookup: (x) => lookups.get(x) });

  // Each variable's evaluated definition at every row (a stock's net rate is not a column).
  const defValue = new Map<string, Float64Array>();
  const current = (key: string): Float64Array => {
    let out = defValue.get(key);
    if (out) return out;
    const def = defOf.get(key)!;
    out = new Float64Array(rows);
    for (let k = 0; k < rows; k++) out[k] = def.stock ? evaluate(def.expr, env(k, (x) => valueAt(x, k))) : valueAt(key, k);
    defValue.set(key, out);
    return out;
  };

  // Link score over the step k → k+1, labelled k.
  const flowToStock = options.flowToStock ?? 'change';
  const scoreAt = (from: string, to: string, k: number): number => {
    if (k + 1 >= rows) return 0;
    const def = defOf.get(to)!;
    const z = current(to);
    if (def.stock && flowToStock === 'value') {
      // 2020: the flow's own part of the net flow that moves the stock over this step.
      const x = valueAt(from, k);
      const part = evaluate(def.expr, env(k, (v) => (v === from ? x : 0))) - evaluate(def.expr, env(k, () => 0));
      return z[k] === 0 || x === 0 ? 0 : Math.abs(part / z[k]!) * Math.sign(part / x);
    }
    const dz = z[k + 1]! - z[k]!;
    const dx = valueAt(from, k + 1) - valueAt(from, k);
    if (dz === 0 || dx === 0) return 0;
    const partial = evaluate(def.expr, env(k, (x) => valueAt(x, x === from ? k + 1 : k))) - z[k]!;
    return Math.abs(partial / dz) * Math.sign(partial / dx);
  };
  const linkScores = new Map<string, Float64Array>();
  const linkScore = (from: string, to: string): Float64Array => {
    const id = `${from}\u0000${to}`;
    let out = linkScores.get(id);
    if (out) return out;
    out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = scoreAt(from, to, k);
    linkScores.set(id, out);
    return out;
  };

  let discovered: LoopReport | undefined;
  let exhausted = false;
  let searched = 0;
  if (discover) {
    const found = discoverLoops(feedbackLinks, (v) => defOf.get(v), (from, to, k) => {
      try {
        return Math.abs(scoreAt(from, to, k));
      } catch (e) {
        if (e instanceof NotEvaluable) return 0;
        throw e;
      }
    }, n, options.samples ?? 200);
    // Plus the listed loops (shortest through each feedback link) that can be scored and that the
    // search missed: more loops can only lessen the bias of a missing one.
    const keys = new Set(found.loops.map((c) => cycleKey(c).key));
    const listed = report.loops.map((l) => l.variables).filter((v) => v.every((x) => defOf.has(x)) && !keys.has(cycleKey(v).key));
    discovered = loopReportFrom(graph, [...found.loops, ...listed], 'strongest-path', report.limit);
    exhausted = found.exhausted;
    searched = found.loops.length;
    scorable = discovered.loops;
  }

  // A branch the probe did not take can still hold what the evaluator does not cover: such a
  // loop is listed as not scored, with the reason, rather than failing the whole analysis.
  const scored: { loop: FeedbackLoop; score: Float64Array }[] = [];
  for (const loop of scorable) {
    const score = new Float64Array(n).fill(1);
    let to = '';
    try {
      loop.variables.forEach((v, j) => {
        to = loop.variables[(j + 1) % loop.variables.length]!;
        const ls = linkScore(v, to);
        for (let k = 0; k < n; k++) score[k]! *= ls[k]!;
      });
    } catch (e) {
      if (!(e instanceof NotEvaluable)) throw e;
      notScored.push({ id: loop.id, reason: `${graph.nodes.get(to)?.display ?? to}: ${e.message} is not scored` });
      continue;
    }
    scored.push({ loop, score });
  }
  const partitionOf = cyclePartitions(scored.map((s) => s.loop));
  const loops: ScoredLoop[] = scored.map(({ loop, score }, i) => ({
    id: loop.id,
    polarity: loop.polarity,
    variables: loop.variables,
    partition: partitionOf[i]!,
    score,
    relative: new Float64Array(n),
    share: 0,
  }));
  const partitions = Math.max(0, ...partitionOf.map((p) => p + 1));
  const members = Array.from({ length: partitions }, (_, p) => loops.filter((l) => l.partition === p));
  for (const group of members) {
    for (let k = 0; k < n; k++) {
      let total = 0;
      for (const l of group) total += Math.abs(l.score[k]!);
      if (total > 0) for (const l of group) l.relative[k] = l.score[k]! / total;
    }
  }
  for (const l of loops) {
    let s = 0;
    for (let k = 0; k < n; k++) s += Math.abs(l.relative[k]!);
    l.share = n > 0 ? s / n : 0;
  }
  const time = result.time.slice(0, n);
  const periods: DominancePeriod[] = [];
  members.forEach((group, partition) => {
    let last: DominancePeriod | undefined;
    for (let k = 0; k < n; k++) {
      let best: ScoredLoop | undefined;
      for (const l of group) if (Math.abs(l.relative[k]!) > 0 && (!best || Math.abs(l.relative[k]!) > Math.abs(best.relative[k]!))) best = l;
      if (!best) continue;
      if (last && last.loop === best.id) last.to = time[k]!;
      else periods.push((last = { partition, from: time[k]!, to: time[k]!, loop: best.id }));
    }
  });
  return { time, loops, notScored, periods, ...(discovered && { report: discovered, searched, exhausted, notSearched: [...whyNot.values()] }) };
}
