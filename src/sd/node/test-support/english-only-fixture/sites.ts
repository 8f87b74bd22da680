// A fixture for the English-only check (bilingual-sites.test.ts): each site below but the last two is one it must find.
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
