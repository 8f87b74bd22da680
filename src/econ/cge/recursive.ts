/**
 * Recursive dynamics (MODEL.md E41–E43): one static equilibrium per year from the SAM's base year,
 * linked by capital accumulation (investment allocated by relative profitability), labour supply
 * growth, energy-efficiency and productivity paths. The baseline solves each year's uniform
 * productivity so that real GDP follows the given path; scenarios reuse the baseline's productivity
 * path, so their differences come from the policy alone.
 */
import { InputError, SimulationError } from '../../sd/ir/diagnostics.js';
import type { Closure } from './closure.js';
import type { LoadedModel } from './model-dir.js';
import type { Policy } from './policy.js';
import { measuresPolicy, scenarioClosure, type Scenario } from './scenario.js';
import { newJacobianCache, type JacobianCache } from './newton.js';
import { realGdp, solveStatic, unknownMap, type Solution } from './solve.js';

/** Exogenous paths a caller (the SD link) may impose per year, by year offset from the base. */
export interface ExogenousPaths {
  /** Labour-supply index (1 = base) per year. */
  labourIndex?: number[];
  /** Energy-efficiency index (1 = base) per year. */
  energyEfficiency?: number[];
  /** Extra green public investment (real, SAM units) per year. */
  greenInvestment?: number[];
  /** Emission-factor multiplier per year. */
  emissionFactorIndex?: number[];
  /** Real GDP relative to the base year per year: the baseline's E43 target instead of the growth path of model.json. */
  gdpIndex?: number[];
}

export interface YearRecord {
  year: number;
  sol: Solution;
  gdp: number;
  tfp: number;
  /** The real GDP target of the year (E43), when the run tracks a GDP path. */
  gdpTarget?: number;
}
export interface RecursiveRun {
  years: number[];
  records: YearRecord[];
  tfpPath: number[];
  /** Real government savings per year. */
  gsavPath: number[];
  closure: Closure;
  /** Solver work: Jacobian factorisations and chord steps over the run (Newton–chord, newton.ts). */
  solver?: { factorisations: number; chordSteps: number };
}

export interface RecursiveOptions {
  years?: [number, number];
  scenario?: Scenario | null;
  /** Productivity path from a baseline run (by year offset); when absent the run tracks the GDP path. */
  tfpPath?: number[];
  paths?: ExogenousPaths;
  /** Real government savings per year (from the baseline), the target when a recycling instrument adjusts. */
  gsavPath?: number[];
  /** A baseline run whose yearly solutions start this run's solves. */
  startFrom?: RecursiveRun;
  /** Limit on years, checked before anything runs. */
  maxYears?: number;
}

const valued = (x: { value: number } | undefined, def: number) => (x ? x.value : def);

export function basePolicy(model: LoadedModel): Policy {
  const { cal, desc } = model;
  const popTot = Object.values(desc.population ?? {}).reduce((s, v) => s + v.value, 0);
  const popShare = desc.population ? cal.INS.map((i) => (desc.population![cal.acc[i]!.code]?.value ?? 0) / popTot) : undefined;
  const poorest = desc.poorest?.map((code) => cal.INS.findIndex((i) => cal.acc[i]!.code === code)).filter((k) => k >= 0);
  const ef = cal.C.map((c) => desc.emissionFactors?.[cal.acc[c]!.code]?.value ?? 0);
  const gb = cal.C.map((c) => desc.greenInvestment?.[cal.acc[c]!.code] ?? 0);
  const gbTot = gb.reduce((s, x) => s + x, 0);
  return { popShare, poorest, ef, greenBundle: gbTot > 0 ? gb.map((x) => x / gbTot) : undefined };
}

/**
 * The state of a recursive run between years, for running it one year at a time (the SD link,
 * src/econ/link): `startRecursive`, then per year `solveYear` (as often as needed, e.g. inside an
 * iteration with another model; each call starts from the same point and reuses the run's
 * factorised Jacobian) and `commitYear` (records the year and accumulates capital, E41), then
 * `finishRecursive`. `runRecursive` is this loop with the paths of its options.
 */
export interface RecursiveState {
  readonly model: LoadedModel;
  readonly opts: RecursiveOptions;
  readonly closure: Closure;
  /** The year the next `solveYear` solves. */
  year: number;
  readonly endYear: number;
  readonly records: YearRecord[];
  readonly tfpPath: number[];
  /** Capital by factor and activity (value units, services = K·rr). */
  K: number[][];
  start?: Float64Array;
  startMap?: Map<string, number>;
  prevMap?: Map<string, number>;
  /** Last year's real GDP target (E43). */
  target: number;
  readonly jacobian: JacobianCache;
  readonly base: Policy;
  readonly kIdx: boolean[];
  readonly par: { delta: number; rr: number; zeta: number; gL: number; gE: number };
}

/** Values imposed on one year's solve; each replaces the year's entry of the run's paths. */
export interface YearInputs {
  labourIndex?: number;
  energyEfficiency?: number;
  emissionFactorIndex?: number;
  greenInvestment?: number;
  /** Real GDP relative to the base year's (the baseline's E43 target); only when no productivity path is given. */
  gdpIndex?: number;
}

export function startRecursive(model: LoadedModel, opts: RecursiveOptions = {}): RecursiveState {
  const { cal, desc } = model;
  const y0 = model.baseYear;
  const [ya, yb] = opts.years ?? [y0, desc.endYear ?? 2050];
  if (ya !== y0) throw new InputError(`--years ${ya}:${yb}`, { en: `a recursive run starts at the SAM base year (${y0})`, es: `la corrida recursiva empieza en el año base de la MCS (${y0})` });
  if (!(yb >= ya)) throw new InputError(`--years ${ya}:${yb}`, { en: 'the end year must be ≥ the start year', es: 'el año final debe ser ≥ el inicial' });
  const maxYears = opts.maxYears ?? 200;
  if (yb - ya + 1 > maxYears) throw new InputError(`--years ${ya}:${yb}`, { en: `more than ${maxYears} years`, es: `más de ${maxYears} años` });
  const dyn = desc.dynamics;
  const par = {
    delta: valued(dyn?.depreciation, 0.05),
    rr: valued(dyn?.grossReturn, 0.15),
    zeta: valued(dyn?.allocationElasticity, 1),
    gL: valued(dyn?.labourGrowth, 0.015),
    gE: valued(dyn?.energyEfficiencyGain, 0.01),
  };
  const kIdx = cal.F.map((_, f) => cal.factorKind[f] !== 'labour');
  return {
    model,
    opts,
    closure: scenarioClosure(model.closure, opts.scenario ?? null),
    year: ya,
    endYear: yb,
    records: [],
    tfpPath: [],
    // Capital in value units: services QF = K·rr (E41).
    K: cal.F.map((_, f) => cal.A.map((_a, a) => (kIdx[f] ? cal.QF0[f]![a]! / par.rr : 0))),
    target: NaN,
    // One factorised Jacobian for the whole run: the years solve the same system (Newton–chord).
    jacobian: newJacobianCache(),
    base: basePolicy(model),
    kIdx,
    par,
  };
}

function growthOf(model: LoadedModel, t: number): number {
  const g = model.desc.dynamics?.gdpGrowth;
  if (!g || g.rates.length === 0) return 0.03;
  const k = g.years.findIndex((y) => y === model.baseYear + t);
  return k >= 0 ? g.rates[k]! : g.rates[g.rates.length - 1]!;
}

/** Solves the state's current year with the given inputs; the state is not advanced (see commitYear). */
export function solveYear(state: RecursiveState, inputs: YearInputs = {}): YearRecord {
  const { model, opts, closure, base, kIdx, records, tfpPath, jacobian, K } = state;
  const { cal } = model;
  const { rr, gL, gE } = state.par;
  const { start, startMap, prevMap } = state;
  const year = state.year;
  const t = year - model.baseYear;
  const gdpIdx = records.length ? records[records.length - 1]!.gdp / records[0]!.gdp : 1;
  const lab = inputs.labourIndex ?? opts.paths?.labourIndex?.[t] ?? (1 + gL) ** t;
  const eff = inputs.energyEfficiency ?? opts.paths?.energyEfficiency?.[t] ?? (1 + gE) ** t;
  const efIdx = inputs.emissionFactorIndex ?? opts.paths?.emissionFactorIndex?.[t] ?? 1;
  const m = measuresPolicy(opts.scenario ?? null, cal, year);
  const unit = 1e6; // SAM values in million soles: carbon tax soles/t → SAM units per t
  const policy: Policy = {
    ...base,
    ef: base.ef?.map((x) => x * efIdx),
    dtq: m.dtq,
    carbonTax: (m.carbonTax ?? 0) / unit,
    qfs: cal.F.map((_, f) => (kIdx[f] ? cal.QFS0[f]! : cal.QFS0[f]! * lab)),
    ks: cal.F.map((_, f) => cal.A.map((_a, a) => (kIdx[f] ? K[f]![a]! * rr : cal.QF0[f]![a]!))),
    aeei: cal.A.map(() => eff),
    gadj: gdpIdx,
    fsav: cal.FSAVtotal * gdpIdx,
    gsav: opts.gsavPath?.[t] ?? cal.GSAV0.reduce((s, x) => s + x, 0) * gdpIdx,
    green: inputs.greenInvestment ?? opts.paths?.greenInvestment?.[t] ?? 0,
  };
  const prevTfp = t > 0 ? tfpPath[t - 1]! : 1;
  const solveWith = (tfp: number): Solution => {
    const at = (x: number, from?: Float64Array | Map<string, number>) => solveStatic(cal, closure, { ...policy, tfp: cal.A.map(() => x) }, from, undefined, jacobian);
    try {
      // A scenario starts each year from the baseline's solution of that year (same when no measure is active).
      // With last year's deviation from the baseline carried forward (a first-order predictor).
      const fromBase = opts.startFrom?.records[t]?.sol;
      const lastBase = opts.startFrom?.records[t - 1]?.sol;
      if (fromBase) return at(tfp, lastBase && startMap ? extrapolate(unknownMap(fromBase), startMap, unknownMap(lastBase)) : unknownMap(fromBase));
      return at(tfp, start);
    } catch (e) {
      if (!(e instanceof SimulationError)) throw e;
      // Continuation: reach a large productivity change in steps from last year's level.
      let x: Float64Array | Map<string, number> | undefined = start;
      let sol: Solution | undefined;
      for (let k = 1; k <= 8; k++) {
        sol = at(prevTfp + ((tfp - prevTfp) * k) / 8, x);
        x = sol.x;
      }
      return sol!;
    }
  };
  const solveJoint = (level: number, gdpTarget: number): { tfp: number; sol: Solution } | null => {
    // Start: last year's solution plus last year's change; the productivity multiplier at last year's.
    const from = startMap && prevMap ? extrapolate(startMap, startMap, prevMap) : new Map(startMap);
    from.set('TFP|economy', startMap?.get('TFP|economy') ?? 1);
    try {
      const s = solveStatic(cal, closure, { ...policy, tfp: cal.A.map(() => level), gdpTarget }, from, undefined, jacobian);
      const k = s.spec.pos['TFP']![0]!;
      return { tfp: level * s.x[k]!, sol: s };
    } catch (e) {
      if (!(e instanceof SimulationError)) throw e;
      return null;
    }
  };
  // Fallback for E43: a secant on the productivity level, each point a full solve.
  const secant = (x: number, gdpTarget: number): { tfp: number; sol: Solution } => {
    let x0 = x;
    const s0 = solveWith(x0);
    let f0 = realGdp(s0) / gdpTarget - 1;
    let x1 = x0 * (1 - f0 * 1.3);
    let s1 = solveWith(x1);
    let f1 = realGdp(s1) / gdpTarget - 1;
    for (let it = 0; it < 8 && Math.abs(f1) > 1e-7; it++) {
      const x2 = x1 - (f1 * (x1 - x0)) / (f1 - f0);
      x0 = x1; f0 = f1;
      x1 = x2;
      s1 = solveWith(x1);
      f1 = realGdp(s1) / gdpTarget - 1;
    }
    return { tfp: x1, sol: s1 };
  };
  let tfp: number;
  let sol: Solution;
  let target = state.target;
  if (t === 0) {
    tfp = 1;
    sol = solveWith(1);
    target = realGdp(sol);
  } else if (opts.tfpPath && opts.tfpPath[t] !== undefined) {
    tfp = opts.tfpPath[t]!;
    sol = solveWith(tfp);
  } else {
    // E43: the productivity multiplier is solved with the model so that real GDP meets the target
    // path (one Newton system per year); a secant on the productivity level is the fallback.
    const gi = inputs.gdpIndex ?? opts.paths?.gdpIndex?.[t];
    target = gi !== undefined ? records[0]!.gdp * gi : state.target * (1 + growthOf(model, t));
    ({ tfp, sol } = solveJoint(prevTfp, target) ?? secant(prevTfp, target));
  }
  return { year, sol, gdp: realGdp(sol), tfp, gdpTarget: target };
}

/** Records a solved year and accumulates capital into the next (E41); the state moves to the next year. */
export function commitYear(state: RecursiveState, rec: YearRecord): void {
  const { model, closure, kIdx } = state;
  const { cal, desc } = model;
  const { delta, rr, zeta } = state.par;
  if (rec.year !== state.year) throw new Error(`commitYear: year ${rec.year} is not the state's year ${state.year}`);
  const t = rec.year - model.baseYear;
  const sol = rec.sol;
  state.start = sol.x;
  state.prevMap = state.startMap;
  state.startMap = unknownMap(sol);
  state.tfpPath[t] = rec.tfp;
  if (rec.gdpTarget !== undefined && Number.isFinite(rec.gdpTarget)) state.target = rec.gdpTarget;
  state.records.push(rec);
  state.year++;
  // E41: capital accumulation; new capital allocated by relative profitability.
  const st = sol.st;
  const invReal = st.QINV.reduce((s, d) => s + d.v, 0);
  // Green public investment (E35 instrument or a fixed amount) becomes capital of the green sectors.
  const greenReal = closure.government === 'fixed-savings' && closure.instrument === 'green-investment' ? st.TAXADJ.v - 1 : (sol.spec.policy.green ?? 0);
  const targets = cal.A.map((a) => desc.greenTargets?.[cal.acc[a]!.code] ?? 0);
  const tTot = targets.reduce((s, x) => s + x, 0);
  const K = state.K;
  state.K = K.map((row, f) => {
    if (!kIdx[f]) return row;
    const rent = row.map((_k, a) => (cal.QF0[f]![a]! > 0 ? st.WF[f]!.v * st.WFD[f]![a]!.v / st.CPI.v : 0));
    const totK = row.reduce((s, x) => s + x, 0);
    const avg = row.reduce((s, x, a) => s + x * rent[a]!, 0) / totK;
    const w = row.map((x, a) => (x > 0 ? x * (rent[a]! / avg) ** zeta : 0));
    const wt = w.reduce((s, x) => s + x, 0);
    const share = totK / K.reduce((s, r, g) => s + (kIdx[g] ? r.reduce((q, x) => q + x, 0) : 0), 0);
    return row.map((x, a) => x * (1 - delta) + invReal * share * (w[a]! / wt) + (tTot > 0 ? greenReal * share * (targets[a]! / tTot) : 0));
  });
  void rr;
}

export function finishRecursive(state: RecursiveState): RecursiveRun {
  const { records, tfpPath, closure, jacobian } = state;
  const gsavPath = records.map((r) => r.sol.st.GSAV.reduce((s, d) => s + d.v, 0) / r.sol.st.CPI.v);
  return { years: records.map((r) => r.year), records, tfpPath, gsavPath, closure, solver: { factorisations: jacobian.factorisations, chordSteps: jacobian.chordSteps } };
}

export function runRecursive(model: LoadedModel, opts: RecursiveOptions = {}): RecursiveRun {
  const state = startRecursive(model, opts);
  while (state.year <= state.endYear) commitYear(state, solveYear(state));
  return finishRecursive(state);
}

/** a + (b − c) for every unknown of a, keeping a where the sum would change sign (a start-point predictor). */
function extrapolate(a: Map<string, number>, b: Map<string, number>, c: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, va] of a) {
    const vb = b.get(key);
    const vc = c.get(key);
    const x = vb !== undefined && vc !== undefined ? va + (vb - vc) : va;
    out.set(key, Number.isFinite(x) && x * va > 0 ? x : va);
  }
  return out;
}
