/** The message for a call with the wrong number of arguments, in both languages (E_ARITY). */
import type { BilingualText } from './diagnostics.js';

export function arityMessage(fn: string, min: number, max: number, given: number): BilingualText {
  const want: BilingualText = min === max ? { en: `${min}`, es: `${min}` } : { en: `${min} to ${max}`, es: `de ${min} a ${max}` };
  const s = max === 1 ? '' : 's';
  return { en: `${fn} takes ${want.en} argument${s} but was given ${given}`, es: `${fn} admite ${want.es} argumento${s}, pero recibió ${given}` };
}
