/**
 * Why a stock became NaN: the first call, in time, of a function outside its domain in the
 * equations the stock depends on. Vensim's pages call these errors: LN of a number ≤ 0 (fn_ln),
 * LOG of a number ≤ 0 (fn_log); SQRT of a negative number has no real value either. The program
 * itself checks nothing per call (a branch in every LN would slow every run): when a run stops on
 * a NaN stock, `CompiledModel` runs the model again with this probe, which evaluates the equations
 * that hold such calls after each step, with checking versions of the calls, and stops at the first
 * argument outside the domain.
 */
import type { BilingualText } from '../ir/diagnostics.js';
import { CONCRETE, expr, type Printer } from '../compile/codegen.js';
import type { ScalarModel, ScalarNode, SExpr } from '../analyze/scalar-model.js';
import type { Runtime } from './runtime-lib.js';

/** What a run calls after its initial computation and after each step's equations (CompiledModel.simulate). */
export interface RunProbe {
  init(v: Float64Array, time: number, dt: number, R: Runtime): void;
  step(v: Float64Array, time: number, dt: number, R: Runtime): void;
}

/** The first call outside its function's domain: the node whose equation made it, the time, the call. */
export class DomainFault extends Error {
  node = -1;
  time = NaN;
  constructor(
    readonly fn: 'LN' | 'LOG' | 'SQRT',
    readonly value: number,
    readonly base?: number,
  ) {
    super(`${fn} of ${value}`);
  }
}

/** The checking calls the probe's equations make instead of Math.log, R.log and Math.sqrt. */
const CHECKS = {
  ln(x: number): number {
    if (x <= 0) throw new DomainFault('LN', x);
    return Math.log(x);
  },
  log(x: number, base: number): number {
    if (x <= 0 || base <= 0 || base === 1) throw new DomainFault('LOG', x, base);
    return Math.log(x) / Math.log(base);
  },
  sqrt(x: number): number {
    if (x < 0) throw new DomainFault('SQRT', x);
    return Math.sqrt(x);
  },
};

const CHECKED: Printer = {
  ...CONCRETE,
  call(fn, a) {
    if (fn === 'LN') return `D.ln(${a[0]})`;
    if (fn === 'LOG') return `D.log(${a[0]}, ${a[1]})`;
    if (fn === 'SQRT') return `D.sqrt(${a[0]})`;
    return undefined;
  },
};

type Checked = (v: Float64Array, time: number, dt: number, R: Runtime, D: typeof CHECKS) => number;

function hasDomainCall(e: SExpr | undefined): boolean {
  if (!e) return false;
  switch (e.k) {
    case 'call':
      return e.fn === 'LN' || e.fn === 'LOG' || e.fn === 'SQRT' || e.args.some(hasDomainCall);
    case 'un':
      return hasDomainCall(e.a);
    case 'bin':
      return hasDomainCall(e.a) || hasDomainCall(e.b);
    case 'lookup':
      return hasDomainCall(e.x);
    case 'vec':
      return e.vecs.some((l) => l.some(hasDomainCall)) || e.scalars.some(hasDomainCall);
    default:
      return false;
  }
}

/** The equation a node computes at the initial time, and the one it computes at each step. */
function phases(n: ScalarNode): { init?: SExpr; step?: SExpr } {
  switch (n.kind) {
    case 'aux':
      return { init: n.expr, step: n.expr };
    case 'initial':
      return { init: n.expr };
    case 'stock':
    case 'active-initial':
    case 'delay-fixed':
      return { init: n.init, step: n.expr };
    default:
      return {};
  }
}

/** A checking function for an equation, or undefined when it draws random numbers (a second draw would move the stream). */
function checked(e: SExpr | undefined): Checked | undefined {
  if (!hasDomainCall(e)) return undefined;
  const code = expr(e!, CHECKED);
  if (code.includes('R.random')) return undefined;
  return new Function('v', 'time', 'dt', 'R', 'D', `return ${code};`) as Checked;
}

/** Probes the nodes `ids` (those a NaN stock depends on) whose equations call LN, LOG or SQRT. */
export function domainProbe(scalar: ScalarModel, ids: Iterable<number>): RunProbe | undefined {
  const atInit: [number, Checked][] = [];
  const atStep: [number, Checked][] = [];
  for (const id of ids) {
    const p = phases(scalar.nodes[id]!);
    const i = checked(p.init);
    const s = checked(p.step);
    if (i) atInit.push([id, i]);
    if (s) atStep.push([id, s]);
  }
  if (atInit.length === 0 && atStep.length === 0) return undefined;
  const probe = (list: [number, Checked][], v: Float64Array, time: number, dt: number, R: Runtime) => {
    for (const [id, f] of list) {
      try {
        f(v, time, dt, R, CHECKS);
      } catch (e) {
        if (!(e instanceof DomainFault)) continue; // any other failure is the run's own to report
        e.node = id;
        e.time = time;
        throw e;
      }
    }
  };
  return {
    init: (v, time, dt, R) => probe(atInit, v, time, dt, R),
    step: (v, time, dt, R) => probe(atStep, v, time, dt, R),
  };
}

/** The fault's call and why it has no value, in both languages. */
export function faultText(f: DomainFault): BilingualText {
  switch (f.fn) {
    case 'LN':
      return { en: `LN of ${f.value} (LN of 0 or of a negative number is not defined)`, es: `LN de ${f.value} (el LN de 0 o de un número negativo no está definido)` };
    case 'LOG':
      return {
        en: `LOG of ${f.value} in base ${f.base} (LOG of 0 or of a negative number, or in a base ≤ 0 or 1, is not defined)`,
        es: `LOG de ${f.value} en base ${f.base} (el LOG de 0 o de un número negativo, o en una base ≤ 0 o 1, no está definido)`,
      };
    case 'SQRT':
      return { en: `SQRT of ${f.value} (SQRT of a negative number is not defined)`, es: `SQRT de ${f.value} (la SQRT de un número negativo no está definida)` };
  }
}
