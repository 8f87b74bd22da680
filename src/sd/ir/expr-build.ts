/** Small constructors for IR expressions, so code that builds expressions reads like the formulas it builds. */
import type { SourceLocation } from './diagnostics.js';
import type { BinaryOp, Expr, SubscriptRef } from './model.js';

export const num = (value: number, loc: SourceLocation): Expr => ({ kind: 'num', value, loc });

export const ref = (name: string, loc: SourceLocation, display = name, subs: SubscriptRef[] = []): Expr => ({ kind: 'ref', name, display, subs, loc });

export const call = (fn: string, args: Expr[], loc: SourceLocation): Expr => ({ kind: 'call', fn, args, loc });

export const apply = (name: string, args: Expr[], loc: SourceLocation, display = name): Expr => ({ kind: 'apply', name, display, subs: [], args, loc });

export const bin = (op: BinaryOp, left: Expr, right: Expr, loc: SourceLocation = left.loc): Expr => ({ kind: 'binary', op, left, right, loc });

export const neg = (arg: Expr, loc: SourceLocation = arg.loc): Expr => ({ kind: 'unary', op: '-', arg, loc });
