// A fixture for the English-only check (bilingual-sites.test.ts): it must find each site below but those in `fine` and the last two of `server`.
import { InputError, SimulationError, warningAt } from '../../../ir/diagnostics.js';

declare function refuse(code: string, message: string): Error;

export const sites = [
  // @ts-expect-error the compiler refuses it too
  new InputError('--runs', 'must be a whole number'),
  // @ts-expect-error the compiler refuses it too
  new SimulationError(`x became NaN`, 'x', 3),
  refuse('E_ARGUMENT', `the order must be at least 1`),
  { severity: 'warning', code: 'W_UNUSED', message: 'x is not used' },
];
console.error('wrote the file');
// Written in both languages: not reported.
export const fine = [warningAt('W_UNUSED', { en: 'x is not used', es: 'x no se usa' }), new InputError('--runs', { en: 'a', es: 'b' })];
// The server's errors (src/server/errors.ts): the message is the third argument, notFound's the first.
declare class ApiError {
  constructor(status: number, code: string, text: string | { en: string; es: string });
}
declare function notFound(what: string | { en: string; es: string }): ApiError;
export const server = [new ApiError(404, 'NOT_FOUND', 'x not found'), notFound(`model x`), new ApiError(403, 'FORBIDDEN', { en: 'no', es: 'no' }), notFound({ en: 'model x', es: 'el modelo x' })];
