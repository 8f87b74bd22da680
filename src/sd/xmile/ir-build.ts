/** Small constructors for IR expressions, so translations read like the formulas they build. */
import type { SourceLocation } from '../ir/diagnostics.js';
import type { BinaryOp, Expr, SubscriptRef } from '../ir/model.js';

export const num = (value: number, loc: SourceLocation): Expr => ({ kind: 'num', value, loc });

export const ref = (name: string, loc: SourceLocation, display = name, subs: SubscriptRef[] = []): Expr => ({ kind: 'ref', name, display, subs, loc });

export const call = (fn: string, args: Expr[], loc: SourceLocation): Expr => ({ kind: 'call', fn, args, loc });

export const apply = (name: string, args: Expr[], loc: SourceLocation, display = name): Expr => ({ kind: 'apply', name, display, subs: [], args, loc });

export const bin = (op: BinaryOp, left: Expr, right: Expr, loc: SourceLocation = left.loc): Expr => ({ kind: 'binary', op, left, right, loc });

export const neg = (arg: Expr, loc: SourceLocation = arg.loc): Expr => ({ kind: 'unary', op: '-', arg, loc });

/** The control variables every IR model has; XMILE's DT, STARTTIME and STOPTIME name them. */
export const CONTROL = { start: 'initial time', stop: 'final time', dt: 'time step', saveper: 'saveper' } as const;

export const dtRef = (loc: SourceLocation): Expr => ref(CONTROL.dt, loc, 'TIME STEP');
export const startRef = (loc: SourceLocation): Expr => ref(CONTROL.start, loc, 'INITIAL TIME');
export const stopRef = (loc: SourceLocation): Expr => ref(CONTROL.stop, loc, 'FINAL TIME');

/** Sum of terms (0 for none), left to right. */
export function sum(terms: Expr[], loc: SourceLocation): Expr {
  if (terms.length === 0) return num(0, loc);
  return terms.slice(1).reduce((a, b) => bin('+', a, b, loc), terms[0]!);
}
