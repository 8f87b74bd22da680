/**
 * Vensim's FORECAST and SAMPLE IF TRUE written with XMILE 1.0 built-ins that make the engine
 * compute the same doubles, operation for operation.
 *
 * FORECAST(input, average time, horizon) (fn_forecast; the engine's lowering in
 * analyze/stateful.ts) is input × (1 + ZIDZ(input − average, average time × average) × horizon),
 * where average is a stock with rate (input − average) / average time and initial value
 * input / (1 + 0 × average time) (TREND's initial average with an initial trend of 0), and no ABS
 * around the average (unlike TREND, so XMILE's FORCST, read as TREND, is not it). XMILE's
 * SMTH1(input, average time, initial) is that stock exactly: the reader reads it as SMOOTHI, whose
 * stock has the same rate, (input − stock) / time, and the given initial value. So FORECAST is
 * written as that formula with SMTH1(input, t, input / (1 + 0 * t)) for the average (twice: two
 * stocks computing the same numbers) and ZIDZ as the writer writes it (a condition the engine's
 * zidz computes the same way). The form repeats input and average time, so they must hold no
 * function call (a stateful or random one would be computed apart): else undefined.
 *
 * SAMPLE IF TRUE(condition, input, initial) (fn_sample_if_true; codegen's 'sample' node) is, at
 * each step, the input when the condition is not 0 and else the value it had the step before; at
 * the initial time the input when the condition holds and else the initial value. XMILE 1.0's
 * DELAY(x, DT, initial) is x of one DT before (initial at the start time): the engine keeps x of
 * every step and gives the previous one back (runtime-lib.ts delayOut, round(DT / DT) = 1 step).
 * So the variable is written `IF condition THEN input ELSE DELAY(itself, DT, initial)`, the same
 * choice between the same values at every saved step. Only as a variable's whole equation (the
 * form names the variable), and only where the condition and input do not read the variable
 * itself (the engine then starts from the initial value without testing the condition, which the
 * form does not).
 */
import type { BilingualText } from '../ir/diagnostics.js';
import type { Expr, SubscriptRef } from '../ir/model.js';
import { visitExpr } from '../ir/walk.js';
import { callFree } from './writer-builtins.js';
import { bin, call, dtRef, num } from './ir-build.js';

/** FORECAST as SMTH1 (SMOOTHI) and ZIDZ (see above), or undefined where input or average time holds a call. */
export function forecastForm(e: Extract<Expr, { kind: 'call' }>): Expr | undefined {
  const [input, t, horizon] = e.args;
  if (!input || !t || !horizon || e.args.length !== 3 || !callFree(input) || !callFree(t)) return undefined;
  const loc = e.loc;
  const average = () => call('SMOOTHI', [input, t, bin('/', input, bin('+', num(1, loc), bin('*', num(0, loc), t, loc), loc), loc)], loc);
  const trend = call('ZIDZ', [bin('-', input, average(), loc), bin('*', t, average(), loc)], loc);
  return bin('*', input, bin('+', num(1, loc), bin('*', trend, horizon, loc), loc), loc);
}

export const SAMPLE_NESTED: BilingualText = {
  en: 'SAMPLE IF TRUE inside an expression (it is written as its variable: IF condition THEN input ELSE DELAY(the variable, DT, initial), which needs the whole equation)',
  es: 'SAMPLE IF TRUE dentro de una expresión (se escribe como su variable: IF condición THEN entrada ELSE DELAY(la variable, DT, inicial), lo que necesita la ecuación entera)',
};

export const SAMPLE_READS_ITSELF: BilingualText = {
  en: 'SAMPLE IF TRUE whose condition or input reads the variable itself (the engine starts it from the initial value without testing the condition, which IF … ELSE DELAY(…) does not)',
  es: 'SAMPLE IF TRUE cuya condición o entrada lee la propia variable (el motor la inicia en el valor inicial sin evaluar la condición, y IF … ELSE DELAY(…) no)',
};

export const SAMPLE_UNDER_RK: BilingualText = {
  en: 'SAMPLE IF TRUE under Runge-Kutta (the engine tests the condition at every stage and keeps the last input taken, which DELAY(…, DT, …) of the saved steps is not)',
  es: 'SAMPLE IF TRUE con Runge-Kutta (el motor evalúa la condición en cada etapa y guarda la última entrada tomada, lo que no es DELAY(…, DT, …) de los pasos guardados)',
};

/**
 * A variable's whole equation SAMPLE IF TRUE(c, x, init) as IF c THEN x ELSE DELAY(self, DT, init),
 * the variable named with the equation's subscripts; a refusal where c or x reads the variable.
 */
export function sampleIfTrueForm(e: Extract<Expr, { kind: 'call' }>, self: { name: string; display: string; subs: SubscriptRef[] }): Expr | BilingualText {
  const [cond, input, init] = e.args;
  if (!cond || !input || !init || e.args.length !== 3) return SAMPLE_NESTED;
  let readsSelf = false;
  for (const a of [cond, input]) visitExpr(a, (x) => {
    if ((x.kind === 'ref' || x.kind === 'apply') && x.name === self.name) readsSelf = true;
  });
  if (readsSelf) return SAMPLE_READS_ITSELF;
  const loc = e.loc;
  const held = call('DELAY FIXED', [{ kind: 'ref', name: self.name, display: self.display, subs: self.subs, loc }, dtRef(loc), init], loc);
  return call('IF THEN ELSE', [cond, input, held], loc);
}
