/**
 * Errors the API answers as JSON `{ error: { code, message, messageEs, details } }` with an HTTP
 * status. Every one is written in both languages: the constructor takes nothing else
 * (bilingual-errors.test.ts also checks that no site passes a literal in English only).
 */
import type { ZodError } from 'zod';
import type { ApiErrorBody, ApiErrorDetail } from './api-types.js';
import { ModelError, type BilingualText } from '../sd/ir/diagnostics.js';

export type ErrorDetail = ApiErrorDetail;

export class ApiError extends Error {
  /** The message in Spanish (`message` is the English). */
  readonly messageEs: string;
  constructor(
    readonly status: number,
    readonly code: string,
    text: BilingualText,
    readonly details?: ErrorDetail[],
  ) {
    super(text.en);
    this.name = 'ApiError';
    this.messageEs = text.es;
  }
}

/** 404 for a thing named in both languages: `{ en: 'model x', es: 'el modelo x' }`. */
export const notFound = (what: BilingualText) => new ApiError(404, 'NOT_FOUND', { en: `${what.en} not found`, es: `no se encontró ${what.es}` });

/**
 * A text from a library or an unexpected failure, whose words we do not write: the same text in both
 * languages after a sentence of our own (`lead`), so the Spanish reader still reads what happened.
 */
export function foreignText(lead: BilingualText, foreign: string): BilingualText {
  return { en: `${lead.en}: ${foreign}`, es: `${lead.es}: ${foreign}` };
}

/**
 * A zod failure as a 400 naming each bad field by its path (`params.carbon tax`); `es` holds the same
 * issues in Spanish (zod-issue.ts spanishIssues), in the same order.
 */
export function validationError(where: string, err: ZodError, es: ZodError['issues'] = []): ApiError {
  const details = err.issues.map((i, k) => ({
    field: [where, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
    messageEs: es[k]?.message ?? i.message,
  }));
  const first = details[0];
  const message = first ? `${first.field}: ${first.message}` : `${where}: invalid`;
  const messageEs = first ? `${first.field}: ${first.messageEs}` : `${where}: no válido`;
  return new ApiError(400, 'VALIDATION', { en: message, es: messageEs }, details);
}

/** Model diagnostics (file, line, column) as a 422, with the Spanish text of those that have one. */
export function modelErrorToApi(err: ModelError): ApiError {
  const details = err.diagnostics.map((d) => ({
    line: d.loc?.line,
    column: d.loc?.column,
    code: d.code,
    message: d.message,
    messageEs: d.messageEs ?? d.message,
  }));
  const first = err.diagnostics[0];
  const where = first?.loc ? `line ${first.loc.line}, column ${first.loc.column}: ` : '';
  const whereEs = first?.loc ? `línea ${first.loc.line}, columna ${first.loc.column}: ` : '';
  // A diagnostic read back from older data may lack its Spanish: its English is shown there.
  const es = first ? `${whereEs}${first.messageEs ?? first.message}` : 'el modelo no se puede compilar';
  return new ApiError(422, 'MODEL_INVALID', { en: `${where}${first?.message ?? 'the model cannot be compiled'}`, es }, details);
}

export function errorBody(e: ApiError): ApiErrorBody {
  return {
    error: { code: e.code, message: e.message, messageEs: e.messageEs, ...(e.details ? { details: e.details } : {}) },
  };
}

/**
 * A failure a worker thread reported: the Spanish the engine wrote, else (a library's or an
 * unexpected error, whose words we do not write) its English after a Spanish lead saying so.
 */
export function failureText(f: { message: string; messageEs?: string }): BilingualText {
  return { en: f.message, es: f.messageEs ?? `error interno (texto original en inglés): ${f.message}` };
}
