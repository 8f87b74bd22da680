/**
 * The numerical general-equilibrium example of Shoven and Whalley (1984, JEL 22(3); 1992, ch. 3),
 * written in our own code from the model as the article states it, as the "published model" case
 * of issue 10 target (e): its printed equilibria (shoven-whalley-1984.json) are compared to ours.
 *
 * Notation (SW1–SW7 below): sectors s, factors f, households h.
 *  SW1 output Q_s = φ_s [Σ_f δ_fs F_fs^ρ_s]^(1/ρ_s), ρ_s = (σ_s − 1)/σ_s (CES, δ_fs the factor weights);
 *  SW2 unit cost at gross factor prices w_f(1 + t_fs):
 *      c_s = (1/φ_s) [Σ_f δ_fs^σ_s (w_f(1 + t_fs))^(1 − σ_s)]^(1/(1 − σ_s));
 *  SW3 zero profit p_s = c_s (so prices are explicit in factor prices);
 *  SW4 cost-minimising factor use F_fs = Q_s φ_s^(σ_s − 1) (δ_fs c_s / (w_f(1 + t_fs)))^σ_s;
 *  SW5 CES demand X_hs = α_hs I_h / (p_s^σ_h Σ_k α_hk p_k^(1 − σ_h));
 *  SW6 income I_h = Σ_f e_fh w_f + θ_h R, tax revenue R = Σ_fs t_fs w_f F_fs, θ_h the revenue shares;
 *  SW7 market clearing Σ_h X_hs = Q_s (goods) and Σ_s F_fs = Σ_h e_fh (factors).
 * Unknowns: the non-numeraire factor prices, Q_s and I_h; the numeraire factor's market equation is
 * dropped (Walras) and its slack reported. Solved by our Newton method (../newton.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../../sd/ir/diagnostics.js';
import { c as k, D, div, ensureScratch, lin, mul, pow, scale, sub, variable } from '../dual.js';
import type { Equation } from '../equations.js';
import { newton } from '../newton.js';

export interface SwPrinted {
  table: string;
  precision: number;
  /** Keys: `p.<sector>`, `w.<factor>`, `Q.<sector>`, `I.<household>`, `F.<factor>.<sector>`. */
  values: Record<string, number>;
  /** Printed values we do not reproduce to the printed precision, with the reason (reported, not hidden). */
  knownGaps?: Record<string, string>;
}

export interface SwCase {
  name: string;
  taxes: { factor: string; sector: string; rate: number }[];
  revenueShares: Record<string, number>;
  printed: SwPrinted;
}

export interface SwFixture {
  source: string;
  sectors: string[];
  factors: string[];
  households: string[];
  numeraire: string;
  production: Record<string, { phi: number; delta: Record<string, number>; sigma: number }>;
  demand: Record<string, { alpha: Record<string, number>; sigma: number; endowment: Record<string, number> }>;
  cases: SwCase[];
}

const FILE = 'shoven-whalley-1984.json';

export function loadSwFixture(): SwFixture {
  const file = fileURLToPath(new URL(`./${FILE}`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as SwFixture;
}

export interface SwSolution {
  /** Every quantity by name: `p.MFG`, `w.K`, `Q.MFG`, `I.RICH`, `F.K.MFG`, `X.RICH.MFG`, `R`. */
  values: Record<string, number>;
  converged: boolean;
  maxResidual: number;
  /** Slack of the dropped numeraire-factor market, relative to its endowment. */
  walras: number;
}

function check(fx: SwFixture, cs: SwCase): void {
  const bad = (en: string, es: string) => {
    throw new InputError(FILE, { en, es });
  };
  if (!fx.factors.includes(fx.numeraire)) bad(`unknown numeraire ${fx.numeraire}`, `numerario desconocido ${fx.numeraire}`);
  for (const s of fx.sectors) if (!fx.production[s]) bad(`sector without technology: ${s}`, `sector sin tecnología: ${s}`);
  for (const h of fx.households) if (!fx.demand[h]) bad(`household without demand: ${h}`, `hogar sin demanda: ${h}`);
  for (const t of cs.taxes) {
    if (!fx.factors.includes(t.factor) || !fx.sectors.includes(t.sector)) bad(`tax on unknown account ${t.factor}.${t.sector}`, `impuesto sobre una cuenta desconocida ${t.factor}.${t.sector}`);
  }
}

/** Solves one case of the fixture (its taxes and revenue shares); the numeraire factor price is `numeraireLevel`. */
export function solveSw(fx: SwFixture, cs: SwCase, numeraireLevel = 1): SwSolution {
  check(fx, cs);
  const S = fx.sectors, F = fx.factors, H = fx.households;
  const free = F.filter((f) => f !== fx.numeraire);
  const tax = (f: string, s: string) => cs.taxes.filter((t) => t.factor === f && t.sector === s).reduce((a, t) => a + t.rate, 0);
  const endow = (f: string) => H.reduce((a, h) => a + (fx.demand[h]!.endowment[f] ?? 0), 0);
  // Unknown layout: free factor prices, outputs, incomes.
  const names = [...free.map((f) => `w.${f}`), ...S.map((s) => `Q.${s}`), ...H.map((h) => `I.${h}`)];
  const at = new Map(names.map((n, q) => [n, q]));
  const x0 = new Float64Array(names.length).fill(1);
  // Start: unit factor prices, output = the value of the endowments spread evenly, incomes at unit prices.
  S.forEach((s) => (x0[at.get(`Q.${s}`)!] = F.reduce((a, f) => a + endow(f), 0) / S.length));
  H.forEach((h) => (x0[at.get(`I.${h}`)!] = F.reduce((a, f) => a + (fx.demand[h]!.endowment[f] ?? 0), 0) * numeraireLevel || 1));
  free.forEach((f) => (x0[at.get(`w.${f}`)!] = numeraireLevel));

  const model = (x: Float64Array, seed: boolean, collect?: Equation[]) => {
    ensureScratch(x.length);
    const v = (n: string): D => variable(at.get(n)!, x[at.get(n)!]!, seed);
    const w = new Map(F.map((f) => [f, f === fx.numeraire ? k(numeraireLevel) : v(`w.${f}`)]));
    const Q = new Map(S.map((s) => [s, v(`Q.${s}`)]));
    const I = new Map(H.map((h) => [h, v(`I.${h}`)]));
    const res: D[] = [];
    const eq = (id: string, name: string, account: string, sc: number, d: D) => {
      res.push(scale(1 / sc, d));
      if (collect) collect.push({ id, name, account, scale: sc });
    };
    // SW2–SW4: unit costs (= prices) and factor use.
    const p = new Map<string, D>();
    const use = new Map<string, D>();
    for (const s of S) {
      const { phi, delta, sigma } = fx.production[s]!;
      const gross = F.map((f) => scale(1 + tax(f, s), w.get(f)!));
      const inner = lin(F.map((f) => (delta[f] ?? 0) ** sigma), gross.map((g) => pow(g, 1 - sigma)));
      const cost = scale(1 / phi, pow(inner, 1 / (1 - sigma)));
      p.set(s, cost);
      F.forEach((f, fi) => use.set(`${f}.${s}`, mul(Q.get(s)!, scale(phi ** (sigma - 1), pow(div(scale(delta[f] ?? 0, cost), gross[fi]!), sigma)))));
    }
    // SW6: tax revenue and incomes.
    const taxed = cs.taxes.map((t) => scale(t.rate, mul(w.get(t.factor)!, use.get(`${t.factor}.${t.sector}`)!)));
    const R = taxed.length ? lin(taxed.map(() => 1), taxed) : k(0);
    for (const h of H) {
      const e = fx.demand[h]!.endowment;
      const factorIncome = lin(F.map((f) => e[f] ?? 0), F.map((f) => w.get(f)!));
      eq('SW6', 'income', h, Math.max(1, x0[at.get(`I.${h}`)!]!), sub(I.get(h)!, lin([1, cs.revenueShares[h] ?? 0], [factorIncome, R])));
    }
    // SW5: demands; SW7: goods markets.
    const X = new Map<string, D>();
    for (const h of H) {
      const { alpha, sigma } = fx.demand[h]!;
      const denom = lin(S.map((s) => alpha[s] ?? 0), S.map((s) => pow(p.get(s)!, 1 - sigma)));
      for (const s of S) X.set(`${h}.${s}`, div(scale(alpha[s] ?? 0, I.get(h)!), mul(pow(p.get(s)!, sigma), denom)));
    }
    for (const s of S) eq('SW7', 'goods market', s, x0[at.get(`Q.${s}`)!]!, sub(Q.get(s)!, lin(H.map(() => 1), H.map((h) => X.get(`${h}.${s}`)!))));
    // SW7: factor markets (the numeraire's dropped: Walras).
    let walras = 0;
    for (const f of F) {
      const d = lin(S.map(() => 1), S.map((s) => use.get(`${f}.${s}`)!), -endow(f));
      if (f === fx.numeraire) walras = d.v / endow(f);
      else eq('SW7', 'factor market', f, endow(f), d);
    }
    return { res, p, use, X, R, w, walras };
  };

  const equations: Equation[] = [];
  model(x0, false, equations);
  if (equations.length !== names.length) throw new Error(`Shoven–Whalley model not square: ${equations.length} equations, ${names.length} unknowns`);
  const r = newton((x, seed) => model(x, seed).res, x0, equations, { tol: 1e-12 });
  const out = model(r.x, false);
  const values: Record<string, number> = {};
  names.forEach((n, q) => (values[n] = r.x[q]!));
  for (const f of F) values[`w.${f}`] = out.w.get(f)!.v;
  for (const [s, d] of out.p) values[`p.${s}`] = d.v;
  for (const [key, d] of out.use) values[`F.${key}`] = d.v;
  for (const [key, d] of out.X) values[`X.${key}`] = d.v;
  values['R'] = out.R.v;
  return { values, converged: r.converged, maxResidual: r.maxResidual, walras: out.walras };
}
