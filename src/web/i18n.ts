/** The app's language: labels, number and date formats; Spanish formats follow Peru (es-PE). */
import { en, es, type MessageKey } from './messages.js';
import type { Localized } from '../server/api-types.js';
import { isVensimNA } from '../sd/ir/na.js';

export type Lang = 'en' | 'es';

let lang: Lang = 'en';
/** Thousands grouped from five digits on, so years read 2030, not 2,030. */
const GROUPING = { useGrouping: 'min2' } as unknown as Intl.NumberFormatOptions;
let numberFmt = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4, ...GROUPING });
let compactFmt = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });
const listeners = new Set<() => void>();

export function currentLang(): Lang {
  return lang;
}

export function locale(l: Lang = lang): string {
  return l === 'es' ? 'es-PE' : 'en-US';
}

/**
 * Numbers in Spanish use the decimal comma and a space-free point grouping (`es`: 1.234,5), as the
 * ministry's reports do; Intl's es-PE would give the decimal point. Dates keep es-PE.
 */
export function numberLocale(l: Lang = lang): string {
  return l === 'es' ? 'es' : 'en-US';
}

export function setLang(l: Lang): void {
  if (l === lang) return;
  lang = l;
  numberFmt = new Intl.NumberFormat(numberLocale(), { maximumSignificantDigits: 4, ...GROUPING });
  compactFmt = new Intl.NumberFormat(numberLocale(), { notation: 'compact', maximumSignificantDigits: 3 });
  for (const f of listeners) f();
}

export function onLangChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** A label with `{name}` placeholders filled in. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const table: Record<MessageKey, string> = lang === 'es' ? es : en;
  return table[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A number for display: four significant digits, the locale's separators, no exponent below 1e15; Vensim's :NA: is '—', as in Vensim's tables. */
export function fmt(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x) || isVensimNA(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  return numberFmt.format(x);
}

/** A number with a fixed count of decimals in the locale's format. */
export function fmtFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return fmt(x);
  return new Intl.NumberFormat(numberLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A change in percent with its sign and one decimal: +4.5%, −12.3%. */
export function fmtPercent(x: number): string {
  return new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' }).format(x) + '%';
}

/** A fraction as a percentage: 0.0749 → 7.49% (7,49 % in Spanish). */
export function fmtShare(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return fmt(x);
  return new Intl.NumberFormat(numberLocale(), { style: 'percent', maximumSignificantDigits: 3 }).format(x);
}

/** A short number for chart axes: 1.5M, 250K (1,5 M, 250 mil in Spanish). */
export function fmtAxis(x: number): string {
  return Number.isFinite(x) ? compactFmt.format(x) : fmt(x);
}

export function fmtDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Text a profile gives in one or both languages. */
export function localized(v: Localized | undefined, fallback = ''): string {
  if (v === undefined) return fallback;
  if (typeof v === 'string') return v;
  return v[lang] ?? v.en ?? v.es ?? fallback;
}
