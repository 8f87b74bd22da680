/**
 * Calibration: every parameter of MODEL.md from one balanced SAM (src/econ/sam/types.ts), read by
 * account type, never by label. A non-zero cell in a block the model has no behaviour for is an
 * error naming both accounts, so nothing in the SAM is silently ignored.
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Sam, SamAccount, SamAccountType } from '../sam/types.js';
import { elasticity, type Elasticities } from './elasticities.js';

export interface Calibration {
  sam: Sam;
  acc: SamAccount[];
  /** Index lists into sam.accounts. */
  A: number[];
  C: number[];
  MG: number[];
  F: number[];
  H: number[];
  E: number[];
  G: number[];
  T: number[];
  ROW: number[];
  SI: number[];
  ST: number[];
  /** Institutions H ∪ E ∪ G in that order (positions used by YI). */
  INS: number[];
  // commodities (arrays over C positions)
  QX0: number[]; QE0: number[];
  /** Re-exports (fixed quantity, imported and exported at world prices). */
  RE0: number[];
  /** The part of re-exports drawn from stocks (the rest is imported). */
  REstock: number[]; QD0: number[]; QM0: number[]; QQ0: number[];
  tm: number[]; PQS0: number[]; betaD: number[]; gammaE: number[];
  /** icm[m][c]: margin m per unit of QQ_c; icmc[m][c]: commodity c per unit of margin m. */
  icm: number[][]; icmc: number[][];
  /** Commodity-tax rates tq[t][c] on pre-tax purchaser value (non-import-duty kinds). */
  tq: number[][];
  isEnergy: boolean[];
  sigmaA: number[]; omegaT: number[];
  // activities
  QA0: number[];
  /** Home consumption QHA0[a][ins]; marketed output QAM0[a]; LES parameters of home goods [a][ins]. */
  QHA0: number[][]; QAM0: number[]; lesBetaA: number[][]; lesGammaA: number[][];
  theta: number[][]; tp: number[]; ica: number[][];
  ivae: number[]; VA0: number[]; EN0: number[];
  /** Value shares of factors in VA [a][f], of energy commodities in EN [a][c]. */
  betaF: number[][]; betaEN: number[][]; betaVE: number[];
  sigmaVA: number[]; sigmaEN: number[]; sigmaVAE: number[];
  QF0: number[][]; // [f][a]
  // factors
  factorKind: ('labour' | 'capital' | 'land')[]; segment: ('formal' | 'informal' | '')[];
  YF0: number[]; yfrow: number[]; QFS0: number[];
  /** Factor column shares: to institutions [f][ins], to taxes [f][t], abroad [f]. */
  sfI: number[][]; sfT: number[][]; sfW: number[];
  // institutions (arrays over INS positions)
  YI0: number[];
  /** Non-government payer j's transfer to institution i as share of YI_j: trShare[i][j]. */
  trShare: number[][];
  /** Government payer j's real transfer to i: trGov[i][j] (base value, × CPI). */
  trGov: number[][];
  trow: number[]; trw: number[]; trwGov: number[];
  /** Direct tax rates ty[t][ins]. */
  ty: number[][];
  mps: number[]; EH0: number[];
  /** Household consumption QH0[c][ins] (H), enterprise shares ce[c][ins], government QG0[c][ins]. */
  QH0: number[][]; ce: number[][]; QG0: number[][];
  GSAV0: number[];
  /** LES: marginal budget shares beta[c][ins] and subsistence gamma[c][ins]. */
  lesBeta: number[][]; lesGamma: number[][];
  // taxes: shares of revenue to institutions sg[t][ins]
  TAX0: number[]; sg: number[][];
  taxKind: string[];
  // macro
  QINV0: number[]; QDST0: number[]; FSAV0: number[]; cw: number[];
  /** Position (in INS) of the government that receives carbon-tax and payroll-wedge revenue. */
  mainGov: number;
  /** Position of the S-I/ROW etc. */
  FSAVtotal: number;
}

const INSTITUTION: SamAccountType[] = ['household', 'enterprise', 'government'];

function where(sam: Sam, a: SamAccount): string {
  return a.where ? `${sam.source} (${a.where})` : sam.source;
}

export function calibrate(sam: Sam, el: Elasticities): Calibration {
  const acc = sam.accounts;
  const v = sam.values;
  const n = acc.length;
  const idx = (t: SamAccountType) => acc.map((a, i) => (a.type === t ? i : -1)).filter((i) => i >= 0);
  const A = idx('activity'), C = idx('commodity'), MG = idx('margin'), F = idx('factor');
  const H = idx('household'), E = idx('enterprise'), G = idx('government'), T = idx('tax');
  const ROW = idx('rest-of-world'), SI = idx('savings-investment'), ST = idx('stock-change');
  const INS = [...H, ...E, ...G];
  for (const a of acc) {
    if (![...INSTITUTION, 'activity', 'commodity', 'margin', 'factor', 'tax', 'rest-of-world', 'savings-investment', 'stock-change'].includes(a.type))
      throw new InputError(`${where(sam, a)}: ${a.code}`, { en: `unknown account type "${String(a.type)}"`, es: `tipo de cuenta desconocido "${String(a.type)}"` });
  }
  if (A.length === 0 || C.length === 0) throw new InputError(sam.source, { en: 'the SAM needs activities and commodities', es: 'la MCS necesita actividades y bienes' });
  if (H.length === 0) throw new InputError(sam.source, { en: 'the SAM needs at least one household', es: 'la MCS necesita al menos un hogar' });
  if (SI.length === 0) throw new InputError(sam.source, { en: 'the SAM needs a savings-investment account', es: 'la MCS necesita una cuenta de ahorro-inversión' });
  const rowTot = (i: number) => v[i]!.reduce((s, x) => s + x, 0);
  const colTot = (j: number) => v.reduce((s, r) => s + r[j]!, 0);
  // Every non-zero cell must fall in a block with a behaviour (see MODEL.md).
  const ok = (r: SamAccountType, c: SamAccountType): boolean => {
    const inst = (t: SamAccountType) => INSTITUTION.includes(t);
    if (r === 'activity') return c === 'commodity' || c === 'household'; // household: home consumption
    if (r === 'commodity') return c === 'activity' || inst(c) || c === 'savings-investment' || c === 'stock-change' || c === 'rest-of-world' || c === 'margin';
    if (r === 'margin') return c === 'commodity';
    if (r === 'factor') return c === 'activity' || c === 'rest-of-world';
    if (inst(r)) return c === 'factor' || inst(c) || c === 'rest-of-world' || c === 'tax';
    if (r === 'tax') return c === 'activity' || c === 'commodity' || c === 'factor' || inst(c);
    if (r === 'savings-investment') return inst(c) || c === 'rest-of-world';
    if (r === 'stock-change') return c === 'savings-investment';
    if (r === 'rest-of-world') return c === 'commodity' || c === 'factor' || inst(c) || c === 'rest-of-world';
    return false;
  };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x = v[i]![j]!;
      if (x !== 0 && !ok(acc[i]!.type, acc[j]!.type))
        throw new InputError(`${sam.source}: ${acc[i]!.code} ← ${acc[j]!.code}`, {
          en: `non-zero cell in a block the model has no behaviour for (${acc[i]!.type} ← ${acc[j]!.type})`,
          es: `celda no nula en un bloque sin comportamiento en el modelo (${acc[i]!.type} ← ${acc[j]!.type})`,
        });
      if (x < 0 && !(acc[j]!.type === 'stock-change' || acc[i]!.type === 'stock-change' || acc[i]!.type === 'savings-investment' || acc[j]!.type === 'rest-of-world' || acc[i]!.type === 'rest-of-world' || acc[i]!.type === 'tax'))
        throw new InputError(`${sam.source}: ${acc[i]!.code} ← ${acc[j]!.code}`, { en: `negative value ${x} not allowed in this block`, es: `valor negativo ${x} no admitido en este bloque` });
    }
  const sumOver = (rows: number[], j: number) => rows.reduce((s, i) => s + v[i]![j]!, 0);
  const sumRow = (i: number, cols: number[]) => cols.reduce((s, j) => s + v[i]![j]!, 0);
  const dutyT = T.filter((t) => acc[t]!.kind === 'import-duty');
  const otherT = T.filter((t) => acc[t]!.kind !== 'import-duty');
  // Commodities (E1–E6, E16–E21)
  const QX0 = C.map((c) => sumOver(A, c));
  const QE0 = C.map((c) => sumRow(c, ROW));
  const QM0 = C.map((c) => sumOver(ROW, c));
  // Re-exports: exports above domestic output are imports passed through at world prices (a fixed
  // quantity), so the CET covers domestic output only and the Armington nest the imports kept.
  // They come first from a stock drawdown (negative stock change), then from imports.
  const RE0 = C.map((_, k) => Math.max(0, QE0[k]! - QX0[k]!));
  const REstock = C.map(() => 0);
  RE0.forEach((re, k) => {
    const drawdown = Math.max(0, -sumRow(C[k]!, ST));
    const fromStock = Math.min(re, drawdown);
    if (re - fromStock > QM0[k]! * (1 + 1e-12)) throw new InputError(`${sam.source}: ${acc[C[k]!]!.code}`, { en: `exports (${QE0[k]}) exceed output, imports and stock drawdown`, es: `exportaciones (${QE0[k]}) mayores que producción, importaciones y reducción de existencias` });
    REstock[k] = fromStock;
    QE0[k] = QE0[k]! - re;
    QM0[k] = QM0[k]! - (re - fromStock);
  });
  const QD0 = C.map((_, k) => Math.max(0, QX0[k]! - QE0[k]!));
  // An import duty on a commodity with no imports (a quirk of some published SAMs, e.g. Peru 2004
  // c-fin) has no import base: it is modelled as an ad valorem tax on the composite, like other taxes.
  const duty = C.map((c, k) => (QM0[k]! > 0 ? sumOver(dutyT, c) : 0));
  const tm = C.map((_, k) => (QM0[k]! > 0 ? duty[k]! / QM0[k]! : 0));
  const marg = MG.map((m) => C.map((c) => v[m]![c]!));
  const otax = [...otherT.map((t) => C.map((c) => v[t]![c]!)), ...dutyT.map((t) => C.map((c, k) => (QM0[k]! > 0 ? 0 : v[t]![c]!)))];
  const QQ0 = C.map((_, k) => QD0[k]! + QM0[k]! + duty[k]! + marg.reduce((s, r) => s + r[k]!, 0) + otax.reduce((s, r) => s + r[k]!, 0));
  const PQS0 = C.map((_, k) => (QQ0[k]! > 0 ? (QD0[k]! + QM0[k]! * (1 + tm[k]!)) / QQ0[k]! : 1));
  const betaD = C.map((_, k) => {
    const den = QD0[k]! + QM0[k]! * (1 + tm[k]!);
    return den > 0 ? QD0[k]! / den : 1;
  });
  const gammaE = C.map((_, k) => (QX0[k]! > 0 ? QE0[k]! / QX0[k]! : 0));
  const icm = MG.map((_, mi) => C.map((_, k) => (QQ0[k]! > 0 ? marg[mi]![k]! / QQ0[k]! : 0)));
  const icmc = MG.map((m) => {
    const tot = sumOver(C, m);
    return C.map((c) => (tot > 0 ? v[c]![m]! / tot : 0));
  });
  const tq = T.map((t) =>
    C.map((c, k) => {
      if (acc[t]!.kind === 'import-duty' && QM0[k]! > 0) return 0;
      const base = QD0[k]! + QM0[k]! * (1 + tm[k]!) + marg.reduce((s, r) => s + r[k]!, 0);
      const x = v[t]![c]!;
      if (x !== 0 && base <= 0) throw new InputError(`${sam.source}: ${acc[t]!.code} ← ${acc[c]!.code}`, { en: 'tax without a base', es: 'impuesto sin base' });
      return base > 0 ? x / base : 0;
    }),
  );
  const isEnergy = C.map((c) => acc[c]!.kind === 'fuel' || acc[c]!.kind === 'electricity');
  const sigmaA = C.map((c, k) => (QM0[k]! > 0 && QD0[k]! > 0 ? elasticity(el, 'armington', acc[c]!.code) : 1));
  const omegaT = C.map((c, k) => (QE0[k]! > 0 && QD0[k]! > 0 ? elasticity(el, 'cet', acc[c]!.code) : 1));
  // Activities (E7–E15)
  const QA0 = A.map((a) => rowTot(a));
  QA0.forEach((q, k) => {
    if (!(q > 0)) throw new InputError(`${sam.source}: ${acc[A[k]!]!.code}`, { en: 'activity without output', es: 'actividad sin producción' });
  });
  // Home consumption (activity ← household) at the activity price; θ are shares of marketed output.
  const QHA0 = A.map((a) => INS.map((i) => (acc[i]!.type === 'household' ? v[a]![i]! : 0)));
  const QAM0 = A.map((a, k) => QA0[k]! - QHA0[k]!.reduce((s, x) => s + x, 0));
  const theta = A.map((a, k) => C.map((c) => (QAM0[k]! > 0 ? v[a]![c]! / QAM0[k]! : 0)));
  const tp = A.map((a, k) => sumOver(T, a) / QA0[k]!);
  const ica = A.map((a, k) => C.map((c, ck) => (isEnergy[ck] ? 0 : v[c]![a]! / QA0[k]!)));
  const VA0 = A.map((a) => sumOver(F, a));
  const EN0 = A.map((a) => C.reduce((s, c, ck) => s + (isEnergy[ck] ? v[c]![a]! : 0), 0));
  const ivae = A.map((_, k) => (VA0[k]! + EN0[k]!) / QA0[k]!);
  const betaF = A.map((a, k) => F.map((f) => (VA0[k]! > 0 ? v[f]![a]! / VA0[k]! : 0)));
  const betaEN = A.map((a, k) => C.map((c, ck) => (isEnergy[ck] && EN0[k]! > 0 ? v[c]![a]! / EN0[k]! : 0)));
  const betaVE = A.map((_, k) => (VA0[k]! + EN0[k]! > 0 ? VA0[k]! / (VA0[k]! + EN0[k]!) : 1));
  const nf = (k: number) => betaF[k]!.filter((x) => x > 0).length;
  const sigmaVA = A.map((a, k) => (nf(k) > 1 ? elasticity(el, 'va', acc[a]!.code) : 1));
  const sigmaEN = A.map((a, k) => (betaEN[k]!.filter((x) => x > 0).length > 1 ? elasticity(el, 'energy', acc[a]!.code) : 1));
  const sigmaVAE = A.map((a, k) => (EN0[k]! > 0 && VA0[k]! > 0 ? elasticity(el, 'vae', acc[a]!.code) : 0));
  const QF0 = F.map((f) => A.map((a) => v[f]![a]!));
  // Factors (E22–E25)
  const factorKind = F.map((f) => {
    const k = acc[f]!.kind ?? 'labour';
    if (k !== 'labour' && k !== 'capital' && k !== 'land') throw new InputError(`${where(sam, acc[f]!)}: ${acc[f]!.code}`, { en: `unknown factor kind "${k}" (labour, capital, land)`, es: `clase de factor desconocida "${k}" (labour, capital, land)` });
    return k;
  });
  const segment = F.map((f) => {
    const vals = Object.values(acc[f]!.attributes ?? {});
    return vals.includes('informal') ? 'informal' : vals.includes('formal') ? 'formal' : '';
  });
  const YF0 = F.map((f) => rowTot(f));
  const yfrow = F.map((f) => sumRow(f, ROW));
  const QFS0 = F.map((f) => sumRow(f, A));
  const sfI = F.map((f, k) => INS.map((i) => (YF0[k]! > 0 ? v[i]![f]! / YF0[k]! : 0)));
  const sfT = F.map((f, k) => T.map((t) => (YF0[k]! > 0 ? v[t]![f]! / YF0[k]! : 0)));
  const sfW = F.map((f, k) => (YF0[k]! > 0 ? sumOver(ROW, f) / YF0[k]! : 0));
  // Institutions (E26–E29)
  const YI0 = INS.map((i) => rowTot(i));
  const isGov = INS.map((i) => acc[i]!.type === 'government');
  const isHH = INS.map((i) => acc[i]!.type === 'household');
  INS.forEach((i, k) => {
    if (!(YI0[k]! > 0) && colTot(i) > 0) throw new InputError(`${sam.source}: ${acc[i]!.code}`, { en: 'institution without income', es: 'institución sin ingresos' });
  });
  const share = (x: number, k: number) => (YI0[k]! > 0 ? x / YI0[k]! : 0);
  const trShare = INS.map((i) => INS.map((j, jk) => (isGov[jk] ? 0 : share(v[i]![j]!, jk))));
  const trGov = INS.map((i) => INS.map((j, jk) => (isGov[jk] ? v[i]![j]! : 0)));
  const trow = INS.map((i) => sumRow(i, ROW));
  const trw = INS.map((i, k) => (isGov[k] ? 0 : share(sumOver(ROW, i), k)));
  const trwGov = INS.map((i, k) => (isGov[k] ? sumOver(ROW, i) : 0));
  const ty = T.map((t) => INS.map((i, k) => share(v[t]![i]!, k)));
  const mps = INS.map((i, k) => (isHH[k] ? share(sumOver(SI, i), k) : 0));
  const QH0 = C.map((c) => INS.map((i, k) => (isHH[k] ? v[c]![i]! : 0)));
  const ce = C.map((c) => INS.map((i, k) => (acc[i]!.type === 'enterprise' ? share(v[c]![i]!, k) : 0)));
  const QG0 = C.map((c) => INS.map((i, k) => (isGov[k] ? v[c]![i]! : 0)));
  const EH0 = INS.map((_, k) => (isHH[k] ? C.reduce((s, _c, ck) => s + QH0[ck]![k]!, 0) + A.reduce((s, _a, ak) => s + QHA0[ak]![k]!, 0) : 0));
  const GSAV0 = INS.map((i, k) => (isGov[k] ? sumOver(SI, i) : 0));
  // LES (E29): β = ε·share normalised; γ from the Frisch parameter.
  const lesBeta = C.map(() => INS.map(() => 0));
  const lesGamma = C.map(() => INS.map(() => 0));
  const lesBetaA = A.map(() => INS.map(() => 0));
  const lesGammaA = A.map(() => INS.map(() => 0));
  // Home-consumed output takes the income elasticity of the activity's main marketed commodity (Supuesto).
  const mainC = A.map((_a, ak) => theta[ak]!.reduce((best, x, ck) => (x > theta[ak]![best]! ? ck : best), 0));
  INS.forEach((h, k) => {
    if (!isHH[k] || EH0[k]! <= 0) return;
    const raw = C.map((c, ck) => {
      const w = QH0[ck]![k]! / EH0[k]!;
      return w > 0 ? w * (el.demand === 'les' ? elasticity(el, 'incomeElasticity', acc[c]!.code) : 1) : 0;
    });
    const rawA = A.map((_a, ak) => {
      const w = QHA0[ak]![k]! / EH0[k]!;
      return w > 0 ? w * (el.demand === 'les' ? elasticity(el, 'incomeElasticity', acc[C[mainC[ak]!]!]!.code) : 1) : 0;
    });
    const tot = raw.reduce((s, x) => s + x, 0) + rawA.reduce((s, x) => s + x, 0);
    const phi = el.demand === 'les' ? elasticity(el, 'frisch', acc[h]!.code) : -Infinity;
    if (el.demand === 'les' && !(phi < -1)) throw new InputError(`${el.file}: frisch.${acc[h]!.code}`, { en: 'the Frisch parameter must be < −1', es: 'el parámetro de Frisch debe ser < −1' });
    C.forEach((_c, ck) => {
      const b = raw[ck]! / tot;
      lesBeta[ck]![k] = b;
      lesGamma[ck]![k] = Number.isFinite(phi) ? QH0[ck]![k]! + (b * EH0[k]!) / phi : 0;
    });
    A.forEach((_a, ak) => {
      const b = rawA[ak]! / tot;
      lesBetaA[ak]![k] = b;
      lesGammaA[ak]![k] = Number.isFinite(phi) ? QHA0[ak]![k]! + (b * EH0[k]!) / phi : 0;
    });
  });
  // Taxes (E30)
  const TAX0 = T.map((t) => rowTot(t));
  const sg = T.map((t, k) => INS.map((i) => (TAX0[k]! !== 0 ? v[i]![t]! / TAX0[k]! : 0)));
  T.forEach((t, k) => {
    const out = colTot(t) - sumOver(INS, t);
    if (Math.abs(out) > 1e-9 * Math.max(1, Math.abs(TAX0[k]!))) throw new InputError(`${sam.source}: ${acc[t]!.code}`, { en: 'a tax account may pay only institutions', es: 'una cuenta de impuestos solo puede pagar a instituciones' });
  });
  const taxKind = T.map((t) => acc[t]!.kind ?? 'other');
  // A tax account with no base-year revenue (e.g. ISC on LPG) pays any new revenue to the main government.
  const gov0 = INS.findIndex((i) => acc[i]!.type === 'government');
  T.forEach((_t, k) => {
    if (TAX0[k] === 0 && gov0 >= 0) sg[k]![gov0] = 1;
  });
  // Macro (E31–E34)
  const QINV0 = C.map((c) => sumRow(c, SI));
  const QDST0 = C.map((c, k) => sumRow(c, ST) + REstock[k]!);
  const FSAV0 = ROW.map((r) => sumOver(SI, r));
  const totH = C.reduce((s, _c, ck) => s + INS.reduce((t, _i, k) => t + QH0[ck]![k]!, 0), 0);
  const cw = C.map((_c, ck) => INS.reduce((t, _i, k) => t + QH0[ck]![k]!, 0) / totH);
  const mainGov = INS.findIndex((_i, k) => isGov[k]);
  return {
    sam, acc, A, C, MG, F, H, E, G, T, ROW, SI, ST, INS,
    QX0, RE0, REstock, QE0, QD0, QM0, QQ0, tm, PQS0, betaD, gammaE, icm, icmc, tq, isEnergy, sigmaA, omegaT,
    QA0, QHA0, QAM0, lesBetaA, lesGammaA, theta, tp, ica, ivae, VA0, EN0, betaF, betaEN, betaVE, sigmaVA, sigmaEN, sigmaVAE, QF0,
    factorKind, segment, YF0, yfrow, QFS0, sfI, sfT, sfW,
    YI0, trShare, trGov, trow, trw, trwGov, ty, mps, EH0, QH0, ce, QG0, GSAV0, lesBeta, lesGamma,
    TAX0, sg, taxKind, QINV0, QDST0, FSAV0, cw, mainGov, FSAVtotal: FSAV0.reduce((s, x) => s + x, 0),
  };
}
