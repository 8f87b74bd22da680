/**
 * The lines `igem loops` prints, each in Spanish and English (the CLI prints the language chosen
 * by IGEM_LANG or the locale, cli-lang.ts). Names, ids, numbers and link signs are the same in
 * both; only the words around them change.
 */
import type { BilingualText } from '../sd/ir/diagnostics.js';
import type { LoopPolarity } from '../sd/analyze/structure/index.js';
import { formatCount, megabytes } from '../sd/ir/limits.js';

/** No words (an optional part of a line that is absent), the same in both languages. */
const NONE: BilingualText = Object.freeze(sameIn(''));

function sameIn(text: string): BilingualText {
  return { en: text, es: text };
}

/** Loop polarity in words. */
export const POLARITY_WORD: Record<LoopPolarity, BilingualText> = {
  R: { en: 'reinforcing', es: 'de refuerzo' },
  B: { en: 'balancing', es: 'de equilibrio' },
  U: { en: 'undetermined', es: 'indeterminado' },
};

/** A relative-score share as a percentage: ` [12.5% of behaviour]`, or the largest of a loop's element loops. */
export function shareText(share: number, inElementLoop = false): BilingualText {
  const p = (100 * share).toFixed(1);
  return inElementLoop
    ? { en: ` [up to ${p}% of behaviour in one element loop]`, es: ` [hasta ${p}% del comportamiento en un bucle de elementos]` }
    : { en: ` [${p}% of behaviour]`, es: ` [${p}% del comportamiento]` };
}

export interface LoopLine {
  id: string;
  length: number;
  /** 1-based family number. */
  family: number;
  share?: BilingualText;
  /** Loops over the same variables folded into this one (1: none). */
  variants: number;
  /** `a -(+)-> b -(-)-> a`: the path with its link signs, closed. */
  path: string;
}

/** One listed loop: `B1 (length 2, family 1) [40.0% of behaviour]: s -(+)-> outflow -(-)-> s`. */
export function loopLine(l: LoopLine): BilingualText {
  const share = l.share ?? NONE;
  const more = l.variants - 1;
  const v = more > 0 ? { en: ` (+${more} variant(s) over the same variables)`, es: ` (+${more} variante(s) sobre las mismas variables)` } : NONE;
  return { en: `${l.id} (length ${l.length}, family ${l.family})${share.en}${v.en}: ${l.path}`, es: `${l.id} (longitud ${l.length}, familia ${l.family})${share.es}${v.es}: ${l.path}` };
}

/** One element loop under its listed loop: `  B1[A1] (balancing) [50.0% of behaviour]: s[A1] -> outflow[A1] -> s[A1]`. */
export function elementLoopLine(id: string, polarity: LoopPolarity, share: number, path: string): BilingualText {
  const w = POLARITY_WORD[polarity];
  const s = shareText(share);
  return { en: `  ${id} (${w.en})${s.en}: ${path}`, es: `  ${id} (${w.es})${s.es}: ${path}` };
}

export function moreElementLoopsLine(count: number, id: string): BilingualText {
  return { en: `  … and ${count} more element loop(s) of ${id}`, es: `  … y ${count} bucle(s) de elementos más de ${id}` };
}

/** An element loop that combines the links of several listed loops. */
export function combinedLoopLine(id: string, polarity: LoopPolarity, share: number, path: string): BilingualText {
  const w = POLARITY_WORD[polarity];
  const s = shareText(share);
  return { en: `${id} (element loop combining several loops above, ${w.en})${s.en}: ${path}`, es: `${id} (bucle de elementos que combina varios bucles de arriba, ${w.es})${s.es}: ${path}` };
}

export interface Summary {
  loops: number;
  R: number;
  B: number;
  U: number;
  families: number;
  /** How the loops were listed when the model has more than the limit. */
  method: 'all' | 'shortest-per-link' | 'strongest-path';
  truncated: boolean;
  limit: number;
  /** With --dominance: loops scored, and whether the strongest-path search stopped at its budget. */
  scored?: number;
  exhausted?: boolean;
  /** Element loops scored through arrays or a smooth's or delay's stocks, and how many of them combine several listed loops. */
  elementLoops: number;
  combined: number;
}

/** The closing count: loops by polarity, families, and what loop dominance scored. */
export function summaryLine(c: Summary): BilingualText {
  const stopped = c.exhausted ? { en: ', the search stopped at its budget', es: ', la búsqueda se detuvo en su presupuesto' } : NONE;
  const how =
    c.method === 'strongest-path'
      ? { en: ` (the model has more than --limit ${c.limit} loops: listed are the loops found along the strongest paths of the run's link scores${stopped.en})`, es: ` (el modelo tiene más de --limit ${c.limit} bucles: se listan los bucles hallados por los caminos más fuertes de las puntuaciones de enlace de la simulación${stopped.es})` }
      : c.truncated
        ? { en: ` (the model has more than --limit ${c.limit} loops: listed is the shortest loop through each feedback link)`, es: ` (el modelo tiene más de --limit ${c.limit} bucles: se lista el bucle más corto por cada enlace de retroalimentación)` }
        : NONE;
  const scored = c.scored === undefined ? NONE : { en: `; ${c.scored} scored by loop dominance`, es: `; ${c.scored} puntuados por dominancia de bucles` };
  const several = c.combined > 0 ? { en: `, ${c.combined} of them combining several loops`, es: `, ${c.combined} de ellos combinan varios bucles` } : NONE;
  const elements = c.elementLoops > 0 ? { en: ` (through arrays or the stocks of smooths and delays, element by element: ${c.elementLoops} element loop(s)${several.en})`, es: ` (por variables con subíndices o por los niveles de suavizados y retardos, elemento por elemento: ${c.elementLoops} bucle(s) de elementos${several.es})` } : NONE;
  const families = c.families === 1 ? { en: 'family', es: 'familia' } : { en: 'families', es: 'familias' };
  return {
    en: `${c.loops} loop(s)${how.en}: ${c.R} reinforcing, ${c.B} balancing, ${c.U} undetermined; ${c.families} ${families.en} by the stocks they pass through${scored.en}${elements.en}`,
    es: `${c.loops} bucle(s)${how.es}: ${c.R} de refuerzo, ${c.B} de equilibrio, ${c.U} indeterminados; ${c.families} ${families.es} por los stocks que recorren${scored.es}${elements.es}`,
  };
}

/** A period in which one loop dominates; `group` (1-based) when the model has several feedback groups. */
export function dominantLine(from: number, to: number, loop: string, group?: number): BilingualText {
  const g = group === undefined ? NONE : { en: ` (feedback group ${group})`, es: ` (grupo de retroalimentación ${group})` };
  return { en: `dominant${g.en} ${from}–${to}: ${loop}`, es: `dominante${g.es} ${from}–${to}: ${loop}` };
}

export function notSearchedLine(count: number, first: BilingualText): BilingualText {
  return {
    en: `${count} variable(s) on feedback links cannot be scored, so no loop through them was searched, e.g. ${first.en}`,
    es: `${count} variable(s) de enlaces de retroalimentación no se pueden puntuar, así que no se buscó ningún bucle que pase por ellas; p. ej. ${first.es}`,
  };
}

export function perLoopSearchLine(limit: number): BilingualText {
  return {
    en: `the loops through arrays have more element loops together than --limit ${limit}: each loop's own element loops were searched, none that combines several loops`,
    es: `los bucles que pasan por variables con subíndices tienen en total más bucles de elementos que --limit ${limit}: se buscaron los bucles de elementos de cada bucle, ninguno que combine varios`,
  };
}

/** Loop scores kept at the saved times only, because every TIME STEP was more than a run may keep. */
export function savedTimesLine(every: number, values: number): BilingualText {
  return {
    en: `scores at each SAVEPER time (every ${formatCount(every)} TIME STEPs): keeping every step would take ${formatCount(values)} values (~${megabytes(values)} MB), more than a run may keep`,
    es: `puntuaciones en cada tiempo de SAVEPER (cada ${formatCount(every)} TIME STEP): guardar cada paso ocuparía ${formatCount(values)} valores (~${megabytes(values)} MB), más de lo que una simulación puede guardar`,
  };
}

export function notScoredLine(count: number, id: string, reason: BilingualText): BilingualText {
  return { en: `${count} loop(s) not scored, e.g. ${id}: ${reason.en}`, es: `${count} bucle(s) sin puntuar; p. ej. ${id}: ${reason.es}` };
}
