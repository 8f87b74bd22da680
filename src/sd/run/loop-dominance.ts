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
 * the model is run one dt past its final time. Every step is saved (when that is more than a run
 * may keep, each SAVEPER time and the step after it, and the scores are at the saved times,
 * loop-dominance-run.ts); equations are re-evaluated
 * with mixed old/new inputs by a small evaluator (analyze/structure/partial-eval.ts). INITIAL(x)
 * inside an equation is its value at the run's first time throughout: the run never changes it
 * after the start, so a link score holds it fixed, and `z = x / INITIAL(x)` moves with x alone (a
 * link that only sets an INITIAL acts only at the start and closes no loop, causal-graph.ts).
 * ACTIVE INITIAL(active, initial) is its active expression from the initial time on (the initial
 * one only sets stocks' initial values), so its links score as those of `z = active`; a link
 * only in the initial expression acts only at the start, as INITIAL's argument does.
 * A smooth or delay (SMOOTH, SMOOTHI, SMOOTH3(I), SMOOTH N, DELAY1(I), DELAY3(I), DELAY N; TREND
 * and FORECAST, an average stock and the gap to it) is the
 * chain of stocks and flows it stands for, as the method treats it: the expanded model has those
 * stocks (stateful.ts), kept by the run (RunOptions.nodes), and a loop through the function is
 * scored through them element by element (below), each stock as any stock, so its score is that
 * of the same model drawn with the stocks and flows. A smooth's stock has one flow, (input −
 * stock)/time, also for the 2020 formula. Loops through SAMPLE IF TRUE, DELAY FIXED (a held
 * sample, a pipeline: no stock and flow, no link score in the method), random draws (RANDOM …:
 * only their distribution is defined, not their value with the noise held, randomDraw), macros
 * or other stateful functions are listed as not scored, with the reason. A lookup called as
 * `table(x)` is evaluated as any function of x, its points declared or read from data; one read
 * with its own rule (LOOKUP EXTRAPOLATE, FORWARD, BACKWARD; XMILE's extrapolate and discrete
 * graphical functions) by that rule (partial-eval.ts lookupBy).
 *
 * Arrays: a loop through arrayed variables is scored element by element. Each element is a scalar
 * variable of the expanded model (its equation with every subscript resolved, a SUM written out
 * as the sum of the elements it reads), so the loops scored are the elementary cycles of the
 * element graph along the listed loops' links (analyze/structure/element-loops.ts: `B1[A1]` is B1
 * through the elements A1; `E1[…]` combines the links of several listed loops), and their link
 * scores come from the elements' equations (element-eval.ts). Partitions and dominance are
 * computed over the element loops: two arrayed loops that share no element are independent, each
 * with its own profile. More element loops than the limit: each listed loop's own element loops
 * (none combining several), and a listed loop with more than the limit is not scored, with the reason. Above the enumeration limit (strongest-path search) arrayed variables
 * are not searched, with the reason; a scalar that calls a smooth or delay is searched through
 * its stocks and flows, scored as for the listed loops (loop-dominance-search.ts); when that finds
 * more loops than their scores may hold, it stops there and is done again without those stocks,
 * saying so (loop-dominance-discover.ts).
 */
import { saveEverySteps } from './saveper-check.js';
import type { Equation, Expr, LookupTable, ModelIR } from '../ir/model.js';
import { hiddenDisplayName, type ScalarModel, type SExpr } from '../analyze/scalar-model.js';
import { expandModel } from '../analyze/expand.js';
import { someExpr, visitExpr } from '../ir/walk.js';
import { equationsByName } from '../ir/equations-by-name.js';
import { ModelError, type BilingualText } from '../ir/diagnostics.js';
import { formatCount, resolveLimits, type ModelLimits } from '../ir/limits.js';
import { comparePaths, elementGraph, elementLoops, type ElementGraph } from '../analyze/structure/element-loops.js';
import { TIME_FUNCTIONS } from '../ir/time-functions.js';
import { evaluateElement, type ElementEnv } from '../analyze/structure/element-eval.js';
import type { CausalGraph } from '../analyze/structure/causal-graph.js';
import { loopReportFrom, type FeedbackLoop, type LoopReport } from '../analyze/structure/feedback-loops.js';
import { cycleKey } from '../analyze/structure/strongest-loops.js';
import { discoverLoops } from './loop-dominance-discover.js';
import { cyclePartitions } from '../analyze/structure/cycle-partitions.js';
import { ACTIVE_INITIAL, AT_START, evaluate, functionNamed, LOOKUP_CALLS, NotEvaluable, UNARY, type EvalEnv, type LookupPoints } from '../analyze/structure/partial-eval.js';
import type { Model, RunOptions } from './types.js';
import { scoreRows } from './loop-dominance-run.js';
import { cyclePolarity, searchGraph, startingAt, variablesOf } from './loop-dominance-search.js';

export interface ScoredLoop {
  /**
   * The loop's id, one scheme for the listed loops and the search: the variable loop's (`B1`); with
   * its elements for a loop through arrays (`B1[A1]`, element-loops.ts); then, for one of several
   * paths through a smooth's or delay's stocks, its number among all that loop's paths, shorter
   * first (`B1.2`, `B1[A1].2`; comparePaths). The search keeps that number for the paths it found
   * (it may skip some: `B1.1`, `B1.3`). The variable loop's own id is the report's (`report`).
   */
  id: string;
  /** Id of the listed (variable-level) loop this one is, or is an element loop of; `E1`, `E2` … for an element loop that combines several listed loops. */
  loop: string;
  polarity: FeedbackLoop['polarity'];
  /** Variable keys of the listed loop (of an `E` loop: the variables it passes, in order). */
  variables: string[];
  /** The elements in causal order, as output names (`stock[A1]`, `total`); the variables' names for a scalar loop. */
  elements: string[];
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
  /** Loops not scored, each with why (in both languages). */
  notScored: { id: string; reason: BilingualText }[];
  /** Consecutive times with the same dominant loop, per cycle partition (partition, then time). */
  periods: DominancePeriod[];
  /** The loops scored when they were found from this run's link scores (strongest paths) instead of the given report. */
  report?: LoopReport;
  /** How many of `report`'s loops the strongest-path search found (the rest are listed shortest loops it missed). */
  searched?: number;
  /** True when a strongest-path search stopped at its visit budget (the loops found may miss some). */
  exhausted?: boolean;
  /** With the strongest-path search: why variables on feedback links cannot be scored (no loop through them is searched). */
  notSearched?: BilingualText[];
  /**
   * With the strongest-path search: why it left out the stocks of smooths and delays (through them it
   * found more loops than the scores may hold), so that their scalars are in `notSearched`.
   */
  stocksLeftOut?: BilingualText;
  /**
   * 'per-loop' when the element loops along all the listed loops' links together were more than the
   * limit, so each listed loop's own element loops were searched and none that combines several.
   */
  elementSearch?: 'per-loop';
  /**
   * Present when every step's values were more than a run may keep (`values`, the limit being the
   * engine's): the scores are at each SAVEPER time only, `every` TIME STEPs apart (each the same
   * as with every step kept).
   */
  savedTimesOnly?: { every: number; values: number };
}

/**
 * What to evaluate: the auxiliary's equation, or a stock's net rate; of a variable (IR) or of one
 * element (expanded). `oneFlow`: a smooth's stock, whose rate (input − stock)/time is one flow.
 */
type Definition = { stock: boolean; oneFlow?: boolean } & ({ expr: Expr; element?: undefined } | { expr: SExpr; element: number });

/** Functions the link scores evaluate (partial-eval.ts, element-eval.ts), besides the array reductions expansion writes out. */
const EVALUATED = new Set([...Object.keys(UNARY), ...AT_START, ACTIVE_INITIAL, 'MIN', 'MAX', 'IF THEN ELSE', 'XIDZ', 'ZIDZ', 'MODULO', 'POWER', 'LOG', 'PI', 'WITH LOOKUP', ...Object.keys(LOOKUP_CALLS), 'SUM', 'PROD', 'VMIN', 'VMAX', ...TIME_FUNCTIONS]);

/**
 * Smooths and delays that stand for a chain of stocks with flows (Vensim's reference; stateful.ts
 * writes them so in the expanded model), and TREND and FORECAST (a smoothed average stock and
 * the input's fractional gap to it): their loops are scored through those stocks, as the
 * method scores any stock, element by element on the expanded model. SAMPLE IF TRUE and DELAY
 * FIXED are a held sample and a pipeline, for which the method defines no link score.
 */
const STOCK_CHAINS = new Set(['SMOOTH', 'SMOOTHI', 'SMOOTH3', 'SMOOTH3I', 'SMOOTH N', 'DELAY1', 'DELAY1I', 'DELAY3', 'DELAY3I', 'DELAY N', 'TREND', 'FORECAST']);

/** True when a variable's equations define or read array elements: its link scores are computed element by element. */
function usesElements(eqs: readonly Equation[]): boolean {
  if (eqs.length !== 1 || eqs[0]!.lhs.subs.length > 0) return true;
  const e = eqs[0]!.expr;
  return !!e && someExpr(e, (x) => ((x.kind === 'ref' || x.kind === 'apply') && x.subs.length > 0) || (x.kind === 'call' && (['SUM', 'PROD', 'VMIN', 'VMAX'].includes(x.fn) || STOCK_CHAINS.has(x.fn))));
}

/** Why a held sample or a pipeline delay has no link score (the method defines one for stocks and flows only). */
const DISCRETE: Record<string, BilingualText> = {
  'SAMPLE IF TRUE': { en: 'function SAMPLE IF TRUE (a held sample: the method defines no link score for it)', es: 'la función SAMPLE IF TRUE (una muestra retenida: el método no define puntuación de enlace para ella)' },
};
for (const fn of ['DELAY FIXED', 'DELAY', 'DELAY INFORMATION', 'DELAY MATERIAL']) {
  DISCRETE[fn] = { en: `function ${fn} (a pipeline delay, no stock and flow: the method defines no link score for it)`, es: `la función ${fn} (un retardo de tubería, sin nivel ni flujo: el método no define puntuación de enlace para ella)` };
}

/**
 * Why a random draw has no link score. The method's partial change Δₓz evaluates z's equation with
 * x moved and every other input held; a draw's fresh noise is such another input, but Vensim
 * defines only the distribution of RANDOM POISSON(…, mean, …), not the draw as a function of its
 * arguments with the noise held (which noise? the generator's uniforms: a Poisson count changes
 * by whole jumps, and how depends on the sampling algorithm, not on the model). A model that
 * writes the dependence itself (z = mean + sd × noise, noise drawn in a variable of its own) is
 * scored, the noise held at the run's draw as any other input.
 */
function randomDraw(fn: string): BilingualText {
  return {
    en: `function ${fn} (a random draw: its value as a function of its arguments with the noise held is not defined, only its distribution, so the change due to one argument has no link score; a draw written as mean + sd × a noise variable of its own is scored)`,
    es: `la función ${fn} (un valor aleatorio: su valor en función de sus argumentos con el ruido fijo no está definido, solo su distribución, así que el cambio debido a un argumento no tiene puntuación de enlace; un valor escrito como media + desviación × una variable de ruido propia sí se puntúa)`,
  };
}

/** Why a call cannot be scored: a held sample, a pipeline, a random draw, or (the rest) its name. */
function whyFunction(fn: string): BilingualText {
  return DISCRETE[fn] ?? (fn.startsWith('RANDOM ') ? randomDraw(fn) : functionNamed(fn));
}

/** True when a variable's equations call a smooth or delay that stands for stocks (its loops go through them). */
function usesStockChains(eqs: readonly Equation[]): boolean {
  return eqs.some((eq) => !!eq.expr && someExpr(eq.expr, (x) => x.kind === 'call' && STOCK_CHAINS.has(x.fn)));
}

/**
 * The first function of `e` the link scores cannot evaluate (a stateful one, a macro), with `INTEG`
 * allowed at the top and, with `chains`, the smooths and delays made of stocks. A call `name(x)`
 * is evaluated when `name` is a lookup, its points declared or read from data. Of an ACTIVE
 * INITIAL only the active expression is looked at: the initial one is not evaluated during the run.
 */
function unevaluated(e: Expr, isLookup: (name: string) => boolean, chains = false): BilingualText | undefined {
  const top = e.kind === 'call' && (e.fn === 'INTEG' || e.fn === ACTIVE_INITIAL) ? e.args[0]! : e;
  let bad: BilingualText | undefined;
  visitExpr(top, (x) => {
    if (bad) return;
    if (x.kind === 'call' && !EVALUATED.has(x.fn) && !(chains && STOCK_CHAINS.has(x.fn))) bad = whyFunction(x.fn);
    else if (x.kind === 'apply' && !isLookup(x.name)) bad = { en: `call of ${x.display}`, es: `la llamada a ${x.display}` };
  });
  return bad;
}

export interface DominanceOptions extends Pick<RunOptions, 'params' | 'start' | 'end'> {
  /** Flow-to-stock link score: 'change' (2023 correction, Stella 2.1+, default) or 'value' (2020 paper). */
  flowToStock?: 'change' | 'value';
  /** Find the loops from the run's link scores (strongest paths); default: when the report stopped at its limit. */
  discover?: boolean;
  /** Times of the run the strongest-path search looks at (evenly spread; default 200). */
  samples?: number;
  /** The most values the run may keep for the loops through arrays (default: the engine's limit of saved points). */
  maxValues?: number;
  /** The most element loops scored for one loop through arrays (default: the report's limit); above it the loop is not scored, with the reason. */
  elementLimit?: number;
  /** The most values the loops' scores may hold, two series per loop (default: the engine's limit of saved points); a strongest-path search that finds more loops stops with E_LIMIT_LOOPS. */
  maxScoreValues?: number;
  /**
   * Whether the strongest-path search goes through the stocks of a scalar's smooth or delay (default
   * true). When that search finds more loops than `maxScoreValues` may hold, it is done again
   * without them, saying so in `stocksLeftOut`.
   */
  searchStocks?: boolean;
}

/** Each listed loop's share of the behaviour: its own, or for a loop through arrays its largest element loop's. */
export function loopShares(loops: readonly ScoredLoop[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of loops) out.set(l.loop, Math.max(out.get(l.loop) ?? 0, l.share));
  return out;
}

/** A loop to score: a listed loop, or one element loop of it, as element keys in causal order. */
interface Instance {
  id: string;
  /** The listed loop's id, or `E1`, `E2` … for an element loop that combines several. */
  loop: string;
  polarity: FeedbackLoop['polarity'];
  variables: string[];
  keys: string[];
}

/** "X: function SMOOTH is not scored", in both languages. */
function notScoredBecause(name: string, what: BilingualText): BilingualText {
  return { en: `${name}: ${what.en} is not scored`, es: `${name}: ${what.es} no se puntúa` };
}

const normalized = (n: string) => n.toLowerCase().replace(/[_\s]+/g, ' ');

/** Scores the loops of `report` over one run of `model`. */
export function loopDominance(model: Model, ir: ModelIR, graph: CausalGraph, report: LoopReport, options: DominanceOptions = {}): LoopDominance {
  const defs = equationsByName(ir);
  const lookups = new Map<string, LookupTable>();
  for (const eq of ir.equations) if (eq.kind === 'lookup' && eq.lookup) lookups.set(eq.lhs.name, eq.lookup);
  // Lookups whose points come from data (GET XLS LOOKUPS, GET DIRECT LOOKUPS): the IR has only the
  // call that reads them; the expanded model holds the points, under the lookup's output name.
  const dataLookups = new Map<string, string>();
  for (const eq of ir.equations) if (eq.kind === 'lookup-data') dataLookups.set(eq.lhs.name, eq.lhs.display);
  const isLookup = (name: string) => lookups.has(name) || dataLookups.has(name);
  const tableOf = (name: string): LookupPoints | undefined => {
    const declared = lookups.get(name);
    if (declared || !dataLookups.has(name)) return declared;
    const scalar = scalarModel();
    const id = scalar.lookupNames.get(dataLookups.get(name)!);
    return id === undefined ? undefined : scalar.lookups[id];
  };
  const outputs = new Set(model.outputNames.map(normalized));
  const elementLimit = options.elementLimit ?? report.limit;

  // The expanded model (one node per element), made when a loop passes through arrays: the
  // compiled model's own when it keeps it.
  let scalarOnce: ScalarModel | undefined;
  const scalarModel = () => (scalarOnce ??= (model as { scalar?: ScalarModel }).scalar ?? expandModel(ir).model);
  let expandedModel: { scalar: ScalarModel; graph: ElementGraph; keys: string[] } | undefined;
  const expanded = () => {
    if (!expandedModel) {
      const scalar = scalarModel();
      // Element keys: a scalar's variable key, `key[subscripts]` for an array element, a hidden
      // node's own (unique) name.
      const keys = scalar.nodes.map((n) => {
        if (n.hidden) return n.name;
        const at = n.name.indexOf('[');
        return at < 0 ? n.varName : n.varName + n.name.slice(at);
      });
      expandedModel = { scalar, graph: elementGraph(scalar), keys };
      scalar.nodes.forEach((n, id) => {
        // A hidden node (`#smooth stage 1(perceived[A1])#12`) is shown as its owner and what it
        // is: `perceived[A1] (smooth stage 1)`; nested in another call, `y (trend: trend average)`.
        const shown = n.hidden ? hiddenDisplayName(n.name) : undefined;
        if (shown !== undefined) elementNames.set(keys[id]!, shown);
        else if (!n.hidden && !graph.nodes.has(keys[id]!)) elementNames.set(keys[id]!, n.name);
      });
    }
    return expandedModel;
  };
  const elementNames = new Map<string, string>();
  let nodeOfKey: Map<string, number> | undefined;
  const nodeOf = (key: string): number => {
    nodeOfKey ??= new Map(expanded().keys.map((k, id) => [k, id]));
    return nodeOfKey.get(key) ?? -1;
  };
  const displayOf = (key: string) => graph.nodes.get(key)?.display ?? elementNames.get(key) ?? key;

  // The definition of each variable (or element) on a loop, or why it cannot be scored.
  const defOf = new Map<string, Definition>();
  const whyNot = new Map<string, BilingualText>();
  /** Variables scored element by element, and why some of their elements cannot be. */
  const arrayed = new Set<string>();
  const elementWhyNot = new Map<string, BilingualText>();
  // Why each scalar that calls a smooth or delay is not searched, when the search leaves their stocks out.
  const withoutStocks = new Map<string, BilingualText>();
  const probe: EvalEnv = { value: () => 1, time: 0, dt: model.time.dt, lookup: tableOf };
  probe.initial = probe;
  const defineElements = (v: string, eqs: Equation[]): BilingualText | undefined => {
    const display = graph.nodes.get(v)?.display ?? v;
    for (const eq of eqs) {
      if (!eq.expr) return { en: `${display} has no equation`, es: `${display} no tiene ecuación` };
      const bad = unevaluated(eq.expr, isLookup, true);
      if (bad) return notScoredBecause(display, bad);
    }
    const { scalar, graph: eg, keys } = expanded();
    const ids = eg.nodesOf.get(v) ?? [];
    // The stocks and auxiliaries of its smooths and delays are scored as any element is.
    const inner = eg.innerOf.get(v) ?? [];
    if (ids.length === 0) return { en: `${display} has no elements`, es: `${display} no tiene elementos` };
    // An element that cannot be scored refuses only the element loops through it. An ACTIVE INITIAL
    // element is its active expression from the initial time on (partial-eval.ts ACTIVE_INITIAL).
    for (const id of [...ids, ...inner]) {
      const node = scalar.nodes[id]!;
      if (node.kind !== 'aux' && node.kind !== 'stock' && node.kind !== 'const' && node.kind !== 'active-initial') {
        elementWhyNot.set(keys[id]!, { en: `${node.name} is not scored (computed as ${node.kind})`, es: `${node.name} no se puntúa (se calcula como ${node.kind})` });
        continue;
      }
      try {
        const env: ElementEnv = {
          value: (x) => {
            const read = scalar.nodes[x]!;
            // An INITIAL inside the equation is a hidden node holding its argument's value at the start.
            if (read.hidden && read.kind === 'initial') return evaluateElement(read.expr, env);
            // Another hidden node's values are kept by the run (RunOptions.nodes).
            return 1;
          },
          time: 0,
          dt: model.time.dt,
          lookups: scalar.lookups,
        };
        evaluateElement(node.expr, env);
        // A smooth's stock (stateful.ts names its hidden ones `#smooth…`, TREND's `#trend
        // average…`; a variable that is a SMOOTH is its last stock) moves by one flow, (input −
        // stock)/time.
        const oneFlow = node.kind === 'stock' && (node.hidden ? /^#(smooth|trend average)/.test(node.name) : eqs.every((eq) => eq.expr?.kind === 'call' && eq.expr.fn.startsWith('SMOOTH')));
        defOf.set(keys[id]!, { expr: node.expr, element: id, stock: node.kind === 'stock', ...(oneFlow && { oneFlow }) });
      } catch (e) {
        if (!(e instanceof NotEvaluable)) throw e;
        elementWhyNot.set(keys[id]!, notScoredBecause(node.name, e.what));
      }
    }
    arrayed.add(v);
    return undefined;
  };
  const define = (v: string, searching = false): BilingualText | undefined => {
    if (defOf.has(v) || whyNot.has(v) || arrayed.has(v)) return whyNot.get(v);
    const eqs = defs.get(v) ?? [];
    const eq = eqs[0];
    const display = graph.nodes.get(v)?.display ?? v;
    let reason: BilingualText | undefined;
    if (eqs.length > 0 && eqs.every((e) => e.expr) && usesElements(eqs)) {
      // A scalar that calls a smooth or delay is searched through the stocks it stands for (each
      // a node of the search graph, searchGraph below), as the listed loops are scored; the reason
      // kept for it is given when the search is done without them (past the limit, below).
      const chain = usesStockChains(eqs) && eqs.length === 1 && eqs[0]!.lhs.subs.length === 0;
      if (searching && chain) {
        withoutStocks.set(v, {
          en: `${display} calls a smooth or delay: loops through its stocks are scored element by element only when every loop is listed (below the limit)`,
          es: `${display} llama a un suavizado o retardo: los bucles que pasan por sus niveles se puntúan elemento por elemento solo cuando se listan todos los bucles (por debajo del límite)`,
        });
      }
      reason = searching && !chain
        ? {
            en: `${display} is arrayed: loops through arrays are scored element by element only when every loop is listed (below the limit)`,
            es: `${display} tiene subíndices: los bucles que pasan por variables con subíndices se puntúan elemento por elemento solo cuando se listan todos los bucles (por debajo del límite)`,
          }
        : defineElements(v, eqs);
    } else if (eqs.length !== 1 || !eq || !eq.expr) reason = { en: `${display} has no single equation`, es: `${display} no tiene una sola ecuación` };
    else {
      const stock = eq.expr.kind === 'call' && eq.expr.fn === 'INTEG';
      const expr = stock ? (eq.expr as Extract<Expr, { kind: 'call' }>).args[0]! : eq.expr;
      try {
        evaluate(expr, probe);
        defOf.set(v, { expr, stock });
      } catch (e) {
        if (!(e instanceof NotEvaluable)) throw e;
        reason = notScoredBecause(display, e.fn ? whyFunction(e.fn) : e.what);
      }
    }
    if (reason) whyNot.set(v, reason);
    return reason;
  };
  const notScored: LoopDominance['notScored'] = [];
  let instances: Instance[] = [];
  let elementSearch: LoopDominance['elementSearch'];
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
    for (const v of feedbackLinks.keys()) define(v, true);
  } else {
    const listed: FeedbackLoop[] = [];
    for (const loop of report.loops) {
      const reason = loop.variables.map((v) => define(v)).find((r) => r !== undefined);
      if (reason) notScored.push({ id: loop.id, reason });
      else listed.push(loop);
    }
    const whole = (loop: FeedbackLoop): Instance => ({ id: loop.id, loop: loop.id, polarity: loop.polarity, variables: loop.variables, keys: loop.variables });
    if (!listed.some((l) => l.variables.some((v) => arrayed.has(v)))) instances = listed.map(whole);
    else {
      // Through arrays: the element loops along the listed loops' links (element-loops.ts).
      const { scalar, graph: eg, keys } = expanded();
      const signs = new Map(graph.links.map((l) => [`${l.from}\u0000${l.to}`, l.polarity]));
      const sign = (a: string, b: string) => signs.get(`${a}\u0000${b}`) ?? '?';
      const take = (found: ReturnType<typeof elementLoops>) => {
        for (const id of found.unclosed) notScored.push({ id, reason: { en: 'no loop element by element: the elements its equations read do not close it', es: 'ningún bucle elemento por elemento: los elementos que leen sus ecuaciones no lo cierran' } });
        for (const el of found.loops) {
          const keyList = el.nodes.map((x) => keys[x]!);
          const why = keyList.map((k) => elementWhyNot.get(k)).find((r) => r !== undefined);
          if (why) notScored.push({ id: el.id, reason: why });
          else instances.push({ id: el.id, loop: el.loop, polarity: el.polarity, variables: [...new Set(el.nodes.map((x) => scalar.nodes[x]!.varName))], keys: keyList });
        }
      };
      const found = elementLoops(scalar, eg, listed, elementLimit, sign);
      if (!found.truncated) take(found);
      else {
        // Too many element loops along all the listed links together: each listed loop's own
        // element loops instead (those that combine several listed loops are then not searched).
        elementSearch = 'per-loop';
        for (const loop of listed) {
          if (!loop.variables.some((v) => arrayed.has(v))) {
            instances.push(whole(loop));
            continue;
          }
          const own = elementLoops(scalar, eg, [loop], elementLimit, sign);
          if (own.truncated) notScored.push({ id: loop.id, reason: { en: `more than ${elementLimit} loops element by element (the limit): none of them is scored`, es: `más de ${elementLimit} bucles elemento por elemento (el límite): no se puntúa ninguno` } });
          else take(own);
        }
      }
    }
  }
  /** The visible nodes an element reads, through the hidden INITIAL nodes it reads (whose value comes from the start). */
  const startReads = (id: number, out: Set<number> = new Set()): Set<number> => {
    const { scalar, graph: eg } = expanded();
    for (const x of eg.reads(id)) {
      const node = scalar.nodes[x]!;
      if (node.kind === 'initial' && node.hidden) startReads(x, out);
      else out.add(x);
    }
    return out;
  };
  // The series a run must keep: each scored definition and what it reads.
  const neededFor = (keys: Iterable<string>): Set<string> => {
    const out = new Set<string>();
    const done = new Set<string>();
    for (const key of keys) {
      const def = defOf.get(key);
      if (!def || done.has(key)) continue;
      done.add(key);
      out.add(key);
      if (def.element === undefined) for (const l of graph.in.get(key) ?? []) out.add(l.from);
      else for (const x of startReads(def.element)) out.add(expanded().keys[x]!);
    }
    return out;
  };
  let needed = neededFor(discover ? defOf.keys() : instances.flatMap((i) => i.keys));
  // Every series is held for the whole run (one value per dt): element loops of a large model can
  // need more than a run may keep, and then they are not scored (the other loops still are).
  const steps = Math.ceil(((options.end ?? model.time.end) - (options.start ?? model.time.start)) / model.time.dt) + 2;
  const compiled = model as { generated?: { delayCount?: number }; options?: { limits?: Partial<ModelLimits> } };
  const budget = (options.maxValues ?? resolveLimits(compiled.options?.limits).maxSavedPoints) - (compiled.generated?.delayCount ?? 0) * steps;
  const columnsOf = (keys: Set<string>) => [...keys].map(displayOf).filter((n) => outputs.has(normalized(n)));
  // Rows kept per series: every step's, or above the budget each SAVEPER time's and the next step's
  // (loop-dominance-run.ts); element loops are left out only when even those are too many.
  // The engine's save rule (saveper-check.ts), so the scores fall on the run's saved times.
  const every = saveEverySteps(model.time.saveper, model.time.dt);
  const rowsFor = (columns: number) => (columns * steps <= budget || every === 1 ? steps : 2 * Math.ceil(steps / every));
  const wanted = columnsOf(needed).length;
  // Element loops through arrays are named apart from their loop (`B1[A1]`); the paths of a
  // scalar loop through a function's stocks only numbered (`R1.2`): they need few series and stay.
  const byElement = (i: Instance) => i.id.replace(/\.\d+$/, '') !== i.loop;
  if (!discover && wanted * rowsFor(wanted) > budget && instances.some(byElement)) {
    const through = instances.filter(byElement);
    instances = instances.filter((i) => !byElement(i));
    needed = neededFor(instances.flatMap((i) => i.keys));
    for (const id of new Set(through.map((i) => i.loop))) {
      notScored.push({
        id,
        reason: {
          en: `the loops element by element need ${formatCount(wanted)} series of ${formatCount(rowsFor(wanted))} values together, more than the ${formatCount(Math.max(0, budget))} values a run can keep here: not scored`,
          es: `los bucles elemento por elemento necesitan ${formatCount(wanted)} series de ${formatCount(rowsFor(wanted))} valores en total, más que los ${formatCount(Math.max(0, budget))} valores que una simulación puede guardar aquí: sin puntuar`,
        },
      });
    }
  }
  const names = [...needed].map(displayOf).filter((n) => outputs.has(normalized(n)));
  // The hidden nodes needed (the stocks of smooths and delays): kept by node id.
  const hiddenNodes = expandedModel ? [...needed].map((k) => nodeOf(k)).filter((id) => id >= 0 && expandedModel!.scalar.nodes[id]!.hidden) : [];
  const dt = model.time.dt;
  const end = options.end ?? model.time.end;
  // Every step's row when the run can keep them all; else each SAVEPER time's row and the next
  // step's (loop-dominance-run.ts): the scores are then at the saved times.
  const kept = (names.length + hiddenNodes.length) * steps;
  // One dt past the end, so that the last saved time has its step too (Stella's labelling).
  const result = scoreRows(model, { params: options.params, start: options.start, end: end + dt, saveper: dt, columns: names, ...(hiddenNodes.length && { nodes: hiddenNodes }) }, kept > budget ? every : 1);
  const rows = result.time.length;
  const stride = result.stride;
  // Score times: row p · stride, each with its next step at the row after it.
  let n = Math.ceil(rows / stride);
  while (n > 1 && result.time[(n - 1) * stride]! > end + dt / 2) n--;
  const series = new Map<string, Float64Array>();
  for (const key of needed) {
    const s = result.get(displayOf(key));
    if (s) series.set(key, s);
  }
  // Hidden nodes come after the columns, in the order asked (their names are not output names).
  const firstHidden = result.names.length - hiddenNodes.length;
  hiddenNodes.forEach((id, j) => {
    if (result.names[firstHidden + j] === expandedModel!.scalar.nodes[id]!.name) series.set(expandedModel!.keys[id]!, result.series[firstHidden + j]!);
  });
  const valueAt = (key: string, k: number): number => {
    const s = series.get(key);
    if (!s) throw new NotEvaluable({ en: `the values of ${displayOf(key)} (the run has none)`, es: `los valores de ${displayOf(key)} (la simulación no los tiene)` });
    return s[k]!;
  };
  // What INITIAL reads: the values at the run's first row.
  const start: EvalEnv = { value: (x) => valueAt(x, 0), time: result.time[0]!, dt, lookup: tableOf };
  start.initial = start;
  // A definition evaluated at row k with each input's value given by `at` (by element key).
  const evalDef = (def: Definition, k: number, at: (key: string) => number): number => {
    if (def.element === undefined) return evaluate(def.expr, { value: at, time: result.time[k]!, dt, lookup: tableOf, initial: start });
    const { scalar, keys } = expanded();
    return evaluateElement(def.expr, { value: (id) => at(keys[id]!), time: result.time[k]!, dt, lookups: scalar.lookups });
  };
  // An element's equation at row k with node `moved` at row k + 1 (none: -1): one reused
  // environment, each node's series looked up once (element loops of large models evaluate millions).
  const seriesOfNode: (Float64Array | null | undefined)[] = [];
  const nodeSeries = (id: number): Float64Array => {
    let s = seriesOfNode[id];
    if (s === undefined) seriesOfNode[id] = s = series.get(expanded().keys[id]!) ?? initialSeries(id);
    if (!s) throw new NotEvaluable({ en: `the values of ${expanded().scalar.nodes[id]!.name} (the run has none)`, es: `los valores de ${expanded().scalar.nodes[id]!.name} (la simulación no los tiene)` });
    return s;
  };
  // A hidden INITIAL node: its argument at the first row, the same at every row.
  const startEnv: ElementEnv = { value: (id) => nodeSeries(id)[0]!, time: result.time[0]!, dt, lookups: [] };
  const initialSeries = (id: number): Float64Array | null => {
    const node = expanded().scalar.nodes[id]!;
    if (!node.hidden || node.kind !== 'initial') return null;
    startEnv.lookups = expanded().scalar.lookups;
    return new Float64Array(rows).fill(evaluateElement(node.expr, startEnv));
  };
  const elementEnv = {
    k: 0,
    moved: -1,
    time: 0,
    dt,
    lookups: [] as ScalarModel['lookups'],
    value(id: number): number {
      return nodeSeries(id)[id === this.moved ? this.k + 1 : this.k]!;
    },
  };
  const evalElement = (expr: SExpr, k: number, moved: number): number => {
    elementEnv.k = k;
    elementEnv.moved = moved;
    elementEnv.time = result.time[k]!;
    elementEnv.lookups = expanded().scalar.lookups;
    return evaluateElement(expr, elementEnv);
  };

  // Each variable's evaluated definition at every row (a stock's net rate is not a column).
  const defValue = new Map<string, Float64Array>();
  const current = (key: string): Float64Array => {
    let out = defValue.get(key);
    if (out) return out;
    const def = defOf.get(key)!;
    out = new Float64Array(rows);
    for (let k = 0; k < rows; k++) out[k] = !def.stock ? valueAt(key, k) : def.element === undefined ? evalDef(def, k, (x) => valueAt(x, k)) : evalElement(def.expr, k, -1);
    defValue.set(key, out);
    return out;
  };

  // Link score over the step k → k+1, labelled k.
  const flowToStock = options.flowToStock ?? 'change';
  const scoreAt = (from: string, to: string, k: number): number => {
    if (k + 1 >= rows) return 0;
    const def = defOf.get(to)!;
    const z = current(to);
    if (def.stock && flowToStock === 'value' && !def.oneFlow) {
      // 2020: the flow's own part of the net flow that moves the stock over this step. A smooth's
      // stock has one flow, whose value is the net flow (score 1): its inputs' scores are then
      // the flow's, computed below as an auxiliary's.
      const x = valueAt(from, k);
      const part = evalDef(def, k, (v) => (v === from ? x : 0)) - evalDef(def, k, () => 0);
      return z[k] === 0 || x === 0 ? 0 : Math.abs(part / z[k]!) * Math.sign(part / x);
    }
    const dz = z[k + 1]! - z[k]!;
    const dx = valueAt(from, k + 1) - valueAt(from, k);
    if (dz === 0 || dx === 0) return 0;
    const partial = (def.element === undefined ? evalDef(def, k, (x) => valueAt(x, x === from ? k + 1 : k)) : evalElement(def.expr, k, nodeOf(from))) - z[k]!;
    return Math.abs(partial / dz) * Math.sign(partial / dx);
  };
  const linkScores = new Map<string, Float64Array>();
  const linkScore = (from: string, to: string): Float64Array => {
    const id = `${from}\u0000${to}`;
    let out = linkScores.get(id);
    if (out) return out;
    out = new Float64Array(n);
    for (let p = 0; p < n; p++) out[p] = scoreAt(from, to, p * stride);
    linkScores.set(id, out);
    return out;
  };

  let discovered: LoopReport | undefined;
  let exhausted = false;
  let searched = 0;
  // Each loop scored keeps two series of n values (its score and its share of its partition's),
  // held to the engine's limit of a run's saved values.
  const scoreBudget = options.maxScoreValues ?? resolveLimits(compiled.options?.limits).maxSavedPoints;
  let notSearched: BilingualText[] = [];
  let stocksLeftOut: BilingualText | undefined;
  if (discover) {
    // Scalars that call a smooth or delay are searched through its stocks (loop-dominance-search.ts),
    // or, without them, left out as any variable the search cannot score. Each loop found costs
    // its two score series and the keys of its path, against the limit.
    const search = (stocks: boolean) => {
      const isNode = stocks ? (v: string) => defOf.has(v) : (v: string) => !arrayed.has(v) && defOf.has(v);
      const weight = (from: string, to: string, k: number) => {
        try {
          return Math.abs(scoreAt(from, to, k * stride));
        } catch (e) {
          if (e instanceof NotEvaluable) return 0;
          throw e;
        }
      };
      return discoverLoops(stocks ? searchGraph(feedbackLinks, arrayed, expanded) : feedbackLinks, isNode, (v) => defOf.get(v)!.stock, weight, n, options.samples ?? 200, 2 * n, scoreBudget);
    };
    const withoutReasons = () => [...feedbackLinks.keys()].flatMap((v) => withoutStocks.get(v) ?? whyNot.get(v) ?? []);
    let throughStocks = (options.searchStocks ?? true) && arrayed.size > 0;
    let found = search(throughStocks);
    notSearched = [...whyNot.values(), ...elementWhyNot.values()];
    // Past that limit through the stocks (the search stops there), it is done again without them
    // (fewer loops: the smooths and delays are not searched, each saying why), saying so.
    if (found.over && throughStocks) {
      const { found: count, times, of } = found.over;
      stocksLeftOut = {
        en: `the strongest-path search through the stocks of smooths and delays had found ${formatCount(count)} loops after ${formatCount(times)} of the ${formatCount(of)} times it searches (and stopped there), more than their scores may hold within the limit of ${formatCount(scoreBudget)} values: loops were searched without those stocks`,
        es: `la búsqueda por el camino más fuerte a través de los niveles de suavizados y retardos había encontrado ${formatCount(count)} bucles tras ${formatCount(times)} de los ${formatCount(of)} instantes que examina (y se detuvo ahí), más de los que sus puntuaciones pueden guardar dentro del límite de ${formatCount(scoreBudget)} valores: se buscaron los bucles sin esos niveles`,
      };
      throughStocks = false;
      found = search(false);
      notSearched = withoutReasons();
    } else if (!throughStocks) notSearched = withoutReasons();
    // Past that limit the analysis stops here, saying so, rather than allocating the scores.
    if (found.over) {
      // What the loops found cost as the search counts it: two score series each and the keys of its path.
      const { found: count, times, of, values: need } = found.over;
      throw ModelError.at('E_LIMIT_LOOPS', {
        en: `the strongest-path loop search had found ${formatCount(count)} loops after ${formatCount(times)} of the ${formatCount(of)} times it searches (and stopped there); their scores and paths need at least ${formatCount(need)} values, more than the limit of ${formatCount(scoreBudget)} values a run may keep here: loop dominance is not computed (\`igem loops\` without --dominance lists the loops)`,
        es: `la búsqueda de bucles por el camino más fuerte había encontrado ${formatCount(count)} bucles tras ${formatCount(times)} de los ${formatCount(of)} instantes que examina (y se detuvo ahí); sus puntuaciones y caminos necesitan al menos ${formatCount(need)} valores, más que el límite de ${formatCount(scoreBudget)} valores que una simulación puede guardar aquí: no se calcula el dominio de bucles (\`igem loops\` sin --dominance lista los bucles)`,
      });
    }
    // Plus the listed loops (shortest through each feedback link) that can be scored and that the
    // search missed: more loops can only lessen the bias of a missing one. A listed loop through
    // a smooth or delay is followed through its stocks as the listed loops are (element-loops.ts).
    const varOf = (key: string) => {
      const def = defOf.get(key);
      return def?.element === undefined ? key : expanded().scalar.nodes[def.element]!.varName;
    };
    const selfLink = (v: string) => feedbackLinks.get(v)?.has(v) ?? false;
    const keyCycles = new Map<string, string[]>();
    const searchedLoops = new Set<string>();
    const addCycle = (keys: string[], searchedOne: boolean) => {
      const variables = variablesOf(keys, varOf, selfLink);
      if (variables.length === 0) return;
      const { key } = cycleKey(keys);
      if (!keyCycles.has(key)) keyCycles.set(key, keys);
      if (searchedOne) searchedLoops.add(cycleKey(variables).key);
    };
    for (const c of found.loops) addCycle(c, true);
    const signs = new Map(graph.links.map((l) => [`${l.from}\u0000${l.to}`, l.polarity]));
    const sign = (a: string, b: string) => signs.get(`${a}\u0000${b}`) ?? '?';
    for (const loop of report.loops) {
      if (!loop.variables.every((x) => defOf.has(x)) || searchedLoops.has(cycleKey(loop.variables).key)) continue;
      if (!throughStocks && loop.variables.some((v) => arrayed.has(v))) continue;
      if (!loop.variables.some((v) => arrayed.has(v))) addCycle(loop.variables, false);
      else {
        const { scalar, graph: eg, keys } = expanded();
        const own = elementLoops(scalar, eg, [loop], elementLimit, sign);
        for (const el of own.loops) {
          const keyList = el.nodes.map((x) => keys[x]!);
          if (keyList.every((k) => defOf.has(k))) addCycle(keyList, false);
        }
      }
    }
    // One loop of variables for the cycles of keys that go round it (through different stocks of a function: one instance each).
    const byVariables = new Map<string, string[][]>();
    for (const keys of keyCycles.values()) {
      const { key } = cycleKey(variablesOf(keys, varOf, selfLink));
      if (!byVariables.has(key)) byVariables.set(key, []);
      byVariables.get(key)!.push(keys);
    }
    discovered = loopReportFrom(graph, [...byVariables.values()].map((c) => variablesOf(c[0]!, varOf, selfLink)), 'strongest-path', report.limit);
    exhausted = found.exhausted;
    searched = searchedLoops.size;
    instances = discovered.loops.flatMap((loop) => {
      // Each path from the loop's first variable, numbered in the listed loops' order (comparePaths).
      const paths = (byVariables.get(cycleKey(loop.variables).key) ?? [loop.variables]).map((keys) => startingAt(keys, loop.variables[0]!, varOf));
      const through = paths.length > 1 ? paths.sort((a, b) => comparePaths(a.map(nodeOf), b.map(nodeOf))) : paths;
      // A loop through a function's stocks is signed by its element links, as a listed one is.
      const polarity = (keys: string[]) => (keys.length === loop.variables.length ? loop.polarity : cyclePolarity(keys, expanded().scalar, nodeOf, varOf, sign));
      // A path keeps the id the listed loops give it among all the loop's paths (element-loops.ts),
      // though the search may have found only some: one path, one id (`U1.3` is the same path in both).
      const own = loop.variables.some((v) => arrayed.has(v)) ? elementLoops(expanded().scalar, expanded().graph, [loop], elementLimit, sign) : undefined;
      const listedId = new Map(own && !own.truncated ? own.loops.map((el) => [el.nodes.join(), el.id]) : []);
      return through.map((keys, j) => ({ id: listedId.get(keys.map(nodeOf).join()) ?? (through.length > 1 ? `${loop.id}.${j + 1}` : loop.id), loop: loop.id, polarity: polarity(keys), variables: loop.variables, keys }));
    });
  }

  // A branch the probe did not take can still hold what the evaluator does not cover: such a
  // loop is listed as not scored, with the reason, rather than failing the whole analysis.
  const scored: { instance: Instance; score: Float64Array }[] = [];
  for (const instance of instances) {
    const score = new Float64Array(n).fill(1);
    const keys = instance.keys;
    let to = '';
    try {
      keys.forEach((v, j) => {
        to = keys[(j + 1) % keys.length]!;
        const ls = linkScore(v, to);
        for (let k = 0; k < n; k++) score[k]! *= ls[k]!;
      });
    } catch (e) {
      if (!(e instanceof NotEvaluable)) throw e;
      notScored.push({ id: instance.id, reason: notScoredBecause(displayOf(to), e.what) });
      continue;
    }
    scored.push({ instance, score });
  }
  // Loops joined by a shared element (a shared variable for scalar loops) form one partition.
  const partitionOf = cyclePartitions(scored.map((s) => ({ variables: s.instance.keys })));
  const loops: ScoredLoop[] = scored.map(({ instance, score }, i) => ({
    id: instance.id,
    loop: instance.loop,
    polarity: instance.polarity,
    variables: instance.variables,
    elements: instance.keys.map(displayOf),
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
  const time = Float64Array.from({ length: n }, (_, p) => result.time[p * stride]!);
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
  return { time, loops, notScored, periods, ...(elementSearch && { elementSearch }), ...(stride > 1 && { savedTimesOnly: { every, values: kept } }), ...(discovered && { report: discovered, searched, exhausted, notSearched, ...(stocksLeftOut && { stocksLeftOut }) }) };
}
