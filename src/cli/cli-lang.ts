/**
 * The language the CLI prints in. Like `--lang` of the reports it is es, en or both; it comes from
 * IGEM_LANG when set, else from the POSIX locale (LC_ALL, then LC_MESSAGES, then LANG, the first one
 * set), Spanish when that starts with "es". An IGEM_LANG outside those three is not ignored in
 * silence: the CLI says so once, in both languages, and goes by the locale.
 */
import { formatDiagnostic, type BilingualText, type Diagnostic } from '../sd/ir/diagnostics.js';

export type CliLang = 'en' | 'es' | 'both';

const ACCEPTED: readonly CliLang[] = ['es', 'en', 'both'];

/** IGEM_LANG values already warned about, so a command that asks many times warns once. */
const warned = new Set<string>();

export function cliLang(env: NodeJS.ProcessEnv = process.env, warn: (line: string) => void = (line) => console.error(line)): CliLang {
  const raw = env.IGEM_LANG?.trim() ?? '';
  const chosen = raw.toLowerCase();
  if ((ACCEPTED as readonly string[]).includes(chosen)) return chosen as CliLang;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  const fromLocale: CliLang = locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
  if (raw !== '' && !warned.has(raw)) {
    warned.add(raw);
    for (const line of unknownLangWarning(raw, fromLocale)) warn(line);
  }
  return fromLocale;
}

/** The two lines (English, then Spanish) that say an IGEM_LANG value is not one the CLI knows. */
export function unknownLangWarning(value: string, used: CliLang): [string, string] {
  const list = ACCEPTED.join(', ');
  return [
    `warning: IGEM_LANG=${value} is not one of ${list}; using the locale's language (${used})`,
    `advertencia: IGEM_LANG=${value} no es uno de ${list}; se usa el idioma de la configuración regional (${used})`,
  ];
}

/** A text in the CLI's language: one line, or with `both` the English line then the Spanish one (once if they are equal). */
export function textLines(text: BilingualText, lang: CliLang = cliLang()): string[] {
  if (lang !== 'both') return [text[lang]];
  return text.es === text.en ? [text.en] : [text.en, text.es];
}

/** Prints a note or an error on standard error in the CLI's language (IGEM_LANG or the locale). */
export function printStderr(text: BilingualText): void {
  console.error(textLines(text).join('\n'));
}

/** Prints a line of a command's answer on standard output in the CLI's language (`lang`: one already chosen). */
export function printStdout(text: BilingualText, lang: CliLang = cliLang()): void {
  console.log(textLines(text, lang).join('\n'));
}

/** One line per diagnostic; with `both`, the Spanish line follows the English one where there is one. */
export function diagnosticLines(ds: readonly Diagnostic[], lang: CliLang = cliLang()): string[] {
  return ds.flatMap((d) => {
    if (lang !== 'both') return [formatDiagnostic(d, lang)];
    return d.messageEs === undefined ? [formatDiagnostic(d)] : [formatDiagnostic(d), formatDiagnostic(d, 'es')];
  });
}
