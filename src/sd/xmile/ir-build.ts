/** IR expressions the XMILE reader builds: the generic constructors (ir/expr-build.ts) and XMILE's control variables. */
import type { SourceLocation } from '../ir/diagnostics.js';
import type { Expr } from '../ir/model.js';
import { bin, num, ref } from '../ir/expr-build.js';

export { apply, bin, call, neg, num, ref } from '../ir/expr-build.js';

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
