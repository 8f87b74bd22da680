/**
 * Weighted totals of green jobs, jobs in transition, other jobs and all jobs, and the shares of each
 * in the domain's employment (ratio estimators), by domain, with design-based standard errors
 * (Taylor linearisation, design.ts; or replicate weights when the survey has them), confidence
 * intervals (normal quantile, as R's confint for svytotal/svyratio), coefficients of variation and the
 * INEI-style quality flag. Domains are estimated on the full design (y·1[domain]), as R's svyby.
 */
import jstatPkg from 'jstat';
import type { Classified } from './classify.js';
import { buildDesign, varianceFromPsuTotals, type Design, type LonelyPsu } from './design.js';
import { SEXES, AREAS } from './types.js';

const { jStat } = jstatPkg;

export const MEASURES = ['green', 'transition', 'other', 'total'] as const;
export type Measure = (typeof MEASURES)[number];

export interface Estimate {
  value: number;
  se: number;
  low: number;
  high: number;
  cv: number;
  /** '' ok; 'referencial' when CV > cvFlag (INEI practice); 'suppressed' when CV > cvSuppress (value kept in JSON, blanked in tables). */
  quality: '' | 'referencial' | 'suppressed';
}

export interface DomainRow {
  dimension: string;
  category: string;
  /** Unweighted number of records in the domain. */
  n: number;
  totals: Record<Measure, Estimate>;
  shares: Record<Exclude<Measure, 'total'>, Estimate>;
}

export interface Dimension {
  name: string;
  labels: string[];
  /** Category of each record (−1: not in any category, e.g. age under 15 or missing). */
  of: Int32Array;
}

export interface EstimateOptions {
  lonelyPsu?: LonelyPsu;
  fpc?: boolean;
  confidence?: number;
  cvFlag?: number;
  cvSuppress?: number | null;
}

/** Normal quantile for a two-sided interval; the 95 % value is R's qnorm(0.975) to full precision. */
export function zFor(confidence: number): number {
  if (confidence === 0.95) return 1.959963984540054;
  return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

const groupOf = (labels: string[], values: (i: number) => string, n: number): Dimension['of'] => {
  const index = new Map(labels.map((l, i) => [l, i]));
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values(i);
    let k = index.get(v);
    if (k === undefined) {
      k = labels.length;
      labels.push(v);
      index.set(v, k);
    }
    of[i] = k;
  }
  return of;
};

function codeOrUnknown(codes: Int8Array, unknown: number): Int32Array {
  const of = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) of[i] = codes[i] < 0 ? unknown : codes[i];
  return of;
}

/** The dimensions a table can be cut by: sector, occupation, sex, age, region, area, all. */
export function dimension(c: Classified, name: string): Dimension {
  const s = c.survey;
  const n = s.n;
  switch (name) {
    case 'all':
      return { name, labels: ['All'], of: new Int32Array(n) };
    case 'sector':
      return { name, labels: c.sectorLabels, of: c.sector };
    case 'occupation': {
      const labels: string[] = [];
      return { name, labels, of: groupOf(labels, (i) => (/^\d/.test(s.occupation[i]) ? `major group ${s.occupation[i][0]}` : 'unknown'), n) };
    }
    case 'sex':
      return { name, labels: [...SEXES, 'unknown'], of: codeOrUnknown(s.sex, SEXES.length) };
    case 'area':
      return { name, labels: [...AREAS, 'unknown'], of: codeOrUnknown(s.area, AREAS.length) };
    case 'age': {
      const groups = c.rules.ageGroups;
      const of = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const a = s.age[i];
        let k = groups.findIndex((g) => a >= g.from && a <= g.to);
        if (k < 0) k = groups.length;
        of[i] = k;
      }
      return { name, labels: [...groups.map((g) => g.label), 'other or unknown'], of };
    }
    case 'region': {
      const labels: string[] = [];
      const of = groupOf(labels, (i) => s.region[i], n);
      return { name, labels: labels.map((code) => (c.rules.regions.has(code) ? `${code} ${c.rules.regions.get(code)}` : code || 'unknown')), of };
    }
    default:
      throw new Error(`unknown dimension ${name}`);
  }
}

export const DIMENSIONS = ['sector', 'occupation', 'sex', 'age', 'region', 'area', 'all'];

function estimate(value: number, variance: number, z: number, cvFlag: number, cvSuppress: number | null): Estimate {
  const se = Math.sqrt(Math.max(variance, 0));
  const cv = value !== 0 ? se / Math.abs(value) : se === 0 ? 0 : Infinity;
  const quality = cvSuppress !== null && cv > cvSuppress ? 'suppressed' : cv > cvFlag ? 'referencial' : '';
  return { value, se, low: value - z * se, high: value + z * se, cv, quality };
}

/** Domain tables for the given dimensions (one-way each), with the design built once. */
export function estimateTables(c: Classified, dims: string[], o: EstimateOptions = {}): { design: Design; rows: DomainRow[] } {
  const s = c.survey;
  const design = buildDesign(s, o.lonelyPsu ?? c.rules.lonelyPsu, o.fpc ?? false);
  const z = zFor(o.confidence ?? c.rules.confidence);
  const cvFlag = o.cvFlag ?? c.rules.cvFlag;
  const cvSuppress = o.cvSuppress === undefined ? c.rules.cvSuppress : o.cvSuppress;
  const M = MEASURES.length;
  const P = design.nPsu;
  const ys = [c.green, c.transition, c.other];
  const scratchA = new Float64Array(design.nStrata);
  const scratchB = new Float64Array(design.nStrata);
  const rows: DomainRow[] = [];
  for (const name of dims) {
    const dim = dimension(c, name);
    const K = dim.labels.length;
    // PSU totals of w·y·1[domain k] for each measure, PSU by PSU: t[(psu·K + k)·M + m] (records come
    // grouped by PSU, so the writes stay close together).
    const KM = K * M;
    const t = new Float64Array(KM * P);
    const g = ys[0];
    const tr = ys[1];
    const ot = ys[2];
    const count = new Int32Array(K);
    for (let i = 0; i < s.n; i++) {
      const k = dim.of[i];
      if (k < 0) continue;
      count[k]++;
      const w = s.weight[i];
      const base = design.psuOf[i] * KM + k * M;
      t[base] += w * g[i];
      t[base + 1] += w * tr[i];
      t[base + 2] += w * ot[i];
      t[base + 3] += w;
    }
    const rep = s.replicates ? replicateTotals(c, dim) : undefined;
    for (let k = 0; k < K; k++) {
      if (count[k] === 0) continue;
      const totals = {} as Record<Measure, Estimate>;
      const values: number[] = [];
      for (let m = 0; m < M; m++) {
        const off = k * M + m;
        let v = 0;
        for (let p = 0; p < P; p++) v += t[off + p * KM];
        values.push(v);
        const variance = rep ? rep.varianceOfTotal(k, m) : varianceFromPsuTotals(design, t, off, scratchA, scratchB, KM);
        totals[MEASURES[m]] = estimate(v, variance, z, cvFlag, cvSuppress);
      }
      const X = values[M - 1];
      const shares = {} as DomainRow['shares'];
      const zt = new Float64Array(P);
      for (let m = 0; m < M - 1; m++) {
        const R = X > 0 ? values[m] / X : 0;
        let variance: number;
        if (rep) variance = rep.varianceOfRatio(k, m, M - 1);
        else {
          // Linearised variable of the ratio Y/X: (y − R·x)/X, summed by PSU.
          const oy = k * M + m;
          const ox = k * M + M - 1;
          for (let p = 0; p < P; p++) zt[p] = (t[oy + p * KM] - R * t[ox + p * KM]) / X;
          variance = varianceFromPsuTotals(design, zt, 0, scratchA, scratchB);
        }
        shares[MEASURES[m] as Exclude<Measure, 'total'>] = estimate(R, variance, z, cvFlag, cvSuppress);
      }
      rows.push({ dimension: name, category: dim.labels[k], n: count[k], totals, shares });
    }
  }
  return { design, rows };
}

/** Totals under each replicate weight, and the replicate variance V = scale·Σ_r rscale_r (θ_r − c)². */
function replicateTotals(c: Classified, dim: Dimension) {
  const s = c.survey;
  const r = s.replicates!;
  const R = r.weights.length;
  const K = dim.labels.length;
  const M = MEASURES.length;
  const ys = [c.green, c.transition, c.other];
  const full = new Float64Array(K * M);
  const reps = new Float64Array(R * K * M);
  for (let i = 0; i < s.n; i++) {
    const k = dim.of[i];
    if (k < 0) continue;
    const add = (arr: Float64Array, off: number, w: number): void => {
      arr[off] += w * ys[0][i];
      arr[off + 1] += w * ys[1][i];
      arr[off + 2] += w * ys[2][i];
      arr[off + 3] += w;
    };
    add(full, k * M, s.weight[i]);
    for (let q = 0; q < R; q++) add(reps, (q * K + k) * M, r.weights[q][i]);
  }
  const spread = (theta: (q: number) => number, centreFull: number): number => {
    let mean = 0;
    for (let q = 0; q < R; q++) mean += theta(q);
    mean /= R;
    const centre = r.mse ? centreFull : mean;
    let v = 0;
    for (let q = 0; q < R; q++) v += r.rscales[q] * (theta(q) - centre) ** 2;
    return r.scale * v;
  };
  return {
    varianceOfTotal: (k: number, m: number): number => spread((q) => reps[(q * K + k) * M + m], full[k * M + m]),
    varianceOfRatio: (k: number, m: number, x: number): number =>
      spread((q) => reps[(q * K + k) * M + m] / reps[(q * K + k) * M + x], full[k * M + m] / full[k * M + x]),
  };
}
