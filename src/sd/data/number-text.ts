/**
 * Numbers written as text, in the conventions statistics offices publish: '1234.5', '1,234.5'
 * (decimal point, comma thousands: INEI, BCRP, most English sources), '1.234,5' and '1234,5'
 * (decimal comma, point thousands: INE Spain, Eurostat's national files, Excel in Spanish), and
 * spaces (also non-breaking and thin spaces) as thousands separators in either.
 *
 * - 'plain': only '1234.5' and '1.2e3' (no separators): what Vensim's data files hold.
 * - 'dot':   decimal point; commas and spaces group thousands.
 * - 'comma': decimal comma; points and spaces group thousands ('1.5' with no grouping is still 1.5).
 * - 'auto':  decide per file from the cells themselves (`detectNumberLocale`), saying what was assumed.
 */
import type { BilingualText } from '../ir/diagnostics.js';

export type NumberLocale = 'plain' | 'dot' | 'comma' | 'auto';

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DOT_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/; // 1,234.5
const COMMA_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$/; // 1.234,5
const COMMA_DECIMAL = /^[+-]?(\d+,\d*|,\d+)([eE][+-]?\d+)?$/; // 1234,5
const SPACES = /[\s\u00a0\u202f]/g;

/** Normalises signs and removes the spaces that group digits; undefined when nothing is left. */
function squeeze(text: string): string {
  return text.trim().replace(/^[\u2212\u2012\u2013]/, '-').replace(SPACES, '');
}

/** The number `text` spells under `locale` ('auto' is not allowed here), or undefined. */
export function parseNumberText(text: string, locale: Exclude<NumberLocale, 'auto'>): number | undefined {
  if (text.length > 400) return undefined; // no number is that long; keeps the regexes linear on junk
  let s = locale === 'plain' ? text.trim() : squeeze(text);
  if (s === '') return undefined;
  if (locale === 'dot') {
    if (DOT_GROUPED.test(s)) s = s.replace(/,/g, '');
  } else if (locale === 'comma') {
    if (COMMA_GROUPED.test(s)) s = s.replace(/\./g, '').replace(',', '.');
    else if (COMMA_DECIMAL.test(s)) s = s.replace(',', '.');
  }
  if (!PLAIN.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

export interface LocaleGuess {
  locale: 'dot' | 'comma';
  /** What was assumed and why, for the user: always set. */
  assumed: string;
}

/**
 * Decides between decimal point and decimal comma from the text cells of a file. Only unambiguous
 * cells count as evidence ('1,5' or '1.234,5' for comma; '1.5' or '1,234.5' for point; '1,234'
 * could be either and does not count). Conflicting evidence is reported, not guessed away:
 * `conflict` is set and the caller should ask for an explicit locale.
 */
export function detectNumberLocale(texts: Iterable<string>, limit = 10_000): LocaleGuess & { conflict?: BilingualText } {
  let dot = 0;
  let comma = 0;
  let dotExample = '';
  let commaExample = '';
  let seen = 0;
  for (const raw of texts) {
    if (++seen > limit) break;
    if (raw.length > 60) continue;
    const s = squeeze(raw);
    const kind = evidence(s);
    if (kind === 'dot') {
      dot++;
      dotExample ||= raw.trim();
    } else if (kind === 'comma') {
      comma++;
      commaExample ||= raw.trim();
    }
  }
  if (dot > 0 && comma > 0) {
    const locale = comma > dot ? 'comma' : 'dot';
    return {
      locale,
      assumed: `numbers read with a decimal ${locale === 'comma' ? 'comma' : 'point'} (most cells)`,
      conflict: {
        en: `the file mixes decimal points ('${dotExample}', ${dot} cells) and decimal commas ('${commaExample}', ${comma} cells); say which one it uses`,
        es: `el archivo mezcla puntos decimales ('${dotExample}', ${dot} celdas) y comas decimales ('${commaExample}', ${comma} celdas); indique cuál usa`,
      },
    };
  }
  if (comma > 0) return { locale: 'comma', assumed: `numbers read with a decimal comma and '.' grouping thousands (e.g. '${commaExample}')` };
  if (dot > 0) return { locale: 'dot', assumed: `numbers read with a decimal point and ',' grouping thousands (e.g. '${dotExample}')` };
  return { locale: 'dot', assumed: 'numbers read with a decimal point (no cell shows which separator the file uses)' };
}

function evidence(s: string): 'dot' | 'comma' | undefined {
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d*$/.test(s) || /^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(s)) return 'comma';
  if (/^[+-]?\d{1,3}(,\d{3})+\.\d*$/.test(s) || /^[+-]?\d{1,3}(,\d{3}){2,}$/.test(s)) return 'dot';
  // One separator: it is a decimal unless it is followed by exactly three digits.
  const one = /^[+-]?(\d*)([.,])(\d+)$/.exec(s);
  if (!one) return undefined;
  if (one[3]!.length === 3 && one[1]!.length >= 1 && one[1]!.length <= 3 && one[1] !== '0') return undefined;
  return one[2] === ',' ? 'comma' : 'dot';
}
