/**
 * The reference interpreter's vector functions, each from its Vensim reference page; the
 * interpreter resolves subscripts and hands over plain values.
 */

/**
 * fn_vector_select: over the elements whose selection is non-zero, action 0 the sum of s·e,
 * 1 the product of s·e, 2 / 3 the least / greatest s·e, 4 the mean of s·e, 5 the product of e^s,
 * 6 / 7 the sum / product of e, 8 / 9 the least / greatest e, 10 the mean of e; missing when no
 * selection is non-zero. (Action 0 is the weighted sum over all elements, which is the same sum.)
 *
 * Action 5: the page writes "the product of the selection_array ^ expression_array", but Vensim's
 * own output has the expression as the base and the selection as the exponent: in
 * sd-test-models/tests/vector_select (output.tab, Vensim DSS 9.2.4), Bout1 1 selects only input1b's
 * 4th element, 1, with selection 3 and gives 1 (1^3; 3^1 would be 3), and Aout1 1 gives 1.76037 =
 * 0.5^1 · 1.2^0.3 · 0.3^-1 · 1^0.5 · 1^1 (the page's way round takes (-1)^0.3, not a number).
 */
export function vectorSelect(pairs: readonly { s: number; e: number }[], missing: number, action: number): number {
  const chosen = pairs.filter((p) => p.s !== 0);
  if (chosen.length === 0) return missing;
  const weighted = chosen.map((p) => p.s * p.e);
  const plain = chosen.map((p) => p.e);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const prod = (xs: number[]): number => xs.reduce((a, b) => a * b, 1);
  switch (action) {
    case 0: return sum(weighted);
    case 1: return prod(weighted);
    case 2: return Math.min(...weighted);
    case 3: return Math.max(...weighted);
    case 4: return sum(weighted) / chosen.length;
    case 5: return prod(chosen.map((p) => Math.pow(p.e, p.s)));
    case 6: return sum(plain);
    case 7: return prod(plain);
    case 8: return Math.min(...plain);
    case 9: return Math.max(...plain);
    case 10: return sum(plain) / chosen.length;
  }
  throw new Error(`reference: VECTOR SELECT numerical action ${action}`);
}

/**
 * fn_vector_sort_order: the zero-based indices of the elements in sorted order, smallest first when
 * direction > 0, biggest first otherwise. Equal values keep their element order (the page leaves
 * ties open; the generator avoids them).
 */
export function sortOrder(values: readonly number[], direction: number): number[] {
  const idx = values.map((_, i) => i);
  return idx.sort((a, b) => (direction > 0 ? values[a]! - values[b]! : values[b]! - values[a]!) || a - b);
}

/** fn_vector_rank: each element's rank (1 for the first in sorted order), same order as sortOrder. */
export function ranks(values: readonly number[], direction: number): number[] {
  const out = new Array<number>(values.length);
  sortOrder(values, direction).forEach((element, position) => { out[element] = position + 1; });
  return out;
}

/** A whole-number offset or index, as VECTOR ELM MAP and VECTOR REORDER take them; anything else is an error. */
export function wholeIndex(x: number, size: number, what: string): number {
  if (!Number.isInteger(x) || x < 0 || x >= size) throw new Error(`reference: ${what} ${x} outside 0..${size - 1}`);
  return x;
}
