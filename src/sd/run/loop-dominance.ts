/**
 * Loop dominance by loop scores, the "Loops That Matter" method (Schoenberg, Davidsen and
 * Eberlein, System Dynamics Review 36(2), 2020), as Stella offers it:
 *
 * - link score of x → z, where z = f(x, y, …): |Δₓz / Δz| · sign(Δₓz / Δx), with
 *   Δₓz = f(x(t), y(t−dt), …) − z(t−dt) the change z would have had if only x had changed; 0 when
 *   Δz or Δx is 0;
 * - a flow's link to its stock is scored on the stock's net flow (z = the rate): |Δᵢnet / Δnet|
 *   with the sign of the flow (+ inflow, − outflow);
 * - loop score: the product of its link scores; relative loop score: the loop score over the sum
 *   of the absolute loop scores of all loops scored, at each time. A loop whose relative score is
 *   largest in absolute value dominates the behaviour then; its sign says reinforcing or balancing.
 *
 * The model is run with every step saved; equations are re-evaluated with mixed old/new inputs by
 * a small evaluator (analyze/structure/partial-eval.ts). Loops through arrayed variables, macros
 * or stateful functions other than a stock's own INTEG are listed as not scored, with the reason.
 */
import type { Equation, Expr, LookupTable, ModelIR } from '../ir/model.js';
import type { CausalGraph } from '../analyze/structure/causal-graph.js';
import type { FeedbackLoop, LoopReport } from '../analyze/structure/feedback-loops.js';
import { evaluate, NotEvaluable, type EvalEnv } from '../analyze/structure/partial-eval.js';
import type { Model, RunOptions } from './types.js';

export interface ScoredLoop {
  id: string;
  polarity: FeedbackLoop['polarity'];
  variables: string[];
  /** Loop score at each saved step (0 at the first). */
  score: Float64Array;
  /** Signed relative loop score in [−1, 1]. */
  relative: Float64Array;
  /** Mean of |relative| over the run: the loop's share of the behaviour. */
  share: number;
}

export interface DominancePeriod {
  from: number;
  to: number;
  /** Id of the loop with the largest |relative score|. */
  loop: string;
}

export interface LoopDominance {
  time: Float64Array;
  loops: ScoredLoop[];
  notScored: { id: string; reason: string }[];
  /** Consecutive times with the same dominant loop. */
  periods: DominancePeriod[];
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

/** Scores the loops of `report` over one run of `model`. */
export function loopDominance(model: Model, ir: ModelIR, graph: CausalGraph, report: LoopReport, options: Pick<RunOptions, 'params' | 'start' | 'end'> = {}): LoopDominance {
  const defs = definitions(ir);
  const lookups = new Map<string, LookupTable>();
  for (const eq of ir.equations) if (eq.kind === 'lookup' && eq.lookup) lookups.set(eq.lhs.name, eq.lookup);
  const outputs = new Set(model.outputNames.map((n) => n.toLowerCase().replace(/[_\s]+/g, ' ')));

  // Which loops can be scored, and the definition of each variable on them.
  const defOf = new Map<string, Definition>();
  const notScored: { id: string; reason: string }[] = [];
  const scorable: FeedbackLoop[] = [];
  const needed = new Set<string>();
  const probe: EvalEnv = { value: () => 1, time: 0, lookup: (n) => lookups.get(n) };
  for (const loop of report.loops) {
    let reason: string | undefined;
    for (const v of loop.variables) {
      if (defOf.has(v)) continue;
      const eqs = defs.get(v) ?? [];
      const eq = eqs[0];
      if (eqs.length !== 1 || !eq || eq.lhs.subs.length > 0 || !eq.expr) {
        reason = `${graph.nodes.get(v)?.display ?? v} is arrayed or has no single equation`;
        break;
      }
      const stock = eq.expr.kind === 'call' && eq.expr.fn === 'INTEG';
      const expr = stock ? (eq.expr as Extract<Expr, { kind: 'call' }>).args[0]! : eq.expr;
      try {
        evaluate(expr, probe);
      } catch (e) {
        if (!(e instanceof NotEvaluable)) throw e;
        reason = `${graph.nodes.get(v)?.display ?? v}: ${e.message} is not scored`;
        break;
      }
      defOf.set(v, { expr, stock });
    }
    if (reason) notScored.push({ id: loop.id, reason });
    else scorable.push(loop);
  }
  for (const loop of scorable) {
    for (const v of loop.variables) {
      needed.add(v);
      for (const l of graph.in.get(v) ?? []) needed.add(l.from);
    }
  }
  const names = [...needed].filter((n) => outputs.has(n)).map((n) => graph.nodes.get(n)!.display);
  const dt = model.time.dt;
  const result = model.run({ ...options, saveper: dt, columns: names });
  const n = result.time.length;
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

  // Each variable's evaluated definition at every step (a stock's net rate is not a column).
  const defValue = new Map<string, Float64Array>();
  const current = (key: string): Float64Array => {
    let out = defValue.get(key);
    if (out) return out;
    const def = defOf.get(key)!;
    out = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      out[k] = def.stock ? evaluate(def.expr, { value: (x) => valueAt(x, k), time: result.time[k]!, lookup: (x) => lookups.get(x) }) : valueAt(key, k);
    }
    defValue.set(key, out);
    return out;
  };

  const linkScores = new Map<string, Float64Array>();
  const linkScore = (from: string, to: string): Float64Array => {
    const id = `${from}\u0000${to}`;
    let out = linkScores.get(id);
    if (out) return out;
    out = new Float64Array(n);
    const def = defOf.get(to)!;
    const z = current(to);
    for (let k = 1; k < n; k++) {
      const dz = z[k]! - z[k - 1]!;
      const dx = valueAt(from, k) - valueAt(from, k - 1);
      if (dz === 0 || dx === 0) continue;
      const partial = evaluate(def.expr, { value: (x) => valueAt(x, x === from ? k : k - 1), time: result.time[k - 1]!, lookup: (x) => lookups.get(x) }) - z[k - 1]!;
      out[k] = Math.abs(partial / dz) * Math.sign(partial / dx);
    }
    linkScores.set(id, out);
    return out;
  };

  const loops: ScoredLoop[] = scorable.map((loop) => {
    const score = new Float64Array(n).fill(1);
    score[0] = 0;
    loop.variables.forEach((v, i) => {
      const ls = linkScore(v, loop.variables[(i + 1) % loop.variables.length]!);
      for (let k = 1; k < n; k++) score[k]! *= ls[k]!;
    });
    return { id: loop.id, polarity: loop.polarity, variables: loop.variables, score, relative: new Float64Array(n), share: 0 };
  });
  for (let k = 1; k < n; k++) {
    let total = 0;
    for (const l of loops) total += Math.abs(l.score[k]!);
    if (total > 0) for (const l of loops) l.relative[k] = l.score[k]! / total;
  }
  for (const l of loops) {
    let s = 0;
    for (let k = 1; k < n; k++) s += Math.abs(l.relative[k]!);
    l.share = n > 1 ? s / (n - 1) : 0;
  }
  const periods: DominancePeriod[] = [];
  for (let k = 1; k < n; k++) {
    let best: ScoredLoop | undefined;
    for (const l of loops) if (Math.abs(l.relative[k]!) > 0 && (!best || Math.abs(l.relative[k]!) > Math.abs(best.relative[k]!))) best = l;
    if (!best) continue;
    const last = periods[periods.length - 1];
    if (last && last.loop === best.id) last.to = result.time[k]!;
    else periods.push({ from: result.time[k]!, to: result.time[k]!, loop: best.id });
  }
  return { time: result.time, loops, notScored, periods };
}
