/**
 * Results per year of a recursive run: the indicators of issue 10 part 6 as named series, and
 * equivalent variation by household against the baseline in the same year (E39).
 */
import type { Calibration } from './calibrate.js';
import type { RecursiveRun } from './recursive.js';
import { nominalGdp } from './solve.js';

export interface CgeResults {
  scenario: string;
  years: number[];
  variables: Record<string, number[]>;
  households: Record<string, { ev: number[]; ev_pct: number[] }>;
  converged: boolean;
  max_residual: number;
  max_walras: number;
}

const sum = (xs: { v: number }[]) => xs.reduce((s, d) => s + d.v, 0);

export function collectResults(cal: Calibration, run: RecursiveRun, scenario: string, baseline?: RecursiveRun): CgeResults {
  const code = (i: number) => cal.acc[i]!.code;
  const vars: Record<string, number[]> = {};
  const put = (k: string, x: number) => (vars[k] ??= []).push(x);
  let maxRes = 0, maxWalras = 0;
  const households: CgeResults['households'] = {};
  run.records.forEach((rec, t) => {
    const { st } = rec.sol;
    maxRes = Math.max(maxRes, rec.sol.maxResidual);
    maxWalras = Math.max(maxWalras, rec.sol.walras);
    const cpi = st.CPI.v;
    put('real_gdp', rec.gdp);
    put('nominal_gdp', nominalGdp(rec.sol));
    put('cpi', cpi);
    put('exchange_rate', st.EXR.v);
    put('real_exchange_rate', st.EXR.v / cpi);
    put('productivity', rec.tfp);
    cal.A.forEach((a, ai) => {
      put(`output:${code(a)}`, st.QA[ai]!.v);
      put(`price:${code(a)}`, st.PA[ai]!.v);
    });
    cal.C.forEach((c, ci) => put(`purchaser_price:${code(c)}`, st.PQ[ci]!.v));
    cal.F.forEach((f, fi) => {
      if (cal.factorKind[fi] !== 'labour') return;
      put(`employment:${code(f)}`, st.QF[fi]!.reduce((s, d) => s + d.v, 0));
      put(`wage:${code(f)}`, st.WF[fi]!.v);
      cal.A.forEach((a, ai) => {
        if (cal.QF0[fi]![ai]! > 0) put(`employment:${code(f)}:${code(a)}`, st.QF[fi]![ai]!.v);
      });
    });
    cal.T.forEach((tx, ti) => put(`revenue:${code(tx)}`, st.TAX[ti]!.v));
    put('revenue:carbon', st.carbonRev.v);
    const ef = rec.sol.spec.policy.ef ?? [];
    let co2 = 0, fuel = 0;
    cal.C.forEach((c, ci) => {
      if (!cal.isEnergy[ci]) return;
      const use = sum(st.QEN[ci]!) + sum(st.QH[ci]!) + sum(st.QG[ci]!) + sum(st.QENT[ci]!);
      put(`energy_use:${code(c)}`, use);
      if (cal.acc[c]!.kind === 'fuel') fuel += use;
      const e = (ef[ci] ?? 0) * use;
      co2 += e;
      if (cal.acc[c]!.kind === 'fuel') put(`co2:${code(c)}`, e);
    });
    put('fuel_use', fuel);
    put('co2', co2);
    put('government_savings', st.GSAV.reduce((s, d) => s + d.v, 0));
    put('recycling_instrument', st.TAXADJ.v);
    const b = baseline?.records[t]?.sol.st;
    cal.INS.forEach((h, ii) => {
      if (cal.acc[h]!.type !== 'household') return;
      put(`consumption:${code(h)}`, st.EH[ii]!.v / cpi);
      put(`income:${code(h)}`, st.YI[ii]!.v);
      // EV at the baseline's prices of the same year (LES money-metric utility).
      let ev = 0;
      if (b) {
        let gS = 0, gB = 0, logS = 0, logB = 0;
        cal.C.forEach((_c, i) => {
          gS += st.PQ[i]!.v * cal.lesGamma[i]![ii]!;
          gB += b.PQ[i]!.v * cal.lesGamma[i]![ii]!;
          const be = cal.lesBeta[i]![ii]!;
          if (be > 0) { logS += be * Math.log(st.PQ[i]!.v); logB += be * Math.log(b.PQ[i]!.v); }
        });
        cal.A.forEach((_a, a) => {
          gS += st.PA[a]!.v * cal.lesGammaA[a]![ii]!;
          gB += b.PA[a]!.v * cal.lesGammaA[a]![ii]!;
          const be = cal.lesBetaA[a]![ii]!;
          if (be > 0) { logS += be * Math.log(st.PA[a]!.v); logB += be * Math.log(b.PA[a]!.v); }
        });
        const u = (st.EH[ii]!.v - gS) / Math.exp(logS);
        ev = gB + u * Math.exp(logB) - b.EH[ii]!.v;
      }
      const hh = (households[code(h)] ??= { ev: [], ev_pct: [] });
      hh.ev.push(ev);
      hh.ev_pct.push(b ? (100 * ev) / b.YI[ii]!.v : 0);
    });
  });
  // Every yearly solve of this run and of its baseline must have converged (a solve that did not
  // usually throws in solveStatic; a record kept after a fallback reports what it reached).
  const converged = run.records.every((r) => r.sol.converged) && (baseline?.records.every((r) => r.sol.converged) ?? true);
  return { scenario, years: run.years, variables: vars, households, converged, max_residual: maxRes, max_walras: maxWalras };
}
