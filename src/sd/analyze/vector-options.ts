/**
 * Option codes of the VECTOR and ALLOCATE functions, checked by one rule in two places: the
 * lowering refuses a constant code outside the documented set when the model is built, the run
 * time (src/sd/run/vector-functions.ts) one that changes during the run. Each returns why a
 * value cannot be computed, or undefined when it can.
 */
import { TABLE_LOOKUP_MODES } from './table-lookup.js';

export interface OptionProblem {
  code: 'E_UNSUPPORTED' | 'E_ARGUMENT';
  message: string;
}

const argument = (message: string): OptionProblem => ({ code: 'E_ARGUMENT', message });

/** VECTOR SELECT's numerical action: 0 to 10 (documentation/fn_vector_select.html). */
export function vectorSelectActionProblem(v: number): OptionProblem | undefined {
  return Number.isInteger(v) && v >= 0 && v <= 10 ? undefined : argument(`the numerical action of VECTOR SELECT must be a whole number from 0 to 10 (it is ${v})`);
}

/** VECTOR SELECT's error action: 0 to 3 (documentation/fn_vector_select.html). */
export function vectorSelectErrorActionProblem(v: number): OptionProblem | undefined {
  return Number.isInteger(v) && v >= 0 && v <= 3 ? undefined : argument(`the error action of VECTOR SELECT must be a whole number from 0 to 3 (it is ${v})`);
}

/** VECTOR LOOKUP's mode: 0 to 9 in Vensim's reference (documentation/fn_vector_lookup.html), 8 not computed here. */
export function vectorLookupModeProblem(v: number): OptionProblem | undefined {
  if (TABLE_LOOKUP_MODES.has(v)) return undefined;
  if (v === 8) return { code: 'E_UNSUPPORTED', message: 'VECTOR LOOKUP mode 8 (invert with extrapolation) is not supported yet; modes 0 to 7 and 9 are' };
  return argument(`the mode of VECTOR LOOKUP must be a whole number from 0 to 9 (it is ${v})`);
}

/**
 * ALLOCATE BY PRIORITY's size and width (documentation/fn_allocate_by_priority.html): size is the
 * number of elements allocated over, the vectors' length; width is a gap in priority, so positive.
 */
export function allocateByPriorityProblem(size: number, width: number, length: number): OptionProblem | undefined {
  if (size !== length) {
    return argument(`the size of ALLOCATE BY PRIORITY is ${size}, but its request and priority vectors have ${length} elements; Vensim allocates over vectors of length size (use ELMCOUNT of the range)`);
  }
  if (!(width > 0)) return argument(`the width of ALLOCATE BY PRIORITY must be positive (it is ${width}): it is the gap in priority over which a lower priority still shares`);
  return undefined;
}
