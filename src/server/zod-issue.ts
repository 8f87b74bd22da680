/**
 * The first problem zod finds in a file's data, in English and Spanish. zod keeps one language per
 * parse, so on a failure the data is parsed once more with zod's Spanish messages (a failure is rare;
 * a good file is parsed once).
 */
import { z } from 'zod';
import type { BilingualText } from '../sd/ir/diagnostics.js';

const spanish = z.locales.es().localeError;

/** The issues of a failed parse in Spanish, in the order of the English ones (the same schema and data). */
export function spanishIssues(schema: z.ZodType, data: unknown): z.ZodError['issues'] {
  return schema.safeParse(data, { error: spanish }).error?.issues ?? [];
}

/** The field path (`a.b.0`, '' for the whole value) and the message of the first issue of a failed parse. */
export function firstIssue(schema: z.ZodType, data: unknown, error: z.ZodError): { field: string; text: BilingualText } {
  const en = error.issues[0]!;
  const es = spanishIssues(schema, data)[0];
  return { field: en.path.join('.'), text: { en: en.message, es: es?.message ?? en.message } };
}
