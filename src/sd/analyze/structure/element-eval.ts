/**
 * The loop-score evaluator of partial-eval.ts, for one element of an arrayed equation: the
 * element's expression after subscript expansion (scalar-model.ts), whose references already
 * name single elements (SUM over a dimension is the sum of the elements it reads). Only what a
 * link score needs: arithmetic, comparisons, memoryless functions, functions of time and lookups (normal, extrapolating, forward, backward); anything
 * else is reported as not evaluable, as partial-eval does.
 */
import type { LookupData, SExpr } from '../scalar-model.js';
import { timeFunction } from '../../ir/time-functions.js';
import { binaryOp, callOp, lookupBy, NotEvaluable, UNARY, type LookupRule } from './partial-eval.js';

/** The table reads scored: each its own rule (partial-eval.ts lookupBy); INVERT, AREA and SLOPE are not. */
const RULES = new Set<string>(['normal', 'extrapolate', 'forward', 'backward']);

export interface ElementEnv {
  /** The value of node `id` (throws NotEvaluable when the run has none). */
  value(id: number): number;
  time: number;
  dt: number;
  lookups: readonly LookupData[];
}

/** Evaluates `e`; throws NotEvaluable for what this evaluator does not cover. */
export function evaluateElement(e: SExpr, env: ElementEnv): number {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'ref':
      return env.value(e.id);
    case 'time':
      return env.time;
    case 'dt':
      return env.dt;
    case 'un': {
      const a = evaluateElement(e.a, env);
      return e.op === '-' ? -a : a === 0 ? 1 : 0;
    }
    case 'bin': {
      const a = evaluateElement(e.a, env);
      const b = evaluateElement(e.b, env);
      const v = binaryOp(e.op, a, b);
      if (v === undefined) throw new NotEvaluable({ en: `operator ${e.op}`, es: `el operador ${e.op}` });
      return v;
    }
    case 'lookup': {
      const t = env.lookups[e.table];
      const rule = RULES.has(e.mode) ? (e.mode as LookupRule) : undefined;
      if (!t || !rule) throw new NotEvaluable({ en: `lookup ${t?.name ?? e.table} (${e.mode})`, es: `la tabla ${t?.name ?? e.table} (${e.mode})` });
      return lookupBy(rule, t, evaluateElement(e.x, env));
    }
    case 'call': {
      const arg = (i: number) => evaluateElement(e.args[i]!, env);
      const f = UNARY[e.fn];
      if (f) return f(arg(0));
      const v = callOp(e.fn, arg, e.args.length);
      if (v !== undefined) return v;
      const w = timeFunction(e.fn, arg, env.time, env.dt);
      if (w !== undefined) return w;
      throw NotEvaluable.function(e.fn);
    }
    case 'vec':
      throw NotEvaluable.function(e.fn);
  }
}
