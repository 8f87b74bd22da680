/** Errors the API answers as JSON `{ error: { code, message, details } }` with an HTTP status. */
import type { ZodError } from 'zod';
import type { ApiErrorBody } from './api-types.js';
import { ModelError } from '../sd/ir/diagnostics.js';

export type ErrorDetail = NonNullable<ApiErrorBody['error']['details']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** The message in Spanish, when there is one. */
    readonly messageEs?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} not found`);

/**
 * A zod failure as a 400 naming each bad field by its path (`params.carbon tax`); `es` holds the same
 * issues in Spanish (zod-issue.ts spanishIssues), in the same order.
 */
export function validationError(where: string, err: ZodError, es: ZodError['issues'] = []): ApiError {
  const details = err.issues.map((i, k) => ({
    field: [where, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
    ...(es[k] !== undefined ? { messageEs: es[k].message } : {}),
  }));
  const first = details[0];
  const message = first ? `${first.field}: ${first.message}` : `${where}: invalid`;
  const messageEs = first ? `${first.field}: ${first.messageEs ?? first.message}` : `${where}: no válido`;
  return new ApiError(400, 'VALIDATION', message, details, messageEs);
}

/** Model diagnostics (file, line, column) as a 422, with the Spanish text of those that have one. */
export function modelErrorToApi(err: ModelError): ApiError {
  const details = err.diagnostics.map((d) => ({
    line: d.loc?.line,
    column: d.loc?.column,
    code: d.code,
    message: d.message,
    ...(d.messageEs !== undefined ? { messageEs: d.messageEs } : {}),
  }));
  const first = err.diagnostics[0];
  const where = first?.loc ? `line ${first.loc.line}, column ${first.loc.column}: ` : '';
  const whereEs = first?.loc ? `línea ${first.loc.line}, columna ${first.loc.column}: ` : '';
  const messageEs = first?.messageEs !== undefined ? `${whereEs}${first.messageEs}` : undefined;
  return new ApiError(422, 'MODEL_INVALID', `${where}${first?.message ?? 'the model cannot be compiled'}`, details, messageEs);
}

export function errorBody(e: ApiError): ApiErrorBody {
  return {
    error: { code: e.code, message: e.message, ...(e.messageEs !== undefined ? { messageEs: e.messageEs } : {}), ...(e.details ? { details: e.details } : {}) },
  };
}
