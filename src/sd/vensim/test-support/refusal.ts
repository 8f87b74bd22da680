/** Reading small .mdl texts that the reader must refuse (the tests of its call-site checks). */
import type { ModelError } from '../../ir/diagnostics.js';
import { thrownModelError } from '../../ir/test-support/thrown.js';
import { readVensim } from '../reader.js';

/** The time settings of every small model here: 0 to 4 by 1. */
export const CONTROL = 'INITIAL TIME = 0 ~~|\nFINAL TIME = 4 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n';

/** The ModelError reading `eqs` (with CONTROL) as m.mdl throws; the test fails if it reads. */
export function refusal(eqs: string): ModelError {
  return thrownModelError(() => readVensim(`${eqs}\n${CONTROL}`, 'm.mdl'));
}
