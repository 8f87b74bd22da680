/**
 * Where a non-finite value started: the first equation that made NaN or ±∞ from finite inputs.
 * `CompiledModel.explainNonFinite` runs the model again with this probe only after a run saved a
 * non-finite value (the run itself checks nothing). After the initial computation and after each
 * step's equations the probe looks at the nodes the bad columns depend on; a node that turns
 * non-finite while none of its inputs is non-finite is a root, and its equation is evaluated again,
 * operation by operation, to find the one that made the first non-finite value from finite operands.
 * The same probe explains a run stopped by a NaN stock (CompiledModel.diagnosed, nonfinite-stop.ts).
 */
import { CONCRETE, expr } from '../compile/codegen.js';
import { refsOf } from '../analyze/order.js';
import { nodeDisplayName, type ScalarModel, type ScalarNode, type SExpr } from '../analyze/scalar-model.js';
import type { Runtime } from './runtime-lib.js';

/** Why an operation gave a non-finite value from finite operands. */
export type NonFiniteCauseKind =
  | 'division-by-zero' // a / 0 with a ≠ 0: ±∞
  | 'zero-over-zero' // 0 / 0: NaN
  | 'ln-domain' // LN of a number ≤ 0
  | 'log-domain' // LOG of a number ≤ 0, or in a base ≤ 0 or 1
  | 'sqrt-domain' // SQRT of a negative number
  | 'power-domain' // a negative number to a fractional power: NaN
  | 'zero-negative-power' // 0 to a negative power: ∞
  | 'overflow' // a result beyond ±1.8e308 (EXP, POWER, a product, a sum)
  | 'integration' // a stock's integration (stock + dt × rate) beyond ±1.8e308
  | 'literal' // a number written in the equation is itself not finite (e.g. 1e999)
  | 'missing-data' // a data variable with no value at that time (RAW data between its points): Vensim's answer is no value too
  | 'function'; // another function, lookup or data gave it from finite arguments

/**
 * The time step a Runge-Kutta stage belongs to. RK2 and RK4 evaluate the equations again inside
 * each step (at t + dt/2 and t + dt, from trial values of the stocks), at times and with values the
 * run never saves: the user can only be told the step, from t to t + dt.
 */
export interface StageStep {
  from: number;
  to: number;
}

export interface NonFiniteCause {
  kind: NonFiniteCauseKind;
  /** The operator (`/`, `*`, `+`, `-`, `^`) or function name that made it. */
  op: string;
  /** Its operands (finite numbers). */
  args: number[];
  /** When it happened, if not at the time the variable turned non-finite (a stock's rate, one step earlier). */
  at?: number;
  /** Set when `at` is a Runge-Kutta stage's: the step it was in (`at` is then that step's start). */
  step?: StageStep;
  /** Set when it is in a stock's initial value (not its rate). */
  initial?: true;
}

/** A node that turned non-finite with finite inputs: the time, its value, and the operation when found. */
export interface NonFiniteRoot {
  node: number;
  /** The time the equations were evaluated at (a Runge-Kutta stage's time, within `step`, when there). */
  time: number;
  value: number;
  cause?: NonFiniteCause;
  /** Set when it was found at a Runge-Kutta stage: the step that stage is in. */
  step?: StageStep;
}

/** Thrown by the probe to end the diagnosis run once past the last time it needs. */
export class ProbeDone extends Error {}

type Compiled = (v: Float64Array, time: number, dt: number, R: Runtime) => number;

const ARITHMETIC = new Set(['+', '-', '*', '/', '^']);

function isBad(x: number): boolean {
  return x - x !== 0;
}

/** Node kinds whose value is made from this step's inputs alone (no memory of earlier steps). */
const MEMORYLESS = new Set(['aux', 'initial', 'const']);

export class NonFiniteProbe {
  /** Time each watched node was first seen non-finite. */
  readonly firstBad = new Map<number, number>();
  readonly roots = new Map<number, NonFiniteRoot>();
  private readonly bad: Uint8Array;
  private readonly ever: Uint8Array;
  private readonly inputs = new Map<number, number[]>();
  private readonly compiled = new Map<string, Compiled>();
  /** The values at the previous look (a stock's rate there made its value now), and that time. */
  private prev?: Float64Array;
  private prevTime = NaN;
  private prevStep?: StageStep;

  constructor(
    private readonly scalar: ScalarModel,
    private readonly watch: Int32Array,
    /** The last time the diagnosis needs (the latest first non-finite saved value). */
    private readonly until: number,
  ) {
    this.bad = new Uint8Array(scalar.nodes.length);
    this.ever = new Uint8Array(scalar.nodes.length);
  }

  init(v: Float64Array, time: number, dt: number, R: Runtime): void {
    this.scan(v, time, dt, R, true);
  }

  /** After a step's equations; `stage` when they were a Runge-Kutta stage's, inside that step. */
  step(v: Float64Array, time: number, dt: number, R: Runtime, stage?: StageStep): void {
    if (time > this.until + Math.abs(dt) * 1e-6) throw new ProbeDone();
    this.scan(v, time, dt, R, false, stage);
  }

  private scan(v: Float64Array, time: number, dt: number, R: Runtime, initial: boolean, stage?: StageStep): void {
    const fresh: number[] = [];
    for (let i = 0; i < this.watch.length; i++) {
      const id = this.watch[i]!;
      const b = isBad(v[id]!);
      this.bad[id] = b ? 1 : 0;
      if (b && !this.ever[id]) fresh.push(id);
    }
    const roots: number[] = [];
    for (const id of fresh) {
      const node = this.scalar.nodes[id]!;
      // An auxiliary reads this step's inputs; a stock, delay or sample may also carry an earlier one.
      const memoryless = initial || MEMORYLESS.has(node.kind);
      const fed = this.inputsOf(id).some((r) => this.bad[r] || (!memoryless && this.ever[r]));
      if (!fed) roots.push(id);
    }
    for (const id of fresh) {
      this.ever[id] = 1;
      this.firstBad.set(id, time);
    }
    for (const id of roots) {
      const node = this.scalar.nodes[id]!;
      const root: NonFiniteRoot = { node: id, time, value: v[id]!, cause: this.cause(node, v, time, dt, R, initial) };
      if (stage) root.step = stage;
      this.roots.set(id, root);
    }
    if (!this.prev) this.prev = new Float64Array(v.length);
    this.prev.set(v);
    this.prevTime = time;
    this.prevStep = stage;
  }

  /** The nodes a node's equations read (its value, initial value and arguments). */
  inputsOf(id: number): number[] {
    let refs = this.inputs.get(id);
    if (!refs) {
      const n = this.scalar.nodes[id]!;
      refs = refsOf(n.expr);
      refsOf(n.init, refs);
      for (const a of n.args ?? []) refsOf(a, refs);
      // A stock's rate may read the stock itself: that is not an input feeding it from outside.
      refs = refs.filter((r) => r !== id);
      this.inputs.set(id, refs);
    }
    return refs;
  }

  /** The operation that made a root's first non-finite value, when its equation can be evaluated again. */
  private cause(n: ScalarNode, v: Float64Array, time: number, dt: number, R: Runtime, initial: boolean): NonFiniteCause | undefined {
    let e: SExpr | undefined;
    // A data series with no points gives NaN (runtime-lib.ts `data`; :RAW: data between its points
    // is :NA:, a number), which Vensim leaves blank in its output as well: not an error.
    if (n.kind === 'data') return { kind: 'missing-data', op: nodeDisplayName(n), args: [] };
    if (n.kind === 'stock') {
      // After the start a stock changes only by integration: its rate at the previous look was not
      // finite (an operation there made it), or finite stock + dt × finite rate overflowed.
      if (!initial) return this.rateCause(n, dt, R);
      e = n.init;
    } else if (n.kind === 'aux' || n.kind === 'initial') e = n.expr;
    else if (n.kind === 'active-initial') e = initial ? n.init : n.expr;
    if (!e) return undefined;
    // Evaluating a random draw again would move the run's stream; such an equation keeps no cause.
    if (expr(e).includes('R.random')) return undefined;
    try {
      const c = this.walk(e, v, time, dt, R).cause;
      // A stock has two equations: say which one (its rate's causes carry `at`).
      return c && n.kind === 'stock' ? { ...c, initial: true } : c;
    } catch {
      return undefined; // an equation that fails when evaluated alone is the run's own to report
    }
  }

  private rateCause(n: ScalarNode, dt: number, R: Runtime): NonFiniteCause {
    const integration: NonFiniteCause = { kind: 'integration', op: 'INTEG', args: [] };
    if (!this.prev || expr(n.expr).includes('R.random')) return integration;
    try {
      const rate = this.walk(n.expr, this.prev, this.prevTime, dt, R);
      if (!rate.cause) return integration;
      const step = this.prevStep;
      return step ? { ...rate.cause, at: step.from, step } : { ...rate.cause, at: this.prevTime };
    } catch {
      return integration;
    }
  }

  /** An expression's value and, when it is not finite, the operation where that began. */
  private walk(e: SExpr, v: Float64Array, time: number, dt: number, R: Runtime): { x: number; cause?: NonFiniteCause } {
    switch (e.k) {
      case 'num':
        return isBad(e.v) ? { x: e.v, cause: { kind: 'literal', op: String(e.v), args: [] } } : { x: e.v };
      case 'ref':
        return { x: v[e.id]! };
      case 'time':
        return { x: time };
      case 'dt':
        return { x: dt };
      case 'un': {
        const a = this.walk(e.a, v, time, dt, R);
        return e.op === '-' ? { x: -a.x, cause: a.cause } : { x: a.x === 0 ? 1 : 0 };
      }
      case 'bin': {
        const a = this.walk(e.a, v, time, dt, R);
        const b = this.walk(e.b, v, time, dt, R);
        const x = this.apply({ k: 'bin', op: e.op, a: { k: 'ref', id: 0 }, b: { k: 'ref', id: 1 } }, [a.x, b.x], time, dt, R);
        return ARITHMETIC.has(e.op) ? explained(x, [a, b], () => binaryCause(e.op, a.x, b.x)) : { x };
      }
      case 'call': {
        if (e.fn === 'IF THEN ELSE') {
          // Only the branch taken is computed, as in the program.
          const c = this.walk(e.args[0]!, v, time, dt, R);
          return this.walk(c.x !== 0 ? e.args[1]! : e.args[2]!, v, time, dt, R);
        }
        if (e.fn === 'QUEUE AGE IN RANGE') return this.opaque(e, e.fn, v, time, dt, R);
        const args = e.args.map((a) => this.walk(a, v, time, dt, R));
        const xs = args.map((a) => a.x);
        const x = this.apply({ k: 'call', fn: e.fn, args: xs.map((_, i) => ({ k: 'ref', id: i })) }, xs, time, dt, R);
        return explained(x, args, () => callCause(e.fn, xs));
      }
      case 'lookup': {
        const a = this.walk(e.x, v, time, dt, R);
        const x = this.apply({ ...e, x: { k: 'ref', id: 0 } }, [a.x], time, dt, R);
        return explained(x, [a], () => ({ kind: 'function', op: this.scalar.lookups[e.table]?.name ?? 'lookup', args: [a.x] }));
      }
      case 'vec':
        return this.opaque(e, e.fn, v, time, dt, R);
    }
  }

  /** A whole expression computed by the program's own code, blamed as one function. */
  private opaque(e: SExpr, fn: string, v: Float64Array, time: number, dt: number, R: Runtime): { x: number; cause?: NonFiniteCause } {
    const x = this.compile(expr(e, CONCRETE))(v, time, dt, R);
    return isBad(x) ? { x, cause: { kind: 'function', op: fn, args: [] } } : { x };
  }

  /** One operation on given operand values, by the program's own code for it (its operands read from a small vector). */
  private apply(e: SExpr, operands: number[], time: number, dt: number, R: Runtime): number {
    return this.compile(expr(e, CONCRETE))(Float64Array.from(operands), time, dt, R);
  }

  private compile(code: string): Compiled {
    let f = this.compiled.get(code);
    if (!f) {
      f = new Function('v', 'time', 'dt', 'R', `return ${code};`) as Compiled;
      this.compiled.set(code, f);
    }
    return f;
  }
}

/** A value with the cause of its non-finiteness: an operand's, when one was already non-finite, else this operation's. */
function explained(x: number, parts: { x: number; cause?: NonFiniteCause }[], own: () => NonFiniteCause): { x: number; cause?: NonFiniteCause } {
  if (!isBad(x)) return { x };
  const fed = parts.find((p) => isBad(p.x));
  return fed ? { x, cause: fed.cause } : { x, cause: own() };
}

function binaryCause(op: string, a: number, b: number): NonFiniteCause {
  const args = [a, b];
  if (op === '/' && b === 0) return { kind: a === 0 ? 'zero-over-zero' : 'division-by-zero', op, args };
  if (op === '^') return powerCause(op, a, b);
  return { kind: 'overflow', op, args };
}

function powerCause(op: string, a: number, b: number): NonFiniteCause {
  const args = [a, b];
  if (a === 0 && b < 0) return { kind: 'zero-negative-power', op, args };
  if (a < 0 && !Number.isInteger(b)) return { kind: 'power-domain', op, args };
  return { kind: 'overflow', op, args };
}

function callCause(fn: string, xs: number[]): NonFiniteCause {
  if (fn.startsWith('GET DATA')) return { kind: 'missing-data', op: fn, args: xs };
  switch (fn) {
    case 'LN':
      if (xs[0]! <= 0) return { kind: 'ln-domain', op: fn, args: xs };
      break;
    case 'LOG':
      if (xs[0]! <= 0 || xs[1]! <= 0 || xs[1] === 1) return { kind: 'log-domain', op: fn, args: xs };
      break;
    case 'SQRT':
      if (xs[0]! < 0) return { kind: 'sqrt-domain', op: fn, args: xs };
      break;
    case 'POWER':
      return powerCause(fn, xs[0]!, xs[1]!);
    case 'EXP':
    case 'SINH':
    case 'COSH':
      return { kind: 'overflow', op: fn, args: xs };
  }
  return { kind: 'function', op: fn, args: xs };
}
