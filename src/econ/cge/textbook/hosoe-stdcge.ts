/**
 * The standard CGE model of Hosoe, Gasawa and Hashimoto (2010, ch. 6), written from the book's
 * description in our own code, on its 2-good SAM (hosoe-sam.json), as the "published model" case
 * of issue 10 target (e). Structure (H1–H24 below; the book's notation):
 * Cobb–Douglas composite factor Y_j from factors F_hj; Leontief intermediates X_ij and Y_j in
 * gross output Z_j; production tax τz on Z, tariff τm on imports; Armington CES (σ) between M and D
 * into Q, CET (ψ) between E and D from Z; Cobb–Douglas household demand out of factor income net of
 * direct tax and savings; government demand a fixed share μ of revenue net of its savings (a fixed
 * share of revenue); investment a fixed share λ of total savings; small open economy with fixed
 * world prices and fixed foreign savings Sf, flexible exchange rate ε; the wage is the numeraire.
 * The square system drops the labour-market equation (Walras), whose slack is reported.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../sd/ir/diagnostics.js';
import { c as k, D, div, ensureScratch, exp, lin, log, mul, pow, scale, sub, variable } from '../dual.js';
import type { Equation } from '../equations.js';
import { newton } from '../newton.js';

export interface HosoeFixture {
  source: string;
  accounts: string[];
  goods: string[];
  factors: string[];
  cells: [string, string, number][];
  elasticities: { armington: { value: number }; cet: { value: number } };
  printed: { table: string; page: number; precision: number; values: Record<string, number> } | null;
}

export function loadHosoeFixture(): HosoeFixture {
  const file = fileURLToPath(new URL('./hosoe-sam.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as HosoeFixture;
}

/** Calibrated parameters and base values (all base prices 1). */
export interface HosoeCal {
  I: string[];
  H: string[];
  X0: number[][]; F0: number[][]; Y0: number[]; Z0: number[]; Xp0: number[]; Xg0: number[]; Xv0: number[];
  E0: number[]; M0: number[]; Q0: number[]; D0: number[]; FF: number[]; Sp0: number; Sg0: number; Sf: number; Td0: number; Tz0: number[]; Tm0: number[];
  tauz: number[]; taum: number[]; taud: number; ssp: number; ssg: number;
  alpha: number[]; beta: number[][]; b: number[]; ax: number[][]; ay: number[]; mu: number[]; lambda: number[];
  eta: number; phi: number; deltam: number[]; deltad: number[]; gamma: number[]; xie: number[]; xid: number[]; theta: number[];
}

export function calibrateHosoe(fx: HosoeFixture): HosoeCal {
  const S = new Map<string, number>();
  for (const [r, c, v] of fx.cells) {
    if (!fx.accounts.includes(r) || !fx.accounts.includes(c)) throw new InputError(`hosoe-sam.json: ${r} ← ${c}`, { en: 'unknown account', es: 'cuenta desconocida' });
    S.set(`${r}|${c}`, v);
  }
  const s = (r: string, c: string) => S.get(`${r}|${c}`) ?? 0;
  for (const a of fx.accounts) {
    const row = fx.accounts.reduce((t, c) => t + s(a, c), 0);
    const col = fx.accounts.reduce((t, r) => t + s(r, a), 0);
    if (Math.abs(row - col) > 1e-9) throw new InputError(`hosoe-sam.json: ${a}`, { en: `the SAM does not balance (row ${row}, column ${col})`, es: `la MCS no cuadra (fila ${row}, columna ${col})` });
  }
  const I = fx.goods, H = fx.factors;
  const X0 = I.map((i) => I.map((j) => s(i, j)));
  const F0 = H.map((h) => I.map((j) => s(h, j)));
  const Y0 = I.map((_, j) => H.reduce((t, _h, h) => t + F0[h]![j]!, 0));
  const Z0 = I.map((_, j) => Y0[j]! + I.reduce((t, _i, i) => t + X0[i]![j]!, 0));
  const Tz0 = I.map((j) => s('IDT', j));
  const Tm0 = I.map((i) => s('TRF', i));
  const M0 = I.map((i) => s('EXT', i));
  const E0 = I.map((i) => s(i, 'EXT'));
  const Xp0 = I.map((i) => s(i, 'HOH'));
  const Xg0 = I.map((i) => s(i, 'GOV'));
  const Xv0 = I.map((i) => s(i, 'INV'));
  const FF = H.map((h) => s('HOH', h));
  const tauz = I.map((_, j) => Tz0[j]! / Z0[j]!);
  const taum = I.map((_, i) => Tm0[i]! / M0[i]!);
  const Q0 = I.map((_, i) => Xp0[i]! + Xg0[i]! + Xv0[i]! + I.reduce((t, _j, j) => t + X0[i]![j]!, 0));
  const D0 = I.map((_, i) => (1 + tauz[i]!) * Z0[i]! - E0[i]!);
  const Td0 = s('GOV', 'HOH');
  const Sp0 = s('INV', 'HOH');
  const Sg0 = s('INV', 'GOV');
  const Sf = s('INV', 'EXT');
  const income = FF.reduce((t, x) => t + x, 0);
  const revenue = Td0 + Tz0.reduce((t, x) => t + x, 0) + Tm0.reduce((t, x) => t + x, 0);
  const sigma = fx.elasticities.armington.value;
  const psi = fx.elasticities.cet.value;
  const eta = (sigma - 1) / sigma; // CES exponent
  const phi = (psi + 1) / psi; // CET exponent
  const beta = H.map((_, h) => I.map((_j, j) => F0[h]![j]! / Y0[j]!));
  const b = I.map((_, j) => Y0[j]! / H.reduce((t, _h, h) => t * F0[h]![j]! ** beta[h]![j]!, 1));
  // Armington and CET share parameters from the base first-order conditions at unit prices.
  const mTerm = I.map((_, i) => (1 + taum[i]!) * M0[i]! ** (1 - eta));
  const dTerm = I.map((_, i) => D0[i]! ** (1 - eta));
  const deltam = I.map((_, i) => mTerm[i]! / (mTerm[i]! + dTerm[i]!));
  const deltad = I.map((_, i) => dTerm[i]! / (mTerm[i]! + dTerm[i]!));
  const gamma = I.map((_, i) => Q0[i]! / (deltam[i]! * M0[i]! ** eta + deltad[i]! * D0[i]! ** eta) ** (1 / eta));
  const eT = I.map((_, i) => E0[i]! ** (1 - phi));
  const dT = I.map((_, i) => D0[i]! ** (1 - phi));
  const xie = I.map((_, i) => eT[i]! / (eT[i]! + dT[i]!));
  const xid = I.map((_, i) => dT[i]! / (eT[i]! + dT[i]!));
  const theta = I.map((_, i) => Z0[i]! / (xie[i]! * E0[i]! ** phi + xid[i]! * D0[i]! ** phi) ** (1 / phi));
  return {
    I, H, X0, F0, Y0, Z0, Xp0, Xg0, Xv0, E0, M0, Q0, D0, FF, Sp0, Sg0, Sf, Td0, Tz0, Tm0, tauz, taum,
    taud: Td0 / income, ssp: Sp0 / income, ssg: Sg0 / revenue,
    alpha: Xp0.map((x) => x / Xp0.reduce((t, y) => t + y, 0)),
    beta, b,
    ax: I.map((_, i) => I.map((_j, j) => X0[i]![j]! / Z0[j]!)),
    ay: I.map((_, j) => Y0[j]! / Z0[j]!),
    mu: Xg0.map((x) => x / Xg0.reduce((t, y) => t + y, 0)),
    lambda: Xv0.map((x) => x / (Sp0 + Sg0 + Sf)),
    eta, phi, deltam, deltad, gamma, xie, xid, theta,
  };
}

/** Scenario inputs: tariff rates (default the SAM's), the numeraire wage level, world prices. */
export interface HosoePolicy {
  taum?: number[];
  wage?: number;
  pWe?: number[];
  pWm?: number[];
}

export interface HosoeSolution {
  /** Every variable by name, e.g. `Xp.BRD`, `F.CAP.MLK`, `epsilon`, `UU`. */
  values: Record<string, number>;
  maxResidual: number;
  /** Slack of the dropped labour-market equation, relative to the labour endowment. */
  walras: number;
  converged: boolean;
}

// Unknown blocks, in order.
const BLOCKS = ['Y', 'F', 'X', 'Z', 'Xp', 'Xg', 'Xv', 'E', 'M', 'Q', 'D', 'pf', 'py', 'pz', 'pq', 'pe', 'pm', 'pd', 'epsilon', 'Sp', 'Sg', 'Td', 'Tz', 'Tm'] as const;

function layout(cal: HosoeCal) {
  const names: string[] = [];
  const base: number[] = [];
  const at: Record<string, number> = {};
  const put = (name: string, v: number) => {
    at[name] = names.length;
    names.push(name);
    base.push(v);
  };
  const { I, H } = cal;
  for (const blk of BLOCKS) {
    if (blk === 'F') H.forEach((h, hi) => I.forEach((j, ji) => put(`F.${h}.${j}`, cal.F0[hi]![ji]!)));
    else if (blk === 'X') I.forEach((i, ii) => I.forEach((j, ji) => put(`X.${i}.${j}`, cal.X0[ii]![ji]!)));
    else if (blk === 'pf') H.forEach((h, hi) => (hi === H.length - 1 ? null : put(`pf.${h}`, 1))); // last factor (LAB) is the numeraire
    else if (blk === 'epsilon') put('epsilon', 1);
    else if (blk === 'Sp') put('Sp', cal.Sp0);
    else if (blk === 'Sg') put('Sg', cal.Sg0);
    else if (blk === 'Td') put('Td', cal.Td0);
    else {
      const b0: Record<string, number[]> = { Y: cal.Y0, Z: cal.Z0, Xp: cal.Xp0, Xg: cal.Xg0, Xv: cal.Xv0, E: cal.E0, M: cal.M0, Q: cal.Q0, D: cal.D0, Tz: cal.Tz0, Tm: cal.Tm0 };
      I.forEach((i, ii) => put(`${blk}.${i}`, b0[blk]?.[ii] ?? 1));
    }
  }
  return { names, base, at };
}

/** Residuals H1–H24 at x (each divided by a base magnitude so the tolerance is relative). */
function residuals(cal: HosoeCal, pol: HosoePolicy, lay: ReturnType<typeof layout>, x: Float64Array, seed: boolean, collect?: Equation[]) {
  ensureScratch(x.length);
  const { I, H } = cal;
  const wage = pol.wage ?? 1;
  const taum = pol.taum ?? cal.taum;
  const v = (name: string): D => {
    const q = lay.at[name];
    if (q === undefined) return k(wage); // the numeraire factor price
    return variable(q, x[q]!, seed);
  };
  const res: D[] = [];
  const eq = (id: string, name: string, account: string, sc: number, d: D) => {
    res.push(scale(1 / sc, d));
    if (collect) collect.push({ id, name, account, scale: sc });
  };
  const g = (blk: string) => I.map((i) => v(`${blk}.${i}`));
  const Y = g('Y'), Z = g('Z'), Xp = g('Xp'), Xg = g('Xg'), Xv = g('Xv'), E = g('E'), M = g('M'), Q = g('Q'), Dd = g('D');
  const py = g('py'), pz = g('pz'), pq = g('pq'), pe = g('pe'), pm = g('pm'), pd = g('pd'), Tz = g('Tz'), Tm = g('Tm');
  const F = H.map((h) => I.map((j) => v(`F.${h}.${j}`)));
  const X = I.map((i) => I.map((j) => v(`X.${i}.${j}`)));
  const pf = H.map((h) => v(`pf.${h}`));
  const eps = v('epsilon'), Sp = v('Sp'), Sg = v('Sg'), Td = v('Td');
  const income = lin(cal.FF, pf);
  const revenue = lin([1, ...I.map(() => 1), ...I.map(() => 1)], [Td, ...Tz, ...Tm]);
  I.forEach((j, ji) => {
    // H1 composite factor: Y = b Π F^β
    eq('H1', 'composite factor', j, cal.Y0[ji]!, sub(Y[ji]!, scale(cal.b[ji]!, exp(lin(H.map((_h, hi) => cal.beta[hi]![ji]!), H.map((_h, hi) => log(F[hi]![ji]!)))))));
    // H2 factor demand: F = β py Y / pf
    H.forEach((h, hi) => eq('H2', 'factor demand', `${h}.${j}`, cal.F0[hi]![ji]!, sub(F[hi]![ji]!, div(scale(cal.beta[hi]![ji]!, mul(py[ji]!, Y[ji]!)), pf[hi]!))));
    // H3 intermediate demand: X = ax Z; H4 composite factor demand: Y = ay Z
    I.forEach((i, ii) => eq('H3', 'intermediate demand', `${i}.${j}`, cal.X0[ii]![ji]! || 1, sub(X[ii]![ji]!, scale(cal.ax[ii]![ji]!, Z[ji]!))));
    eq('H4', 'composite factor demand', j, cal.Y0[ji]!, sub(Y[ji]!, scale(cal.ay[ji]!, Z[ji]!)));
    // H5 unit cost: pz = ay py + Σ ax pq
    eq('H5', 'unit cost', j, 1, sub(pz[ji]!, lin([cal.ay[ji]!, ...I.map((_i, ii) => cal.ax[ii]![ji]!)], [py[ji]!, ...pq])));
    // H7 production tax Tz = τz pz Z; H8 tariff Tm = τm pm M
    eq('H7', 'production tax', j, cal.Tz0[ji]!, sub(Tz[ji]!, scale(cal.tauz[ji]!, mul(pz[ji]!, Z[ji]!))));
  });
  // H6 direct tax
  eq('H6', 'direct tax', 'HOH', cal.Td0, sub(Td, scale(cal.taud, income)));
  I.forEach((i, ii) => {
    eq('H8', 'import tariff', i, cal.Tm0[ii]! || 1, sub(Tm[ii]!, scale(taum[ii]!, mul(pm[ii]!, M[ii]!))));
    // H9 government demand Xg = μ (revenue − Sg)/pq; H10 investment Xv = λ (Sp + Sg + ε Sf)/pq
    eq('H9', 'government demand', i, cal.Xg0[ii]!, sub(Xg[ii]!, div(scale(cal.mu[ii]!, sub(revenue, Sg)), pq[ii]!)));
    eq('H10', 'investment demand', i, cal.Xv0[ii]!, sub(Xv[ii]!, div(scale(cal.lambda[ii]!, lin([1, 1, cal.Sf], [Sp, Sg, eps])), pq[ii]!)));
    // H13 household demand Xp = α (income − Sp − Td)/pq
    eq('H13', 'household demand', i, cal.Xp0[ii]!, sub(Xp[ii]!, div(scale(cal.alpha[ii]!, lin([1, -1, -1], [income, Sp, Td])), pq[ii]!)));
    // H14, H15 world prices in domestic currency
    eq('H14', 'export price', i, 1, sub(pe[ii]!, scale(pol.pWe?.[ii] ?? 1, eps)));
    eq('H15', 'import price', i, 1, sub(pm[ii]!, scale(pol.pWm?.[ii] ?? 1, eps)));
    // H17 Armington: Q = γ (δm M^η + δd D^η)^(1/η); H18, H19 import and domestic demand
    const eta = cal.eta, phi = cal.phi;
    eq('H17', 'Armington aggregate', i, cal.Q0[ii]!, sub(Q[ii]!, scale(cal.gamma[ii]!, pow(lin([cal.deltam[ii]!, cal.deltad[ii]!], [pow(M[ii]!, eta), pow(Dd[ii]!, eta)]), 1 / eta))));
    const gEta = cal.gamma[ii]! ** eta;
    eq('H18', 'import demand', i, cal.M0[ii]!, sub(M[ii]!, mul(pow(div(scale(gEta * cal.deltam[ii]!, pq[ii]!), scale(1 + taum[ii]!, pm[ii]!)), 1 / (1 - eta)), Q[ii]!)));
    eq('H19', 'domestic demand', i, cal.D0[ii]!, sub(Dd[ii]!, mul(pow(div(scale(gEta * cal.deltad[ii]!, pq[ii]!), pd[ii]!), 1 / (1 - eta)), Q[ii]!)));
    // H20 CET: Z = θ (ξe E^φ + ξd D^φ)^(1/φ); H21, H22 export and domestic supply
    eq('H20', 'transformation', i, cal.Z0[ii]!, sub(Z[ii]!, scale(cal.theta[ii]!, pow(lin([cal.xie[ii]!, cal.xid[ii]!], [pow(E[ii]!, phi), pow(Dd[ii]!, phi)]), 1 / phi))));
    const tPhi = cal.theta[ii]! ** phi;
    eq('H21', 'export supply', i, cal.E0[ii]!, sub(E[ii]!, mul(pow(div(scale(tPhi * cal.xie[ii]! * (1 + cal.tauz[ii]!), pz[ii]!), pe[ii]!), 1 / (1 - phi)), Z[ii]!)));
    eq('H22', 'domestic supply', i, cal.D0[ii]!, sub(Dd[ii]!, mul(pow(div(scale(tPhi * cal.xid[ii]! * (1 + cal.tauz[ii]!), pz[ii]!), pd[ii]!), 1 / (1 - phi)), Z[ii]!)));
    // H23 composite-good market
    eq('H23', 'composite market', i, cal.Q0[ii]!, sub(Q[ii]!, lin([1, 1, 1, ...I.map(() => 1)], [Xp[ii]!, Xg[ii]!, Xv[ii]!, ...X[ii]!])));
  });
  // H11 private savings, H12 government savings
  eq('H11', 'private savings', 'HOH', cal.Sp0, sub(Sp, scale(cal.ssp, income)));
  eq('H12', 'government savings', 'GOV', cal.Sg0, sub(Sg, scale(cal.ssg, revenue)));
  // H16 balance of payments (foreign currency): Σ pWe E + Sf = Σ pWm M
  eq('H16', 'balance of payments', 'EXT', cal.M0.reduce((t, q) => t + q, 0), lin([...I.map((_i, ii) => pol.pWe?.[ii] ?? 1), ...I.map((_i, ii) => -(pol.pWm?.[ii] ?? 1))], [...E, ...M], cal.Sf));
  // H24 factor markets; the numeraire factor's equation is dropped (Walras) and returned as slack.
  let walras = 0;
  H.forEach((h, hi) => {
    const d = lin(I.map(() => 1), F[hi]!, -cal.FF[hi]!);
    if (lay.at[`pf.${h}`] === undefined) walras = d.v / cal.FF[hi]!;
    else eq('H24', 'factor market', h, cal.FF[hi]!, d);
  });
  return { res, walras };
}

export function solveHosoe(cal: HosoeCal, pol: HosoePolicy = {}, start?: Record<string, number>): HosoeSolution {
  const lay = layout(cal);
  const equations: Equation[] = [];
  const x0 = new Float64Array(lay.names.map((n, q) => start?.[n] ?? lay.base[q]!));
  residuals(cal, pol, lay, x0, false, equations);
  if (equations.length !== lay.names.length) throw new Error(`Hosoe model not square: ${equations.length} equations, ${lay.names.length} unknowns`);
  const r = newton((x, seed) => residuals(cal, pol, lay, x, seed).res, x0, equations, { tol: 1e-11 });
  const { walras } = residuals(cal, pol, lay, r.x, false);
  const values: Record<string, number> = {};
  lay.names.forEach((n, q) => (values[n] = r.x[q]!));
  values[`pf.${cal.H[cal.H.length - 1]}`] = pol.wage ?? 1;
  // Utility UU = Π Xp^α (the book's objective) and the equivalent variation at base prices (pq⁰ = 1).
  values['UU'] = cal.I.reduce((t, i, ii) => t * values[`Xp.${i}`]! ** cal.alpha[ii]!, 1);
  return { values, maxResidual: r.maxResidual, walras, converged: r.converged };
}

/** Base utility and the equivalent variation of a solution: EV = (UU − UU⁰) Π (pq⁰/α)^α with pq⁰ = 1. */
export function hosoeEv(cal: HosoeCal, sol: HosoeSolution): number {
  const uu0 = cal.I.reduce((t, _i, ii) => t * cal.Xp0[ii]! ** cal.alpha[ii]!, 1);
  const unitCost = cal.alpha.reduce((t, a) => t * (1 / a) ** a, 1);
  return (sol.values['UU']! - uu0) * unitCost;
}
