/**
 * Vensim's RAMP with an end time and PULSE(start, width), which XMILE 1.0 lacks (its RAMP has no
 * end, its PULSE is another function), as XMILE expressions that compute the same numbers as the
 * engine's Vensim functions (src/sd/run/runtime-lib.ts), operation for operation:
 * - RAMP(slope, start, end) with start ≤ end, both numbers: IF TIME > end THEN slope * (end − start)
 *   ELSE RAMP(slope, start). Vensim's reference: 0 before start, slope × (Time − start) until end,
 *   then held.
 * - PULSE(start, width): 1 while start < Time + DT/2 < start + width, a width of 0 meaning one DT
 *   (Vensim's reference, with its 'time plus' rule).
 * - RAMP(slope, start, end) otherwise, as the engine computes it: 0 while Time + DT/1000 < start,
 *   else slope × (MIN(Time, end) − start), the MIN written IF TIME > end THEN end ELSE TIME.
 * - PULSE TRAIN(start, width, interval, end), as the engine computes it (fn_pulse_train): with
 *   eps = DT × 0.001, 0 while Time + eps < start or Time − eps > end; else, w the width (DT when it
 *   is 0 or less), 1 while Time + eps < start + w when the interval is 0 or less, and otherwise
 *   while (Time + eps − start) remainder interval < w. That remainder is JavaScript's `%` of a
 *   non-negative number by a positive one, which XMILE's MOD (floored) gives unchanged.
 * The engine reads these test inputs at the time of the step (held through Runge-Kutta stages,
 * runtime-lib heldTime), which XMILE's TIME is only under Euler: the writer uses these forms under
 * Euler alone. Arguments are repeated in the expression, so they must not hold a function call (a
 * stateful one would be duplicated); otherwise undefined, and the writer refuses.
 */
import type { Expr } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';
import { apply, bin, call, dtRef, num, ref, stopRef } from './ir-build.js';

const callFree = (e: Expr): boolean => {
  let free = true;
  visitExpr(e, (x) => {
    if (x.kind === 'call' || x.kind === 'apply') free = false;
  });
  return free;
};

export function rampWithEnd(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
  const [slope, start, end] = e.args;
  if (!slope || start?.kind !== 'num' || end?.kind !== 'num' || start.value > end.value || !callFree(slope)) return undefined;
  const time = ref('time', e.loc, 'Time');
  const held = bin('*', slope, bin('-', end, start, e.loc), e.loc);
  return call('IF THEN ELSE', [bin('>', time, end, e.loc), held, call('RAMP', [slope, start, stopRef(e.loc)], e.loc)], e.loc);
}

export function vensimPulse(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
  const [start, width] = e.args;
  if (!start || !width || e.args.length !== 2 || !callFree(start) || !callFree(width)) return undefined;
  const loc = e.loc;
  const w = width.kind === 'num' ? (width.value > 0 ? width : dtRef(loc)) : call('IF THEN ELSE', [bin('>', width, num(0, loc), loc), width, dtRef(loc)], loc);
  const plus = () => bin('+', ref('time', loc, 'Time'), bin('/', dtRef(loc), num(2, loc), loc), loc);
  const inside = bin('and', bin('>', plus(), start, loc), bin('<', plus(), bin('+', start, w, loc), loc), loc);
  return call('IF THEN ELSE', [inside, num(1, loc), num(0, loc)], loc);
}

/** Time + DT × 0.001 (or −): the engine's tolerance on the start and end of a test input. */
const nudged = (op: '+' | '-', loc: Expr['loc']): Expr => bin(op, ref('time', loc, 'Time'), bin('*', dtRef(loc), num(1e-3, loc), loc), loc);

/** RAMP(slope, start, end) as the engine's rule, any start and end. */
export function rampAsCondition(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
  const [slope, start, end] = e.args;
  if (!slope || !start || !end || e.args.length !== 3 || ![slope, start, end].every(callFree)) return undefined;
  const loc = e.loc;
  const time = ref('time', loc, 'Time');
  const until = call('IF THEN ELSE', [bin('>', time, end, loc), end, time], loc);
  return call('IF THEN ELSE', [bin('<', nudged('+', loc), start, loc), num(0, loc), bin('*', slope, bin('-', until, start, loc), loc)], loc);
}

/** PULSE TRAIN(start, width, interval, end) as the engine's rule. */
export function pulseTrain(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
  const [start, width, interval, end] = e.args;
  if (!start || !width || !interval || !end || e.args.length !== 4 || ![start, width, interval, end].every(callFree)) return undefined;
  const loc = e.loc;
  const w = width.kind === 'num' ? (width.value > 0 ? width : dtRef(loc)) : call('IF THEN ELSE', [bin('>', width, num(0, loc), loc), width, dtRef(loc)], loc);
  const one = (c: Expr) => call('IF THEN ELSE', [c, num(1, loc), num(0, loc)], loc);
  const since = apply('#mod', [bin('-', nudged('+', loc), start, loc), interval], loc);
  const inside = call('IF THEN ELSE', [bin('<=', interval, num(0, loc), loc), one(bin('<', nudged('+', loc), bin('+', start, w, loc), loc)), one(bin('<', since, w, loc))], loc);
  const outside = bin('or', bin('<', nudged('+', loc), start, loc), bin('>', nudged('-', loc), end, loc), loc);
  return call('IF THEN ELSE', [outside, num(0, loc), inside], loc);
}
