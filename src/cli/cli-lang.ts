/**
 * The language the CLI prints engine diagnostics in. Like `--lang` of the reports it is es, en or
 * both; it comes from IGEM_LANG when set, else from the POSIX locale (LC_ALL, then LC_MESSAGES,
 * then LANG, the first one set), Spanish when that starts with "es". A diagnostic the engine wrote
 * in English only prints in English whatever the language.
 */
import { formatDiagnostic, type Diagnostic } from '../sd/ir/diagnostics.js';

export type CliLang = 'en' | 'es' | 'both';

export function cliLang(env: NodeJS.ProcessEnv = process.env): CliLang {
  const chosen = env.IGEM_LANG?.trim().toLowerCase();
  if (chosen === 'es' || chosen === 'en' || chosen === 'both') return chosen;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** One line per diagnostic; with `both`, the Spanish line follows the English one where there is one. */
export function diagnosticLines(ds: readonly Diagnostic[], lang: CliLang = cliLang()): string[] {
  return ds.flatMap((d) => {
    if (lang !== 'both') return [formatDiagnostic(d, lang)];
    return d.messageEs === undefined ? [formatDiagnostic(d)] : [formatDiagnostic(d), formatDiagnostic(d, 'es')];
  });
}
