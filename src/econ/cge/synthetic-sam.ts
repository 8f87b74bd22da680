/**
 * Balanced synthetic SAMs built in code, for tests and benchmarks before (and beside) the Peru SAM:
 * n activities/commodities (commodity 1 … fuels, the last energy one electricity), formal and
 * informal labour and capital, h households, one enterprise, one government, tax accounts of each
 * kind, one margin, savings–investment and the rest of the world. Every account balances by
 * construction: savings, foreign savings and investment close the accounts that are residuals.
 */
import type { Sam, SamAccount } from '../sam/types.js';

export interface SyntheticOptions {
  sectors: number;
  households: number;
  fuels?: number;
  seed?: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticSam(o: SyntheticOptions): Sam {
  const n = o.sectors, nh = o.households, nfuel = o.fuels ?? Math.min(2, n - 2);
  const r = rng(o.seed ?? 7);
  const acc: SamAccount[] = [];
  const addA = (a: SamAccount) => acc.push(a) - 1;
  const A = Array.from({ length: n }, (_, i) => addA({ code: `a${i}`, label: `Actividad ${i}`, type: 'activity' }));
  const C = Array.from({ length: n }, (_, i) =>
    addA({ code: `c${i}`, label: `Bien ${i}`, type: 'commodity', kind: i >= 1 && i <= nfuel ? 'fuel' : i === nfuel + 1 ? 'electricity' : 'other' }),
  );
  const MG = addA({ code: 'marg', label: 'Márgenes', type: 'margin' });
  const LF = addA({ code: 'lab-f', label: 'Trabajo formal', type: 'factor', kind: 'labour', attributes: { segment: 'formal' } });
  const LI = addA({ code: 'lab-i', label: 'Trabajo informal', type: 'factor', kind: 'labour', attributes: { segment: 'informal' } });
  const K = addA({ code: 'cap', label: 'Capital', type: 'factor', kind: 'capital' });
  const H = Array.from({ length: nh }, (_, i) => addA({ code: `h${i + 1}`, label: `Hogar ${i + 1}`, type: 'household' }));
  const ENT = addA({ code: 'ent', label: 'Empresas', type: 'enterprise' });
  const GOV = addA({ code: 'gov', label: 'Gobierno', type: 'government' });
  const TVAT = addA({ code: 't-igv', label: 'IGV', type: 'tax', kind: 'vat' });
  const TISC = addA({ code: 't-isc', label: 'ISC', type: 'tax', kind: 'isc' });
  const TDUT = addA({ code: 't-dut', label: 'Aranceles', type: 'tax', kind: 'import-duty' });
  const TDIR = addA({ code: 't-dir', label: 'Impuestos directos', type: 'tax', kind: 'direct' });
  const TPRD = addA({ code: 't-prd', label: 'Otros impuestos a la producción', type: 'tax', kind: 'production' });
  const SI = addA({ code: 'si', label: 'Ahorro-inversión', type: 'savings-investment' });
  const ROW = addA({ code: 'row', label: 'Resto del mundo', type: 'rest-of-world' });
  const N = acc.length;
  const v = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  const QA = A.map(() => 50 + 100 * r());
  // Activities: intermediates, value added, production tax.
  A.forEach((a, ai) => {
    let used = 0;
    C.forEach((c) => {
      const x = (0.35 / n) * (0.5 + r()) * QA[ai]!;
      v[c]![a] = x;
      used += x;
    });
    const tp = 0.02 * QA[ai]!;
    v[TPRD]![a] = tp;
    const va = QA[ai]! - used - tp;
    const sF = 0.25 + 0.2 * r(), sI = 0.1 + 0.2 * r();
    v[LF]![a] = sF * va;
    v[LI]![a] = sI * va;
    v[K]![a] = va - sF * va - sI * va;
    v[a]![C[ai]!] = QA[ai]!;
  });
  // Commodity supply: imports, duties, VAT, ISC on fuels, margins on commodity 0.
  C.forEach((c, ci) => {
    const M = (0.1 + 0.3 * r()) * QA[ci]!;
    v[ROW]![c] = M;
    v[TDUT]![c] = 0.05 * M;
    const marg = ci === 0 ? 0.05 * QA[ci]! : 0;
    v[MG]![c] = marg;
    const pre = QA[ci]! + M * 1.05 + marg;
    v[TVAT]![c] = 0.12 * pre;
    if (acc[c]!.kind === 'fuel') v[TISC]![c] = 0.15 * pre;
  });
  const colTot = (j: number) => v.reduce((s, row) => s + row[j]!, 0);
  const rowTot = (i: number) => v[i]!.reduce((s, x) => s + x, 0);
  v[n > 1 ? C[n - 1]! : C[0]!]![MG] = v[MG]![C[0]!]!; // margin service bought from the last commodity
  // Final demand: exports, government, households; investment closes each commodity row.
  C.forEach((c, ci) => {
    const free = colTot(c) - rowTot(c);
    const e = ci === nfuel + 1 ? 0 : (0.1 + 0.2 * r()) * free;
    v[c]![ROW] = e;
    v[c]![GOV] = (0.05 + 0.1 * r()) * free;
    H.forEach((h, hi) => {
      v[c]![h] = ((0.45 + 0.1 * r()) * free * (hi + 1)) / ((nh * (nh + 1)) / 2);
    });
  });
  C.forEach((c) => {
    v[c]![SI] = colTot(c) - rowTot(c);
  });
  // Factor income: labour to households (richer households get more formal labour), capital to enterprises, some abroad.
  const wF = H.map((_, i) => i + 1), wI = H.map((_, i) => nh - i);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  H.forEach((h, i) => {
    v[h]![LF] = (rowTot(LF) * wF[i]!) / sum(wF);
    v[h]![LI] = (rowTot(LI) * wI[i]!) / sum(wI);
  });
  const YK = rowTot(K);
  v[ROW]![K] = 0.1 * YK;
  v[ENT]![K] = 0.9 * YK;
  // Enterprise: direct tax, dividends to households (to the richer), savings.
  const YE = rowTot(ENT);
  v[TDIR]![ENT] = 0.15 * YE;
  H.forEach((h, i) => (v[h]![ENT] = (0.4 * YE * wF[i]!) / sum(wF)));
  // Government transfers to the poorest, remittances from abroad.
  H.forEach((h, i) => {
    v[h]![GOV] = i === 0 ? 0.03 * rowTot(C[0]!) : 0;
    v[h]![ROW] = 0.02 * rowTot(h);
  });
  H.forEach((h, i) => (v[TDIR]![h] = (0.01 + 0.03 * (i / Math.max(1, nh - 1))) * rowTot(h)));
  // Taxes to government.
  for (const t of [TVAT, TISC, TDUT, TDIR, TPRD]) v[GOV]![t] = rowTot(t);
  // Savings are residuals; foreign savings close S-I.
  for (const i of [...H, ENT, GOV]) v[SI]![i] = rowTot(i) - colTot(i);
  v[SI]![ROW] = colTot(SI) - rowTot(SI);
  return { source: `synthetic SAM (${n} sectors × ${nh} households)`, year: 2019, units: 'millones de soles (sintético)', accounts: acc, values: v };
}

/** Elasticities for synthetic SAMs (test values, each labelled as an assumption). */
export function syntheticElasticities(): unknown {
  const s = (value: number) => ({ value, source: 'Supuesto: valor de prueba para MCS sintéticas' });
  return {
    demand: 'les',
    armington: { '*': s(2) },
    cet: { '*': s(2) },
    va: { '*': s(0.8) },
    energy: { '*': s(0.5) },
    vae: { '*': s(0.3) },
    incomeElasticity: { '*': s(1), c0: s(0.8), c1: s(1.2) },
    frisch: { '*': s(-2.5) },
  };
}
