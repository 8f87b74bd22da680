/**
 * Evaluation order: which nodes are computed once at the start (static), which every step,
 * in what order; algebraic loops are reported naming every variable on the loop.
 */
import { CONVEYOR_ARGS } from '../ir/builtins.js';
import { ModelError, type BilingualText, type Diagnostic } from '../ir/diagnostics.js';
import { DEPRECIATION_KIND } from './depreciate.js';
import { nodeDisplayName, type ScalarModel, type ScalarNode, type SExpr } from './scalar-model.js';

export interface Ordering {
  /** Every node except constants, in the order the initial values are computed. */
  init: number[];
  /** Non-static, non-stock nodes, in the order they are computed each step. */
  step: number[];
  stocks: number[];
  /** Nodes whose value never changes after initialisation. */
  isStatic: boolean[];
}

export const DYNAMIC_CALLS: ReadonlySet<string> = new Set([
  'RANDOM UNIFORM', 'RANDOM NORMAL', 'RANDOM 0 1', 'RANDOM EXPONENTIAL', 'RANDOM POISSON', 'RANDOM LOGNORMAL',
  'RANDOM TRIANGULAR', 'RANDOM GAMMA', 'RANDOM BETA', 'RANDOM BINOMIAL', 'RANDOM WEIBULL', 'RANDOM PINK NOISE',
  'RANDOM NEGATIVE BINOMIAL', 'RANDOM LOOKUP',
  'STEP', 'RAMP', 'PULSE', 'PULSE TRAIN', 'GET TIME VALUE',
]);

/** The node ids `e` reads, in the order of the expression (refsNotingTime's walk). */
export function refsOf(e: SExpr | undefined, out: number[] = []): number[] {
  refsNotingTime(e, out);
  return out;
}

/**
 * The references of `e` into `out` and, in the same walk (the static pass needs both for every
 * auxiliary), whether `e` reads time or calls a dynamic function. Index loops, not forEach (a
 * closure per call on ~100,000 expressions) nor for-of (an iterator result per argument while this
 * runs unoptimised, as it does at first).
 */
function refsNotingTime(e: SExpr | undefined, out: { push(id: number): unknown }): boolean {
  if (!e) return false;
  switch (e.k) {
    case 'time':
      return true;
    case 'ref':
      out.push(e.id);
      return false;
    case 'call': {
      let timed = DYNAMIC_CALLS.has(e.fn);
      const args = e.args;
      for (let i = 0; i < args.length; i++) if (refsNotingTime(args[i], out)) timed = true;
      return timed;
    }
    case 'un':
      return refsNotingTime(e.a, out);
    case 'bin': {
      const a = refsNotingTime(e.a, out);
      return refsNotingTime(e.b, out) || a;
    }
    case 'lookup':
      return refsNotingTime(e.x, out);
    case 'vec': {
      let timed = false;
      for (const v of e.vecs) for (const a of v) if (refsNotingTime(a, out)) timed = true;
      for (const a of e.scalars) if (refsNotingTime(a, out)) timed = true;
      return timed;
    }
    default:
      return false;
  }
}

/**
 * One buffer each auxiliary's references are listed into, then copied out at their exact length:
 * a list grown by push from empty keeps 17 slots or more, and MEDEAS's 70,000 lists live on into
 * code generation (4 MB more for young-generation collections to copy).
 */
class RefBuffer {
  private readonly ids: number[] = [];
  private n = 0;
  push(id: number): void {
    // A store past the end grows the array, which code optimised for stores inside it does not do
    // (it was dropped and compiled again at each growth): growth goes through Array.push.
    if (this.n < this.ids.length) this.ids[this.n] = id;
    else this.ids.push(id);
    this.n++;
  }
  /** The references pushed since the last `take`, as a new array of their length. */
  take(): number[] {
    const out = this.ids.slice(0, this.n);
    this.n = 0;
    return out;
  }
}

/**
 * `exprRefs(id)` lists node id's `expr` references; the ordering pass and code generation pass
 * their cached lists (one function for every node, not a closure per call).
 */
/**
 * SAMPLE IF TRUE (fn_sample_if_true) returns its input when the condition is true, from the
 * initial time on; the initialization computes that value unless the condition or input reads the
 * sample itself (its previous value, which at the initial time is `init`, as the step computes it).
 */
export function samplesAtInit(n: ScalarNode): boolean {
  return n.kind === 'sample' && !(n.args ?? []).some((a) => refsOf(a).includes(n.id));
}

export function initDependencies(n: ScalarNode, exprRefs: (id: number) => number[] = () => refsOf(n.expr)): number[] {
  switch (n.kind) {
    case 'const':
    case 'data':
      return [];
    case 'stock':
    case 'active-initial':
      return refsOf(n.init);
    case 'sample':
      // A sample that reads itself holds `init` until the step; one that does not takes its input
      // already at the initial time when the condition holds (samplesAtInit), as its value then
      // must be the one that initial values of stocks see.
      return samplesAtInit(n) ? refsOf(n.init, (n.args ?? []).flatMap((a) => refsOf(a))) : refsOf(n.init);
    case 'delay-fixed':
      // A depreciation's past values start from init, dtime and fisc (analyze/depreciate.ts).
      if (n.args?.[1]?.k === 'num' && n.args[1].v === DEPRECIATION_KIND) return refsOf(n.init, refsOf(n.args[0], refsOf(n.args[2])));
      return refsOf(n.init, refsOf(n.args?.[0]));
    case 'history':
      return refsOf(n.expr, refsOf(n.args?.[0]));
    case 'conveyor':
    case 'conveyor-leak':
      // The inflow is placed on the belt after the step (codegen's post), not read here.
      return (n.args ?? []).flatMap((a) => refsOf(a));
    default:
      return exprRefs(n.id);
  }
}

export function stepDependencies(n: ScalarNode, exprRefs: (id: number) => number[] = () => refsOf(n.expr)): number[] {
  switch (n.kind) {
    case 'sample':
      // Reading its own value in the condition or input gives the value it holds (no loop).
      return (n.args ?? []).flatMap((a) => refsOf(a)).filter((d) => d !== n.id);
    case 'aux':
    case 'active-initial':
    case 'game':
      return exprRefs(n.id);
    case 'history':
      // The input's current value answers a time at or after the present.
      return refsOf(n.expr, refsOf(n.args?.[0]));
    case 'conveyor':
      // Only the leak fractions are read in the step (transit time and inflow at its end).
      return (n.args ?? []).slice(CONVEYOR_ARGS.fractions - 1).flatMap((a) => refsOf(a));
    case 'conveyor-leak':
      return refsOf(n.args?.[0]);
    default:
      return [];
  }
}

/**
 * Each node's expression references by node id, as `orderModel` listed them (a gap: not listed).
 * Code generation takes them as an argument so it does not walk every expression of the model
 * again (about 15 ms on MEDEAS); a caller that keeps only the ordering lets them go.
 */
export type ExprRefs = (number[] | undefined)[];

export interface OrderResult {
  ordering: Ordering;
  diagnostics: Diagnostic[];
  /** For `generate`: the references the ordering pass listed. */
  exprRefs: ExprRefs;
}

export function orderModel(m: ScalarModel): OrderResult {
  const nodes = m.nodes;
  const n = nodes.length;
  const isStatic = new Array<boolean>(n).fill(false);
  // Static: constants, INITIALs, and auxiliaries of static inputs that do not read time.
  // A node's expression references, listed once: the static pass and both sorts read them.
  const refsCache: ExprRefs = new Array(n);
  const buffer = new RefBuffer();
  const exprRefs = (id: number): number[] => {
    let refs = refsCache[id];
    if (refs === undefined) {
      refsNotingTime(nodes[id]!.expr, buffer);
      refsCache[id] = refs = buffer.take();
    }
    return refs;
  };
  const state = new Uint8Array(n); // 0 unvisited, 1 visiting, 2 done
  const visitStatic = (id: number): boolean => {
    if (state[id] === 2) return isStatic[id]!;
    if (state[id] === 1) return false;
    state[id] = 1;
    const node = nodes[id]!;
    let s = false;
    if (node.kind === 'const' || node.kind === 'initial') s = true;
    else if (node.kind === 'aux') {
      // An auxiliary's references are listed here, with whether it reads time, in one walk.
      const timed = refsNotingTime(node.expr, buffer);
      const refs = buffer.take();
      refsCache[id] = refs;
      // A loop, not every() with a closure per auxiliary.
      s = !timed;
      for (let j = 0; j < refs.length && s; j++) s = visitStatic(refs[j]!);
    }
    state[id] = 2;
    isStatic[id] = s;
    return s;
  };
  for (let i = 0; i < n; i++) visitStatic(i);

  // Which nodes each sort takes, as bytes read per dependency (a closure call per edge before).
  const initNodes = new Uint8Array(n);
  const stepNodes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const kind = nodes[i]!.kind;
    if (kind !== 'const') initNodes[i] = 1;
    if (!isStatic[i] && kind !== 'stock' && kind !== 'const') stepNodes[i] = 1;
  }
  const initDeps = (i: number): number[] => initDependencies(nodes[i]!, exprRefs);
  const init = topo(n, initDeps, initNodes, nodes, { en: 'initial values', es: 'los valores iniciales' });
  // topo skips dependencies outside stepNodes itself: no filtered copy per node.
  const stepDeps = (i: number): number[] => stepDependencies(nodes[i]!, exprRefs);
  const step = topo(n, stepDeps, stepNodes, nodes, { en: 'equations', es: 'las ecuaciones' });
  const stocks = nodes.filter((x) => x.kind === 'stock').map((x) => x.id);
  const ordering: Ordering = { init, step, stocks, isStatic };
  return { ordering, diagnostics: [], exprRefs: refsCache };
}

/** Depth-first topological sort; a cycle is an algebraic loop, reported with its members. */
/** `include[i]` is 1 for the nodes sorted; dependencies on others are skipped. */
function topo(n: number, deps: (i: number) => number[], include: Uint8Array, nodes: ScalarNode[], what: BilingualText): number[] {
  const order: number[] = [];
  const mark = new Uint8Array(n);
  const stack: number[] = [];
  // Frames as parallel arrays (the node is `stack`'s entry at the same depth), not an object each;
  // empty again after each visit, so one pair serves them all (not two new arrays per starting node).
  const frameDeps: number[][] = [];
  const frameAt: number[] = [];
  const visit = (start: number) => {
    // Iterative DFS so that long chains in large models do not overflow the call stack.
    frameDeps.push(deps(start));
    frameAt.push(0);
    mark[start] = 1;
    stack.push(start);
    while (frameDeps.length) {
      const top = frameDeps.length - 1;
      const fDeps = frameDeps[top]!;
      if (frameAt[top]! < fDeps.length) {
        const d = fDeps[frameAt[top]!++]!;
        if (include[d] !== 1) continue;
        if (mark[d] === 2) continue;
        if (mark[d] === 1) {
          const loop = stack.slice(stack.indexOf(d));
          const names = [...new Set(loop.map((id) => nodeDisplayName(nodes[id]!)))];
          const node = nodes[loop.find((id) => !nodes[id]!.hidden) ?? d]!;
          const cycle = `${names.join(' -> ')} -> ${names[0]}`;
          throw ModelError.at(
            'E_ALGEBRAIC_LOOP',
            { en: `the ${what.en} form a loop with no stock in it: ${cycle}`, es: `${what.es} forman un bucle sin ningún stock: ${cycle}` },
            node.loc,
          );
        }
        mark[d] = 1;
        stack.push(d);
        frameDeps.push(deps(d));
        frameAt.push(0);
      } else {
        frameDeps.pop();
        frameAt.pop();
        const id = stack.pop()!;
        mark[id] = 2;
        order.push(id);
      }
    }
  };
  for (let i = 0; i < n; i++) if (include[i] === 1 && mark[i] === 0) visit(i);
  return order;
}

