/**
 * One static solve (one year): build the square system for a closure and policy, run Newton from a
 * start point, and report the solution with its indicators (MODEL.md E37–E40).
 */
import { SimulationError } from '../../sd/ir/diagnostics.js';
import type { Calibration } from './calibrate.js';
import type { Closure } from './closure.js';
import { buildSpec, evaluate, type ModelSpec, type State } from './equations.js';
import { newton, type JacobianCache } from './newton.js';
import type { Policy } from './policy.js';

export interface Solution {
  spec: ModelSpec;
  x: Float64Array;
  converged: boolean;
  iterations: number;
  maxResidual: number;
  /** Slack of the dropped savings–investment equation E32, relative to base investment. */
  walras: number;
  st: State;
}

/** A solution's unknowns by name and account, to start another closure's solve from it. */
export function unknownMap(sol: Solution): Map<string, number> {
  return new Map(sol.spec.unknowns.map((u, k) => [`${u.name}|${u.account}`, sol.x[k]!]));
}

/** The identity of a system for the Jacobian cache: its unknowns and equations in order. */
export function systemKey(spec: ModelSpec): string {
  return spec.unknowns.map((u) => `${u.name}|${u.account}`).join(',') + '#' + spec.equations.map((e) => `${e.id}|${e.account}`).join(',');
}

/**
 * `jacobian`: a factorised Jacobian shared between solves of the same system (the years of a
 * recursive run), used as the chord of a Newton–chord iteration (newton.ts).
 */
export function solveStatic(
  cal: Calibration,
  closure: Closure,
  policy: Policy,
  start?: Float64Array | Map<string, number>,
  file?: string,
  jacobian?: JacobianCache,
): Solution {
  const spec = buildSpec(cal, closure, policy, file);
  const x0 =
    start instanceof Map
      ? new Float64Array(spec.unknowns.map((u) => start.get(`${u.name}|${u.account}`) ?? u.base))
      : start && start.length === spec.unknowns.length
        ? start
        : new Float64Array(spec.unknowns.map((u) => u.base));
  // The state at the solution is the last plain evaluation's when Newton stopped on that point.
  let lastX: Float64Array | null = null;
  let lastSt: State | null = null;
  const f = (x: Float64Array, seed: boolean) => {
    const o = evaluate(spec, x, seed);
    if (!seed) {
      lastX = x;
      lastSt = o.st;
    }
    return o.res;
  };
  const r = newton(f, x0, spec.equations, jacobian ? { cache: jacobian, key: systemKey(spec) } : {});
  const st = lastX === r.x && lastSt ? lastSt : evaluate(spec, r.x, false).st;
  const inv0 = Math.max(1, cal.QINV0.reduce((s, q) => s + q, 0) + cal.QDST0.reduce((s, q) => s + Math.abs(q), 0));
  const sol: Solution = { spec, x: r.x, converged: r.converged, iterations: r.iterations, maxResidual: r.maxResidual, walras: Math.abs(st.walras.v) / inv0, st };
  if (!r.converged) {
    const worst = r.worst.map((w) => `${w.equation.id} ${w.equation.name} [${w.equation.account}] = ${w.residual.toExponential(3)}`).join('; ');
    throw new SimulationError(
      {
        en: `the CGE did not converge after ${r.iterations} Newton steps (max relative residual ${r.maxResidual.toExponential(3)}); largest residuals: ${worst}`,
        es: `el modelo CGE no convergió tras ${r.iterations} pasos de Newton (residuo relativo máximo ${r.maxResidual.toExponential(3)}); mayores residuos: ${worst}`,
      },
      r.worst[0]?.equation.account ?? '',
      r.iterations,
    );
  }
  return sol;
}

const sumv = (xs: { v: number }[]) => xs.reduce((s, d) => s + d.v, 0);

/** Real GDP at base prices from the expenditure side (E38). */
export function realGdp(sol: Solution): number {
  const { st, spec } = sol;
  const cal = spec.cal;
  let g = 0;
  cal.C.forEach((_, i) => {
    g += sumv(st.QH[i]!) + sumv(st.QENT[i]!) + sumv(st.QG[i]!) + st.QINV[i]!.v + st.QDST[i]! + st.QE[i]!.v - st.QM[i]!.v;
  });
  cal.A.forEach((_, a) => (g += sumv(st.QHA[a]!)));
  return g;
}

/** Nominal GDP at market prices (expenditure side). */
export function nominalGdp(sol: Solution): number {
  const { st, spec } = sol;
  let g = 0;
  spec.cal.C.forEach((_, i) => {
    const pq = st.PQ[i]!.v;
    g += pq * (sumv(st.QH[i]!) + sumv(st.QENT[i]!) + sumv(st.QG[i]!) + st.QINV[i]!.v + st.QDST[i]!);
    g += (spec.policy.pwe?.[i] ?? 1) * st.EXR.v * (st.QE[i]!.v + spec.cal.RE0[i]!) - (spec.policy.pwm?.[i] ?? 1) * st.EXR.v * (st.QM[i]!.v + spec.cal.RE0[i]!);
  });
  spec.cal.A.forEach((_, a) => (g += st.PA[a]!.v * sumv(st.QHA[a]!)));
  return g;
}

/** Equivalent variation of each household (E39), by INS position (NaN for non-households). */
export function equivalentVariation(sol: Solution): { ev: number; evPct: number }[] {
  const { st, spec } = sol;
  const cal = spec.cal;
  return cal.INS.map((ins, ii) => {
    if (cal.acc[ins]!.type !== 'household') return { ev: NaN, evPct: NaN };
    let g0 = 0, g1 = 0, logIdx = 0;
    cal.C.forEach((_, i) => {
      const gam = cal.lesGamma[i]![ii]!;
      g0 += gam;
      g1 += st.PQ[i]!.v * gam;
      const b = cal.lesBeta[i]![ii]!;
      if (b > 0) logIdx += b * Math.log(1 / st.PQ[i]!.v);
    });
    cal.A.forEach((_, a) => {
      const gam = cal.lesGammaA[a]![ii]!;
      g0 += gam;
      g1 += st.PA[a]!.v * gam;
      const b = cal.lesBetaA[a]![ii]!;
      if (b > 0) logIdx += b * Math.log(1 / st.PA[a]!.v);
    });
    const ev = g0 + (st.EH[ii]!.v - g1) * Math.exp(logIdx) - cal.EH0[ii]!;
    return { ev, evPct: (100 * ev) / cal.YI0[ii]! };
  });
}
