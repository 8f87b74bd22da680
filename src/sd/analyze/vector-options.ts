/**
 * Option codes of the VECTOR and ALLOCATE functions, checked by one rule in two places: the
 * lowering refuses a constant code outside the documented set when the model is built, the run
 * time (src/sd/run/vector-functions.ts) one that changes during the run. Each returns why a
 * value cannot be computed, or undefined when it can.
 */
import { TABLE_LOOKUP_MODES } from './table-lookup.js';

export interface OptionProblem {
  code: 'E_UNSUPPORTED' | 'E_ARGUMENT';
  /** English (the run-time error and the English diagnostic). */
  en: string;
  /** Spanish, for the diagnostic's `messageEs`. */
  es: string;
}

const argument = (en: string, es: string): OptionProblem => ({ code: 'E_ARGUMENT', en, es });

/** VECTOR SELECT's numerical action: 0 to 10 (documentation/fn_vector_select.html). */
export function vectorSelectActionProblem(v: number): OptionProblem | undefined {
  return Number.isInteger(v) && v >= 0 && v <= 10 ? undefined : argument(
        `the numerical action of VECTOR SELECT must be a whole number from 0 to 10 (it is ${v})`,
        `la acción numérica de VECTOR SELECT debe ser un número entero de 0 a 10 (es ${v})`,
      );
}

/** VECTOR SELECT's error action: 0 to 3 (documentation/fn_vector_select.html). */
export function vectorSelectErrorActionProblem(v: number): OptionProblem | undefined {
  return Number.isInteger(v) && v >= 0 && v <= 3 ? undefined : argument(
        `the error action of VECTOR SELECT must be a whole number from 0 to 3 (it is ${v})`,
        `la acción ante errores de VECTOR SELECT debe ser un número entero de 0 a 3 (es ${v})`,
      );
}

/** VECTOR LOOKUP's mode: 0 to 9 in Vensim's reference (documentation/fn_vector_lookup.html), 8 not computed here. */
export function vectorLookupModeProblem(v: number): OptionProblem | undefined {
  if (TABLE_LOOKUP_MODES.has(v)) return undefined;
  if (v === 8) return {
      code: 'E_UNSUPPORTED',
      en: 'VECTOR LOOKUP mode 8 (invert with extrapolation) is not supported yet; modes 0 to 7 and 9 are',
      es: 'VECTOR LOOKUP con el modo 8 (invertir con extrapolación) aún no se admite; se admiten los modos 0 a 7 y 9',
    };
  return argument(`the mode of VECTOR LOOKUP must be a whole number from 0 to 9 (it is ${v})`, `el modo de VECTOR LOOKUP debe ser un número entero de 0 a 9 (es ${v})`);
}

/**
 * ALLOCATE BY PRIORITY's size and width (documentation/fn_allocate_by_priority.html): size is the
 * number of elements allocated over, the vectors' length; width is a gap in priority, so positive.
 */
export function allocateByPriorityProblem(size: number, width: number, length: number): OptionProblem | undefined {
  if (size !== length) {
    return argument(
      `the size of ALLOCATE BY PRIORITY is ${size}, but its request and priority vectors have ${length} elements; Vensim allocates over vectors of length size (use ELMCOUNT of the range)`,
      `el tamaño (size) de ALLOCATE BY PRIORITY es ${size}, pero sus vectores de solicitudes y prioridades tienen ${length} elementos; Vensim asigna sobre vectores de longitud size (use ELMCOUNT del rango)`,
    );
  }
  if (!(width > 0)) return argument(
      `the width of ALLOCATE BY PRIORITY must be positive (it is ${width}): it is the gap in priority over which a lower priority still shares`,
      `el ancho (width) de ALLOCATE BY PRIORITY debe ser positivo (es ${width}): es la brecha de prioridad dentro de la cual una prioridad menor aún recibe una parte`,
    );
  return undefined;
}
