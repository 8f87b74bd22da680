/**
 * XMILE's RANK(array, n [, secondary array]): the 1-based position of the element of rank n when
 * the array is sorted in ascending order; for an N-dimensional array (or slice) the flat,
 * row-major position. XMILE 1.0 §3.7.1.3 ("index of element of given rank in 1D array sorted in
 * ascending order OR flat index of element of given rank in N-D array", "breaks ties using second
 * array": `RANK(A, 3, B)` compares "the corresponding elements in array B"); isee help 10.x,
 * Array builtins: `{6, 2, 8, 5}` → `RANK(A, 2)` = 4, and a secondary array of another size is not
 * used ("the secondary sort will not occur"). The reader warns about that case.
 *
 * Neither text says how ties are broken without a secondary array, or when the secondary values
 * tie too. Supuesto (ours): the element that comes first in the array ranks first, so that equal
 * values keep their order. Neither text says what a rank outside 1…size or a fraction does: this
 * engine stops with an error naming the variable and the time instead of inventing a value.
 */
import { VectorArgumentError } from './argument-error.js';

export function xmileRank(values: readonly number[], n: number, secondary?: readonly number[]): number {
  const size = values.length;
  if (!Number.isInteger(n) || n < 1 || n > size) {
    throw new VectorArgumentError({
      en: `the rank asked of RANK is ${n}, which is not a whole number from 1 to ${size} (the size of its array); XMILE 1.0 §3.7.1.3 and isee's help do not say what RANK gives then`,
      es: `el rango pedido a RANK es ${n}, que no es un número entero de 1 a ${size} (el tamaño de su arreglo); XMILE 1.0 §3.7.1.3 y la ayuda de isee no dicen qué da RANK en ese caso`,
    });
  }
  const bad = values.findIndex((v) => Number.isNaN(v));
  if (bad >= 0) {
    throw new VectorArgumentError({
      en: `element ${bad + 1} of the array given to RANK is not a number (NaN), so the array has no ascending order`,
      es: `el elemento ${bad + 1} del arreglo dado a RANK no es un número (NaN), así que el arreglo no tiene orden ascendente`,
    });
  }
  const second = secondary && secondary.length === size ? secondary : undefined;
  const order = values.map((_, i) => i);
  order.sort((a, b) => values[a]! - values[b]! || (second ? second[a]! - second[b]! : 0) || a - b);
  return order[n - 1]! + 1;
}
