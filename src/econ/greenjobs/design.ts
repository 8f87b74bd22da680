/**
 * Design-based variance by Taylor linearisation for a stratified multistage sample, with the usual
 * with-replacement approximation at the first stage (Wolter 2007, ch. 6; Särndal, Swensson and
 * Wretman 1992, §4.4 and §5.5):
 *   V(Ŷ) = Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_i (y_hi − ȳ_h)²
 * where y_hi is the weighted total of PSU i in stratum h, n_h the number of sampled PSUs, and
 * f_h = n_h/N_h the first-stage sampling fraction when a finite-population correction is asked for
 * (N_h = number of PSUs in the stratum's population), else 0. PSUs are nested in strata (the same PSU
 * code in two strata is two PSUs).
 * Strata with a single PSU have no variance estimate; the choice, named as in R's `survey` package
 * (options survey.lonely.psu): "error" (default, refuse), "certainty" (the stratum adds nothing, as
 * for a certainty PSU) or "adjust" (centre the lone PSU at the mean of all PSU totals instead of its
 * stratum mean: conservative).
 */
import { InputError } from '../../sd/ir/diagnostics.js';
import type { Survey } from './types.js';

export type LonelyPsu = 'error' | 'certainty' | 'adjust';

export interface Design {
  /** Record → PSU number (0..nPsu-1). */
  psuOf: Int32Array;
  nPsu: number;
  stratumOfPsu: Int32Array;
  nStrata: number;
  /** Sampled PSUs per stratum. */
  psuInStratum: Int32Array;
  /** (1 − f_h) per stratum: 1 without a finite-population correction. */
  fpcFactor: Float64Array;
  strataLabels: string[];
  lonely: LonelyPsu;
}

export function buildDesign(s: Survey, lonely: LonelyPsu, useFpc: boolean): Design {
  const strata = new Map<string, number>();
  // PSU numbers per stratum (nested maps: no key strings built per record).
  const psusOf: Map<string, number>[] = [];
  let nPsu = 0;
  const psuOf = new Int32Array(s.n);
  const stratumOfPsuList: number[] = [];
  const stratumPop: number[] = [];
  const strataLabels: string[] = [];
  for (let i = 0; i < s.n; i++) {
    let h = strata.get(s.stratum[i]);
    if (h === undefined) {
      h = strata.size;
      strata.set(s.stratum[i], h);
      strataLabels.push(s.stratum[i]);
      stratumPop.push(NaN);
      psusOf.push(new Map());
    }
    const psus = psusOf[h];
    let p = psus.get(s.psu[i]);
    if (p === undefined) {
      p = nPsu++;
      psus.set(s.psu[i], p);
      stratumOfPsuList.push(h);
    }
    psuOf[i] = p;
    if (useFpc) {
      if (!s.fpc) throw new InputError(s.source, { en: 'a finite-population correction needs the field "fpc" (number of PSUs in the stratum population) in the descriptor', es: 'una corrección por población finita necesita el campo "fpc" (número de PSUs en la población del estrato) en el descriptor' });
      const N = s.fpc[i];
      if (!(N > 0)) throw new InputError(`${s.source}:${s.line[i]}`, { en: `field fpc: missing or non-positive population PSU count`, es: `campo fpc: falta el número de PSUs de la población o no es positivo` });
      if (Number.isNaN(stratumPop[h])) stratumPop[h] = N;
      else if (stratumPop[h] !== N) throw new InputError(`${s.source}:${s.line[i]}`, { en: `field fpc: ${N} differs from ${stratumPop[h]} given earlier for stratum "${s.stratum[i]}"`, es: `campo fpc: ${N} difiere de ${stratumPop[h]}, indicado antes para el estrato "${s.stratum[i]}"` });
    }
  }
  const nStrata = strata.size;
  const psuInStratum = new Int32Array(nStrata);
  for (const h of stratumOfPsuList) psuInStratum[h]++;
  const fpcFactor = new Float64Array(nStrata).fill(1);
  for (let h = 0; h < nStrata; h++) {
    if (useFpc) {
      if (psuInStratum[h] > stratumPop[h]) throw new InputError(s.source, { en: `field fpc: stratum "${strataLabels[h]}" has ${psuInStratum[h]} sampled PSUs but a population of ${stratumPop[h]}`, es: `campo fpc: el estrato "${strataLabels[h]}" tiene ${psuInStratum[h]} PSUs en la muestra pero una población de ${stratumPop[h]}` });
      fpcFactor[h] = 1 - psuInStratum[h] / stratumPop[h];
    }
    if (psuInStratum[h] === 1 && lonely === 'error') {
      throw new InputError(s.source, { en: `stratum "${strataLabels[h]}" has a single PSU, so its variance cannot be estimated; choose lonelyPsu "certainty" or "adjust" in the rules (or --lonely-psu), as R's survey.lonely.psu option`, es: `el estrato "${strataLabels[h]}" tiene una sola PSU, así que su varianza no se puede estimar; elija lonelyPsu "certainty" o "adjust" en las reglas (o --lonely-psu), como la opción survey.lonely.psu de R` });
    }
  }
  return { psuOf, nPsu, stratumOfPsu: Int32Array.from(stratumOfPsuList), nStrata, psuInStratum, fpcFactor, strataLabels, lonely };
}

/**
 * Variance of a total from its PSU totals, stored at t[offset + psu·stride] (stride > 1 when several
 * totals are interleaved PSU by PSU). `sum`/`sumSq` are scratch arrays of length nStrata.
 */
export function varianceFromPsuTotals(
  d: Design, t: Float64Array, offset = 0, sum = new Float64Array(d.nStrata), sumSq = new Float64Array(d.nStrata), stride = 1,
): number {
  sum.fill(0);
  sumSq.fill(0);
  // sumSq collects squared deviations in the second pass.
  let grand = 0;
  for (let p = 0; p < d.nPsu; p++) {
    const v = t[offset + p * stride];
    const h = d.stratumOfPsu[p];
    sum[h] += v;
    grand += v;
  }
  const centre = grand / d.nPsu;
  let variance = 0;
  for (let h = 0; h < d.nStrata; h++) {
    const n = d.psuInStratum[h];
    if (n === 1 && d.lonely === 'adjust') {
      const dev = sum[h] - centre;
      variance += d.fpcFactor[h] * dev * dev;
    }
  }
  // Deviations from the stratum mean in a second pass (Σt² − (Σt)²/n loses digits on large totals).
  for (let p = 0; p < d.nPsu; p++) {
    const h = d.stratumOfPsu[p];
    const n = d.psuInStratum[h];
    if (n < 2) continue;
    const dev = t[offset + p * stride] - sum[h] / n;
    sumSq[h] += dev * dev;
  }
  for (let h = 0; h < d.nStrata; h++) {
    const n = d.psuInStratum[h];
    if (n > 1) variance += d.fpcFactor[h] * (n / (n - 1)) * sumSq[h];
  }
  return variance;
}
