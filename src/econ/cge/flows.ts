/**
 * The SAM implied by a solution: every cell recomputed from the model's prices and quantities
 * (the same blocks calibrate.ts reads). At the base solution it must reproduce the SAM (target a).
 * Where several accounts of a type share one model variable (rest of world, savings–investment,
 * stock change) the value is split by the base shares of those accounts.
 */
import type { Solution } from './solve.js';

export function samFromSolution(sol: Solution): number[][] {
  const { spec, st } = sol;
  const cal = spec.cal;
  const p = spec.policy;
  const v0 = cal.sam.values;
  const n = cal.acc.length;
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const EXR = st.EXR.v, CPI = st.CPI.v;
  const split = (rows: number[], cols: number[], total: number, set: (r: number, c: number, x: number) => void) => {
    let base = 0;
    for (const r of rows) for (const c of cols) base += v0[r]![c]!;
    for (const r of rows) for (const c of cols) if (v0[r]![c]! !== 0) set(r, c, (total * v0[r]![c]!) / base);
  };
  const put = (r: number, c: number, x: number) => (out[r]![c] = x);
  const insPos = new Map(cal.INS.map((i, k) => [i, k]));
  cal.A.forEach((a, ai) => {
    cal.C.forEach((c, ci) => {
      if (cal.theta[ai]![ci]! !== 0) put(a, c, st.PX[ci]!.v * cal.theta[ai]![ci]! * (st.QA[ai]!.v - st.QHA[ai]!.reduce((s, d) => s + d.v, 0)));
      const q = cal.isEnergy[ci] ? st.QEN[ci]![ai]!.v : st.QINT[ci]![ai]!.v;
      if (q !== 0) put(c, a, st.PQ[ci]!.v * q);
    });
    cal.F.forEach((f, fi) => {
      if (cal.QF0[fi]![ai]! !== 0) put(f, a, st.WF[fi]!.v * st.WFD[fi]![ai]!.v * st.QF[fi]![ai]!.v);
    });
    cal.INS.forEach((h, ii) => {
      if (cal.QHA0[ai]![ii]! !== 0) put(a, h, st.PA[ai]!.v * st.QHA[ai]![ii]!.v);
    });
    cal.T.forEach((t) => {
      if (v0[t]![a]! !== 0) put(t, a, (v0[t]![a]! / cal.QA0[ai]!) * st.PA[ai]!.v * st.QA[ai]!.v);
    });
  });
  cal.C.forEach((c, ci) => {
    const pq = st.PQ[ci]!.v;
    cal.INS.forEach((ins, ii) => {
      const q = st.QH[ci]![ii]!.v + st.QENT[ci]![ii]!.v + st.QG[ci]![ii]!.v;
      if (q !== 0) put(c, ins, pq * q);
    });
    split([c], cal.SI, pq * st.QINV[ci]!.v, put);
    split([c], cal.ST, pq * st.QDST[ci]! - (p.pwe?.[ci] ?? 1) * EXR * cal.REstock[ci]!, put);
    split([c], cal.ROW, (p.pwe?.[ci] ?? 1) * EXR * (st.QE[ci]!.v + cal.RE0[ci]!), put);
    split(cal.ROW, [c], (p.pwm?.[ci] ?? 1) * EXR * (st.QM[ci]!.v + cal.RE0[ci]! - cal.REstock[ci]!), put);
    const pmg = cal.MG.map((_m, m) => cal.C.reduce((s, _c, j) => s + cal.icmc[m]![j]! * st.PQ[j]!.v, 0));
    let pre = st.PQS[ci]!.v;
    cal.MG.forEach((mg, m) => {
      const qmg = cal.C.reduce((s, _c, j) => s + cal.icm[m]![j]! * st.QQ[j]!.v, 0);
      if (cal.icmc[m]![ci]! !== 0) put(c, mg, pq * cal.icmc[m]![ci]! * qmg);
      if (cal.icm[m]![ci]! !== 0) put(mg, c, pmg[m]! * cal.icm[m]![ci]! * st.QQ[ci]!.v);
      pre += cal.icm[m]![ci]! * pmg[m]!;
    });
    cal.T.forEach((t, ti) => {
      if (cal.taxKind[ti] === 'import-duty' && cal.QM0[ci]! > 0) {
        if (v0[t]![c]! !== 0) put(t, c, (v0[t]![c]! / cal.QM0[ci]!) * (p.pwm?.[ci] ?? 1) * EXR * st.QM[ci]!.v);
      } else {
        const vatAdj = cal.taxKind[ti] === 'vat' && cal.tq[ti]![ci]! > 0 ? (spec.closure.government === 'fixed-savings' && spec.closure.instrument === 'vat' ? st.TAXADJ.v - 1 : (p.vatAdj ?? 0)) : 0;
        const r = cal.tq[ti]![ci]! + (p.dtq?.[ti]?.[ci] ?? 0) + vatAdj;
        if (r !== 0) put(t, c, r * pre * st.QQ[ci]!.v);
      }
    });
  });
  split(cal.ST, cal.SI, cal.C.reduce((s, _c, ci) => s + st.PQ[ci]!.v * st.QDST[ci]! - (p.pwe?.[ci] ?? 1) * EXR * cal.REstock[ci]!, 0), put);
  cal.F.forEach((f, fi) => {
    const yf = st.YF[fi]!.v;
    cal.INS.forEach((ins, ii) => { if (cal.sfI[fi]![ii]! !== 0) put(ins, f, cal.sfI[fi]![ii]! * yf); });
    cal.T.forEach((t, ti) => { if (cal.sfT[fi]![ti]! !== 0) put(t, f, cal.sfT[fi]![ti]! * yf); });
    split(cal.ROW, [f], cal.sfW[fi]! * yf, put);
    split([f], cal.ROW, cal.yfrow[fi]! * EXR, put);
  });
  const tyadj = spec.closure.government === 'fixed-savings' && spec.closure.instrument === 'direct' ? st.TAXADJ.v : (p.tyadj ?? 1);
  cal.INS.forEach((ins, ii) => {
    const isGov = cal.acc[ins]!.type === 'government';
    cal.INS.forEach((j, ji) => {
      if (cal.trShare[ii]![ji]! !== 0) put(ins, j, cal.trShare[ii]![ji]! * st.YI[ji]!.v);
      if (cal.trGov[ii]![ji]! !== 0) put(ins, j, cal.trGov[ii]![ji]! * CPI);
    });
    split([ins], cal.ROW, cal.trow[ii]! * EXR, put);
    split(cal.ROW, [ins], isGov ? cal.trwGov[ii]! * EXR : cal.trw[ii]! * st.YI[ii]!.v, put);
    cal.T.forEach((t, ti) => {
      if (cal.ty[ti]![ii]! !== 0) put(t, ins, cal.ty[ti]![ii]! * (isGov ? 1 : tyadj) * st.YI[ii]!.v);
      if (cal.sg[ti]![ii]! !== 0) put(ins, t, cal.sg[ti]![ii]! * st.TAX[ti]!.v);
    });
    split(cal.SI, [ins], isGov ? st.GSAV[ii]!.v : st.SAV[ii]!.v, put);
    void insPos;
  });
  split(cal.SI, cal.ROW, st.FSAV.v * EXR, put);
  cal.ROW.forEach((r) => cal.ROW.forEach((q) => { if (v0[r]![q]! !== 0) put(r, q, v0[r]![q]! * EXR); }));
  return out;
}
