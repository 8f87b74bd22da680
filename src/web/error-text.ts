/**
 * Errors as readers see them: a sentence from the catalogue for each known code (server API codes,
 * model diagnostic codes, a stock turning NaN in a run), followed by the technical detail, which
 * names the file, line, field or variable as the engine wrote it.
 */
import { ApiClientError } from './api.js';
import { currentLang, t } from './i18n.js';
import { diagnosticMessage, formatDiagnostic, type Diagnostic } from '../sd/ir/diagnostics.js';
import type { MessageKey } from './messages.js';

/** Codes with a catalogue sentence of their own: `err_<CODE>` in messages.ts. */
const KNOWN = new Set([
  'BAD_INPUT', 'BAD_JSON', 'VALIDATION', 'READ_ONLY', 'NOT_FOUND', 'BODY_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'MODEL_INVALID',
  'SIMULATION_FAILED', 'INTERNAL', 'SHUTTING_DOWN', 'RUN_TIMEOUT', 'UNKNOWN_LEVER', 'LEVER_OUT_OF_RANGE', 'RATE_LIMITED',
  'UNAUTHORIZED', 'FORBIDDEN', 'CSRF', 'E_SYNTAX', 'E_UNDEFINED', 'E_DIMENSION', 'E_UNSUPPORTED', 'E_ARGUMENT', 'E_ARITY', 'E_FILE', 'E_FORMAT',
  'E_UNKNOWN_FUNCTION', 'E_ALGEBRAIC_LOOP', 'E_EMPTY', 'E_DATA', 'E_SIM_SPECS', 'SIM_NAN', 'LINK_DAMAGED',
  'TOO_MANY_SOLVES', 'NO_RESULTS', 'RUN_TOO_LARGE', 'TOO_MANY_RUNS', 'WORKSHOP_FULL', 'RESULTS_TIMEOUT',
]);

/** The most specific known code: a model diagnostic's own code inside MODEL_INVALID, else the API's code. */
export function errorCode(e: unknown): string | undefined {
  if (e instanceof ApiClientError) {
    const diag = e.details.find((d) => d.code && KNOWN.has(d.code))?.code;
    return e.code === 'MODEL_INVALID' && diag ? diag : e.code;
  }
  const msg = (e as Error | undefined)?.message ?? String(e);
  if (/ became NaN at time /.test(msg)) return 'SIM_NAN';
  const diag = diagnosticsOf(e)?.find((d) => KNOWN.has(d.code))?.code;
  return diag ?? (e as { code?: string } | undefined)?.code;
}

/** The engine's diagnostics an error carries (a model that failed to load in the page's worker). */
function diagnosticsOf(e: unknown): Diagnostic[] | undefined {
  const ds = (e as { diagnostics?: unknown } | undefined)?.diagnostics;
  return Array.isArray(ds) && ds.length > 0 ? (ds as Diagnostic[]) : undefined;
}

/** A diagnostic's or an error detail's message in the interface's language (Spanish where the engine wrote it). */
export function diagnosticText(d: { message: string; messageEs?: string }): string {
  return diagnosticMessage(d, currentLang());
}

/** The technical detail in the interface's language: the engine's Spanish when the interface is Spanish and it has one. */
function technicalText(e: unknown): string {
  const msg = (e as Error | undefined)?.message ?? String(e);
  if (currentLang() !== 'es') return msg;
  if (e instanceof ApiClientError) return e.messageEs ?? msg;
  // A run that failed in the page's worker (SimulationError, InputError) carries the engine's Spanish.
  const own = (e as { messageEs?: unknown } | undefined)?.messageEs;
  if (typeof own === 'string') return own;
  const ds = diagnosticsOf(e);
  return ds?.some((d) => d.messageEs !== undefined) ? ds.map((d) => formatDiagnostic(d, 'es')).join('\n') : msg;
}

/** The catalogue sentence for a code, if the catalogue has one. */
export function codeText(code: string | undefined): string | undefined {
  return code && KNOWN.has(code) ? t(`err_${code}` as MessageKey) : undefined;
}

/**
 * A model that failed to load, as the page shows it: the reader's sentence, then each of the
 * engine's diagnostics once, located and in the interface's language. (The error's own message
 * repeats every diagnostic, so it is not shown beside the list.) Other errors: errorText alone.
 */
export function loadFailureParts(e: unknown): { text: string; diagnostics: string[] } {
  const ds = diagnosticsOf(e);
  if (!ds) return { text: errorText(e), diagnostics: [] };
  const where = (d: Diagnostic) => (d.loc ? `${d.loc.file ? `${d.loc.file}: ` : ''}${t('lineColumn', { line: d.loc.line, column: d.loc.column })}: ` : '');
  return { text: codeText(errorCode(e)) ?? '', diagnostics: ds.map((d) => `${where(d)}${diagnosticText(d)} (${d.code})`) };
}

/** The reader's sentence, then the technical detail (only when it adds something). */
export function errorText(e: unknown): string {
  const msg = typeof e === 'string' ? e : technicalText(e);
  const code = typeof e === 'string' ? (/ became NaN at time /.test(e) ? 'SIM_NAN' : undefined) : errorCode(e);
  const sentence = codeText(code);
  if (!sentence) return currentLang() === 'es' ? `${t('errorTechnical')}: ${msg}` : msg;
  return `${sentence} ${t('errorTechnical')}: ${msg}`;
}
