/**
 * Units as a reader says them, in Spanish or English: a table of unit words (Dmnl → adimensional,
 * MSoles → millones de soles, Year → año) applied to each word of a unit expression, so
 * `MSoles/Year` reads "millones de soles/año" and `1/Year` "por año". Words not in the table
 * (TWh, ha, tCO2e: the same in both languages) are kept.
 */
import type { Lang } from './i18n.js';

type Words = Record<string, { es: string; en: string }>;

const WORDS: Words = {
  dmnl: { es: 'adimensional', en: 'dimensionless' },
  dimensionless: { es: 'adimensional', en: 'dimensionless' },
  year: { es: 'año', en: 'year' },
  years: { es: 'años', en: 'years' },
  month: { es: 'mes', en: 'month' },
  msoles: { es: 'millones de soles', en: 'million soles' },
  soles: { es: 'soles', en: 'soles' },
  person: { es: 'persona', en: 'person' },
  persons: { es: 'personas', en: 'persons' },
  people: { es: 'personas', en: 'people' },
  head: { es: 'cabezas', en: 'head' },
  pkm: { es: 'pasajeros-km', en: 'passenger-km' },
  ug: { es: 'µg', en: 'µg' },
  m3: { es: 'm³', en: 'm³' },
  things: { es: 'unidades', en: 'things' },
};

/** The unit in the language; an empty unit stays empty. */
export function translateUnit(units: string, lang: Lang): string {
  const u = units.trim();
  if (!u) return '';
  // `1/Year` reads as "per year" (a rate).
  const perOnly = /^1\s*\/\s*(\w+)$/.exec(u);
  if (perOnly) {
    const w = WORDS[perOnly[1]!.toLowerCase()];
    const word = w ? w[lang] : perOnly[1]!;
    return lang === 'es' ? `por ${word}` : `per ${word}`;
  }
  return u.replace(/[A-Za-z][A-Za-z0-9]*/g, (tok) => WORDS[tok.toLowerCase()]?.[lang] ?? tok).replace(/\*/g, '·');
}

/** Fractions the reader sees as percentages: dimensionless rates, shares and growth rates. */
export function isFractionUnit(units: string): boolean {
  return /^(dmnl|dimensionless|1\/year|fraction)$/i.test(units.trim());
}
