/**
 * Vensim's RAMP with an end time and PULSE(start, width), which XMILE 1.0 lacks (its RAMP has no
 * end, its PULSE is another function), as XMILE expressions that compute the same numbers as the
 * engine's Vensim functions (src/sd/run/runtime-lib.ts), operation for operation:
 * - RAMP(slope, start, end) with start ≤ end, both numbers: IF TIME > end THEN slope * (end − start)
 *   ELSE RAMP(slope, start). Vensim's reference: 0 before start, slope × (Time − start) until end,
 *   then held.
 * - PULSE(start, width): 1 while start < Time + DT/2 < start + width, a width of 0 meaning one DT
 *   (Vensim's reference, with its 'time plus' rule).
 * Arguments are repeated in the expression, so they must not hold a function call (a stateful one
 * would be duplicated); otherwise undefined, and the writer refuses.
 */
import type { Expr } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';
import { bin, call, dtRef, num, ref, stopRef } from './ir-build.js';

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
