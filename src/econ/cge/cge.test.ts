/**
 * Targets (a)–(d) of issue 10 on SAMs built in code, plus the bad-input errors.
 * (e) is in published-model.test.ts; the Peru SAMs in peru-cge.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Sam } from '../sam/types.js';
import { calibrate } from './calibrate.js';
import { DEFAULT_CLOSURE, parseClosure, type Closure } from './closure.js';
import { parseElasticities } from './elasticities.js';
import { samFromSolution } from './flows.js';
import type { Policy } from './policy.js';
import { equivalentVariation, realGdp, solveStatic, type Solution } from './solve.js';
import { syntheticElasticities, syntheticSam } from './synthetic-sam.js';

const el = parseElasticities(syntheticElasticities(), 'synthetic-elasticities.json');

function maxRelCellGap(sam: Sam, implied: number[][]): number {
  let worst = 0;
  const big = Math.max(...sam.values.flat().map(Math.abs));
  sam.values.forEach((row, i) =>
    row.forEach((x, j) => {
      worst = Math.max(worst, Math.abs(implied[i]![j]! - x) / Math.max(Math.abs(x), 1e-6 * big));
    }),
  );
  return worst;
}

function iscPolicy(cal: ReturnType<typeof calibrate>, d: number): Policy {
  return { dtq: cal.T.map((_t, ti) => cal.C.map((_c, ci) => (cal.taxKind[ti] === 'isc' && cal.isEnergy[ci] && cal.acc[cal.C[ci]!]!.kind === 'fuel' ? d : 0))) };
}

describe('(a) replication: the base solution reproduces every SAM cell', () => {
  for (const [n, h] of [[3, 2], [20, 5]] as const) {
    it(`${n} sectors × ${h} households`, () => {
      const sam = syntheticSam({ sectors: n, households: h });
      const cal = calibrate(sam, el);
      const sol = solveStatic(cal, DEFAULT_CLOSURE, {});
      expect(sol.converged).toBe(true);
      expect(sol.maxResidual).toBeLessThanOrEqual(1e-9);
      expect(maxRelCellGap(sam, samFromSolution(sol))).toBeLessThanOrEqual(1e-9);
      expect(sol.walras).toBeLessThanOrEqual(1e-9);
    });
  }
  it('every closure reproduces the base', () => {
    const sam = syntheticSam({ sectors: 4, households: 3 });
    const cal = calibrate(sam, el);
    const closures: Partial<Closure>[] = [
      { savingsInvestment: 'investment-driven' },
      { foreign: 'fixed-exchange-rate' },
      { numeraire: 'exr' },
      { government: 'fixed-savings', instrument: 'direct' },
      { government: 'fixed-savings', instrument: 'vat' },
      { labour: 'fixed-real-wage' },
      { capital: 'mobile' },
    ];
    for (const c of closures) {
      const sol = solveStatic(cal, { ...DEFAULT_CLOSURE, ...c }, {});
      expect(maxRelCellGap(sam, samFromSolution(sol)), JSON.stringify(c)).toBeLessThanOrEqual(1e-9);
    }
  });
});

describe('(b) homogeneity and (c) Walras', () => {
  const sam = syntheticSam({ sectors: 5, households: 3 });
  const cal = calibrate(sam, el);
  const cases: [string, Partial<Closure>][] = [
    ['default', {}],
    ['fixed exchange rate', { foreign: 'fixed-exchange-rate' }],
    ['investment-driven, fixed government savings (IGV)', { savingsInvestment: 'investment-driven', government: 'fixed-savings', instrument: 'vat' }],
    ['fixed real wage, mobile capital', { labour: 'fixed-real-wage', capital: 'mobile' }],
  ];
  for (const [name, c] of cases) {
    it(name, () => {
      const closure = { ...DEFAULT_CLOSURE, ...c };
      const pol = iscPolicy(cal, 0.25);
      const s1 = solveStatic(cal, closure, pol);
      const s2 = solveStatic(cal, closure, { ...pol, num: 2 });
      for (const s of [s1, s2]) {
        expect(s.walras).toBeLessThanOrEqual(1e-9);
        expect(s.maxResidual).toBeLessThanOrEqual(1e-9);
      }
      const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), 1e-12);
      const nominal = (s: Solution) => [...s.st.PD, ...s.st.PQ, ...s.st.YF, ...s.st.WF.flatMap((w, f) => s.st.WFD[f]!.map((d) => w.v * d.v)).map((x) => ({ v: x })), ...s.st.YI, ...s.st.TAX, s.st.EXR].map((d) => d.v);
      const real = (s: Solution) => [...s.st.QA, ...s.st.QQ, ...s.st.QM, ...s.st.QE, ...s.st.QF.flat(), s.st.IADJ, s.st.MPSADJ].map((d) => d.v);
      nominal(s1).forEach((x, i) => expect(rel(2 * x, nominal(s2)[i]!)).toBeLessThanOrEqual(1e-8));
      real(s1).forEach((x, i) => expect(rel(x, real(s2)[i]!)).toBeLessThanOrEqual(1e-8));
      expect(rel(realGdp(s1), realGdp(s2))).toBeLessThanOrEqual(1e-8);
      // The tax did something: a fuel tax raises the purchaser price of fuel.
      expect(s1.st.PQ[1]!.v).toBeGreaterThan(1.05);
    });
  }
});

describe('(d) analytic case: closed economy, Cobb–Douglas technology and preferences, a sales tax', () => {
  /*
   * Two goods j = 1, 2, produced from labour and capital with Y_j = A_j L_j^α_j K_j^(1−α_j) (no
   * intermediates); fixed endowments L̄, K̄, mobile. One household with income M = wL̄ + rK̄ + T, where
   * T is the sales-tax revenue returned lump-sum; it saves a share s (savings buy good 2) and spends
   * (1 − s)M with Cobb–Douglas shares β, 1 − β at consumer prices q1 = p1(1 + τ), q2 = p2.
   * With revenues R_j = p_j Y_j:
   *   (1 + τ) R1 = β (1 − s) M,       R2 = (1 − β)(1 − s) M + s M,
   * which with M = R1 + R2 + τ R1 is consistent for any M (nominal scale). Cobb–Douglas firms pay
   *   w L_j = α_j R_j,  r K_j = (1 − α_j) R_j  ⇒  w = (α1 R1 + α2 R2)/L̄,  r = ((1−α1) R1 + (1−α2) R2)/K̄,
   * so L_j = α_j R_j / w, K_j = (1 − α_j) R_j / r (independent of M), Y_j follows, p_j = R_j / Y_j.
   * The model measures good 1 at purchaser prices of the base (PQ⁰ = 1), so its consumer price index is
   * q1/(1 + τ⁰) and its consumption quantity (1 + τ⁰) Y_1. The numeraire CPI = Σ cw_j q_j = 1 fixes M.
   * Welfare: e(q, u) = u Π (q_j/β_j)^β_j, so EV = (1 − s) M · Π_j q_j^(−β_j) − (1 − s) M⁰ at base prices 1.
   */
  const names = ['a1', 'a2', 'c1', 'c2', 'L', 'K', 'hh', 'gov', 'tax', 'si'];
  const types = ['activity', 'activity', 'commodity', 'commodity', 'factor', 'factor', 'household', 'government', 'tax', 'savings-investment'] as const;
  const kinds: (string | undefined)[] = [undefined, undefined, undefined, undefined, 'labour', 'capital', undefined, undefined, 'vat'];
  const ix = Object.fromEntries(names.map((n, i) => [n, i])) as Record<string, number>;
  const v = names.map(() => names.map(() => 0));
  const set = (r: string, c: string, x: number) => (v[ix[r]!]![ix[c]!] = x);
  // Base: α1 = 0.6, α2 = 0.4, R1 = R2 = 50, τ⁰ = 0.1, s = 0.2 ⇒ M = 105, C2 = 29, I = 21, β = 55/84.
  set('L', 'a1', 30); set('K', 'a1', 20); set('L', 'a2', 20); set('K', 'a2', 30);
  set('a1', 'c1', 50); set('a2', 'c2', 50); set('tax', 'c1', 5);
  set('c1', 'hh', 55); set('c2', 'hh', 29); set('c2', 'si', 21);
  set('hh', 'L', 50); set('hh', 'K', 50); set('hh', 'gov', 5);
  set('gov', 'tax', 5); set('si', 'hh', 21);
  const sam: Sam = { source: 'analytic-2x2', accounts: names.map((code, i) => ({ code, label: code, type: types[i]!, kind: kinds[i] })), values: v };
  const cdEl = parseElasticities({ demand: 'cobb-douglas', va: { '*': { value: 1, source: 'Supuesto: Cobb–Douglas (caso analítico)' } } }, 'analytic-elasticities.json');
  const closure: Closure = { ...DEFAULT_CLOSURE, government: 'fixed-savings', instrument: 'lumpsum', capital: 'mobile' };

  function closedForm(tau: number) {
    const a = [0.6, 0.4], s = 0.2, beta = 55 / 84, L = 50, K = 50, tau0 = 0.1;
    const A = [50 / (30 ** 0.6 * 20 ** 0.4), 50 / (20 ** 0.4 * 30 ** 0.6)];
    const solveM = (M: number) => {
      const R = [(beta * (1 - s) * M) / (1 + tau), (1 - beta * (1 - s)) * M];
      const w = (a[0]! * R[0]! + a[1]! * R[1]!) / L;
      const r = ((1 - a[0]!) * R[0]! + (1 - a[1]!) * R[1]!) / K;
      const Y = R.map((Rj, j) => A[j]! * ((a[j]! * Rj) / w) ** a[j]! * (((1 - a[j]!) * Rj) / r) ** (1 - a[j]!));
      const p = R.map((Rj, j) => Rj / Y[j]!);
      const q = [(p[0]! * (1 + tau)) / (1 + tau0), p[1]!];
      return { R, w, r, Y, p, q, M };
    };
    const one = solveM(1);
    const cpi = (55 / 84) * one.q[0]! + (29 / 84) * one.q[1]!;
    const x = solveM(1 / cpi);
    const ev = (1 - s) * x.M * x.q[0]! ** -beta * x.q[1]! ** -(1 - beta) - (1 - s) * 105;
    return { ...x, ev };
  }

  it('the base replicates, and a higher tax matches the closed form to 1e-8', () => {
    const cal = calibrate(sam, cdEl);
    const pol: Policy = { popShare: [1, 0], gsav: 0 };
    const base = solveStatic(cal, closure, pol);
    expect(maxRelCellGap(sam, samFromSolution(base))).toBeLessThanOrEqual(1e-9);
    const cf0 = closedForm(0.1);
    expect(Math.abs(cf0.M - 105)).toBeLessThan(1e-9); // the closed form reproduces the base too
    const tax = cal.T.indexOf(ix['tax']!);
    const dtq = cal.T.map(() => cal.C.map(() => 0));
    dtq[tax]![0] = 0.2;
    const sol = solveStatic(cal, closure, { ...pol, dtq });
    const cf = closedForm(0.3);
    const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
    expect(rel(sol.st.PD[0]!.v, cf.p[0]!)).toBeLessThan(1e-8);
    expect(rel(sol.st.PD[1]!.v, cf.p[1]!)).toBeLessThan(1e-8);
    expect(rel(sol.st.PQ[0]!.v, cf.q[0]!)).toBeLessThan(1e-8);
    expect(rel(sol.st.QA[0]!.v, cf.Y[0]!)).toBeLessThan(1e-8);
    expect(rel(sol.st.QA[1]!.v, cf.Y[1]!)).toBeLessThan(1e-8);
    expect(rel(sol.st.WF[0]!.v, cf.w)).toBeLessThan(1e-8);
    expect(rel(sol.st.WF[1]!.v, cf.r)).toBeLessThan(1e-8);
    expect(rel(sol.st.YI[0]!.v, cf.M)).toBeLessThan(1e-8);
    const ev = equivalentVariation(sol)[0]!.ev;
    expect(Math.abs(ev - cf.ev) / 105).toBeLessThan(1e-8);
    expect(cf.ev).toBeLessThan(0); // a distorting tax returned lump-sum costs welfare
    expect(sol.walras).toBeLessThanOrEqual(1e-9);
  });
});

describe('bad input: one clear error naming file and account', () => {
  const sam = syntheticSam({ sectors: 3, households: 2 });
  it('missing elasticity', () => {
    const raw = syntheticElasticities() as Record<string, unknown>;
    const e = parseElasticities({ ...raw, armington: {} }, 'models/x/elasticities.json');
    expect(() => calibrate(sam, e)).toThrow(InputError);
    expect(() => calibrate(sam, e)).toThrow(/models\/x\/elasticities\.json: armington\.c0/);
  });
  it('elasticity without a source', () => {
    expect(() => parseElasticities({ cet: { c0: { value: 2 } } }, 'el.json')).toThrow(/el\.json: cet\.c0.*Fuente/);
  });
  it('unknown account type', () => {
    const bad: Sam = { ...sam, accounts: sam.accounts.map((a, i) => (i === 0 ? { ...a, type: 'gizmo' as never } : a)) };
    expect(() => calibrate(bad, el)).toThrow(/a0.*unknown account type/);
  });
  it('a cell in a block without behaviour', () => {
    const v = sam.values.map((r) => [...r]);
    const a = sam.accounts.findIndex((x) => x.code === 'a0');
    const g = sam.accounts.findIndex((x) => x.code === 'gov');
    v[a]![g] = 1;
    expect(() => calibrate({ ...sam, values: v }, el)).toThrow(/a0 ← gov/);
  });
  it('a closure that leaves the system non-square', () => {
    const cal = calibrate(sam, el);
    const c = parseClosure({ numeraire: 'exr', foreign: 'fixed-exchange-rate' }, 'closure.json');
    expect(() => solveStatic(cal, c, {}, undefined, 'closure.json')).toThrow(/closure\.json: .*non-square: under-determined by 1.*FSAV, IADJ.*EXR is fixed twice/);
  });
  it('an unknown closure option', () => {
    expect(() => parseClosure({ labour: 'flexible' }, 'closure.json')).toThrow(/closure\.json: labour/);
    // Each language on its own: no Spanish in the English text, the allowed values in both.
    let err: InputError | undefined;
    try {
      parseClosure({ labour: 'flexible' }, 'closure.json');
    } catch (e) {
      err = e as InputError;
    }
    expect(err?.message).toMatch(/^closure\.json: labour: invalid value "flexible"; use one of: \S/);
    expect(err?.messageEs).toMatch(/^closure\.json: labour: valor "flexible" no válido; use uno de: \S/);
  });
});
