/**
 * The model's square system: unknowns, residuals (MODEL.md E1–E36) and the state derived from a
 * solution. One residual function serves the Jacobian (dual numbers seeded) and plain evaluation.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Calibration } from './calibrate.js';
import type { Closure } from './closure.js';
import { cesDemand, cesIndex, cetIndex } from './ces.js';
import { c as k, D, div, ensureScratch, lin, mul, scale, sub, variable } from './dual.js';
import type { Policy } from './policy.js';

export interface Unknown {
  name: string;
  account: string;
  base: number;
}
export interface Equation {
  id: string; // MODEL.md number
  name: string;
  account: string;
  scale: number;
}

export interface ModelSpec {
  cal: Calibration;
  closure: Closure;
  policy: Policy;
  unknowns: Unknown[];
  equations: Equation[];
  /** Position of each unknown block (−1 when fixed). */
  pos: Record<string, number[]>;
}

/** Everything computed from the unknowns; `.v` of each gives the value. */
export interface State {
  PD: D[]; PM: D[]; PE: D[]; PQS: D[]; PQ: D[]; PX: D[]; PA: D[]; PVA: D[]; PEN: D[];
  QA: D[]; QX: D[]; QE: D[]; QD: D[]; QM: D[]; QQ: D[];
  QF: D[][]; WF: D[]; WFD: D[][]; YF: D[]; YI: D[]; EH: D[];
  QH: D[][]; QHA: D[][]; QENT: D[][]; QG: D[][]; QINV: D[]; QDST: number[]; QEN: D[][]; QINT: D[][];
  TAX: D[]; carbonRev: D; wedgeRev: D; LS: D[]; SAV: D[]; GSAV: D[];
  EXR: D; FSAV: D; CPI: D; IADJ: D; MPSADJ: D; TAXADJ: D; walras: D; QFSeff: D[];
}

function isMobile(cal: Calibration, cl: Closure, f: number): boolean {
  return cal.factorKind[f] === 'labour' || cl.capital === 'mobile';
}
function fixedWage(cal: Calibration, cl: Closure, f: number): boolean {
  return cal.factorKind[f] === 'labour' && cl.labour === 'fixed-real-wage' && cal.segment[f] === 'formal';
}

export function buildSpec(cal: Calibration, closure: Closure, policy: Policy, file = 'closure'): ModelSpec {
  const unknowns: Unknown[] = [];
  const pos: Record<string, number[]> = {};
  const code = (i: number) => cal.acc[i]!.code;
  const add = (name: string, account: string, base: number) => {
    unknowns.push({ name, account, base });
    return unknowns.length - 1;
  };
  pos['PD'] = cal.C.map((c, i) => (cal.QD0[i]! > 0 ? add('PD', code(c), 1) : -1));
  pos['PQ'] = cal.C.map((c, i) => (cal.QQ0[i]! > 0 ? add('PQ', code(c), 1) : -1));
  pos['QQ'] = cal.C.map((c, i) => (cal.QQ0[i]! > 0 ? add('QQ', code(c), cal.QQ0[i]!) : -1));
  pos['QA'] = cal.A.map((a, i) => add('QA', code(a), cal.QA0[i]!));
  pos['WF'] = cal.F.map((f, i) => (cal.QFS0[i]! > 0 && isMobile(cal, closure, i) && !fixedWage(cal, closure, i) ? add('WF', code(f), 1) : -1));
  pos['WFD'] = cal.F.flatMap((f, i) =>
    cal.A.map((a, ak) => (!isMobile(cal, closure, i) && cal.QF0[i]![ak]! > 0 ? add('WFD', `${code(f)}/${code(a)}`, 1) : -1)),
  );
  pos['YI'] = cal.INS.map((ins, i) => (cal.YI0[i]! > 0 ? add('YI', code(ins), cal.YI0[i]!) : -1));
  // Closure variables (E33–E36).
  const fixedExr = closure.foreign === 'fixed-exchange-rate';
  const exrIsNum = closure.numeraire === 'exr';
  // A closed economy (no rest-of-world account) has no E33 and no exchange rate to solve for.
  const open = cal.ROW.length > 0;
  pos['EXR'] = [open && !fixedExr && !exrIsNum ? add('EXR', 'rest-of-world', 1) : -1];
  pos['FSAV'] = [open && fixedExr ? add('FSAV', 'rest-of-world', Math.max(1, Math.abs(cal.FSAVtotal))) : -1];
  pos['IADJ'] = [closure.savingsInvestment === 'savings-driven' ? add('IADJ', 'savings-investment', 1) : -1];
  pos['MPSADJ'] = [closure.savingsInvestment === 'investment-driven' ? add('MPSADJ', 'savings-investment', 1) : -1];
  pos['TAXADJ'] = [closure.government === 'fixed-savings' ? add(`TAXADJ(${closure.instrument})`, 'government', 1) : -1];
  // E43: productivity multiplier solved with the model when a real GDP target is given.
  pos['TFP'] = [policy.gdpTarget !== undefined ? add('TFP', 'economy', 1) : -1];
  if (closure.government === 'fixed-savings' && cal.mainGov < 0) throw new InputError(file, { en: 'fixed government savings needs a government account', es: 'el cierre de ahorro público fijo necesita una cuenta de gobierno' });
  const spec: ModelSpec = { cal, closure, policy, unknowns, equations: [], pos };
  const x = new Float64Array(unknowns.map((u) => u.base));
  evaluate(spec, x, false, spec.equations);
  if (spec.equations.length !== unknowns.length) {
    const closureVars = unknowns.filter((u) => ['EXR', 'FSAV', 'IADJ', 'MPSADJ'].includes(u.name) || u.name.startsWith('TAXADJ')).map((u) => u.name);
    const closureEqs = spec.equations.filter((e) => ['E33', 'E34', 'E35'].includes(e.id)).map((e) => `${e.id} ${e.name}`);
    const diff = unknowns.length - spec.equations.length;
    throw new InputError(file, {
      en:
        'the closure leaves the system non-square: ' +
        (diff > 0 ? `under-determined by ${diff}` : `over-determined by ${-diff}`) +
        ` (${spec.equations.length} equations, ${unknowns.length} unknowns); closure variables endogenous: [${closureVars.join(', ')}]; closure equations: [${closureEqs.join(', ')}]` +
        (exrIsNum && fixedExr ? '; EXR is fixed twice (numeraire "exr" and foreign "fixed-exchange-rate"): use numeraire "cpi"' : ''),
      es:
        'el cierre deja el sistema no cuadrado: ' +
        (diff > 0 ? `faltan ${diff} ecuación(es)` : `sobran ${-diff} ecuación(es)`) +
        ` (${spec.equations.length} ecuaciones, ${unknowns.length} incógnitas); variables de cierre endógenas: [${closureVars.join(', ')}]; ecuaciones de cierre: [${closureEqs.join(', ')}]` +
        (exrIsNum && fixedExr ? '; EXR se fija dos veces (numeraire "exr" y foreign "fixed-exchange-rate"): use numeraire "cpi"' : ''),
    });
  }
  return spec;
}

/** Residuals at x; when `collect` is given, fills the equation list (names, accounts, scales). */
export function evaluate(spec: ModelSpec, x: Float64Array, seed: boolean, collect?: Equation[]): { res: D[]; st: State } {
  const { cal, closure: cl, policy: p, pos } = spec;
  ensureScratch(x.length);
  const res: D[] = [];
  const eq = (id: string, name: string, account: number | string, sc: number, d: D) => {
    res.push(sc === 1 ? d : scale(1 / sc, d));
    if (collect) collect.push({ id, name, account: typeof account === 'number' ? cal.acc[account]!.code : account, scale: sc });
  };
  const V = (block: string, i: number, fallback: number): D => {
    const q = pos[block]![i]!;
    return q >= 0 ? variable(q, x[q]!, seed) : k(fallback);
  };
  const nC = cal.C.length, nA = cal.A.length, nF = cal.F.length, nI = cal.INS.length, nT = cal.T.length;
  const num = p.num ?? 1;
  const PD = cal.C.map((_, i) => V('PD', i, 1));
  const PQ = cal.C.map((_, i) => V('PQ', i, 1));
  const QQ = cal.C.map((_, i) => V('QQ', i, 0));
  const QA = cal.A.map((_, i) => V('QA', i, 0));
  const YI = cal.INS.map((_, i) => V('YI', i, 0));
  const EXR = pos['EXR']![0]! >= 0 ? V('EXR', 0, 1) : k(num * (cl.numeraire === 'exr' ? 1 : (p.exr ?? 1)));
  const FSAV = pos['FSAV']![0]! >= 0 ? V('FSAV', 0, 0) : k(p.fsav ?? cal.FSAVtotal);
  const IADJ = pos['IADJ']![0]! >= 0 ? V('IADJ', 0, 1) : k(p.iadj ?? 1);
  const MPSADJ = pos['MPSADJ']![0]! >= 0 ? V('MPSADJ', 0, 1) : k(p.mpsadj ?? 1);
  const instr = cl.government === 'fixed-savings' ? cl.instrument : null;
  const TAXADJ = pos['TAXADJ']![0]! >= 0 ? V('TAXADJ', 0, 1) : k(1);
  const CPI = lin(cal.cw, PQ); // E37
  // Instrument values (E35): the adjusting one is TAXADJ, the others at their fixed levels.
  const TYADJ = instr === 'direct' ? TAXADJ : k(p.tyadj ?? 1);
  const VATADJ = instr === 'vat' ? sub(TAXADJ, k(1)) : k(p.vatAdj ?? 0);
  const LSREAL = instr === 'lumpsum' || instr === 'lumpsum-poorest' ? sub(TAXADJ, k(1)) : k(p.lumpsum ?? 0);
  const WEDGE = instr === 'labour' ? sub(TAXADJ, k(1)) : k(p.labourWedge ?? 0);
  const GREEN = instr === 'green-investment' ? sub(TAXADJ, k(1)) : k(p.green ?? 0);
  // Prices (E1–E11)
  const PM = cal.C.map((_, i) => scale((p.pwm?.[i] ?? 1) * (1 + cal.tm[i]!), EXR));
  const PE = cal.C.map((_, i) => scale(p.pwe?.[i] ?? 1, EXR));
  const PQS = cal.C.map((_, i) =>
    cal.QQ0[i]! > 0 ? scale(cal.PQS0[i]!, cesIndex([PD[i]!, PM[i]!], [1, 1 + cal.tm[i]!], [cal.betaD[i]!, 1 - cal.betaD[i]!], cal.sigmaA[i]!)) : k(1),
  );
  const PMG = cal.MG.map((_, m) => lin(cal.icmc[m]!, PQ));
  const isVat = cal.T.map((_, t) => cal.taxKind[t] === 'vat');
  const pre = cal.C.map((_, i) => lin([1, ...cal.MG.map((_m, m) => cal.icm[m]![i]!)], [PQS[i]!, ...PMG]));
  const tqRate = cal.C.map((_, i) => {
    let r = 0;
    let vatBase = false;
    for (let t = 0; t < nT; t++) {
      r += cal.tq[t]![i]! + (p.dtq?.[t]?.[i] ?? 0);
      if (isVat[t] && cal.tq[t]![i]! > 0) vatBase = true;
    }
    return vatBase ? lin([1], [VATADJ], r) : k(r);
  });
  const ctax = p.carbonTax ?? 0;
  cal.C.forEach((c, i) => {
    if (pos['PQ']![i]! < 0) return;
    const rhs = lin([1, 1, ctax * (p.ef?.[i] ?? 0)], [pre[i]!, mul(pre[i]!, tqRate[i]!), k(1)]);
    eq('E4', 'PQ', c, 1, sub(PQ[i]!, rhs));
  });
  const PX = cal.C.map((_, i) => (cal.QX0[i]! > 0 ? cetIndex([PE[i]!, PD[i]!], [1, 1], [cal.gammaE[i]!, 1 - cal.gammaE[i]!], cal.omegaT[i]!) : k(1)));
  const PA = cal.A.map((_, a) => lin(cal.theta[a]!, PX));
  const WF = cal.F.map((_, f) => (fixedWage(cal, cl, f) ? CPI : V('WF', f, 1)));
  const WFD = cal.F.map((_, f) => cal.A.map((_a, a) => V('WFD', f * nA + a, 1)));
  const isFormal = cal.F.map((_, f) => cal.factorKind[f] === 'labour' && cal.segment[f] === 'formal');
  const WFA = cal.A.map((_, a) => cal.F.map((_f, f) => (isFormal[f] ? mul(mul(WF[f]!, WFD[f]![a]!), lin([1], [WEDGE], 1)) : mul(WF[f]!, WFD[f]![a]!))));
  const ones = (n: number) => new Array<number>(n).fill(1);
  const tfp = cal.A.map((_, a) => p.tfp?.[a] ?? 1);
  const aeei = cal.A.map((_, a) => p.aeei?.[a] ?? 1);
  const PVAraw = cal.A.map((_, a) => (cal.VA0[a]! > 0 ? cesIndex(WFA[a]!, ones(nF), cal.betaF[a]!, cal.sigmaVA[a]!) : k(1)));
  const TFPM = pos['TFP']![0]! >= 0 ? V('TFP', 0, 1) : null;
  const PVA = PVAraw.map((x, a) => (TFPM ? div(scale(1 / tfp[a]!, x), TFPM) : scale(1 / tfp[a]!, x)));
  const PENraw = cal.A.map((_, a) => (cal.EN0[a]! > 0 ? cesIndex(PQ, ones(nC), cal.betaEN[a]!, cal.sigmaEN[a]!) : k(1)));
  const PEN = PENraw.map((x, a) => scale(1 / aeei[a]!, x));
  const PVAE = cal.A.map((_, a) => cesIndex([PVA[a]!, PEN[a]!], [1, 1], [cal.betaVE[a]!, 1 - cal.betaVE[a]!], cal.sigmaVAE[a]!));
  // E12 zero profit
  cal.A.forEach((a, ai) => {
    const cost = lin([...cal.ica[ai]!, cal.ivae[ai]!], [...PQ, PVAE[ai]!]);
    eq('E12', 'zero profit', a, 1, sub(scale(1 - cal.tp[ai]!, PA[ai]!), cost));
  });
  // Quantities (E13–E19)
  const QVAE0 = cal.A.map((_, a) => cal.VA0[a]! + cal.EN0[a]!);
  const lvl = QA.map((q, a) => scale(1 / cal.QA0[a]!, q));
  const QVA = cal.A.map((_, a) => (cal.VA0[a]! > 0 ? cesDemand(cal.VA0[a]!, lvl[a]!, PVAE[a]!, PVA[a]!, 1, cal.sigmaVAE[a]!) : k(0)));
  const QENB = cal.A.map((_, a) => (cal.EN0[a]! > 0 ? cesDemand(cal.EN0[a]!, lvl[a]!, PVAE[a]!, PEN[a]!, 1, cal.sigmaVAE[a]!) : k(0)));
  void QVAE0;
  // Value-added level in efficiency units relative to base (QVA / (VA0 · tfp)).
  const vaLevel = cal.A.map((_, a) => (!(cal.VA0[a]! > 0) ? k(0) : TFPM ? div(scale(1 / (cal.VA0[a]! * tfp[a]!), QVA[a]!), TFPM) : scale(1 / (cal.VA0[a]! * tfp[a]!), QVA[a]!)));
  const QF = cal.F.map((_, f) =>
    cal.A.map((_a, a) =>
      cal.QF0[f]![a]! > 0
        ? cesDemand(cal.QF0[f]![a]!, vaLevel[a]!, PVAraw[a]!, WFA[a]![f]!, 1, cal.sigmaVA[a]!)
        : k(0),
    ),
  );
  const QEN = cal.C.map((_, i) =>
    cal.A.map((_a, a) =>
      cal.betaEN[a]![i]! > 0
        ? cesDemand(cal.EN0[a]! * cal.betaEN[a]![i]!, scale(1 / (cal.EN0[a]! * aeei[a]!), QENB[a]!), PENraw[a]!, PQ[i]!, 1, cal.sigmaEN[a]!)
        : k(0),
    ),
  );
  // E27 household consumption spending; E29 LES (market goods at PQ, home-consumed output at PA).
  const isHH = cal.INS.map((i) => cal.acc[i]!.type === 'household');
  const outShare = cal.INS.map((_, ii) => cal.INS.reduce((s, _j, ji) => s + cal.trShare[ji]![ii]!, 0) + cal.trw[ii]!);
  const tyTot = cal.INS.map((_, ii) => cal.T.reduce((s, _t, ti) => s + cal.ty[ti]![ii]!, 0));
  const EH = cal.INS.map((_, ii) =>
    isHH[ii] ? lin([1 - outShare[ii]!, -tyTot[ii]!, -cal.mps[ii]!], [YI[ii]!, mul(TYADJ, YI[ii]!), mul(MPSADJ, YI[ii]!)]) : k(0),
  );
  const supers = cal.INS.map((_, ii) =>
    isHH[ii]
      ? lin([1, ...cal.C.map((_c, j) => -cal.lesGamma[j]![ii]!), ...cal.A.map((_a, a) => -cal.lesGammaA[a]![ii]!)], [EH[ii]!, ...PQ, ...PA])
      : k(0),
  );
  const supernumerary = (ii: number) => supers[ii]!;
  const QHA = cal.A.map((_a, a) =>
    cal.INS.map((_h, ii) =>
      isHH[ii] && cal.lesBetaA[a]![ii]! > 0 ? lin([1], [div(scale(cal.lesBetaA[a]![ii]!, supers[ii]!), PA[a]!)], cal.lesGammaA[a]![ii]!) : k(cal.lesGammaA[a]![ii]!),
    ),
  );
  const QINT = cal.C.map((_, i) => cal.A.map((_a, a) => scale(cal.ica[a]![i]!, QA[a]!)));
  const QAM = cal.A.map((_a, a) => lin([1, ...QHA[a]!.map(() => -1)], [QA[a]!, ...QHA[a]!]));
  const QX = cal.C.map((_, i) => lin(cal.theta.map((r) => r[i]!), QAM));
  const QE = cal.C.map((_, i) => (cal.QE0[i]! > 0 ? cesDemand(cal.QE0[i]!, scale(1 / cal.QX0[i]!, QX[i]!), PX[i]!, PE[i]!, 1, -cal.omegaT[i]!) : k(0)));
  const QDs = cal.C.map((_, i) => (cal.QD0[i]! > 0 ? cesDemand(cal.QD0[i]!, scale(1 / cal.QX0[i]!, QX[i]!), PX[i]!, PD[i]!, 1, -cal.omegaT[i]!) : k(0)));
  const QQrel = cal.C.map((_, i) => (cal.QQ0[i]! > 0 ? scale(1 / cal.QQ0[i]!, QQ[i]!) : k(0)));
  const PQSrel = cal.C.map((_, i) => scale(1 / cal.PQS0[i]!, PQS[i]!));
  const QDd = cal.C.map((_, i) => (cal.QD0[i]! > 0 ? cesDemand(cal.QD0[i]!, QQrel[i]!, PQSrel[i]!, PD[i]!, 1, cal.sigmaA[i]!) : k(0)));
  const QM = cal.C.map((_, i) => (cal.QM0[i]! > 0 ? cesDemand(cal.QM0[i]!, QQrel[i]!, PQSrel[i]!, PM[i]!, 1 + cal.tm[i]!, cal.sigmaA[i]!) : k(0)));
  const QMG = cal.MG.map((_, m) => lin(cal.icm[m]!, QQ));
  // Factors (E22–E25)
  const YF = cal.F.map((_, f) => {
    const xs: D[] = [];
    for (let a = 0; a < nA; a++) if (cal.QF0[f]![a]! > 0) xs.push(mul(mul(WF[f]!, WFD[f]![a]!), QF[f]![a]!));
    xs.push(scale(cal.yfrow[f]!, EXR));
    return lin(ones(xs.length), xs);
  });
  const qfs = cal.F.map((_, f) => p.qfs?.[f] ?? cal.QFS0[f]!);
  const QFSeff: D[] = cal.F.map((_, f) => k(qfs[f]!));
  if (cl.labour === 'fixed-real-wage') {
    // E25: displaced formal labour joins the informal segment(s) in proportion to their base supply.
    const displaced = lin(
      cal.F.flatMap((_, f) => (isFormal[f] ? cal.A.map(() => -1) : [])),
      cal.F.flatMap((_, f) => (isFormal[f] ? QF[f]! : [])),
      cal.F.reduce((s, _f, f) => s + (isFormal[f] ? qfs[f]! : 0), 0),
    );
    const inf = cal.F.map((_, f) => cal.factorKind[f] === 'labour' && cal.segment[f] === 'informal');
    const infTot = cal.F.reduce((s, _f, f) => s + (inf[f] ? qfs[f]! : 0), 0);
    if (infTot <= 0 && isFormal.some((x) => x)) throw new InputError(spec.cal.sam.source, { en: 'the fixed-real-wage closure needs an informal labour account', es: 'el cierre de salario real fijo necesita trabajo informal' });
    cal.F.forEach((_, f) => {
      if (inf[f]) QFSeff[f] = lin([qfs[f]! / infTot], [displaced], qfs[f]!);
    });
  }
  cal.F.forEach((f, fi) => {
    if (pos['WF']![fi]! >= 0) {
      const xs = QF[fi]!;
      eq('E23', 'factor market', f, cal.QFS0[fi]!, sub(lin(ones(nA), xs), QFSeff[fi]!));
    }
    cal.A.forEach((a, ai) => {
      if (pos['WFD']![fi * nA + ai]! >= 0) eq('E24', 'specific factor', `${cal.acc[f]!.code}/${cal.acc[a]!.code}`, cal.QF0[fi]![ai]!, sub(QF[fi]![ai]!, k(p.ks?.[fi]?.[ai] ?? cal.QF0[fi]![ai]!)));
    });
  });
  // Taxes (E30)
  const v = cal.sam.values;
  const TAX = cal.T.map((t, ti) => {
    const cs: number[] = [];
    const xs: D[] = [];
    cal.A.forEach((a, ai) => {
      const r = v[t]![a]! / cal.QA0[ai]!;
      if (r !== 0) { cs.push(r); xs.push(mul(PA[ai]!, QA[ai]!)); }
    });
    cal.C.forEach((c, i) => {
      if (cal.taxKind[ti] === 'import-duty' && cal.QM0[i]! > 0) {
        const r = cal.QM0[i]! > 0 ? v[t]![c]! / cal.QM0[i]! : 0;
        if (r !== 0) { cs.push(r * (p.pwm?.[i] ?? 1)); xs.push(mul(EXR, QM[i]!)); }
      } else {
        const r = cal.tq[ti]![i]! + (p.dtq?.[ti]?.[i] ?? 0);
        const base = mul(pre[i]!, QQ[i]!);
        if (r !== 0) { cs.push(r); xs.push(base); }
        if (isVat[ti] && cal.tq[ti]![i]! > 0 && VATADJ.i !== null) { cs.push(1); xs.push(mul(VATADJ, base)); }
        else if (isVat[ti] && cal.tq[ti]![i]! > 0 && VATADJ.v !== 0) { cs.push(VATADJ.v); xs.push(base); }
      }
    });
    cal.F.forEach((_f, fi) => { if (cal.sfT[fi]![ti]! !== 0) { cs.push(cal.sfT[fi]![ti]!); xs.push(YF[fi]!); } });
    cal.INS.forEach((_i, ii) => {
      const r = cal.ty[ti]![ii]!;
      if (r !== 0) { cs.push(r); xs.push(cal.acc[cal.INS[ii]!]!.type === 'government' ? YI[ii]! : mul(TYADJ, YI[ii]!)); }
    });
    return lin(cs, xs);
  });
  const carbonRev = lin(cal.C.map((_, i) => ctax * (p.ef?.[i] ?? 0)), QQ);
  const wedgeRev = lin(
    cal.F.flatMap((_, f) => (isFormal[f] ? cal.A.map(() => 1) : [])),
    cal.F.flatMap((_, f) => (isFormal[f] ? cal.A.map((_a, a) => mul(mul(mul(WF[f]!, WFD[f]![a]!), QF[f]![a]!), WEDGE)) : [])),
  );
  // Lump-sum recycling (E35): real amount × CPI, by population share or to the poorest groups.
  const lsShare = cal.INS.map((_, ii) => {
    if (!isHH[ii]) return 0;
    if (instr === 'lumpsum-poorest') {
      const poor = p.poorest ?? [];
      return poor.includes(ii) ? (p.popShare ? p.popShare[ii]! / poor.reduce((s, q) => s + p.popShare![q]!, 0) : 1 / poor.length) : 0;
    }
    return p.popShare?.[ii] ?? 0;
  });
  if ((instr === 'lumpsum' && !p.popShare) || (instr === 'lumpsum-poorest' && !(p.poorest && p.poorest.length > 0)))
    throw new InputError(cal.sam.source, { en: 'lump-sum recycling needs household population shares (popShare/poorest)', es: 'la transferencia por persona necesita la población de cada hogar (popShare/poorest)' });
  const LStot = mul(LSREAL, CPI);
  const LS = lsShare.map((s) => scale(s, LStot));
  // Institutions (E26–E28)
  const isGov = cal.INS.map((i) => cal.acc[i]!.type === 'government');
  const gadj = p.gadj ?? 1;
  const bundle = p.greenBundle ?? cal.C.map(() => 0);
  cal.INS.forEach((ins, ii) => {
    if (pos['YI']![ii]! < 0) return;
    const cs: number[] = [];
    const xs: D[] = [];
    cal.F.forEach((_f, fi) => { if (cal.sfI[fi]![ii]! !== 0) { cs.push(cal.sfI[fi]![ii]!); xs.push(YF[fi]!); } });
    cal.INS.forEach((_j, ji) => {
      if (cal.trShare[ii]![ji]! !== 0) { cs.push(cal.trShare[ii]![ji]!); xs.push(YI[ji]!); }
      if (cal.trGov[ii]![ji]! !== 0) { cs.push(cal.trGov[ii]![ji]!); xs.push(CPI); }
    });
    cs.push(cal.trow[ii]!); xs.push(EXR);
    cal.T.forEach((_t, ti) => { if (cal.sg[ti]![ii]! !== 0) { cs.push(cal.sg[ti]![ii]!); xs.push(TAX[ti]!); } });
    cs.push(1); xs.push(LS[ii]!);
    if (ii === cal.mainGov) { cs.push(1, 1); xs.push(carbonRev, wedgeRev); }
    eq('E26', 'income', ins, cal.YI0[ii]!, sub(YI[ii]!, lin(cs, xs)));
  });
  // E29 LES household demand
  const QH = cal.C.map((_, i) =>
    cal.INS.map((_h, ii) => {
      if (!isHH[ii] || cal.lesBeta[i]![ii]! === 0) return k(cal.lesGamma[i]![ii]!);
      const supernum = supernumerary(ii);
      return lin([1], [div(scale(cal.lesBeta[i]![ii]!, supernum), PQ[i]!)], cal.lesGamma[i]![ii]!);
    }),
  );
  const QENT = cal.C.map((_, i) => cal.INS.map((_e, ii) => (cal.ce[i]![ii]! > 0 ? div(scale(cal.ce[i]![ii]!, YI[ii]!), PQ[i]!) : k(0))));
  const QG = cal.C.map((_, i) =>
    cal.INS.map((_g, ii) => {
      const base = cal.QG0[i]![ii]! * gadj;
      return ii === cal.mainGov && bundle[i]! > 0 ? lin([bundle[i]!], [GREEN], base) : k(base);
    }),
  );
  const QINV = cal.C.map((_, i) => scale(cal.QINV0[i]!, IADJ));
  const QDST = cal.QDST0;
  // E20 composite market
  cal.C.forEach((c, i) => {
    if (pos['QQ']![i]! < 0) return;
    const xs: D[] = [...QINT[i]!, ...QEN[i]!, ...QH[i]!, ...QENT[i]!, ...QG[i]!, QINV[i]!, ...cal.MG.map((_m, m) => scale(cal.icmc[m]![i]!, QMG[m]!))];
    eq('E20', 'composite market', c, cal.QQ0[i]!, sub(QQ[i]!, lin(ones(xs.length), xs, QDST[i]!)));
  });
  // E21 domestic market
  cal.C.forEach((c, i) => {
    if (pos['PD']![i]! >= 0) eq('E21', 'domestic market', c, cal.QD0[i]!, sub(QDs[i]!, QDd[i]!));
  });
  // Savings (E27, E28)
  const SAV = cal.INS.map((_, ii) => {
    if (isHH[ii]) return scale(cal.mps[ii]!, mul(MPSADJ, YI[ii]!));
    if (isGov[ii]) return k(0);
    const ceTot = cal.C.reduce((s, _c, i) => s + cal.ce[i]![ii]!, 0);
    return lin([1 - outShare[ii]! - ceTot, -tyTot[ii]!], [YI[ii]!, mul(TYADJ, YI[ii]!)]);
  });
  const GSAV = cal.INS.map((_, ii) => {
    if (!isGov[ii]) return k(0);
    const cs: number[] = [1, -tyTot[ii]!, -cal.trwGov[ii]!];
    const xs: D[] = [YI[ii]!, YI[ii]!, EXR];
    cal.C.forEach((_c, i) => { cs.push(-1); xs.push(mul(PQ[i]!, QG[i]![ii]!)); });
    const trOut = cal.INS.reduce((s, _j, ji) => s + cal.trGov[ji]![ii]!, 0);
    cs.push(-trOut); xs.push(CPI);
    if (ii === cal.mainGov) { cs.push(-1); xs.push(LStot); }
    return lin(cs, xs);
  });
  // E33 rest of the world, in domestic currency
  if (cal.ROW.length > 0) {
    const cs: number[] = [];
    const xs: D[] = [];
    cal.C.forEach((_c, i) => { if (cal.QM0[i]! > 0) { cs.push(p.pwm?.[i] ?? 1); xs.push(mul(EXR, QM[i]!)); } });
    cal.C.forEach((_c, i) => { if (cal.RE0[i]! > 0) { cs.push((cal.RE0[i]! - cal.REstock[i]!) * (p.pwm?.[i] ?? 1) - cal.RE0[i]! * (p.pwe?.[i] ?? 1)); xs.push(EXR); } });
    cal.F.forEach((_f, fi) => { if (cal.sfW[fi]! !== 0) { cs.push(cal.sfW[fi]!); xs.push(YF[fi]!); } });
    cal.INS.forEach((_i, ii) => { if (cal.trw[ii]! !== 0) { cs.push(cal.trw[ii]!); xs.push(YI[ii]!); } });
    const fixedOut = cal.trwGov.reduce((s, q) => s + q, 0) - cal.yfrow.reduce((s, q) => s + q, 0) - cal.trow.reduce((s, q) => s + q, 0);
    cs.push(fixedOut); xs.push(EXR);
    cal.C.forEach((_c, i) => { if (cal.QE0[i]! > 0) { cs.push(-(p.pwe?.[i] ?? 1)); xs.push(mul(EXR, QE[i]!)); } });
    cs.push(-1); xs.push(mul(EXR, FSAV));
    const scaleRow = Math.max(1, cal.QM0.reduce((s, q) => s + q, 0));
    eq('E33', 'rest of world balance', 'rest-of-world', scaleRow, lin(cs, xs));
  }
  // E34 numeraire
  if (cl.numeraire === 'cpi') eq('E34', 'numeraire CPI', 'CPI', 1, lin([1], [CPI], -num));
  // E35 government savings target
  const gsavTot = lin(ones(nI), GSAV);
  const GSAV0 = cal.GSAV0.reduce((s, q) => s + q, 0);
  if (cl.government === 'fixed-savings') {
    const target = p.gsav ?? GSAV0;
    eq('E35', 'government savings', cal.INS[cal.mainGov]!, Math.max(1, Math.abs(GSAV0), 1e-3 * cal.YI0[cal.mainGov]!), sub(gsavTot, scale(target, CPI)));
  }
  // E43 real GDP at base prices (E38, expenditure side) meets its target.
  if (TFPM && p.gdpTarget !== undefined) {
    const parts: D[] = [];
    const coefs: number[] = [];
    cal.C.forEach((_c, i) => {
      for (const d of [...QH[i]!, ...QENT[i]!, ...QG[i]!, QINV[i]!, QE[i]!]) { parts.push(d); coefs.push(1); }
      parts.push(QM[i]!); coefs.push(-1);
    });
    cal.A.forEach((_a, a) => QHA[a]!.forEach((d) => { parts.push(d); coefs.push(1); }));
    const dst = cal.C.reduce((s, _c, i) => s + QDST[i]!, 0);
    eq('E43', 'real GDP target', 'economy', Math.max(1, Math.abs(p.gdpTarget)), lin(coefs, parts, dst - p.gdpTarget));
  }
  // E32 savings = investment (dropped; Walras slack)
  const reStock = cal.C.reduce((s, _c, i) => s + (p.pwe?.[i] ?? 1) * cal.REstock[i]!, 0);
  const invSpend = lin([...ones(nC), -reStock], [...cal.C.map((_, i) => mul(PQ[i]!, lin([cal.QINV0[i]!], [IADJ], QDST[i]!))), EXR]);
  const walras = sub(lin([1, 1, 1], [lin(ones(nI), SAV), gsavTot, mul(EXR, FSAV)]), invSpend);
  const st: State = {
    PD, PM, PE, PQS, PQ, PX, PA, PVA, PEN, QA, QX, QE, QD: QDs, QM, QQ, QF, WF, WFD, YF, YI, EH, QH, QHA, QENT, QG, QINV, QDST, QEN, QINT,
    TAX, carbonRev, wedgeRev, LS, SAV, GSAV, EXR, FSAV, CPI, IADJ, MPSADJ, TAXADJ, walras, QFSeff,
  };
  return { res, st };
}
