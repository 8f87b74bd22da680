/**
 * XMILE built-ins the writer gives back their XMILE text, and Vensim's MODULO in XMILE's MOD.
 *
 * The reader turns the XMILE built-ins whose meaning is not a Vensim function's into its own
 * macros (internal-macros.ts: INT → #int, MOD → #mod, PULSE → #pulse, …). Each is written back as
 * the XMILE call it was read from, with the same arguments, so it is read again into the same macro.
 *
 * Vensim's MODULO keeps the dividend's sign (runtime-lib.ts: JavaScript's `%`, IEEE remainder by
 * truncation); XMILE 1.0 §3.3.1's MOD is floored (its sign follows the divisor). On magnitudes both
 * agree: for a ≥ 0 and any b, a % b = a % |b| = a MOD |b| (a non-negative remainder over a positive
 * divisor needs no flooring correction), and a % b = −(|a| % |b|) for a < 0 (the remainder's
 * magnitude depends on |a| and |b| only). So MODULO(a, b) is written
 *   IF a < 0 THEN −(ABS(a) MOD ABS(b)) ELSE ABS(a) MOD ABS(b)
 * which gives the same double for every input, NaN and infinities included (b = 0 gives NaN on both
 * sides; b = ±INF gives a). One difference is not a number's: a = −0 gives +0 where `%` gives −0,
 * which compare equal. The form repeats a, so a and b must not hold a function call (a stateful or
 * random one would be duplicated): else undefined, and the writer refuses.
 *
 * QUANTUM(a, q) is a when q ≤ 0, else q × trunc(a / q) (runtime-lib.ts): written with the IR's
 * INTEGER, which the writer writes as XMILE's floor INT on the magnitude (exact truncation).
 */
import type { Expr } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';
import { apply, bin, call, neg, num } from './ir-build.js';

/** The XMILE name of each reader macro written back as the call it was read from. */
export const INTERNAL_CALL: Readonly<Record<string, string>> = {
  '#int': 'INT',
  '#pulse': 'PULSE',
  '#lognormal': 'LOGNORMAL',
  '#lognormals': 'LOGNORMAL',
  '#smthn': 'SMTHN',
  '#delayn': 'DELAYN',
  '#forcst': 'FORCST',
};

/** `#mod` is the infix operator MOD (XMILE 1.0 §3.3.1), not a function. */
export const INTERNAL_MOD = '#mod';

/** Reader macros the writer never writes as <macro>: it writes their calls back as XMILE. */
export const isWrittenBack = (name: string): boolean => name in INTERNAL_CALL || name === INTERNAL_MOD;

/** The expression holds no function call (so writing it twice computes nothing twice). */
export const callFree = (e: Expr): boolean => {
  let free = true;
  visitExpr(e, (x) => {
    if (x.kind === 'call' || x.kind === 'apply') free = false;
  });
  return free;
};

/** Vensim's MODULO(a, b) as XMILE MOD on magnitudes (see above), or undefined where a or b holds a call. */
export function vensimModulo(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
  const [a, b] = e.args;
  if (!a || !b || e.args.length !== 2 || !callFree(a) || !callFree(b)) return undefined;
  const loc = e.loc;
  const mod = () => apply(INTERNAL_MOD, [call('ABS', [a], loc), call('ABS', [b], loc)], loc);
  return call('IF THEN ELSE', [bin('<', a, num(0, loc), loc), neg(mod(), loc), mod()], loc);
}

/** QUANTUM(a, q) as a condition and a truncation, or undefined where a or q holds a call. */
export function quantum(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
  const [a, q] = e.args;
  if (!a || !q || e.args.length !== 2 || !callFree(a) || !callFree(q)) return undefined;
  const loc = e.loc;
  return call('IF THEN ELSE', [bin('<=', q, num(0, loc), loc), a, bin('*', q, call('INTEGER', [bin('/', a, q, loc)], loc), loc)], loc);
}
