/**
 * Vensim's Reality Check functions (Help page fn_rc) turned into ordinary expressions for a
 * Constraint's run. The rules, in our words:
 *
 * - RC STEP / RAMP / DECAY / GROW go in the condition (or a Test Input), compared with a variable;
 *   their … CHECK twins go in the consequence. RC COMPARE and RC COMPARE CHECK read another run's
 *   data, which a single check run does not have: refused.
 * - Each one leaves the variable on its normal trajectory until a start time, then gives it a new
 *   one. The start is the optional argument after the function's own ones; without it the model's
 *   RC START TIME; without that INITIAL TIME + TIME STEP. An optional duration after the start
 *   ends the changed trajectory; without it the change lasts to the end of the run.
 * - The basis is read once, at the start: `Yeast Count <= RC DECAY CHECK(1, Yeast Count, 2)`
 *   (User Guide 21030) only means something if the right side decays from the count at the start
 *   while the left side goes on. So b = basis at the start, τ = Time - start, and the new
 *   trajectory is: STEP b·mult; RAMP from b to b·mult over ramptime, then b·mult; DECAY
 *   b·exp(-τ/decaytime); GROW b·exp(growrate·τ).
 * - A CHECK's first argument, grace, is time the model is given to respond: the consequence is
 *   not tested before start + grace, nor after start + duration. (Our reading of "grace"; the
 *   page names it and shows `shorft grace` without defining it further.)
 * - Before the start (and after the duration) an RC function in the condition gives the compared
 *   variable the value the model computed for it, as any forcing does (20980).
 */
import { ModelError, type BilingualText, type SourceLocation } from '../ir/diagnostics.js';
import type { Expr, SubscriptRef } from '../ir/model.js';
import { bin, call, neg, num, ref } from '../ir/expr-build.js';
import { mapExpr } from '../ir/walk.js';

/** A value read once at the start, kept in its own added variable (SAMPLE IF TRUE). */
export interface HeldBasis {
  name: string;
  display: string;
  expr: Expr;
  /** The forced variable whose own name in `expr` means its computed value (a condition's RC). */
  computedOf?: string;
}

export interface RcContext {
  hasStartTime: boolean;
  /** Gives a fresh variable name for a held basis. */
  fresh: (base: string) => { name: string; display: string };
  held: HeldBasis[];
}

const ARITY: Record<string, { own: number; what: 'input' | 'check' }> = {
  'RC STEP': { own: 2, what: 'input' },
  'RC RAMP': { own: 3, what: 'input' },
  'RC DECAY': { own: 2, what: 'input' },
  'RC GROW': { own: 2, what: 'input' },
  'RC STEP CHECK': { own: 3, what: 'check' },
  'RC RAMP CHECK': { own: 4, what: 'check' },
  'RC DECAY CHECK': { own: 3, what: 'check' },
  'RC GROW CHECK': { own: 3, what: 'check' },
};

export function rcName(x: Expr): string | undefined {
  if (x.kind !== 'apply' && x.kind !== 'call') return undefined;
  const fn = x.kind === 'call' ? x.fn : x.display.toUpperCase().replace(/[_\s]+/g, ' ').trim();
  return fn.startsWith('RC ') ? fn : undefined;
}


/**
 * Replaces the RC functions of `e`. `self` is the variable a condition's RC functions force (its
 * own name in the result means its computed value, renamed later); for a consequence, `tested`
 * collects the window in which each CHECK lets the consequence be tested.
 */
export function expandRc(e: Expr, where: BilingualText, ctx: RcContext, use: { kind: 'input'; self?: { name: string; display: string; subs: SubscriptRef[] } } | { kind: 'check'; tested: Expr[] }): Expr {
  return mapExpr(e, (x) => {
    const fn = rcName(x);
    if (!fn || (x.kind !== 'apply' && x.kind !== 'call')) return x;
    const at = x.loc;
    if (fn === 'RC COMPARE' || fn === 'RC COMPARE CHECK') throw refuse({ en: `${fn} in ${where.en} compares with another run's data, which a reality check run here does not have`, es: `${fn} en ${where.es} compara con los datos de otra corrida, que aquí una prueba de realidad no tiene` }, at);
    const spec = ARITY[fn];
    if (!spec) throw refuse({ en: `${fn} in ${where.en} is not a Reality Check function`, es: `${fn} en ${where.es} no es una función de pruebas de realidad (Reality Check)` }, at);
    if (spec.what !== use.kind) {
      throw refuse(
        spec.what === 'check'
          ? { en: `${fn} in ${where.en}: the … CHECK functions belong in the consequence (after :IMPLIES:)`, es: `${fn} en ${where.es}: las funciones … CHECK van en la consecuencia (después de :IMPLIES:)` }
          : { en: `${fn} in ${where.en}: RC functions without CHECK belong in the condition or a Test Input`, es: `${fn} en ${where.es}: las funciones RC sin CHECK van en la condición o en una entrada de prueba (Test Input)` },
        at,
      );
    }
    const args = x.args;
    if (args.length < spec.own || args.length > spec.own + 2) throw refuse({ en: `${fn} in ${where.en} takes ${spec.own} to ${spec.own + 2} arguments but has ${args.length}`, es: `${fn} en ${where.es} lleva de ${spec.own} a ${spec.own + 2} argumentos pero tiene ${args.length}` }, at);
    const own = spec.what === 'check' ? args.slice(1, spec.own) : args.slice(0, spec.own);
    const time = ref('time', at, 'Time');
    const half = bin('/', ref('time step', at, 'TIME STEP'), num(2, at), at);
    const start = args[spec.own] ?? (ctx.hasStartTime ? ref('rc start time', at, 'RC START TIME') : bin('+', ref('initial time', at, 'INITIAL TIME'), ref('time step', at, 'TIME STEP'), at));
    const duration = args[spec.own + 1];
    // Half a step either side so that a start on the time grid is met despite rounding in Time.
    const from = (t: Expr): Expr => bin('>', time, bin('-', t, half, at), at);
    const until = duration ? bin('<', time, bin('-', bin('+', start, duration, at), half, at), at) : undefined;
    const held = ctx.fresh(`${fn.toLowerCase()} basis`);
    ctx.held.push({ name: held.name, display: held.display, expr: call('SAMPLE IF TRUE', [bin('<', time, bin('+', start, half, at), at), own[0]!, own[0]!], at), ...(use.kind === 'input' && use.self ? { computedOf: use.self.name } : {}) });
    const b = ref(held.name, at, held.display);
    const tau = bin('-', time, start, at);
    const base = fn.replace(/ CHECK$/, '');
    const path: Expr =
      base === 'RC STEP'
        ? bin('*', b, own[1]!, at)
        : base === 'RC RAMP'
          ? bin('+', b, bin('*', bin('-', bin('*', b, own[1]!, at), b, at), call('MIN', [num(1, at), bin('/', tau, own[2]!, at)], at), at), at)
          : base === 'RC DECAY'
            ? bin('*', b, call('EXP', [bin('/', neg(tau, at), own[1]!, at)], at), at)
            : bin('*', b, call('EXP', [bin('*', own[1]!, tau, at)], at), at);
    if (use.kind === 'check') {
      const window = from(bin('+', start, args[0]!, at));
      use.tested.push(until ? bin('and', window, until, at) : window);
      return path;
    }
    if (!use.self) throw refuse({ en: `${fn} in ${where.en} must be compared with a model variable (var = ${fn}(…))`, es: `${fn} en ${where.es} debe compararse con una variable del modelo (var = ${fn}(…))` }, at);
    const active = until ? bin('and', from(start), until, at) : from(start);
    return call('IF THEN ELSE', [active, path, ref(use.self.name, at, use.self.display, use.self.subs)], at);
  });
}

function refuse(text: BilingualText, loc: SourceLocation): ModelError {
  return ModelError.at('E_REALITY_CHECK', text, loc);
}
