/**
 * Which ALLOCATE AVAILABLE priority profiles this engine computes, one rule shared by the lowering
 * (constant profiles, refused when the model is built) and the run time (profiles that change).
 *
 * Vensim's pages: https://www.vensim.com/documentation/24335.html ("Specifying the Curves") lists
 * the types by ptype: 0 fixed quantity ("constant for all priorities ... the remaining elements are
 * ignored"), then the curves of https://www.vensim.com/documentation/24330.html, each the integral
 * of its named shape: 1 rectangular and 2 triangular (pwidth the full width), 3 normal (pwidth the
 * standard deviation), 4 exponential (exp(-priority) stretched by pwidth, integrated symmetrically
 * from 0), and 5 a truncated constant elasticity whose formula neither page gives in the text we
 * work from. https://www.vensim.com/documentation/fn_allocate_available.html adds "integer
 * allocations by adding 10 to the shape" without saying how shares are rounded to whole units
 * while keeping the total, and asks that all profile elements be positive.
 */

import type { OptionProblem } from './vector-options.js';

/** Why a requester's profile type and width cannot be computed, or undefined when they can. */
export function priorityProfileProblem(type: number, width: number | undefined): OptionProblem | undefined {
  if (!Number.isInteger(type)) {
    return { code: 'E_ARGUMENT', en: `priority type (ptype) ${type} is not a whole number; Vensim's types are 0 to 5, or 10 to 15 for integer allocation`, es: `el tipo de prioridad (ptype) ${type} no es un número entero; los tipos de Vensim son 0 a 5, o 10 a 15 para asignaciones enteras` };
  }
  if (type === 5) {
    return {
      code: 'E_UNSUPPORTED',
      en: 'priority type (ptype) 5, the truncated constant-elasticity curve, is not supported: Vensim\'s pages (documentation/24330.html, 24335.html) name it but do not give its formula; use ptype 1 to 4, or write the curve out with explicit equations',
      es: 'el tipo de prioridad (ptype) 5, la curva de elasticidad constante truncada, no se admite: las páginas de Vensim (documentation/24330.html, 24335.html) la nombran pero no dan su fórmula; use ptype 1 a 4, o escriba la curva con ecuaciones explícitas',
    };
  }
  if (type >= 10 && type <= 15) {
    return {
      code: 'E_UNSUPPORTED',
      en: `priority type (ptype) ${type} asks for integer allocations (type ${type - 10} plus 10), which are not supported: Vensim's page (documentation/fn_allocate_available.html) does not say how shares are rounded to whole units while keeping the total`,
      es: `el tipo de prioridad (ptype) ${type} pide asignaciones enteras (tipo ${type - 10} más 10), que no se admiten: la página de Vensim (documentation/fn_allocate_available.html) no dice cómo se redondean las partes a unidades enteras conservando el total`,
    };
  }
  if (type < 0 || type > 4) {
    return { code: 'E_ARGUMENT', en: `priority type (ptype) ${type} is not one of Vensim's types (0 fixed quantity, 1 rectangular, 2 triangular, 3 normal, 4 exponential, 5 constant elasticity, and those plus 10 for integer allocation)`, es: `el tipo de prioridad (ptype) ${type} no es uno de los tipos de Vensim (0 cantidad fija, 1 rectangular, 2 triangular, 3 normal, 4 exponencial, 5 elasticidad constante, y esos más 10 para asignaciones enteras)` };
  }
  if (type >= 1 && width !== undefined && !(width > 0)) {
    return { code: 'E_ARGUMENT', en: `the width (pwidth) of a priority curve of type ${type} must be positive (it is ${width}); Vensim asks for positive profile elements (documentation/fn_allocate_available.html)`, es: `el ancho (pwidth) de una curva de prioridad de tipo ${type} debe ser positivo (es ${width}); Vensim pide elementos del perfil positivos (documentation/fn_allocate_available.html)` };
  }
  return undefined;
}
